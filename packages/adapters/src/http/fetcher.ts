/**
 * The guarded HTTP {@link Fetcher} built on undici. It owns the request
 * lifecycle (SSRF guard, robots.txt, per-host politeness, manual redirects, retries, timeouts, body
 * cap, decompression, charset); the pieces live in `ssrf.ts`, `robots.ts`, `rate-limit.ts`, `charset.ts`.
 * Statuses are returned, not thrown: use `fetchOk`/`checkStatus` from `@jobkit/core` for typed errors.
 * @module
 */

import type { FetchEvent, Fetcher, FetchOptions, FetchResult } from '@jobkit/core';
import { JobkitError } from '@jobkit/core';
import { createFetchResult } from '@jobkit/core/adapter-kit';
import pRetry from 'p-retry';
import type { Dispatcher } from 'undici';
import { Agent, ProxyAgent, fetch as undiciFetch } from 'undici';
import { z } from 'zod';
// The build inlines this (esbuild bundles JSON), so `dist` reads no file at import time.
import adaptersPackage from '../../package.json' with { type: 'json' };
import { detectCharset } from './charset.js';
import { HostLimiter, parseRetryAfter } from './rate-limit.js';
import type { RobotsLoadResult } from './robots.js';
import { RobotsCache } from './robots.js';
import { assertHostResolvesPublic, assertUrlAllowed, createGuardedLookup, createSsrfPolicy } from './ssrf.js';

const SOURCE = 'adapters/http';
/**
 * Default `User-Agent`, carrying the installed `@jobkit/adapters` version. Its product token
 * (`JobkitBot`) is what robots.txt rules are matched against.
 */
export const DEFAULT_USER_AGENT = `JobkitBot/${adaptersPackage.version} (+https://github.com/jobkit)`;

/** robots.txt behaviour. */
export interface HttpRobotsOptions {
  /** Product token matched against `User-agent:` lines. @default the user agent up to its first `/` */
  userAgent?: string;
  /** How long a fetched robots.txt is reused. @default 86_400_000 (24 h) */
  ttlMs?: number;
  /**
   * How long a 429/5xx robots.txt keeps the origin disallowed. A network failure fetching robots.txt
   * is not cached: the request fails with that network error (`FETCH_NETWORK`/`FETCH_TIMEOUT`) instead.
   * @default 600_000 (10 min)
   */
  errorTtlMs?: number;
  /** Origins cached. @default 10_000 */
  maxEntries?: number;
  /** Slow a host down to its `Crawl-delay` (capped at 30 s). @default true */
  respectCrawlDelay?: boolean;
}

/** Options of {@link createHttpFetcher}. */
export interface HttpFetcherOptions {
  /** @default {@link DEFAULT_USER_AGENT} */
  userAgent?: string;
  /**
   * Headers sent with every request (per-request headers win). On a redirect to another origin only
   * {@link CROSS_ORIGIN_HEADERS} are forwarded; everything else a caller set (API keys, cookies,
   * conditional headers) stays with the origin it was meant for.
   */
  headers?: Record<string, string>;
  /** Default `Accept`. @default 'text/html,application/xhtml+xml,application/json;q=0.9,*\/*;q=0.8' */
  accept?: string;
  /** Deadline for each HTTP exchange (each redirect hop), headers and body included. @default 30_000 */
  timeoutMs?: number;
  /** Largest decoded body; larger responses abort with `FETCH_TOO_LARGE`. @default 10 MiB */
  maxBytes?: number;
  /** Redirects followed before `FETCH_TOO_MANY_REDIRECTS`. @default 10 */
  maxRedirects?: number;
  /** Retries after the first attempt on network errors, timeouts, 408, 429 and 5xx (not 501/505). @default 3 */
  retries?: number;
  /** First backoff delay; doubles per retry with 1–2× jitter. @default 500 */
  retryMinDelayMs?: number;
  /** Backoff cap. @default 10_000 */
  retryMaxDelayMs?: number;
  /** Also retry POST/PATCH (only safe with idempotency keys). @default false */
  retryNonIdempotent?: boolean;
  /** A `Retry-After` longer than this is not waited for: the 429/503 is returned as is. Also caps host pauses. @default 60_000 */
  maxRetryAfterMs?: number;
  /** Requests in flight at once per host. @default 4 */
  hostConcurrency?: number;
  /** Token-bucket refill rate per host (`Infinity` for none). @default 5 */
  hostRequestsPerSecond?: number;
  /** Token-bucket size per host. @default 5 */
  hostBurst?: number;
  /** Obey robots.txt; `false` turns it off (e.g. for documented public APIs). @default true */
  robots?: boolean | HttpRobotsOptions;
  /** Refuse private, loopback, link-local, CGNAT, unique-local, multicast… addresses. @default true */
  ssrfGuard?: boolean;
  /** CIDR ranges exempt from the SSRF guard, e.g. `['127.0.0.1/32']` for tests. @default [] */
  allowPrivateNetworks?: string[];
  /** Host names (or IP literals) exempt from the SSRF guard, any port. @default [] */
  allowHosts?: string[];
  /** HTTP(S) proxy URL. The proxy resolves names itself, so the SSRF check then happens before the request only. */
  proxy?: string;
  /** Lifecycle events (start/end, retry, redirect, robots blocked, rate-limited). Exceptions it throws are ignored. */
  onEvent?: (event: FetchEvent) => void;
}

const optionsSchema = z.object({
  userAgent: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  accept: z.string().min(1).optional(),
  timeoutMs: z.number().positive().optional(),
  maxBytes: z.number().int().positive().optional(),
  maxRedirects: z.number().int().nonnegative().optional(),
  retries: z.number().int().nonnegative().optional(),
  retryMinDelayMs: z.number().nonnegative().optional(),
  retryMaxDelayMs: z.number().nonnegative().optional(),
  retryNonIdempotent: z.boolean().optional(),
  maxRetryAfterMs: z.number().nonnegative().optional(),
  hostConcurrency: z.number().int().positive().optional(),
  // z.number() rejects Infinity, which is the documented way to switch the bucket off.
  hostRequestsPerSecond: z
    .custom<number>((v: unknown) => typeof v === 'number' && v > 0, 'must be a positive number or Infinity')
    .optional(),
  hostBurst: z.number().positive().optional(),
  robots: z
    .union([
      z.boolean(),
      z.object({
        userAgent: z.string().min(1).optional(),
        ttlMs: z.number().nonnegative().optional(),
        errorTtlMs: z.number().nonnegative().optional(),
        maxEntries: z.number().int().positive().optional(),
        respectCrawlDelay: z.boolean().optional(),
      }),
    ])
    .optional(),
  ssrfGuard: z.boolean().optional(),
  allowPrivateNetworks: z.array(z.string()).optional(),
  allowHosts: z.array(z.string().min(1)).optional(),
  proxy: z.url().optional(),
  onEvent: z.custom<(event: FetchEvent) => void>((v: unknown) => typeof v === 'function', 'must be a function').optional(),
});

const requestSchema = z.object({
  method: z
    .string()
    .regex(/^[A-Za-z]+$/)
    .optional(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.union([z.string(), z.instanceof(Uint8Array)]).optional(),
  signal: z.instanceof(AbortSignal).optional(),
  accept: z.string().optional(),
  maxBytes: z.number().int().positive().optional(),
  timeoutMs: z.number().positive().optional(),
});

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const REDIRECT = new Set([301, 302, 303, 307, 308]);
const MAX_CRAWL_DELAY_MS = 30_000;
/** robots.txt bytes read; the rest is ignored, as Google does (RFC 9309 asks for at least 500 KiB). */
const ROBOTS_MAX_BYTES = 500 * 1024;

/**
 * Request headers forwarded when a redirect leaves the origin; every other header is dropped. These
 * describe the client and what it accepts, never who it is: `authorization`, `cookie`, API-key headers
 * and anything custom stay behind. Conditional headers (`if-none-match`, `if-modified-since`) are
 * validators of the first origin's resource, so they stay behind too. `content-type` travels only with
 * a body that a 307/308 re-sends.
 */
export const CROSS_ORIGIN_HEADERS: readonly string[] = ['user-agent', 'accept', 'accept-language', 'accept-encoding'];

function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** Internal: a final response worth another attempt; carries it so the last one can be returned. */
class RetryableStatus extends Error {
  constructor(readonly result: FetchResult) {
    super(`HTTP ${result.status}`);
  }
}

interface RequestState {
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  signal: AbortSignal | undefined;
  maxBytes: number;
  timeoutMs: number;
  /** The robots.txt request itself must not wait on robots.txt. */
  skipRobots: boolean;
  /** Past `maxBytes`, keep the first `maxBytes + 1` bytes instead of failing (robots.txt). */
  truncate?: boolean;
  retries: number;
}

/** The guarded HTTP fetcher (the `Fetcher` port). It builds its own connection pool and closes it in `close()`. */
export type HttpFetcher = Fetcher;

/**
 * Create the guarded HTTP fetcher.
 * @example
 * const fetcher = createHttpFetcher({ hostConcurrency: 2 });
 * const page = await fetchOk(fetcher, 'https://boards.example.com/acme');
 */
export function createHttpFetcher(options: HttpFetcherOptions = {}): HttpFetcher {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new JobkitError('INVALID_ARGUMENT', `[${SOURCE}] invalid options: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 10;
  const retries = options.retries ?? 3;
  const retryMinDelayMs = options.retryMinDelayMs ?? 500;
  const retryMaxDelayMs = options.retryMaxDelayMs ?? 10_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const accept = options.accept ?? 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8';
  const robotsOptions =
    options.robots === false ? undefined : options.robots === true || options.robots === undefined ? {} : options.robots;
  const policy = createSsrfPolicy({
    enabled: options.ssrfGuard ?? true,
    allowPrivateNetworks: options.allowPrivateNetworks,
    allowHosts: options.allowHosts,
  });
  const emit = (event: FetchEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A broken metrics hook must not fail a fetch.
    }
  };

  // undici's own timeouts are off: one timer per exchange (below) covers headers and body together.
  const dispatcher: Dispatcher = options.proxy
    ? new ProxyAgent({ uri: options.proxy, headersTimeout: 0, bodyTimeout: 0 })
    : new Agent({
        headersTimeout: 0,
        bodyTimeout: 0,
        connections: options.hostConcurrency ?? 4,
        connect: { lookup: createGuardedLookup(policy) as never },
      });
  const limiter = new HostLimiter({
    concurrency: options.hostConcurrency ?? 4,
    requestsPerSecond: options.hostRequestsPerSecond ?? 5,
    // A burst below 1 would never hold a whole token.
    burst: Math.max(1, options.hostBurst ?? options.hostRequestsPerSecond ?? 5),
  });
  const robotsAgent = robotsOptions?.userAgent ?? userAgent.split('/')[0]?.trim() ?? userAgent;
  const robots = robotsOptions
    ? new RobotsCache(loadRobots, {
        userAgent: robotsAgent,
        ttlMs: robotsOptions.ttlMs ?? 86_400_000,
        errorTtlMs: robotsOptions.errorTtlMs ?? 600_000,
        maxEntries: robotsOptions.maxEntries ?? 10_000,
      })
    : undefined;
  let closed = false;

  async function loadRobots(robotsUrl: string): Promise<RobotsLoadResult> {
    try {
      const result = await run(robotsUrl, {
        method: 'GET',
        headers: baseHeaders('text/plain,*/*;q=0.5'),
        body: undefined,
        signal: undefined,
        maxBytes: ROBOTS_MAX_BYTES,
        timeoutMs,
        skipRobots: true,
        truncate: true,
        retries: 0,
      });
      return { status: result.status, body: robotsText(result.body) };
    } catch (error) {
      // RFC 9309 §2.3.1.2: a robots.txt not reached through the redirects may be taken as unavailable (4xx: no rules).
      if (JobkitError.is(error, 'FETCH_TOO_MANY_REDIRECTS')) return { status: 404, body: '' };
      return { error };
    }
  }

  function baseHeaders(acceptValue: string): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: acceptValue,
      // undici only asks for br over https by default; we decode it either way.
      'accept-encoding': 'gzip, deflate, br',
    };
    for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = v;
    return headers;
  }

  /** One HTTP exchange: slot, timer, request, capped body read. */
  async function exchange(url: URL, state: RequestState, attempt: number): Promise<FetchResult> {
    const host = url.host;
    const release = await limiter.acquire(host, state.signal).catch((reason: unknown) => {
      throw closed && !state.signal?.aborted ? closedError() : abortedError(url.href, reason);
    });
    const started = performance.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, state.timeoutMs);
    const onAbort = () => controller.abort();
    state.signal?.addEventListener('abort', onAbort, { once: true });
    emit({ type: 'request:start', url: url.href, method: state.method, attempt });
    try {
      if (options.proxy) await assertHostResolvesPublic(url, policy);
      const response = await undiciFetch(url, {
        method: state.method,
        headers: state.headers,
        body: state.body,
        redirect: 'manual',
        signal: controller.signal,
        dispatcher,
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      if (REDIRECT.has(response.status) && headers.location !== undefined) {
        await response.body?.cancel().catch(() => undefined);
        const totalMs = performance.now() - started;
        emit({ type: 'request:end', url: url.href, method: state.method, status: response.status, bytes: 0, totalMs, attempt });
        return createFetchResult({ url: url.href, status: response.status, headers, body: new Uint8Array(), totalMs, source: SOURCE });
      }
      const declared = Number(headers['content-length']);
      if (!state.truncate && !headers['content-encoding'] && Number.isFinite(declared) && declared > state.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(url.href, state.maxBytes, declared);
      }
      const body = await readCapped(
        response.body as ReadableStream<Uint8Array> | null,
        state.maxBytes,
        url.href,
        controller,
        state.truncate === true,
      );
      const totalMs = performance.now() - started;
      emit({ type: 'request:end', url: url.href, method: state.method, status: response.status, bytes: body.byteLength, totalMs, attempt });
      return createFetchResult({
        url: url.href,
        status: response.status,
        headers,
        body,
        charset: detectCharset(headers['content-type'], body),
        totalMs,
        source: SOURCE,
      });
    } catch (error) {
      const mapped = mapError(error, url, { timedOut, aborted: state.signal?.aborted === true, timeoutMs: state.timeoutMs });
      emit({
        type: 'request:error',
        url: url.href,
        method: state.method,
        code: mapped.code,
        attempt,
        totalMs: performance.now() - started,
      });
      throw mapped;
    } finally {
      clearTimeout(timer);
      state.signal?.removeEventListener('abort', onAbort);
      release();
    }
  }

  /** One attempt: follow the redirect chain hop by hop, checking SSRF and robots at every hop. */
  async function attemptChain(start: URL, state: RequestState, attempt: number): Promise<FetchResult> {
    const began = performance.now();
    const redirects: string[] = [];
    let url = start;
    let current = state;
    for (;;) {
      assertUrlAllowed(url, policy);
      if (robots && !current.skipRobots) await checkRobots(url, current.signal);
      const result = await exchange(url, current, attempt);
      const location = result.headers.location;
      if (!REDIRECT.has(result.status) || location === undefined) {
        return createFetchResult({
          url: result.url,
          status: result.status,
          headers: { ...result.headers },
          body: result.body,
          redirects,
          charset: result.charset,
          totalMs: performance.now() - began,
          source: SOURCE,
        });
      }
      if (redirects.length >= maxRedirects) {
        throw new JobkitError('FETCH_TOO_MANY_REDIRECTS', `[${SOURCE}] more than ${maxRedirects} redirects starting at ${start.href}`, {
          details: { url: start.href, host: start.host, redirects: [...redirects, url.href] },
        });
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch (cause) {
        throw new JobkitError('FETCH_NETWORK', `[${SOURCE}] ${url.href} redirected to an invalid location "${location}"`, {
          cause,
          retryable: false,
          details: { url: url.href, host: url.host, status: result.status },
        });
      }
      emit({ type: 'redirect', from: url.href, to: next.href, status: result.status });
      redirects.push(url.href);
      current = redirectedState(current, result.status, url, next);
      url = next;
    }
  }

  async function checkRobots(url: URL, signal: AbortSignal | undefined): Promise<void> {
    if (!robots || !robotsOptions) return;
    let verdict: Awaited<ReturnType<RobotsCache['check']>>;
    try {
      verdict = await raceAbort(robots.check(url), signal, url.href);
    } catch (error) {
      throw robotsFetchError(error, url);
    }
    if (verdict.crawlDelayMs !== undefined && robotsOptions.respectCrawlDelay !== false) {
      limiter.limitRate(url.host, 1000 / Math.min(verdict.crawlDelayMs, MAX_CRAWL_DELAY_MS));
    }
    if (!verdict.allowed) {
      emit({ type: 'robots:blocked', url: url.href, userAgent });
      const why =
        verdict.reason === 'unavailable'
          ? `${url.origin}/robots.txt answered HTTP ${verdict.status ?? '5xx'}, so the whole site is treated as disallowed until it can be read (RFC 9309 §2.3.1.4)`
          : `${url.origin}/robots.txt disallows it for ${robotsAgent}`;
      throw new JobkitError('FETCH_ROBOTS_DISALLOWED', `[${SOURCE}] not fetching ${url.href}: ${why}`, {
        details: {
          url: url.href,
          host: url.host,
          reason: verdict.reason,
          ...(verdict.status === undefined ? {} : { robotsStatus: verdict.status }),
        },
      });
    }
  }

  /** Retries wrap whole attempts; 429/503 `Retry-After` pauses the host so every caller backs off. */
  async function run(rawUrl: string, state: RequestState): Promise<FetchResult> {
    if (closed) throw closedError();
    let start: URL;
    try {
      start = new URL(rawUrl);
    } catch (cause) {
      throw new JobkitError('INVALID_ARGUMENT', `[${SOURCE}] not an absolute URL: ${rawUrl}`, { cause });
    }
    const canRetry = IDEMPOTENT.has(state.method) || options.retryNonIdempotent === true;
    const maxAttempts = canRetry ? state.retries + 1 : 1;
    try {
      return await pRetry(
        async (attempt) => {
          const result = await attemptChain(start, state, attempt);
          if (!retryableStatus(result.status)) return result;
          const host = new URL(result.url).host;
          const retryAfterMs = parseRetryAfter(result.headers['retry-after']);
          if ((result.status === 429 || result.status === 503) && retryAfterMs !== undefined && retryAfterMs > 0) {
            const pauseMs = Math.min(retryAfterMs, maxRetryAfterMs);
            limiter.pause(host, pauseMs);
            emit({ type: 'rate-limited', host, status: result.status, pauseMs });
          }
          const waitable = retryAfterMs === undefined || retryAfterMs <= maxRetryAfterMs;
          if (attempt < maxAttempts && waitable) throw new RetryableStatus(result);
          return result;
        },
        {
          retries: maxAttempts - 1,
          minTimeout: retryMinDelayMs,
          maxTimeout: retryMaxDelayMs,
          factor: 2,
          randomize: true,
          signal: state.signal,
          // Not unref'd: the caller is awaiting this backoff, so it must hold the process.
          shouldRetry: ({ error, attemptNumber, retriesLeft }) => {
            const retry = error instanceof RetryableStatus || (JobkitError.is(error) && error.retryable);
            if (retry) {
              const reason = error instanceof RetryableStatus ? error.message : (error as JobkitError).code;
              emit({ type: 'retry', url: start.href, attempt: attemptNumber, reason, retriesLeft });
            }
            return retry;
          },
        },
      );
    } catch (error) {
      if (error instanceof RetryableStatus) return error.result;
      if (JobkitError.is(error)) throw error;
      // p-retry rejects with the signal's reason when aborted between attempts.
      if (state.signal?.aborted) throw abortedError(start.href, state.signal.reason);
      throw new JobkitError('FETCH_NETWORK', `[${SOURCE}] ${start.href}: ${String(error)}`, {
        cause: error,
        details: { url: start.href, host: start.host },
      });
    }
  }

  return {
    name: 'http',
    async fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchResult> {
      const checked = requestSchema.safeParse(fetchOptions);
      if (!checked.success) {
        throw new JobkitError('INVALID_ARGUMENT', `[${SOURCE}] invalid fetch options: ${z.prettifyError(checked.error)}`, {
          cause: checked.error,
        });
      }
      if (fetchOptions.signal?.aborted) throw abortedError(url, fetchOptions.signal.reason);
      const headers = baseHeaders(fetchOptions.accept ?? accept);
      for (const [k, v] of Object.entries(fetchOptions.headers ?? {})) headers[k.toLowerCase()] = v;
      if (fetchOptions.accept !== undefined) headers.accept = fetchOptions.accept;
      return run(url, {
        method: (fetchOptions.method ?? 'GET').toUpperCase(),
        headers,
        body: fetchOptions.body,
        signal: fetchOptions.signal,
        maxBytes: fetchOptions.maxBytes ?? maxBytes,
        timeoutMs: fetchOptions.timeoutMs ?? timeoutMs,
        skipRobots: false,
        retries,
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      limiter.close(closedError());
      robots?.clear();
      await dispatcher.close();
    },
  };
}

/** Method/body/credential changes a redirect implies (fetch spec semantics). */
function redirectedState(state: RequestState, status: number, from: URL, to: URL): RequestState {
  let { method, body } = state;
  const headers = { ...state.headers };
  if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
    method = 'GET';
    body = undefined;
    delete headers['content-type'];
    delete headers['content-length'];
  }
  if (from.origin !== to.origin) {
    // Allow-list, not deny-list: a custom credential header (x-api-key…) must not reach another origin.
    const kept: Record<string, string> = {};
    for (const name of CROSS_ORIGIN_HEADERS) if (headers[name] !== undefined) kept[name] = headers[name];
    if (body !== undefined && headers['content-type'] !== undefined) kept['content-type'] = headers['content-type'];
    return { ...state, method, body, headers: kept };
  }
  return { ...state, method, body, headers };
}

/**
 * robots.txt as text: RFC 9309 files are UTF-8. A file cut at the byte cap (more than
 * {@link ROBOTS_MAX_BYTES} arrived) loses its partial last line, so a half rule is never applied.
 */
function robotsText(body: Uint8Array): string {
  let bytes = body;
  if (bytes.byteLength > ROBOTS_MAX_BYTES) {
    bytes = bytes.subarray(0, ROBOTS_MAX_BYTES);
    const lastNewline = bytes.lastIndexOf(0x0a);
    bytes = bytes.subarray(0, lastNewline + 1);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** Re-issue a robots.txt fetch failure as what it is (network, timeout, SSRF…), naming the page it was for. */
function robotsFetchError(error: unknown, url: URL): JobkitError {
  const robotsUrl = `${url.origin}/robots.txt`;
  if (!JobkitError.is(error)) {
    return new JobkitError('FETCH_NETWORK', `[${SOURCE}] not fetching ${url.href}: ${robotsUrl} could not be fetched: ${String(error)}`, {
      cause: error,
      details: { url: url.href, host: url.host, robotsUrl },
    });
  }
  if (error.code === 'ABORTED' || error.code === 'CLOSED') return error;
  const reason = error.message.replace(`[${SOURCE}] `, '');
  return new JobkitError(
    error.code,
    `[${SOURCE}] not fetching ${url.href}: its robots.txt could not be fetched (${reason}); this is a ${failureKind(error.code)}, not a robots.txt rule`,
    {
      cause: error,
      retryable: error.retryable,
      details: { ...error.details, url: url.href, host: url.host, robotsUrl },
    },
  );
}

function failureKind(code: string): string {
  if (code === 'FETCH_TIMEOUT') return 'timeout';
  if (code === 'FETCH_BLOCKED') return 'refusal by the SSRF guard';
  return 'network error';
}

async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  url: string,
  controller: AbortController,
  truncate = false,
): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes && truncate) {
      // Keep one byte past the cap so the caller can tell a cut file from one of exactly maxBytes.
      chunks.push(value.subarray(0, value.byteLength - (total - maxBytes - 1)));
      total = maxBytes + 1;
      controller.abort();
      await reader.cancel().catch(() => undefined);
      break;
    }
    if (total > maxBytes) {
      // Stop downloading now rather than draining a huge (or decompression-bomb) body.
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(url: string, maxBytes: number, declared?: number): JobkitError {
  return new JobkitError('FETCH_TOO_LARGE', `[${SOURCE}] ${url} is larger than the ${maxBytes}-byte limit`, {
    details: { url, host: hostOf(url), maxBytes, ...(declared === undefined ? {} : { contentLength: declared }) },
  });
}

function closedError(): JobkitError {
  return new JobkitError('CLOSED', `[${SOURCE}] fetcher is closed`);
}

function abortedError(url: string, reason: unknown): JobkitError {
  return new JobkitError('ABORTED', `[${SOURCE}] request to ${url} was aborted`, { cause: reason, details: { url, host: hostOf(url) } });
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Turn whatever undici threw into a typed error; transport failures are retryable. */
function mapError(error: unknown, url: URL, ctx: { timedOut: boolean; aborted: boolean; timeoutMs: number }): JobkitError {
  const details = { url: url.href, host: url.host };
  if (ctx.aborted) return abortedError(url.href, error);
  if (ctx.timedOut) {
    return new JobkitError('FETCH_TIMEOUT', `[${SOURCE}] ${url.href} did not answer within ${ctx.timeoutMs} ms`, { cause: error, details });
  }
  if (JobkitError.is(error)) return error;
  // The SSRF lookup's error arrives wrapped in undici's "fetch failed" TypeError; re-issue it with the real URL.
  for (let cause: unknown = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (JobkitError.is(cause)) {
      return new JobkitError(cause.code, `${cause.message} while fetching ${url.href}`, {
        cause,
        details: { ...cause.details, ...details },
        retryable: cause.retryable,
      });
    }
  }
  const code = findCode(error);
  const message =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA'
      ? `DNS lookup of ${url.hostname} failed (${code})`
      : code
        ? `${code}`
        : error instanceof Error
          ? error.message
          : String(error);
  return new JobkitError('FETCH_NETWORK', `[${SOURCE}] ${url.href} failed: ${message}`, {
    cause: error,
    details: code ? { ...details, errno: code } : details,
  });
}

function findCode(error: unknown): string | undefined {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, url: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortedError(url, signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(url, signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
