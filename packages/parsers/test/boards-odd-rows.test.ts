import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listBoardJobs } from '../src/index.js';
import type { BoardCase } from './fixtures/boards/cases.js';
import { BOARD_CASES, CASE_NOW } from './fixtures/boards/cases.js';
import { mismatches } from './fixtures/boards/match.js';
import type { VendorServer } from './fixtures/boards/server.js';
import { startVendorServer } from './fixtures/boards/server.js';

let server: VendorServer;
beforeAll(async () => {
  server = await startVendorServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

function serve(c: BoardCase) {
  server.fallback = (req) => {
    const body = c.responses[req.url.href];
    if (body === undefined) return { status: 404, json: { ok: false } };
    return typeof body === 'string' ? { type: 'application/xml; charset=utf-8', body } : { json: body };
  };
}

const run = (c: BoardCase) =>
  listBoardJobs(
    { platform: c.platform, boardToken: c.token, ...(c.host ? { host: c.host } : {}) },
    { fetcher: server.fetcher, now: CASE_NOW, ...c.options },
  );

describe.each(BOARD_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('every job with a title and an id or URL comes through, with its stated fields', async () => {
    serve(c);
    const res = await run(c);
    const byId = new Map(res.jobs.map((j) => [j.ats?.jobId, j]));
    for (const want of c.jobs) {
      const job = byId.get(want.id);
      expect(job, `job ${want.id}`).toBeDefined();
      expect({ title: job!.title, url: job!.url }).toEqual({ title: want.title, url: want.url });
      expect(mismatches(job, want.fields ?? {}), `job ${want.id}`).toEqual([]);
    }
    // Nothing else comes through (unlisted, sample, draft rows stay out).
    expect(res.jobs.map((j) => j.ats?.jobId).sort()).toEqual(c.jobs.map((j) => j.id).sort());
    if (c.advertisedTotal !== undefined) expect(res.advertisedTotal).toBe(c.advertisedTotal);
  });

  it('each bad row is skipped, named in a warning with its reason, and the board is partial', async () => {
    serve(c);
    const res = await run(c);
    const skipped = [...res.skipped].sort((a, b) => a.index - b.index);
    expect(skipped.map((s) => [s.index, s.id])).toEqual(c.skipped.map((s) => [s.index, s.id]));
    for (const [i, s] of skipped.entries()) expect(s.reason).toMatch(c.skipped[i]!.reason);
    for (const s of res.skipped) {
      expect(res.warnings).toContain(`skipped row ${s.index}${s.id !== undefined ? ` (id ${s.id})` : ''}: ${s.reason}`);
    }
    expect(res.partial).toBe(c.skipped.length > 0);
  });
});

describe('envelope stays strict', () => {
  it('a response without its jobs array is BOARD_ENDPOINT_CHANGED, not an empty board', async () => {
    server.on('boards-api.greenhouse.io/v1/boards/acme/jobs', { json: { meta: { total: 3 } } });
    await expect(
      listBoardJobs({ platform: 'greenhouse', boardToken: 'acme' }, { fetcher: server.fetcher, details: false }),
    ).rejects.toMatchObject({
      code: 'BOARD_ENDPOINT_CHANGED',
    });
  });

  it('rows that all fail are skipped one by one, with a warning that the shape may have changed', async () => {
    server.on('api.lever.co/v0/postings/acme', {
      // A key no vendor uses for the title (`title`/`name` are read as Lever's `text`).
      json: [
        { id: 'a', heading: 'renamed field' },
        { id: 'b', heading: 'renamed field' },
      ],
    });
    const res = await listBoardJobs({ platform: 'lever', boardToken: 'acme' }, { fetcher: server.fetcher });
    expect(res).toMatchObject({
      jobs: [],
      partial: true,
      skipped: [
        { index: 0, id: 'a', reason: 'no title' },
        { index: 1, id: 'b', reason: 'no title' },
      ],
    });
    expect(res.warnings).toContain('none of the 2 postings rows is readable (no title); the response shape may have changed');
  });

  it('a lone object that is no job (an error body) is a changed endpoint', async () => {
    server.on('api.lever.co/v0/postings/acme', { json: { ok: false, error: 'Document not found' } });
    await expect(listBoardJobs({ platform: 'lever', boardToken: 'acme' }, { fetcher: server.fetcher })).rejects.toMatchObject({
      code: 'BOARD_ENDPOINT_CHANGED',
    });
  });

  it('takes the rows bare, or under a well-known sibling key, but not a non-array', async () => {
    server.on('api.ashbyhq.com/posting-api/job-board/acme', {
      json: [{ id: 'a1', title: 'Bare row', jobUrl: 'https://jobs.ashbyhq.com/acme/a1' }],
    });
    const ashby = await listBoardJobs({ platform: 'ashby', boardToken: 'acme' }, { fetcher: server.fetcher });
    expect(ashby.jobs.map((j) => j.title)).toEqual(['Bare row']);
    server.on('api.lever.co/v0/postings/acme', {
      json: { data: [{ id: 'l1', text: 'Wrapped row', hostedUrl: 'https://jobs.lever.co/acme/l1' }], hasNext: false },
    });
    const lever = await listBoardJobs({ platform: 'lever', boardToken: 'acme' }, { fetcher: server.fetcher });
    expect(lever.jobs.map((j) => j.title)).toEqual(['Wrapped row']);
    server.on('boards-api.greenhouse.io/v1/boards/acme/jobs', { json: { jobs: { id: 1 }, data: 'x' } });
    await expect(
      listBoardJobs({ platform: 'greenhouse', boardToken: 'acme' }, { fetcher: server.fetcher, details: false }),
    ).rejects.toMatchObject({ code: 'BOARD_ENDPOINT_CHANGED' });
  });

  it('a board of null rows is empty and partial, not an error', async () => {
    server.on('acme.breezy.hr/json', { json: [null, null] });
    const res = await listBoardJobs({ platform: 'breezy', boardToken: 'acme' }, { fetcher: server.fetcher });
    expect(res).toMatchObject({ jobs: [], partial: true, skipped: [{ index: 0 }, { index: 1 }] });
  });
});

describe('advertised totals', () => {
  const job = (id: number) => ({ id, title: `Role ${id}`, absolute_url: `https://job-boards.greenhouse.io/acme/jobs/${id}` });

  it('a total the listing exceeds is warned about, not an error', async () => {
    server.on('boards-api.greenhouse.io/v1/boards/acme/jobs', { json: { jobs: [job(1), job(2), job(3)], meta: { total: '2' } } });
    const res = await listBoardJobs({ platform: 'greenhouse', boardToken: 'acme' }, { fetcher: server.fetcher, details: false });
    expect(res.jobs).toHaveLength(3);
    expect(res.advertisedTotal).toBe(2);
    expect(res.partial).toBe(false);
    expect(res.warnings.join('\n')).toMatch(/advertised 2 jobs but listed 3/);
  });

  it('an unreadable total is unknown', async () => {
    server.on('boards-api.greenhouse.io/v1/boards/acme/jobs', { json: { jobs: [job(1)], meta: { total: 'many' } } });
    const res = await listBoardJobs({ platform: 'greenhouse', boardToken: 'acme' }, { fetcher: server.fetcher, details: false });
    expect(res).toMatchObject({ advertisedTotal: 1, partial: false, warnings: [] });
  });

  it('skipped rows count as listed against the total, so they are not also reported missing', async () => {
    server.on('boards-api.greenhouse.io/v1/boards/acme/jobs', { json: { jobs: [job(1), null], meta: { total: 2 } } });
    const res = await listBoardJobs({ platform: 'greenhouse', boardToken: 'acme' }, { fetcher: server.fetcher, details: false });
    expect(res.warnings).toEqual(['skipped row 1: null entry']);
    expect(res.partial).toBe(true);
  });

  it('names the first 20 skipped rows, then one summary line', async () => {
    server.on('acme.breezy.hr/json', {
      json: [{ id: 'ok', name: 'Good', url: 'https://acme.breezy.hr/p/ok' }, ...Array.from({ length: 30 }, () => null)],
    });
    const res = await listBoardJobs({ platform: 'breezy', boardToken: 'acme' }, { fetcher: server.fetcher });
    expect(res.jobs).toHaveLength(1);
    expect(res.skipped).toHaveLength(30);
    expect(res.warnings.filter((w) => w.startsWith('skipped row'))).toHaveLength(20);
    expect(res.warnings).toContain('skipped 30 unreadable rows in total');
  });
});

describe('paging without totals', () => {
  it('workday: pages until a short page when the response states no total', async () => {
    const host = 'acme.wd5.myworkdayjobs.com';
    const rows = Array.from({ length: 45 }, (_, i) => ({ title: `Job ${i}`, externalPath: `/job/X/Job-${i}_R${i}` }));
    server.on(`${host}/wday/cxs/acme/External/jobs`, (req) => {
      const { offset, limit } = JSON.parse(req.body) as { offset: number; limit: number };
      return { json: { jobPostings: rows.slice(offset, offset + limit) } };
    });
    const res = await listBoardJobs(
      { platform: 'workday', boardToken: 'acme/External', host },
      { fetcher: server.fetcher, details: false },
    );
    expect(res).toMatchObject({ advertisedTotal: null, partial: false });
    expect(res.jobs).toHaveLength(45);
    expect(server.requests.map((r) => (JSON.parse(r.body) as { offset: number }).offset)).toEqual([0, 20, 40]);
  });

  it('smartrecruiters: pages until a short page when totalFound is missing', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => ({ id: String(1000 + i), name: `Posting ${i}` }));
    server.on('api.smartrecruiters.com/v1/companies/Acme/postings', (req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      return { json: { offset, content: rows.slice(offset, offset + 100) } };
    });
    const res = await listBoardJobs({ platform: 'smartrecruiters', boardToken: 'Acme' }, { fetcher: server.fetcher, details: false });
    expect(res).toMatchObject({ advertisedTotal: null, partial: false });
    expect(res.jobs).toHaveLength(130);
  });

  it('smartrecruiters: stops when the server ignores offset and repeats its first page', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({ id: String(2000 + i), name: `Posting ${i}` }));
    server.on('api.smartrecruiters.com/v1/companies/Acme/postings', { json: { totalFound: 250, content: rows } });
    const res = await listBoardJobs({ platform: 'smartrecruiters', boardToken: 'Acme' }, { fetcher: server.fetcher, details: false });
    expect(res.jobs).toHaveLength(3);
    expect(res.partial).toBe(true);
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it('dover: stops when next points back at a page already read', async () => {
    server.on('app.dover.com/api/v1/careers-page-slug/acme', { json: { id: 'cp-1', name: 'Acme' } });
    server.on('app.dover.com/api/v1/careers-page/cp-1/jobs', {
      json: { next: 'https://app.dover.com/api/v1/careers-page/cp-1/jobs?limit=300&offset=0', results: [{ id: 'd1', title: 'Engineer' }] },
    });
    const res = await listBoardJobs({ platform: 'dover', boardToken: 'acme' }, { fetcher: server.fetcher });
    expect(res.jobs).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });
});
