/**
 * End-to-end pipeline tests on embedded engines against a local simulated site: PGlite store with
 * outbox + relay + memory broker + embedded search + chDB analytics; quality rejection, typed
 * errors, unchanged re-runs, updates/removals, partial and failed boards, abort + resume on a
 * PGlite crawl queue, and the direct (no broker) path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  createMemoryAnalytics,
  createMemoryBroker,
  createMemoryJobStore,
  createPipeline,
  type JobOutcome,
  type PipelineError,
  type TaskReport,
} from '@jobkit/core';
import { jobReader } from '@jobkit/parsers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouseAnalytics, createEmbeddedClickHouse, type EmbeddedClickHouse } from '../src/clickhouse/index.js';
import { createEmbeddedSearchIndex } from '../src/embedded-search/index.js';
import { createOutboxRelay, createPostgresJobStore, createPostgresQueue, fromPglite, migrate } from '../src/postgres/index.js';
import { makeBoard, makeCompany, type Site, type SiteState, startSite } from './fixtures/pipeline-site.js';
import { newSchema } from './postgres-helpers.js';

const NOW = new Date('2025-06-01T00:00:00Z');
let lite: PGlite;
let chdb: EmbeddedClickHouse;
const chdbDir = mkdtempSync(join(tmpdir(), 'jobkit-pipeline-chdb-'));

beforeAll(async () => {
  lite = new PGlite();
  chdb = await createEmbeddedClickHouse({ path: chdbDir });
});
afterAll(async () => {
  await chdb?.close();
  await lite?.close();
  rmSync(chdbDir, { recursive: true, force: true });
});

function collect(p: ReturnType<typeof createPipeline>) {
  const jobs: JobOutcome[] = [];
  const errors: PipelineError[] = [];
  const sources: TaskReport[] = [];
  p.on('job', (o) => jobs.push(o));
  p.on('error', (e) => errors.push(e));
  p.on('source', (r) => sources.push(r));
  return { jobs, errors, sources };
}

describe('pipeline on PGlite outbox + memory broker + embedded search + chDB', () => {
  let site: Site;
  let state: SiteState;
  beforeAll(async () => {
    const beta = makeCompany('Beta GmbH', 4, 'Platform Engineer');
    beta.jobs.set('5', { title: 'Intern', thin: true });
    const gamma = makeCompany('Gamma AG', 1, 'Data Engineer');
    gamma.jobs.set('404', { title: 'Gone', status: 404 });
    gamma.jobs.set('403', { title: 'Secret', status: 403 });
    state = {
      companies: new Map([
        ['beta.example', beta],
        ['gamma.example', gamma],
      ]),
      boards: new Map([['acme', makeBoard('Acme Inc', 5)]]),
    };
    site = await startSite(state);
  });
  afterAll(() => site?.close());

  it('ingests a board, a careers page and job URLs; re-runs are unchanged; changes update and remove', async () => {
    const db = fromPglite(lite);
    const schema = newSchema();
    await migrate(db, { schema });
    const store = createPostgresJobStore({ client: db, schema, outbox: true });
    const broker = createMemoryBroker();
    const topic = `jobs-${schema}`;
    const relay = createOutboxRelay({ client: db, broker, topic, schema, pollIntervalMs: 20 });
    const search = createEmbeddedSearchIndex();
    await search.migrate();
    const analytics = createClickHouseAnalytics({ client: chdb, database: schema });
    await analytics.migrate();
    const pipeline = createPipeline({ reader: jobReader, fetcher: site.fetcher, store, search, analytics, broker, relay, topic, now: NOW });
    const seen = collect(pipeline);
    const sources = [
      'greenhouse:acme',
      'https://beta.example/careers',
      'https://gamma.example/jobs/1',
      'https://gamma.example/jobs/404',
      'https://gamma.example/jobs/403',
    ];

    const first = await pipeline.run(sources);
    expect(first.jobs).toEqual({ created: 10, updated: 0, unchanged: 0, rejected: 1, removed: 0 });
    expect(first.sources).toBe(5);
    expect(seen.jobs.find((j) => j.kind === 'rejected')?.reason).toMatch(/quality \d+ < 70/);
    expect(seen.errors.map((e) => e.error.code).sort()).toEqual(['FETCH_BLOCKED', 'TARGET_NOT_FOUND']);
    expect(seen.errors.find((e) => e.error.code === 'TARGET_NOT_FOUND')?.url).toBe('https://gamma.example/jobs/404');
    expect(first.errors).toBe(2);
    expect(seen.sources.find((s) => s.key === 'board:greenhouse:acme')).toMatchObject({ kind: 'board', partial: false });
    expect(seen.sources.find((s) => s.key.includes('beta.example/careers'))).toMatchObject({ kind: 'careers', discovered: 5 });
    // Searchable and counted right after run() resolves.
    expect((await search.search({ q: '*', perPage: 50 })).found).toBe(10);
    expect((await search.search({ q: 'platform engineer 3' })).hits[0]?.job.company.name).toBe('Beta GmbH');
    const top = await analytics.topCompanies();
    expect(Object.fromEntries(top.map((r) => [r.company, r.jobs]))).toEqual({ 'Acme Inc': 5, 'Beta GmbH': 4, 'Gamma AG': 1 });
    const outboxRows = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.outbox`)).rows[0]!.n);
    expect(await outboxRows()).toBe(10);

    // Unchanged site: everything unchanged, no events.
    seen.errors.length = 0;
    const second = await pipeline.run(sources);
    expect(second.jobs).toEqual({ created: 0, updated: 0, unchanged: 10, rejected: 1, removed: 0 });
    expect(await outboxRows()).toBe(10);

    // Changed site: one board job revised, one gone; a careers job revised.
    const acme = state.boards.get('acme')!;
    acme.jobs.get('1001')!.revision = 1;
    acme.jobs.delete('1005');
    state.companies.get('beta.example')!.jobs.get('2')!.revision = 1;
    const third = await pipeline.run(sources);
    expect(third.jobs).toMatchObject({ created: 0, updated: 2, unchanged: 7, removed: 1 });
    expect((await search.search({ q: '*', perPage: 50 })).found).toBe(9);
    expect((await search.search({ q: 'board engineer 5' })).hits.map((h) => h.job.title)).not.toContain('Board Engineer 5');
    expect(await outboxRows()).toBe(13);
    const removedAt = (await store.listJobs({ filter: { includeRemoved: true, boardKey: 'greenhouse:acme' } })).items.filter(
      (s) => s.removedAt,
    );
    expect(removedAt).toHaveLength(1);

    // Partial board read (advertises more than it lists): a job disappears but nothing is removed.
    acme.jobs.delete('1004');
    acme.advertiseExtra = 3;
    const partial = await pipeline.run(['greenhouse:acme']);
    expect(partial.jobs.removed).toBe(0);
    expect(seen.sources.at(-1)).toMatchObject({ key: 'board:greenhouse:acme', partial: true });
    // Failed board fetch: an error, and still nothing removed.
    acme.advertiseExtra = 0;
    acme.broken = true;
    const broken = await pipeline.run(['greenhouse:acme']);
    expect(broken.jobs.removed).toBe(0);
    expect(broken.errors).toBe(1);
    expect((await search.search({ q: '*', perPage: 50 })).found).toBe(9);
    acme.broken = false;
    const healed = await pipeline.run(['greenhouse:acme']);
    expect(healed.jobs).toMatchObject({ removed: 1, unchanged: 3 });
    expect((await search.search({ q: '*', perPage: 50 })).found).toBe(8);
    await analytics.close();
  });

  it('an aborted run resumed with the same runId fetches each job page once (PGlite crawl queue)', async () => {
    const big = makeCompany('Delta Corp', 60, 'Backend Engineer');
    state.companies.set('delta.example', big);
    const db = fromPglite(lite);
    const schema = newSchema();
    await migrate(db, { schema });
    const store = createPostgresJobStore({ client: db, schema });
    const search = createEmbeddedSearchIndex();
    const concurrency = 4;
    const pipeline = createPipeline({
      reader: jobReader,
      fetcher: site.fetcher,
      store,
      search,
      analytics: createMemoryAnalytics(),
      concurrency,
      now: NOW,
      queue: (runId) => createPostgresQueue({ client: db, schema, name: `crawl:${runId}` }),
    });
    const controller = new AbortController();
    let stored = 0;
    pipeline.on('job', () => {
      if (++stored === 20) controller.abort();
    });
    const runId = 'resume-test';
    const first = await pipeline.run(['https://delta.example/careers'], { signal: controller.signal, runId });
    expect(first.aborted).toBe(true);
    expect(first.jobs.created).toBeGreaterThanOrEqual(20);
    expect(first.jobs.created).toBeLessThan(60);
    const stats = await createPostgresQueue({ client: db, schema, name: `crawl:${runId}` }).stats();
    expect(stats.active).toBe(0); // claims released, none stuck
    // No half-written batch: what was reported created is exactly what is stored.
    expect((await store.stats()).total).toBe(first.jobs.created);

    pipeline.removeAllListeners('job');
    const second = await pipeline.run(['https://delta.example/careers'], { runId });
    expect(second.aborted).toBe(false);
    expect(first.jobs.created + second.jobs.created).toBe(60);
    expect((await store.stats()).total).toBe(60);
    expect((await search.search({ q: '*', perPage: 100 })).found).toBe(60);
    expect(site.hits.get('https://delta.example/careers')).toBe(1);
    const jobHits = [...site.hits].filter(([u]) => u.startsWith('https://delta.example/jobs/'));
    expect(jobHits).toHaveLength(60);
    const twice = jobHits.filter(([, n]) => n > 1);
    expect(twice.length).toBeLessThanOrEqual(concurrency); // only tasks in flight at the abort
    expect(Math.max(...jobHits.map(([, n]) => n))).toBeLessThanOrEqual(2);
  });

  it('without a broker applies changes to search and analytics directly; memory store and queue', async () => {
    state.boards.set('zeta', makeBoard('Zeta Ltd', 3));
    const store = createMemoryJobStore();
    const search = createEmbeddedSearchIndex();
    const analytics = createMemoryAnalytics();
    const pipeline = createPipeline({ reader: jobReader, fetcher: site.fetcher, store, search, analytics, now: NOW, concurrency: 3 });
    const stages = new Map<string, number>();
    const progress: number[] = [];
    pipeline.on('stage', (e) => stages.set(e.stage, e.total));
    pipeline.on('progress', (e) => progress.push(e.done));
    const summary = await pipeline.run([{ platform: 'greenhouse', boardToken: 'zeta' }, { url: 'https://gamma.example/jobs/1' }]);
    expect(summary.jobs.created).toBe(4);
    expect((await search.search({ q: '*' })).found).toBe(4);
    expect((await analytics.topCompanies()).reduce((n, r) => n + r.jobs, 0)).toBe(4);
    expect(stages.get('fetch')).toBe(2);
    expect(stages.get('upsert')).toBe(4);
    expect(stages.get('index')).toBe(4);
    expect(progress.at(-1)).toBe(2);
  });

  it('rejects bad sources and options with module-named errors', () => {
    const store = createMemoryJobStore();
    expect(() => createPipeline({ reader: jobReader, fetcher: site.fetcher, store, concurrency: 0 })).toThrow(
      /\[core\/pipeline\] invalid options/,
    );
    const p = createPipeline({ reader: jobReader, fetcher: site.fetcher, store });
    return expect(p.run(['not a url'])).rejects.toThrow(/\[core\/pipeline\] source "not a url"/);
  });
});
