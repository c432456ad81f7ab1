/**
 * S13: SIGTERM a worker with 50 jobs in flight and a grace period. Pass: no claims after the
 * signal, finished jobs completed, the rest released, 0 jobs left `active` after exit, and a
 * relay stopped the same way leaves no outbox row claimed.
 *   DATABASE_URL=… npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s13-sigterm.ts [--full]
 * CI size: handlers 0–3 s, grace 1 s; full: handlers 0–20 s, grace 10 s.
 */

import { createOutboxRelay, createPostgresQueue, enqueueOutbox } from '../../packages/adapters/src/postgres/index.js';
import { createEvent, createMemoryBroker, type SqlExecutor } from '../../packages/core/src/index.js';
import { cleanup, connect, databaseUrl, FULL, freshSchema, report, sleep, spawnChild } from './common.js';

/** In-process form (used by vitest): worker + relay stopped mid-flight; returns what is left held. */
export async function runS13InProcess(
  db: SqlExecutor,
  schema: string,
): Promise<{ active: number; claimedOutbox: number; completed: number; ready: number }> {
  const queue = createPostgresQueue<{ n: number }>({ client: db, schema, name: 's13', leaseMs: 5000 });
  for (let i = 0; i < 50; i++) await queue.enqueue({ n: i });
  const worker = queue.work(
    async (p, { signal }) => {
      const until = Date.now() + (p.n % 2 === 0 ? 10 : 5000);
      while (Date.now() < until && !signal.aborted) await sleep(10);
      if (signal.aborted) throw new Error('aborted');
    },
    { concurrency: 50, pollIntervalMs: 10 },
  );
  while (worker.active < 50 && (await queue.stats()).completed === 0) await sleep(10);
  const broker = createMemoryBroker();
  await db.transaction((tx) =>
    enqueueOutbox(
      tx,
      Array.from({ length: 200 }, (_, i) => createEvent('reliability.s13', `a${i % 5}`, { i })),
      { schema },
    ),
  );
  const relay = createOutboxRelay({
    client: db,
    schema,
    topic: 's13-events',
    batchSize: 20,
    pollIntervalMs: 5,
    broker: { ...broker, name: 'slow', publish: async (t, m) => (await sleep(20), broker.publish(t, m)) },
  });
  relay.start();
  await sleep(100);
  await Promise.all([worker.stop({ graceMs: 200 }), relay.stop()]);
  await broker.close();
  const stats = await queue.stats();
  const claimed = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.outbox WHERE claim_token IS NOT NULL`)).rows[0]!.n,
  );
  return { active: stats.active, claimedOutbox: claimed, completed: stats.completed, ready: stats.ready };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = databaseUrl();
  const db = await connect(url);
  const schema = await freshSchema(db, 's13');
  try {
    const queue = createPostgresQueue<{ n: number }>({ client: db, schema, name: 'reliability', leaseMs: 30_000 });
    for (let i = 0; i < 50; i++) await queue.enqueue({ n: i });
    const grace = FULL ? 10_000 : 1_000;
    const { child, ready, exited } = await spawnChild('./worker-child.ts', {
      DATABASE_URL: url,
      SCHEMA: schema,
      CONCURRENCY: '50',
      LEASE_MS: '30000',
      JOB_MS_MAX: String(FULL ? 20_000 : 3_000),
      GRACE_MS: String(grace),
    });
    await ready;
    while ((await queue.stats()).active < 50) await sleep(10);
    const tSig = Date.now();
    child.kill('SIGTERM');
    // Jobs enqueued after the signal must not be claimed by the stopping worker.
    for (let i = 0; i < 10; i++) await queue.enqueue({ n: 1000 + i });
    const code = await exited;
    const exitMs = Date.now() - tSig;
    const s = await queue.stats();
    const lateClaimed = Number(
      (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.queue_jobs WHERE (payload->>'n')::int >= 1000 AND attempts > 0`))
        .rows[0]!.n,
    );
    const inProc = await runS13InProcess(db, schema);
    const pass =
      code === 0 &&
      s.active === 0 &&
      lateClaimed === 0 &&
      s.completed + s.ready === 60 &&
      inProc.active === 0 &&
      inProc.claimedOutbox === 0;
    report(
      'S13 graceful shutdown',
      {
        exitCode: code ?? -1,
        exitMs,
        graceMs: grace,
        ...s,
        lateClaimed,
        inProcessActive: inProc.active,
        inProcessClaimedOutbox: inProc.claimedOutbox,
      },
      pass,
    );
  } finally {
    await cleanup(db, schema);
  }
}
