/**
 * The ingest pipeline of seed 001: the API publishes validated events to a broker and answers at
 * once; a consumer feeds them through a `BatchWriter` into ClickHouse in large inserts, and acks a
 * message only after its rows are stored (at-least-once, nothing acked is lost). Duplicates from
 * redelivery or client retries collapse in a `ReplacingMergeTree` keyed by event id; `/metrics`
 * reads with `FINAL` (exact) or as stored (eventual). One row ClickHouse refuses does not sink its
 * insert: the writer splits the insert until that row stands alone and dead-letters it (table
 * `events_dead_letter`, with the reason), the rest is stored and every message is acked. Messages
 * that still fail (ClickHouse down for long, undecodable data) are redelivered a bounded number of
 * times, then go to the dead-letter topic.
 * @module
 */

import { type ClickHouseClientLike, isClickHouseDataError } from '@jobkit/adapters/clickhouse';
import {
  type BatchWriter,
  type BatchWriterOptions,
  type Broker,
  createBatchWriter,
  decodeJson,
  encodeJson,
  JobkitError,
  type ReceivedMessage,
  type Subscription,
} from '@jobkit/core';
import { type EventRow, type MetricsQuery, WHERE } from './schema.js';

/** Topic the API publishes event batches to. */
export const EVENTS_TOPIC = 'ingest-events';
/** Where messages go after `maxDeliveryAttempts` failed deliveries. */
const DEAD_LETTER_TOPIC = 'ingest-events-dead';
/** Subscription that keeps dead-lettered messages for an operator. */
export const DEAD_LETTER_SUBSCRIPTION = 'ingest-events-dead-letter';

export interface IngestPipelineOptions {
  broker: Broker;
  clickhouse: ClickHouseClientLike;
  /** ClickHouse database of the `events` table. @default 'ingest' */
  database?: string;
  /** Subscription of the ClickHouse consumer. @default 'ingest-clickhouse' */
  subscription?: string;
  /** Rows per ClickHouse insert. @default 5000 */
  maxRows?: number;
  /** Flush a partial batch after this long. @default 200 */
  flushIntervalMs?: number;
  /** Rows buffered or being inserted before the consumer stops taking messages. @default 4 × maxRows */
  maxBufferedRows?: number;
  /** Broker messages (request batches) handled at once. @default 64 */
  maxInFlight?: number;
  /** Called before each insert: tests slow the sink down or make it fail here. */
  beforeInsert?: (rows: readonly EventRow[], attempt: number) => void | Promise<void>;
  /** Writer retry policy. @default { retries: 3, minTimeout: 100 } */
  retry?: BatchWriterOptions<unknown>['retry'];
  /** Deliveries of one message before it goes to {@link DEAD_LETTER_TOPIC}. @default 10 */
  maxDeliveryAttempts?: number;
}

/** A row ClickHouse refused on its own, kept in `events_dead_letter`. */
interface DeadLetteredEvent {
  event_id: string;
  reason: string;
  /** The row as JSON (escapes keep refused characters readable). */
  row: string;
}

interface MetricsGroup {
  key: string;
  total_count: number;
  unique_users: number;
}

interface MetricsResult {
  event_name: string | null;
  from: string;
  to: string;
  consistency: 'exact' | 'eventual';
  total_count: number;
  unique_users: number;
  groups?: MetricsGroup[];
}

export interface IngestPipeline {
  migrate(): Promise<void>;
  /** Publish validated rows (one broker message per request); resolves once the broker has them. */
  accept(rows: readonly EventRow[]): Promise<void>;
  /** Attach the ClickHouse consumer (idempotent). */
  startConsumer(): Promise<void>;
  stopConsumer(): Promise<void>;
  metrics(query: MetricsQuery): Promise<MetricsResult>;
  /** Rows stored (raw, duplicates included), distinct event ids, and distinct dead-lettered event ids. */
  counts(): Promise<{ rows: number; events: number; deadLettered: number }>;
  /** Rows ClickHouse refused, newest first. */
  deadLetters(limit?: number): Promise<DeadLetteredEvent[]>;
  writer(): BatchWriter<Pending> | null;
  /** Force the background merge now (`OPTIMIZE … FINAL`), after which eventual reads are exact. */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

/** A row waiting for its insert; the consumer acks its message once all its rows resolved. */
interface Pending {
  row: EventRow;
  resolve(): void;
  reject(error: unknown): void;
}

const chTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
/** Make text insertable into the dead-letter table, whatever the refused row held. */
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const insertable = (v: string) => v.replace(BAD, '\ufffd');

/** Create the pipeline (call `migrate()` then `startConsumer()`). */
export function createIngestPipeline(options: IngestPipelineOptions): IngestPipeline {
  const db = options.database ?? 'ingest';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(db))
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] database must be an identifier, got ${JSON.stringify(db)}`);
  const { broker, clickhouse } = options;
  const maxRows = options.maxRows ?? 5000;
  let writer: BatchWriter<Pending> | null = null;
  let sub: Subscription | null = null;

  const makeWriter = () =>
    createBatchWriter<Pending>({
      maxRows,
      flushIntervalMs: options.flushIntervalMs ?? 200,
      maxBufferedRows: options.maxBufferedRows ?? maxRows * 4,
      retry: { retries: 3, minTimeout: 100, ...options.retry },
      // A refused value fails every attempt: no retries, split the insert to find the row instead.
      shouldRetry: (error) => !isClickHouseDataError(error),
      isolate: isClickHouseDataError,
      async sink(batch, ctx) {
        const rows = batch.map((p) => p.row);
        await options.beforeInsert?.(rows, ctx.attempt);
        await clickhouse.insert({
          table: `${db}.events`,
          values: rows.map((r) => ({ ...r, ts: chTime(r.ts) })),
          format: 'JSONEachRow',
          // A retried batch carries the same token, so ClickHouse stores it once.
          clickhouse_settings: { insert_deduplication_token: ctx.dedupToken },
        });
        for (const p of batch) p.resolve();
      },
      // Kept with its reason, and the row counts as handled so its message can be acked.
      async onDeadLetter(dead) {
        await clickhouse.insert({
          table: `${db}.events_dead_letter`,
          values: [
            {
              event_id: insertable(dead.row.row.event_id),
              reason: insertable(dead.reason.slice(0, 2000)),
              row: JSON.stringify(dead.row.row),
              at: chTime(Date.now()),
            },
          ],
          format: 'JSONEachRow',
        });
        dead.row.resolve();
      },
      // Not dropped: the messages are nacked and the broker redelivers them (bounded, then dead-lettered).
      onError(failed) {
        for (const p of failed.rows) p.reject(failed.error);
      },
    });

  async function handle(message: ReceivedMessage): Promise<void> {
    const rows = decodeJson<EventRow[]>(message.data);
    const w = writer;
    if (!w) throw new JobkitError('CLOSED', `[${WHERE}] consumer stopped`);
    const done: Promise<void>[] = [];
    const pending = rows.map((row) => {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      done.push(new Promise<void>((res, rej) => ((resolve = res), (reject = rej))));
      return { row, resolve, reject };
    });
    // write() waits while the writer is full: the handler (and so the broker's flow control)
    // slows down instead of buffering without bound.
    await w.write(pending);
    await Promise.all(done);
  }

  const num = (v: unknown) => Number(v ?? 0);

  return {
    async migrate() {
      await clickhouse.command({ query: `CREATE DATABASE IF NOT EXISTS ${db}` });
      await clickhouse.command({
        query: `CREATE TABLE IF NOT EXISTS ${db}.events (
          event_id String,
          event_name LowCardinality(String),
          channel LowCardinality(String),
          campaign_id String,
          user_id String,
          ts DateTime64(3, 'UTC'),
          tags Array(String),
          metadata String
        ) ENGINE = ReplacingMergeTree
        PARTITION BY toYYYYMM(ts)
        ORDER BY (event_name, ts, event_id)
        SETTINGS non_replicated_deduplication_window = 1000`,
      });
      await clickhouse.command({
        query: `CREATE TABLE IF NOT EXISTS ${db}.events_dead_letter (
          event_id String,
          reason String,
          row String,
          at DateTime64(3, 'UTC')
        ) ENGINE = ReplacingMergeTree(at)
        ORDER BY event_id`,
      });
    },

    async accept(rows) {
      if (rows.length === 0) return;
      await broker.publish(EVENTS_TOPIC, [{ data: encodeJson(rows) }]);
    },

    async startConsumer() {
      if (sub) return;
      writer = makeWriter();
      // The dead-letter subscription exists before anything can be dead-lettered, so nothing is lost.
      await broker.ensureSubscription?.(DEAD_LETTER_TOPIC, DEAD_LETTER_SUBSCRIPTION);
      sub = await broker.subscribe(EVENTS_TOPIC, options.subscription ?? 'ingest-clickhouse', handle, {
        maxInFlight: options.maxInFlight ?? 64,
        retryDelayMs: { min: 100, max: 5000 },
        maxDeliveryAttempts: options.maxDeliveryAttempts ?? 10,
        deadLetterTopic: DEAD_LETTER_TOPIC,
      });
    },

    async stopConsumer() {
      const s = sub;
      sub = null;
      await s?.close();
      await writer?.close().catch(() => undefined);
      writer = null;
    },

    async metrics(q) {
      const from = `{from:DateTime64(3, 'UTC')}`;
      const to = `{to:DateTime64(3, 'UTC')}`;
      const where = `ts >= ${from} AND ts < ${to}${q.event_name ? ' AND event_name = {name:String}' : ''}`;
      const table = `${db}.events${q.consistency === 'exact' ? ' FINAL' : ''}`;
      const params = { from: chTime(q.fromMs), to: chTime(q.toMs), name: q.event_name ?? '' };
      const select = async <R>(sql: string) =>
        (await (await clickhouse.query({ query: sql, format: 'JSONEachRow', query_params: params })).json()) as R[];
      const [total] = await select<{ c: string; u: string }>(`SELECT count() AS c, uniqExact(user_id) AS u FROM ${table} WHERE ${where}`);
      const result: MetricsResult = {
        event_name: q.event_name ?? null,
        from: new Date(q.fromMs).toISOString(),
        to: new Date(q.toMs).toISOString(),
        consistency: q.consistency,
        total_count: num(total?.c),
        unique_users: num(total?.u),
      };
      if (q.group_by) {
        const key =
          q.group_by === 'hour'
            ? `formatDateTime(toStartOfHour(ts), '%Y-%m-%dT%H:00:00Z')`
            : q.group_by === 'day'
              ? `formatDateTime(toStartOfDay(ts), '%Y-%m-%d')`
              : q.group_by;
        const rows = await select<{ k: string; c: string; u: string }>(
          `SELECT ${key} AS k, count() AS c, uniqExact(user_id) AS u FROM ${table} WHERE ${where} GROUP BY k ORDER BY k`,
        );
        result.groups = rows.map((r) => ({ key: String(r.k), total_count: num(r.c), unique_users: num(r.u) }));
      }
      return result;
    },

    async counts() {
      const r = await clickhouse.query({
        query: `SELECT count() AS rows, uniqExact(event_id) AS events, (SELECT uniqExact(event_id) FROM ${db}.events_dead_letter) AS dead FROM ${db}.events`,
        format: 'JSONEachRow',
      });
      const [row] = (await r.json()) as { rows: string; events: string; dead: string }[];
      return { rows: num(row?.rows), events: num(row?.events), deadLettered: num(row?.dead) };
    },

    async deadLetters(limit = 100) {
      const r = await clickhouse.query({
        query: `SELECT event_id, reason, row FROM ${db}.events_dead_letter FINAL ORDER BY at DESC LIMIT {limit:UInt32}`,
        format: 'JSONEachRow',
        query_params: { limit: Math.max(1, Math.min(10_000, Math.floor(limit))) },
      });
      return (await r.json()) as DeadLetteredEvent[];
    },

    writer: () => writer,

    async optimize() {
      await clickhouse.command({ query: `OPTIMIZE TABLE ${db}.events FINAL` });
    },

    async close() {
      await this.stopConsumer();
    },
  };
}
