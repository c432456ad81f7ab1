/**
 * Host-rewriting {@link Fetcher} wrapper: sends requests for vendor URLs to a local server instead,
 * so tests and the examples' "simulated internet" run real HTTP against 127.0.0.1 while callers
 * keep building vendor URLs.
 *
 * Convention (shared by tests and examples): `https://<host>/<path>?<query>` is served at
 * `http://127.0.0.1:<port>/__host/<host>/<path>?<query>`. The scheme is dropped (a local server
 * speaks plain HTTP) and the port of the original URL, if any, is kept in `<host>`. Result URLs and
 * redirect chains are mapped back, so callers see the vendor URLs they asked for. A local server
 * that redirects must answer with a relative or `/__host/…` location; an absolute vendor location
 * would be followed by the inner fetcher itself, outside the rewrite.
 * @module
 */
import { JobkitError } from '../errors.js';
import type { Fetcher, FetchOptions, FetchResult } from '../ports/fetcher.js';
import { createFetchResult } from '../ports/fetcher.js';

const SOURCE = 'memory/host-rewrite';
/** Path prefix of the convention. */
export const HOST_REWRITE_PREFIX = '/__host/';

/** Maps a requested URL to the URL actually fetched; return the input to leave it alone. */
export type UrlRewrite = (url: string) => string;

/** Options for {@link createHostRewriteFetcher}. */
export interface HostRewriteFetcherOptions {
  /** Inverse of the rewrite, applied to result URLs and redirect chains. @default identity */
  restore?: UrlRewrite;
  /** Fetcher name. @default `rewrite(<inner name>)` */
  name?: string;
}

/**
 * Wrap `fetcher` so every request URL goes through `rewrite` first. Results keep the inner
 * fetcher's status, headers and body; only URLs are mapped back through `restore`.
 */
export function createHostRewriteFetcher(fetcher: Fetcher, rewrite: UrlRewrite, options: HostRewriteFetcherOptions = {}): Fetcher {
  const restore = options.restore ?? ((url: string) => url);
  return {
    name: options.name ?? `rewrite(${fetcher.name})`,
    async fetch(url: string, fetchOptions?: FetchOptions): Promise<FetchResult> {
      const target = rewrite(url);
      const result = await fetcher.fetch(target, fetchOptions);
      if (target === url) return result;
      return createFetchResult({
        url: restore(result.url),
        status: result.status,
        headers: { ...result.headers },
        body: result.body,
        redirects: result.redirects.map(restore),
        charset: result.charset,
        totalMs: result.timings.totalMs,
        source: SOURCE,
      });
    },
    close: () => fetcher.close(),
  };
}

/** The rewrite pair of the `/__host/` convention for one local origin. */
export interface LocalHostRewrite {
  /** `https://<host>/<path>` → `<origin>/__host/<host>/<path>`; URLs already on `origin` pass through. */
  rewrite: UrlRewrite;
  /** `<origin>/__host/<host>/<path>` → `https://<host>/<path>`; other URLs pass through. */
  restore: UrlRewrite;
}

/**
 * The `/__host/` convention for a local server at `origin` (e.g. `http://127.0.0.1:4123`).
 * @throws JobkitError `INVALID_ARGUMENT` when `origin` is not an http(s) origin.
 */
export function localHostRewrite(origin: string): LocalHostRewrite {
  let base: URL;
  try {
    base = new URL(origin);
  } catch (cause) {
    throw new JobkitError('INVALID_ARGUMENT', `[${SOURCE}] not a URL: ${origin}`, { cause });
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new JobkitError('INVALID_ARGUMENT', `[${SOURCE}] origin must be http(s): ${origin}`);
  }
  const local = base.origin;
  return {
    rewrite(url) {
      const u = new URL(url);
      if (u.origin === local) return u.href;
      return `${local}${HOST_REWRITE_PREFIX}${u.host}${u.pathname}${u.search}`;
    },
    restore(url) {
      const u = new URL(url);
      if (u.origin !== local || !u.pathname.startsWith(HOST_REWRITE_PREFIX)) return url;
      const rest = u.pathname.slice(HOST_REWRITE_PREFIX.length);
      const slash = rest.indexOf('/');
      const host = slash < 0 ? rest : rest.slice(0, slash);
      const path = slash < 0 ? '/' : rest.slice(slash);
      return `https://${host}${path}${u.search}`;
    },
  };
}

/** {@link createHostRewriteFetcher} with the `/__host/` convention for a local server at `origin`. */
export function createLocalHostRewriteFetcher(fetcher: Fetcher, origin: string): Fetcher {
  const { rewrite, restore } = localHostRewrite(origin);
  return createHostRewriteFetcher(fetcher, rewrite, { restore, name: `local(${fetcher.name})` });
}
