/**
 * Storage of normalized postings with change detection by content hash.
 * @module
 */
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

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** One entry per input job (deduplicated by urlHash, last one wins), in input order. */
  changes: JobChange[];
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
  /** Idempotent by `urlHash`; unchanged content (same `contentHash`) only touches `lastSeenAt`. */
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
