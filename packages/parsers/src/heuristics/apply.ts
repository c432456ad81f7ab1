/**
 * Apply URL: the first link or button whose text is an apply call to action in any language
 * (or whose href is an apply path); reports whether an apply control exists at all.
 * @module
 */
import { canonicalizeUrl } from '@jobkit/core';
import { textOf } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import type { Page } from './page.js';
import { APPLY_TEXT } from './vocabulary.js';

/**
 * An anchor is read in two steps so no quantifier is retried from every "<a" of a long run: the
 * opening tag (attributes up to the first ">", at most 1,500 characters), then, anchored right
 * after it, an optional inline wrapper and the text up to the next tag. Whitespace-only text is
 * no call to action, so the text starts at a non-space character.
 */
const ANCHOR_OPEN = /<a\b/gi;
const ANCHOR_TEXT = /\s*(?:<(?:span|strong|b|i|em)\b[^>]{0,300}>\s*)?([^<\s][^<]{0,79})</iy;
const HREF = /\bhref\s*=\s*(?:"([^"]{1,2000})"|'([^']{1,2000})'|([^\s>]{1,2000}))/i;
/**
 * Account gates ("…/authenticate?continue=…/application", "/login?next=…", "/signup"): the page
 * shows an apply button, but the link is a sign-in wall, not the posting's application URL.
 */
const ACCOUNT_GATE =
  /^\/(?:[\w-]{1,40}\/){0,3}(?:log-?in|sign-?in|sign-?up|authenticate|auth|register|sso|account\/(?:login|signin|create))(?:[/.?#]|$)/i;

/** An http(s) apply URL that is not an account gate, or undefined. */
function applyTarget(href: string, base: string): string | undefined {
  try {
    const u = new URL(href, base);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !ACCOUNT_GATE.test(u.pathname)) return u.toString();
  } catch {
    // Unparseable hrefs are skipped like a browser would.
  }
  return undefined;
}

const ENTITY: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

/**
 * The apply link of a page read without a DOM (structured pages usually get none): one bounded
 * regex pass over the HTML for an anchor whose text is an apply call to action. Capped input.
 */
/** Each anchor's attributes and text, left to right, as `[attributes, text]`. */
function* anchors(text: string): Generator<[string, string]> {
  let gt = -1;
  ANCHOR_OPEN.lastIndex = 0;
  for (let m = ANCHOR_OPEN.exec(text); m; m = ANCHOR_OPEN.exec(text)) {
    const from = m.index + m[0].length;
    // The first ">" after the tag name closes it; one search serves every "<a" before it.
    if (gt < from) gt = text.indexOf('>', from);
    if (gt < 0) return;
    if (gt - from > 1_500) continue;
    ANCHOR_TEXT.lastIndex = gt + 1;
    const t = ANCHOR_TEXT.exec(text);
    if (!t) continue;
    yield [text.slice(from, gt), t[1]!];
    ANCHOR_OPEN.lastIndex = ANCHOR_TEXT.lastIndex;
  }
}

export function applyUrlFromHtml(html: string, pageUrl: string): string | undefined {
  const text = html.length > 2_000_000 ? html.slice(0, 2_000_000) : html;
  let seen = 0;
  for (const [attrs, label] of anchors(text)) {
    if (++seen > 5_000) break;
    if (!APPLY_TEXT.test(label.replace(/&[a-z#0-9]+;/gi, (e) => ENTITY[e] ?? ' ').trim())) continue;
    const h = HREF.exec(attrs);
    const href = (h?.[1] ?? h?.[2] ?? h?.[3])?.replace(/&amp;/g, '&').trim();
    if (!href || /^(javascript|mailto|tel):/i.test(href) || href === '#') continue;
    const target = applyTarget(href, pageUrl);
    if (target) return target;
  }
  return undefined;
}

/**
 * An href that is an apply address by itself: "apply" as a path segment or part of one
 * ("/apply", "/jobs/12/apply-now"), the fragment ("#apply") or a query key or value ("?apply=1",
 * "?action=apply"). A tracking value that merely mentions it ("?trk=public_jobs_apply-link-offsite_join-form-privacy-policy"
 * on a legal link of a sign-up form) is not.
 */
function applyHref(href: string, base: string): boolean {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return false;
  }
  if (/(^|[/_-])apply([/_-]|$)/i.test(u.pathname) || /^#apply/i.test(u.hash)) return true;
  for (const [k, v] of u.searchParams) if (/^apply$/i.test(k) || /^apply$/i.test(v)) return true;
  return false;
}

export function extractApply(page: Page): { applyUrl?: string; hasApply: boolean; applyLinks: number } {
  let hasApply = false;
  let applyUrl: string | undefined;
  const distinct = new Set<string>();
  const clickable = page
    .tags('a', 'button', 'input')
    .filter((e) => e.name !== 'input' || e.attribs.type === 'submit' || e.attribs.type === 'button');
  for (const e of clickable.slice(0, 3_000)) {
    const raw = textOf(e, 120) || e.attribs.value || e.attribs['aria-label'] || e.attribs.title || '';
    const href0 = e.attribs.href;
    const byHref = href0 !== undefined && /apply/i.test(href0) && applyHref(href0, page.url);
    if (raw.length > 100 && !byHref) continue;
    const text = cleanInline(raw);
    if (text.length > 60 || (!byHref && !APPLY_TEXT.test(text))) continue;
    hasApply = true;
    const href = e.attribs.href?.trim();
    if (!href || /^(javascript|mailto|tel):/i.test(href) || href === '#') continue;
    const target = applyTarget(href, page.url);
    if (target) {
      applyUrl ??= target;
      // One application address repeated in a sticky header, the body and the footer (with a
      // tracking tag, a fragment or a trailing slash of its own) is one apply link, not three postings.
      distinct.add(canonicalizeUrl(target));
      if (distinct.size >= 3) break;
    }
  }
  return { ...(applyUrl ? { applyUrl } : {}), hasApply, applyLinks: distinct.size };
}
