/**
 * `@jobkit/adapters/http`: the guarded HTTP {@link @jobkit/core!Fetcher} built on undici (SSRF
 * guard, robots.txt, per-host politeness, manual redirects, retries, timeouts, body cap,
 * decompression, charset). Statuses are returned, not thrown: use `fetchOk`/`checkStatus` from
 * `@jobkit/core` for typed errors.
 * @module @jobkit/adapters/http
 */

export type { FetchEvent, Fetcher, FetchOptions, FetchResult } from '@jobkit/core';
export { detectCharset } from './charset.js';
export type { HttpFetcher, HttpFetcherOptions, HttpRobotsOptions } from './fetcher.js';
export { CROSS_ORIGIN_HEADERS, createHttpFetcher, DEFAULT_USER_AGENT } from './fetcher.js';
export { parseRetryAfter } from './rate-limit.js';
