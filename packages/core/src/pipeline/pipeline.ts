/**
 * `createPipeline`: the in-process ingestion run. Sources and discovered job URLs go through a
 * crawl queue keyed by run id (resumable) and `concurrency` tasks run {@link processTask} at once;
 * `run()` is that scheduler. Stored changes reach search/analytics through `delivery.ts` (outbox
 * relay, publish after upsert, or direct). `run()` resolves once every change it caused is stored
 * and indexed.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import type { OutboxRelayHandle } from '../delivery/outbox.js';
import { invalidArgument, type JobkitError } from '../errors.js';
import { createMemoryQueue } from '../memory/queue.js';
import type { Analytics } from '../ports/analytics.js';
import type { Broker } from '../ports/broker.js';
import type { Fetcher } from '../ports/fetcher.js';
import type { JobStore } from '../ports/job-store.js';
import type { QueueJob, WorkQueue } from '../ports/queue.js';
import type { SearchIndex } from '../ports/search-index.js';
import { DEFAULT_QUALITY_THRESHOLD } from '../quality.js';
import { createJobDelivery } from './delivery.js';
import { asJobkitError, createPageUpserter, processTask, type StageDeps } from './process-task.js';
import { sourceToTask, taskKey } from './source.js';
import {
  type CrawlTask,
  emptyJobCounts,
  type JobReader,
  PIPELINE_STAGES,
  type PipelineEvents,
  type PipelineStage,
  type PipelineSummary,
  type SourceInput,
} from './types.js';

const WHERE = 'core/pipeline';

/** Default topic job events travel on. */
export const DEFAULT_JOB_EVENTS_TOPIC = 'jobkit-job-events';

export interface PipelineOptions {
  /** Parsing functions; `jobReader` from `@jobkit/parsers`. */
  reader: JobReader;
  fetcher: Fetcher;
  store: JobStore;
  /** Kept in step with the store (see the module doc for how). */
  search?: SearchIndex;
  analytics?: Analytics;
  /** Carry `job.*` events to the search/analytics consumers instead of applying them directly. */
  broker?: Broker;
  /**
   * The outbox relay of a store that writes its outbox (e.g. `createOutboxRelay` from
   * `@jobkit/adapters/postgres` publishing to `topic`). Needs `broker`. The pipeline starts it for
   * the run, drains it at the end and stops it.
   */
  relay?: OutboxRelayHandle;
  /** Topic of job events. @default 'jobkit-job-events' */
  topic?: string;
  /** Subscription name prefix for the consumers (`<prefix>-search`, `<prefix>-analytics`). @default topic */
  subscriptionPrefix?: string;
  /**
   * Crawl queue: a queue, or a factory called with the run id (recommended for durable queues:
   * name it after the run, e.g. `createPostgresQueue({ client: db, name: \`crawl:${runId}\` })`). A queue
   * that already holds tasks is resumed: sources are not enqueued again.
   * @default an in-memory queue per run id, kept by this pipeline (resumable in-process)
   */
  queue?: WorkQueue<CrawlTask> | ((runId: string) => WorkQueue<CrawlTask>);
  /** Postings scoring below this are rejected. @default DEFAULT_QUALITY_THRESHOLD (70) */
  qualityThreshold?: number;
  /** Tasks processed at once. @default 8 */
  concurrency?: number;
  /** Clock for observation times and relative dates. @default () => new Date() */
  now?: Date | (() => Date);
  /** Lease per claimed task; renewed every third of it while the task runs. @default 60000 */
  leaseMs?: number;
  /** How long `run()` waits for the relay and consumers to catch up before reporting an error. @default 60000 */
  drainTimeoutMs?: number;
  /**
   * Postings per coalesced upsert of single job pages. A task waiting for its page's upsert does
   * not count against `concurrency`, so up to this many pages gather while others are fetched.
   * @default 200
   */
  upsertBatch?: number;
  /** How long a job page waits for others to share its upsert when the store is idle. @default 20 */
  upsertWaitMs?: number;
}

export interface RunOptions {
  /** Cancels the run: no new tasks start, in-flight ones stop at their next step and are released to the queue. */
  signal?: AbortSignal;
  /** Resume a run by passing its id again. @default a random UUID */
  runId?: string;
}

export interface Pipeline extends EventEmitter<PipelineEvents> {
  /**
   * Process sources to completion. Resolves with the summary (`aborted: true` after a cancel);
   * rejects only for invalid sources or when the queue itself fails.
   */
  run(sources: readonly SourceInput[], options?: RunOptions): Promise<PipelineSummary>;
}

const OptionsSchema = z.object({
  qualityThreshold: z.number().min(0).max(100).optional(),
  concurrency: z.number().int().min(1).max(1024).optional(),
  leaseMs: z.number().int().min(100).optional(),
  drainTimeoutMs: z.number().int().min(0).optional(),
  upsertBatch: z.number().int().min(1).optional(),
  upsertWaitMs: z.number().min(0).optional(),
  topic: z.string().min(3).optional(),
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Create a pipeline; see the module doc. @throws JobkitError `INVALID_ARGUMENT` for bad options. */
export function createPipeline(options: PipelineOptions): Pipeline {
  const parsed = OptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw invalidArgument(WHERE, `invalid options: ${parsed.error.message}`, parsed.error);
  for (const k of ['reader', 'fetcher', 'store'] as const) {
    if (!options[k]) throw invalidArgument(WHERE, `${k} is required`);
  }
  for (const fn of ['detectAts', 'parseJobPage', 'extractJobLinks', 'listBoardJobs'] as const) {
    if (typeof options.reader[fn] !== 'function')
      throw invalidArgument(WHERE, `reader.${fn} must be a function (use jobReader from @jobkit/parsers)`);
  }
  if (options.relay && !options.broker) throw invalidArgument(WHERE, 'relay needs a broker to publish to');
  const { reader, fetcher, store, search, analytics, broker, relay } = options;
  const topic = options.topic ?? DEFAULT_JOB_EVENTS_TOPIC;
  const subPrefix = options.subscriptionPrefix ?? topic;
  const threshold = options.qualityThreshold ?? DEFAULT_QUALITY_THRESHOLD;
  const concurrency = options.concurrency ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const drainTimeoutMs = options.drainTimeoutMs ?? 60_000;
  const nowOpt = options.now;
  const now = typeof nowOpt === 'function' ? nowOpt : nowOpt instanceof Date ? () => nowOpt : () => new Date();
  const memoryQueues = new Map<string, WorkQueue<CrawlTask>>();
  const queueFor = (runId: string): WorkQueue<CrawlTask> => {
    const q = options.queue;
    if (typeof q === 'function') return q(runId);
    if (q) return q;
    let mq = memoryQueues.get(runId);
    if (!mq) memoryQueues.set(runId, (mq = createMemoryQueue<CrawlTask>({ name: `crawl:${runId}`, leaseMs })));
    return mq;
  };

  const emitter = new EventEmitter<PipelineEvents>() as Pipeline;

  // Concurrent job pages share one upsert; results are matched back by URL hash. Stores pay a
  // fixed cost per transaction (about 8 ms on PGlite), so a short wait for company pays off.
  const upsertBatch = options.upsertBatch ?? 200;
  // A posting the store refuses fails only its own page (see createPageUpserter).
  const upserter = createPageUpserter(store, { maxItems: upsertBatch, maxWaitMs: options.upsertWaitMs ?? 20 });
  const delivery = createJobDelivery({ search, analytics, broker, relay, topic, subscriptionPrefix: subPrefix, drainTimeoutMs });

  async function run(sources: readonly SourceInput[], runOptions: RunOptions = {}): Promise<PipelineSummary> {
    if (!Array.isArray(sources)) throw invalidArgument(WHERE, 'run() expects an array of sources');
    const tasks = sources.map(sourceToTask);
    const runId = runOptions.runId ?? randomUUID();
    if (typeof runId !== 'string' || runId.length === 0) throw invalidArgument(WHERE, 'runId must be a non-empty string');
    const signal = runOptions.signal;
    const started = Date.now();
    const queue = queueFor(runId);
    const summary: PipelineSummary = { runId, sources: 0, pages: 0, jobs: emptyJobCounts(), errors: 0, durationMs: 0, aborted: false };
    const stageCounts = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<PipelineStage, number>;
    const onStage = (stage: PipelineStage, n: number) => {
      stageCounts[stage] += n;
      emitter.emit('stage', { stage, count: n, total: stageCounts[stage] });
    };
    const reportError = (error: JobkitError, source: string, url?: string) => {
      summary.errors++;
      emitter.emit('error', { error, source, ...(url ? { url } : {}) });
    };

    // Seed unless the queue already holds this run (a resume): finished tasks are never redone.
    const before = await queue.stats();
    const known = before.ready + before.active + before.completed + before.dead;
    let total = known;
    let done = before.completed + before.dead;
    if (known === 0) {
      for (const t of tasks) if ((await queue.enqueue(t, { dedupeKey: taskKey(t) })) !== null) total++;
    }

    const runDelivery = delivery.forRun(reportError);
    // Tasks parked on a coalesced upsert free their slot: they do no work until the batch is
    // written, and holding slots would cap every batch at `concurrency` pages.
    let parked = 0;
    let version = 0;
    let changed: () => void = () => undefined;
    const notify = () => {
      version++;
      changed();
    };
    // Timers are cleared on wake-up: a dangling 60 s timer kept the process alive after run().
    const waitForChange = (since: number, ms: number) =>
      version !== since
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const timer = setTimeout(done, ms);
            function done() {
              clearTimeout(timer);
              changed = () => undefined;
              resolve();
            }
            changed = done;
          });

    try {
      await runDelivery.start();

      const deps: StageDeps = {
        reader,
        fetcher,
        store,
        qualityThreshold: threshold,
        now,
        async upsert(jobs, boardKey) {
          if (boardKey !== undefined || jobs.length !== 1)
            return store.upsertJobs(jobs, boardKey ? { boardKey, at: now() } : { at: now() });
          parked++;
          notify();
          try {
            return [await upserter.add(jobs[0]!)];
          } finally {
            parked--;
          }
        },
        async propagate(events) {
          onStage('index', events.length);
          await runDelivery.propagate(events);
        },
        async enqueue(found) {
          for (const t of found) if ((await queue.enqueue(t, { dedupeKey: taskKey(t), priority: 1 })) !== null) total++;
        },
        onStage,
        onJob: (o) => {
          summary.jobs[o.kind]++;
          emitter.emit('job', o);
        },
        onError: (e) => reportError(e.error, e.source, e.url),
      };

      const inflight = new Set<Promise<void>>();
      const runTask = async (job: QueueJob<CrawlTask>) => {
        const beat = setInterval(() => void queue.extend(job, leaseMs).catch(() => undefined), Math.max(50, Math.floor(leaseMs / 3)));
        beat.unref?.();
        try {
          const report = await processTask(job.payload, deps, { signal, finalAttempt: job.attempts >= job.maxAttempts });
          clearInterval(beat);
          await queue.complete(job);
          summary.pages += report.pages;
          if (job.payload.type !== 'job') {
            summary.sources++;
            emitter.emit('source', report);
          }
          done++;
        } catch (e) {
          clearInterval(beat);
          const error = asJobkitError(e, 'STORE_FAILED', 'task failed');
          if (signal?.aborted || error.code === 'ABORTED') {
            // Give the task back without burning an attempt, so a resume runs it.
            await queue.release(job).catch(() => undefined);
            return;
          }
          const outcome = await queue.fail(job, error).catch(() => 'retry' as const);
          if (outcome === 'dead') {
            done++;
            reportError(error, taskKey(job.payload), job.payload.type === 'board' ? job.payload.board.url : job.payload.url);
          }
        } finally {
          emitter.emit('progress', { done, total });
        }
      };

      // Parked tasks are bounded too: at most one batch beyond `concurrency`.
      const maxInflight = concurrency + upsertBatch;
      while (!signal?.aborted) {
        const seen = version;
        const free = Math.min(concurrency - (inflight.size - parked), maxInflight - inflight.size);
        const claimed = free > 0 ? await queue.claim({ limit: free, leaseMs }) : [];
        for (const job of claimed) {
          // Notify only once the task has left `inflight`, or the loop wakes up to a stale count.
          const p = runTask(job).finally(() => {
            inflight.delete(p);
            notify();
          });
          inflight.add(p);
        }
        if (claimed.length > 0) continue;
        if (inflight.size === 0) {
          const s = await queue.stats();
          if (s.ready === 0 && s.active === 0) break;
          await sleep(25);
        } else {
          // Every running task waits for the batch and nothing is claimable: no reason to wait for company.
          if (inflight.size === parked) upserter.flushNow();
          await waitForChange(seen, free > 0 ? 25 : 60_000);
        }
      }
      await Promise.allSettled(inflight);
      summary.aborted = signal?.aborted === true;

      // Everything this run stored must be indexed before run() resolves.
      await upserter.idle();
      await runDelivery.settle({ aborted: summary.aborted });
    } finally {
      await runDelivery.stop();
    }
    summary.durationMs = Date.now() - started;
    emitter.emit('done', summary);
    return summary;
  }

  return Object.assign(emitter, { run });
}
