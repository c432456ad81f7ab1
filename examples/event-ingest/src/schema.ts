/**
 * Input contracts of the ingest API (seed 001): one event or a batch for `POST /events`, and the
 * `GET /metrics` query. Event ids are the deduplication key from the API to ClickHouse.
 * @module
 */
import { z } from 'zod';
import { JobkitError, sha256Hex, stableStringify } from '@jobkit/core';

export const WHERE = 'example/event-ingest';

/** Largest batch one request may carry. */
export const MAX_BATCH = 1000;
/** Events may be stamped up to this far in the future (client clock skew). */
const FUTURE_SKEW_MS = 5 * 60_000;

const name = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

export const EventSchema = z
  .object({
    /** Client-chosen idempotency key; a retried event with the same id is counted once. */
    event_id: z.string().trim().min(1).max(128).optional(),
    event_name: name,
    channel: name,
    campaign_id: z.string().trim().min(1).max(100).optional(),
    user_id: z.string().trim().min(1).max(200),
    /** Unix seconds, or an ISO 8601 date-time. */
    timestamp: z.union([z.number().int().positive(), z.string().datetime({ offset: true })]),
    tags: z.array(z.string().min(1).max(100)).max(50).default([]),
    metadata: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .transform((e, ctx) => {
    const ms = typeof e.timestamp === 'number' ? e.timestamp * 1000 : Date.parse(e.timestamp);
    if (ms > Date.now() + FUTURE_SKEW_MS) ctx.addIssue({ code: 'custom', message: 'timestamp is in the future', path: ['timestamp'] });
    return { ...e, ts: ms };
  });
export type IngestEvent = z.output<typeof EventSchema>;

/** A batch: an array, or `{ events: [...] }` (any other object is a single event). */
const BatchSchema = z.array(z.unknown()).min(1).max(MAX_BATCH);

/** The row stored in ClickHouse (and carried by the broker). */
export interface EventRow {
  event_id: string;
  event_name: string;
  channel: string;
  campaign_id: string;
  user_id: string;
  /** Epoch milliseconds. */
  ts: number;
  tags: string[];
  metadata: string;
}

/**
 * Validate a request body into rows. Events without `event_id` get one derived from their content,
 * so a client retrying the same payload is still counted once (two truly identical events sent
 * without ids collapse too: send ids when that matters).
 * @throws JobkitError `INVALID_ARGUMENT` listing every bad event by index
 */
export function parseIngestBody(body: unknown): EventRow[] {
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  const list = Array.isArray(body) ? body : isObject && 'events' in body ? (body as { events: unknown }).events : isObject ? [body] : undefined;
  const shape = BatchSchema.safeParse(list);
  if (!shape.success) throw invalid(`body must be an event, an array of 1–${MAX_BATCH} events or { events: [...] }`, shape.error);
  const raw = shape.data;
  const rows: EventRow[] = [];
  const problems: string[] = [];
  raw.forEach((item, i) => {
    const r = EventSchema.safeParse(item);
    if (!r.success) {
      problems.push(...r.error.issues.slice(0, 5).map((x) => `events[${i}].${x.path.join('.') || '(root)'}: ${x.message}`));
      return;
    }
    const e = r.data;
    const metadata = stableStringify(e.metadata);
    rows.push({
      event_id: e.event_id ?? `h:${sha256Hex(stableStringify([e.event_name, e.channel, e.campaign_id ?? '', e.user_id, e.ts, e.tags, metadata])).slice(0, 32)}`,
      event_name: e.event_name,
      channel: e.channel,
      campaign_id: e.campaign_id ?? '',
      user_id: e.user_id,
      ts: e.ts,
      tags: e.tags,
      metadata,
    });
  });
  if (problems.length > 0) throw invalid(problems.slice(0, 20).join('; '));
  return rows;
}

export const MetricsQuerySchema = z
  .object({
    event_name: name.optional(),
    /** Inclusive, unix seconds or ISO. @default 0 */
    from: z.string().optional(),
    /** Exclusive, unix seconds or ISO. @default now + 1 day */
    to: z.string().optional(),
    group_by: z.enum(['channel', 'campaign_id', 'event_name', 'hour', 'day']).optional(),
    /**
     * `exact` merges duplicates at read time (`FINAL`); `eventual` reads the table as stored, which
     * may count an at-least-once duplicate until ClickHouse merges its part. @default 'exact'
     */
    consistency: z.enum(['exact', 'eventual']).default('exact'),
  })
  .strict()
  .transform((q, ctx) => {
    const time = (v: string | undefined, fallback: number, key: string) => {
      if (v === undefined) return fallback;
      const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
      if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: 'must be unix seconds or an ISO date-time', path: [key] });
      return ms;
    };
    const from = time(q.from, 0, 'from');
    const to = time(q.to, Date.now() + 86_400_000, 'to');
    if (from >= to) ctx.addIssue({ code: 'custom', message: '`from` must be before `to`', path: ['from'] });
    return { ...q, fromMs: from, toMs: to };
  });
export type MetricsQuery = z.output<typeof MetricsQuerySchema>;

export function invalid(message: string, cause?: unknown): JobkitError {
  return new JobkitError('INVALID_ARGUMENT', `[${WHERE}] ${message}`, { cause });
}

/** Parse the metrics query string. @throws JobkitError `INVALID_ARGUMENT` */
export function parseMetricsQuery(params: URLSearchParams): MetricsQuery {
  const r = MetricsQuerySchema.safeParse(Object.fromEntries(params));
  if (!r.success) throw invalid(`invalid metrics query: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, r.error);
  return r.data;
}
