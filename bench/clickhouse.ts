/**
 * Analytics ingest + dashboard bench on embedded ClickHouse (chDB): N job postings through
 * `BatchWriter` → `createClickHouseAnalytics().ingestJobs` (validated, TabSeparated, dedup token),
 * against same-run baselines of raw `client.insert` of the same rows without BatchWriter
 * (JSONEachRow objects — the format measured at ~40k rows/s in research/baselines.md — and a
 * prebuilt TabSeparated body), and the engine's own parse-only / parse-and-store rates for TSV and
 * for RowBinary (what the adapter sends on chDB). Then p50/p99 of every dashboard query on the data.
 *
 *   npx -y pnpm@10 exec tsx --conditions=@jobkit/source bench/clickhouse.ts
 *   env: BENCH_ROWS (default 1000000), BENCH_BATCH (rows per batch, default 100000),
 *        BENCH_QUERY_RUNS (default 20), BENCH_VALIDATE (default 0: the main figure skips zod, these
 *        jobs are valid postings; the other setting is printed too),
 *        BENCH_CONCURRENCY (BatchWriter maxConcurrentFlushes, default 2),
 *        BENCH_REPEAT (rounds of the main BatchWriter ingest, each into a fresh database; default 3, median printed),
 *        BENCH_READS (default 'final,argMax': read modes whose query latencies are printed side by side)
 * @module
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { jobLinesEncoder } from '../packages/adapters/src/clickhouse/analytics.js';
import {
  chDateTime,
  createClickHouseAnalytics,
  createEmbeddedClickHouse,
  INGEST_JOB_COLUMNS,
  INGEST_JOB_STRUCTURE,
  JOB_COLUMNS,
  jobRowTsv,
} from '../packages/adapters/src/clickhouse/index.js';
import { RowBinaryWriter, writeJobRow } from '../packages/adapters/src/clickhouse/row-binary.js';
import { createBatchWriter, type JobEvent, type JobPosting, jobFacts } from '../packages/core/src/index.js';

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100_000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 20);
const VALIDATE = process.env.BENCH_VALIDATE === '1';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));

const COMPANIES = Array.from({ length: 2000 }, (_, i) => `Company ${i}`);
const TITLES = [
  'Software Engineer',
  'Senior Software Engineer',
  'Data Engineer',
  'Product Manager',
  'Designer',
  'SRE',
  'QA Engineer',
  'Staff Engineer',
];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'NL', 'IN', 'BR'];
const CURRENCIES = ['USD', 'GBP', 'EUR', 'EUR', 'CAD', 'EUR', 'INR', 'BRL'];
const PLATFORMS = ['greenhouse', 'lever', 'ashby', 'workday', 'smartrecruiters', null];
const WORKPLACES = ['remote', 'hybrid', 'onsite', null] as const;
const PERIODS = ['year', 'year', 'year', 'month', 'hour'] as const;
const DAY = 86_400_000;
const T0 = Date.parse('2025-01-01T00:00:00Z');

/** Deterministic pseudo-random postings (built directly: finalizeJob per row would dominate the run). */
function makeJob(i: number): JobPosting {
  const url = `https://jobs.example.com/${i % 2000}/${i}`;
  const urlHash = createHash('sha256').update(url).digest('hex');
  const k = (i * 2654435761) >>> 0;
  const ci = k % 8;
  const period = PERIODS[k % 5] ?? 'year';
  const base = period === 'year' ? 40_000 + (k % 160_000) : period === 'month' ? 3000 + (k % 9000) : 15 + (k % 120);
  const platform = PLATFORMS[k % 6] ?? null;
  return {
    id: `jk_${urlHash.slice(0, 24)}`,
    url,
    urlHash,
    title: TITLES[k % 8] ?? 'Engineer',
    company: { name: COMPANIES[i % 2000] ?? 'Co' },
    locations: [{ raw: COUNTRIES[ci] ?? 'US', country: COUNTRIES[ci] }],
    workplaceType: WORKPLACES[k % 4] ?? null,
    employmentType: ['full_time'],
    salary: k % 3 === 0 ? null : { min: base, max: base * 1.2, currency: CURRENCIES[ci] ?? 'USD', period },
    description: { html: '', text: '' },
    datePosted: new Date(T0 + (k % 180) * DAY).toISOString(),
    validThrough: null,
    applyUrl: null,
    ats: platform === null ? null : { platform },
    source: 'ats-api',
    provenance: {},
    quality: { score: 50 + (k % 50), breakdown: [] },
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const dir = mkdtempSync(join(tmpdir(), 'jobkit-bench-ch-'));
const client = await createEmbeddedClickHouse({ path: dir });

/** Wait (up to 60 s) until no background merge or mutation is running. */
async function mergesIdle(): Promise<void> {
  for (const start = performance.now(); performance.now() - start < 60_000; ) {
    const rs = await client.query({
      query: 'SELECT (SELECT count() FROM system.merges) + (SELECT count() FROM system.mutations WHERE NOT is_done) AS n',
      format: 'JSONEachRow',
    });
    if (Number(((await rs.json()) as { n: string }[])[0]?.n) === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function count(db: string): Promise<number> {
  const rs = await client.query({ query: `SELECT count() AS n FROM ${db}.jobs`, format: 'JSONEachRow' });
  return Number(((await rs.json()) as { n: string }[])[0]?.n);
}

try {
  console.log(
    `chDB bench: ${fmt(N)} jobs, batches of ${fmt(BATCH)}, validate=${VALIDATE}, concurrent flushes=${CONCURRENCY}, node ${process.version}`,
  );
  let t = performance.now();
  const jobs = Array.from({ length: N }, (_, i) => makeJob(i));
  console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);
  const at = T0 + 200 * DAY;

  // Under test: BatchWriter → analytics.ingestJobs, with and without zod (the jobs here are already valid postings).
  async function viaBatchWriter(database: string, validate: boolean, input: readonly JobPosting[] = jobs): Promise<number> {
    const a = createClickHouseAnalytics({ client, database, validate });
    await a.migrate();
    const writer = createBatchWriter<JobPosting>({
      maxRows: BATCH,
      flushIntervalMs: 1000,
      // 2: JS validation/encoding of one batch overlaps chDB parsing the previous one (its own thread).
      maxConcurrentFlushes: CONCURRENCY,
      maxBufferedRows: BATCH * 2,
      retry: { retries: 3, minTimeout: 100, maxTimeout: 2000 },
      sink: async (batch, { dedupToken }) => {
        await a.ingestJobs(batch, { dedupToken, at: new Date(at) });
      },
    });
    const start = performance.now();
    for (let i = 0; i < input.length; i += 10_000) await writer.write(input.slice(i, i + 10_000));
    await writer.close();
    await a.close();
    return input.length / ((performance.now() - start) / 1000);
  }
  // Timed first, in a process holding only the generated postings (the baselines below leave
  // hundreds of MB of garbage and background merges behind). Each round starts with the engine's
  // merges idle, in a fresh database.
  // One untimed warm-up of 100k rows (JIT), then rounds on freshly built postings: a stream of
  // real postings brings new string objects, whose hashes the encoder's string cache has not seen.
  await viaBatchWriter(
    'bench_warmup',
    VALIDATE,
    Array.from({ length: Math.min(N, 100_000) }, (_, i) => makeJob(N + i)),
  );
  await client.command({ query: 'DROP DATABASE bench_warmup' });
  await mergesIdle();
  const mainDb = VALIDATE ? 'bench_jobs_validated' : 'bench_jobs';
  const rates: number[] = [];
  for (let round = 1; round <= REPEAT; round += 1) {
    const db = round === REPEAT ? mainDb : `${mainDb}_r${round}`;
    const input = round === REPEAT ? jobs : Array.from({ length: N }, (_, i) => makeJob(i));
    const rate = await viaBatchWriter(db, VALIDATE, input);
    rates.push(rate);
    console.log(
      `BatchWriter → ingestJobs (validate=${VALIDATE}), round ${round}/${REPEAT}: ${fmt(rate)} rows/s (${fmt(await count(db))} rows)`,
    );
    if (db !== mainDb) await client.command({ query: `DROP DATABASE ${db}` });
    await mergesIdle();
  }
  const median = [...rates].sort((x, y) => x - y)[Math.floor(rates.length / 2)] ?? 0;
  console.log(
    `BatchWriter → ingestJobs (validate=${VALIDATE}): median ${fmt(median)} rows/s over ${REPEAT} rounds [${rates.map(fmt).join(', ')}] (target ≥ 200,000)`,
  );
  const otherDb = VALIDATE ? 'bench_jobs' : 'bench_jobs_validated';
  const bwOther = await viaBatchWriter(otherDb, !VALIDATE);
  console.log(`BatchWriter → ingestJobs (validate=${!VALIDATE}):  ${fmt(bwOther)} rows/s (${fmt(await count(otherDb))} rows)`);
  await client.command({ query: `DROP DATABASE ${otherDb}` });
  await mergesIdle();
  // Baseline 1: raw client.insert of JSONEachRow objects (same rows, same batch size, no BatchWriter).
  const base = createClickHouseAnalytics({ client, database: 'bench_base_json' });
  await base.migrate();
  t = performance.now();
  for (let i = 0; i < N; i += BATCH) {
    const values = jobs.slice(i, i + BATCH).map((j) => {
      const f = jobFacts(j);
      return {
        url_hash: f.urlHash,
        job_id: f.jobId,
        url: f.url,
        company: f.company,
        title: f.title,
        country: f.country,
        workplace_type: f.workplaceType,
        ats_platform: f.atsPlatform,
        salary_currency: f.salaryCurrency,
        salary_period: f.salaryPeriod,
        salary_amount: f.salaryAmount,
        salary_yearly: f.salaryYearly,
        date_posted: f.datePosted === null ? null : chDateTime(f.datePosted),
        quality: f.quality,
        first_seen: chDateTime(at),
        updated_at: chDateTime(at),
      };
    });
    await client.insert({
      table: 'bench_base_json.jobs',
      values,
      format: 'JSONEachRow',
      clickhouse_settings: { insert_deduplication_token: '' },
    });
  }
  const jsonRate = N / ((performance.now() - t) / 1000);
  console.log(`baseline raw client.insert JSONEachRow:     ${fmt(jsonRate)} rows/s (${fmt(await count('bench_base_json'))} rows)`);

  // Baseline 2: raw client.insert of a TabSeparated body (same encoder as the adapter, no BatchWriter, no zod).
  const base2 = createClickHouseAnalytics({ client, database: 'bench_base_tsv' });
  await base2.migrate();
  t = performance.now();
  for (let i = 0; i < N; i += BATCH) {
    const body = `${jobs
      .slice(i, i + BATCH)
      .map((j) => jobRowTsv(j, at))
      .join('\n')}\n`;
    await client.insert({
      table: 'bench_base_tsv.jobs',
      values: Readable.from([body], { objectMode: false }),
      format: 'TabSeparated',
      columns: [...JOB_COLUMNS],
      clickhouse_settings: { insert_deduplication_token: '' },
    });
  }
  const tsvRate = N / ((performance.now() - t) / 1000);
  console.log(`baseline raw client.insert TabSeparated:    ${fmt(tsvRate)} rows/s (${fmt(await count('bench_base_tsv'))} rows)`);

  // Baseline 3: chDB's zero-copy raw insert of the same TabSeparated body (what the adapter uses on chDB).
  const base3 = createClickHouseAnalytics({ client, database: 'bench_base_raw' });
  await base3.migrate();
  t = performance.now();
  for (let i = 0; i < N; i += BATCH) {
    const body = `${jobs
      .slice(i, i + BATCH)
      .map((j) => jobRowTsv(j, at))
      .join('\n')}\n`;
    await client.rawInsert({
      table: 'bench_base_raw.jobs',
      values: body,
      format: 'TabSeparated',
      columns: JOB_COLUMNS,
      settings: { insert_deduplication_token: '' },
    });
  }
  const rawRate = N / ((performance.now() - t) / 1000);
  console.log(`baseline chDB rawInsert TabSeparated:       ${fmt(rawRate)} rows/s (${fmt(await count('bench_base_raw'))} rows)`);

  // Ceiling: the same raw body into a Null-engine table (parse only, nothing stored).
  await client.command({ query: 'CREATE TABLE IF NOT EXISTS bench_base_raw.nul AS bench_base_raw.jobs ENGINE = Null' });
  const bodies = Array.from(
    { length: Math.ceil(N / BATCH) },
    (_, b) =>
      `${jobs
        .slice(b * BATCH, (b + 1) * BATCH)
        .map((j) => jobRowTsv(j, at))
        .join('\n')}\n`,
  );
  t = performance.now();
  for (const body of bodies)
    await client.rawInsert({ table: 'bench_base_raw.nul', values: body, format: 'TabSeparated', columns: JOB_COLUMNS });
  const nullRate = N / ((performance.now() - t) / 1000);
  console.log(
    `ceiling chDB parse only (Null engine, body prebuilt): ${fmt(nullRate)} rows/s (${fmt(bodies.reduce((s, b) => s + b.length, 0) / N)} B/row)`,
  );
  bodies.length = 0;
  // The same ceiling for the row the adapter now sends (13 columns, no url/job_id/quality), and the JS encode rate alone.
  t = performance.now();
  const narrow = Array.from({ length: Math.ceil(N / BATCH) }, (_, b) =>
    Buffer.from(
      `${jobs
        .slice(b * BATCH, (b + 1) * BATCH)
        .map(jobLinesEncoder(at))
        .join('\n')}\n`,
    ),
  );
  const encodeRate = N / ((performance.now() - t) / 1000);
  t = performance.now();
  for (const body of narrow)
    await client.rawInsert({ table: 'bench_base_raw.nul', values: body, format: 'TabSeparated', columns: INGEST_JOB_COLUMNS });
  const narrowNullRate = N / ((performance.now() - t) / 1000);
  await client.command({ query: 'CREATE DATABASE IF NOT EXISTS bench_store' });
  const store = createClickHouseAnalytics({ client, database: 'bench_store' });
  await store.migrate();
  t = performance.now();
  for (const body of narrow)
    await client.rawInsert({
      table: 'bench_store.jobs',
      values: body,
      format: 'TabSeparated',
      columns: INGEST_JOB_COLUMNS,
      settings: { insert_deduplication_token: '' },
    });
  const storeRate = N / ((performance.now() - t) / 1000);
  console.log(
    `ingest row (${fmt(narrow.reduce((s, b) => s + b.length, 0) / N)} B/row): JS encode ${fmt(encodeRate)} rows/s, chDB parse only ${fmt(narrowNullRate)} rows/s, ` +
      `parse + store (jobs + jobs_current view, body prebuilt) ${fmt(storeRate)} rows/s`,
  );
  narrow.length = 0;
  await client.command({ query: 'DROP DATABASE bench_store' });
  // The same three figures for RowBinary, what the adapter sends on chDB (through a spool file and
  // the engine's file() reader: chDB's inline insert takes text formats only).
  t = performance.now();
  const binary = Array.from({ length: Math.ceil(N / BATCH) }, (_, b) => {
    const w = new RowBinaryWriter(BATCH * 160);
    for (const j of jobs.slice(b * BATCH, (b + 1) * BATCH)) writeJobRow(w, j, at);
    return w.bytes();
  });
  const binEncodeRate = N / ((performance.now() - t) / 1000);
  t = performance.now();
  for (const body of binary) await client.insertRowBinary({ table: 'bench_base_raw.nul', structure: INGEST_JOB_STRUCTURE, body });
  const binNullRate = N / ((performance.now() - t) / 1000);
  await client.command({ query: 'CREATE DATABASE IF NOT EXISTS bench_store' });
  await createClickHouseAnalytics({ client, database: 'bench_store' }).migrate();
  t = performance.now();
  // Same settings as the adapter's jobs inserts.
  for (const body of binary)
    await client.insertRowBinary({
      table: 'bench_store.jobs',
      structure: INGEST_JOB_STRUCTURE,
      body,
      settings: { insert_deduplication_token: '', optimize_on_insert: 0 },
    });
  const binStoreRate = N / ((performance.now() - t) / 1000);
  console.log(
    `ingest row as RowBinary (${fmt(binary.reduce((s, b) => s + b.length, 0) / N)} B/row): JS encode ${fmt(binEncodeRate)} rows/s, chDB parse only ${fmt(binNullRate)} rows/s, ` +
      `parse + store (jobs + jobs_current view, body prebuilt) ${fmt(binStoreRate)} rows/s`,
  );
  binary.length = 0;
  await client.command({ query: 'DROP DATABASE bench_store' });

  const ratios = (r: number) =>
    `= ${(r / jsonRate).toFixed(2)}× JSONEachRow baseline, ${(r / tsvRate).toFixed(2)}× client TSV, ${(r / rawRate).toFixed(2)}× raw TSV, ` +
    `${(r / binStoreRate).toFixed(2)}× RowBinary parse + store ceiling (target 200,000 rows/s)`;
  console.log(`\nBatchWriter → ingestJobs (validate=${VALIDATE}), median ${fmt(median)} rows/s ${ratios(median)}`);
  console.log(`BatchWriter → ingestJobs (validate=${!VALIDATE}): ${fmt(bwOther)} rows/s ${ratios(bwOther)}`);
  for (const db of ['bench_base_json', 'bench_base_tsv', 'bench_base_raw'])
    await client.command({ query: `DROP DATABASE IF EXISTS ${db}` });
  await mergesIdle();
  const analytics = createClickHouseAnalytics({ client, database: mainDb });

  // Some removals so removal-dependent queries have work to do (1% of jobs).
  const removals: JobEvent[] = [];
  for (let i = 0; i < N; i += 100) {
    const j = jobs[i] as JobPosting;
    const when = new Date(Date.parse(j.datePosted ?? '') + 20 * DAY).toISOString();
    removals.push({
      id: `rm-${i}`,
      type: 'job.removed',
      aggregateId: j.id,
      occurredAt: when,
      payload: { jobId: j.id, urlHash: j.urlHash, removedAt: when },
    });
  }
  await analytics.ingestJobEvents(removals);
  const apps = Array.from({ length: 5000 }, (_, i) => ({
    eventId: `e${i}`,
    userId: `u${i % 50}`,
    applicationId: `a${Math.floor(i / 2)}`,
    type: i % 2 === 0 ? ('created' as const) : ('status_changed' as const),
    status: i % 2 === 0 ? ('applied' as const) : (['screening', 'rejected', 'interviewing'] as const)[i % 3],
    occurredAt: new Date(T0 + (i % 120) * DAY + (i % 2) * 3 * DAY).toISOString(),
  }));
  await analytics.ingestApplicationEvents(apps);

  const queries = (a: typeof analytics): [string, () => Promise<unknown>][] => [
    ['jobsPerPeriod(day)', () => a.jobsPerPeriod({ period: 'day' })],
    ['jobsPerPeriod(week, range)', () => a.jobsPerPeriod({ period: 'week', from: '2025-02-01T00:00:00Z', to: '2025-05-01T00:00:00Z' })],
    ['topCompanies(10)', () => a.topCompanies({ limit: 10 })],
    ['salaryPercentiles(currency)', () => a.salaryPercentiles({ groupBy: 'currency' })],
    ['salaryPercentiles(country)', () => a.salaryPercentiles({ groupBy: 'country' })],
    ['salaryPercentiles(titleKeyword)', () => a.salaryPercentiles({ groupBy: 'titleKeyword', keyword: 'engineer' })],
    ['salaryPercentiles(period)', () => a.salaryPercentiles({ groupBy: 'period' })],
    ['workplaceShare', () => a.workplaceShare()],
    ['atsShare', () => a.atsShare()],
    ['medianDaysOpen', () => a.medianDaysOpen()],
    ['applicationStats', () => a.applicationStats('u7', { now: new Date(T0 + 120 * DAY) })],
  ];
  const modes = (process.env.BENCH_READS ?? 'final,argMax').split(',') as ('final' | 'argMax')[];
  const parts = async () => {
    const rs = await client.query({
      query: `SELECT count() AS n FROM system.parts WHERE database = '${mainDb}' AND table = 'jobs_current' AND active`,
      format: 'JSONEachRow',
    });
    return Number(((await rs.json()) as { n: string }[])[0]?.n);
  };
  async function latencies(state: string): Promise<void> {
    const results = new Map<string, string[]>();
    const all: number[] = [];
    for (const mode of modes) {
      const reader = createClickHouseAnalytics({ client, database: mainDb, reads: mode });
      for (const [name, q] of queries(reader)) {
        await q();
        const ms: number[] = [];
        for (let r = 0; r < QUERY_RUNS; r += 1) {
          const s = performance.now();
          await q();
          ms.push(performance.now() - s);
        }
        if (mode === 'final') all.push(...ms);
        const row = results.get(name) ?? [];
        row.push(`p50 ${pct(ms, 0.5).toFixed(1).padStart(7)} ms  p99 ${pct(ms, 0.99).toFixed(1).padStart(7)} ms`);
        results.set(name, row);
      }
    }
    console.log(`\ndashboard queries on ${fmt(N)} jobs, ${QUERY_RUNS} runs after a warm-up, ${state} (${modes.join(' | ')}):`);
    for (const [name, cells] of results) console.log(`  ${name.padEnd(34)} ${cells.join('   |   ')}`);
    if (all.length > 0)
      console.log(`  all 'final' queries together: p50 ${pct(all, 0.5).toFixed(1)} ms, p99 ${pct(all, 0.99).toFixed(1)} ms`);
  }
  await latencies(`right after ingest, jobs_current in ${await parts()} parts`);
  // Give chDB's background merges (jobs_current force-merges once its parts are 10 s old) up to
  // 90 s to settle: one part, or the count unchanged for 20 s.
  const waitStart = performance.now();
  for (let last = -1, stable = 0; last !== 1 && stable < 20 && performance.now() - waitStart < 90_000; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const n = await parts();
    stable = n === last ? stable + 1 : 0;
    last = n;
  }
  await latencies(
    `after ${((performance.now() - waitStart) / 1000).toFixed(0)} s of background merges, jobs_current in ${await parts()} parts`,
  );
  // What background merges converge to (forced here so the figure does not depend on merge timing).
  await client.command({ query: `OPTIMIZE TABLE ${mainDb}.jobs_current FINAL` });
  await latencies(`jobs_current merged to ${await parts()} part(s)`);
  console.log(
    '\nsample:',
    JSON.stringify((await analytics.topCompanies({ limit: 3 })).slice(0, 3)),
    JSON.stringify(await analytics.medianDaysOpen()),
  );
  await analytics.close();
} finally {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
}
