/**
 * Board HTTP: one request through the caller's fetcher, status → typed board error, soft-404
 * detection (a 200 HTML page where data was expected) and zod validation of every response.
 * @module
 */

import type { FetchResult } from '@jobkit/core';
import { JobkitError } from '@jobkit/core';
import type { z } from 'zod';
import { Blocked, BoardEmpty, BoardNotFound, EndpointChanged } from './errors.js';
import type { BoardContext } from './types.js';

/** Options for one board request. */
export interface BoardRequest {
  method?: 'GET' | 'POST';
  /** JSON-serialised when an object. */
  body?: unknown;
  headers?: Record<string, string>;
  /** @default 'application/json' */
  accept?: string;
}

const MAX_OWN_RETRIES = 2;
const MAX_RETRY_WAIT_MS = 5_000;

/** Module tag used in messages, e.g. `[parsers/boards/lever]`. */
export function where(ctx: Pick<BoardContext, 'platform'>): string {
  return `[parsers/boards/${ctx.platform}]`;
}

/** Throw `ABORTED` if the caller gave up. */
export function checkAborted(ctx: BoardContext): void {
  if (ctx.signal?.aborted) {
    throw new JobkitError('ABORTED', `${where(ctx)} aborted`, { cause: ctx.signal.reason });
  }
}

/** Perform a request and map failure statuses to board errors. Resolves only with a 2xx. */
async function boardFetch(ctx: BoardContext, url: string, request: BoardRequest = {}): Promise<FetchResult> {
  const method = request.method ?? 'GET';
  const headers = { ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  for (let attempt = 0; ; attempt++) {
    checkAborted(ctx);
    let result: FetchResult;
    try {
      result = await ctx.fetcher.fetch(url, { method, headers, body, signal: ctx.signal, accept: request.accept ?? 'application/json' });
    } catch (error) {
      if (
        JobkitError.is(error, 'FETCH_BLOCKED') ||
        JobkitError.is(error, 'FETCH_RATE_LIMITED') ||
        JobkitError.is(error, 'FETCH_ROBOTS_DISALLOWED')
      ) {
        throw new Blocked(`${where(ctx)} ${url} refused: ${error.message}`, { cause: error, details: { url } });
      }
      throw error;
    }
    const { status } = result;
    if (status >= 200 && status < 300) return result;
    // The fetcher retries GETs itself; POST reads (Workday CXS) are safe to repeat, so give them a few tries here.
    if (method !== 'GET' && (status === 429 || status === 503) && attempt < MAX_OWN_RETRIES) {
      await sleep(retryDelay(result, attempt), ctx);
      continue;
    }
    const details = { url, status };
    if (status === 404 || status === 410)
      throw new BoardNotFound(`${where(ctx)} board "${ctx.boardToken}" not found (HTTP ${status} from ${url})`, { details });
    if (status === 401 || status === 403 || status === 451 || status === 429) {
      throw new Blocked(`${where(ctx)} ${url} refused access (HTTP ${status}${status === 429 ? ' after retries' : ''})`, { details });
    }
    if (status === 400 || status === 405 || status === 415 || status === 422) {
      throw new EndpointChanged(`${where(ctx)} ${url} rejected the request (HTTP ${status}); the API may have changed`, { details });
    }
    throw new JobkitError('FETCH_HTTP_STATUS', `${where(ctx)} ${url} answered HTTP ${status}`, { details, retryable: status >= 500 });
  }
}

function retryDelay(result: FetchResult, attempt: number): number {
  const header = result.headers['retry-after'];
  const seconds = header !== undefined ? Number(header) : Number.NaN;
  const ms = Number.isFinite(seconds) ? seconds * 1000 : 250 * 2 ** attempt;
  return Math.min(Math.max(ms, 0), MAX_RETRY_WAIT_MS);
}

function sleep(ms: number, ctx: BoardContext): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new JobkitError('ABORTED', `${where(ctx)} aborted`, { cause: ctx.signal?.reason }));
    };
    const timer = setTimeout(() => {
      ctx.signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (ctx.signal?.aborted) onAbort();
    else ctx.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** Body text, refusing empty bodies and HTML pages where data was expected (Freshteam-style soft 404). */
function dataText(ctx: BoardContext, result: FetchResult, expected: 'JSON' | 'XML'): string {
  const text = result.text();
  if (!text.trim())
    throw new BoardEmpty(`${where(ctx)} ${result.url} answered ${result.status} with an empty body`, { details: { url: result.url } });
  const type = result.headers['content-type'] ?? '';
  const looksHtml = HTML_START.test(text.slice(0, 512)) || (/text\/html/i.test(type) && !looksJson(text) && !/^\s*</.test(text));
  if (looksHtml) {
    throw new BoardNotFound(
      `${where(ctx)} board "${ctx.boardToken}" not found: ${result.url} answered ${result.status} with an HTML page instead of ${expected}`,
      {
        details: { url: result.url, status: result.status, contentType: type },
      },
    );
  }
  return text;
}

/** Anti-JSON-hijacking prefixes some APIs and proxies put before JSON (`)]}',`, `while(1);`). */
const XSSI = /^\s*(?:\)\]\}'?,?|while\s*\(1\);|for\s*\(;;\);)/;

/** Text that starts as JSON does (an object or array, perhaps behind an anti-hijacking prefix). */
export function looksJson(text: string): boolean {
  const head = text.slice(0, 64);
  return /^\s*[[{]/.test(head) || XSSI.test(head);
}

/**
 * Where the first JSON object or array in `text` ends (index after its closing bracket), by one
 * linear scan that tracks strings and nesting; `undefined` when it does not close.
 */
function jsonEnd(text: string): number | undefined {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (text[i] !== '{' && text[i] !== '[') return undefined;
  let depth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/**
 * JSON as boards actually send it: a byte-order mark, an anti-hijacking prefix or trailing bytes
 * after the value (a proxy's comment, a second document, a stray `null`) do not lose the board;
 * what was dropped is warned about. Anything else that is not JSON throws.
 */
export function parseJson(ctx: BoardContext, text: string, url: string): unknown {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const prefix = XSSI.exec(body);
  if (prefix) body = body.slice(prefix[0].length);
  try {
    return JSON.parse(body);
  } catch (cause) {
    const end = jsonEnd(body);
    if (end !== undefined && end < body.length) {
      try {
        const value: unknown = JSON.parse(body.slice(0, end));
        ctx.warn(`${ctx.platform}: ${url} sent ${body.length - end} characters after its JSON; they were ignored`);
        return value;
      } catch {
        // fall through to the error below
      }
    }
    throw new EndpointChanged(`${where(ctx)} ${url} did not answer JSON`, { cause, details: { url } });
  }
}

/** Validate data against the response schema; a mismatch means the vendor changed the endpoint. */
export function validate<S extends z.ZodType>(ctx: BoardContext, schema: S, data: unknown, url: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new EndpointChanged(`${where(ctx)} response from ${url} no longer matches the expected shape (${issues})`, {
      cause: parsed.error,
      details: { url },
    });
  }
  return parsed.data;
}

/** GET/POST a JSON endpoint and validate it. */
export async function fetchJson<S extends z.ZodType>(
  ctx: BoardContext,
  url: string,
  schema: S,
  request: BoardRequest = {},
): Promise<z.output<S>> {
  const result = await boardFetch(ctx, url, request);
  const text = dataText(ctx, result, 'JSON');
  return validate(ctx, schema, parseJson(ctx, text, url), url);
}

/** GET an XML/RSS endpoint; returns the text for the caller's XML reader. */
export async function fetchXml(ctx: BoardContext, url: string): Promise<string> {
  const result = await boardFetch(ctx, url, { accept: 'application/xml, application/rss+xml, text/xml;q=0.9, */*;q=0.5' });
  const text = dataText(ctx, result, 'XML');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A page after the first: when it fails (not found, blocked, a changed shape, a network error —
 * never an abort) paging stops with the jobs already read and a warning, instead of losing the
 * board; `undefined` tells the caller to stop and mark the listing partial.
 */
export async function laterPage<T>(ctx: BoardContext, url: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (JobkitError.is(error, 'ABORTED') || ctx.signal?.aborted) throw error;
    const code = (error as { code?: string }).code ?? 'ERROR';
    ctx.warn(
      `${ctx.platform}: page ${url} failed (${code}: ${((error as Error).message ?? '').slice(0, 160)}); stopped paging with the jobs read so far`,
    );
    return undefined;
  }
}

/**
 * Map `items` with at most `concurrency` calls in flight, in order; stops scheduling once the
 * signal aborts. Used for per-job detail requests.
 */
export async function mapLimit<T, R>(
  ctx: BoardContext,
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      checkAborted(ctx);
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return out;
}
