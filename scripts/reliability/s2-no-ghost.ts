/**
 * S2: transactions that roll back after writing their outbox row never publish; committed ones
 * all publish. A relay runs concurrently with the writers.
 *   DATABASE_URL=… npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s2-no-ghost.ts [--full]
 * CI size: 200 + 200 transactions; full: 1,000 + 1,000.
 */

import { createOutboxRelay, enqueueOutbox } from '../../packages/adapters/src/postgres/index.js';
import { createEvent, createMemoryBroker, EVENT_ID_ATTRIBUTE, type SqlExecutor } from '../../packages/core/src/index.js';
import { cleanup, connect, FULL, freshSchema, rand, report, sleep } from './common.js';

export interface S2Result {
  committed: number;
  rolledBack: number;
  published: number;
  ghosts: number;
  lost: number;
}

/** Run S2 on `db` in `schema` (migrated, with the scenario tables). Exported for the vitest small form. */
export async function runS2(db: SqlExecutor, schema: string, perKind: number): Promise<S2Result> {
  await db.query(`CREATE TABLE IF NOT EXISTS ${schema}.domain (id text PRIMARY KEY)`);
  const broker = createMemoryBroker();
  const publishedIds = new Set<string>();
  await broker.subscribe('s2-events', 's2-sub', async (m) => {
    publishedIds.add(m.attributes[EVENT_ID_ATTRIBUTE]!);
  });
  const relay = createOutboxRelay({ client: db, broker, schema, topic: 's2-events', batchSize: 50, pollIntervalMs: 10 });
  relay.start();
  const committed = new Set<string>();
  const rolledBack = new Set<string>();
  const kinds = [...Array(perKind).fill('commit'), ...Array(perKind).fill('rollback')].sort(() => Math.random() - 0.5);
  let i = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (i < kinds.length) {
        const kind = kinds[i++];
        const event = createEvent('reliability.s2', `agg${i % 13}`, { i });
        try {
          await db.transaction(async (tx) => {
            await tx.query(`INSERT INTO ${schema}.domain (id) VALUES ($1)`, [event.id]);
            await enqueueOutbox(tx, [event], { schema });
            if (kind === 'rollback') {
              // Fail at a random point after the outbox row exists (before COMMIT).
              if (Math.random() < 0.5) await sleep(rand(0, 5));
              throw new Error('domain failure');
            }
          });
          committed.add(event.id);
        } catch {
          rolledBack.add(event.id);
        }
      }
    }),
  );
  const t0 = Date.now();
  while ((await relay.metrics()).pendingCount > 0 && Date.now() - t0 < 60_000) await sleep(20);
  await relay.stop();
  await broker.idle({ timeoutMs: 10_000 });
  await broker.close();
  const ghosts = [...publishedIds].filter((id) => rolledBack.has(id) || !committed.has(id)).length;
  const lost = [...committed].filter((id) => !publishedIds.has(id)).length;
  return { committed: committed.size, rolledBack: rolledBack.size, published: publishedIds.size, ghosts, lost };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await connect();
  const schema = await freshSchema(db, 's2');
  try {
    const r = await runS2(db, schema, FULL ? 1000 : 200);
    report('S2 no ghost messages', { ...r }, r.ghosts === 0 && r.lost === 0);
  } finally {
    await cleanup(db, schema);
  }
}
