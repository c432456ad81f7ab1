/**
 * In-memory {@link Fetcher} that serves canned responses, for tests and examples that must not touch
 * the network. It follows redirects, honours abort signals and records every request it receives.
 * @module
 */
import { JobkitError } from '../errors.js';
import type { Fetcher, FetchOptions, FetchResult } from '../ports/fetcher.js';
import { createFetchResult } from '../ports/fetcher.js';

/** A canned response. `body` objects (other than `Uint8Array`) are sent as JSON. */
export interface StaticResponse {
  /** @default 200 */
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array | object;
  /** Shorthand for a 302 to this URL (resolved against the request URL). */
  redirect?: string;
  /** Reject the request with this error instead (e.g. a `FETCH_NETWORK` JobkitError). */
  error?: unknown;
  /** Wait this long before answering, so tests can abort in flight (or time out: past `timeoutMs` the request rejects with `FETCH_TIMEOUT`). @default 0 */
  delayMs?: number;
}

/** What a route handler receives. */
export interface StaticRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** A fixed response or a function computing one per request. */
export type StaticRoute = StaticResponse | ((request: StaticRequest) => StaticResponse | Promise<StaticResponse>);

/** Options for {@link createStaticFetcher}. */
export interface StaticFetcherOptions {
  /** Answer for URLs without a route. @default { status: 404, body: 'not found' } */
  fallback?: StaticRoute;
  /** @default 10 */
  maxRedirects?: number;
}

/** A {@link Fetcher} with the request log exposed. */
export interface StaticFetcher extends Fetcher {
  /** Every request received, in order (redirect hops included). */
  readonly requests: StaticRequest[];
}

const SOURCE = 'memory/static-fetcher';
const encoder = new TextEncoder();

/**
 * Create a fetcher answering from `routes`, keyed by exact URL (as normalised by `new URL(...).href`).
 * @example
 * const fetcher = createStaticFetcher({ 'https://boards.example/acme.json': { body: { jobs: [] } } });
 */
export function createStaticFetcher(
  routes: Record<string, StaticRoute> | Map<string, StaticRoute>,
  options: StaticFetcherOptions = {},
): StaticFetcher {
  const table = new Map<string, StaticRoute>();
  for (const [url, route] of routes instanceof Map ? routes : Object.entries(routes)) {
    table.set(normalise(url), route);
  }
  const fallback: StaticRoute = options.fallback ?? { status: 404, body: 'not found' };
  const maxRedirects = options.maxRedirects ?? 10;
  const requests: StaticRequest[] = [];
  let closed = false;

  async function fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchResult> {
    if (closed) throw new JobkitError('CLOSED', `[${SOURCE}] fetcher is closed`);
    const started = performance.now();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(fetchOptions.headers ?? {})) headers[k.toLowerCase()] = v;
    if (fetchOptions.accept !== undefined) headers.accept = fetchOptions.accept;
    const redirects: string[] = [];
    let current = normalise(url);
    let method = (fetchOptions.method ?? 'GET').toUpperCase();
    let body = fetchOptions.body;
    for (;;) {
      throwIfAborted(fetchOptions.signal, current);
      const request: StaticRequest = body === undefined ? { url: current, method, headers } : { url: current, method, headers, body };
      requests.push(request);
      const route = table.get(current) ?? fallback;
      const response = typeof route === 'function' ? await route(request) : route;
      if (response.delayMs) {
        const timeoutMs = fetchOptions.timeoutMs;
        if (timeoutMs !== undefined && response.delayMs > timeoutMs) {
          await sleep(timeoutMs, fetchOptions.signal, current);
          throw new JobkitError('FETCH_TIMEOUT', `[${SOURCE}] ${current} did not answer within ${timeoutMs} ms`, {
            details: { url: current, timeoutMs },
          });
        }
        await sleep(response.delayMs, fetchOptions.signal, current);
      }
      if (response.error !== undefined) throw response.error;
      const status = response.redirect === undefined ? (response.status ?? 200) : (response.status ?? 302);
      const responseHeaders: Record<string, string> = {};
      for (const [k, v] of Object.entries(response.headers ?? {})) responseHeaders[k.toLowerCase()] = v;
      if (response.redirect !== undefined) responseHeaders.location = response.redirect;
      const location = responseHeaders.location;
      if (status >= 300 && status < 400 && location !== undefined) {
        if (redirects.length >= maxRedirects) {
          throw new JobkitError('FETCH_TOO_MANY_REDIRECTS', `[${SOURCE}] more than ${maxRedirects} redirects from ${url}`, {
            details: { url, redirects },
          });
        }
        redirects.push(current);
        current = new URL(location, current).href;
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      const bytes = encodeBody(response.body, responseHeaders);
      if (fetchOptions.maxBytes !== undefined && bytes.byteLength > fetchOptions.maxBytes) {
        throw new JobkitError('FETCH_TOO_LARGE', `[${SOURCE}] ${current} is larger than ${fetchOptions.maxBytes} bytes`, {
          details: { url: current, maxBytes: fetchOptions.maxBytes },
        });
      }
      return createFetchResult({
        url: current,
        status,
        headers: responseHeaders,
        body: bytes,
        redirects,
        charset: /charset=["']?([^"';\s]+)/i.exec(responseHeaders['content-type'] ?? '')?.[1],
        totalMs: performance.now() - started,
        source: SOURCE,
      });
    }
  }

  return {
    name: 'static',
    requests,
    fetch,
    async close() {
      closed = true;
    },
  };
}

function encodeBody(body: StaticResponse['body'], headers: Record<string, string>): Uint8Array {
  if (body === undefined) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return encoder.encode(body);
  headers['content-type'] ??= 'application/json; charset=utf-8';
  return encoder.encode(JSON.stringify(body));
}

function normalise(url: string): string {
  try {
    return new URL(url).href;
  } catch (cause) {
    throw new JobkitError('INVALID_ARGUMENT', `[${SOURCE}] not an absolute URL: ${url}`, { cause });
  }
}

function throwIfAborted(signal: AbortSignal | undefined, url: string): void {
  if (signal?.aborted) {
    throw new JobkitError('ABORTED', `[${SOURCE}] request to ${url} aborted`, { cause: signal.reason, details: { url } });
  }
}

function sleep(ms: number, signal: AbortSignal | undefined, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new JobkitError('ABORTED', `[${SOURCE}] request to ${url} aborted`, { cause: signal?.reason, details: { url } }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
