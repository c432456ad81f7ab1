/**
 * Distributed crawl workers: ≥ 500 tasks against a local site. In-process on the memory broker +
 * PGlite always; with PUBSUB_EMULATOR_HOST and DATABASE_URL, two worker PROCESSES on the Pub/Sub
 * emulator sharing PostgreSQL, one SIGKILLed mid-run. Every task must complete, each posting is
 * created once (one row, one `job.created` outbox event) and each task has one effect row.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PubSub } from '@google-cloud/pubsub';
import { type CrawlTask, createMemoryBroker, createWorker, enqueueCrawlTasks, type SqlExecutor } from '@jobkit/core';
import { jobReader } from '@jobkit/parsers';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresJobStore, dropSchema, fromPg, fromPglite, handleOnce, migrate } from '../src/postgres/index.js';
import { createPubSubBroker } from '../src/pubsub/index.js';
import { makeCompany, startSite } from './fixtures/pipeline-site.js';
import { newSchema } from './postgres-helpers.js';

const N = 500;
const LINKED = 20;

async function setup(db: SqlExecutor, schema: string) {
  await migrate(db, { schema });
  await db.query(`CREATE TABLE ${schema}.task_effects (task_key text PRIMARY KEY, pid int, created int)`);
}

function tasks(): CrawlTask[] {
  return [
    ...Array.from({ length: N }, (_, i): CrawlTask => ({ type: 'job', url: `https://work.example/jobs/${i + 1}` })),
    { type: 'url', url: 'https://linked.example/careers' },
  ];
}

async function verify(db: SqlExecutor, schema: string) {
  const q = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  expect(await q(`SELECT count(*) AS n FROM ${schema}.task_effects`)).toBe(N + 1 + LINKED);
  expect(await q(`SELECT count(*) AS n FROM ${schema}.inbox WHERE consumer = 'crawl-effects'`)).toBe(N + 1 + LINKED);
  expect(await q(`SELECT count(*) AS n FROM ${schema}.jobs`)).toBe(N + LINKED);
  // One creation event per posting, even for tasks that ran twice.
  expect(await q(`SELECT count(*) AS n FROM ${schema}.outbox WHERE type = 'job.created'`)).toBe(N + LINKED);
  expect(await q(`SELECT count(*) AS n FROM (SELECT aggregate_id FROM ${schema}.outbox GROUP BY 1 HAVING count(*) > 1) d`)).toBe(0);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const siteState = () => ({
  companies: new Map([
    ['work.example', makeCompany('Work Inc', N)],
    ['linked.example', makeCompany('Linked Ltd', LINKED)],
  ]),
  boards: new Map(),
});

describe('crawl workers in-process (memory broker + PGlite)', () => {
  it(`two workers complete ${N + 1} tasks (+${LINKED} discovered), each effect once`, async () => {
    const site = await startSite(siteState());
    const lite = new PGlite();
    const db = fromPglite(lite);
    const schema = newSchema();
    await setup(db, schema);
    const broker = createMemoryBroker();
    const store = createPostgresJobStore({ client: db, schema, outbox: true });
    const make = () =>
      createWorker({
        broker,
        reader: jobReader,
        fetcher: site.fetcher,
        store,
        concurrency: 8,
        onTaskDone: async (report) => {
          await handleOnce(
            db,
            { id: report.key },
            (tx) => tx.query(`INSERT INTO ${schema}.task_effects VALUES ($1, 0, $2)`, [report.key, report.jobs.created]),
            {
              consumer: 'crawl-effects',
              schema,
            },
          );
        },
      });
    const workers = [await make(), await make()];
    await enqueueCrawlTasks(broker, tasks());
    await waitFor(
      async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.task_effects`)).rows[0]!.n) >= N + 1 + LINKED,
      60_000,
      'all tasks',
    );
    await Promise.all(workers.map((w) => w.close()));
    expect(workers.every((w) => w.stats.tasks > 0)).toBe(true); // both took a share
    await verify(db, schema);
    await broker.close();
    await lite.close();
    await site.close();
  });
});

const emulator = process.env.PUBSUB_EMULATOR_HOST;
const dbUrl = process.env.DATABASE_URL;
const skipReason = !emulator ? 'PUBSUB_EMULATOR_HOST is not set' : !dbUrl ? 'DATABASE_URL is not set' : null;

describe.skipIf(skipReason !== null)(
  `crawl worker processes on the Pub/Sub emulator + PostgreSQL${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const children: ChildProcess[] = [];
    afterAll(() => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    });

    it(`two processes complete ${N + 1} tasks; a SIGKILLed worker loses nothing`, async () => {
      const state = { ...siteState(), delayMs: 40 };
      const site = await startSite(state);
      const pool = new pg.Pool({ connectionString: dbUrl, max: 4 });
      const db = fromPg(pool);
      const schema = newSchema();
      await setup(db, schema);
      const run = schema.replace(/_/g, '-');
      const topic = `crawl-${run}`;
      const subscription = `crawl-${run}-workers`;
      const broker = createPubSubBroker({ client: new PubSub({ projectId: process.env.PUBSUB_PROJECT_ID ?? 'jobkit-test' }) });
      // Subscription first, so tasks published before a worker attaches are retained for it.
      await broker.ensureSubscription!(topic, subscription);
      const script = fileURLToPath(new URL('./fixtures/crawl-worker.ts', import.meta.url));
      const spawnWorker = () =>
        new Promise<{ child: ChildProcess; tasks: () => number }>((resolve, reject) => {
          const child = fork(script, [], {
            execArgv: ['--conditions=@jobkit/source', '--import', 'tsx'],
            env: {
              ...process.env,
              SITE_ORIGIN: site.origin,
              WORKER_SCHEMA: schema,
              WORKER_TOPIC: topic,
              WORKER_SUBSCRIPTION: subscription,
              WORKER_CONCURRENCY: '6',
            },
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          });
          children.push(child);
          let done = 0;
          child.on('message', (m: { type: string; stats?: { tasks: number } }) => {
            if (m.type === 'ready') resolve({ child, tasks: () => done });
            if (m.type === 'stats') done = m.stats!.tasks;
          });
          child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
        });
      const [a, b] = await Promise.all([spawnWorker(), spawnWorker()]);
      await enqueueCrawlTasks(broker, tasks(), { topic });
      const effects = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.task_effects`)).rows[0]!.n);
      // The broker decides which subscriber gets how much (one may lease most of the backlog), so
      // the worker killed is whichever has done a share of the work by then, not a fixed one.
      let victim: typeof a | undefined;
      await waitFor(
        async () => (await effects()) >= 100 && (victim = [a, b].find((w) => w.tasks() > 10)) !== undefined,
        90_000,
        'a first share of tasks',
      );
      const survivor = victim === a ? b : a;
      victim!.child.kill('SIGKILL');
      await waitFor(async () => (await effects()) >= N + 1 + LINKED, 120_000, 'every task after the kill');
      // Let any late redelivery land before counting duplicates.
      await new Promise((r) => setTimeout(r, 1000));
      await verify(db, schema);
      const byPid = await db.query<{ pid: number; n: string }>(`SELECT pid, count(*) AS n FROM ${schema}.task_effects GROUP BY 1`);
      expect(byPid.rows.length).toBe(2); // both processes did work
      survivor.child.kill('SIGTERM');
      await new Promise((r) => survivor.child.once('exit', r));
      await broker.close();
      await dropSchema(db, schema);
      await pool.end();
      await site.close();
      // Its own waits allow 90 s for the first share and 120 s after the kill (Pub/Sub redelivers the
      // killed worker's leases only after their ack deadline); ~32 s on an idle machine.
    }, 240_000);
  },
);
