/**
 * S9: queue workers SIGKILLed mid-job. Handlers write their effect in the transaction that
 * completes the job. Pass: every job completed, exactly one effect each, killed attempts counted,
 * nothing left active after the lease.
 *   DATABASE_URL=… npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s9-worker-kill.ts [--full]
 * CI size: 1,000 jobs / 100 kills; full: 5,000 jobs / 1,000 kills.
 */
import { createPostgresQueue } from '../../packages/adapters/src/postgres/index.js';
import { checkEffects, cleanup, connect, databaseUrl, FULL, freshSchema, rand, report, sleep, spawnChild } from './common.js';

const JOBS = FULL ? 5_000 : 1_000;
const KILLS = FULL ? 1_000 : Number(process.env.KILLS ?? 100);
const LEASE_MS = 1000;

const url = databaseUrl();
const db = await connect(url);
const schema = await freshSchema(db, 's9');
const t0 = Date.now();
try {
  const queue = createPostgresQueue<{ n: number }>({ client: db, schema, name: 'reliability', leaseMs: LEASE_MS, maxAttempts: 1000 });
  for (let i = 0; i < JOBS; i++) await queue.enqueue({ n: i });
  const env = { DATABASE_URL: url, SCHEMA: schema, CONCURRENCY: '8', LEASE_MS: String(LEASE_MS), JOB_MS_MAX: '40' };
  for (let k = 0; k < KILLS; k++) {
    const { child, ready, exited } = await spawnChild('./worker-child.ts', env);
    await ready;
    await sleep(rand(0, 150));
    child.kill('SIGKILL');
    await exited;
    if ((k + 1) % 50 === 0) console.error(`… ${k + 1} kills`);
  }
  const afterKills = await queue.stats();
  // Reclaim time: a job held by the last victim becomes claimable once its lease expires.
  const tReclaim = Date.now();
  const survivor = await spawnChild('./worker-child.ts', env);
  await survivor.ready;
  while ((await queue.stats()).completed < JOBS && Date.now() - tReclaim < 120_000) await sleep(100);
  survivor.child.kill('SIGTERM');
  await survivor.exited;
  const final = await queue.stats();
  const retried = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.queue_jobs WHERE attempts > 1`)).rows[0]!.n);
  const c = await checkEffects(db, schema, `SELECT id::text AS id FROM ${schema}.queue_jobs`);
  const pass =
    final.completed === JOBS && final.active === 0 && final.dead === 0 && c.lost === 0 && c.doubleApplied === 0 && c.unexpected === 0;
  report(
    'S9 worker SIGKILL mid-job',
    {
      jobs: JOBS,
      kills: KILLS,
      readyAfterKills: afterKills.ready + afterKills.active,
      jobsRetriedAfterKill: retried,
      ...final,
      ...c,
      drainSeconds: Math.round((Date.now() - tReclaim) / 1000),
      seconds: Math.round((Date.now() - t0) / 1000),
    },
    pass,
  );
} finally {
  await cleanup(db, schema);
}
