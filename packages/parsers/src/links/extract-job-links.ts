/**
 * `extractJobLinks`: the job-posting links on a career or listing page, absolute, canonical and
 * de-duplicated, from anchors and from JSON-LD (`JobPosting.url`, `ItemList` entries).
 * @module
 */
import { canonicalizeUrl, invalidArgument } from '@jobkit/core';
import { Parser } from 'htmlparser2';
import { z } from 'zod';
import { cleanInline } from '../html/sanitize.js';
import { SCAN_LIMITS } from '../html/scan.js';
import { flattenNodes, isObject, readJsonLd, typesOf, type JsonObject } from '../structured/json-ld.js';
import { isJobUrl } from './job-url.js';

/** One job link found on a page. */
export interface JobLink {
  /** Canonical absolute URL (see `canonicalizeUrl`). */
  url: string;
  /** Link text or JSON-LD title, whitespace collapsed; `null` when the link has no text. */
  title: string | null;
}

export interface ExtractJobLinksOptions {
  /** Absolute http(s) URL of the page, to resolve relative links against. */
  url: string;
}

const OptionsSchema = z.object({ url: z.string().url().refine((u) => /^https?:/i.test(u), 'must be http(s)') });

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Links collected per page at most; a listing with more is paged anyway. */
const MAX_LINKS = 5_000;
/** Input beyond this is not read: the same cap as `parseJobPage` (no real listing page is this large). */
const MAX_HTML_CHARS = 12_000_000;
/** Longer hrefs and URLs are dropped: browsers and servers reject them, and no posting needs one. */
const MAX_URL_CHARS = 2_048;

export interface RawLink {
  href: string;
  text: string;
}

/** Absolute canonical URL of `href` when it is a job-posting link, else `null`. */
export function resolveCanonical(href: string, base: string): string | null {
  const h = href.trim();
  if (!h || h.length > MAX_URL_CHARS || h.startsWith('#') || /^(mailto|tel|javascript|data|sms):/i.test(h)) return null;
  try {
    const u = new URL(h, base);
    if (!isJobUrl(u)) return null;
    const url = canonicalizeUrl(u.toString());
    // Percent-encoding can lengthen a URL past the cap.
    return url.length > MAX_URL_CHARS ? null : url;
  } catch {
    return null;
  }
}

/** Anchors with their text, and JSON-LD blocks, in one streaming pass. */
function collect(html: string): { anchors: RawLink[]; jsonLd: string[]; baseHref: string | null } {
  const anchors: RawLink[] = [];
  const jsonLd: string[] = [];
  let baseHref: string | null = null;
  const open: Array<{ href: string; label: string; parts: string[]; len: number }> = [];
  let inJsonLd = false;
  let jsonParts: string[] = [];
  let jsonLen = 0;
  let total = 0;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        // Same nesting cap as the page scan: htmlparser2's stack makes deep nesting quadratic.
        if (!VOID.has(name) && ++depth > SCAN_LIMITS.maxDepth) {
          parser.pause();
          return;
        }
        if (name === 'a' || name === 'area') {
          if (attribs.href !== undefined && anchors.length + open.length < MAX_LINKS) {
            const label = attribs['aria-label'] ?? attribs.title ?? '';
            if (name === 'area') anchors.push({ href: attribs.href, text: label });
            else open.push({ href: attribs.href, label, parts: [], len: 0 });
          }
        } else if (name === 'script' && /^application\/ld\+json/i.test((attribs.type ?? '').trim())) {
          inJsonLd = true;
          jsonParts = [];
          jsonLen = 0;
        } else if (name === 'base' && baseHref === null && attribs.href) {
          baseHref = attribs.href;
        }
      },
      ontext(text) {
        if (inJsonLd) {
          jsonLen += text.length;
          if (jsonLen <= SCAN_LIMITS.maxJsonLdChars) jsonParts.push(text);
          return;
        }
        const top = open[open.length - 1];
        if (top && top.len < 500) {
          top.parts.push(text);
          top.len += text.length;
        }
      },
      onclosetag(name) {
        if (!VOID.has(name)) depth = Math.max(0, depth - 1);
        if (name === 'a' && open.length > 0) {
          const a = open.pop()!;
          // Visible text names the posting best; aria-label/title only when the link has none.
          anchors.push({ href: a.href, text: a.parts.join(' ').trim() || a.label });
        } else if (name === 'script' && inJsonLd) {
          inJsonLd = false;
          if (jsonLen <= SCAN_LIMITS.maxJsonLdChars && total + jsonLen <= SCAN_LIMITS.maxJsonLdTotalChars && jsonLd.length < SCAN_LIMITS.maxJsonLdBlocks) {
            jsonLd.push(jsonParts.join(''));
            total += jsonLen;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // Anchors still open when the nesting cap stopped the pass.
  for (const a of open) anchors.push({ href: a.href, text: a.parts.join(' ').trim() || a.label });
  return { anchors, jsonLd, baseHref };
}

function jsonLdLinks(blocks: string[]): RawLink[] {
  return linksFromNodes(readJsonLd(blocks).nodes);
}

/** `JobPosting.url` and `ItemList` entries among JSON-LD nodes (not yet resolved or filtered). */
export function linksFromNodes(nodes: readonly JsonObject[]): RawLink[] {
  const out: RawLink[] = [];
  const textOf = (v: unknown) => (typeof v === 'string' ? v : '');
  for (const node of nodes) {
    const types = typesOf(node);
    if (types.includes('JobPosting')) {
      const url = textOf(node.url) || textOf(node['@id']);
      if (url) out.push({ href: url, text: textOf(node.title) || textOf(node.name) });
    } else if (types.includes('ItemList')) {
      const items = Array.isArray(node.itemListElement) ? node.itemListElement : [node.itemListElement];
      for (const it of flattenNodes(items).filter((n: JsonObject) => typesOf(n).includes('ListItem') || !n['@type'])) {
        const item = isObject(it.item) ? it.item : undefined;
        const url = textOf(it.url) || (item ? textOf(item.url) || textOf(item['@id']) : textOf(it.item));
        if (url) out.push({ href: url, text: textOf(it.name) || (item ? textOf(item.title) || textOf(item.name) : '') });
      }
    }
  }
  return out;
}

/**
 * Job-posting links on a page: absolute, canonical, de-duplicated, in page order (JSON-LD
 * entries first). Navigation, login, social, category/search/paging links, `mailto:`, anchors
 * and assets are left out, as is the page itself.
 * Only the first 12,000,000 characters of `html` are read (as in `parseJobPage`), and links
 * longer than 2,048 characters are dropped.
 * @throws JobkitError `INVALID_ARGUMENT` when `html` is not a string or `url` is not absolute http(s).
 */
export function extractJobLinks(html: string, options: ExtractJobLinksOptions): JobLink[] {
  if (typeof html !== 'string') throw invalidArgument('parsers/links', `html must be a string, got ${typeof html}`);
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw invalidArgument('parsers/links', `options.url must be an absolute http(s) URL`, parsed.error);
  const pageUrl = parsed.data.url;
  const { anchors, jsonLd, baseHref } = collect(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  let base = pageUrl;
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl).toString();
    } catch {
      // A broken <base> is ignored, as browsers do.
    }
  }
  let self: string | null = null;
  try {
    self = canonicalizeUrl(pageUrl);
  } catch {
    self = null;
  }
  const byUrl = new Map<string, JobLink>();
  for (const link of [...jsonLdLinks(jsonLd), ...anchors]) {
    const url = resolveCanonical(link.href, base);
    if (!url || url === self) continue;
    const title = cleanInline(link.text).slice(0, 300) || null;
    const prev = byUrl.get(url);
    if (!prev) byUrl.set(url, { url, title });
    else if (prev.title === null && title) prev.title = title;
    if (byUrl.size >= MAX_LINKS) break;
  }
  return [...byUrl.values()];
}
