/**
 * Fetcher port: one HTTP request in, one fully-read response out. Non-2xx statuses are returned,
 * not thrown, so callers can tell a missing board (404) from a block (403/429) from an outage (5xx);
 * {@link fetchOk} / {@link checkStatus} turn a status into the matching typed {@link JobkitError}.
 * Also owns {@link createFetchResult}, the shared way every fetcher builds a {@link FetchResult}.
 * @module
 */
import { JobkitError } from '../errors.js';

/** Options for one request. Every field is optional; the fetcher's own defaults apply. */
export interface FetchOptions {
  /** HTTP method. @default 'GET' */
  method?: string;
  /** Extra request headers (names are case-insensitive). */
  headers?: Record<string, string>;
  /** Request body. */
  body?: string | Uint8Array;
  /** Aborts the request, its retries and any wait for a rate-limit slot. Rejects with `ABORTED`. */
  signal?: AbortSignal;
  /** Shorthand for the `Accept` header. */
  accept?: string;
  /** Largest decoded body accepted; past it the request is aborted with `FETCH_TOO_LARGE`. */
  maxBytes?: number;
  /** Deadline for each HTTP exchange (each redirect hop), headers and body; past it the attempt fails with `FETCH_TIMEOUT`. */
  timeoutMs?: number;
}

/** A fully-read response. `body` is decoded from any content-encoding (gzip, br…) but not from its charset. */
export interface FetchResult {
  /** Final URL, after redirects. */
  readonly url: string;
  readonly status: number;
  /** Response headers with lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** Every URL that answered with a redirect, in order (the requested URL first). */
  readonly redirects: readonly string[];
  /** WHATWG encoding name used by {@link FetchResult.text}, e.g. `utf-8`, `windows-1252`, `shift_jis`. */
  readonly charset: string;
  readonly timings: { readonly totalMs: number };
  /** Body decoded with {@link FetchResult.charset}; invalid bytes become U+FFFD. */
  text(): string;
  /** Body parsed as JSON; throws `PARSE_FAILED` when it isn't. */
  json<T = unknown>(): T;
}

/** Lifecycle events a fetcher reports so the pipeline can log and count them. */
export type FetchEvent =
  | { type: 'request:start'; url: string; method: string; attempt: number }
  | { type: 'request:end'; url: string; method: string; status: number; bytes: number; totalMs: number; attempt: number }
  | { type: 'request:error'; url: string; method: string; code: string; attempt: number; totalMs: number }
  | { type: 'retry'; url: string; attempt: number; reason: string; retriesLeft: number }
  | { type: 'redirect'; from: string; to: string; status: number }
  | { type: 'robots:blocked'; url: string; userAgent: string }
  | { type: 'rate-limited'; host: string; status: number; pauseMs: number };

/** Fetches URLs. Implementations: `createHttpFetcher` (`@jobkit/adapters/http`), `createStaticFetcher` (tests). */
export interface Fetcher {
  readonly name: string;
  /**
   * Fetch a URL and read its body. Resolves for every HTTP status; rejects only with a
   * {@link JobkitError} for transport or policy failures (timeout, SSRF, robots, too large…).
   */
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
  /** Release connections and timers. */
  close(): Promise<void>;
}

/** Input of {@link createFetchResult}. */
export interface FetchResultInit {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  redirects?: readonly string[];
  /** WHATWG encoding label; unknown labels fall back to utf-8. @default 'utf-8' */
  charset?: string;
  totalMs?: number;
  /** Module named in `PARSE_FAILED` messages. @default 'core/fetcher' */
  source?: string;
}

/** Build a {@link FetchResult} whose `text()`/`json()` decode lazily and at most once. */
export function createFetchResult(init: FetchResultInit): FetchResult {
  const decoder = makeDecoder(init.charset);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(init.headers)) headers[k.toLowerCase()] = v;
  const source = init.source ?? 'core/fetcher';
  let text: string | undefined;
  return {
    url: init.url,
    status: init.status,
    headers,
    body: init.body,
    redirects: init.redirects ?? [],
    charset: decoder.encoding,
    timings: { totalMs: init.totalMs ?? 0 },
    text() {
      text ??= decoder.encoding === 'windows-1252' ? fixWindows1252(decoder.decode(init.body)) : decoder.decode(init.body);
      return text;
    },
    json<T>(): T {
      try {
        return JSON.parse(this.text()) as T;
      } catch (cause) {
        throw new JobkitError('PARSE_FAILED', `[${source}] response from ${init.url} is not valid JSON`, {
          cause,
          details: { url: init.url, status: init.status },
        });
      }
    },
  };
}

// WHATWG index-windows-1252 for bytes 0x80–0x9F (the 5 undefined ones stay C1 controls).
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20.18.3+/22.13+ decode windows-1252 as latin1, turning € and curly quotes into C1 controls
 * (nodejs/node#60888). Remapping C1 code points afterwards is correct on fixed runtimes too.
 */
function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

function makeDecoder(label: string | undefined): InstanceType<typeof TextDecoder> {
  try {
    // ignoreBOM=false strips a BOM that matches the encoding, as browsers do.
    return new TextDecoder(label ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Options for {@link checkStatus} and {@link fetchOk}. */
export interface CheckStatusOptions {
  /** Accept a 2xx response with an empty body instead of throwing `TARGET_EMPTY`. @default false */
  allowEmpty?: boolean;
  /** Module named in error messages. @default 'core/fetcher' */
  source?: string;
}

/**
 * Throw the typed error a non-success response stands for, or return it unchanged:
 * 404/410 → `TARGET_NOT_FOUND`; 401/403/451 → `FETCH_BLOCKED`; 429 → `FETCH_RATE_LIMITED` (retryable);
 * 5xx and 408 → `FETCH_HTTP_STATUS` (retryable); other non-2xx → `FETCH_HTTP_STATUS`;
 * 2xx with an empty (or whitespace-only) body → `TARGET_EMPTY`.
 * A 200 that renders a "not found" page is not detectable here; parsers decide that.
 */
export function checkStatus(result: FetchResult, options: CheckStatusOptions = {}): FetchResult {
  const source = options.source ?? 'core/fetcher';
  const { status, url } = result;
  const details = { url, status, host: hostOf(url) };
  if (status >= 200 && status < 300) {
    if (!options.allowEmpty && status !== 204 && isBlank(result.body)) {
      throw new JobkitError('TARGET_EMPTY', `[${source}] ${url} answered ${status} with an empty body`, { details });
    }
    return result;
  }
  if (status === 204) return result;
  if (status === 404 || status === 410) {
    throw new JobkitError('TARGET_NOT_FOUND', `[${source}] ${url} not found (HTTP ${status})`, { details });
  }
  if (status === 401 || status === 403 || status === 451) {
    throw new JobkitError('FETCH_BLOCKED', `[${source}] ${url} refused access (HTTP ${status})`, { details });
  }
  if (status === 429) {
    const retryAfter = result.headers['retry-after'];
    throw new JobkitError('FETCH_RATE_LIMITED', `[${source}] ${url} is rate limiting us (HTTP 429)`, {
      details: retryAfter === undefined ? details : { ...details, retryAfter },
    });
  }
  const retryable = status >= 500 || status === 408;
  throw new JobkitError('FETCH_HTTP_STATUS', `[${source}] ${url} answered HTTP ${status}`, { details, retryable });
}

/** `fetcher.fetch` followed by {@link checkStatus}: resolves only with a usable 2xx response. */
export async function fetchOk(fetcher: Fetcher, url: string, options: FetchOptions & CheckStatusOptions = {}): Promise<FetchResult> {
  const { allowEmpty, source, ...fetchOptions } = options;
  const result = await fetcher.fetch(url, fetchOptions);
  return checkStatus(result, { allowEmpty, source: source ?? fetcher.name });
}

function isBlank(body: Uint8Array): boolean {
  for (const byte of body) {
    // Space, tab, CR, LF and a UTF-8 BOM don't count as content.
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) {
      return false;
    }
  }
  return true;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
