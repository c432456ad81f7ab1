/**
 * Contract suite for the {@link Fetcher} port (vitest), over a small site of canned routes: every
 * status resolves (never throws), redirects are followed and listed, the request's method,
 * headers and body arrive, charsets decode, and size limits, aborts, timeouts and `close()` reject
 * with their typed codes. Serve the routes to your fetcher with {@link serveFetcherContractRoutes}
 * (a `node:http` server on 127.0.0.1) or {@link staticFetcherContractRoutes} (for
 * `createStaticFetcher`).
 * @module
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { JobkitError, type JobkitErrorCode } from '../errors.js';
import type { StaticRequest, StaticRoute } from '../memory/fetcher.js';
import { type Fetcher, fetchOk } from '../ports/fetcher.js';

/** One route of the contract site. */
export interface FetcherContractRoute {
  /** Absolute path, e.g. `/text`. */
  path: string;
  /** @default 200, or 302 with `redirect` */
  status?: number;
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  /** Answer with a redirect to this path. */
  redirect?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer 200 with the request as JSON: `{ method, headers, body }` (header names lower case). */
  echo?: boolean;
}

const encoder = new TextEncoder();
const TEXT = 'héllo wörld';
const JSON_BODY = { jobs: [{ id: 1, title: 'Ingénieure' }], total: 1 };
/** `€ “q”` in windows-1252. */
const CP1252 = new Uint8Array([0x80, 0x20, 0x93, 0x71, 0x94]);
const LARGE = 'x'.repeat(20_000);

/** The site every fetcher under test must serve (through the helpers below or its own server). */
export const FETCHER_CONTRACT_ROUTES: readonly FetcherContractRoute[] = [
  { path: '/text', headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Contract': 'yes' }, body: TEXT },
  { path: '/json', headers: { 'content-type': 'application/json' }, body: JSON.stringify(JSON_BODY) },
  { path: '/missing', status: 404, headers: { 'content-type': 'text/plain' }, body: 'no such page' },
  { path: '/unavailable', status: 503, headers: { 'content-type': 'text/plain' }, body: 'down' },
  { path: '/empty', headers: { 'content-type': 'text/plain' }, body: '' },
  { path: '/hop1', status: 301, redirect: '/hop2' },
  { path: '/hop2', redirect: '/text' },
  { path: '/see-other', status: 303, redirect: '/echo' },
  { path: '/echo', echo: true },
  { path: '/cp1252', headers: { 'content-type': 'text/plain; charset=windows-1252' }, body: CP1252 },
  { path: '/large', headers: { 'content-type': 'text/plain' }, body: LARGE },
  { path: '/slow', headers: { 'content-type': 'text/plain' }, body: 'late', delayMs: 5_000 },
];

/** The cases of the fetcher contract; keys of `skip`. */
export const FETCHER_CONTRACT_CASES = [
  'ok',
  'json',
  'statuses',
  'redirects',
  'request',
  'postRedirect',
  'charset',
  'maxBytes',
  'abort',
  'timeout',
  'closed',
] as const;
export type FetcherContractCase = (typeof FETCHER_CONTRACT_CASES)[number];

/** A fetcher under test and the origin it reaches the contract site at. */
export interface FetcherContractTarget {
  fetcher: Fetcher;
  /** `scheme://host[:port]` the routes are served under, no trailing slash. */
  origin: string;
  /** Stop whatever serves the routes (the suite closes the fetcher itself). */
  close?: () => Promise<void>;
}

export interface FetcherContractOptions {
  /** Shown in the describe block, e.g. `static` or `http`. */
  name: string;
  /**
   * Serve {@link FETCHER_CONTRACT_ROUTES} and return a fresh fetcher for them. Turn off retries,
   * robots.txt and rate limits: the suite checks single exchanges.
   */
  create: (routes: readonly FetcherContractRoute[]) => FetcherContractTarget | Promise<FetcherContractTarget>;
  /** Cases this fetcher cannot serve, with the reason shown in the skipped test's name. */
  skip?: Partial<Record<FetcherContractCase, string>>;
  /** Skip the whole suite with this reason. */
  skipAll?: string;
}

const code = (c: JobkitErrorCode) => (e: unknown) => JobkitError.is(e, c);
const decode = (body: string | Uint8Array | undefined) =>
  body === undefined ? '' : typeof body === 'string' ? body : new TextDecoder().decode(body);

/** Run the fetcher contract. Call at the top level of a vitest file. */
export function runFetcherContract(options: FetcherContractOptions): void {
  describe(`Fetcher contract: ${options.name}`, () => {
    function test(c: FetcherContractCase, title: string, body: (t: FetcherContractTarget) => Promise<void>): void {
      const reason = options.skipAll ?? options.skip?.[c];
      const run = async () => {
        const target = await options.create(FETCHER_CONTRACT_ROUTES);
        try {
          await body(target);
        } finally {
          await target.fetcher.close();
          await target.close?.();
        }
      };
      if (reason !== undefined) it.skip(`${c}: ${title} — skipped: ${reason}`, run);
      else it(`${c}: ${title}`, run, 20_000);
    }

    test('ok', 'a 200 comes back read in full, with lower-case header names and the final URL', async ({ fetcher, origin }) => {
      const r = await fetcher.fetch(`${origin}/text`);
      expect(r.status).toBe(200);
      expect(r.url).toBe(`${origin}/text`);
      expect(r.redirects).toEqual([]);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['x-contract']).toBe('yes');
      expect(r.charset).toBe('utf-8');
      expect(r.text()).toBe(TEXT);
      expect(r.body).toEqual(encoder.encode(TEXT));
      expect(r.timings.totalMs).toBeGreaterThanOrEqual(0);
    });

    test('json', 'json() parses the body, and rejects a non-JSON one with PARSE_FAILED', async ({ fetcher, origin }) => {
      expect((await fetcher.fetch(`${origin}/json`)).json()).toEqual(JSON_BODY);
      const text = await fetcher.fetch(`${origin}/text`);
      let thrown: unknown;
      try {
        text.json();
      } catch (error) {
        thrown = error;
      }
      expect(JobkitError.is(thrown, 'PARSE_FAILED')).toBe(true);
    });

    test('statuses', 'non-2xx statuses resolve; fetchOk turns them into typed errors', async ({ fetcher, origin }) => {
      const missing = await fetcher.fetch(`${origin}/missing`);
      expect([missing.status, missing.text()]).toEqual([404, 'no such page']);
      expect((await fetcher.fetch(`${origin}/unavailable`)).status).toBe(503);
      await expect(fetchOk(fetcher, `${origin}/missing`)).rejects.toSatisfy(code('TARGET_NOT_FOUND'));
      await expect(fetchOk(fetcher, `${origin}/unavailable`)).rejects.toSatisfy(
        (e) => JobkitError.is(e, 'FETCH_HTTP_STATUS') && e.retryable,
      );
      await expect(fetchOk(fetcher, `${origin}/empty`)).rejects.toSatisfy(code('TARGET_EMPTY'));
      expect((await fetchOk(fetcher, `${origin}/empty`, { allowEmpty: true })).body.byteLength).toBe(0);
    });

    test('redirects', 'redirects are followed, each hop listed in order', async ({ fetcher, origin }) => {
      const r = await fetcher.fetch(`${origin}/hop1`);
      expect([r.status, r.url, r.text()]).toEqual([200, `${origin}/text`, TEXT]);
      expect(r.redirects).toEqual([`${origin}/hop1`, `${origin}/hop2`]);
    });

    test('request', 'method, headers, accept and body reach the server', async ({ fetcher, origin }) => {
      const r = await fetcher.fetch(`${origin}/echo`, {
        method: 'POST',
        headers: { 'X-Contract': 'sent', 'content-type': 'text/plain' },
        accept: 'application/json',
        body: 'payload ü',
      });
      const seen = r.json<{ method: string; headers: Record<string, string>; body: string }>();
      expect(seen.method).toBe('POST');
      expect(seen.headers['x-contract']).toBe('sent');
      expect(seen.headers.accept).toBe('application/json');
      expect(seen.body).toBe('payload ü');
    });

    test('postRedirect', 'a 303 after a POST is followed with a GET and no body', async ({ fetcher, origin }) => {
      const r = await fetcher.fetch(`${origin}/see-other`, { method: 'POST', body: 'form', headers: { 'content-type': 'text/plain' } });
      expect(r.url).toBe(`${origin}/echo`);
      expect(r.json()).toMatchObject({ method: 'GET', body: '' });
    });

    test('charset', 'text() decodes with the charset of the content type', async ({ fetcher, origin }) => {
      const r = await fetcher.fetch(`${origin}/cp1252`);
      expect(r.charset).toBe('windows-1252');
      expect(r.text()).toBe('€ “q”');
    });

    test('maxBytes', 'a body over maxBytes rejects with FETCH_TOO_LARGE', async ({ fetcher, origin }) => {
      await expect(fetcher.fetch(`${origin}/large`, { maxBytes: 1_000 })).rejects.toSatisfy(code('FETCH_TOO_LARGE'));
      expect((await fetcher.fetch(`${origin}/large`, { maxBytes: 50_000 })).body.byteLength).toBe(LARGE.length);
    });

    test('abort', 'aborting a request in flight rejects with ABORTED at once', async ({ fetcher, origin }) => {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(new Error('user left')), 50);
      await expect(fetcher.fetch(`${origin}/slow`, { signal: controller.signal })).rejects.toSatisfy(code('ABORTED'));
      expect(Date.now() - started).toBeLessThan(2_500);
      await expect(fetcher.fetch(`${origin}/text`, { signal: AbortSignal.abort() })).rejects.toSatisfy(code('ABORTED'));
    });

    test('timeout', 'an answer slower than timeoutMs rejects with FETCH_TIMEOUT', async ({ fetcher, origin }) => {
      const started = Date.now();
      await expect(fetcher.fetch(`${origin}/slow`, { timeoutMs: 100 })).rejects.toSatisfy(code('FETCH_TIMEOUT'));
      expect(Date.now() - started).toBeLessThan(2_500);
    });

    test('closed', 'a closed fetcher refuses requests with CLOSED', async ({ fetcher, origin }) => {
      await fetcher.close();
      await expect(fetcher.fetch(`${origin}/text`)).rejects.toSatisfy(code('CLOSED'));
    });
  });
}

/** The routes as `createStaticFetcher` routes under `origin` (e.g. `https://contract.test`). */
export function staticFetcherContractRoutes(routes: readonly FetcherContractRoute[], origin: string): Record<string, StaticRoute> {
  const table: Record<string, StaticRoute> = {};
  for (const r of routes) {
    const headers = { ...r.headers };
    table[`${origin}${r.path}`] = r.echo
      ? (req: StaticRequest) => ({
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(echoOf(req.method, req.headers, decode(req.body))),
        })
      : {
          ...(r.status === undefined ? {} : { status: r.status }),
          headers,
          ...(r.body === undefined ? {} : { body: r.body }),
          ...(r.redirect === undefined ? {} : { redirect: `${origin}${r.redirect}` }),
          ...(r.delayMs === undefined ? {} : { delayMs: r.delayMs }),
        };
  }
  return table;
}

/** Serve the routes from a `node:http` server on 127.0.0.1 (a random port). */
export async function serveFetcherContractRoutes(
  routes: readonly FetcherContractRoute[],
): Promise<{ origin: string; close(): Promise<void> }> {
  const byPath = new Map(routes.map((r) => [r.path, r]));
  const server = createServer((req, res) => {
    const route = byPath.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no route');
      return;
    }
    void answer(req).then(
      ({ body }) => {
        if (route.echo) {
          const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(echoOf(req.method ?? 'GET', headers, body)));
          return;
        }
        const headers: Record<string, string> = { ...route.headers };
        if (route.redirect !== undefined) headers.location = route.redirect;
        const status = route.status ?? (route.redirect === undefined ? 200 : 302);
        const send = () => {
          if (!res.destroyed) res.writeHead(status, headers).end(route.body ?? '');
        };
        if (route.delayMs) {
          const timer = setTimeout(send, route.delayMs);
          res.on('close', () => clearTimeout(timer));
        } else send();
      },
      (error: unknown) => res.destroy(error as Error),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(req: IncomingMessage): Promise<{ body: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return { body: Buffer.concat(chunks).toString('utf8') };
}

function echoOf(method: string, headers: Record<string, string>, body: string) {
  return { method, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])), body };
}
