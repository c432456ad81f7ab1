/**
 * Distributed crawl workers: `createWorker` consumes crawl tasks from a broker subscription and runs
 * the pipeline's own {@link processTask} on each; `enqueueCrawlTasks` publishes tasks. Any number of
 * worker processes share one subscription; a worker that dies leaves its unacked tasks to be
 * redelivered to the others. A task is acked only after its effects are stored and the tasks it
 * discovered are published, so nothing is lost; a redelivered task finds its postings unchanged
 * (content hash), so no effect is applied twice.
 * @module
 */
import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import { invalidArgument, JobkitError } from '../errors.js';
import { createCoalescer } from '../pipeline/coalesce.js';
import { applyEventsToAnalytics, applyEventsToSearch } from '../pipeline/consumers.js';
import { asJobkitError, createPageUpserter, processTask, type StageDeps } from '../pipeline/process-task.js';
import { parseCrawlTask, sourceToTask, taskKey } from '../pipeline/source.js';
import {
  type CrawlTask,
  type JobReader,
  PIPELINE_STAGES,
  type PipelineEvents,
  type PipelineStage,
  type SourceInput,
  type TaskReport,
} from '../pipeline/types.js';
import type { Analytics } from '../ports/analytics.js';
import { type Broker, decodeJson, encodeJson, type ReceivedMessage, type Subscription } from '../ports/broker.js';
import type { Fetcher } from '../ports/fetcher.js';
import type { JobStore } from '../ports/job-store.js';
import type { SearchIndex } from '../ports/search-index.js';
import { DEFAULT_QUALITY_THRESHOLD } from '../quality.js';
import type { JobEvent } from '../schema/events.js';

const WHERE = 'core/worker';

/** Default topic crawl tasks travel on. */
export const DEFAULT_CRAWL_TOPIC = 'jobkit-crawl-tasks';
/** Default shared subscription of the workers. */
export const DEFAULT_CRAWL_SUBSCRIPTION = 'jobkit-crawl-workers';
/** Message attribute carrying the task key (logs, dedupe). */
export const TASK_KEY_ATTRIBUTE = 'jobkit-task-key';

export interface WorkerOptions {
  broker: Broker;
  reader: JobReader;
  fetcher: Fetcher;
  store: JobStore;
  /**
   * Applied directly after each upsert. Leave both out when the store writes an outbox and a relay
   * plus consumers run elsewhere (the usual distributed setup).
   */
  search?: SearchIndex;
  analytics?: Analytics;
  /** @default 'jobkit-crawl-tasks' */
  topic?: string;
  /** Shared by every worker process, so each task goes to one of them. @default 'jobkit-crawl-workers' */
  subscription?: string;
  /** Tasks handled at once by this worker. @default 8 */
  concurrency?: number;
  /** @default DEFAULT_QUALITY_THRESHOLD (70) */
  qualityThreshold?: number;
  /** Deliveries of a task with a retryable error before the error is reported and the task dropped. @default 5 */
  maxDeliveryAttempts?: number;
  /** How long a task may run before the broker redelivers it elsewhere. @default the broker's */
  ackDeadlineMs?: number;
  /** @default () => new Date() */
  now?: Date | (() => Date);
  /**
   * Awaited after a task's effects are stored and before it is acked, e.g. to record completion in
   * an inbox table in the same database.
   */
  onTaskDone?: (report: TaskReport, message: ReceivedMessage) => Promise<void>;
}

export interface WorkerStats {
  /** Tasks finished (acked) by this worker. */
  tasks: number;
  /** Deliveries handed back for a retry (nack). */
  retried: number;
  /** Tasks published by this worker (discovered job URLs). */
  published: number;
}

export interface CrawlWorker extends EventEmitter<PipelineEvents> {
  readonly stats: Readonly<WorkerStats>;
  /** Stop receiving, let in-flight tasks finish and ack, then detach. */
  close(): Promise<void>;
}

const OptionsSchema = z.object({
  topic: z.string().min(3).optional(),
  subscription: z.string().min(3).optional(),
  concurrency: z.number().int().min(1).max(1024).optional(),
  qualityThreshold: z.number().min(0).max(100).optional(),
  maxDeliveryAttempts: z.number().int().min(1).optional(),
  ackDeadlineMs: z.number().int().min(1).optional(),
});

export interface EnqueueCrawlTasksOptions {
  /** @default 'jobkit-crawl-tasks' */
  topic?: string;
  /** Messages per publish call. @default 500 */
  batchSize?: number;
  /**
   * The workers' subscription, made sure to exist (when the broker has `ensureSubscription`)
   * before the first task is published, so tasks enqueued before any worker starts are kept.
   * `null` skips it, for infrastructure that creates subscriptions itself.
   * @default 'jobkit-crawl-workers'
   */
  subscription?: string | null;
}

/**
 * Publish crawl tasks (or sources, turned into tasks) for workers. Returns the broker message ids.
 * @throws JobkitError `INVALID_ARGUMENT` for a bad source.
 */
export async function enqueueCrawlTasks(
  broker: Broker,
  tasks: readonly (CrawlTask | SourceInput)[],
  options: EnqueueCrawlTasksOptions = {},
): Promise<string[]> {
  if (!broker || typeof broker.publish !== 'function') throw invalidArgument(WHERE, 'enqueueCrawlTasks needs a broker');
  if (!Array.isArray(tasks)) throw invalidArgument(WHERE, 'tasks must be an array');
  const topic = options.topic ?? DEFAULT_CRAWL_TOPIC;
  const batchSize = options.batchSize ?? 500;
  const parsed = tasks.map((t) =>
    t && typeof t === 'object' && 'type' in t && typeof (t as { type: unknown }).type === 'string'
      ? parseCrawlTask(t)
      : sourceToTask(t as SourceInput),
  );
  const subscription = options.subscription === undefined ? DEFAULT_CRAWL_SUBSCRIPTION : options.subscription;
  if (parsed.length > 0 && subscription !== null) await broker.ensureSubscription?.(topic, subscription);
  const ids: string[] = [];
  for (let i = 0; i < parsed.length; i += batchSize) {
    const chunk = parsed.slice(i, i + batchSize);
    ids.push(
      ...(await broker.publish(
        topic,
        chunk.map((t) => ({ data: encodeJson(t), attributes: { [TASK_KEY_ATTRIBUTE]: taskKey(t) } })),
      )),
    );
  }
  return ids;
}

/** Start a worker on the crawl subscription. @throws JobkitError `INVALID_ARGUMENT` for bad options. */
export async function createWorker(options: WorkerOptions): Promise<CrawlWorker> {
  const parsed = OptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw invalidArgument(WHERE, `invalid options: ${parsed.error.message}`, parsed.error);
  for (const k of ['broker', 'reader', 'fetcher', 'store'] as const) if (!options[k]) throw invalidArgument(WHERE, `${k} is required`);
  const { broker, reader, fetcher, store, search, analytics } = options;
  const topic = options.topic ?? DEFAULT_CRAWL_TOPIC;
  const subscriptionName = options.subscription ?? DEFAULT_CRAWL_SUBSCRIPTION;
  const maxAttempts = options.maxDeliveryAttempts ?? 5;
  const nowOpt = options.now;
  const now = typeof nowOpt === 'function' ? nowOpt : nowOpt instanceof Date ? () => nowOpt : () => new Date();
  const emitter = new EventEmitter<PipelineEvents>();
  const stats: WorkerStats = { tasks: 0, retried: 0, published: 0 };
  const stageCounts = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<PipelineStage, number>;

  // A posting the store refuses fails only its own task (see createPageUpserter).
  const upserter = createPageUpserter(store, { maxItems: 200, now });
  const toSearch = search ? createCoalescer<JobEvent, void>(async (ev) => (await applyEventsToSearch(search, ev), [])) : null;
  const toAnalytics = analytics ? createCoalescer<JobEvent, void>(async (ev) => (await applyEventsToAnalytics(analytics, ev), [])) : null;

  const deps: StageDeps = {
    reader,
    fetcher,
    store,
    qualityThreshold: options.qualityThreshold ?? DEFAULT_QUALITY_THRESHOLD,
    now,
    async upsert(jobs, boardKey) {
      if (boardKey !== undefined || jobs.length !== 1) return store.upsertJobs(jobs, boardKey ? { boardKey, at: now() } : { at: now() });
      return [await upserter.add(jobs[0]!)];
    },
    async propagate(events) {
      stageCounts.index += events.length;
      await Promise.all([
        ...(toSearch ? events.map((e) => toSearch.add(e)) : []),
        ...(toAnalytics ? events.map((e) => toAnalytics.add(e)) : []),
      ]);
    },
    async enqueue(found) {
      await enqueueCrawlTasks(broker, found, { topic });
      stats.published += found.length;
    },
    onStage(stage, n) {
      stageCounts[stage] += n;
      emitter.emit('stage', { stage, count: n, total: stageCounts[stage] });
    },
    onJob: (o) => emitter.emit('job', o),
    onError: (e) => emitter.emit('error', e),
  };

  const controller = new AbortController();
  const handler = async (message: ReceivedMessage) => {
    let task: CrawlTask;
    try {
      task = parseCrawlTask(decodeJson(message.data));
    } catch (error) {
      // A malformed task will never succeed: report and ack it rather than poison the subscription.
      emitter.emit('error', {
        error: asJobkitError(error, 'INVALID_ARGUMENT', 'undecodable crawl task'),
        source: message.attributes[TASK_KEY_ATTRIBUTE] ?? message.id,
      });
      return;
    }
    try {
      const report = await processTask(task, deps, { signal: controller.signal, finalAttempt: message.deliveryAttempt >= maxAttempts });
      await options.onTaskDone?.(report, message);
      stats.tasks++;
      if (task.type !== 'job') emitter.emit('source', report);
    } catch (error) {
      stats.retried++;
      throw error;
    }
  };
  const subscription: Subscription = await broker.subscribe(topic, subscriptionName, handler, {
    maxInFlight: options.concurrency ?? 8,
    ...(options.ackDeadlineMs ? { ackDeadlineMs: options.ackDeadlineMs } : {}),
    onError: (error) => {
      if (!JobkitError.is(error, 'ABORTED'))
        emitter.emit('error', { error: asJobkitError(error, 'BROKER_FAILED', 'task handler failed'), source: WHERE });
    },
  });

  let closing: Promise<void> | null = null;
  return Object.assign(emitter, {
    get stats() {
      return stats;
    },
    close() {
      closing ??= (async () => {
        await subscription.close();
        await upserter.idle();
        await Promise.all([toSearch?.idle(), toAnalytics?.idle()]);
      })();
      return closing;
    },
  });
}
