/**
 * Regression tests for the fetcher faults of issue #13: awaited waits hold the process, robots.txt
 * network failures are reported as such, RFC 9309 percent-decoding and the 500 KiB read cap,
 * IPv4-compatible IPv6 in the SSRF guard, and the cross-origin redirect header allow-list.
 * Everything runs against local servers on 127.0.0.1.
 * @module
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CROSS_ORIGIN_HEADERS, createHttpFetcher } from '@jobkit/adapters/http';
import type { Fetcher } from '@jobkit/core';
import { JobkitError } from '@jobkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { HttpFetcherOptions } from '../src/http/index.js';
import { decodeUnreserved } from '../src/http/robots.js';
import { blockedRange, createSsrfPolicy } from '../src/http/ssrf.js';
import { startServer } from './http-server.js';

const run = promisify(execFile);
const fetchers: Fetcher[] = [];

function localFetcher(extra: HttpFetcherOptions = {}): Fetcher {
  const f = createHttpFetcher({
    allowPrivateNetworks: ['127.0.0.1/32'],
    robots: false,
    retryMinDelayMs: 5,
    retryMaxDelayMs: 20,
    hostRequestsPerSecond: Infinity,
    ...extra,
  });
  fetchers.push(f);
  return f;
}

async function failure(promise: Promise<unknown>): Promise<JobkitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!JobkitError.is(error)) throw new Error(`expected a JobkitError, got ${String(error)}`);
  return error;
}

afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
});

describe('http fetcher: awaited waits hold the process', () => {
  it('a plain script awaiting rate-limited, retried fetches stays alive until all of them settle', async () => {
    const seen = new Map<string, number>();
    const site = await startServer({
      '/flaky': (req, res) => {
        const i = new URL(req.url ?? '', 'http://x').searchParams.get('i') ?? '';
        const n = (seen.get(i) ?? 0) + 1;
        seen.set(i, n);
        // Every request is refused once: each one waits for a token and then for a backoff.
        if (n === 1) res.writeHead(503).end('busy');
        else res.writeHead(200).end('ok');
      },
    });
    try {
      const child = fileURLToPath(new URL('./http-hold-child.ts', import.meta.url));
      const { stdout } = await run(
        process.execPath,
        ['--conditions=@jobkit/source', '--import', 'tsx', child, `${site.origin}/flaky`, '10'],
        {
          timeout: 30_000,
        },
      );
      expect(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')).toEqual({ settled: 10, ok: 10, count: 10 });
      expect(site.hits('/flaky')).toBe(20);
    } finally {
      await site.close();
    }
  });
});

describe('http fetcher: robots.txt failures and matching', () => {
  it('reports a refused connection or a DNS failure on robots.txt as a network error, not a robots rule', async () => {
    const gone = await startServer({});
    await gone.close();
    const f = localFetcher({ robots: true, retries: 1 });
    const refused = await failure(f.fetch(`${gone.origin}/jobs/1`));
    expect(refused.code).toBe('FETCH_NETWORK');
    expect(refused.retryable).toBe(true);
    expect(refused.message).toContain('robots.txt could not be fetched');
    expect(refused.message).toContain('ECONNREFUSED');
    expect(refused.message).not.toMatch(/disallow/i);
    expect(refused.details).toMatchObject({ url: `${gone.origin}/jobs/1`, robotsUrl: `${gone.origin}/robots.txt`, errno: 'ECONNREFUSED' });

    // `.invalid` never resolves (RFC 6761); the guard's lookup sees the DNS error first.
    const open = localFetcher({ robots: true, retries: 0 });
    const dns = await failure(open.fetch('http://jobs.example.invalid/careers'));
    expect(dns.code).toBe('FETCH_NETWORK');
    expect(dns.message).toMatch(/DNS lookup of jobs\.example\.invalid failed/);
    expect(dns.message).not.toMatch(/disallow/i);
  });

  it('asks again after a network failure instead of caching a verdict', async () => {
    let up = false;
    const site = await startServer({
      '/robots.txt': (req, res) => (up ? res.writeHead(200).end('User-agent: *\nAllow: /\n') : req.socket.destroy()),
      '/page': (_req, res) => res.end('page'),
    });
    try {
      const f = localFetcher({ robots: true, retries: 0 });
      expect((await failure(f.fetch(`${site.origin}/page`))).code).toBe('FETCH_NETWORK');
      up = true;
      expect((await f.fetch(`${site.origin}/page`)).text()).toBe('page');
      expect(site.hits('/robots.txt')).toBe(2);
    } finally {
      await site.close();
    }
  });

  it('a robots.txt lost in a redirect loop counts as absent (RFC 9309 §2.3.1.2), not as a failure', async () => {
    const site = await startServer({
      '/robots.txt': (_req, res) => res.writeHead(302, { location: '/robots-moved' }).end(),
      '/robots-moved': (_req, res) => res.writeHead(302, { location: '/robots.txt' }).end(),
      '/page': (_req, res) => res.end('page'),
    });
    try {
      expect((await localFetcher({ robots: true, maxRedirects: 5 }).fetch(`${site.origin}/page`)).text()).toBe('page');
    } finally {
      await site.close();
    }
  });

  it('a 5xx robots.txt still disallows the origin, and the message names the status', async () => {
    const site = await startServer({
      '/robots.txt': (_req, res) => res.writeHead(502).end('bad gateway'),
      '/page': (_req, res) => res.end('x'),
    });
    try {
      const error = await failure(localFetcher({ robots: true }).fetch(`${site.origin}/page`));
      expect(error.code).toBe('FETCH_ROBOTS_DISALLOWED');
      expect(error.message).toContain('HTTP 502');
      expect(error.details).toMatchObject({ reason: 'unavailable', robotsStatus: 502 });
    } finally {
      await site.close();
    }
  });

  it('compares percent-encoded unreserved characters decoded, in URLs and in rules (RFC 9309 §2.2.2)', async () => {
    const site = await startServer({
      '/robots.txt': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end(['User-agent: *', 'Disallow: /private', 'Disallow: /%7Estaff', 'disallow : /a%2fb', 'Allow: /'].join('\n')),
      '/private': (_req, res) => res.end('secret'),
      '/~staff/list': (_req, res) => res.end('staff'),
      '/a/b': (_req, res) => res.end('slash'),
      '/public': (_req, res) => res.end('public'),
    });
    try {
      const f = localFetcher({ robots: true });
      for (const path of ['/%70rivate', '/%70%72%69%76%61%74%65', '/PRIVATE'.toLowerCase(), '/~staff/list', '/%7estaff/list']) {
        const error = await failure(f.fetch(`${site.origin}${path}`));
        expect(`${path} ${error.code}`).toBe(`${path} FETCH_ROBOTS_DISALLOWED`);
      }
      expect(site.hits('/private')).toBe(0);
      expect(site.hits('/~staff/list')).toBe(0);
      // A reserved character stays encoded: /a%2Fb is not the path /a/b.
      expect((await f.fetch(`${site.origin}/a/b`)).text()).toBe('slash');
      expect((await failure(f.fetch(`${site.origin}/a%2Fb`))).code).toBe('FETCH_ROBOTS_DISALLOWED');
      expect((await f.fetch(`${site.origin}/public`)).text()).toBe('public');
    } finally {
      await site.close();
    }
    expect(decodeUnreserved('/%41%2d%2E%5f%7E%2f%3F%c3%a9')).toBe('/A-._~%2F%3F%C3%A9');
  });

  it('reads the first 500 KiB of an oversized robots.txt instead of disallowing the origin', async () => {
    const head = 'User-agent: *\nDisallow: /private\n';
    const padding = `# ${'x'.repeat(98)}\n`.repeat(6_000); // ~600 KB of comments
    const file = `${head}${padding}Disallow: /late\n`;
    const site = await startServer({
      '/robots.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(file),
      '/public': (_req, res) => res.end('public'),
      '/late': (_req, res) => res.end('late'),
      '/private': (_req, res) => res.end('secret'),
    });
    const chunked = await startServer({
      '/robots.txt': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write(head);
        for (let i = 0; i < 60; i++) res.write(padding.slice(0, 10_000));
        res.end('Disallow: /late\n');
      },
      '/public': (_req, res) => res.end('public'),
      '/private': (_req, res) => res.end('secret'),
    });
    try {
      expect(Buffer.byteLength(file)).toBeGreaterThan(512 * 1024);
      const f = localFetcher({ robots: true });
      for (const origin of [site.origin, chunked.origin]) {
        expect((await f.fetch(`${origin}/public`)).text()).toBe('public');
        expect((await failure(f.fetch(`${origin}/private`))).code).toBe('FETCH_ROBOTS_DISALLOWED');
      }
      // The rule past the cap is ignored, as Google ignores it.
      expect((await f.fetch(`${site.origin}/late`)).text()).toBe('late');
    } finally {
      await Promise.all([site.close(), chunked.close()]);
    }
  });
});

describe('http fetcher: SSRF guard on IPv4 inside IPv6', () => {
  it('treats IPv4-compatible ::/96 and IPv4-translated forms as the IPv4 address they carry', () => {
    const strict = createSsrfPolicy({});
    for (const [address, range] of [
      ['::127.0.0.1', 'loopback'],
      ['::7f00:1', 'loopback'],
      ['::10.0.0.1', 'private'],
      ['::a9fe:a9fe', 'linkLocal'], // ::169.254.169.254
      ['::ffff:0:7f00:1', 'loopback'],
      ['0:0:0:0:0:ffff:192.168.1.1', 'private'],
      ['::1', 'loopback'],
      ['::', 'unspecified'],
    ] as const) {
      expect(`${address} ${blockedRange(address, strict)}`).toBe(`${address} ${range}`);
    }
    // A public IPv4 carried the same way is public; allow-lists apply to the carried address.
    expect(blockedRange('::808:808', strict)).toBeUndefined();
    const local = createSsrfPolicy({ allowPrivateNetworks: ['127.0.0.1/32'] });
    expect(blockedRange('::127.0.0.1', local)).toBeUndefined();
    expect(blockedRange('::127.0.0.2', local)).toBe('loopback');
  });

  it('refuses http://[::127.0.0.1]/ and friends before connecting', async () => {
    const site = await startServer({ '/ok': (_req, res) => res.end('ok') });
    try {
      const f = createHttpFetcher({ robots: false, retries: 0 });
      fetchers.push(f);
      for (const host of ['[::127.0.0.1]', '[::7f00:1]', '[::ffff:0:127.0.0.1]', '[0:0:0:0:0:0:169.254.169.254]']) {
        const url = `http://${host}:${site.port}/ok`;
        expect(`${url} ${(await failure(f.fetch(url))).code}`).toBe(`${url} FETCH_BLOCKED`);
      }
      expect(site.hits('/ok')).toBe(0);
    } finally {
      await site.close();
    }
  });
});

describe('http fetcher: headers on cross-origin redirects', () => {
  it('forwards only the allow-listed headers to another origin and keeps everything on the same origin', async () => {
    const target = await startServer({
      '/echo': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers)),
    });
    const start = await startServer({
      '/away': (_req, res) => res.writeHead(302, { location: `${target.origin}/echo` }).end(),
      '/home': (_req, res) => res.writeHead(302, { location: '/echo' }).end(),
      '/echo': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers)),
      '/post-away': (_req, res) => res.writeHead(307, { location: `${target.origin}/echo` }).end(),
    });
    try {
      const f = localFetcher({ headers: { 'X-Team-Token': 'fetcher-secret' } });
      const callerHeaders = {
        'x-api-key': 'k-123',
        authorization: 'Bearer t',
        cookie: 'sid=1',
        'if-none-match': '"v1"',
        'if-modified-since': 'Wed, 21 Oct 2015 07:28:00 GMT',
        'accept-language': 'de-CH',
        'x-request-id': 'r-1',
      };
      const away = (await f.fetch(`${start.origin}/away`, { headers: callerHeaders })).json<Record<string, string>>();
      for (const name of ['x-api-key', 'authorization', 'cookie', 'if-none-match', 'if-modified-since', 'x-request-id', 'x-team-token']) {
        expect(`${name}: ${away[name]}`).toBe(`${name}: undefined`);
      }
      expect(away['accept-language']).toBe('de-CH');
      expect(away['user-agent']).toMatch(/^JobkitBot\//);
      expect(
        Object.keys(away)
          .filter((k) => !['host', 'connection', 'sec-fetch-mode', 'content-length'].includes(k))
          .sort(),
      ).toEqual([...CROSS_ORIGIN_HEADERS].sort());

      const home = (await f.fetch(`${start.origin}/home`, { headers: callerHeaders })).json<Record<string, string>>();
      expect(home).toMatchObject({
        'x-api-key': 'k-123',
        authorization: 'Bearer t',
        'if-none-match': '"v1"',
        'x-team-token': 'fetcher-secret',
      });

      // A 307 re-sends the body cross-origin: its content-type goes with it, the key does not.
      const post = (
        await f.fetch(`${start.origin}/post-away`, {
          method: 'POST',
          body: '{"a":1}',
          headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
        })
      ).json<Record<string, string>>();
      expect(post['content-type']).toBe('application/json');
      expect(post['x-api-key']).toBeUndefined();
    } finally {
      await Promise.all([target.close(), start.close()]);
    }
  });
});
