/**
 * S26: a poison row in a store batch. (a) 200 postings in one `upsertJobs` call on PostgreSQL and
 * PGlite, one carrying a NUL byte, a lone surrogate or a date the engine refuses, once each;
 * (b) 60 job pages through the pipeline's coalesced upsert, one page's posting carrying a NUL.
 * The poison is put in after parsing, so the store is tested whatever the parser cleans.
 * Pass: 199 (59) stored, the bad one reported with its reason (and only its page fails), and the
 * outbox holds exactly one event per stored job and none for the bad one.
 *   DATABASE_URL=… npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s26-store-poison.ts [--full]
 * CI size: 200 postings × 4 poisons × 2 engines + 60 pages per engine; full: 5,000 postings, 600 pages.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createPostgresJobStore, dropSchema, fromPglite, migrate, type PGliteLike } from '../../packages/adapters/src/postgres/index.js';
import { makeCompany, startSite } from '../../packages/adapters/test/fixtures/pipeline-site.js';
import { createPipeline, type JobPosting, type JobReader, type PipelineError, type SqlExecutor } from '../../packages/core/src/index.js';
import { contractJob } from '../../packages/core/src/testing/index.js';
import { jobReader } from '../../packages/parsers/src/index.js';
import { connect, FULL, report } from './common.js';

/** PGlite is a dev dependency of the adapters package, not of the repo root these scripts run from. */
async function openPglite(): Promise<{ db: SqlExecutor; close(): Promise<void> }> {
  const fromAdapters = createRequire(new URL('../../packages/adapters/package.json', import.meta.url));
  const { PGlite } = (await import(pathToFileURL(fromAdapters.resolve('@electric-sql/pglite')).href)) as {
    PGlite: new () => PGliteLike & { close(): Promise<void> };
  };
  const lite = new PGlite();
  return { db: fromPglite(lite), close: () => lite.close() };
}

const schemaName = (tag: string) => `jk_s26_${tag}_${Math.random().toString(16).slice(2, 10)}`;

export const POISONS: Record<string, (job: JobPosting) => JobPosting> = {
  'nul-title': (j) => ({ ...j, title: 'Evil\u0000Engineer' }),
  'lone-surrogate-description': (j) => ({ ...j, description: { ...j.description, text: `${j.description.text} \ud83d` } }),
  'nul-in-location': (j) => ({ ...j, locations: [{ ...j.locations[0]!, raw: 'Berlin\u0000' }] }),
  // A date JavaScript holds and PostgreSQL's timestamptz does not (before 4713 BC).
  'date-out-of-range': (j) => ({ ...j, datePosted: new Date(-8_000_000_000_000_000).toISOString() }),
};

export interface S26StoreResult {
  poison: string;
  postings: number;
  stored: number;
  rejected: number;
  reason: string;
  /** Healthy postings not stored. */
  lost: number;
  /** Jobs with more than one outbox event. */
  doubleApplied: number;
  /** Outbox events whose job is not stored. */
  orphanEvents: number;
  ms: number;
}

/** One `upsertJobs` call of `n` postings with one poisoned, on a fresh schema. */
export async function runS26Store(db: SqlExecutor, poison: string, n = 200): Promise<S26StoreResult> {
  const started = Date.now();
  const schema = schemaName('store');
  await migrate(db, { schema });
  try {
    const store = createPostgresJobStore({ client: db, schema, outbox: true });
    const jobs = Array.from({ length: n }, (_, i) => contractJob(50_000 + i));
    const bad = Math.floor(n * 0.37);
    const batch = jobs.map((j, i) => (i === bad ? POISONS[poison]!(j) : j));
    const r = await store.upsertJobs(batch, { boardKey: 's26' });
    const stored = new Set((await db.query<{ url_hash: string }>(`SELECT url_hash FROM ${schema}.jobs`)).rows.map((x) => x.url_hash));
    const events = (
      await db.query<{ aggregate_id: string; n: string }>(`SELECT aggregate_id, count(*) AS n FROM ${schema}.outbox GROUP BY 1`)
    ).rows;
    const storedIds = new Set(jobs.filter((j) => stored.has(j.urlHash)).map((j) => j.id));
    return {
      poison,
      postings: n,
      stored: stored.size,
      rejected: (r.rejected ?? []).length,
      reason: r.rejected?.[0]?.reason.slice(0, 100) ?? '',
      lost: jobs.filter((j, i) => i !== bad && !stored.has(j.urlHash)).length,
      doubleApplied: events.filter((e) => Number(e.n) > 1).length,
      orphanEvents: events.filter((e) => !storedIds.has(e.aggregate_id)).length,
      ms: Date.now() - started,
    };
  } finally {
    await dropSchema(db, schema).catch(() => undefined);
  }
}

export const s26StorePass = (r: S26StoreResult) =>
  r.stored === r.postings - 1 && r.rejected === 1 && r.reason.length > 0 && r.lost === 0 && r.doubleApplied === 0 && r.orphanEvents === 0;

export interface S26PipelineResult {
  pages: number;
  created: number;
  /** Pages reported failed. */
  failedPages: number;
  /** Failed pages other than the poisoned one. */
  coBatchedFailed: number;
  lost: number;
  doubleApplied: number;
  orphanEvents: number;
  ms: number;
}

/** `pages` job pages through the pipeline's coalesced upsert, one page's posting poisoned with a NUL. */
export async function runS26Pipeline(db: SqlExecutor, pages = 60): Promise<S26PipelineResult> {
  const started = Date.now();
  const schema = schemaName('pipe');
  await migrate(db, { schema });
  const site = await startSite({ companies: new Map([['s26.example', makeCompany('S26 Ltd', pages)]]), boards: new Map() });
  try {
    const store = createPostgresJobStore({ client: db, schema, outbox: true });
    const poisoned = `https://s26.example/jobs/${Math.ceil(pages / 3)}`;
    const reader: JobReader = {
      ...jobReader,
      parseJobPage(html, options) {
        const page = jobReader.parseJobPage(html, options);
        return page.job && page.job.url === poisoned ? { ...page, job: POISONS['nul-title']!(page.job) } : page;
      },
    };
    const pipeline = createPipeline({ reader, fetcher: site.fetcher, store, concurrency: Math.min(pages, 64), upsertWaitMs: 50 });
    const errors: PipelineError[] = [];
    pipeline.on('error', (e) => errors.push(e));
    const summary = await pipeline.run(Array.from({ length: pages }, (_, i) => ({ url: `https://s26.example/jobs/${i + 1}` })));
    const stored = (await db.query<{ url: string; id: string }>(`SELECT url, id FROM ${schema}.jobs`)).rows;
    const events = (
      await db.query<{ aggregate_id: string; n: string }>(`SELECT aggregate_id, count(*) AS n FROM ${schema}.outbox GROUP BY 1`)
    ).rows;
    const storedIds = new Set(stored.map((s) => s.id));
    const failedUrls = new Set(errors.map((e) => e.url));
    return {
      pages,
      created: summary.jobs.created,
      failedPages: failedUrls.size,
      coBatchedFailed: [...failedUrls].filter((u) => u !== poisoned).length,
      lost: pages - 1 - stored.filter((s) => s.url !== poisoned).length,
      doubleApplied: events.filter((e) => Number(e.n) > 1).length,
      orphanEvents: events.filter((e) => !storedIds.has(e.aggregate_id)).length,
      ms: Date.now() - started,
    };
  } finally {
    await site.close();
    await dropSchema(db, schema).catch(() => undefined);
  }
}

export const s26PipelinePass = (r: S26PipelineResult) =>
  r.created === r.pages - 1 &&
  r.failedPages === 1 &&
  r.coBatchedFailed === 0 &&
  r.lost === 0 &&
  r.doubleApplied === 0 &&
  r.orphanEvents === 0;

if (import.meta.url === `file://${process.argv[1]}`) {
  const pgConn = await connect();
  const lite = await openPglite();
  try {
    for (const [engine, db] of [
      ['postgres', pgConn],
      ['pglite', lite.db],
    ] as const) {
      for (const poison of Object.keys(POISONS)) {
        const r = await runS26Store(db, poison, FULL ? 5_000 : 200);
        report(`S26 poison row in a store batch (${engine}, ${poison})`, { engine, ...r }, s26StorePass(r));
      }
      const p = await runS26Pipeline(db, FULL ? 600 : 60);
      report(`S26 poison page in the upsert coalescer (${engine})`, { engine, ...p }, s26PipelinePass(p));
    }
  } finally {
    await lite.close();
    await pgConn.close();
  }
}
