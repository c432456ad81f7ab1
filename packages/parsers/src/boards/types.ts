/**
 * Types of the board API layer: what `listBoardJobs` takes and returns, and the small contract
 * each `ats/<id>.board.ts` client implements. Imports nothing from `ats/` (definitions import
 * this layer, never the other way), so the two never form a cycle.
 * @module
 */
import type { Fetcher, JobDraft, JobPosting } from '@jobkit/core';
import type { SkippedRow } from './rows.js';

/** Which board to read. */
export interface BoardRef {
  /** Platform id, e.g. `greenhouse`. */
  platform: string;
  /** Board token as the detector reports it (Workday: `{tenant}/{site}`). */
  boardToken: string;
  /**
   * Board host when the token alone cannot locate the API (Workday `wdN` pod, Personio `.com`,
   * EU/NA regions). Taken from `url` when omitted.
   */
  host?: string;
  /** Any board or job URL of this board (e.g. `discoverCareerPages` output); used to find `host`. */
  url?: string;
}

/** Options of `listBoardJobs`. */
export interface ListBoardJobsOptions {
  fetcher: Fetcher;
  /** Aborts paging and detail requests; the promise rejects with `ABORTED`. */
  signal?: AbortSignal;
  /** Reference time for relative dates ("Posted 3 days ago") and quality scoring. @default new Date() */
  now?: Date;
  /** Stop after this many jobs; the result is then `partial`. @default 10_000 */
  maxJobs?: number;
  /**
   * Fetch per-job detail where the list lacks structured fields (Greenhouse pay ranges, Workday,
   * SmartRecruiters and BambooHR descriptions). `false` trades completeness for request count.
   * @default true
   */
  details?: boolean;
  /** Detail requests in flight at once. @default 4 */
  detailConcurrency?: number;
  /** Throw {@link @jobkit/parsers!BoardEmpty} when the board has no jobs. @default false */
  failOnEmpty?: boolean;
  /** Throw {@link @jobkit/parsers!Truncated} instead of returning `partial: true`. @default false */
  failOnPartial?: boolean;
  /**
   * Definitions to look `board.platform` up in, as `detectAtsFromSignals` takes them; pass
   * `[...atsPlatforms, myAts]` to read a board of your own ATS definition.
   * @default atsPlatforms
   */
  platforms?: readonly BoardPlatform[];
}

/**
 * What `listBoardJobs` needs of an ATS definition (every `AtsDefinition` is one): kept
 * structural so this layer does not depend on `ats/`.
 */
export interface BoardPlatform {
  readonly id: string;
  readonly name: string;
  matchUrl(url: URL): { host?: string; jobId: string | null; confidence?: number } | null;
  boardApiUrl?(boardToken: string, hints?: { host?: string }): string;
  readonly board?: BoardClient;
}

/** Result of `listBoardJobs`. */
export interface BoardJobsResult {
  jobs: JobPosting[];
  /** The total the API advertised (`meta.total`, `totalFound`, `count`…), or `null` when it states none. */
  advertisedTotal: number | null;
  /** True when fewer jobs were read than the board holds (cap, clamp, failed pages, skipped rows). */
  partial: boolean;
  /** Human-readable notes: skipped rows and jobs, clamps, fallbacks, inconsistent totals. */
  warnings: string[];
  /**
   * Rows of the response that could not be read as jobs (`null` entries, no title, neither id nor
   * URL), each with its position, id when it had one, and the reason. Each also makes the result `partial`.
   */
  skipped: SkippedRow[];
}

/** What a client receives. */
export interface BoardContext {
  /** The definition's id, e.g. `greenhouse`. */
  readonly platform: string;
  /** The platform's definition, typed structurally (board URL helpers read its `matchUrl`). */
  readonly definition: BoardPlatform;
  /** Public list endpoint from the definition, with this board's host hint. */
  apiUrl(): string;
  readonly boardToken: string;
  readonly host: string | undefined;
  readonly fetcher: Fetcher;
  readonly signal: AbortSignal | undefined;
  readonly now: Date;
  readonly maxJobs: number;
  readonly details: boolean;
  readonly detailConcurrency: number;
  /** Record a warning for the result. */
  warn(message: string): void;
  /**
   * Record that a row repeated a job already read (same id): the client kept the first and merged
   * or dropped the repeat; `listBoardJobs` reports the ids with its other merged repeats.
   */
  repeated(id: string): void;
  /** Report a response row that is not a readable job; the result becomes `partial`. */
  skip(row: SkippedRow): void;
}

/** What a client returns; `listBoardJobs` finalizes the drafts and checks completeness. */
export interface BoardListing {
  drafts: JobDraft[];
  /** The total the API states, or `null` when it states none (unknown, not an error). */
  advertisedTotal: number | null;
  /** The client itself knows it stopped short (clamp, cap). */
  partial?: boolean;
}

/** A board API client, attached to its ATS definition as `board`. */
export interface BoardClient {
  /** The id of the definition it belongs to. */
  readonly platform: string;
  /** Read the whole board (paging to completion) into drafts. Throws typed board errors. */
  list(ctx: BoardContext): Promise<BoardListing>;
  /**
   * The job page the vendor documents for one of this board's ids (board URL + id), or
   * `undefined` when it documents none. `listBoardJobs` uses it when rows with different ids
   * share one URL (a careers page or placeholder, not a job page), so each job keeps its own.
   */
  jobUrl?(ctx: BoardContext, jobId: string): string | undefined;
}
