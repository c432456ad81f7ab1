/**
 * Route hygiene of the demo API on real engines (no ingestion needed): malformed percent-escapes in
 * a job id are 400 not 500, `ats` values are checked against the parsers' ATS ids, and 405/429/400
 * are counted in `/metrics` under the route they were aimed at (never `route="unknown"`).
 * @module
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '../src/platform.js';
import { createApiServer, routeLabel } from '../src/server.js';

let p: Platform;

async function get(path: string, base = p.url, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // /metrics is not JSON.
  }
  return { status: res.status, body };
}

beforeAll(async () => {
  p = await startPlatform({ seed: 3, companies: 2, namespace: `t_routes_${process.pid}`, dropOnClose: true });
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('demo API route hygiene', () => {
  it('answers a malformed percent-escape in a job id with 400, never 500', async () => {
    for (const path of ['/api/v1/jobs/%', '/api/v1/jobs/%zz', '/api/v1/jobs/%E0%A4%A', '/api/v1/jobs/jk_%']) {
      const r = await get(path);
      expect(`${path} ${r.status} ${r.body.error?.code}`).toBe(`${path} 400 INVALID_ARGUMENT`);
    }
    expect((await get('/api/v1/jobs/jk_000000000000000000000000')).status).toBe(404);
  });

  it('validates ats against the known ATS ids, case-insensitively', async () => {
    const typo = await get('/api/v1/search?ats=greenhous');
    expect(typo.status).toBe(400);
    expect(typo.body.error.message).toMatch(/unknown ATS "greenhous"; one of .*\bgreenhouse\b/);
    expect(typo.body.error.message).toMatch(/\blever\b/);
    expect((await get('/api/v1/jobs?ats=not-an-ats')).status).toBe(400);
    expect((await get('/api/v1/search?ats=lever&ats=bogus')).status).toBe(400);
    expect((await get('/api/v1/search?ats=Greenhouse&ats=lever')).status).toBe(200);
    expect((await get('/api/v1/jobs?ats=ashby')).status).toBe(200);
  });

  it('counts 405, 429, 400 and 404 under the route they were aimed at', async () => {
    let clock = 5_000_000;
    const api = createApiServer({ engines: p.engines, rateLimit: { burst: 2, perSecond: 0.5, now: () => clock } });
    const base = await api.listen();
    try {
      expect((await get('/api/v1/search', base, { method: 'POST', body: '{}' })).status).toBe(405);
      expect((await get('/api/v1/jobs/jk_000000000000000000000000', base, { method: 'DELETE' })).status).toBe(405);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await get('/api/v1/jobs?limit=1', base)).status);
      expect(codes).toEqual([200, 200, 429, 429]);
      const later = async (path: string) => ((clock += 10_000), (await get(path, base)).status);
      expect(await later('/api/v1/stats?period=year')).toBe(400);
      expect(await later('/api/v1/jobs/%')).toBe(400);
      expect(await later('/api/v9/nothing')).toBe(404);
      const m = (await get('/metrics', base)).body as string;
      expect(m).toMatch(/http_requests_total\{method="POST",route="\/api\/v1\/search",status="405"\} 1\n/);
      expect(m).toMatch(/http_requests_total\{method="DELETE",route="\/api\/v1\/jobs\/:id",status="405"\} 1\n/);
      expect(m).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/jobs",status="429"\} 2\n/);
      expect(m).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/jobs",status="200"\} 2\n/);
      expect(m).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/stats",status="400"\} 1\n/);
      expect(m).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/jobs\/:id",status="400"\} 1\n/);
      expect(m).toMatch(/http_requests_total\{method="GET",route="not-found",status="404"\} 1\n/);
      expect(m).toMatch(/http_rate_limited_total\{route="\/api\/v1\/jobs"\} 2\n/);
      expect(m).not.toContain('route="unknown"');
    } finally {
      await api.close();
    }
  });

  it('labels paths by route template with bounded cardinality', () => {
    expect(routeLabel('/api/v1/jobs/jk_abc')).toBe('/api/v1/jobs/:id');
    expect(routeLabel('/api/v1/search')).toBe('/api/v1/search');
    expect(routeLabel('/')).toBe('static');
    expect(routeLabel(`/x/${'a'.repeat(50)}`)).toBe('not-found');
  });
});
