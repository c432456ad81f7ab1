/**
 * Types of the ingestion pipeline: the {@link JobReader} dependency (implemented by `@jobkit/parsers`
 * as `jobReader`, so core never imports parsers), crawl tasks, per-job outcomes and the typed
 * events both the pipeline and distributed workers emit. No logic lives here.
 * @module
 */
import type { JobkitError } from '../errors.js';
import type { Fetcher } from '../ports/fetcher.js';
import type { AtsMatch, JobPosting, ParsedJobPage } from '../schema/job-posting.js';

/** Which ATS board to read (the shape `listBoardJobs` takes). */
export interface BoardSource {
  /** Platform id, e.g. `greenhouse`. */
  platform: string;
  /** Board token as the detector reports it. */
  boardToken: string;
  /** Board host when the token alone cannot locate the API (Workday pods, regions). */
  host?: string;
  /** Any board or job URL of this board; used to find `host`. */
  url?: string;
}

/** What the reader returns for a board. */
export interface ReaderBoardResult {
  jobs: JobPosting[];
  advertisedTotal: number | null;
  /** True when fewer jobs were read than the board holds: the pipeline then never removes postings. */
  partial: boolean;
  warnings: string[];
}

/**
 * The parsing functions the pipeline needs. `@jobkit/parsers` exports `jobReader` implementing it;
 * pass your own to plug in another parser.
 */
export interface JobReader {
  detectAts(input: { url: string; html?: string }): AtsMatch | null;
  parseJobPage(html: string, options: { url: string; now?: Date }): ParsedJobPage;
  extractJobLinks(html: string, options: { url: string }): { url: string; title: string | null }[];
  listBoardJobs(board: BoardSource, options: { fetcher: Fetcher; signal?: AbortSignal; now?: Date }): Promise<ReaderBoardResult>;
}

/** A pipeline input: a board reference, `platform:boardToken`, or a careers-page / job URL. */
export type SourceInput = string | BoardSource | { url: string };

/**
 * One unit of crawl work; sources and discovered job URLs both become tasks, so the queue (or
 * broker) can resume or distribute them.
 * - `board`: read a board through its API.
 * - `url`: a source URL whose kind (board, job or careers page) is decided when processed.
 * - `job`: a job page found on a careers page.
 */
export type CrawlTask = { type: 'board'; board: BoardSource } | { type: 'url'; url: string } | { type: 'job'; url: string };

/** Stages the pipeline counts. */
export const PIPELINE_STAGES = ['fetch', 'detect', 'board', 'parse', 'score', 'upsert', 'remove', 'index'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export type JobOutcomeKind = 'created' | 'updated' | 'unchanged' | 'rejected' | 'removed';

/** What happened to one posting. */
export interface JobOutcome {
  kind: JobOutcomeKind;
  url: string;
  jobId: string | null;
  urlHash: string | null;
  /** Quality score (null when the page did not parse into a posting). */
  quality: number | null;
  /** Why it was rejected (`kind: 'rejected'`). */
  reason?: string;
  /** The source task that produced it. */
  source: string;
}

/** Counts for one finished task (a source, or a job URL found on a careers page). */
export interface TaskReport {
  /** `board:<platform>:<token>`, the source URL or the job URL. */
  key: string;
  task: CrawlTask;
  /** How the task was read. */
  kind: 'board' | 'job' | 'careers' | 'none';
  pages: number;
  jobs: Record<JobOutcomeKind, number>;
  errors: number;
  /** The board was read only partly (no removals were made). */
  partial: boolean;
  /** Tasks this one discovered (job URLs on a careers page). */
  discovered: number;
}

/** An error met while processing a task; processing goes on with the next task. */
export interface PipelineError {
  error: JobkitError;
  source: string;
  url?: string;
}

export interface PipelineSummary {
  runId: string;
  /** Source tasks finished in this run. */
  sources: number;
  /** HTTP responses read (pages and board API calls made by the pipeline itself). */
  pages: number;
  jobs: Record<JobOutcomeKind, number>;
  errors: number;
  durationMs: number;
  /** The run was aborted; unfinished tasks stay queued for a resume with the same `runId`. */
  aborted: boolean;
}

/** Typed events of {@link @jobkit/core!Pipeline} and workers (eventemitter3). */
export interface PipelineEvents {
  stage: (e: { stage: PipelineStage; count: number; total: number }) => void;
  job: (outcome: JobOutcome) => void;
  source: (report: TaskReport) => void;
  error: (e: PipelineError) => void;
  progress: (e: { done: number; total: number }) => void;
  done: (summary: PipelineSummary) => void;
}

export const emptyJobCounts = (): Record<JobOutcomeKind, number> => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  removed: 0,
});
