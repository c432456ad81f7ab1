/**
 * Events around a job posting, as they travel through the outbox and the broker.
 * @module
 */
import { z } from 'zod';
import { JobPostingSchema } from './job-posting.js';

export const JOB_EVENT_TYPES = ['job.created', 'job.updated', 'job.removed'] as const;
export type JobEventType = (typeof JOB_EVENT_TYPES)[number];

/** Envelope shared by every event Jobkit publishes (job events and user-defined ones). */
export const EventEnvelopeSchema = z.object({
  /** Unique event id; consumers dedupe on it (the outbox row id). */
  id: z.string().min(1),
  /** Dotted event type, e.g. `job.created` or `application.status_changed`. */
  type: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/),
  /** The aggregate the event is about; also the broker ordering key. */
  aggregateId: z.string().min(1),
  occurredAt: z.string(),
  payload: z.unknown(),
});
export type EventEnvelope<P = unknown> = Omit<z.infer<typeof EventEnvelopeSchema>, 'payload'> & { payload: P };

export const JobCreatedPayloadSchema = z.object({ job: JobPostingSchema });
export const JobUpdatedPayloadSchema = z.object({
  job: JobPostingSchema,
  previousContentHash: z.string(),
  changedFields: z.array(z.string()),
});
export const JobRemovedPayloadSchema = z.object({
  jobId: z.string(),
  urlHash: z.string(),
  removedAt: z.string(),
  job: JobPostingSchema.optional(),
});

export const JobEventSchema = z.discriminatedUnion('type', [
  EventEnvelopeSchema.extend({ type: z.literal('job.created'), payload: JobCreatedPayloadSchema }),
  EventEnvelopeSchema.extend({ type: z.literal('job.updated'), payload: JobUpdatedPayloadSchema }),
  EventEnvelopeSchema.extend({ type: z.literal('job.removed'), payload: JobRemovedPayloadSchema }),
]);
export type JobEvent = z.infer<typeof JobEventSchema>;
