/**
 * Building event envelopes for the outbox: job events from store changes and user-defined events.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { invalidArgument } from '../errors.js';
import { stableStringify, VOLATILE_JOB_FIELDS } from '../identity.js';
import type { JobChange } from '../ports/job-store.js';
import { type EventEnvelope, EventEnvelopeSchema, type JobEventType } from '../schema/events.js';
import type { JobPosting } from '../schema/job-posting.js';

/** Options shared by the event constructors. */
export interface EventOptions {
  /** Event id (consumers dedupe on it). @default a random UUID */
  id?: string;
  /** @default new Date() */
  occurredAt?: Date;
}

/**
 * A user-defined event. Validates the envelope so a malformed type never reaches the outbox.
 * @throws JobkitError `INVALID_ARGUMENT`
 */
export function createEvent<P>(type: string, aggregateId: string, payload: P, options: EventOptions = {}): EventEnvelope<P> {
  const envelope = {
    id: options.id ?? randomUUID(),
    type,
    aggregateId,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    payload,
  };
  const parsed = EventEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) throw invalidArgument('core/delivery', `invalid event: ${parsed.error.message}`, parsed.error);
  return envelope;
}

/** Top-level posting fields whose value differs (volatile fields ignored). */
export function changedJobFields(previous: Partial<JobPosting> | null | undefined, next: JobPosting): string[] {
  if (!previous) return [];
  const skip = new Set<string>(VOLATILE_JOB_FIELDS);
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  const out: string[] = [];
  for (const key of [...keys].sort()) {
    if (skip.has(key)) continue;
    const a = (previous as Record<string, unknown>)[key];
    const b = (next as Record<string, unknown>)[key];
    if (stableStringify(a ?? null) !== stableStringify(b ?? null)) out.push(key);
  }
  return out;
}

/**
 * A `job.created` / `job.updated` / `job.removed` event for a posting; the aggregate is the job id,
 * so all events of one posting share an ordering key.
 */
export function jobEvent(
  type: JobEventType,
  job: JobPosting,
  extra: { previousContentHash?: string; changedFields?: string[]; removedAt?: Date | string } & EventOptions = {},
): EventEnvelope {
  let payload: unknown;
  if (type === 'job.created') payload = { job };
  else if (type === 'job.updated') {
    payload = { job, previousContentHash: extra.previousContentHash ?? '', changedFields: extra.changedFields ?? [] };
  } else {
    const removedAt = extra.removedAt ?? extra.occurredAt ?? new Date();
    payload = {
      jobId: job.id,
      urlHash: job.urlHash,
      removedAt: typeof removedAt === 'string' ? removedAt : removedAt.toISOString(),
      job,
    };
  }
  return createEvent(type, job.id, payload, extra);
}

/** Events for the created/updated entries of an upsert (unchanged postings emit nothing). */
export function jobEventsFromChanges(
  changes: readonly JobChange[],
  previous: ReadonlyMap<string, Partial<JobPosting>> = new Map(),
  options: Pick<EventOptions, 'occurredAt'> = {},
): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  for (const change of changes) {
    if (change.kind === 'created') events.push(jobEvent('job.created', change.job, options));
    else if (change.kind === 'updated') {
      events.push(
        jobEvent('job.updated', change.job, {
          ...options,
          previousContentHash: change.previousContentHash ?? '',
          changedFields: changedJobFields(previous.get(change.job.urlHash), change.job),
        }),
      );
    }
  }
  return events;
}
