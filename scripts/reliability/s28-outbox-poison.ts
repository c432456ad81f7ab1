/**
 * S28: the broker permanently refuses one event of a 500-event relay batch. Two brokers: one that
 * refuses the whole call (all-or-nothing) and one that accepts the rest and reports which it took
 * (`details.publishedIds`, as the Pub/Sub adapter does, with the refused event's ordering key
 * paused for the rest of the call). Pass: only the poison event is retried and finally dead; every
 * healthy event is published exactly once, none goes dead; per-key publish order is seq order; the
 * poison's own later events wait behind it (never published ahead of it).
 *   DATABASE_URL=… npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s28-outbox-poison.ts [--full]
 * CI size: 500 events × 2 brokers; full: 5,000.
 */

import { createOutboxRelay, enqueueOutbox } from '../../packages/adapters/src/postgres/index.js';
import {
  type Broker,
  createEvent,
  EVENT_ID_ATTRIBUTE,
  JobkitError,
  type PublishMessage,
  type SqlExecutor,
} from '../../packages/core/src/index.js';
import { cleanup, connect, FULL, freshSchema, report } from './common.js';

export type PoisonBrokerMode = 'all-or-nothing' | 'partial';

export interface S28Result {
  mode: PoisonBrokerMode;
  events: number;
  published: number;
  /** Healthy events never published (excluding the poison's own successors, which must wait). */
  lost: number;
  /** Healthy events published more than once. */
  doubleApplied: number;
  /** Healthy events that went dead. */
  healthyDead: number;
  poisonDead: boolean;
  poisonAttempts: number;
  /** Later events of the poison's aggregate that were published (must be 0: order). */
  overtook: number;
  /** Aggregates whose published events are not in seq order. */
  outOfOrder: number;
  publishCalls: number;
  rounds: number;
}

/**
 * A broker that records what it accepted and refuses the poison event for good: the whole call
 * (all-or-nothing) or just that message and its key's later messages in the call (partial).
 */
export function poisonBroker(poisonId: string, mode: PoisonBrokerMode): Broker & { accepted: string[]; calls: number } {
  const accepted: string[] = [];
  const idOf = (m: PublishMessage) => m.attributes?.[EVENT_ID_ATTRIBUTE] ?? '';
  const broker = {
    name: `poison-${mode}`,
    accepted,
    calls: 0,
    async publish(topic: string, messages: readonly PublishMessage[]): Promise<string[]> {
      broker.calls++;
      const bad = messages.findIndex((m) => idOf(m) === poisonId);
      if (bad < 0) {
        for (const m of messages) accepted.push(idOf(m));
        return messages.map(idOf);
      }
      const refused = new JobkitError('BROKER_FAILED', `[s28] broker refused message ${poisonId} on "${topic}": invalid attribute`);
      if (mode === 'all-or-nothing') throw refused;
      const pausedKey = messages[bad]!.orderingKey;
      const ids = messages.map((m, i) => (i === bad || (i > bad && m.orderingKey === pausedKey) ? null : idOf(m)));
      for (const id of ids) if (id !== null) accepted.push(id);
      throw new JobkitError(
        'BROKER_FAILED',
        `[s28] publish failed for ${ids.filter((x) => x === null).length} of ${messages.length} messages`,
        {
          cause: refused,
          details: { publishedIds: ids },
        },
      );
    },
    async subscribe(): Promise<never> {
      throw new Error('s28 broker: read `accepted` instead');
    },
    async close() {},
  };
  return broker;
}

/** Enqueue `n` events over n/10 aggregates, poison one early event, relay until only the poison's chain is left. */
export async function runS28(db: SqlExecutor, schema: string, mode: PoisonBrokerMode, n = 500): Promise<S28Result> {
  const aggregates = Math.max(2, Math.floor(n / 10));
  const events = Array.from({ length: n }, (_, i) => createEvent('s28.happened', `agg-${i % aggregates}`, { i }));
  // An early event, so healthy events of its aggregate follow it in the same batch.
  const poison = events[3]!;
  await db.transaction((tx) => enqueueOutbox(tx, events, { schema }));
  const broker = poisonBroker(poison.id, mode);
  const maxAttempts = 4;
  const relay = createOutboxRelay({
    client: db,
    broker,
    topic: 's28',
    schema,
    batchSize: 500,
    maxAttempts,
    backoff: { baseMs: 5, maxMs: 20, jitter: 0 },
  });
  let rounds = 0;
  for (; rounds < 200; rounds++) {
    await relay.runOnce();
    const left = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${schema}.outbox WHERE status = 'pending' AND aggregate_id <> $1`,
      [poison.aggregateId],
    );
    const dead = await db.query<{ status: string }>(`SELECT status FROM ${schema}.outbox WHERE id = $1`, [poison.id]);
    if (Number(left.rows[0]!.n) === 0 && dead.rows[0]!.status === 'dead') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const rows = (
    await db.query<{ id: string; aggregate_id: string; seq: string; status: string; attempts: number }>(
      `SELECT id, aggregate_id, seq::text AS seq, status, attempts FROM ${schema}.outbox ORDER BY seq`,
    )
  ).rows;
  const poisonRow = rows.find((r) => r.id === poison.id)!;
  const successors = new Set(
    rows.filter((r) => r.aggregate_id === poison.aggregateId && BigInt(r.seq) > BigInt(poisonRow.seq)).map((r) => r.id),
  );
  const times = new Map<string, number>();
  for (const id of broker.accepted) times.set(id, (times.get(id) ?? 0) + 1);
  const healthy = rows.filter((r) => r.id !== poison.id && !successors.has(r.id));
  // Per-key order: within each aggregate, first publications follow seq order.
  const seqOf = new Map(rows.map((r) => [r.id, BigInt(r.seq)]));
  const aggOf = new Map(rows.map((r) => [r.id, r.aggregate_id]));
  const lastSeq = new Map<string, bigint>();
  const badAggs = new Set<string>();
  const seen = new Set<string>();
  for (const id of broker.accepted) {
    if (seen.has(id)) continue;
    seen.add(id);
    const agg = aggOf.get(id)!;
    const s = seqOf.get(id)!;
    if ((lastSeq.get(agg) ?? -1n) > s) badAggs.add(agg);
    lastSeq.set(agg, s);
  }
  await relay.stop();
  return {
    mode,
    events: n,
    published: seen.size,
    lost: healthy.filter((r) => !times.has(r.id)).length,
    doubleApplied: healthy.filter((r) => (times.get(r.id) ?? 0) > 1).length,
    healthyDead: healthy.filter((r) => r.status === 'dead').length,
    poisonDead: poisonRow.status === 'dead',
    poisonAttempts: poisonRow.attempts,
    overtook: [...successors].filter((id) => times.has(id)).length,
    outOfOrder: badAggs.size,
    publishCalls: broker.calls,
    rounds: rounds + 1,
  };
}

export const s28Pass = (r: S28Result) =>
  r.lost === 0 && r.doubleApplied === 0 && r.healthyDead === 0 && r.poisonDead && r.overtook === 0 && r.outOfOrder === 0;

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await connect();
  try {
    for (const mode of ['all-or-nothing', 'partial'] as const) {
      const schema = await freshSchema(db, 's28');
      try {
        const r = await runS28(db, schema, mode, FULL ? 5_000 : 500);
        report(`S28 poison event in the outbox (${mode})`, { ...r }, s28Pass(r));
      } finally {
        await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
      }
    }
  } finally {
    await cleanup(db, 'jk_s28_none');
  }
}
