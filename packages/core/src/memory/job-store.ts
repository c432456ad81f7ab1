/**
 * In-memory reference {@link JobStore}, plus the input normalization and cursor format every
 * store shares so adapters behave identically under `runJobStoreContract`.
 * @module
 */
import { z } from 'zod';
import { invalidArgument, JobkitError } from '../errors.js';
import { contentHash } from '../identity.js';
import type {
  JobChange,
  JobFilter,
  JobPage,
  JobStore,
  JobStoreStats,
  ListJobsOptions,
  MarkMissingInput,
  RejectedJob,
  StoredJob,
  UpsertJobsOptions,
  UpsertResult,
} from '../ports/job-store.js';
import { EmploymentTypeSchema, type JobPosting, WorkplaceTypeSchema } from '../schema/job-posting.js';

// Identity fields only: full schema validation of every posting would dominate bulk upserts, and
// postings reach stores through finalizeJob, which already validated them.
const UpsertJobSchema = z.looseObject({
  id: z.string().regex(/^jk_[0-9a-f]{24}$/),
  urlHash: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.string().min(1),
  title: z.string().min(1),
  company: z.looseObject({ name: z.string().min(1) }),
});

const UpsertOptionsSchema = z.object({ boardKey: z.string().min(1).optional(), at: z.date().optional() });

const JobFilterSchema = z.object({
  company: z.string().min(1).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  workplaceType: WorkplaceTypeSchema.optional(),
  employmentType: EmploymentTypeSchema.optional(),
  atsPlatform: z.string().min(1).optional(),
  postedAfter: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date')
    .optional(),
  minQuality: z.number().min(0).max(100).optional(),
  boardKey: z.string().min(1).optional(),
  includeRemoved: z.boolean().optional(),
});

const ListOptionsSchema = z.object({
  filter: JobFilterSchema.optional(),
  after: z.string().nullable().optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

const MarkMissingSchema = z.object({
  boardKey: z.string().min(1),
  seenUrlHashes: z.array(z.string()),
  at: z.date().optional(),
});

/** One posting ready to write: deduplicated, with its content hash. */
export interface PreparedJob {
  job: JobPosting;
  contentHash: string;
}

/**
 * Validate identity fields, deduplicate by `urlHash` (last one wins, first position kept) and
 * compute content hashes. `where` names the calling module in error messages. With
 * `hash: false` the hashes are left empty for the caller to fill in later (SQL stores hash chunk
 * k+1 while the database works on chunk k).
 * @throws JobkitError `INVALID_ARGUMENT`
 */
export function prepareUpsert(
  where: string,
  jobs: readonly JobPosting[],
  options: UpsertJobsOptions = {},
  { hash = true }: { hash?: boolean } = {},
): { prepared: PreparedJob[]; boardKey: string | null; at: Date } {
  if (!Array.isArray(jobs)) throw invalidArgument(where, 'upsertJobs expects an array of postings');
  const opts = UpsertOptionsSchema.safeParse(options);
  if (!opts.success) throw invalidArgument(where, `invalid upsert options: ${opts.error.message}`, opts.error);
  const byHash = new Map<string, PreparedJob>();
  jobs.forEach((job, i) => {
    const ok = UpsertJobSchema.safeParse(job);
    if (!ok.success) throw invalidArgument(where, `job #${i} is not a finalized JobPosting: ${ok.error.message}`, ok.error);
    byHash.set(job.urlHash, { job, contentHash: hash ? contentHash(job) : '' });
  });
  return { prepared: [...byHash.values()], boardKey: opts.data.boardKey ?? null, at: opts.data.at ?? new Date() };
}

/** Validate list options. @throws JobkitError `INVALID_ARGUMENT` */
export function parseListOptions(
  where: string,
  options: ListJobsOptions = {},
): Required<Pick<ListJobsOptions, 'limit'>> & {
  filter: JobFilter;
  after: { firstSeenAt: string; id: string } | null;
} {
  const parsed = ListOptionsSchema.safeParse(options);
  if (!parsed.success) throw invalidArgument(where, `invalid listJobs options: ${parsed.error.message}`, parsed.error);
  return {
    filter: parsed.data.filter ?? {},
    limit: parsed.data.limit ?? 50,
    after: parsed.data.after ? decodeJobCursor(where, parsed.data.after) : null,
  };
}

/** Validate markMissing input. @throws JobkitError `INVALID_ARGUMENT` */
export function parseMarkMissing(where: string, input: MarkMissingInput): { boardKey: string; seen: string[]; at: Date } {
  const parsed = MarkMissingSchema.safeParse(input);
  if (!parsed.success) throw invalidArgument(where, `invalid markMissing input: ${parsed.error.message}`, parsed.error);
  return { boardKey: parsed.data.boardKey, seen: parsed.data.seenUrlHashes, at: parsed.data.at ?? new Date() };
}

// A NUL, or a surrogate half without its partner: fixed-width lookarounds keep the scan linear.
const UNSTORABLE_TEXT = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Postings are small trees; anything deeper was not built by `finalizeJob`. */
const MAX_SCAN_DEPTH = 64;

/**
 * Why a posting cannot be stored as text by every engine, or null when it can: a NUL byte or a
 * lone surrogate in any string (PostgreSQL's `text` and `jsonb` refuse both, ClickHouse and
 * search engines mangle them). Names the first offending field path. Linear in the posting's size.
 */
export function unstorableText(job: JobPosting): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: job, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const m = UNSTORABLE_TEXT.exec(value);
      if (m) return `${path || 'value'} holds ${m[0] === '\0' ? 'a NUL byte' : 'a lone UTF-16 surrogate'} at offset ${m.index}`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_SCAN_DEPTH) return `${path} is nested deeper than ${MAX_SCAN_DEPTH} levels`;
    for (const [k, v] of Object.entries(value)) {
      const child = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      if (UNSTORABLE_TEXT.test(k)) return `a key of ${path || 'the posting'} holds a NUL byte or a lone UTF-16 surrogate`;
      stack.push({ value: v, path: child, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The {@link RejectedJob} entry a store reports for a posting it refused. `where` names the store,
 * `reason` is the engine's own words; `details` adds e.g. the SQLSTATE.
 */
export function rejectedJob(
  where: string,
  job: JobPosting,
  reason: string,
  options: { cause?: unknown; details?: Record<string, unknown> } = {},
): RejectedJob {
  const error = new JobkitError('STORE_FAILED', `[${where}] posting ${job.url} was not stored: ${reason}`, {
    cause: options.cause,
    retryable: false,
    details: { urlHash: job.urlHash, jobId: job.id, url: job.url, reason, ...options.details },
  });
  return { job, reason, error };
}

/** Opaque keyset cursor: position after (firstSeenAt desc, id desc). */
export function encodeJobCursor(item: { firstSeenAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([item.firstSeenAt, item.id])).toString('base64url');
}

export function decodeJobCursor(where: string, cursor: string): { firstSeenAt: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      return { firstSeenAt: new Date(value[0]).toISOString(), id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalidArgument(where, 'invalid listJobs cursor');
}

/** The filter semantics every store implements (documented once, here). */
export function matchesJobFilter(stored: StoredJob, filter: JobFilter): boolean {
  const job = stored.job;
  if (!filter.includeRemoved && stored.removedAt !== null) return false;
  if (filter.company !== undefined) {
    const c = filter.company.toLowerCase();
    if (job.company.name.toLowerCase() !== c && job.company.domain?.toLowerCase() !== c) return false;
  }
  if (filter.country !== undefined && !job.locations.some((l) => l.country === filter.country)) return false;
  if (filter.workplaceType !== undefined && job.workplaceType !== filter.workplaceType) return false;
  if (filter.employmentType !== undefined && !job.employmentType.includes(filter.employmentType)) return false;
  if (filter.atsPlatform !== undefined && job.ats?.platform !== filter.atsPlatform) return false;
  if (filter.postedAfter !== undefined) {
    if (job.datePosted === null || Date.parse(job.datePosted) < Date.parse(filter.postedAfter)) return false;
  }
  if (filter.minQuality !== undefined && job.quality.score < filter.minQuality) return false;
  if (filter.boardKey !== undefined && stored.boardKey !== filter.boardKey) return false;
  return true;
}

/** Order of `listJobs`: newest `firstSeenAt` first, ties by id descending. */
export function compareStoredJobs(a: StoredJob, b: StoredJob): number {
  if (a.firstSeenAt !== b.firstSeenAt) return a.firstSeenAt < b.firstSeenAt ? 1 : -1;
  return a.job.id < b.job.id ? 1 : a.job.id > b.job.id ? -1 : 0;
}

/** Platform key used in `stats().byPlatform` for postings without an ATS. */
export const NO_PLATFORM = 'unknown';

/** Reference {@link JobStore} in memory: the contract's ground truth, and handy in tests and examples. */
export function createMemoryJobStore(): JobStore {
  const where = 'core/memory-job-store';
  const rows = new Map<string, StoredJob>();
  const ids = new Map<string, string>();
  let closed = false;
  const open = () => {
    if (closed) throw new JobkitError('CLOSED', `[${where}] store is closed`);
  };
  const copy = (s: StoredJob): StoredJob => structuredClone(s);

  return {
    name: 'memory',
    async upsertJobs(jobs, options) {
      open();
      const { prepared, boardKey, at } = prepareUpsert(where, jobs, options);
      const now = at.toISOString();
      const changes: JobChange[] = [];
      const rejected: RejectedJob[] = [];
      let inserted = 0;
      let updated = 0;
      let unchanged = 0;
      for (const { job, contentHash: hash } of prepared) {
        // The reference store refuses what SQL engines refuse, so code tested against it copes with partial writes.
        const bad = unstorableText(job);
        if (bad !== null) {
          rejected.push(rejectedJob(where, job, bad));
          continue;
        }
        const prev = rows.get(job.urlHash);
        if (!prev) {
          rows.set(job.urlHash, {
            job: structuredClone(job),
            contentHash: hash,
            boardKey,
            firstSeenAt: now,
            lastSeenAt: now,
            removedAt: null,
          });
          ids.set(job.id, job.urlHash);
          inserted++;
          changes.push({ kind: 'created', job, contentHash: hash });
        } else if (prev.contentHash === hash && prev.removedAt === null) {
          if (now > prev.lastSeenAt) prev.lastSeenAt = now;
          if (boardKey !== null) prev.boardKey = boardKey;
          unchanged++;
          changes.push({ kind: 'unchanged', job, contentHash: hash });
        } else {
          const previousContentHash = prev.contentHash;
          prev.job = structuredClone(job);
          prev.contentHash = hash;
          if (now > prev.lastSeenAt) prev.lastSeenAt = now;
          if (boardKey !== null) prev.boardKey = boardKey;
          prev.removedAt = null;
          updated++;
          changes.push({ kind: 'updated', job, contentHash: hash, previousContentHash });
        }
      }
      return { inserted, updated, unchanged, changes, rejected } satisfies UpsertResult;
    },
    async getJob(idOrUrlHash) {
      open();
      const row = rows.get(idOrUrlHash) ?? rows.get(ids.get(idOrUrlHash) ?? '');
      return row ? copy(row) : null;
    },
    async listJobs(options): Promise<JobPage> {
      open();
      const { filter, limit, after } = parseListOptions(where, options);
      const all = [...rows.values()].filter((s) => matchesJobFilter(s, filter)).sort(compareStoredJobs);
      const start = after
        ? all.findIndex((s) => compareStoredJobs(s, { firstSeenAt: after.firstSeenAt, job: { id: after.id } } as StoredJob) > 0)
        : 0;
      const slice = start < 0 ? [] : all.slice(start, start + limit + 1);
      const items = slice.slice(0, limit).map(copy);
      const last = items[items.length - 1];
      return { items, next: slice.length > limit && last ? encodeJobCursor({ firstSeenAt: last.firstSeenAt, id: last.job.id }) : null };
    },
    async markMissing(input) {
      open();
      const { boardKey, seen, at } = parseMarkMissing(where, input);
      const seenSet = new Set(seen);
      const removed: StoredJob[] = [];
      for (const row of rows.values()) {
        if (row.boardKey !== boardKey || row.removedAt !== null || seenSet.has(row.job.urlHash)) continue;
        row.removedAt = at.toISOString();
        removed.push(copy(row));
      }
      return removed;
    },
    async stats(): Promise<JobStoreStats> {
      open();
      const stats: JobStoreStats = { total: rows.size, active: 0, removed: 0, byPlatform: {} };
      for (const row of rows.values()) {
        if (row.removedAt !== null) {
          stats.removed++;
          continue;
        }
        stats.active++;
        const key = row.job.ats?.platform ?? NO_PLATFORM;
        stats.byPlatform[key] = (stats.byPlatform[key] ?? 0) + 1;
      }
      return stats;
    },
    async close() {
      closed = true;
    },
  };
}
