/**
 * Child process for S9/S13: a queue worker whose transactional handler writes one effect row per
 * job. SIGTERM → graceful stop (grace GRACE_MS), then exit 0.
 * env: DATABASE_URL, SCHEMA, QUEUE, CONCURRENCY, LEASE_MS, JOB_MS_MAX (handler duration 0..max), GRACE_MS.
 */
import { createPostgresQueue } from '../../packages/adapters/src/postgres/index.js';
import { connect, rand, sleep } from './common.js';

const schema = process.env.SCHEMA!;
const db = await connect(process.env.DATABASE_URL, Number(process.env.CONCURRENCY ?? 4) + 4);
await db.query('SELECT 1');
const queue = createPostgresQueue<{ n: number }>({
  client: db,
  schema,
  name: process.env.QUEUE ?? 'reliability',
  leaseMs: Number(process.env.LEASE_MS ?? 2000),
  maxAttempts: 1000,
  autoMigrate: false,
});
const jobMax = Number(process.env.JOB_MS_MAX ?? 50);
const worker = queue.work(
  async (_p, { tx, job, signal }) => {
    await tx!.query(`INSERT INTO ${schema}.effects (message_id) VALUES ($1)`, [job.id]);
    const until = Date.now() + rand(0, jobMax);
    while (Date.now() < until && !signal.aborted) await sleep(Math.min(50, until - Date.now()));
    if (signal.aborted) throw new Error('aborted');
  },
  { transactional: true, concurrency: Number(process.env.CONCURRENCY ?? 4), pollIntervalMs: 20, onError: () => undefined },
);
process.on('SIGTERM', () => {
  void worker
    .stop({ graceMs: Number(process.env.GRACE_MS ?? 10_000) })
    .then(() => db.close())
    .then(() => process.exit(0));
});
console.log('ready');
