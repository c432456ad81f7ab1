/**
 * HTTP API over an ingested simulated world (embedded engines, real sockets): search with typos,
 * facets and filters, validation 400s, keyset pagination of `/jobs`, job detail, stats consistent
 * with the store, Prometheus metrics (requests, latency, jobs ingested, cache hits), health, and
 * the per-IP rate limit (429 + Retry-After).
 * @module
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '../src/platform.js';
import { createApiServer } from '../src/server.js';
import { activeJobCount } from '../src/sim/world.js';

let p: Platform;
let active = 0;

async function get(path: string, base = p.url) {
  const res = await fetch(`${base}${path}`);
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // /metrics and static files are not JSON.
  }
  return { status: res.status, headers: res.headers, body };
}

beforeAll(async () => {
  p = await startPlatform({ seed: 11, companies: 30, namespace: `t_api_${process.pid}`, dropOnClose: true });
  const report = await p.ingest();
  expect(report.errors).toEqual([]);
  active = activeJobCount(p.sim.world);
  expect(report.summary.jobs.created).toBe(active);
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('GET /api/v1/search', () => {
  it('tolerates typos and returns highlights and facets', async () => {
    const exact = await get('/api/v1/search?q=engineer&per_page=5');
    const typo = await get('/api/v1/search?q=enginer&per_page=5');
    expect(exact.status).toBe(200);
    expect(typo.status).toBe(200);
    expect(exact.body.found).toBeGreaterThan(5);
    // One edit away from "engineer"; the exact query also prefix-matches "engineering", so it finds more.
    expect(typo.body.found).toBeGreaterThan(5);
    expect(typo.body.found).toBeLessThanOrEqual(exact.body.found);
    for (const h of typo.body.hits) expect(h.title).toMatch(/engineer/i);
    expect(typo.body.hits[0].highlights.some((h: { snippet: string }) => h.snippet.includes('<mark>'))).toBe(true);
    for (const f of ['company', 'location', 'workplaceType', 'employmentType', 'atsPlatform'])
      expect(Array.isArray(typo.body.facets[f])).toBe(true);
    expect(typo.body.hits[0]).not.toHaveProperty('description');
  });

  it('filters by facets (OR within a field, AND across fields) and by salary', async () => {
    const all = await get('/api/v1/search?per_page=1&facets=atsPlatform,workplaceType');
    expect(all.body.found).toBe(active);
    const gh = all.body.facets.atsPlatform.find((f: { value: string }) => f.value === 'greenhouse');
    const lever = all.body.facets.atsPlatform.find((f: { value: string }) => f.value === 'lever');
    const one = await get('/api/v1/search?ats=greenhouse&per_page=100');
    expect(one.body.found).toBe(gh.count);
    expect(one.body.hits.every((h: { atsPlatform: string }) => h.atsPlatform === 'greenhouse')).toBe(true);
    const two = await get('/api/v1/search?ats=greenhouse&ats=lever&per_page=1');
    expect(two.body.found).toBe(gh.count + lever.count);
    const remoteGh = await get('/api/v1/search?ats=greenhouse&workplace=remote&per_page=100');
    expect(remoteGh.body.found).toBeLessThanOrEqual(gh.count);
    expect(remoteGh.body.hits.every((h: { workplaceType: string }) => h.workplaceType === 'remote')).toBe(true);
    const rich = await get('/api/v1/search?salary_min=150000&sort=salary&per_page=100');
    expect(rich.body.found).toBeGreaterThan(0);
    // salary_min filters on the comparable annual figure (USD), not the posting's own numbers.
    for (const h of rich.body.hits) expect(h.salary.annualized.max ?? h.salary.annualized.min).toBeGreaterThanOrEqual(150000);
  });

  it('paginates without overlap', async () => {
    const first = await get('/api/v1/search?q=*&sort=date&per_page=7&page=1');
    const second = await get('/api/v1/search?q=*&sort=date&per_page=7&page=2');
    expect(first.body.pages).toBe(Math.ceil(active / 7));
    const ids = new Set(first.body.hits.map((h: { id: string }) => h.id));
    expect(second.body.hits.some((h: { id: string }) => ids.has(h.id))).toBe(false);
  });

  it.each([
    ['sort=cheapest', /sort/],
    ['per_page=0', /per_page/],
    ['per_page=1000', /per_page/],
    ['page=abc', /page/],
    ['salary_min=-5', /salary_min/],
    ['salary_min=200000&salary_max=100000', /salary_min must not exceed salary_max/],
    ['workplace=moon', /workplace/],
    ['country=Germany', /country/],
    ['facets=salary', /facets/],
    ['unknown=1', /unknown|unrecognized/i],
    ['q=a&q=b', /q/],
  ])('rejects %s with a 400 naming the problem', async (qs, message) => {
    const r = await get(`/api/v1/search?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_ARGUMENT');
    expect(r.body.error.message).toMatch(message);
  });
});

describe('GET /api/v1/jobs', () => {
  it('walks every active job with keyset pagination, each once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await get(`/api/v1/jobs?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((j: { id: string }) => j.id));
      cursor = r.body.next;
      pages++;
    } while (cursor && pages < 100);
    expect(seen.length).toBe(active);
    expect(new Set(seen).size).toBe(active);
  });

  it('filters and validates', async () => {
    const r = await get('/api/v1/jobs?ats=lever&limit=200');
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.every((j: { atsPlatform: string }) => j.atsPlatform === 'lever')).toBe(true);
    expect((await get('/api/v1/jobs?limit=0')).status).toBe(400);
    expect((await get('/api/v1/jobs?cursor=')).status).toBe(200);
    const bad = await get('/api/v1/jobs?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
  });

  it('returns one job with its sanitized description, 404 for unknown ids, 400 for malformed ids', async () => {
    const list = await get('/api/v1/jobs?limit=1');
    const id = list.body.items[0].id;
    const one = await get(`/api/v1/jobs/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(id);
    expect(one.body.description.html).toContain('<p>');
    expect(one.body.description.html).not.toMatch(/<script/i);
    expect(one.body.applyUrl).toMatch(/^https:\/\//);
    expect((await get('/api/v1/jobs/jk_000000000000000000000000')).status).toBe(404);
    const bad = await get('/api/v1/jobs/../../etc');
    expect([400, 404]).toContain(bad.status);
    expect((await get('/api/v1/jobs/DROP%20TABLE')).status).toBe(400);
  });
});

describe('GET /api/v1/stats, /metrics, /health', () => {
  it('reports dashboard figures that agree with the store', async () => {
    const r = await get('/api/v1/stats?period=week');
    expect(r.status).toBe(200);
    expect(r.body.jobs.active).toBe(active);
    expect(r.body.ats.reduce((n: number, x: { jobs: number }) => n + x.jobs, 0)).toBe(active);
    expect(r.body.workplace.map((x: { key: string }) => x.key)).toEqual(['remote', 'hybrid', 'onsite', 'unknown']);
    expect(r.body.overTime.reduce((n: number, x: { posted: number }) => n + x.posted, 0)).toBe(active);
    const usd = r.body.salaries.find((s: { currency: string }) => s.currency === 'USD');
    expect(usd.byLevel.p25).toBeLessThanOrEqual(usd.byLevel.p50);
    expect(usd.byLevel.p50).toBeLessThanOrEqual(usd.byLevel.p90);
    expect((await get('/api/v1/stats?period=year')).status).toBe(400);
  });

  it('exposes Prometheus metrics: requests, latency, jobs ingested, cache hits', async () => {
    await get('/api/v1/search?q=designer&per_page=3');
    await get('/api/v1/search?q=designer&per_page=3');
    const cachedAgain = await get('/api/v1/search?q=designer&per_page=3');
    expect(cachedAgain.body.cached).toBe(true);
    const m = await get('/metrics');
    expect(m.status).toBe(200);
    expect(m.headers.get('content-type')).toMatch(/text\/plain/);
    expect(m.body).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/search",status="200"\} \d+/);
    expect(m.body).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/stats",status="400"\} \d+/);
    expect(m.body).toMatch(/http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/search"\} \d+/);
    expect(m.body).toContain(`jobkit_jobs_ingested_total{outcome="created"} ${active}`);
    const hits = Number(/jobkit_search_cache_hits_total (\d+)/.exec(m.body)?.[1]);
    expect(hits).toBeGreaterThanOrEqual(2);
  });

  it('reports health of every engine', async () => {
    const r = await get('/health');
    expect(r.status).toBe(200);
    expect(r.body.checks).toEqual({ store: true, search: true, analytics: true });
    expect(r.body.engines.store).toMatch(/pglite|postgres/);
  });

  it('answers 404 for unknown routes and 405 for writes', async () => {
    expect((await get('/api/v2/nothing')).status).toBe(404);
    const post = await fetch(`${p.url}/api/v1/search`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('serves the page with a strict CSP', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.body).toContain('<script type="module" src="/app.js">');
  });
});

describe('rate limiting', () => {
  it('refuses a client past its bucket with 429 and Retry-After, and refills over time', async () => {
    let clock = 1_000_000;
    const api = createApiServer({ engines: p.engines, rateLimit: { burst: 3, perSecond: 0.5, now: () => clock } });
    const base = await api.listen();
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await get('/api/v1/jobs?limit=1', base)).status);
      expect(codes).toEqual([200, 200, 200, 429]);
      const limited = await get('/api/v1/jobs?limit=1', base);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      // /health and /metrics stay reachable for probes and scrapers.
      expect((await get('/health', base)).status).toBe(200);
      clock += 2000;
      expect((await get('/api/v1/jobs?limit=1', base)).status).toBe(200);
      const m = await get('/metrics', base);
      expect(m.body).toMatch(/http_rate_limited_total\{route="\/api\/v1\/jobs"\} 2/);
    } finally {
      await api.close();
    }
  });
});
