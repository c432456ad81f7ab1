/**
 * S7: every message is delivered 1–5 times, some copies concurrently to two consumers (separate
 * connection pools). Pass: exactly one effect per message id; duplicates are acknowledged.
 * Reports how often the handler itself ran (≥ messages: a rolled-back first attempt re-runs).
 *   DATABASE_URL=… npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s7-duplicate-storm.ts [--full]
 * CI size: 2,000 messages; full: 10,000.
 */
import { randomUUID } from 'node:crypto';
import { handleOnce } from '../../packages/adapters/src/postgres/index.js';
import { EVENT_ID_ATTRIBUTE, type SqlExecutor } from '../../packages/core/src/index.js';
import { checkEffects, cleanup, connect, FULL, freshSchema, report } from './common.js';

export interface S7Result {
  messages: number;
  deliveries: number;
  duplicatesAcked: number;
  handlerRuns: number;
  lost: number;
  doubleApplied: number;
  unexpected: number;
}

/** Deliver `n` messages 1–5 times across the consumers (one executor each). */
export async function runS7(consumers: SqlExecutor[], schema: string, n: number, concurrency = 16): Promise<S7Result> {
  const db = consumers[0]!;
  await db.query(`CREATE TABLE IF NOT EXISTS ${schema}.s7_messages (id text PRIMARY KEY)`);
  const ids = Array.from({ length: n }, () => randomUUID());
  await db.query(`INSERT INTO ${schema}.s7_messages SELECT unnest($1::text[])`, [ids]);
  const deliveries: string[] = [];
  for (const id of ids) for (let k = 1 + Math.floor(Math.random() * 5); k > 0; k--) deliveries.push(id);
  // Shuffle so copies land at different times, and adjacent copies land concurrently.
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
  }
  let next = 0;
  let handlerRuns = 0;
  let duplicatesAcked = 0;
  await Promise.all(
    consumers.flatMap((consumer) =>
      Array.from({ length: concurrency }, async () => {
        while (next < deliveries.length) {
          const id = deliveries[next++]!;
          const r = await handleOnce(
            consumer,
            { id: `broker-${Math.random()}`, attributes: { [EVENT_ID_ATTRIBUTE]: id } },
            async (tx) => {
              handlerRuns++;
              await tx.query(`INSERT INTO ${schema}.effects (message_id) VALUES ($1)`, [id]);
            },
            { schema },
          );
          if (r.duplicate) duplicatesAcked++;
        }
      }),
    ),
  );
  const c = await checkEffects(db, schema, `SELECT id FROM ${schema}.s7_messages`);
  return {
    messages: n,
    deliveries: deliveries.length,
    duplicatesAcked,
    handlerRuns,
    lost: c.lost,
    doubleApplied: c.doubleApplied,
    unexpected: c.unexpected,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = await connect();
  const b = await connect();
  const schema = await freshSchema(a, 's7');
  try {
    const r = await runS7([a, b], schema, FULL ? 10_000 : 2_000);
    report(
      'S7 duplicate storm',
      { ...r },
      r.lost === 0 && r.doubleApplied === 0 && r.unexpected === 0 && r.duplicatesAcked === r.deliveries - r.messages,
    );
  } finally {
    await b.close();
    await cleanup(a, schema);
  }
}
