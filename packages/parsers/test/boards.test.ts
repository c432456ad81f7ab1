import { JobkitError } from '@jobkit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Blocked, BoardEmpty, BoardNotFound, boardPlatforms, EndpointChanged, listBoardJobs, Truncated } from '../src/index.js';
import type { VendorServer } from './fixtures/boards/server.js';
import { startVendorServer } from './fixtures/boards/server.js';
import * as v from './fixtures/boards/vendors.js';

const NOW = new Date('2026-03-01T00:00:00Z');
let server: VendorServer;
beforeAll(async () => {
  server = await startVendorServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

const list = (platform: string, boardToken: string, extra: Record<string, unknown> = {}, host?: string) =>
  listBoardJobs({ platform, boardToken, ...(host ? { host } : {}) }, { fetcher: server.fetcher, now: NOW, ...extra });

describe('greenhouse', () => {
  it('maps structured fields, pay ranges in cents from the detail, metadata salary', async () => {
    server.on('boards-api.greenhouse.io/v1/boards/acme/jobs', { json: v.greenhouse.list });
    server.on('boards-api.greenhouse.io/v1/boards/acme/jobs/101', (req) =>
      req.url.searchParams.get('pay_transparency') === 'true' ? { json: v.greenhouse.detail101 } : { json: { id: 101 } },
    );
    const res = await list('greenhouse', 'acme');
    expect(res).toMatchObject({ advertisedTotal: 2, partial: false, warnings: [] });
    const [a, b] = res.jobs;
    expect(a).toMatchObject({
      title: 'Senior Backend Engineer',
      company: { name: 'Acme Corp' },
      salary: { min: 150000, max: 190000, currency: 'USD', period: 'year' },
      workplaceType: 'remote',
      employmentType: ['full_time'],
      department: 'Engineering',
      ats: { platform: 'greenhouse', boardToken: 'acme', jobId: '101' },
      source: 'ats-api',
      provenance: { salary: 'ats-api', workplaceType: 'heuristic', employmentType: 'ats-api', title: 'ats-api', datePosted: 'ats-api' },
    });
    expect(a!.locations[0]).toMatchObject({ country: 'US' });
    expect(a!.datePosted).toMatch(/^2026-02-01/);
    expect(a!.description.html).toBe('<p>Build <strong>APIs</strong>.</p>');
    expect(b).toMatchObject({ salary: { min: 60000, max: 80000, currency: 'EUR' }, locations: [{ city: 'Berlin', country: 'DE' }] });
    // Job 102 had a salary in metadata, so only 101 needed the pay-transparency detail.
    expect(server.requests.filter((r) => r.url.pathname.endsWith('/102'))).toHaveLength(0);
  });

  it('flags a list shorter than meta.total as partial', async () => {
    server.on('boards-api.greenhouse.io/v1/boards/acme/jobs', { json: { ...v.greenhouse.list, meta: { total: 5 } } });
    const res = await list('greenhouse', 'acme', { details: false });
    expect(res.partial).toBe(true);
    expect(res.warnings).toContain('read 2 of 5 advertised jobs');
    await expect(list('greenhouse', 'acme', { details: false, failOnPartial: true })).rejects.toBeInstanceOf(Truncated);
  });

  it('uses the EU API host when the board host says so', async () => {
    server.on('boards-api.eu.greenhouse.io/v1/boards/acme/jobs', { json: { jobs: [], meta: { total: 0 } } });
    const res = await listBoardJobs(
      { platform: 'greenhouse', boardToken: 'acme', url: 'https://job-boards.eu.greenhouse.io/acme' },
      { fetcher: server.fetcher },
    );
    expect(res).toMatchObject({ jobs: [], advertisedTotal: 0, partial: false });
    await expect(
      listBoardJobs(
        { platform: 'greenhouse', boardToken: 'acme', host: 'job-boards.eu.greenhouse.io' },
        { fetcher: server.fetcher, failOnEmpty: true },
      ),
    ).rejects.toBeInstanceOf(BoardEmpty);
  });
});

describe('lever', () => {
  it('pages with skip/limit to completion and maps salaryRange, workplaceType, createdAt', async () => {
    const all = v.lever(230);
    server.on('api.lever.co/v0/postings/acme', (req) => {
      const skip = Number(req.url.searchParams.get('skip'));
      const limit = Number(req.url.searchParams.get('limit'));
      return { json: all.slice(skip, skip + limit) };
    });
    const res = await list('lever', 'acme');
    expect(res.jobs).toHaveLength(230);
    expect(res).toMatchObject({ advertisedTotal: null, partial: false });
    expect(server.requests.map((r) => r.url.searchParams.get('skip'))).toEqual(['0', '100', '200']);
    const first = res.jobs[0]!;
    expect(first).toMatchObject({
      salary: { min: 70000, max: 90000, currency: 'GBP', period: 'year' },
      workplaceType: 'hybrid',
      employmentType: ['full_time'],
      locations: [{ city: 'London', country: 'GB' }],
      datePosted: '2026-01-15T00:00:00Z',
      applyUrl: 'https://jobs.lever.co/acme/5f1c-0/apply',
      provenance: { salary: 'ats-api', workplaceType: 'ats-api' },
    });
    expect(first.description.html).toContain('<h3>What you will do</h3><ul><li>Pipelines</li>');
    expect(res.jobs[1]).toMatchObject({ workplaceType: 'onsite', salary: null });
  });

  it('stops at maxJobs and says so', async () => {
    const all = v.lever(250);
    server.on('api.lever.co/v0/postings/acme', (req) => {
      const skip = Number(req.url.searchParams.get('skip'));
      return { json: all.slice(skip, skip + 100) };
    });
    const res = await list('lever', 'acme', { maxJobs: 120 });
    expect(res.jobs).toHaveLength(120);
    expect(res.partial).toBe(true);
    expect(res.warnings).toContain('stopped at maxJobs=120');
  });

  it('does not loop when the server ignores skip', async () => {
    const all = v.lever(100);
    server.on('api.lever.co/v0/postings/acme', { json: all });
    const res = await list('lever', 'acme');
    expect(res.jobs).toHaveLength(100);
    expect(res.partial).toBe(true);
  });
});

describe('ashby', () => {
  it('maps compensation tiers, workplaceType/isRemote, addresses; skips unlisted jobs', async () => {
    server.on('api.ashbyhq.com/posting-api/job-board/acme', (req) =>
      req.url.searchParams.get('includeCompensation') === 'true' ? { json: v.ashby } : { json: { jobs: [] } },
    );
    const res = await list('ashby', 'acme');
    expect(res.jobs.map((j) => j.ats?.jobId)).toEqual(['a1b2', 'c3d4']);
    expect(res.jobs[0]).toMatchObject({
      salary: { min: 55000, max: 70000, currency: 'EUR', period: 'year', raw: '€55K – €70K • Offers Equity' },
      workplaceType: 'hybrid',
      employmentType: ['full_time'],
      locations: [
        { city: 'Paris', country: 'FR', display: 'Paris, Île-de-France, France' },
        { city: 'Madrid', country: 'ES' },
      ],
      department: 'Sales',
      datePosted: '2026-02-20T10:00:00Z',
    });
    expect(res.jobs[1]).toMatchObject({ workplaceType: 'remote', employmentType: ['contract'], provenance: { workplaceType: 'ats-api' } });
  });
});

describe('workday', () => {
  const host = 'acme.wd5.myworkdayjobs.com';

  it('POSTs 20 per page to completion and reads details', async () => {
    v.workdayTenant(server, host, 45);
    server.fallback = (req) => {
      const m = /\/wday\/cxs\/acme\/External\/job\/.*_R(\d+)$/.exec(req.url.pathname);
      return m ? { json: v.workdayDetail(Number(m[1]) - 10000) } : { status: 404 };
    };
    const res = await list('workday', 'acme/External', {}, host);
    expect(res).toMatchObject({ advertisedTotal: 45, partial: false });
    expect(res.jobs).toHaveLength(45);
    const bodies = server.requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as { offset: number; limit: number });
    expect(bodies.map((b) => b.offset)).toEqual([0, 20, 40]);
    expect(bodies.every((b) => b.limit === 20)).toBe(true);
    expect(res.jobs[0]).toMatchObject({
      ats: { platform: 'workday', boardToken: 'acme/External', jobId: 'R10000' },
      workplaceType: 'hybrid',
      employmentType: ['full_time'],
      datePosted: '2026-02-14',
      locations: [
        { city: 'Berlin', country: 'DE' },
        { city: 'Munich', country: 'DE' },
      ],
    });
  });

  it('without details keeps list fields and reads relative dates against now', async () => {
    v.workdayTenant(server, host, 3);
    const res = await list('workday', 'acme/External', { details: false }, host);
    expect(res.jobs[1]).toMatchObject({ datePosted: '2026-02-26', url: `https://${host}/External/job/City-1/Job-1_R10001` });
    // "2 Locations" is a count, not a place.
    expect(res.jobs[0]!.locations).toEqual([]);
  });

  it('splits a clamped board by facet (appliedFacets) and reads every job', async () => {
    v.workdayTenant(server, host, 2300, { clampAt: 2000, facets: true });
    const res = await list('workday', 'acme/External', { details: false }, host);
    expect(res.jobs).toHaveLength(2300);
    expect(res.partial).toBe(false);
    expect(res.warnings.join('\n')).toMatch(/split by facet "locationRegion" into 3 slices/);
    const facetBodies = server.requests
      .map((r) => JSON.parse(r.body) as { appliedFacets: Record<string, string[]> })
      .filter((b) => b.appliedFacets.locationRegion);
    expect(new Set(facetBodies.map((b) => b.appliedFacets.locationRegion![0]))).toEqual(new Set(['reg0', 'reg1', 'reg2']));
  });

  it('marks a clamped board without usable facets partial', async () => {
    v.workdayTenant(server, host, 2100, { clampAt: 2000 });
    const res = await list('workday', 'acme/External', { details: false }, host);
    expect(res.jobs).toHaveLength(2000);
    expect(res.partial).toBe(true);
    expect(res.warnings.join('\n')).toMatch(/2000 clamp, and no facet splits the board/);
  });

  it('needs the wdN host', async () => {
    await expect(list('workday', 'acme/External')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('input validation', () => {
  it('rejects bad refs and unsupported platforms with named errors', async () => {
    await expect(list('greenhouse', 'a b')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('[parsers/boards]'),
    });
    await expect(list('nope', 'acme')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(list('icims', 'acme')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(listBoardJobs({ platform: 'lever', boardToken: 'acme' }, { fetcher: {} as never })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('respects an aborted signal', async () => {
    server.on('api.lever.co/v0/postings/acme', { json: v.lever(3) });
    const controller = new AbortController();
    controller.abort();
    await expect(list('lever', 'acme', { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    expect(server.requests).toHaveLength(0);
  });
});

/** For the error table: a token/host pair that reaches the platform's first request. */
const ERROR_BOARDS: Record<string, { token: string; host?: string }> = {
  workday: { token: 'acme/External', host: 'acme.wd5.myworkdayjobs.com' },
};

describe.each(boardPlatforms())('%s errors', (platform) => {
  const board = ERROR_BOARDS[platform] ?? { token: 'acme' };
  const run = () => list(platform, board.token, { details: false }, board.host);

  it('404 → BoardNotFound', async () => {
    server.fallback = () => ({ status: 404, json: { ok: false } });
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BoardNotFound);
    expect(JobkitError.is(err, 'BOARD_NOT_FOUND')).toBe(true);
  });

  it('429 after retries → Blocked', async () => {
    server.fallback = () => ({ status: 429, headers: { 'retry-after': '0' }, body: 'slow down' });
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Blocked);
    expect((err as JobkitError).retryable).toBe(true);
    // The fetcher (GET) or the board layer (POST) retried before giving up.
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it('403 → Blocked', async () => {
    server.fallback = () => ({ status: 403, body: 'forbidden' });
    await expect(run()).rejects.toBeInstanceOf(Blocked);
  });

  it('200 with an HTML page → BoardNotFound (soft 404)', async () => {
    server.fallback = () => ({
      type: 'text/html; charset=utf-8',
      body: '<!DOCTYPE html><html><head><title>Page not found</title></head><body>404</body></html>',
    });
    await expect(run()).rejects.toBeInstanceOf(BoardNotFound);
  });

  it('a changed response shape → EndpointChanged', async () => {
    server.fallback = (req) =>
      /\.xml$|\/xml$|\.rss$/.test(req.url.pathname)
        ? { type: 'application/xml', body: '<?xml version="1.0"?><feed><entry/></feed>' }
        : { json: { data: { postings: 'moved' } } };
    await expect(run()).rejects.toBeInstanceOf(EndpointChanged);
  });

  it('200 with an empty body → BoardEmpty', async () => {
    server.fallback = () => ({ body: '' });
    await expect(run()).rejects.toBeInstanceOf(BoardEmpty);
  });
});
