/**
 * The simulated internet itself: deterministic worlds and mutations, every site kind present,
 * vendor APIs answering in their documented shapes over real HTTP, and 404s for what does not exist.
 * Also runs `main.ts --once --mutate` as a child process, the way CI does.
 * @module
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimInternet, startSimInternet } from '../src/sim/server.js';
import { boardToken, jobUrl, vendorHost } from '../src/sim/vendors.js';
import { createWorld, diffWorlds, mutateWorld, SITE_KINDS } from '../src/sim/world.js';

let sim: SimInternet;
beforeAll(async () => {
  sim = await startSimInternet({ seed: 3 });
});
afterAll(async () => {
  await sim?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: vendor responses are read by shape in the assertions below.
type Json = any;
/** A response whose body the tests read as the vendor's JSON. */
type VendorResponse = Omit<Response, 'json'> & { json(): Promise<Json> };
const get = (host: string, path: string, init?: RequestInit) =>
  fetch(`${sim.origin}/__host/${host}${path}`, init) as Promise<VendorResponse>;
const company = (kind: string) => sim.world.companies.find((c) => c.kind === kind)!;

describe('world', () => {
  it('is deterministic from its seed and covers every site kind', () => {
    expect(JSON.stringify(createWorld(9))).toBe(JSON.stringify(createWorld(9)));
    expect(JSON.stringify(createWorld(9))).not.toBe(JSON.stringify(createWorld(10)));
    const w = createWorld(9);
    expect(w.companies.length).toBeGreaterThanOrEqual(60);
    expect(new Set(w.companies.map((c) => c.domain)).size).toBe(w.companies.length);
    for (const kind of SITE_KINDS) expect(w.companies.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(6);
  });

  it('mutates deterministically and the diff adds up', () => {
    const w = createWorld(9);
    const a = mutateWorld(w, 1);
    expect(JSON.stringify(a)).toBe(JSON.stringify(mutateWorld(w, 1)));
    const d = diffWorlds(w, a);
    expect(d.added).toBeGreaterThan(0);
    expect(d.edited).toBeGreaterThan(0);
    expect(d.removed).toBeGreaterThan(0);
    expect(d.removedFromBoards).toBeLessThanOrEqual(d.removed);
    const before = w.companies.reduce((n, c) => n + c.jobs.filter((j) => !j.thin).length, 0);
    expect(d.unchanged + d.edited + d.removed).toBe(before);
    expect(diffWorlds(a, a)).toEqual({
      added: 0,
      edited: 0,
      removed: 0,
      removedFromBoards: 0,
      unchanged: d.unchanged + d.edited + d.added,
    });
  });
});

describe('vendor APIs over HTTP', () => {
  it('greenhouse: list with meta.total, detail with pay_input_ranges in cents', async () => {
    const c = company('greenhouse');
    const list = await (await get('boards-api.greenhouse.io', `/v1/boards/${boardToken(c)}/jobs?content=true`)).json();
    expect(list.meta.total).toBe(c.jobs.length);
    expect(list.jobs[0].content).toMatch(/^&lt;p&gt;/);
    const withPay = c.jobs.find((j) => j.salary)!;
    const detail = await (
      await get('boards-api.greenhouse.io', `/v1/boards/${boardToken(c)}/jobs/${withPay.id}?pay_transparency=true`)
    ).json();
    expect(detail.pay_input_ranges[0].min_cents).toBe(withPay.salary!.min * 100);
    expect((await get('boards-api.greenhouse.io', '/v1/boards/nope/jobs')).status).toBe(404);
  });

  it('lever pages with skip/limit and is case-sensitive', async () => {
    const c = company('lever');
    const page = await (await get('api.lever.co', `/v0/postings/${boardToken(c)}?mode=json&skip=1&limit=2`)).json();
    expect(page.length).toBe(Math.min(2, c.jobs.length - 1));
    expect((await get('api.lever.co', `/v0/postings/${boardToken(c).toUpperCase()}?mode=json`)).status).toBe(404);
  });

  it('workday answers POST list (422 on a missing field, 0 rows past limit 20) and GET detail', async () => {
    const c = company('workday');
    const [tenant, site] = boardToken(c).split('/');
    const post = (body: unknown) =>
      get(vendorHost(c), `/wday/cxs/${tenant}/${site}/jobs`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    const ok = await (await post({ appliedFacets: {}, limit: 20, offset: 0, searchText: '' })).json();
    expect(ok.total).toBe(c.jobs.length);
    expect((await (await post({ appliedFacets: {}, limit: 50, offset: 0, searchText: '' })).json()).jobPostings).toEqual([]);
    expect((await post({ limit: 20, offset: 0 })).status).toBe(422);
    const detail = await (await get(vendorHost(c), `/wday/cxs/${tenant}/${site}${ok.jobPostings[0].externalPath}`)).json();
    expect(detail.jobPostingInfo.title).toBe(ok.jobPostings[0].title);
  });

  it('smartrecruiters, workable, recruitee, ashby and personio answer their shapes', async () => {
    const sr = company('smartrecruiters');
    const srPage = await (await get('api.smartrecruiters.com', `/v1/companies/${boardToken(sr)}/postings?limit=100&offset=0`)).json();
    expect(srPage.totalFound).toBe(sr.jobs.length);
    const wk = company('workable');
    expect((await (await get('apply.workable.com', `/api/v1/widget/accounts/${boardToken(wk)}?details=true`)).json()).jobs.length).toBe(
      wk.jobs.length,
    );
    const rc = company('recruitee');
    expect((await (await get(vendorHost(rc), '/api/offers/')).json()).offers.length).toBe(rc.jobs.length);
    const ab = company('ashby');
    expect(
      (await (await get('api.ashbyhq.com', `/posting-api/job-board/${boardToken(ab)}?includeCompensation=true`)).json()).jobs.length,
    ).toBe(ab.jobs.length);
    const ps = company('personio');
    const xml = await (await get(vendorHost(ps), '/xml?language=en')).text();
    expect(xml.match(/<position>/g)?.length).toBe(ps.jobs.length);
  });

  it('serves company sites: homepage → careers → job pages with or without JSON-LD, robots.txt, 404s', async () => {
    const ld = company('own-jsonld');
    const plain = company('own-plain');
    expect(await (await get(ld.domain, '/')).text()).toContain('href="/careers"');
    const careers = await (await get(ld.domain, '/careers')).text();
    expect(careers).toContain(`/careers/jobs/${ld.jobs[0]!.id}-`);
    const path = new URL(jobUrl(ld, ld.jobs[0]!)).pathname;
    expect(await (await get(ld.domain, path)).text()).toContain('application/ld+json');
    const plainPath = new URL(jobUrl(plain, plain.jobs[0]!)).pathname;
    expect(await (await get(plain.domain, plainPath)).text()).not.toContain('application/ld+json');
    expect((await get(ld.domain, '/careers/jobs/999-nope')).status).toBe(404);
    expect(await (await get('api.lever.co', '/robots.txt')).text()).toContain('Allow: /');
    expect((await get('unknown.example', '/')).status).toBe(404);
    expect((await fetch(`${sim.origin}/not-rewritten`)).status).toBe(404);
  });
});

describe('main.ts --once', () => {
  it('ingests, prints the summary table for two runs and exits 0', async () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@jobkit/source', '--import', 'tsx', main, '--once', '--mutate', '--seed', '4'],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: {
          ...process.env,
          DATABASE_URL: '',
          PUBSUB_EMULATOR_HOST: '',
          PUBSUB_PROJECT_ID: '',
          GOOGLE_CLOUD_PROJECT: '',
          TYPESENSE_URL: '',
          CLICKHOUSE_URL: '',
        },
        timeout: 120_000,
      },
    );
    expect(stdout).toMatch(/run 1: 64 companies, \d+ ATS boards \+ \d+ careers pages, \d+ pages, 0 errors/);
    expect(stdout).toMatch(/board:workday\s+\d+/);
    expect(stdout).toMatch(/run 2: .* 0 errors/);
    expect(stdout).toMatch(/world changed: \+\d+ added/);
  }, 150_000);
});
