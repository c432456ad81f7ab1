/**
 * `processTask`: the stage code shared by the in-process pipeline and distributed workers —
 * fetch → detect → board API or page parse → score → upsert → removals → hand changes on. Each
 * caller only decides where tasks come from, how discovered tasks are queued and how changes
 * reach search/analytics (see {@link StageDeps}).
 * @module
 */

import { jobEvent, jobEventsFromChanges } from '../delivery/events.js';
import { JobkitError, type JobkitErrorCode } from '../errors.js';
import type { Fetcher } from '../ports/fetcher.js';
import { fetchOk } from '../ports/fetcher.js';
import type { JobChange, JobStore, RejectedJob, StoredJob, UpsertResult } from '../ports/job-store.js';
import type { JobEvent } from '../schema/events.js';
import type { JobPosting } from '../schema/job-posting.js';
import { type Coalescer, type CoalescerOptions, createCoalescer } from './coalesce.js';
import { boardKeyOf, taskKey } from './source.js';
import {
  type BoardSource,
  type CrawlTask,
  emptyJobCounts,
  type JobOutcome,
  type JobReader,
  type PipelineError,
  type PipelineStage,
  type TaskReport,
} from './types.js';

const WHERE = 'core/pipeline';

/** Detection below this is too weak to switch a page to a board API read. */
const BOARD_CONFIDENCE = 0.8;

/** What an upsert hands back to {@link processTask}: stored changes and postings the store refused. */
export type StageUpsert = Pick<UpsertResult, 'changes' | 'rejected'>;

/** One page's share of a coalesced upsert: its change, or why the store refused it. */
export type PageUpsert = JobChange | RejectedJob;

const isRejected = (r: PageUpsert): r is RejectedJob => 'reason' in r && 'error' in r;

/**
 * The pipeline's and worker's coalescer for single job pages: concurrent pages share one
 * `upsertJobs` call and each gets back its own result, so a page the store refuses fails alone
 * and its batch-mates are stored. A store that throws for one bad row (instead of reporting it
 * in `rejected`) has the batch split until the row stands alone; errors of the store as a whole
 * (retryable ones: connection lost) still fail every page of the batch, for the queue to retry.
 */
export function createPageUpserter(
  store: JobStore,
  options: CoalescerOptions & { now?: () => Date } = {},
): Coalescer<JobPosting, PageUpsert> {
  const { now, ...coalescer } = options;
  return createCoalescer<JobPosting, PageUpsert>(
    async (jobs) => {
      const res = await store.upsertJobs(jobs, now ? { at: now() } : {});
      const byHash = new Map<string, PageUpsert>(res.changes.map((c) => [c.job.urlHash, c]));
      for (const r of res.rejected ?? []) byHash.set(r.job.urlHash, r);
      return jobs.map(
        (j) =>
          byHash.get(j.urlHash) ?? {
            // A store that silently dropped the row: report it rather than resolve nothing.
            job: j,
            reason: 'the store returned no result for this posting',
            error: new JobkitError('STORE_FAILED', `[${WHERE}] ${store.name} returned no result for ${j.url}`, { retryable: false }),
          },
      );
    },
    { isolate: (e) => !(JobkitError.is(e) && (e.retryable || e.code === 'CLOSED' || e.code === 'ABORTED')), ...coalescer },
  );
}

/** Normalize what `StageDeps.upsert` returned (older callers return the changes only). */
function stageUpsert(out: readonly PageUpsert[] | StageUpsert): StageUpsert {
  if (!Array.isArray(out)) return { changes: (out as StageUpsert).changes, rejected: (out as StageUpsert).rejected ?? [] };
  const changes: JobChange[] = [];
  const rejected: RejectedJob[] = [];
  for (const r of out as readonly PageUpsert[]) (isRejected(r) ? rejected : changes).push(r as never);
  return { changes, rejected };
}

/** What {@link processTask} needs; the pipeline and the worker each build one. */
export interface StageDeps {
  reader: JobReader;
  fetcher: Fetcher;
  store: JobStore;
  qualityThreshold: number;
  now: () => Date;
  /**
   * Upsert (the pipeline batches single job pages here, see {@link createPageUpserter}). Return
   * the store's result, or per-posting results; postings the store refused are reported as
   * `STORE_FAILED` errors of their task, and the rest of the task goes on.
   */
  upsert(jobs: readonly JobPosting[], boardKey: string | undefined): Promise<readonly PageUpsert[] | StageUpsert>;
  /** Hand stored changes on: apply to search/analytics, publish, or just track (outbox). */
  propagate(events: JobEvent[]): Promise<void>;
  /** Queue tasks found while processing (job URLs on a careers page). */
  enqueue(tasks: CrawlTask[]): Promise<void>;
  onStage(stage: PipelineStage, n: number): void;
  onJob(outcome: JobOutcome): void;
  onError(error: PipelineError): void;
}

/** Per-call options of {@link processTask}. */
export interface ProcessTaskOptions {
  signal?: AbortSignal;
  /**
   * True on the task's last allowed attempt: retryable errors are then reported instead of thrown
   * for a retry. @default true
   */
  finalAttempt?: boolean;
}

/** Wrap anything thrown into a {@link JobkitError} (typed causes for `error` events). */
export function asJobkitError(error: unknown, code: JobkitErrorCode, message: string): JobkitError {
  if (JobkitError.is(error)) return error;
  if (error instanceof Error && error.name === 'AbortError') return new JobkitError('ABORTED', `[${WHERE}] aborted`, { cause: error });
  return new JobkitError(code, `[${WHERE}] ${message}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** A fetcher that counts requests, so board reads count their API calls as pages. */
function countingFetcher(inner: Fetcher, onFetch: () => void): Fetcher {
  return {
    name: inner.name,
    fetch(url, options) {
      onFetch();
      return inner.fetch(url, options);
    },
    close: () => Promise.resolve(),
  };
}

const rejectionReason = (job: JobPosting, threshold: number): string => {
  const missing = job.quality.breakdown
    .filter((r) => r.points < r.max)
    .sort((a, b) => b.max - b.points - (a.max - a.points))
    .slice(0, 3)
    .map((r) => `${r.rule} ${r.points}/${r.max}`);
  return `quality ${job.quality.score} < ${threshold}${missing.length ? ` (${missing.join(', ')})` : ''}`;
};

/**
 * Process one crawl task to completion. Errors of the task are reported through `deps.onError`
 * and counted; the call rejects only with `ABORTED`, or with a retryable error when this is not
 * the final attempt (so the queue or broker retries the task).
 */
export async function processTask(task: CrawlTask, deps: StageDeps, options: ProcessTaskOptions = {}): Promise<TaskReport> {
  const key = taskKey(task);
  const signal = options.signal;
  const finalAttempt = options.finalAttempt ?? true;
  const report: TaskReport = { key, task, kind: 'none', pages: 0, jobs: emptyJobCounts(), errors: 0, partial: false, discovered: 0 };
  const fetcher = countingFetcher(deps.fetcher, () => {
    report.pages++;
    deps.onStage('fetch', 1);
  });
  const outcome = (o: Omit<JobOutcome, 'source'>) => {
    report.jobs[o.kind]++;
    deps.onJob({ ...o, source: key });
  };
  const checkAbort = () => {
    if (signal?.aborted) throw new JobkitError('ABORTED', `[${WHERE}] aborted`, { cause: signal.reason });
  };

  /** Score, store and hand on postings; returns stored changes. */
  async function storeJobs(jobs: JobPosting[], boardKey: string | undefined): Promise<void> {
    deps.onStage('score', jobs.length);
    const accepted: JobPosting[] = [];
    for (const job of jobs) {
      if (job.quality.score >= deps.qualityThreshold) accepted.push(job);
      else
        outcome({
          kind: 'rejected',
          url: job.url,
          jobId: job.id,
          urlHash: job.urlHash,
          quality: job.quality.score,
          reason: rejectionReason(job, deps.qualityThreshold),
        });
    }
    if (accepted.length === 0) return;
    checkAbort();
    const { changes, rejected } = stageUpsert(
      await deps.upsert(accepted, boardKey).catch((e) => {
        throw asJobkitError(e, 'STORE_FAILED', `storing ${accepted.length} posting(s) failed`);
      }),
    );
    deps.onStage('upsert', changes.length);
    for (const c of changes) {
      outcome({ kind: c.kind, url: c.job.url, jobId: c.job.id, urlHash: c.job.urlHash, quality: c.job.quality.score });
    }
    // Refused by the store: that posting fails (with the engine's reason), its batch-mates do not.
    for (const r of rejected ?? []) {
      outcome({
        kind: 'rejected',
        url: r.job.url,
        jobId: r.job.id,
        urlHash: r.job.urlHash,
        quality: r.job.quality?.score ?? null,
        reason: `not stored: ${r.reason}`,
      });
      report.errors++;
      deps.onError({ error: asJobkitError(r.error, 'STORE_FAILED', `storing ${r.job.url} failed`), source: key, url: r.job.url });
    }
    const events = jobEventsFromChanges(changes, new Map(), { occurredAt: deps.now() }) as JobEvent[];
    if (events.length > 0) await deps.propagate(events);
  }

  async function readBoard(board: BoardSource): Promise<void> {
    report.kind = 'board';
    const result = await deps.reader.listBoardJobs(board, { fetcher, signal, now: deps.now() });
    deps.onStage('board', 1);
    report.partial = result.partial;
    const boardKey = boardKeyOf(board);
    await storeJobs(result.jobs, boardKey);
    // Only a complete read may retire postings: an outage or a capped read must never look like removals.
    if (result.partial) return;
    checkAbort();
    const at = deps.now();
    let removed: StoredJob[];
    try {
      removed = await deps.store.markMissing({ boardKey, seenUrlHashes: result.jobs.map((j) => j.urlHash), at });
    } catch (e) {
      throw asJobkitError(e, 'STORE_FAILED', `removing unlisted postings of ${boardKey} failed`);
    }
    if (removed.length === 0) return;
    deps.onStage('remove', removed.length);
    for (const r of removed)
      outcome({ kind: 'removed', url: r.job.url, jobId: r.job.id, urlHash: r.job.urlHash, quality: r.job.quality.score });
    await deps.propagate(removed.map((r) => jobEvent('job.removed', r.job, { removedAt: at, occurredAt: at }) as JobEvent));
  }

  /** Try a detected board; `false` when the platform has no board client (the page is then read as HTML). */
  async function tryBoard(board: BoardSource): Promise<boolean> {
    try {
      await readBoard(board);
      return true;
    } catch (e) {
      if (JobkitError.is(e, 'UNSUPPORTED')) {
        report.kind = 'none';
        return false;
      }
      throw e;
    }
  }

  async function fetchPage(url: string): Promise<{ html: string; url: string }> {
    const res = await fetchOk(fetcher, url, { signal, source: WHERE });
    return { html: res.text(), url: res.url };
  }

  function parse(html: string, url: string) {
    deps.onStage('parse', 1);
    return deps.reader.parseJobPage(html, { url, now: deps.now() });
  }

  async function readJobPage(url: string): Promise<void> {
    report.kind = 'job';
    const page = await fetchPage(url);
    const parsed = parse(page.html, page.url);
    if (parsed.job) return storeJobs([parsed.job], undefined);
    outcome({
      kind: 'rejected',
      url,
      jobId: null,
      urlHash: null,
      quality: null,
      reason: parsed.warnings[parsed.warnings.length - 1] ?? 'not a job page',
    });
  }

  async function readUrl(url: string): Promise<void> {
    deps.onStage('detect', 1);
    const byUrl = deps.reader.detectAts({ url });
    if (byUrl?.boardToken && !byUrl.jobId && byUrl.confidence >= BOARD_CONFIDENCE) {
      if (await tryBoard({ platform: byUrl.platform, boardToken: byUrl.boardToken, url })) return;
    }
    const page = await fetchPage(url);
    const parsed = parse(page.html, page.url);
    if (parsed.job) {
      report.kind = 'job';
      return storeJobs([parsed.job], undefined);
    }
    if (byUrl?.jobId) {
      report.kind = 'job';
      outcome({
        kind: 'rejected',
        url,
        jobId: null,
        urlHash: null,
        quality: null,
        reason: parsed.warnings[parsed.warnings.length - 1] ?? 'not a job page',
      });
      return;
    }
    deps.onStage('detect', 1);
    const byPage = parsed.ats ?? deps.reader.detectAts({ url: page.url, html: page.html });
    if (byPage?.boardToken && byPage.confidence >= BOARD_CONFIDENCE) {
      // The board's own URL (e.g. a Workday link on the careers page) carries the vendor host.
      if (await tryBoard({ platform: byPage.platform, boardToken: byPage.boardToken, url: byPage.url ?? page.url })) return;
    }
    report.kind = 'careers';
    const self = new Set([url, page.url]);
    const links = deps.reader.extractJobLinks(page.html, { url: page.url }).filter((l) => !self.has(l.url));
    if (links.length === 0) {
      throw new JobkitError('TARGET_EMPTY', `[${WHERE}] ${url} is neither a job page nor a board, and links to no job pages`, {
        details: { url, warnings: parsed.warnings.slice(-3) },
      });
    }
    report.discovered = links.length;
    await deps.enqueue(links.map((l) => ({ type: 'job', url: l.url })));
  }

  try {
    checkAbort();
    if (task.type === 'board') await readBoard(task.board);
    else if (task.type === 'job') await readJobPage(task.url);
    else await readUrl(task.url);
  } catch (e) {
    if (signal?.aborted) throw new JobkitError('ABORTED', `[${WHERE}] aborted while processing ${key}`, { cause: e });
    const error = asJobkitError(e, 'PARSE_FAILED', `processing ${key} failed`);
    if (error.code === 'ABORTED') throw error;
    if (error.retryable && !finalAttempt) throw error;
    report.errors++;
    deps.onError({ error, source: key, url: task.type === 'board' ? task.board.url : task.url });
  }
  return report;
}
