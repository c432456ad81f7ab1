/**
 * Small URL helpers the per-ATS definitions share: label-boundary host checks, tenant
 * subdomains, decoded path segments. Internal to `ats/`; not exported from the package.
 * @module
 */
import { JobkitError } from '@jobkit/core';
import type { AtsApiHints } from './types.js';

/**
 * Longest URL, in characters, that ATS detection reads: `detectAts*` refuse a longer page URL
 * (`INVALID_ARGUMENT`), a definition's `matchUrl` matches nothing on one and its canonical URL rule
 * leaves one alone. Real job URLs stay far below it; page signals are capped at 2,048 already.
 */
export const MAX_ATS_URL_CHARS = 8_192;

/** True when `host` is `suffix` or a subdomain of it (label boundary, so `evilgreenhouse.io` fails). */
export function hostIs(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** True when `host` matches any of the suffixes. */
export function hostIsAny(host: string, suffixes: readonly string[]): boolean {
  return suffixes.some((s) => hostIs(host, s));
}

/**
 * The single label left of `suffix`, e.g. `acme` for `acme.recruitee.com`; `null` when the host
 * is the bare suffix, has several labels in front, or the label is reserved by the vendor.
 */
export function tenantOf(host: string, suffix: string, reserved: readonly string[] = []): string | null {
  if (!host.endsWith(`.${suffix}`)) return null;
  const label = host.slice(0, -suffix.length - 1);
  if (label === '' || label.includes('.') || reserved.includes(label)) return null;
  return label;
}

const segmentCache = new WeakMap<URL, { path: string; segs: readonly string[] }>();

/**
 * Non-empty, percent-decoded path segments. Cached per URL object because detection asks for the
 * same URL's segments once per definition; callers must not mutate the returned array.
 */
export function segments(url: URL): readonly string[] {
  const path = url.pathname;
  const hit = segmentCache.get(url);
  if (hit !== undefined && hit.path === path) return hit.segs;
  const out: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let seg = raw;
    if (raw.includes('%')) {
      try {
        seg = decodeURIComponent(raw);
      } catch {
        // Malformed escapes stay as written: a token is still better than no match.
      }
    }
    out.push(seg);
  }
  segmentCache.set(url, { path, segs: out });
  return out;
}

/** A query parameter, or `null` when absent or empty. */
export function param(url: URL, name: string): string | null {
  const v = url.searchParams.get(name);
  return v === null || v.trim() === '' ? null : v.trim();
}

/** Lowercased first path segment that looks like a locale (`en`, `en-US`, `de_DE`). */
export function isLocale(seg: string | undefined): boolean {
  return seg !== undefined && /^[a-z]{2}(?:[-_][a-z]{2,4})?$/i.test(seg);
}

/** A plausible token: no whitespace, not absurdly long. Guards against junk in hostile pages. */
export function token(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (v === '' || v.length > 200 || /[\s<>"'`]/.test(v)) return null;
  return v;
}

/** Shorten a URL for evidence strings: drop the scheme, cap the length. */
export function shortUrl(href: string, max = 160): string {
  const s = href.replace(/^https?:\/\//i, '');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** URL-encode one path segment of a board API URL. */
export function enc(value: string): string {
  return encodeURIComponent(value);
}

/** Host from hints, or an `INVALID_ARGUMENT` naming the platform when the API cannot be located without it. */
export function requireHost(platform: string, hints: AtsApiHints | undefined, why: string): string {
  const host = hints?.host;
  if (typeof host !== 'string' || !/^[a-z0-9.-]+$/i.test(host)) {
    throw new JobkitError('INVALID_ARGUMENT', `[parsers/ats] ${platform}: boardApiUrl needs hints.host (${why})`, {
      details: { platform },
    });
  }
  return host.toLowerCase();
}

/** First capture group of `re` across inline scripts, or `null`. */
export function findInline(inlineScripts: readonly string[], re: RegExp): RegExpExecArray | null {
  for (const text of inlineScripts) {
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/** Split a composite `{a}/{b}` board token, or throw `INVALID_ARGUMENT` naming the expected shape. */
export function splitPair(platform: string, boardToken: string, shape: string): [string, string] {
  const m = typeof boardToken === 'string' ? /^([^/]+)\/([^/]+)$/.exec(boardToken) : null;
  if (!m) {
    throw new JobkitError('INVALID_ARGUMENT', `[parsers/ats] ${platform}: board token must look like ${shape}`, {
      details: { platform },
    });
  }
  return [m[1]!, m[2]!];
}
