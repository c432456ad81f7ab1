/**
 * `@jobkit/adapters/http`: the guarded HTTP {@link @jobkit/core!Fetcher} built on undici (SSRF
 * guard, robots.txt, per-host politeness, manual redirects, retries, timeouts, body cap,
 * decompression, charset). Statuses are returned, not thrown: use `fetchOk`/`checkStatus` from
 * `@jobkit/core` for typed errors.
 * @module @jobkit/adapters/http
 */
export { createHttpFetcher, DEFAULT_USER_AGENT, CROSS_ORIGIN_HEADERS } from './fetcher.js';
export type { HttpFetcher, HttpFetcherOptions, HttpRobotsOptions } from './fetcher.js';
export { detectCharset } from './charset.js';
export { parseRetryAfter } from './rate-limit.js';
export type { FetchEvent, FetchOptions, FetchResult, Fetcher } from '@jobkit/core';
