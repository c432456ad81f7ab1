/**
 * End-to-end tests of the `jobkit` bin: each case runs the CLI as a child process (tsx with the
 * `source` condition) on the repo's own demo pages and on a local careers site, and checks exit
 * codes, human output and `--json` output.
 * @module
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectPostgres, dropSchema } from '@jobkit/adapters/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type TestSite } from './site.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const PAGES = fileURLToPath(new URL('../../../examples/parse-demo/pages/', import.meta.url));
const GREENHOUSE_URL = 'https://boards.greenhouse.io/acmerobotics/jobs/4012345';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function jobkit(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=@jobkit/source', CLI, ...args],
      // JOBKIT_STORE unset so a developer's own store never leaks into a test.
      { env: { ...process.env, JOBKIT_STORE: '', FORCE_COLOR: '0', ...env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe.concurrent('jobkit parse', () => {
  it('prints a readable summary of a saved page', async () => {
    const r = await jobkit(['parse', join(PAGES, 'acme-greenhouse.html'), '--url', GREENHOUSE_URL]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Senior Backend Engineer\n/);
    expect(r.stdout).toMatch(/Company\s+Acme Robotics/);
    expect(r.stdout).toMatch(/Locations\s+Boston, MA, US/);
    expect(r.stdout).toMatch(/Salary\s+USD 165,000–195,000 \/ year/);
    expect(r.stdout).toMatch(/ATS\s+greenhouse \(board acmerobotics, job 4012345\)/);
    expect(r.stdout).toMatch(/Quality\s+\d+\/100/);
    expect(r.stdout).toMatch(/google-required\s+\d+\/30/);
  });

  it('prints the ParsedJobPage with --json', async () => {
    const r = await jobkit([
      'parse',
      join(PAGES, 'kraftwerk-microdata.html'),
      '--url',
      'https://kraftwerk-energie.example/karriere/werkstudent',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout);
    expect(Object.keys(page).sort()).toEqual(['ats', 'job', 'source', 'warnings']);
    expect(page.source).toBe('microdata');
    expect(page.job.company.name).toBe('Kraftwerk Energie GmbH');
    expect(page.job.salary).toMatchObject({ currency: 'EUR', period: 'hour' });
    expect(page.job.id).toMatch(/^jk_[0-9a-f]{24}$/);
  });

  it('exits 1 when the page holds no posting, and 2 when a saved file has no URL', async () => {
    const listing = await jobkit(['parse', join(PAGES, 'orbit-careers-listing.html'), '--url', 'https://orbit-labs.example/careers']);
    expect(listing.code).toBe(1);
    expect(listing.stdout).toContain('No job posting found on https://orbit-labs.example/careers');
    const noUrl = await jobkit(['parse', join(PAGES, 'acme-greenhouse.html')]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('pass --url');
    const missing = await jobkit(['parse', join(PAGES, 'no-such-page.html'), '--url', GREENHOUSE_URL, '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error.code).toBe('USAGE');
  });
});

describe.concurrent('jobkit detect', () => {
  it('detects the ATS from a URL, human and --json', async () => {
    const human = await jobkit(['detect', 'https://jobs.lever.co/nimbusdata/7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^URL\s+lever \(board nimbusdata, job 7d0f6f1e-/);
    const json = await jobkit(['detect', 'https://boards.greenhouse.io/acmerobotics', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).fromUrl).toMatchObject({ platform: 'greenhouse', boardToken: 'acmerobotics', jobId: null });
    const none = await jobkit(['detect', 'https://example.org/about', '--json']);
    expect(JSON.parse(none.stdout).fromUrl).toBeNull();
  });
});

describe.concurrent('usage errors exit 2', () => {
  it.each([
    [[], 'no command given'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['parse', '--bogus'], "Unknown option '--bogus'"],
    [['detect'], 'detect needs a URL'],
    [['detect', 'not-a-url'], 'is not an absolute http(s) URL'],
    [['crawl', 'definitely not a source'], 'neither "platform:boardToken"'],
    [['search', 'x', '--limit', 'lots'], '--limit must be an integer'],
    [['search', 'x', '--country', 'Germany'], 'two-letter ISO code'],
    [['crawl', 'greenhouse:acme', '--schema', 'Bad-Name'], 'must be a lower-case identifier'],
  ])('%j', async (args, message) => {
    const r = await jobkit(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/See `jobkit( \w+)? --help`/);
  });

  it('--help and --version exit 0', async () => {
    const help = await jobkit(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['parse', 'detect', 'crawl', 'search']) expect(help.stdout).toContain(`  ${c}`);
    const crawlHelp = await jobkit(['crawl', '--help']);
    expect(crawlHelp.stdout).toMatch(/^Usage: jobkit crawl/);
    const version = await jobkit(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('jobkit crawl + search on a local site (PGlite store)', () => {
  let site: TestSite;
  let dir: string;
  let store: string;
  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(join(tmpdir(), 'jobkit-cli-'));
    store = join(dir, 'pg');
  });
  afterAll(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the SSRF guard on without --allow-private', async () => {
    const r = await jobkit(['crawl', `${site.origin}/careers`, '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FETCH_BLOCKED');
    expect(r.stdout).toContain('pass --allow-private');
    expect(site.hits.get('/careers')).toBeUndefined();
  });

  it('crawls the careers page into the store; a dead link makes it a partial success (exit 3)', async () => {
    const r = await jobkit(['crawl', `${site.origin}/careers`, '--store', store, '--allow-private', '--json']);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.exitCode).toBe(3);
    expect(out.summary.jobs).toMatchObject({ created: 2, rejected: 1, updated: 0, unchanged: 0 });
    expect(out.rejected[0].url).toBe(`${site.origin}/jobs/logistics-intern`);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ source: `job:${site.origin}/jobs/closed-role`, code: 'TARGET_NOT_FOUND' });
    expect(out.store).toMatchObject({ kind: 'pglite', stats: { active: 2 } });
    expect(existsSync(store)).toBe(true);
  });

  it('a second crawl finds the same postings unchanged (human summary)', async () => {
    const r = await jobkit([
      'crawl',
      `${site.origin}/jobs/backend-engineer`,
      `${site.origin}/jobs/product-designer`,
      '--store',
      store,
      '--allow-private',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created 0 · updated 0 · unchanged 2 · rejected 0 · removed 0 · errors 0');
    expect(r.stdout).toContain('The store holds 2 active posting(s)');
  });

  it('search finds the crawled job, with filters', async () => {
    const human = await jobkit(['search', 'backend engineer', '--store', store]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('1 of 2 posting(s) match "backend engineer"');
    expect(human.stdout).toContain('Backend Engineer (Payments)');
    expect(human.stdout).toContain(`${site.origin}/jobs/backend-engineer`);

    const typo = await jobkit(['search', 'desinger', '--store', store, '--json']);
    expect(JSON.parse(typo.stdout).hits.map((h: { job: { title: string } }) => h.job.title)).toEqual(['Senior Product Designer']);

    const remote = await jobkit(['search', '*', '--store', store, '--remote', '--json']);
    const rj = JSON.parse(remote.stdout);
    expect(rj.found).toBe(1);
    expect(rj.hits[0].job.workplaceType).toBe('remote');

    const de = await jobkit(['search', '*', '--store', store, '--country', 'de', '--company', 'Quokka Freight', '--json']);
    expect(JSON.parse(de.stdout).hits.map((h: { job: { title: string } }) => h.job.title)).toEqual(['Backend Engineer (Payments)']);

    const nobody = await jobkit(['search', '*', '--store', store, '--company', 'Nobody Inc', '--json']);
    expect(JSON.parse(nobody.stdout).found).toBe(0);
  });

  it('parse and detect --fetch read a URL (with --allow-private); a 404 exits 1', async () => {
    const parsed = await jobkit(['parse', `${site.origin}/jobs/product-designer`, '--allow-private', '--json']);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout).job).toMatchObject({
      title: 'Senior Product Designer',
      workplaceType: 'remote',
      url: `${site.origin}/jobs/product-designer`,
    });
    const gone = await jobkit(['parse', `${site.origin}/jobs/closed-role`, '--allow-private']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('not found (HTTP 404)');
    const detected = await jobkit(['detect', `${site.origin}/careers`, '--fetch', '--allow-private', '--json']);
    expect(detected.code).toBe(0);
    expect(JSON.parse(detected.stdout)).toMatchObject({ fromUrl: null, fromPage: null, finalUrl: `${site.origin}/careers` });
  });

  it('search on a store that was never crawled exits 1 and says to crawl first', async () => {
    const r = await jobkit(['search', 'anything', '--store', join(dir, 'never-crawled')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no store at');
    expect(r.stderr).toContain('jobkit crawl');
    expect(existsSync(join(dir, 'never-crawled'))).toBe(false);
  });
});

const DATABASE_URL = process.env.DATABASE_URL;

describe.skipIf(!DATABASE_URL)(`crawl + search on PostgreSQL${DATABASE_URL ? '' : ' (skipped: DATABASE_URL is not set)'}`, () => {
  let site: TestSite;
  // Own schema per run so parallel test runs never share tables.
  const schema = `cli_test_${process.pid}_${Date.now().toString(36)}`;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.close();
    const db = await connectPostgres(DATABASE_URL!);
    await dropSchema(db, schema).finally(() => db.close());
  });

  it('stores the crawled postings in the given schema and searches them', async () => {
    const crawl = await jobkit([
      'crawl',
      `${site.origin}/jobs/backend-engineer`,
      '--store',
      DATABASE_URL!,
      '--schema',
      schema,
      '--allow-private',
      '--json',
    ]);
    expect(crawl.code).toBe(0);
    expect(JSON.parse(crawl.stdout).store).toMatchObject({ kind: 'postgres', stats: { active: 1 } });
    const search = await jobkit(['search', 'payments', '--json'], { JOBKIT_STORE: DATABASE_URL!, JOBKIT_SCHEMA: schema });
    expect(search.code).toBe(0);
    expect(JSON.parse(search.stdout).hits.map((h: { job: { title: string } }) => h.job.title)).toEqual(['Backend Engineer (Payments)']);
  });
});

describe.concurrent('unreachable store', () => {
  it('exits 1 with advice when PostgreSQL refuses the connection', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const r = await jobkit(['crawl', 'greenhouse:acme', '--store', 'postgres://postgres:secret@127.0.0.1:1/test', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PostgreSQL at 127.0.0.1:1 (from --store) refused the connection — is PostgreSQL running?');
    expect(r.stderr).not.toContain('secret');
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'FAILED', hint: expect.stringContaining('PGlite') });
  });

  it('reads the store from JOBKIT_STORE', async () => {
    const r = await jobkit(['search', 'x'], { JOBKIT_STORE: 'postgres://postgres@127.0.0.1:1/test' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(from JOBKIT_STORE) refused the connection');
  });
});
