import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBatchWriter, ECB_REFERENCE_RATES, finalizeJob, type JobPosting } from '@jobkit/core';
import { runAnalyticsContract } from '@jobkit/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ClickHouseClientLike,
  createClickHouseAnalytics,
  createEmbeddedClickHouse,
  type EmbeddedClickHouse,
} from '../src/clickhouse/index.js';

// chDB allows one on-disk session per process: every analytics instance of this file shares it,
// each in its own database.
const dir = mkdtempSync(join(tmpdir(), 'jobkit-chdb-'));
const spoolRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
let shared: Promise<EmbeddedClickHouse> | undefined;
const embedded = () => (shared ??= createEmbeddedClickHouse({ path: dir }));

afterAll(async () => {
  if (shared !== undefined) await (await shared).close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same engine through `@clickhouse/client`'s own insert path only (what a server client uses). */
async function clientOnly(): Promise<ClickHouseClientLike> {
  const c = await embedded();
  return { command: (p) => c.command(p), insert: (p) => c.insert(p), query: (p) => c.query(p), close: async () => {} };
}

runAnalyticsContract({
  name: 'clickhouse-chdb-final',
  create: async ({ namespace }) => createClickHouseAnalytics({ client: await embedded(), database: namespace }),
});
runAnalyticsContract({
  name: 'clickhouse-chdb-argmax-client-insert',
  create: async ({ namespace }) => createClickHouseAnalytics({ client: await clientOnly(), database: namespace, reads: 'argMax' }),
});

function job(n: number): JobPosting {
  return finalizeJob({
    url: `https://jobs.example.com/bw/${n}`,
    title: `Engineer ${n}`,
    company: { name: `Co${n % 3}` },
    locations: [],
    workplaceType: 'remote',
    employmentType: [],
    salary: null,
    description: { html: '', text: '' },
    datePosted: '2025-01-01',
    validThrough: null,
    applyUrl: null,
    ats: null,
    source: 'heuristic',
    provenance: {},
  });
}

describe('ClickHouse adapter on chDB', () => {
  it.each([
    ['chDB raw insert', 'bw_dedup_raw', embedded],
    ['client.insert', 'bw_dedup_client', clientOnly],
  ] as const)('a BatchWriter retry after a lost ack is stored once (insert_deduplication_token, %s)', async (_label, db, make) => {
    const client = await make();
    const analytics = createClickHouseAnalytics({ client, database: db });
    await analytics.migrate();
    const tokens: string[] = [];
    const writer = createBatchWriter<JobPosting>({
      maxRows: 50,
      flushIntervalMs: 1000,
      retry: { retries: 2, minTimeout: 1, maxTimeout: 5 },
      sink: async (batch, { dedupToken, attempt }) => {
        tokens.push(dedupToken);
        await analytics.ingestJobs(batch, { dedupToken, at: new Date('2025-01-02T00:00:00Z') });
        // The insert landed but the caller never heard back: the writer must retry the same block.
        if (attempt === 1) throw new Error('connection reset after insert');
      },
    });
    await writer.write(Array.from({ length: 120 }, (_, i) => job(i)));
    await writer.close();
    expect(writer.stats()).toMatchObject({ rowsWritten: 120, batchesWritten: 3, retries: 3 });
    expect(tokens).toHaveLength(6);
    const rs = await client.query({ query: `SELECT count() AS n FROM ${db}.jobs`, format: 'JSONEachRow' });
    // Raw physical rows (no argMax, no FINAL): each retried block was dropped by the engine.
    expect(Number(((await rs.json()) as { n: string }[])[0]?.n)).toBe(120);
    // A later insert without a token is not swallowed by the token the session saw last.
    await analytics.ingestJobs([job(500)], { at: new Date('2025-01-03T00:00:00Z') });
    const rs2 = await client.query({ query: `SELECT count() AS n FROM ${db}.jobs`, format: 'JSONEachRow' });
    expect(Number(((await rs2.json()) as { n: string }[])[0]?.n)).toBe(121);
    expect(await analytics.topCompanies({ limit: 1 })).toEqual([{ company: 'Co2', jobs: 41 }]);
    await analytics.close();
  });

  it('escapes tabs, newlines and backslashes in TabSeparated rows', async () => {
    const analytics = createClickHouseAnalytics({ client: await embedded(), database: 'escaping' });
    await analytics.migrate();
    const j = { ...job(1), company: { name: 'Tab\tNew\nLine\\Co' } };
    await analytics.ingestJobs([j]);
    expect(await analytics.topCompanies()).toEqual([{ company: 'Tab\tNew\nLine\\Co', jobs: 1 }]);
    await analytics.close();
  });

  it('RowBinary (chDB) and TabSeparated (client.insert) store identical rows, awkward values included', async () => {
    const awkward: JobPosting[] = [
      { ...job(1), company: { name: 'Tab\tNew\nLine\\Co' }, title: 'Ingénieur·e 🚀 '.repeat(12) },
      { ...job(2), company: { name: 'Ünïcödé GmbH' }, title: 'x'.repeat(300), datePosted: '1969-07-20T20:17:00Z' },
      { ...job(3), salary: { min: 100_000, max: null, currency: 'EUR', period: 'year' }, datePosted: null },
      { ...job(4), salary: { min: Number.NaN, max: null, currency: 'USD', period: 'hour' }, workplaceType: null },
      { ...job(5), company: { name: '' }, title: 'Ω'.repeat(64), locations: [{ raw: 'Berlin', country: 'DE' }] },
      { ...job(6), company: { name: 'é'.repeat(40) }, title: 'Ω'.repeat(63) },
      ...Array.from({ length: 200 }, (_, i) => job(100 + i)),
    ];
    const at = new Date('2025-03-04T05:06:07.089Z');
    const binary = createClickHouseAnalytics({ client: await embedded(), database: 'enc_binary', validate: false });
    const text = createClickHouseAnalytics({ client: await clientOnly(), database: 'enc_text', validate: false });
    for (const a of [binary, text]) {
      await a.migrate();
      await a.ingestJobs(awkward, { at, dedupToken: 'same-token' });
    }
    const dump = async (db: string) => {
      const rs = await (await embedded()).query({
        query: `SELECT * EXCEPT (job_id, url, quality), toString(date_posted) AS dp, toString(updated_at) AS ua FROM ${db}.jobs ORDER BY url_hash`,
        format: 'JSONEachRow',
      });
      return (await rs.json()) as Record<string, unknown>[];
    };
    const [b, t] = [await dump('enc_binary'), await dump('enc_text')];
    expect(b).toHaveLength(awkward.length);
    expect(b).toEqual(t);
    const row = b.find((r) => r.company === 'Ünïcödé GmbH');
    expect(row?.title).toBe('x'.repeat(300));
    expect(b.find((r) => r.company === 'é'.repeat(40))?.title).toBe('Ω'.repeat(63));
    expect(row?.dp).toBe('1969-07-20 20:17:00.000');
    // 100k EUR a year, stored as the comparable annual figure in USD (the shipped ECB table, EUR-based).
    const yearlyUsd = Math.round(100_000 * (ECB_REFERENCE_RATES.rates.USD ?? Number.NaN));
    expect(b.find((r) => r.salary_currency === 'EUR')).toMatchObject({ salary_yearly: yearlyUsd, dp: null, ua: '2025-03-04 05:06:07.089' });
    await binary.close();
    await text.close();
  });

  it('binary inserts leave no spool file behind, and close() removes the spool directory', async () => {
    const c = await createEmbeddedClickHouse({ path: dir });
    const analytics = createClickHouseAnalytics({ client: c, database: 'spool' });
    await analytics.migrate();
    const before = new Set(readdirSync(spoolRoot).filter((n) => n.startsWith('jobkit-chdb-')));
    await analytics.ingestJobs([job(1), job(2)]);
    const mine = readdirSync(spoolRoot).filter((n) => n.startsWith('jobkit-chdb-') && !before.has(n));
    expect(mine).toHaveLength(1);
    expect(readdirSync(join(spoolRoot, mine[0]!))).toEqual([]);
    await expect(c.insertRowBinary({ table: 'spool.jobs; DROP', structure: [['a', 'String']], body: new Uint8Array() })).rejects.toThrow(
      /bad table/,
    );
    await c.close();
    expect(existsSync(join(spoolRoot, mine[0]!))).toBe(false);
  });

  it('rejects a bad database name and a closed instance', async () => {
    const client = await embedded();
    expect(() => createClickHouseAnalytics({ client, database: 'x; DROP' })).toThrow(/database must be an identifier/);
    const a = createClickHouseAnalytics({ client, database: 'closed_db' });
    await a.close();
    await expect(a.topCompanies()).rejects.toThrow(/closed/);
  });

  it('migration 2 backfills jobs_current from a database created before it, once', async () => {
    const client = await embedded();
    const analytics = createClickHouseAnalytics({ client, database: 'pre_v2' });
    await analytics.migrate();
    await analytics.ingestJobs([job(0), job(1), job(3)], { at: new Date('2025-01-02T00:00:00Z') });
    // Back to the v1 layout: jobs holds rows, the narrow table and its view do not exist yet.
    await client.command({ query: 'DROP VIEW pre_v2.jobs_current_mv' });
    await client.command({ query: 'DROP TABLE pre_v2.jobs_current' });
    await analytics.migrate();
    await analytics.migrate();
    expect(await analytics.topCompanies()).toEqual([
      { company: 'Co0', jobs: 2 },
      { company: 'Co1', jobs: 1 },
    ]);
    // The view feeds it from now on.
    await analytics.ingestJobs([job(4)], { at: new Date('2025-01-03T00:00:00Z') });
    expect(await analytics.topCompanies()).toEqual([
      { company: 'Co0', jobs: 2 },
      { company: 'Co1', jobs: 2 },
    ]);
    await analytics.close();
  });

  it.each(['final', 'argMax'] as const)(
    'a posting whose company changes is counted once, under its latest name (%s reads)',
    async (reads) => {
      const client = await embedded();
      const analytics = createClickHouseAnalytics({ client, database: `rename_${reads}`, reads });
      await analytics.migrate();
      const renamed = { ...job(7), company: { name: 'NewCo' } };
      await analytics.ingestJobs([renamed], { at: new Date('2025-01-05T00:00:00Z') });
      // An older observation arriving later must not win.
      await analytics.ingestJobs([job(7)], { at: new Date('2025-01-04T00:00:00Z') });
      expect(await analytics.topCompanies()).toEqual([{ company: 'NewCo', jobs: 1 }]);
      expect(await analytics.workplaceShare()).toEqual([
        { key: 'remote', jobs: 1, share: 1 },
        { key: 'hybrid', jobs: 0, share: 0 },
        { key: 'onsite', jobs: 0, share: 0 },
        { key: 'unknown', jobs: 0, share: 0 },
      ]);
      await analytics.close();
    },
  );

  it('validate: false stores the same numbers and still rejects what is not a posting', async () => {
    const client = await embedded();
    const analytics = createClickHouseAnalytics({ client, database: 'novalidate', validate: false });
    await analytics.migrate();
    await analytics.ingestJobs([{ ...job(2), title: 'Back\\slash\tEngineer', company: { name: 'Tab\tCo' } }]);
    expect(await analytics.topCompanies()).toEqual([{ company: 'Tab\tCo', jobs: 1 }]);
    await expect(analytics.ingestJobs([{ url: 'x' } as unknown as JobPosting])).rejects.toThrow(
      /\[adapters\/clickhouse\] jobs\[0\] is not a JobPosting/,
    );
    await analytics.close();
  });

  it.each(['final', 'argMax'] as const)(
    'medianDaysOpen of an undated removed job counts from its first observation (%s reads)',
    async (reads) => {
      const analytics = createClickHouseAnalytics({ client: await embedded(), database: `undated_${reads}`, reads });
      await analytics.migrate();
      const undated = { ...job(9), datePosted: null };
      await analytics.ingestJobs([undated], { at: new Date('2025-01-05T00:00:00Z') });
      await analytics.ingestJobs([undated], { at: new Date('2025-01-02T00:00:00Z') });
      await analytics.ingestJobs([job(10)], { at: new Date('2025-01-02T00:00:00Z') });
      const removedAt = '2025-01-12T12:00:00.000Z';
      await analytics.ingestJobEvents([
        {
          id: 'rm-9',
          type: 'job.removed',
          aggregateId: undated.id,
          occurredAt: removedAt,
          payload: { jobId: undated.id, urlHash: undated.urlHash, removedAt },
        },
      ]);
      expect(await analytics.medianDaysOpen()).toEqual({ medianDays: 10.5, jobs: 1 });
      await analytics.close();
    },
  );
});
