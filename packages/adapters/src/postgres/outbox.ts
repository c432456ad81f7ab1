/**
 * Transactional outbox on Postgres/PGlite: `enqueueOutbox` writes events inside the caller's
 * transaction; `createOutboxRelay` publishes them after commit with leased `SKIP LOCKED` claims,
 * per-aggregate ordering, capped backoff with jitter and a `dead` state. A publish failure after
 * commit is retried, never rolled back: delivery is at-least-once, consumers dedupe on the
 * `jobkit-event-id` attribute (see `handleOnce`).
 * @module
 */
import { randomUUID } from 'node:crypto';
import {
  type Broker,
  type EventEnvelope,
  EventEnvelopeSchema,
  eventToMessage,
  invalidArgument,
  JobkitError,
  type OutboxMetrics,
  type OutboxRelayHandle,
  type SqlExecutor,
} from '@jobkit/core';
import { type BackoffOptions, backoffDelay } from '@jobkit/core/adapter-kit';
import { z } from 'zod';
import { type PostgresClientOptions, takeClient } from './client-options.js';
import { capabilitiesOf, type PostgresExecutor } from './executor.js';
import { DEFAULT_SCHEMA, schemaIdent } from './migrations.js';

const WHERE = 'adapters/postgres/outbox';

/** NOTIFY channel the relay listens on for a schema. */
export function outboxChannel(schema: string = DEFAULT_SCHEMA): string {
  return `jobkit_outbox_${schema}`;
}

export interface EnqueueOutboxOptions {
  /** @default 'jobkit' */
  schema?: string;
}

const EventsSchema = z.array(EventEnvelopeSchema);

/**
 * PGlite runs no autovacuum: every claim and publish leaves a dead outbox tuple whose entry stays
 * in the pending index, so each claim scanned every row ever relayed (4 ms per empty claim after
 * 10k events in bench/e2e.ts). The relay vacuums the outbox itself after this many publishes.
 */
const PGLITE_VACUUM_EVERY = 2000;

/**
 * Insert events into the outbox inside the caller's transaction, so they commit (or roll back)
 * with the caller's rows. Returns the event ids.
 * @throws JobkitError `INVALID_ARGUMENT` when `tx` is not a transaction or an event is malformed.
 */
export async function enqueueOutbox(
  tx: SqlExecutor,
  events: readonly EventEnvelope[],
  options: EnqueueOutboxOptions = {},
): Promise<string[]> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = schemaIdent(schema);
  if (!tx.inTransaction) {
    throw invalidArgument(WHERE, 'enqueueOutbox must run inside the transaction that writes the domain rows (use db.transaction(tx => …))');
  }
  const parsed = EventsSchema.safeParse(events);
  if (!parsed.success) throw invalidArgument(WHERE, `invalid outbox event: ${parsed.error.message}`, parsed.error);
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    id: e.id,
    type: e.type,
    aggregate_id: e.aggregateId,
    occurred_at: e.occurredAt,
    payload: e.payload ?? null,
  }));
  await tx.query(
    `INSERT INTO ${s}.outbox (id, type, aggregate_id, occurred_at, payload)
     SELECT x.id, x.type, x.aggregate_id, x.occurred_at::timestamptz, x.payload
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, aggregate_id text, occurred_at text, payload jsonb)`,
    [JSON.stringify(rows)],
  );
  // Delivered at COMMIT only, so a rolled-back transaction never wakes the relay.
  if (capabilitiesOf(tx).listenNotify) await tx.query('SELECT pg_notify($1, $2)', [outboxChannel(schema), '']);
  return events.map((e) => e.id);
}

export interface OutboxRelayOptions extends PostgresClientOptions {
  broker: Broker;
  /** Topic for every event (or use `topicFor`). */
  topic?: string;
  /** Topic per event, e.g. by type. Takes precedence over `topic`. */
  topicFor?: (event: EventEnvelope) => string;
  /** @default 'jobkit' */
  schema?: string;
  /** Rows claimed per round. Bounds duplicates after a crash. @default 100 */
  batchSize?: number;
  /** Idle poll interval (NOTIFY wakes the relay sooner on Postgres). @default 1000 */
  pollIntervalMs?: number;
  /** How long a claim is held before another relay may take the rows over. @default 30000 */
  leaseMs?: number;
  /** Failed publishes before a row goes `dead`. @default 10 */
  maxAttempts?: number;
  /** Retry delays. @default { baseMs: 1000, maxMs: 300000, jitter: 0.5 } */
  backoff?: BackoffOptions;
  /** Use LISTEN/NOTIFY when the executor can. @default true */
  listen?: boolean;
  /** Called with loop errors (database down, publish failures) for logging. */
  onError?: (error: unknown) => void;
}

const RelayOptionsSchema = z.object({
  batchSize: z.number().int().min(1).max(10_000).optional(),
  pollIntervalMs: z.number().int().min(1).optional(),
  leaseMs: z.number().int().min(100).optional(),
  maxAttempts: z.number().int().min(1).optional(),
});

/** A claimed row with its event. */
interface Item {
  row: ClaimedRow;
  event: EventEnvelope;
}

const errorText = (error: unknown) => String(error instanceof Error ? error.message : error).slice(0, 2000);

interface ClaimedRow {
  seq: string;
  id: string;
  type: string;
  aggregate_id: string;
  occurred_at: Date | string;
  payload: unknown;
  attempts: number;
}

export interface OutboxRelay extends OutboxRelayHandle {
  /** True while the background loop runs. */
  readonly running: boolean;
}

/** Publish committed outbox rows to a broker; see the module doc for the guarantees. */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const opts = RelayOptionsSchema.safeParse(options);
  if (!opts.success) throw invalidArgument(WHERE, `invalid relay options: ${opts.error.message}`, opts.error);
  const db = takeClient(options, WHERE);
  if (!options.broker) throw invalidArgument(WHERE, 'broker is required');
  if (!options.topic && !options.topicFor) throw invalidArgument(WHERE, 'pass `topic` or `topicFor`');
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = schemaIdent(schema);
  const { broker } = options;
  const embedded = capabilitiesOf(db).embedded;
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff = { baseMs: 1000, maxMs: 300_000, jitter: 0.5, ...options.backoff };
  const topicOf = (e: EventEnvelope) => options.topicFor?.(e) ?? options.topic!;
  const counters = { published: 0, failed: 0 };
  const liveTokens = new Set<string>();
  let publishedSinceVacuum = 0;

  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let listener: { close(): Promise<void> } | null = null;

  async function claim(token: string): Promise<ClaimedRow[]> {
    return db.transaction(async (tx) => {
      // Claims are serialized per schema: otherwise a claimer that skipped a locked row could
      // take the next event of the same aggregate and publish out of order.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`jobkit.outbox.claim:${schema}`]);
      const r = await tx.query<ClaimedRow>(
        `WITH cand AS (
           SELECT o.seq FROM ${s}.outbox o
           WHERE o.status = 'pending' AND o.available_at <= now()
             AND (o.claimed_until IS NULL OR o.claimed_until < now())
             AND NOT EXISTS (
               SELECT 1 FROM ${s}.outbox p
               WHERE p.aggregate_id = o.aggregate_id AND p.seq < o.seq AND p.status <> 'published'
                 AND (p.status = 'dead' OR p.available_at > now() OR p.claimed_until >= now()))
           ORDER BY o.seq LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE ${s}.outbox o SET claimed_until = now() + $2 * interval '1 millisecond', claim_token = $3
         FROM cand WHERE o.seq = cand.seq
         RETURNING o.seq::text AS seq, o.id, o.type, o.aggregate_id, o.occurred_at, o.payload, o.attempts`,
        [batchSize, leaseMs, token],
      );
      return r.rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    });
  }

  async function runOnce(): Promise<number> {
    const token = randomUUID();
    liveTokens.add(token);
    try {
      const rows = await claim(token);
      if (rows.length === 0) return 0;
      // Publish in seq order, one call per run of consecutive rows with the same topic (a single
      // call in the common one-topic case). Once an aggregate fails, its later rows in this batch
      // are handed back unpublished so event N+1 never overtakes a failed event N.
      const runs: { topic: string; items: Item[] }[] = [];
      for (const row of rows) {
        const event: EventEnvelope = {
          id: row.id,
          type: row.type,
          aggregateId: row.aggregate_id,
          occurredAt: new Date(row.occurred_at).toISOString(),
          payload: row.payload,
        };
        const topic = topicOf(event);
        const last = runs[runs.length - 1];
        if (last && last.topic === topic) last.items.push({ row, event });
        else runs.push({ topic, items: [{ row, event }] });
      }
      const ok: string[] = [];
      const failed: { seq: string; delay: number; error: string }[] = [];
      const skipped: string[] = [];
      const failedAggregates = new Set<string>();
      let lastError: unknown;
      // Publish calls this round may spend on splits to find refused events: enough for about three
      // per round (each costs ~2·log2(batch)); events left over back off and are tried next round.
      let splits = 6 * Math.ceil(Math.log2(rows.length + 1)) + 8;
      const fail = (x: Item, error: unknown) => {
        lastError = error;
        // Only the first failing event of an aggregate is charged an attempt; its successors were
        // refused because of it (a paused ordering key) or never sent, and wait behind it.
        if (failedAggregates.has(x.row.aggregate_id)) return void skipped.push(x.row.seq);
        failedAggregates.add(x.row.aggregate_id);
        failed.push({ seq: x.row.seq, delay: backoffDelay(x.row.attempts + 1, backoff), error: errorText(error) });
      };
      /**
       * Publish a group; on failure only the refused events fail. A broker that reports partial
       * accepts (`details.publishedIds`, as the Pub/Sub adapter does) says which; for an
       * all-or-nothing refusal the group is split in halves until the refused event stands alone
       * (about 2·log2(batch) calls per poison event). Returns false when the broker took none of the
       * events it was sent. When the first half of a split (several events) gets nothing out with a
       * retryable error, the broker itself is in trouble: the second half is not split further and backs off as a whole, as one
       * failed call did before.
       */
      const publishGroup = async (topic: string, group: Item[], split = true): Promise<boolean> => {
        const items = group.filter((x) => {
          if (!failedAggregates.has(x.row.aggregate_id)) return true;
          skipped.push(x.row.seq);
          return false;
        });
        if (items.length === 0) return true;
        let error: unknown;
        try {
          await broker.publish(
            topic,
            items.map((x) => eventToMessage(x.event)),
          );
          for (const x of items) ok.push(x.row.seq);
          return true;
        } catch (e) {
          error = e;
        }
        const ids = JobkitError.is(error) ? error.details.publishedIds : undefined;
        if (Array.isArray(ids) && ids.length === items.length) {
          items.forEach((x, i) => {
            if (typeof ids[i] === 'string') ok.push(x.row.seq);
            else fail(x, error);
          });
          return ids.some((id) => typeof id === 'string');
        }
        if (items.length === 1 || !split || splits <= 0) {
          for (const x of items) fail(x, error);
          return false;
        }
        splits -= 2;
        const mid = items.length >> 1;
        const left = await publishGroup(topic, items.slice(0, mid));
        // A lone refused event says nothing about the broker; several events none of which went out do.
        const outage = !left && mid > 1 && !(JobkitError.is(error) && !error.retryable);
        const right = await publishGroup(topic, items.slice(mid), !outage);
        return left || right;
      };
      for (const run of runs) await publishGroup(run.topic, run.items);
      if (skipped.length > 0) {
        await db.query(
          `UPDATE ${s}.outbox SET claimed_until = NULL, claim_token = NULL WHERE seq = ANY($1::bigint[]) AND claim_token = $2`,
          [skipped, token],
        );
      }
      if (ok.length > 0) {
        await db.query(
          `UPDATE ${s}.outbox SET status = 'published', published_at = now(), claimed_until = NULL, claim_token = NULL
           WHERE seq = ANY($1::bigint[]) AND claim_token = $2`,
          [ok, token],
        );
        counters.published += ok.length;
        publishedSinceVacuum += ok.length;
        if (embedded && !db.inTransaction && publishedSinceVacuum >= PGLITE_VACUUM_EVERY) {
          publishedSinceVacuum = 0;
          await db.query(`VACUUM ${s}.outbox`).catch((error) => options.onError?.(error));
        }
      }
      if (failed.length > 0) {
        counters.failed += failed.length;
        await db.query(
          `UPDATE ${s}.outbox o SET attempts = o.attempts + 1,
             status = CASE WHEN o.attempts + 1 >= $3 THEN 'dead' ELSE 'pending' END,
             available_at = now() + d.delay_ms * interval '1 millisecond',
             claimed_until = NULL, claim_token = NULL, last_error = d.error
           FROM unnest($1::bigint[], $2::int[], $4::text[]) AS d(seq, delay_ms, error)
           WHERE o.seq = d.seq AND o.claim_token = $5`,
          [failed.map((f) => f.seq), failed.map((f) => f.delay), maxAttempts, failed.map((f) => f.error), token],
        );
        options.onError?.(
          new JobkitError('BROKER_FAILED', `[${WHERE}] publish failed for ${failed.length} event(s); will retry`, { cause: lastError }),
        );
      }
      return ok.length;
    } finally {
      liveTokens.delete(token);
    }
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = null;
        resolve();
      }
      wake = done;
    });

  async function ensureListener() {
    const exec = db as PostgresExecutor;
    if (listener || options.listen === false || !exec.listen) return;
    try {
      listener = await exec.listen(
        outboxChannel(schema),
        () => wake?.(),
        (error) => {
          options.onError?.(error);
          const l = listener;
          listener = null;
          void l?.close().catch(() => undefined);
        },
      );
    } catch (error) {
      options.onError?.(error);
    }
  }

  async function runLoop() {
    let errors = 0;
    while (running) {
      await ensureListener();
      let n = 0;
      try {
        n = await runOnce();
        errors = 0;
      } catch (error) {
        errors++;
        options.onError?.(error);
        if (running) await sleep(Math.min(backoffDelay(errors, { baseMs: pollIntervalMs, maxMs: 30_000 }), 30_000));
        continue;
      }
      if (n === 0 && running) await sleep(pollIntervalMs);
    }
  }

  return {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      loop = runLoop();
    },
    runOnce,
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
      const l = listener;
      listener = null;
      await l?.close().catch(() => undefined);
      if (liveTokens.size > 0) {
        await db
          .query(`UPDATE ${s}.outbox SET claimed_until = NULL, claim_token = NULL WHERE claim_token = ANY($1::uuid[])`, [[...liveTokens]])
          .catch((error) => options.onError?.(error));
      }
    },
    async metrics(): Promise<OutboxMetrics> {
      const r = await db.query<{ pending: string; dead: string; age: number | null }>(
        `SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
                count(*) FILTER (WHERE status = 'dead') AS dead,
                (extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending')) * 1000)::float8 AS age
         FROM ${s}.outbox WHERE status <> 'published'`,
      );
      const row = r.rows[0];
      return {
        pendingCount: Number(row?.pending ?? 0),
        deadCount: Number(row?.dead ?? 0),
        oldestPendingAgeMs: Math.max(0, Math.round(Number(row?.age ?? 0))),
        published: counters.published,
        failed: counters.failed,
      };
    },
  };
}

/** Delete published rows older than `olderThanMs`; returns how many. */
export async function pruneOutbox(db: SqlExecutor, options: { olderThanMs: number; schema?: string }): Promise<number> {
  if (!Number.isFinite(options.olderThanMs) || options.olderThanMs < 0) throw invalidArgument(WHERE, 'olderThanMs must be >= 0');
  const s = schemaIdent(options.schema ?? DEFAULT_SCHEMA);
  const r = await db.query(`DELETE FROM ${s}.outbox WHERE status = 'published' AND published_at < now() - $1 * interval '1 millisecond'`, [
    options.olderThanMs,
  ]);
  return r.rowCount;
}

/** Put dead rows back to pending with a fresh attempt budget (after fixing the cause). */
export async function redriveOutbox(db: SqlExecutor, options: { schema?: string; ids?: readonly string[] } = {}): Promise<number> {
  const s = schemaIdent(options.schema ?? DEFAULT_SCHEMA);
  const r = await db.query(
    `UPDATE ${s}.outbox SET status = 'pending', attempts = 0, available_at = now(), last_error = NULL
     WHERE status = 'dead' AND ($1::text[] IS NULL OR id = ANY($1::text[]))`,
    [options.ids ? [...options.ids] : null],
  );
  return r.rowCount;
}
