/**
 * Consumers that keep search and analytics in step with the job store: broker message handlers
 * for `job.*` events (from the outbox relay or the pipeline) and the direct path used when no
 * broker is configured. Both are idempotent: search upserts/deletes by id, analytics dedupes on the
 * event id (passed as the insert dedup token), so at-least-once delivery never double-counts.
 * @module
 */

import { messageToEvent } from '../delivery/outbox.js';
import { JobkitError } from '../errors.js';
import { sha256Hex } from '../identity.js';
import type { Analytics } from '../ports/analytics.js';
import type { MessageHandler, ReceivedMessage } from '../ports/broker.js';
import type { SearchIndex } from '../ports/search-index.js';
import { JOB_EVENT_TYPES, type JobEvent, JobEventSchema } from '../schema/events.js';
import type { JobPosting } from '../schema/job-posting.js';
import { createCoalescer } from './coalesce.js';

const WHERE = 'core/pipeline/consumers';

/** Decode a broker message into a validated job event, or `null` when it is some other event type. */
export function decodeJobEvent(message: Pick<ReceivedMessage, 'data' | 'attributes'>): JobEvent | null {
  let raw: unknown;
  try {
    raw = messageToEvent(message);
  } catch (cause) {
    throw new JobkitError('PARSE_FAILED', `[${WHERE}] message is not a JSON event envelope`, { cause, retryable: false });
  }
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(JOB_EVENT_TYPES as readonly string[]).includes(type)) return null;
  const parsed = JobEventSchema.safeParse(raw);
  if (!parsed.success) {
    throw new JobkitError('VALIDATION_FAILED', `[${WHERE}] invalid ${type} event: ${parsed.error.message}`, {
      cause: parsed.error,
      retryable: false,
    });
  }
  return parsed.data;
}

/**
 * Apply job events to a search index: the last created/updated posting per job is upserted,
 * removed jobs are deleted (a later event of the same job in the batch wins).
 * @throws JobkitError `SEARCH_FAILED` when a document is rejected or the engine fails.
 */
export async function applyEventsToSearch(search: SearchIndex, events: readonly JobEvent[]): Promise<void> {
  const latest = new Map<string, JobPosting | null>();
  for (const e of events) {
    if (e.type === 'job.removed') latest.set(e.payload.jobId, null);
    else latest.set(e.payload.job.id, e.payload.job);
  }
  const upserts: JobPosting[] = [];
  const deletes: string[] = [];
  for (const [id, job] of latest) {
    if (job) upserts.push(job);
    else deletes.push(id);
  }
  try {
    if (upserts.length > 0) {
      const results = await search.upsert(upserts);
      const bad = results.filter((r) => !r.ok);
      if (bad.length > 0) {
        throw new JobkitError(
          'SEARCH_FAILED',
          `[${WHERE}] ${search.name} rejected ${bad.length} posting(s): ${bad[0]?.id}: ${bad[0]?.error}`,
          {
            retryable: false,
            details: { ids: bad.map((b) => b.id) },
          },
        );
      }
    }
    if (deletes.length > 0) await search.delete(deletes);
  } catch (error) {
    if (JobkitError.is(error)) throw error;
    throw new JobkitError('SEARCH_FAILED', `[${WHERE}] ${search.name} failed to apply ${events.length} event(s)`, {
      cause: error,
      retryable: true,
    });
  }
}

/**
 * Apply job events to analytics, with a dedup token derived from the event ids so a retried or
 * redelivered batch is stored once.
 */
export async function applyEventsToAnalytics(analytics: Analytics, events: readonly JobEvent[]): Promise<void> {
  if (events.length === 0) return;
  try {
    await analytics.ingestJobEvents(events, {
      dedupToken: events.length === 1 ? events[0]!.id : sha256Hex(events.map((e) => e.id).join(',')),
    });
  } catch (error) {
    if (JobkitError.is(error)) throw error;
    throw new JobkitError('ANALYTICS_FAILED', `[${WHERE}] ${analytics.name} failed to ingest ${events.length} event(s)`, {
      cause: error,
      retryable: true,
    });
  }
}

/** Options of the consumer factories. */
export interface JobEventConsumerOptions {
  /** Called with each job event after it was applied (the pipeline uses it to know when it drained). */
  onApplied?: (event: JobEvent, message: ReceivedMessage) => void;
  /**
   * Events applied in one engine call at most. Messages handled concurrently share a call and are
   * acked once it succeeded (nacked together when it failed). @default 256
   */
  maxBatch?: number;
}

/** A handler that decodes `job.*` events and applies them in coalesced batches; other types are acked untouched. */
function batchedJobEventHandler(apply: (events: JobEvent[]) => Promise<void>, options: JobEventConsumerOptions): MessageHandler {
  const batch = createCoalescer<JobEvent, void>(
    async (events) => {
      await apply(events);
      return [];
    },
    { maxItems: options.maxBatch },
  );
  return async (message) => {
    const event = decodeJobEvent(message);
    if (!event) return;
    await batch.add(event);
    options.onApplied?.(event, message);
  };
}

/**
 * A broker handler that mirrors `job.*` events into a search index. Other event types are acked
 * untouched; a malformed job event throws (nack) so it ends in the dead-letter topic.
 */
export function createSearchConsumer(search: SearchIndex, options: JobEventConsumerOptions = {}): MessageHandler {
  if (!search || typeof search.upsert !== 'function')
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] createSearchConsumer needs a SearchIndex`);
  return batchedJobEventHandler((events) => applyEventsToSearch(search, events), options);
}

/** A broker handler that feeds `job.*` events to analytics (deduplicated by event id). */
export function createAnalyticsConsumer(analytics: Analytics, options: JobEventConsumerOptions = {}): MessageHandler {
  if (!analytics || typeof analytics.ingestJobEvents !== 'function') {
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] createAnalyticsConsumer needs an Analytics`);
  }
  return batchedJobEventHandler((events) => applyEventsToAnalytics(analytics, events), options);
}
