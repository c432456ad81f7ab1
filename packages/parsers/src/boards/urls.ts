/**
 * Job URLs for board rows: the row's own URL when it has a usable one (relative paths resolved
 * against the board, `http:` upgraded to `https:` on the ATS's own hosts, which all serve HTTPS),
 * else the canonical job URL the vendor documents (board URL + id), built by the client.
 * @module
 */
import type { BoardContext } from './types.js';

/** Below this, a `matchUrl` hit is a hint (Greenhouse `?gh_jid=` on an employer's site), not the ATS's host. */
const OWN_HOST_CONFIDENCE = 0.9;

function own(ctx: Pick<BoardContext, 'definition'>, url: URL): boolean {
  try {
    const m = ctx.definition.matchUrl(url);
    return m !== null && (m.confidence === undefined || m.confidence >= OWN_HOST_CONFIDENCE);
  } catch {
    return false;
  }
}

/**
 * `https:` for an `http:` URL on the ATS's own hosts (`http://boards.greenhouse.io/…` in old
 * responses); other URLs unchanged. An employer's own domain is left alone: it may not serve HTTPS.
 */
export function secureUrl(ctx: Pick<BoardContext, 'definition'>, href: string): string {
  if (!href.startsWith('http:')) return href;
  try {
    const u = new URL(href);
    if (u.protocol !== 'http:' || !own(ctx, u)) return href;
    u.protocol = 'https:';
    if (u.port === '80') u.port = '';
    return u.href;
  } catch {
    return href;
  }
}

/** An absolute http(s) URL from a row value (relative to `base` when given), secured; else `undefined`. */
function rowUrl(ctx: Pick<BoardContext, 'definition'>, value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (!s || s.length > 4000) return undefined;
  try {
    const u = new URL(s, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return secureUrl(ctx, u.href);
  } catch {
    return undefined;
  }
}

/**
 * The job URL for a row: the first usable candidate, else `canonical()` (the vendor's documented
 * job URL from board + id), else `undefined` (the caller skips the row).
 */
export function jobUrl(
  ctx: Pick<BoardContext, 'definition'>,
  candidates: readonly unknown[],
  canonical?: () => string | undefined,
  base?: string,
): string | undefined {
  for (const c of candidates) {
    const u = rowUrl(ctx, c, base);
    if (u !== undefined) return u;
  }
  return canonical?.();
}

/**
 * The ATS's own job id read from a job URL (for rows that have a URL but no id), else the URL's
 * last path segment, else the URL itself.
 */
export function idFromUrl(ctx: Pick<BoardContext, 'definition'>, url: string): string {
  try {
    const u = new URL(url);
    const fromAts = ctx.definition.matchUrl(u)?.jobId;
    if (fromAts) return fromAts;
    const last = u.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : url;
  } catch {
    return url;
  }
}

/**
 * For a row that has an id but no URL of its own, on a vendor that documents no job page for that
 * kind of id: the board page, with the id as a `job` query parameter so each posting keeps its own
 * identity. Not a job page; a last resort so the job is not lost.
 */
export function listedOn(boardPage: string, jobId: string): string {
  const u = new URL(boardPage);
  u.searchParams.set('job', jobId);
  return u.href;
}

/** `encodeURIComponent` for one path segment. */
export const seg = (s: string) => encodeURIComponent(s);
