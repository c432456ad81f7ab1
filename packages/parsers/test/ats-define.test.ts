import { readdirSync, readFileSync } from 'node:fs';
import { canonicalizeUrl, type JobDraft, JobkitError, registerCanonicalUrlRules, urlHash } from '@jobkit/core';
import {
  ATS_PLATFORM_IDS,
  atsCanonicalUrlRules,
  atsPlatforms,
  type BoardClient,
  BoardNotFound,
  boardPlatforms,
  collectPageSignals,
  defineAts,
  detectAts,
  detectAtsCandidates,
  listBoardJobs,
} from '@jobkit/parsers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startVendorServer, type VendorServer } from './fixtures/boards/server.js';

const ATS_DIR = new URL('../src/ats/', import.meta.url);

/**
 * A third-party ATS written as a user would, outside the package and through the public API only:
 * `jobs.jobnest.example/{company}[/{id}]`, a JSON list API at `api.jobnest.example/v1/{company}/jobs`.
 */
const Row = z.object({ id: z.string().min(1), title: z.string().min(1), location: z.string().optional(), body: z.string().optional() });
const jobnestBoard: BoardClient = {
  platform: 'jobnest',
  async list(ctx) {
    const res = await ctx.fetcher.fetch(ctx.apiUrl(), { signal: ctx.signal });
    if (res.status === 404) throw new BoardNotFound(`[jobnest] no board "${ctx.boardToken}"`);
    const body = z.object({ total: z.number().int().nonnegative(), jobs: z.array(z.unknown()) }).parse(res.json());
    const drafts: JobDraft[] = [];
    body.jobs.forEach((raw, index) => {
      const row = Row.safeParse(raw);
      if (!row.success) {
        ctx.skip({ index, reason: 'not a job row' });
        return;
      }
      drafts.push({
        url: `https://jobs.jobnest.example/${ctx.boardToken}/${row.data.id}?jobnest_src=api`,
        title: row.data.title,
        company: { name: ctx.boardToken },
        locations: row.data.location ? [{ raw: row.data.location }] : [],
        workplaceType: null,
        employmentType: [],
        salary: null,
        description: { html: `<p>${row.data.body ?? row.data.title}</p>`, text: row.data.body ?? row.data.title },
        datePosted: null,
        validThrough: null,
        applyUrl: null,
        ats: { platform: 'jobnest', boardToken: ctx.boardToken, jobId: row.data.id },
        source: 'ats-api',
        provenance: {},
      });
    });
    return { drafts, advertisedTotal: body.total };
  },
};
const jobnest = defineAts({
  id: 'jobnest',
  name: 'Jobnest',
  website: 'https://jobnest.example',
  detects: { url: true, embed: true, boardApi: true },
  hosts: ['jobnest.example'],
  assetHosts: ['cdn.jobnest.example'],
  canonicalUrl: {
    trackingParams: ['jobnest_src'],
    canonicalize(u) {
      if (u.hostname === 'jobs.jobnest.example') u.pathname = u.pathname.replace(/\/apply\/?$/, '');
    },
  },
  matchUrl(url) {
    if (url.hostname !== 'jobs.jobnest.example') return null;
    const [company, id] = url.pathname.split('/').filter(Boolean);
    if (!company || !/^[a-z0-9-]+$/.test(company)) return null;
    return { boardToken: company, jobId: id && /^\d+$/.test(id) ? id : null, host: url.hostname };
  },
  matchPage(signals) {
    const el = signals.attributes.find((a) => a.name === 'data-jobnest-board');
    return el ? { boardToken: el.value, jobId: null, confidence: 0.7, evidence: [`attribute data-jobnest-board=${el.value}`] } : null;
  },
  boardApiUrl: (token) => `https://api.jobnest.example/v1/${encodeURIComponent(token)}/jobs`,
  board: jobnestBoard,
});
const platforms = [...atsPlatforms, jobnest];

describe('an ATS defined outside the package', () => {
  let server: VendorServer;
  beforeAll(async () => {
    server = await startVendorServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => server.reset());

  it('is detected by detectAts from its URLs and from a company page, only when passed in', () => {
    expect(detectAts({ url: 'https://jobs.jobnest.example/acme/42' }, { platforms })).toMatchObject({
      platform: 'jobnest',
      boardToken: 'acme',
      jobId: '42',
    });
    expect(detectAts({ url: 'https://jobs.jobnest.example/acme/42' })).toBeNull();
    const html = `<html><body><div data-jobnest-board="acme"></div><a href="https://jobs.jobnest.example/acme">Jobs</a>
      <script src="https://cdn.jobnest.example/widget.js"></script></body></html>`;
    expect(detectAts({ url: 'https://www.acme.example/careers', html }, { platforms })).toMatchObject({
      platform: 'jobnest',
      boardToken: 'acme',
    });
    // A page that also links a built-in platform still ranks both.
    const mixed = `${html}<a href="https://jobs.lever.co/acme">Old board</a>`;
    const ids = detectAtsCandidates('https://www.acme.example/careers', collectPageSignals(mixed, 'https://www.acme.example/careers'), {
      platforms,
    }).map((m) => m.platform);
    expect(ids).toEqual(expect.arrayContaining(['jobnest', 'lever']));
  });

  it('reads its board with listBoardJobs over HTTP, skipping a bad row', async () => {
    server.on('api.jobnest.example/v1/acme/jobs', {
      json: { total: 3, jobs: [{ id: '1', title: 'Engineer', location: 'Oslo' }, null, { id: '2', title: 'Designer' }] },
    });
    const board = detectAts({ url: 'https://jobs.jobnest.example/acme' }, { platforms })!;
    const res = await listBoardJobs({ platform: board.platform, boardToken: board.boardToken! }, { fetcher: server.fetcher, platforms });
    expect(res.jobs.map((j) => j.title)).toEqual(['Engineer', 'Designer']);
    expect(res.skipped).toEqual([{ index: 1, reason: 'not a job row' }]);
    expect(res.partial).toBe(true);
    expect(res.jobs[0]?.ats).toMatchObject({ platform: 'jobnest', boardToken: 'acme', jobId: '1' });
    expect(server.requests.map((r) => r.url.href)).toEqual(['https://api.jobnest.example/v1/acme/jobs']);
    expect(boardPlatforms(platforms)).toContain('jobnest');
  });

  it('maps vendor errors and rejects unknown platforms without it', async () => {
    await expect(listBoardJobs({ platform: 'jobnest', boardToken: 'gone' }, { fetcher: server.fetcher, platforms })).rejects.toBeInstanceOf(
      BoardNotFound,
    );
    await expect(listBoardJobs({ platform: 'jobnest', boardToken: 'acme' }, { fetcher: server.fetcher })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(
      listBoardJobs({ platform: 'jobnest', boardToken: 'acme' }, { fetcher: server.fetcher, platforms: [{} as never] }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(() => detectAts({ url: 'https://jobs.jobnest.example/acme' }, { platforms: 'x' as never })).toThrow(JobkitError);
  });

  it('brings its canonical URL rules once registered', () => {
    const url = 'https://jobs.jobnest.example/acme/42/apply?jobnest_src=li';
    expect(canonicalizeUrl(url, { rules: atsCanonicalUrlRules([jobnest]) })).toBe('https://jobs.jobnest.example/acme/42');
    const before = urlHash(url);
    registerCanonicalUrlRules(atsCanonicalUrlRules([jobnest]));
    expect(urlHash(url)).toBe(urlHash('https://jobs.jobnest.example/acme/42'));
    expect(urlHash(url)).not.toBe(before);
  });
});

describe('defineAts', () => {
  const base = {
    id: 'x-ats',
    name: 'X',
    detects: { url: true, embed: false, boardApi: false },
    hosts: ['x.example'],
    matchUrl: () => null,
  };

  it('refuses definitions that would silently detect nothing or everything', () => {
    const bad: Array<[string, Record<string, unknown>]> = [
      ['id', { id: 'Bad Id' }],
      ['hosts', { hosts: [] }],
      ['hosts', { hosts: ['https://x.example/'] }],
      ['hosts', { hosts: undefined }],
      ['matchUrl', { matchUrl: 'no' }],
      ['canonicalUrl', { canonicalUrl: { trackingParams: ['UTM'] } }],
      ['website', { website: 'not a url' }],
    ];
    for (const [field, over] of bad) {
      expect(() => defineAts({ ...base, ...over } as never), field).toThrowError(new RegExp(`defineAts\\("x-ats"|${field}`));
    }
    expect(() =>
      defineAts({ ...base, board: { platform: 'other', list: async () => ({ drafts: [], advertisedTotal: null }) } }),
    ).toThrowError(/belongs to "other"/);
  });

  it("turns hosts: 'any' into no host limit, and freezes the result", () => {
    const any = defineAts({ ...base, hosts: 'any' });
    expect(any.hosts).toBeUndefined();
    expect(Object.isFrozen(defineAts(base))).toBe(true);
    expect(defineAts(base).hosts).toEqual(['x.example']);
  });
});

describe('the built-in registry', () => {
  it('lists every definition file under src/ats (forgetting to regenerate it fails here)', () => {
    const files = readdirSync(ATS_DIR).filter((f) => /^[a-z0-9-]+\.ts$/.test(f));
    const defined = files
      .filter((f) => /^export const \w+ = defineAts\(/m.test(readFileSync(new URL(f, ATS_DIR), 'utf8')))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(defined.length).toBeGreaterThanOrEqual(30);
    expect([...ATS_PLATFORM_IDS].sort()).toEqual(defined);
    expect(atsPlatforms.map((d) => d.id)).toEqual([...ATS_PLATFORM_IDS]);
  });

  it('every built-in states its hosts or that it matches any host, with no duplicates', () => {
    const source = (id: string) => readFileSync(new URL(`${id}.ts`, ATS_DIR), 'utf8');
    for (const def of atsPlatforms) expect(/\n {2}hosts: /.test(source(def.id)), def.id).toBe(true);
    expect(new Set(ATS_PLATFORM_IDS).size).toBe(ATS_PLATFORM_IDS.length);
    expect(new Set(atsPlatforms.map((d) => d.rank)).size).toBe(atsPlatforms.length);
  });

  it('each definition matches no URL outside its declared hosts', () => {
    const samples = [
      'https://boards.greenhouse.io.evil.example/acme',
      'https://www.acme.example/careers/jobs/1',
      'https://jobs.example.org/acme/12345',
    ];
    for (const def of atsPlatforms) {
      if (!def.hosts) continue;
      for (const s of samples) expect(def.matchUrl(new URL(s)), `${def.id} ${s}`).toBeNull();
    }
  });
});
