/**
 * Bench: `createPostgresJobStore().upsertJobs` on PostgreSQL against a bare COPY of the same rows
 * into an unindexed table (same run), a replay of the same rows (all unchanged), the same on
 * PGlite (smaller n, RSS printed), and outbox relay throughput to the in-memory broker.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx -y pnpm@10 exec tsx --conditions=@jobkit/source bench/upsert.ts
 *   env: BENCH_ROWS (default 100000), BENCH_PGLITE_ROWS (default 20000), BENCH_OUTBOX_ROWS (default 20000),
 *   BENCH_REPEAT (default 1: rounds of bare COPY → fresh → replay, each in a new schema; on a shared,
 *   noisy machine the median of the per-round ratios is the figure to compare)
 * Targets: upsert ≥ 0.7× bare COPY; replay ≥ 2× faster than the first insert.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import {
  connectPostgres,
  createOutboxRelay,
  createPostgresJobStore,
  dropSchema,
  enqueueOutbox,
  fromPglite,
  migrate,
  type PostgresExecutor,
} from '@jobkit/adapters/postgres';
import { contentHash, createEvent, createMemoryBroker, finalizeJob, type JobPosting } from '@jobkit/core';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const N_LITE = Number(process.env.BENCH_PGLITE_ROWS ?? 20_000);
const N_OUTBOX = Number(process.env.BENCH_OUTBOX_ROWS ?? 20_000);
const url = process.env.DATABASE_URL;
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));

// Deterministic PRNG so every run writes the same rows.
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => (x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const WORDS =
  'build ship own design review scale data pipeline team customer reliable service platform distributed systems typescript postgres queue event search crawl parse quality remote hybrid growth mentor'.split(
    ' ',
  );

function makeJobs(n: number): JobPosting[] {
  const r = rng(42);
  const out: JobPosting[] = [];
  for (let i = 0; i < n; i++) {
    let text = '';
    while (text.length < 1000) text += `${WORDS[Math.floor(r() * WORDS.length)]} `;
    out.push(
      finalizeJob(
        {
          url: `https://boards.greenhouse.io/co${i % 500}/jobs/${i}`,
          title: `Engineer ${i}`,
          company: { name: `Company ${i % 500}`, domain: `co${i % 500}.example` },
          locations: [{ raw: 'Berlin, DE', country: i % 2 ? 'DE' : 'US' }],
          workplaceType: i % 3 === 0 ? 'remote' : 'onsite',
          employmentType: ['full_time'],
          salary: null,
          description: { html: `<p>${text}</p>`, text },
          datePosted: '2026-10-01',
          validThrough: null,
          applyUrl: null,
          ats: { platform: 'greenhouse', boardToken: `co${i % 500}` },
          source: 'ats-api',
          provenance: {},
        },
        { now: new Date('2026-11-01T00:00:00Z') },
      ),
    );
  }
  return out;
}

let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

/**
 * Flush dirty buffers before each timed phase, so a checkpoint triggered by the previous phase's
 * WAL does not land on the next one (it made single rounds swing 0.4–0.8×). Needs superuser;
 * skipped otherwise.
 */
async function checkpoint(db: PostgresExecutor): Promise<void> {
  await db.query('CHECKPOINT').catch(() => undefined);
}

/** Same driver path (node-postgres + pg-copy-streams) the store uses, minus everything else. */
async function bareCopy(db: PostgresExecutor, schema: string, jobs: JobPosting[]): Promise<number> {
  await db.query(`CREATE TABLE ${schema}.bare_copy (url_hash text, payload jsonb)`);
  await checkpoint(db);
  const [, ms] = await timed(async () => {
    for (let i = 0; i < jobs.length; i += 10_000) {
      // Lines are built as the stream pulls them, as the store does: an eager array of 10k
      // lines made the baseline itself GC-bound (and the ratio flattering).
      const lines = function* () {
        for (let k = i; k < Math.min(i + 10_000, jobs.length); k++) {
          const j = jobs[k] as JobPosting;
          yield `${j.urlHash}\t${JSON.stringify(j).replace(/\\/g, '\\\\')}\n`;
        }
      };
      await db.copyFrom!(`COPY ${schema}.bare_copy FROM STDIN`, lines());
    }
  });
  return ms;
}

async function relayThroughput(db: PostgresExecutor, schema: string, n: number) {
  const events = Array.from({ length: n }, (_, i) => createEvent('bench.happened', `agg${i % 1000}`, { i, pad: 'x'.repeat(200) }));
  for (let i = 0; i < n; i += 5000) await db.transaction((tx) => enqueueOutbox(tx, events.slice(i, i + 5000), { schema }));
  const broker = createMemoryBroker();
  await broker.ensureSubscription('bench-events', 'bench-sub');
  const relay = createOutboxRelay({ client: db, broker, schema, topic: 'bench-events', batchSize: 500, listen: false });
  const [published, ms] = await timed(async () => {
    let total = 0;
    for (;;) {
      const k = await relay.runOnce();
      if (k === 0) break;
      total += k;
    }
    return total;
  });
  await broker.close();
  return { published, ms };
}

async function main() {
  const t0 = performance.now();
  const jobs = makeJobs(Math.max(N, N_LITE));
  console.log(
    `generated ${jobs.length} jobs (~${Math.round(JSON.stringify(jobs[0]).length / 100) / 10} KB JSON each) in ${Math.round(performance.now() - t0)} ms`,
  );

  if (url) {
    const db = await connectPostgres(url, { max: 4 });
    const ratios: number[] = [];
    const speedups: number[] = [];
    const rows = jobs.slice(0, N);
    for (let round = 1; round <= REPEAT; round++) {
      const schema = `jk_bench_${randomBytes(4).toString('hex')}`;
      try {
        await migrate(db, { schema });
        const copyMs = await bareCopy(db, schema, rows);
        if (process.env.BENCH_TOAST_TARGET)
          await db.query(`ALTER TABLE ${schema}.jobs SET (toast_tuple_target = ${Number(process.env.BENCH_TOAST_TARGET)})`);
        const store = createPostgresJobStore({ client: db, schema });
        await checkpoint(db);
        const [fresh, freshMs] = await timed(() => store.upsertJobs(rows, { at: new Date('2026-11-01T00:00:00Z') }));
        await checkpoint(db);
        const [replay, replayMs] = await timed(() => store.upsertJobs(rows, { at: new Date('2026-11-02T00:00:00Z') }));
        ratios.push(copyMs / freshMs);
        speedups.push(freshMs / replayMs);
        console.log(`\nPostgreSQL, ${rows.length} rows${REPEAT > 1 ? ` (round ${round}/${REPEAT})` : ''}`);
        console.log(`  bare COPY (unindexed table, 10k batches): ${rate(rows.length, copyMs)} rows/s (${Math.round(copyMs)} ms)`);
        console.log(
          `  upsertJobs fresh:  ${rate(rows.length, freshMs)} rows/s (${Math.round(freshMs)} ms, inserted ${fresh.inserted})  ratio to bare COPY ${(copyMs / freshMs).toFixed(2)}× (target ≥ 0.7)`,
        );
        console.log(
          `  upsertJobs replay: ${rate(rows.length, replayMs)} rows/s (${Math.round(replayMs)} ms, unchanged ${replay.unchanged})  speed-up over fresh ${(freshMs / replayMs).toFixed(2)}× (target ≥ 2)`,
        );
        if (round === REPEAT) {
          const { published, ms } = await relayThroughput(db, schema, N_OUTBOX);
          console.log(`  outbox relay → memory broker: ${rate(published, ms)} events/s (${published} events, batch 500)`);
        }
      } finally {
        await dropSchema(db, schema).catch(() => undefined);
      }
    }
    const [, hashMs] = await timed(async () => {
      for (const j of rows) contentHash(j);
    });
    console.log(
      `  JS contentHash of the ${rows.length} rows alone: ${Math.round(hashMs)} ms (inside both upsert figures; bare COPY does none)`,
    );
    if (REPEAT > 1) {
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
      console.log(
        `  median over ${REPEAT} rounds: fresh/bare COPY ${median(ratios).toFixed(2)}× [${ratios.map((r) => r.toFixed(2)).join(', ')}], replay speed-up ${median(speedups).toFixed(2)}×`,
      );
    }
    await db.close();
  } else {
    console.log('DATABASE_URL not set: skipping PostgreSQL figures');
  }

  const lite = new PGlite();
  const liteDb = fromPglite(lite);
  await migrate(liteDb, { schema: 'jobkit' });
  const rows = jobs.slice(0, N_LITE);
  peakRss = process.memoryUsage().rss;
  const store = createPostgresJobStore({ client: liteDb });
  const [fresh, freshMs] = await timed(() => store.upsertJobs(rows, { at: new Date('2026-11-01T00:00:00Z') }));
  const [, replayMs] = await timed(() => store.upsertJobs(rows, { at: new Date('2026-11-02T00:00:00Z') }));
  console.log(`\nPGlite (in-memory), ${rows.length} rows, batch 1000`);
  console.log(`  upsertJobs fresh:  ${rate(rows.length, freshMs)} rows/s (inserted ${fresh.inserted})`);
  console.log(`  upsertJobs replay: ${rate(rows.length, replayMs)} rows/s  speed-up ${(freshMs / replayMs).toFixed(2)}×`);
  const { published, ms } = await relayThroughput(liteDb, 'jobkit', Math.min(N_OUTBOX, 10_000));
  console.log(`  outbox relay → memory broker: ${rate(published, ms)} events/s (${published} events)`);
  console.log(`  peak RSS during PGlite runs: ${mb(peakRss)}`);
  await lite.close();
  clearInterval(rssTimer);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
