/**
 * Storage of normalized postings with change detection by content hash.
 * @module
 */
import type { JobkitError } from '../errors.js';
import type { EmploymentType, JobPosting, WorkplaceType } from '../schema/job-posting.js';

export interface JobFilter {
  company?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  workplaceType?: WorkplaceType;
  employmentType?: EmploymentType;
  atsPlatform?: string;
  /** ISO date; postings with `datePosted >= postedAfter`. */
  postedAfter?: string;
  minQuality?: number;
  /** Only postings from this board (see {@link UpsertJobsOptions.boardKey}). */
  boardKey?: string;
  /** Include removed postings. @default false */
  includeRemoved?: boolean;
}

/** A stored posting with its bookkeeping. */
export interface StoredJob {
  job: JobPosting;
  contentHash: string;
  boardKey: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  removedAt: string | null;
}

export type JobChangeKind = 'created' | 'updated' | 'unchanged';

export interface JobChange {
  kind: JobChangeKind;
  job: JobPosting;
  contentHash: string;
  /** Set for `updated`. */
  previousContentHash?: string;
}

export interface UpsertJobsOptions {
  /** Groups postings by the board they were listed on, for {@link JobStore.markMissing}. */
  boardKey?: string;
  /** Time of the observation. @default new Date() */
  at?: Date;
}

/**
 * A posting the store could not write (the engine refused a value, e.g. a NUL byte or a lone
 * surrogate in a text field). Nothing of it was written, no event was emitted for it, and the
 * rest of the call was stored.
 */
export interface RejectedJob {
  job: JobPosting;
  /** Why, in the engine's words (e.g. `unsupported Unicode escape sequence`). */
  reason: string;
  /** `STORE_FAILED`, not retryable (the same row fails again); `details` name the URL hash and SQLSTATE where known. */
  error: JobkitError;
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** One entry per stored input job (deduplicated by urlHash, last one wins), in input order. */
  changes: JobChange[];
  /**
   * Postings refused one by one, in input order; empty when everything was stored. A refused row
   * never sinks the rest of its call: stores retry without it and report it here. Failures that
   * are not a row's fault (connection lost, database down) still reject the whole call.
   * Optional so stores written before it existed keep compiling; absent means none was refused.
   * The built-in stores always set it.
   */
  rejected?: RejectedJob[];
}

export interface ListJobsOptions {
  filter?: JobFilter;
  /** Opaque cursor from a previous page's `next`. */
  after?: string | null;
  /** @default 50 */
  limit?: number;
}

export interface JobPage {
  items: StoredJob[];
  /** Cursor for the next page, null on the last page. */
  next: string | null;
}

export interface MarkMissingInput {
  boardKey: string;
  /** URL hashes seen in a complete fetch of the board; every other active posting of the board is removed. */
  seenUrlHashes: readonly string[];
  at?: Date;
}

export interface JobStoreStats {
  total: number;
  active: number;
  removed: number;
  byPlatform: Record<string, number>;
}

/** Port every job store implements; run `runJobStoreContract` from `@jobkit/core/testing` on yours. */
export interface JobStore {
  readonly name: string;
  /**
   * Idempotent by `urlHash`; unchanged content (same `contentHash`) only touches `lastSeenAt`.
   * A posting the engine refuses lands in `rejected` while the others are stored.
   */
  upsertJobs(jobs: readonly JobPosting[], options?: UpsertJobsOptions): Promise<UpsertResult>;
  /** By `id` or `urlHash`; removed postings are returned too (with `removedAt`). */
  getJob(idOrUrlHash: string): Promise<StoredJob | null>;
  /** Keyset pagination, newest `firstSeenAt` first, ties broken by id. */
  listJobs(options?: ListJobsOptions): Promise<JobPage>;
  /** Call only after a complete board fetch: an outage must never look like a removal. */
  markMissing(input: MarkMissingInput): Promise<StoredJob[]>;
  stats(): Promise<JobStoreStats>;
  close(): Promise<void>;
}
