/**
 * `extractJobLinks`: the job-posting links on a career page, a job board's result page or a
 * government vacancy portal, absolute, canonical and de-duplicated, and the list's next page.
 * Links come from JSON-LD (`JobPosting.url`, `ItemList` entries), from anchors whose URL has a
 * posting's shape (ATS and board rules, job words in many languages), from a board's site-profile
 * listing selectors, and from repeated result cards (see `cards.ts`).
 * @module
 */
import { canonicalizeUrl, invalidArgument, readArgument } from '@jobkit/core';
import { selectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { z } from 'zod';
import { loadDom } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import { sitesForHost } from '../sites/registry.js';
import { flattenNodes, isObject, type JsonObject, readJsonLd, typesOf } from '../structured/json-ld.js';
import { cardLinks } from './cards.js';
import { type CollectedAnchor, type CollectedPage, collectPage } from './collect.js';
import { hostRuleVerdict, jobUrlStrength } from './job-url.js';
import { readsLikeSitePage } from './link-text.js';
import { findNextPage } from './next-page.js';

/** One job link found on a page. */
export interface JobLink {
  /** Canonical absolute URL (see `canonicalizeUrl`). */
  url: string;
  /** Link text or JSON-LD title, whitespace collapsed; `null` when the link has no text. */
  title: string | null;
}

/**
 * What {@link extractJobLinks} returns: the links (an array, as before) with the list's next
 * page as a non-enumerable `nextPage` property, so code written for a plain array keeps working.
 */
export type JobLinks = JobLink[] & {
  /** Absolute URL of the list's next page, or `null` when the page shows none. */
  readonly nextPage: string | null;
};

export interface ExtractJobLinksOptions {
  /** Absolute http(s) URL of the page, to resolve relative links against. */
  url: string;
}

const OptionsSchema = z.object({
  url: z
    .string()
    .url()
    .refine((u) => /^https?:/i.test(u), 'must be http(s)'),
});

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
  return resolveShaped(href, base)?.url ?? null;
}

/** {@link resolveCanonical} with how sure the URL's shape is (see `jobUrlStrength`). */
function resolveShaped(href: string, base: string): { url: string; weak: boolean } | null {
  const h = href.trim();
  if (!h || h.length > MAX_URL_CHARS || h.startsWith('#') || /^(mailto|tel|javascript|data|sms):/i.test(h)) return null;
  try {
    const u = new URL(h, base);
    const strength = jobUrlStrength(u);
    if (strength === null) return null;
    const url = canonicalizeUrl(u.toString());
    // Percent-encoding can lengthen a URL past the cap.
    return url.length > MAX_URL_CHARS ? null : { url, weak: strength === 'weak' };
  } catch {
    return null;
  }
}

const ASSET = /\.(?:png|jpe?g|gif|svg|webp|ico|css|js|mjs|json|xml|rss|pdf|docx?|zip|mp4|mp3|woff2?|ttf)$/i;
const NEVER_POSTING_HOST =
  /(^|\.)(?:facebook|twitter|x|instagram|youtube|tiktok|pinterest|whatsapp|wa|t|reddit|threads|google|apple|microsoft)\.(?:com|me|net)$/i;

/** Announcements government portals publish as documents (a vacancy notice PDF is the posting). */
const DOCUMENT = /\.(?:pdf|docx?)$/i;

/**
 * Absolute canonical URL of a link already known to be a posting (site selectors, result
 * cards); `documents` lets a card group of vacancy notices in PDF or Word through.
 */
function resolveKnown(href: string, base: string, documents = false): string | null {
  const h = href.trim();
  if (!h || h.length > MAX_URL_CHARS || h.startsWith('#') || /^(mailto|tel|javascript|data|sms):/i.test(h)) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if ((ASSET.test(u.pathname) && !(documents && DOCUMENT.test(u.pathname))) || NEVER_POSTING_HOST.test(u.hostname)) return null;
    // A host with a known job-URL shape decides for itself (Glassdoor's partner redirects are not postings).
    if (hostRuleVerdict(u) === false) return null;
    const url = canonicalizeUrl(u.toString());
    return url.length > MAX_URL_CHARS ? null : url;
  } catch {
    return null;
  }
}

/** Hrefs a board's site profile lists as its result links (a DOM is built only on such hosts). */
function siteListingHrefs(getDoc: () => AnyNode, pageUrl: string): RawLink[] {
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return [];
  }
  const selectors = sitesForHost(host).flatMap((s) => s.listing?.jobLinks ?? []);
  if (selectors.length === 0) return [];
  const doc = getDoc();
  for (const selector of selectors) {
    const at = / @([\w-]+)$/.exec(selector);
    const css = at ? selector.slice(0, at.index) : selector;
    let found: Element[];
    try {
      found = selectAll<AnyNode, Element>(css, doc);
    } catch {
      continue;
    }
    const links = found
      .map((el) => ({ href: el.attribs[at?.[1] ?? 'href'] ?? '', text: cleanInline(textOfShallow(el)) }))
      .filter((l) => l.href);
    if (links.length > 0) return links;
  }
  return [];
}

function textOfShallow(el: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [el];
  while (stack.length > 0 && parts.length < 200) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push((n as { data: string }).data);
    else if ('children' in n) {
      const kids = (n as { children: AnyNode[] }).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return parts.join(' ');
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
 * entries first, then the board's listing selectors, then anchors). Navigation, login, social,
 * category/search/paging links, employer pages, apply endpoints, `mailto:`, anchors and assets
 * are left out, as is the page itself. The list's next page is the returned array's
 * non-enumerable `nextPage` (`null` when the page shows none).
 * @example
 * const links = extractJobLinks(html, { url: 'https://www.stepstone.de/jobs/elektriker' });
 * links.map((l) => l.url); // posting URLs
 * links.nextPage;          // 'https://www.stepstone.de/jobs/elektriker?page=2' or null
 * Only the first 12,000,000 characters of `html` are read (as in `parseJobPage`), and links
 * longer than 2,048 characters are dropped.
 * @throws JobkitError `INVALID_ARGUMENT` when `html` is not a string or `url` is not absolute http(s).
 */
export function extractJobLinks(html: string, options: ExtractJobLinksOptions): JobLinks {
  if (typeof html !== 'string') throw invalidArgument('parsers/links', `html must be a string, got ${typeof html}`);
  const url = optionsUrl(options);
  const input = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  return linksOfPage(collectPage(input), () => loadDom(input), url);
}

/**
 * {@link extractJobLinks} over a DOM already parsed (a cheerio document): the same anchors,
 * JSON-LD and site selectors, read from the tree instead of a second parse.
 * @throws JobkitError `INVALID_ARGUMENT` when `url` is not absolute http(s).
 */
export function extractJobLinksFromDom(root: AnyNode, options: ExtractJobLinksOptions): JobLinks {
  return linksOfPage(collectPage(root), () => root, optionsUrl(options));
}

/** `options.url`, checked; a getter that throws while the options are read is `INVALID_ARGUMENT` too. */
function optionsUrl(options: ExtractJobLinksOptions): string {
  const parsed = readArgument('parsers/links', 'options', () => OptionsSchema.safeParse(options));
  if (!parsed.success) throw invalidArgument('parsers/links', `options.url must be an absolute http(s) URL`, parsed.error);
  return parsed.data.url;
}

function linksOfPage(page: CollectedPage, getDoc: () => AnyNode, pageUrl: string): JobLinks {
  let base = pageUrl;
  if (page.baseHref) {
    try {
      base = new URL(page.baseHref, pageUrl).toString();
    } catch {
      // A broken <base> is ignored, as browsers do.
    }
  }
  let self: string | null = null;
  let pageHost = '';
  try {
    self = canonicalizeUrl(pageUrl);
    pageHost = new URL(pageUrl).host;
  } catch {
    self = null;
  }
  const byUrl = new Map<string, JobLink>();
  const add = (url: string | null, text: string) => {
    if (!url || url === self || byUrl.size >= MAX_LINKS) return;
    const title = cleanInline(text).slice(0, 300) || null;
    const prev = byUrl.get(url);
    if (!prev) byUrl.set(url, { url, title });
    else if (prev.title === null && title) prev.title = title;
  };
  for (const link of jsonLdLinks(page.jsonLd)) add(resolveCanonical(link.href, base), link.text);
  for (const link of siteListingHrefs(getDoc, pageUrl)) add(resolveKnown(link.href, base), link.text);
  // Anchors in page order: a posting's URL shape, or a member of a group of result cards.
  // Hrefs repeat on real pages (title, image and "view" links of one card): resolve each once.
  const shapedByHref = new Map<string, { url: string; weak: boolean } | null>();
  const shaped_ = (href: string) => {
    let found = shapedByHref.get(href);
    if (found === undefined) shapedByHref.set(href, (found = resolveShaped(href, base)));
    return found;
  };
  // A word slug under a careers path (`/careers/total-rewards.aspx`) in the site's navigation,
  // sidebar or footer, or named like a site page ("Rewards & Benefits"), is one of the site's own
  // pages; elsewhere it counts as a posting.
  const shapedUrl = (a: CollectedAnchor) => {
    const found = shaped_(a.href);
    return found && !(found.weak && (a.inChrome || readsLikeSitePage(a.text))) ? found.url : null;
  };
  // Cards are grouped over every anchor: a list's URL-shaped members help find the rest of it.
  const shaped = page.anchors.filter((a) => !a.inPager && shapedUrl(a) !== null).length;
  const cards = new Set(
    cardLinks(
      page.anchors,
      `${page.title} ${page.heading}`,
      (href) => {
        const url = resolveKnown(href, base, true);
        return url ? new URL(url) : null;
      },
      pageHost,
      byUrl.size + shaped,
    ),
  );
  for (const a of page.anchors) {
    if (a.inPager) continue;
    add(shapedUrl(a) ?? (cards.has(a) ? resolveKnown(a.href, base, true) : null), a.text);
  }
  const links = [...byUrl.values()];
  const nextPage = findNextPage(page.anchors, page.relNext, base, pageUrl, page.pageOf);
  return Object.defineProperty(links, 'nextPage', { value: nextPage, enumerable: false }) as JobLinks;
}
