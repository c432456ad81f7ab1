/**
 * End-to-end tests of the guarded HTTP fetcher against local servers on 127.0.0.1: limits, redirects,
 * SSRF guard, decompression, charsets, retries, rate limits, robots.txt and abort.
 * @module
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createHttpFetcher } from '@jobkit/adapters/http';
import type { FetchEvent, Fetcher } from '@jobkit/core';
import { fetchOk, JobkitError } from '@jobkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpFetcherOptions } from '../src/http/index.js';
import type { TestServer } from './http-server.js';
import { sleep, startServer } from './http-server.js';

const LOCAL = ['127.0.0.1/32'];

/** Fast test defaults: loopback allowed, robots off, tiny backoff, no token bucket. */
function localFetcher(extra: HttpFetcherOptions = {}): Fetcher {
  return createHttpFetcher({
    allowPrivateNetworks: LOCAL,
    robots: false,
    retryMinDelayMs: 5,
    retryMaxDelayMs: 20,
    hostRequestsPerSecond: Infinity,
    ...extra,
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (JobkitError.is(error)) return error.code;
    throw error;
  }
}

const cp1252Page = Buffer.concat([
  Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
  Buffer.from([0xe9, 0x20, 0x80]), // "é €" in windows-1252
  Buffer.from('</title></head><body>ok</body></html>'),
]);

let server: TestServer;
const fetchers: Fetcher[] = [];
const track = (f: Fetcher) => (fetchers.push(f), f);

beforeAll(async () => {
  let flaky503 = 0;
  let rateLimited = 0;
  server = await startServer({
    '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('hello'),
    '/echo': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers)),
    '/slow-headers': async (_req, res) => {
      await sleep(2_000);
      res.end('late');
    },
    '/slow-body': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('start…');
      await sleep(2_000);
      res.end('end');
    },
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 40; i++) res.write(Buffer.alloc(16 * 1024, 97));
      res.end();
    },
    '/big-declared': (_req, res) => res.writeHead(200, { 'content-length': String(300_000) }).end(Buffer.alloc(300_000, 97)),
    '/gzip': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync('<p>gzip ✓ zürich</p>')),
    '/br': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' })
        .end(brotliCompressSync('<p>brotli ✓ 東京</p>')),
    '/gzip-bomb': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5_000_000, 0))),
    '/cp1252-meta': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(cp1252Page),
    '/latin1-header': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' }).end(Buffer.from([0x6e, 0x61, 0xef, 0x76, 0x65])),
    '/sjis-http-equiv': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(
        Buffer.concat([
          Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body>'),
          Buffer.from([0x93, 0x8c, 0x8b, 0x9e]), // 東京
          Buffer.from('</body></html>'),
        ]),
      ),
    '/utf8-bom': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
        .end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>ünï</p>')])),
    '/hop1': (_req, res) => res.writeHead(301, { location: '/hop2' }).end(),
    '/hop2': (_req, res) => res.writeHead(302, { location: `${server.origin}/ok` }).end(),
    '/loop': (req, res) => {
      const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/loop?n=${n + 1}` }).end();
    },
    '/to-metadata': (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-ten': (_req, res) => res.writeHead(307, { location: 'http://10.0.0.1/admin' }).end(),
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/flaky-503': (_req, res) => {
      flaky503 += 1;
      if (flaky503 <= 2) res.writeHead(503).end('busy');
      else res.writeHead(200).end('recovered');
    },
    '/always-503': (_req, res) => res.writeHead(503).end('down'),
    '/rate-limited': (_req, res) => {
      rateLimited += 1;
      if (rateLimited === 1) res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      else res.writeHead(200).end('thanks');
    },
    '/retry-after-long': (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end('come back tomorrow'),
    '/gone': (_req, res) => res.writeHead(410).end('gone'),
    '/forbidden': (_req, res) => res.writeHead(403).end('no'),
    '/empty': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(''),
    '/concurrency': async (_req, res) => {
      await sleep(80);
      res.end('done');
    },
  });
});

afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await server.close();
});

describe('http fetcher: basics and limits', () => {
  it('fetches, sends the Jobkit user agent and reports timings', async () => {
    const f = track(localFetcher());
    const res = await f.fetch(`${server.origin}/ok`);
    expect(res.status).toBe(200);
    expect(res.text()).toBe('hello');
    expect(res.charset).toBe('utf-8');
    expect(res.redirects).toEqual([]);
    expect(res.timings.totalMs).toBeGreaterThan(0);
    const echo = (await f.fetch(`${server.origin}/echo`, { accept: 'application/json', headers: { 'X-Test': '1' } })).json<
      Record<string, string>
    >();
    expect(echo['user-agent']).toMatch(/^JobkitBot\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/jobkit\)$/);
    expect(echo.accept).toBe('application/json');
    expect(echo['x-test']).toBe('1');
  });

  it('times out on slow headers and on a stalled body', async () => {
    const f = track(localFetcher({ retries: 0 }));
    const started = performance.now();
    const error = await f.fetch(`${server.origin}/slow-headers`, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'FETCH_TIMEOUT')).toBe(true);
    expect((error as JobkitError).retryable).toBe(true);
    expect((error as JobkitError).details).toMatchObject({ url: `${server.origin}/slow-headers`, host: `127.0.0.1:${server.port}` });
    expect(await codeOf(f.fetch(`${server.origin}/slow-body`, { timeoutMs: 150 }))).toBe('FETCH_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('aborts bodies past maxBytes, streamed or declared, and decompression bombs', async () => {
    const f = track(localFetcher({ maxBytes: 100_000 }));
    expect(await codeOf(f.fetch(`${server.origin}/big-chunked`))).toBe('FETCH_TOO_LARGE');
    expect(await codeOf(f.fetch(`${server.origin}/big-declared`))).toBe('FETCH_TOO_LARGE');
    expect(await codeOf(f.fetch(`${server.origin}/gzip-bomb`))).toBe('FETCH_TOO_LARGE');
    expect((await f.fetch(`${server.origin}/big-chunked`, { maxBytes: 1_000_000 })).body.byteLength).toBe(40 * 16 * 1024);
  });

  it('decompresses gzip and brotli', async () => {
    const f = track(localFetcher());
    expect((await f.fetch(`${server.origin}/gzip`)).text()).toBe('<p>gzip ✓ zürich</p>');
    expect((await f.fetch(`${server.origin}/br`)).text()).toBe('<p>brotli ✓ 東京</p>');
  });

  it('detects the charset from meta tags, the header and the BOM', async () => {
    const f = track(localFetcher());
    const meta = await f.fetch(`${server.origin}/cp1252-meta`);
    expect(meta.charset).toBe('windows-1252');
    expect(meta.text()).toContain('<title>Café €</title>');
    const header = await f.fetch(`${server.origin}/latin1-header`);
    expect(header.charset).toBe('windows-1252');
    expect(header.text()).toBe('naïve');
    const sjis = await f.fetch(`${server.origin}/sjis-http-equiv`);
    expect(sjis.charset).toBe('shift_jis');
    expect(sjis.text()).toContain('東京');
    const bom = await f.fetch(`${server.origin}/utf8-bom`);
    expect(bom.charset).toBe('utf-8');
    expect(bom.text()).toBe('<p>ünï</p>');
  });
});

describe('http fetcher: redirects and SSRF guard', () => {
  it('follows redirects hop by hop and reports them', async () => {
    const events: FetchEvent[] = [];
    const f = track(localFetcher({ onEvent: (e) => events.push(e) }));
    const res = await f.fetch(`${server.origin}/hop1`);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${server.origin}/ok`);
    expect(res.redirects).toEqual([`${server.origin}/hop1`, `${server.origin}/hop2`]);
    expect(events.filter((e) => e.type === 'redirect')).toHaveLength(2);
  });

  it('stops after maxRedirects', async () => {
    const f = track(localFetcher({ maxRedirects: 3 }));
    const error = await f.fetch(`${server.origin}/loop`).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'FETCH_TOO_MANY_REDIRECTS')).toBe(true);
    expect((error as JobkitError).retryable).toBe(false);
  });

  it('refuses loopback, private and mapped addresses by default, before connecting', async () => {
    const f = track(createHttpFetcher({ robots: false, retries: 0 }));
    const before = server.hits('/ok');
    for (const url of [
      `${server.origin}/ok`,
      `http://[::ffff:127.0.0.1]:${server.port}/ok`,
      'http://[::1]/',
      'http://10.1.2.3/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/',
      'http://[fd00::1]/',
      'http://0.0.0.0/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://2130706433/', // 127.0.0.1 in decimal: the URL parser normalises it, the guard still sees loopback
    ]) {
      expect(`${url} → ${await codeOf(f.fetch(url))}`).toBe(`${url} → FETCH_BLOCKED`);
    }
    expect(await codeOf(f.fetch('file:///etc/passwd'))).toBe('FETCH_BLOCKED');
    expect(server.hits('/ok')).toBe(before);
  });

  it('checks addresses after DNS resolution: localhost is refused by default', async () => {
    const f = track(createHttpFetcher({ robots: false, retries: 0 }));
    const before = server.hits('/ok');
    const error = await f.fetch(`http://localhost:${server.port}/ok`).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'FETCH_BLOCKED')).toBe(true);
    expect((error as JobkitError).message).toMatch(/resolves only to blocked addresses.*loopback/);
    expect((error as JobkitError).details).toMatchObject({ url: `http://localhost:${server.port}/ok`, ssrf: true });
    expect(server.hits('/ok')).toBe(before);
    // Allowing 127.0.0.1 lets the name through; ::1 is filtered out and never dialled.
    const allowed = track(localFetcher());
    expect((await allowed.fetch(`http://localhost:${server.port}/ok`)).text()).toBe('hello');
  });

  it('re-checks every redirect hop: a redirect into a private or non-http target is refused', async () => {
    const f = track(localFetcher({ retries: 0 }));
    expect(await codeOf(f.fetch(`${server.origin}/to-metadata`))).toBe('FETCH_BLOCKED');
    expect(await codeOf(f.fetch(`${server.origin}/to-ten`))).toBe('FETCH_BLOCKED');
    expect(await codeOf(f.fetch(`${server.origin}/to-file`))).toBe('FETCH_BLOCKED');
  });

  it('allowHosts exempts one name only: its redirect to another loopback server is refused', async () => {
    const other = await startServer({ '/secret': (_req, res) => res.end('internal') });
    const bouncer = await startServer({ '/bounce': (_req, res) => res.writeHead(302, { location: `${other.origin}/secret` }).end() });
    try {
      const f = track(createHttpFetcher({ robots: false, retries: 0, allowHosts: ['localhost'], hostRequestsPerSecond: Infinity }));
      const error = await f.fetch(`http://localhost:${bouncer.port}/bounce`).catch((e: unknown) => e);
      expect(JobkitError.is(error, 'FETCH_BLOCKED')).toBe(true);
      expect(bouncer.hits('/bounce')).toBe(1);
      expect(other.hits('/secret')).toBe(0);
    } finally {
      await Promise.all([other.close(), bouncer.close()]);
    }
  });

  it('rejects invalid options and URLs with INVALID_ARGUMENT', async () => {
    expect(() => createHttpFetcher({ allowPrivateNetworks: ['not-a-cidr'] })).toThrow(/allowPrivateNetworks/);
    expect(() => createHttpFetcher({ timeoutMs: -1 })).toThrow(/\[adapters\/http\] invalid options/);
    const f = track(localFetcher());
    expect(await codeOf(f.fetch('not a url'))).toBe('INVALID_ARGUMENT');
  });
});

describe('http fetcher: retries, rate limits and typed statuses', () => {
  it('retries 503 with backoff and then succeeds', async () => {
    const events: FetchEvent[] = [];
    const f = track(localFetcher({ retries: 3, onEvent: (e) => events.push(e) }));
    const res = await f.fetch(`${server.origin}/flaky-503`);
    expect(res.status).toBe(200);
    expect(res.text()).toBe('recovered');
    expect(server.hits('/flaky-503')).toBe(3);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });

  it('returns the last 5xx after the retries run out; fetchOk turns it into a retryable error', async () => {
    const f = track(localFetcher({ retries: 2 }));
    const before = server.hits('/always-503');
    const res = await f.fetch(`${server.origin}/always-503`);
    expect(res.status).toBe(503);
    expect(server.hits('/always-503') - before).toBe(3);
    const error = await fetchOk(f, `${server.origin}/always-503`).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'FETCH_HTTP_STATUS')).toBe(true);
    expect((error as JobkitError).retryable).toBe(true);
  });

  it('does not retry non-idempotent methods', async () => {
    const f = track(localFetcher({ retries: 3 }));
    const before = server.hits('/always-503');
    const res = await f.fetch(`${server.origin}/always-503`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(503);
    expect(server.hits('/always-503') - before).toBe(1);
  });

  it('honours Retry-After on 429 by pausing the host, then succeeds', async () => {
    const events: FetchEvent[] = [];
    const f = track(localFetcher({ retries: 2, onEvent: (e) => events.push(e) }));
    const started = performance.now();
    const res = await f.fetch(`${server.origin}/rate-limited`);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(events).toContainEqual({ type: 'rate-limited', host: `127.0.0.1:${server.port}`, status: 429, pauseMs: 1000 });
  });

  it('returns a 429 whose Retry-After exceeds maxRetryAfterMs without waiting; fetchOk → FETCH_RATE_LIMITED', async () => {
    const f = track(localFetcher({ retries: 3, maxRetryAfterMs: 50 }));
    const started = performance.now();
    const error = await fetchOk(f, `${server.origin}/retry-after-long`).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'FETCH_RATE_LIMITED')).toBe(true);
    expect((error as JobkitError).details).toMatchObject({ status: 429, retryAfter: '3600' });
    expect(server.hits('/retry-after-long')).toBe(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('retries network errors and then fails with FETCH_NETWORK', async () => {
    const gone = await startServer({});
    await gone.close();
    const events: FetchEvent[] = [];
    const f = track(localFetcher({ retries: 2, onEvent: (e) => events.push(e) }));
    const error = await f.fetch(`${gone.origin}/`).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'FETCH_NETWORK')).toBe(true);
    expect((error as JobkitError).retryable).toBe(true);
    expect((error as JobkitError).details).toMatchObject({ errno: 'ECONNREFUSED', host: `127.0.0.1:${gone.port}` });
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });

  it('maps 404/410/403/empty through fetchOk', async () => {
    const f = track(localFetcher());
    expect(await codeOf(fetchOk(f, `${server.origin}/missing`))).toBe('TARGET_NOT_FOUND');
    expect(await codeOf(fetchOk(f, `${server.origin}/gone`))).toBe('TARGET_NOT_FOUND');
    expect(await codeOf(fetchOk(f, `${server.origin}/forbidden`))).toBe('FETCH_BLOCKED');
    expect(await codeOf(fetchOk(f, `${server.origin}/empty`))).toBe('TARGET_EMPTY');
    expect(await codeOf(fetchOk(f, `${server.origin}/ok`))).toBe('ok');
    // Without fetchOk the statuses come back as results.
    expect((await f.fetch(`${server.origin}/gone`)).status).toBe(410);
  });

  it('caps concurrent requests per host', async () => {
    const local = await startServer({ '/c': async (_req, res) => (await sleep(60), res.end('x')) });
    try {
      const f = track(localFetcher({ hostConcurrency: 2 }));
      await Promise.all(Array.from({ length: 8 }, () => f.fetch(`${local.origin}/c`)));
      expect(local.hits('/c')).toBe(8);
      expect(local.maxConcurrent).toBe(2);
    } finally {
      await local.close();
    }
  });

  it('spaces requests with the per-host token bucket', async () => {
    const f = track(localFetcher({ hostRequestsPerSecond: 20, hostBurst: 1 }));
    const started = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => f.fetch(`${server.origin}/ok`)));
    // 1 immediate + 4 × 50 ms
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('aborts in flight and while queued for a host slot', async () => {
    const f = track(localFetcher({ hostConcurrency: 1 }));
    const controller = new AbortController();
    const first = f.fetch(`${server.origin}/slow-headers`, { signal: controller.signal });
    const queued = f.fetch(`${server.origin}/ok`, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    expect(await codeOf(first)).toBe('ABORTED');
    expect(await codeOf(queued)).toBe('ABORTED');
    expect(await codeOf(f.fetch(`${server.origin}/ok`, { signal: AbortSignal.abort() }))).toBe('ABORTED');
  });

  it('rejects with CLOSED after close()', async () => {
    const f = localFetcher();
    await f.close();
    expect(await codeOf(f.fetch(`${server.origin}/ok`))).toBe('CLOSED');
  });
});

describe('http fetcher: robots.txt', () => {
  it('obeys Disallow for our user agent and caches robots.txt per origin', async () => {
    const site = await startServer({
      '/robots.txt': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end('User-agent: JobkitBot\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n'),
      '/public': (_req, res) => res.end('public'),
      '/private/x': (_req, res) => res.end('secret'),
    });
    try {
      const events: FetchEvent[] = [];
      const f = track(localFetcher({ robots: true, onEvent: (e) => events.push(e) }));
      const results = await Promise.all([1, 2, 3].map(() => f.fetch(`${site.origin}/public`)));
      expect(results.map((r) => r.text())).toEqual(['public', 'public', 'public']);
      const error = await f.fetch(`${site.origin}/private/x`).catch((e: unknown) => e);
      expect(JobkitError.is(error, 'FETCH_ROBOTS_DISALLOWED')).toBe(true);
      expect((error as JobkitError).retryable).toBe(false);
      expect(site.hits('/private/x')).toBe(0);
      expect(site.hits('/robots.txt')).toBe(1);
      expect(events).toContainEqual(expect.objectContaining({ type: 'robots:blocked', url: `${site.origin}/private/x` }));
      // Another user agent falls under "User-agent: *".
      const other = track(localFetcher({ robots: true, userAgent: 'OtherBot/1.0' }));
      expect(await codeOf(other.fetch(`${site.origin}/public`))).toBe('FETCH_ROBOTS_DISALLOWED');
    } finally {
      await site.close();
    }
  });

  it('treats a 4xx robots.txt as allow-all and a 5xx one as disallow-all, re-checking after the error TTL', async () => {
    let robotsStatus = 500;
    const site = await startServer({
      '/robots.txt': (_req, res) => res.writeHead(robotsStatus).end('oops'),
      '/page': (_req, res) => res.end('page'),
    });
    const missing = await startServer({ '/page': (_req, res) => res.end('page') });
    try {
      const f = track(localFetcher({ robots: { errorTtlMs: 100 } }));
      expect((await f.fetch(`${missing.origin}/page`)).text()).toBe('page');
      expect(missing.hits('/robots.txt')).toBe(1);
      expect(await codeOf(f.fetch(`${site.origin}/page`))).toBe('FETCH_ROBOTS_DISALLOWED');
      expect(site.hits('/page')).toBe(0);
      robotsStatus = 404;
      await sleep(150);
      expect((await f.fetch(`${site.origin}/page`)).text()).toBe('page');
      expect(site.hits('/robots.txt')).toBe(2);
    } finally {
      await Promise.all([site.close(), missing.close()]);
    }
  });
});
