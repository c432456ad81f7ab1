/**
 * Input contracts of the ingest API (seed 001): one event or a batch for `POST /events`, and the
 * `GET /metrics` query. Event ids are the deduplication key from the API to ClickHouse.
 * @module
 */

import { JobkitError, sha256Hex, stableStringify } from '@jobkit/core';
import { z } from 'zod';

export const WHERE = 'example/event-ingest';

/** Largest batch one request may carry. */
export const MAX_BATCH = 1000;
/** Events may be stamped up to this far in the future (client clock skew). */
const FUTURE_SKEW_MS = 5 * 60_000;
/** Earliest accepted event time: older stamps are a unit or clock mistake (`timestamp: 1` is 1970). */
const MIN_TIMESTAMP_MS = Date.UTC(2000, 0, 1);
/**
 * Numeric timestamps at or above this are milliseconds, below it seconds. Unambiguous within the
 * accepted range: 2000-01-01 is 946,684,800 in seconds (below) and 946,684,800,000 in
 * milliseconds (above); seconds reach 1e11 only in the year 5138.
 */
const MS_THRESHOLD = 1e11;
/** Deepest `metadata` nesting accepted (checked before anything recurses into it). */
const MAX_METADATA_DEPTH = 8;
/** Most keys + array items + values in one event's `metadata`. */
const MAX_METADATA_NODES = 1000;

/**
 * Text ClickHouse and most stores refuse or mangle: NUL and other C0 controls except tab/newline/CR,
 * and UTF-16 surrogate halves without their partner (`"\ud83d"` decodes from JSON to one).
 * Fixed-width lookarounds only, so the scan is linear.
 */
const BAD_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const badTextMessage = (v: string) => {
  const m = BAD_TEXT.exec(v);
  if (!m) return null;
  const c = m[0].charCodeAt(0);
  return c >= 0xd800
    ? `holds a lone UTF-16 surrogate (\\u${c.toString(16)}) at offset ${m.index}`
    : `holds control character U+${c.toString(16).padStart(4, '0')} at offset ${m.index}`;
};
/** A string with text checks; `.trim()` etc. still apply first. */
const text = (s: z.ZodString) =>
  s.superRefine((v, ctx) => {
    const problem = badTextMessage(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const name = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

/**
 * Walk `metadata` without recursion: depth, size and text checks, so 5,000 nested objects get a
 * 400 here instead of a stack overflow wherever it is serialized.
 */
function checkMetadata(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const stack: { v: unknown; path: (string | number)[]; depth: number }[] = [{ v: value, path: [], depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (++nodes > MAX_METADATA_NODES) {
      ctx.addIssue({ code: 'custom', message: `has more than ${MAX_METADATA_NODES} keys and values`, path: [] });
      return;
    }
    if (typeof v === 'string') {
      const problem = badTextMessage(v);
      if (problem) return void ctx.addIssue({ code: 'custom', message: problem, path });
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_METADATA_DEPTH) {
      ctx.addIssue({
        code: 'custom',
        message: `is nested deeper than ${MAX_METADATA_DEPTH} levels`,
        path: path.slice(0, MAX_METADATA_DEPTH),
      });
      return;
    }
    for (const [k, child] of Object.entries(v)) {
      const problem = Array.isArray(v) ? null : badTextMessage(k);
      if (problem) return void ctx.addIssue({ code: 'custom', message: `key ${problem}`, path });
      stack.push({ v: child, path: [...path, Array.isArray(v) ? Number(k) : k], depth: depth + 1 });
    }
  }
}

/** Epoch ms of a numeric timestamp: seconds (fractions kept to the ms) or milliseconds, see {@link MS_THRESHOLD}. */
const numericTimestampMs = (n: number) => (n >= MS_THRESHOLD ? Math.round(n) : Math.round(n * 1000));

const EventSchema = z
  .object({
    /** Client-chosen idempotency key; a retried event with the same id is counted once. */
    event_id: text(z.string().trim().min(1).max(128)).optional(),
    event_name: name,
    channel: name,
    campaign_id: text(z.string().trim().min(1).max(100)).optional(),
    user_id: text(z.string().trim().min(1).max(200)),
    /** Unix seconds (may have a fraction) or milliseconds, told apart by size; or an ISO 8601 date-time with offset. */
    timestamp: z.union([z.number().finite().positive(), z.string().datetime({ offset: true })]),
    tags: z
      .array(text(z.string().min(1).max(100)))
      .max(50)
      .default([]),
    /** Any JSON object up to {@link MAX_METADATA_DEPTH} levels and {@link MAX_METADATA_NODES} nodes. */
    metadata: z.record(z.string(), z.unknown()).superRefine(checkMetadata).default({}),
  })
  .strict()
  .transform((e, ctx) => {
    const numeric = typeof e.timestamp === 'number';
    const ms = numeric ? numericTimestampMs(e.timestamp as number) : Date.parse(e.timestamp as string);
    const read = numeric
      ? ` (${JSON.stringify(e.timestamp)} read as unix ${(e.timestamp as number) >= MS_THRESHOLD ? 'milliseconds' : 'seconds'} = ${new Date(ms).toISOString()})`
      : '';
    if (ms > Date.now() + FUTURE_SKEW_MS) {
      ctx.addIssue({
        code: 'custom',
        message: `timestamp is in the future${read}; send unix seconds, unix milliseconds or an ISO date-time`,
        path: ['timestamp'],
      });
    } else if (ms < MIN_TIMESTAMP_MS) {
      ctx.addIssue({
        code: 'custom',
        message: `timestamp is before 2000-01-01${read}; send unix seconds, unix milliseconds or an ISO date-time`,
        path: ['timestamp'],
      });
    }
    return { ...e, ts: ms };
  });

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
  const list = Array.isArray(body)
    ? body
    : isObject && 'events' in body
      ? (body as { events: unknown }).events
      : isObject
        ? [body]
        : undefined;
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
      event_id:
        e.event_id ??
        `h:${sha256Hex(stableStringify([e.event_name, e.channel, e.campaign_id ?? '', e.user_id, e.ts, e.tags, metadata])).slice(0, 32)}`,
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

const MetricsQuerySchema = z
  .object({
    event_name: name.optional(),
    /** Inclusive, unix seconds, unix milliseconds or ISO. @default 0 */
    from: z.string().optional(),
    /** Exclusive, unix seconds, unix milliseconds or ISO. @default now + 1 day */
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
      const ms = /^\d{1,16}$/.test(v) ? numericTimestampMs(Number(v)) : Date.parse(v);
      if (Number.isNaN(ms))
        ctx.addIssue({ code: 'custom', message: 'must be unix seconds, unix milliseconds or an ISO date-time', path: [key] });
      return ms;
    };
    const from = time(q.from, 0, 'from');
    const to = time(q.to, Date.now() + 86_400_000, 'to');
    if (from >= to) ctx.addIssue({ code: 'custom', message: '`from` must be before `to`', path: ['from'] });
    return { ...q, fromMs: from, toMs: to };
  });
export type MetricsQuery = z.output<typeof MetricsQuerySchema>;

function invalid(message: string, cause?: unknown): JobkitError {
  return new JobkitError('INVALID_ARGUMENT', `[${WHERE}] ${message}`, { cause });
}

/** Parse the metrics query string. @throws JobkitError `INVALID_ARGUMENT` */
export function parseMetricsQuery(params: URLSearchParams): MetricsQuery {
  const r = MetricsQuerySchema.safeParse(Object.fromEntries(params));
  if (!r.success)
    throw invalid(
      `invalid metrics query: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      r.error,
    );
  return r.data;
}
