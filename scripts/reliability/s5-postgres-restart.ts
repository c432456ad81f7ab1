/**
 * S5: PostgreSQL is killed (`pg_ctl stop -m immediate`) and restarted while an outbox relay and
 * queue workers are busy. Runs against a throwaway cluster created under /tmp on its own port —
 * never the shared server. Pass: relay and workers recover without a process restart, lost = 0,
 * doubleApplied = 0, nothing stuck after the lease, no unhandled rejection.
 *   npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s5-postgres-restart.ts [--full]
 * CI size: 5 restarts, 2,000 events + 500 jobs; full: 20 restarts, 10,000 events + 2,000 jobs.
 * Needs initdb/pg_ctl on PATH (run as root it uses `su postgres`).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOutboxRelay, createPostgresQueue, enqueueOutbox } from '../../packages/adapters/src/postgres/index.js';
import { createEvent } from '../../packages/core/src/index.js';
import { applyDeliveries, checkEffects, connect, FULL, freshSchema, rand, report, sleep, tableBroker } from './common.js';

const RESTARTS = FULL ? 20 : 5;
const EVENTS = FULL ? 10_000 : 2_000;
const JOBS = FULL ? 2_000 : 500;
const PORT = Number(process.env.S5_PORT ?? 54329);
const LEASE_MS = 2000;

const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'jk-s5-'));
const pgData = join(dir, 'data');
if (isRoot)
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
const asPg = (cmd: string, args: string[]) => {
  const line = [cmd, ...args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`)].join(' ');
  return isRoot ? execFileSync('su', ['postgres', '-c', line], { stdio: 'pipe' }) : execFileSync('sh', ['-c', line], { stdio: 'pipe' });
};
const start = () =>
  asPg('pg_ctl', [
    '-D',
    pgData,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
const kill = () => asPg('pg_ctl', ['-D', pgData, '-m', 'immediate', '-w', 'stop']);

let unhandled = 0;
process.on('unhandledRejection', (e) => {
  unhandled++;
  console.error('unhandled rejection:', e);
});

// Never leave the throwaway cluster running, even if this process dies.
process.on('exit', () => {
  try {
    asPg('pg_ctl', ['-D', pgData, '-m', 'immediate', '-w', 'stop']);
  } catch {
    // already down
  }
  rmSync(dir, { recursive: true, force: true });
});
asPg('initdb', ['-D', pgData, '-A', 'trust', '-U', 'postgres']);
start();
const url = `postgres://postgres@127.0.0.1:${PORT}/postgres`;
const db = await connect(url, 12);
const t0 = Date.now();
try {
  const schema = await freshSchema(db, 's5');
  for (let i = 0; i < EVENTS; i += 1000) {
    const events = Array.from({ length: Math.min(1000, EVENTS - i) }, (_, k) =>
      createEvent('reliability.s5', `agg${(i + k) % 31}`, { n: i + k }),
    );
    await db.transaction((tx) => enqueueOutbox(tx, events, { schema }));
  }
  const queue = createPostgresQueue<{ n: number }>({
    client: db,
    schema,
    name: 's5',
    leaseMs: LEASE_MS,
    maxAttempts: 1000,
    backoff: { baseMs: 50, maxMs: 500 },
  });
  for (let i = 0; i < JOBS; i++) await queue.enqueue({ n: i });

  let loopErrors = 0;
  const relay = createOutboxRelay({
    client: db,
    broker: tableBroker(db, schema),
    schema,
    topic: 's5',
    batchSize: 20,
    leaseMs: LEASE_MS,
    pollIntervalMs: 50,
    backoff: { baseMs: 50, maxMs: 1000 },
    onError: () => void loopErrors++,
  });
  process.env.PUBLISH_DELAY_MS = '5';
  relay.start();
  const workers = [1, 2].map(() =>
    queue.work(
      async (_p, { tx, job }) => {
        await tx!.query(`INSERT INTO ${schema}.effects (message_id) VALUES ($1)`, [job.id]);
        await sleep(rand(0, 20));
      },
      { transactional: true, concurrency: 4, pollIntervalMs: 20, onError: () => void loopErrors++ },
    ),
  );
  for (let r = 0; r < RESTARTS; r++) {
    await sleep(rand(200, 1200));
    kill();
    await sleep(rand(50, 500));
    start();
    console.error(`… restart ${r + 1}/${RESTARTS}`);
  }
  const tDrain = Date.now();
  for (;;) {
    try {
      const [m, s] = await Promise.all([relay.metrics(), queue.stats()]);
      if ((m.pendingCount === 0 && s.completed === JOBS) || Date.now() - tDrain > 180_000) break;
    } catch {
      // the last restart may still be settling
    }
    await sleep(200);
  }
  await Promise.all([relay.stop(), ...workers.map((w) => w.stop({ graceMs: 5000 }))]);
  await sleep(LEASE_MS);
  const stuckOutbox = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.outbox WHERE status <> 'published' OR claim_token IS NOT NULL`))
      .rows[0]!.n,
  );
  const qs = await queue.stats();
  const { deliveries, handlerRuns } = await applyDeliveries(db, schema);
  const c = await checkEffects(db, schema, `SELECT id FROM ${schema}.outbox UNION ALL SELECT id::text FROM ${schema}.queue_jobs`);
  const pass =
    c.lost === 0 &&
    c.doubleApplied === 0 &&
    c.unexpected === 0 &&
    stuckOutbox === 0 &&
    qs.active === 0 &&
    qs.completed === JOBS &&
    unhandled === 0;
  report(
    'S5 Postgres restart mid-batch',
    {
      restarts: RESTARTS,
      events: EVENTS,
      jobs: JOBS,
      deliveries,
      handlerRuns,
      ...c,
      stuckOutbox,
      queueActive: qs.active,
      queueCompleted: qs.completed,
      loopErrorsSurvived: loopErrors,
      unhandled,
      drainSeconds: Math.round((Date.now() - tDrain) / 1000),
      seconds: Math.round((Date.now() - t0) / 1000),
    },
    pass,
  );
} finally {
  await db.close().catch(() => undefined);
  try {
    asPg('pg_ctl', ['-D', pgData, '-m', 'fast', '-w', 'stop']);
  } catch {
    // already down
  }
  rmSync(dir, { recursive: true, force: true });
}
