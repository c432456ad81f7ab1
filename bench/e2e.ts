/**
 * End-to-end ingestion bench: a local simulated site (node:http on 127.0.0.1) of E2E_PAGES job pages
 * (default 10,000) behind careers pages, plus Greenhouse-shaped boards. Prints, in one run:
 * - baseline: raw fetch + parse pages/s (no storage);
 * - pipeline on embedded defaults (PGlite store with outbox + relay, memory broker, embedded
 *   search, chDB analytics): pages/s from fetch to stored-and-indexed, peak RSS, ratio to baseline;
 * - with PUBSUB_EMULATOR_HOST and DATABASE_URL: 2 worker processes over the emulator + PostgreSQL.
 * Run: npx -y pnpm@10 exec tsx --conditions=@jobkit/source bench/e2e.ts
 * @module
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PubSub } from '@google-cloud/pubsub';
import { createClickHouseAnalytics, createEmbeddedClickHouse } from '@jobkit/adapters/clickhouse';
import { createEmbeddedSearchIndex } from '@jobkit/adapters/embedded-search';
import { connectPostgres, createOutboxRelay, createPostgresJobStore, dropSchema, fromPglite, migrate } from '@jobkit/adapters/postgres';
import { createPubSubBroker } from '@jobkit/adapters/pubsub';
import { type CrawlTask, createMemoryBroker, createPipeline, enqueueCrawlTasks, fetchOk } from '@jobkit/core';
import { jobReader } from '@jobkit/parsers';
import { makeBoard, makeCompany, type SiteState, startSite } from '../packages/adapters/test/fixtures/pipeline-site.js';

const PAGES = Number(process.env.E2E_PAGES ?? 10_000);
const COMPANIES = 20;
const BOARDS = 5;
const BOARD_JOBS = 100;
const CONCURRENCY = Number(process.env.E2E_CONCURRENCY ?? 16);
const NOW = new Date('2025-06-01T00:00:00Z');

const state: SiteState = { companies: new Map(), boards: new Map() };
for (let c = 0; c < COMPANIES; c++)
  state.companies.set(`c${c}.example`, makeCompany(`Company ${c}`, Math.ceil(PAGES / COMPANIES), `Engineer c${c}`));
for (let b = 0; b < BOARDS; b++) state.boards.set(`board${b}`, makeBoard(`Board Co ${b}`, BOARD_JOBS));
const site = await startSite(state);
const careers = [...state.companies.keys()].map((h) => `https://${h}/careers`);
const jobUrls = [...state.companies].flatMap(([h, c]) => [...c.jobs.keys()].map((id) => `https://${h}/jobs/${id}`));
const totalPages = jobUrls.length + BOARDS * BOARD_JOBS;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

// Baseline: fetch + parse only, same concurrency.
let baseline = 0;
{
  const t0 = performance.now();
  let ok = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobUrls.length) {
        const u = jobUrls[next++]!;
        const r = await fetchOk(site.fetcher, u);
        if (jobReader.parseJobPage(r.text(), { url: r.url, now: NOW }).job) ok++;
      }
    }),
  );
  const s = (performance.now() - t0) / 1000;
  baseline = jobUrls.length / s;
  console.log(`baseline fetch+parse: ${jobUrls.length} pages (${ok} parsed) in ${s.toFixed(1)} s = ${baseline.toFixed(0)} pages/s`);
}

// Pipeline on embedded defaults.
{
  peakRss = 0;
  const lite = new PGlite();
  const db = fromPglite(lite);
  const schema = 'bench_e2e';
  await migrate(db, { schema });
  const chDir = mkdtempSync(join(tmpdir(), 'jobkit-e2e-chdb-'));
  const ch = await createEmbeddedClickHouse({ path: chDir });
  const analytics = createClickHouseAnalytics({ client: ch, database: 'bench_e2e' });
  await analytics.migrate();
  const search = createEmbeddedSearchIndex();
  const broker = createMemoryBroker();
  const topic = 'bench-job-events';
  const store = createPostgresJobStore({ client: db, schema, outbox: true });
  // PGlite has no LISTEN/NOTIFY wake-up: every poll is a claim transaction on the one thread that
  // also parses and upserts. 100 ms (the platform example uses 200) instead of 20 ms halves the relay's claims.
  const relay = createOutboxRelay({ client: db, broker, topic, schema, batchSize: 500, pollIntervalMs: 100 });
  const pipeline = createPipeline({
    reader: jobReader,
    fetcher: site.fetcher,
    store,
    search,
    analytics,
    broker,
    relay,
    topic,
    concurrency: CONCURRENCY,
    now: NOW,
  });
  const t0 = performance.now();
  const summary = await pipeline.run([...careers, ...[...state.boards.keys()].map((t) => `greenhouse:${t}`)]);
  const s = (performance.now() - t0) / 1000;
  const found = (await search.search({ q: '*', perPage: 1 })).found;
  const rate = totalPages / s;
  console.log(
    `pipeline (PGlite+outbox, memory broker, embedded search, chDB): ${summary.jobs.created} created, ${found} searchable, ${summary.errors} errors, ` +
      `${totalPages} postings in ${s.toFixed(1)} s = ${rate.toFixed(0)} pages/s stored+indexed; peak RSS ${mb(peakRss)}; ratio to baseline ${(rate / baseline).toFixed(2)}`,
  );
  await analytics.close();
  await ch.close();
  await lite.close();
  rmSync(chDir, { recursive: true, force: true });
}

// Two worker processes over the Pub/Sub emulator + PostgreSQL.
if (process.env.PUBSUB_EMULATOR_HOST && process.env.DATABASE_URL) {
  const db = await connectPostgres(process.env.DATABASE_URL, { max: 4 });
  const schema = `bench_e2e_${Date.now()}`;
  await migrate(db, { schema });
  await db.query(`CREATE TABLE ${schema}.task_effects (task_key text PRIMARY KEY, pid int, created int)`);
  const topic = `crawl-${schema.replace(/_/g, '-')}`;
  const subscription = `${topic}-workers`;
  const broker = createPubSubBroker({ client: new PubSub({ projectId: process.env.PUBSUB_PROJECT_ID ?? 'jobkit-test' }) });
  await broker.ensureSubscription!(topic, subscription);
  const script = fileURLToPath(new URL('../packages/adapters/test/fixtures/crawl-worker.ts', import.meta.url));
  const children: ChildProcess[] = [];
  let childPeak = 0;
  await Promise.all(
    [0, 1].map(
      () =>
        new Promise<void>((resolve) => {
          const child = fork(script, [], {
            execArgv: ['--conditions=@jobkit/source', '--import', 'tsx'],
            env: {
              ...process.env,
              SITE_ORIGIN: site.origin,
              WORKER_SCHEMA: schema,
              WORKER_TOPIC: topic,
              WORKER_SUBSCRIPTION: subscription,
              WORKER_CONCURRENCY: String(CONCURRENCY),
            },
            stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
          });
          children.push(child);
          child.on('message', (m: { type: string }) => m.type === 'ready' && resolve());
        }),
    ),
  );
  const tasks: CrawlTask[] = jobUrls.map((url) => ({ type: 'job', url }));
  const t0 = performance.now();
  await enqueueCrawlTasks(broker, tasks, { topic });
  const count = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.task_effects`)).rows[0]!.n);
  const rssTimer = setInterval(() => {
    for (const c of children) {
      try {
        const rss = Number(readFileSync(`/proc/${c.pid}/statm`, 'utf8').split(' ')[1]) * 4096;
        childPeak = Math.max(childPeak, rss);
      } catch {}
    }
  }, 200);
  while ((await count()) < tasks.length) await new Promise((r) => setTimeout(r, 100));
  const s = (performance.now() - t0) / 1000;
  clearInterval(rssTimer);
  const rate = tasks.length / s;
  console.log(
    `2 worker processes (Pub/Sub emulator + PostgreSQL, outbox): ${tasks.length} pages stored in ${s.toFixed(1)} s = ${rate.toFixed(0)} pages/s; peak worker RSS ${mb(childPeak)}; ratio to baseline ${(rate / baseline).toFixed(2)}`,
  );
  for (const c of children) c.kill('SIGTERM');
  await broker.close();
  await dropSchema(db, schema);
  await db.close();
} else {
  console.log('2 worker processes: skipped (set PUBSUB_EMULATOR_HOST and DATABASE_URL)');
}

clearInterval(sampler);
await site.close();
