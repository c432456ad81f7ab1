/**
 * One posting the store refuses must not sink its batch (issue 13, S26): through the pipeline's
 * coalesced upsert of single job pages and through a board read, on memory, PGlite and (with
 * DATABASE_URL) PostgreSQL. The poison is injected after parsing (a reader wrapper), so the test
 * holds whatever the parser cleans: the store is the last line of defence.
 */
import { PGlite } from '@electric-sql/pglite';
import { createMemoryJobStore, createPipeline, type JobReader, type JobStore, type PipelineError, type SqlExecutor } from '@jobkit/core';
import { contractJob } from '@jobkit/core/testing';
import { jobReader } from '@jobkit/parsers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresJobStore, dropSchema, fromPg, fromPglite, migrate } from '../src/postgres/index.js';
import { makeBoard, makeCompany, type Site, startSite } from './fixtures/pipeline-site.js';
import { newSchema } from './postgres-helpers.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const url = process.env.DATABASE_URL;
let lite: PGlite;
let pool: pg.Pool | null = null;
const pgSchemas: string[] = [];
let site: Site;

beforeAll(async () => {
  lite = new PGlite();
  if (url) pool = new pg.Pool({ connectionString: url, max: 4 });
  site = await startSite({
    companies: new Map([['poison.example', makeCompany('Poison Ltd', 60, 'Engineer')]]),
    boards: new Map([['toxic', makeBoard('Toxic Inc', 40)]]),
  });
});
afterAll(async () => {
  await site?.close();
  await lite?.close();
  if (pool) {
    for (const s of pgSchemas) await dropSchema(fromPg(pool), s);
    await pool.end();
  }
});

/** The real reader, with one value the engines refuse put into chosen postings. */
function poisoning(bad: (url: string) => string | null): JobReader {
  const poison = <T extends { url: string; title: string } | null>(job: T): T => {
    if (!job) return job;
    const title = bad(job.url);
    return title === null ? job : { ...job, title };
  };
  return {
    ...jobReader,
    parseJobPage(html, options) {
      const page = jobReader.parseJobPage(html, options);
      return { ...page, job: poison(page.job) };
    },
    async listBoardJobs(board, options) {
      const r = await jobReader.listBoardJobs(board, options);
      return { ...r, jobs: r.jobs.map((j) => poison(j)) };
    },
  };
}

interface Engine {
  name: string;
  skip: false | string;
  open(): Promise<{ store: JobStore; outboxJobIds?: () => Promise<string[]> }>;
}

const sqlEngine = (name: string, skip: false | string, db: () => SqlExecutor): Engine => ({
  name,
  skip,
  async open() {
    const schema = newSchema();
    if (name === 'postgres') pgSchemas.push(schema);
    await migrate(db(), { schema });
    const store = createPostgresJobStore({ client: db(), schema, outbox: true });
    const outboxJobIds = async () =>
      (await db().query<{ aggregate_id: string }>(`SELECT aggregate_id FROM ${schema}.outbox ORDER BY seq`)).rows.map(
        (r) => r.aggregate_id,
      );
    return { store, outboxJobIds };
  },
});

const engines: Engine[] = [
  { name: 'memory', skip: false, open: async () => ({ store: createMemoryJobStore() }) },
  sqlEngine('pglite', false, () => fromPglite(lite)),
  sqlEngine('postgres', url ? false : 'DATABASE_URL is not set', () => fromPg(pool!)),
];

for (const engine of engines) {
  describe.skipIf(engine.skip !== false)(
    `a refused posting fails alone: ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      it('60 coalesced job pages with one NUL title: 59 stored, only that page fails, no event without its job', async () => {
        const { store, outboxJobIds } = await engine.open();
        const reader = poisoning((u) => (u.endsWith('/jobs/17') ? 'Evil\u0000Engineer' : null));
        // Enough concurrency and wait for the pages to share upserts (the reported failure had all 60 in one batch).
        const pipeline = createPipeline({ reader, fetcher: site.fetcher, store, now: NOW, concurrency: 60, upsertWaitMs: 50 });
        const errors: PipelineError[] = [];
        pipeline.on('error', (e) => errors.push(e));
        const rejectedReasons: string[] = [];
        pipeline.on('job', (o) => o.kind === 'rejected' && rejectedReasons.push(`${o.url} ${o.reason}`));
        const summary = await pipeline.run(Array.from({ length: 60 }, (_, i) => ({ url: `https://poison.example/jobs/${i + 1}` })));
        expect(summary.jobs.created).toBe(59);
        expect(summary.jobs.rejected).toBe(1);
        expect(errors).toHaveLength(1);
        expect(errors[0]!.url).toBe('https://poison.example/jobs/17');
        expect(errors[0]!.error).toMatchObject({ code: 'STORE_FAILED', retryable: false });
        expect(rejectedReasons[0]).toMatch(/^https:\/\/poison\.example\/jobs\/17 not stored: \S/);
        expect((await store.stats()).total).toBe(59);
        if (outboxJobIds) {
          const ids = await outboxJobIds();
          expect(ids).toHaveLength(59);
          const stored = (await store.listJobs({ limit: 100 })).items.map((s) => s.job.id);
          expect(new Set(ids)).toEqual(new Set(stored));
        }
        await store.close();
      });

      it('a board of 40 with a lone surrogate in one posting: 39 stored, only that posting is reported', async () => {
        const { store, outboxJobIds } = await engine.open();
        const reader = poisoning((u) => (u.includes('/jobs/1007') ? 'Half \ud83d emoji' : null));
        const pipeline = createPipeline({ reader, fetcher: site.fetcher, store, now: NOW });
        const errors: PipelineError[] = [];
        pipeline.on('error', (e) => errors.push(e));
        const summary = await pipeline.run([{ platform: 'greenhouse', boardToken: 'toxic' }]);
        expect(summary.jobs.created).toBe(39);
        expect(summary.jobs.rejected).toBe(1);
        expect(errors.map((e) => [e.error.code, e.url])).toEqual([['STORE_FAILED', expect.stringContaining('/jobs/1007')]]);
        expect((await store.stats()).active).toBe(39);
        if (outboxJobIds) expect(await outboxJobIds()).toHaveLength(39);
        await store.close();
      });
    },
  );
}

describe('Postgres/PGlite store: refused rows the text rules do not cover', () => {
  const sql = engines.filter((e) => e.name !== 'memory');
  for (const engine of sql) {
    const db = () => (engine.name === 'pglite' ? fromPglite(lite) : fromPg(pool!));
    it.skipIf(engine.skip !== false)(
      `${engine.name}: a date timestamptz cannot hold, inside the caller's transaction, with the outbox`,
      async () => {
        const schema = newSchema();
        if (engine.name === 'postgres') pgSchemas.push(schema);
        await migrate(db(), { schema });
        const jobs = Array.from({ length: 300 }, (_, i) => contractJob(70_000 + i));
        const batch = jobs.map((j, i) => (i === 123 ? { ...j, datePosted: new Date(-8_000_000_000_000_000).toISOString() } : j));
        // The caller's transaction survives the refused row (a savepoint per attempt) and commits the rest with its own write.
        const r = await db().transaction(async (tx) => {
          const res = await createPostgresJobStore({ client: tx, schema, outbox: true, batchSize: 100 }).upsertJobs(batch);
          await tx.query(`CREATE TABLE ${schema}.caller_marker (x int)`);
          return res;
        });
        expect(r.rejected!.map((x) => x.job.id)).toEqual([jobs[123]!.id]);
        expect(r.rejected![0]!.reason).toMatch(/out of range|invalid/i);
        expect(r.rejected![0]!.error.details).toMatchObject({ urlHash: jobs[123]!.urlHash, sqlstate: expect.stringMatching(/^22/) });
        expect(r.inserted).toBe(299);
        const count = async (sqlText: string) => Number((await db().query<{ n: string }>(sqlText)).rows[0]!.n);
        expect(await count(`SELECT count(*) AS n FROM ${schema}.jobs`)).toBe(299);
        expect(await count(`SELECT count(*) AS n FROM ${schema}.outbox`)).toBe(299);
        expect(await count(`SELECT count(*) AS n FROM ${schema}.outbox WHERE aggregate_id = '${jobs[123]!.id}'`)).toBe(0);
        expect(await count(`SELECT count(*) AS n FROM ${schema}.caller_marker`)).toBe(0);
      },
    );

    it.skipIf(engine.skip !== false)(
      `${engine.name}: a hundred dirty rows in a thousand cost a few transactions, not a split each`,
      async () => {
        const schema = newSchema();
        if (engine.name === 'postgres') pgSchemas.push(schema);
        await migrate(db(), { schema });
        const base = db();
        let transactions = 0;
        const counting = Object.assign(Object.create(base) as SqlExecutor, {
          transaction<T>(fn: (tx: SqlExecutor) => Promise<T>) {
            transactions++;
            return base.transaction(fn);
          },
        });
        const jobs = Array.from({ length: 1000 }, (_, i) => contractJob(80_000 + i));
        const dirty = (i: number) => i % 10 === 3;
        const batch = jobs.map((j, i) =>
          dirty(i) ? { ...j, company: { ...j.company, name: i % 20 === 3 ? `Nul\u0000${i}` : `Half\udc00${i}` } } : j,
        );
        const r = await createPostgresJobStore({
          client: counting,
          schema,
          outbox: true,
          batchSize: 250,
          concurrency: 1,
          autoMigrate: false,
        }).upsertJobs(batch);
        expect(r.rejected).toHaveLength(100);
        expect(r.rejected!.map((x) => x.job.id)).toEqual(jobs.filter((_, i) => dirty(i)).map((j) => j.id));
        expect(r.rejected![0]!.reason).toMatch(/company\.name holds a NUL byte/);
        expect(r.inserted).toBe(900);
        // 4 chunks: each fails once, then goes in without its dirty rows.
        expect(transactions).toBeLessThanOrEqual(8);
        expect(Number((await db().query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.outbox`)).rows[0]!.n)).toBe(900);
      },
    );
  }
});
