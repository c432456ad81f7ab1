/**
 * S1: the relay is SIGKILLed at random points (mid-batch, between broker accept and "mark
 * published"). Pass: every row delivered ≥ 1×, applied exactly once through the inbox, duplicate
 * deliveries per kill ≤ batch size, nothing left claimed after the lease.
 *   DATABASE_URL=… npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s1-relay-kill.ts [--full]
 * CI size: 4,000 rows / 200 kills; full: 10,000 rows / 1,000 kills. Batch 10 and a 20 ms broker
 * latency keep the relay mid-work when the kill lands (pendingAfterKills > 0 shows it never ran dry).
 */

import { enqueueOutbox } from '../../packages/adapters/src/postgres/index.js';
import { createEvent } from '../../packages/core/src/index.js';
import {
  applyDeliveries,
  checkEffects,
  cleanup,
  connect,
  databaseUrl,
  FULL,
  freshSchema,
  rand,
  report,
  sleep,
  spawnChild,
} from './common.js';

const ROWS = FULL ? 10_000 : 4_000;
const KILLS = FULL ? 1_000 : Number(process.env.KILLS ?? 200);
const BATCH = 10;
const LEASE_MS = 1500;

const url = databaseUrl();
const db = await connect(url);
const schema = await freshSchema(db, 's1');
const t0 = Date.now();
try {
  for (let i = 0; i < ROWS; i += 1000) {
    const events = Array.from({ length: Math.min(1000, ROWS - i) }, (_, k) =>
      createEvent('reliability.s1', `agg${(i + k) % 97}`, { n: i + k }),
    );
    await db.transaction((tx) => enqueueOutbox(tx, events, { schema }));
  }
  const env = { DATABASE_URL: url, SCHEMA: schema, BATCH: String(BATCH), LEASE_MS: String(LEASE_MS), PUBLISH_DELAY_MS: '20' };
  let kills = 0;
  // Keep some work for every kill: stop killing early only if everything is already published.
  while (kills < KILLS) {
    const { child, ready, exited } = await spawnChild('./relay-child.ts', env);
    await ready;
    await sleep(rand(0, 250));
    child.kill('SIGKILL');
    await exited;
    kills++;
    if (kills % 50 === 0) console.error(`… ${kills} kills`);
  }
  const pendingAfterKills = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.outbox WHERE status = 'pending'`)).rows[0]!.n,
  );
  // Restart once more and let it drain; leases left by the last victim must expire and be retaken.
  const drain = await spawnChild('./relay-child.ts', { ...env, DRAIN: '1' });
  const code = await drain.exited;
  await sleep(LEASE_MS + 100);
  const stuck = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.outbox WHERE status <> 'published' OR claim_token IS NOT NULL`))
      .rows[0]!.n,
  );
  const { deliveries, handlerRuns } = await applyDeliveries(db, schema);
  const c = await checkEffects(db, schema, `SELECT id FROM ${schema}.outbox`);
  const duplicates = deliveries - c.expected;
  const pass = code === 0 && c.lost === 0 && c.doubleApplied === 0 && c.unexpected === 0 && stuck === 0 && duplicates <= kills * BATCH;
  report(
    'S1 relay SIGKILL',
    {
      rows: ROWS,
      kills,
      pendingAfterKills,
      deliveries,
      duplicateDeliveries: duplicates,
      maxAllowedDuplicates: kills * BATCH,
      handlerRuns,
      ...c,
      stuck,
      seconds: Math.round((Date.now() - t0) / 1000),
    },
    pass,
  );
} finally {
  await cleanup(db, schema);
}
