/**
 * What every field extractor reads: the indexed DOM, the page scan, the site's brand and the
 * visible label–value pairs, built once per page; plus small DOM helpers they share.
 * @module
 */
import type { AnyNode, Document, Element } from 'domhandler';
import type { AtsDefinition } from '../ats/types.js';
import { isElement, textOf } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import type { PageScan } from '../html/scan.js';
import { indexPage, type PageIndex } from '../html/select.js';
import { isJobUrl } from '../links/job-url.js';
import { stripTrailingWord } from '../text-scan.js';
import { collectLabels, type LabelHits } from './labels.js';
import { foldKey, type SiteBrand, siteBrand } from './site.js';

/** Inputs of heuristic extraction. */
export interface HeuristicContext {
  url: string;
  now?: Date;
  scan: PageScan;
  /** ATS definitions whose page traits count (default: the built-ins). */
  platforms?: readonly AtsDefinition[];
}

/** One page, prepared for the field extractors. */
export interface Page {
  url: string;
  now?: Date;
  scan: PageScan;
  index: PageIndex;
  body: AnyNode;
  tags: (...names: string[]) => Element[];
  /** Primary language subtag from `<html lang>`, or guessed from the title's script. */
  lang: string | undefined;
  brand: SiteBrand;
  labels: LabelHits;
}

/** Tags whose content is page chrome or not rendered. */
export const NOISE = new Set([
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'select',
]);

/** Tags heuristics list by name; other elements with `role="button"` count as buttons. */
const INDEXED = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'a', 'button', 'input', 'time', 'img']);
const buttonAlias = (el: Element): string | undefined => (!INDEXED.has(el.name) && el.attribs.role === 'button' ? 'button' : undefined);

/** Script of a title → language, for pages without `<html lang>`. */
function guessLang(text: string): string | undefined {
  if (/[\u3040-\u30ff]/.test(text)) return 'ja';
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  if (/[\uac00-\ud7af]/.test(text)) return 'ko';
  if (/[\u0600-\u06ff]/.test(text)) return 'ar';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  if (/[\u0900-\u097f]/.test(text)) return 'hi';
  if (/[\u0e00-\u0e7f]/.test(text)) return 'th';
  return undefined;
}

/** Header logo and brand texts, and the footer's opening name: the site's own names. */
function ownNames(index: PageIndex, into: Set<string>): void {
  const add = (t: string | undefined) => {
    const k = t ? foldKey(stripTrailingWord(cleanInline(t), ['logo', 'logotipo', 'logotype'])) : '';
    if (k.length >= 2) into.add(k);
  };
  // One attribute lookup, then a short climb: descendant selectors would test every element.
  const inHeader = (el: Element) =>
    hasAncestor(el, (a) => a.name === 'header' || a.attribs.id === 'header' || /site-header/i.test(a.attribs.class ?? ''), 6);
  for (const el of selectAny(index, ['[class*="logo" i]', '[class*="brand" i]']).filter(inHeader).slice(0, 4)) {
    add(el.name === 'img' ? el.attribs.alt : textOf(el, 120).length < 100 ? textOf(el, 120) : undefined);
    for (const img of el.children) if (isElement(img) && img.name === 'img') add(img.attribs.alt);
  }
  const footer = index.tags('footer')[0];
  const first = footer ? cleanInline(textOf(footer, 300)).split(/ [·•|–—] | ?© ?(?:\d{4} ?)?/u)[0] : undefined;
  if (first && first.length <= 80) add(first);
}

export function preparePage(doc: Document, ctx: HeuristicContext): Page {
  const index = indexPage(doc, buttonAlias);
  const body: AnyNode = index.tags('body')[0] ?? doc;
  const brand = siteBrand(ctx.url, ctx.scan, ctx.platforms);
  ownNames(index, brand.ownNames);
  const lang = ctx.scan.lang
    ? ctx.scan.lang.toLowerCase().split(/[-_]/)[0]
    : guessLang(`${ctx.scan.title ?? ''} ${ctx.scan.meta.get('og:title') ?? ''}`);
  return {
    url: ctx.url,
    ...(ctx.now ? { now: ctx.now } : {}),
    scan: ctx.scan,
    index,
    body,
    tags: index.tags,
    lang: lang || undefined,
    brand,
    labels: collectLabels(body),
  };
}

/**
 * Elements matching any of `selectors`, selector by selector (the index answers one selector at
 * a time: it checks a comma list's tokens as if all were required), without duplicates.
 */
export function selectAny(index: PageIndex, selectors: readonly string[], limit = Infinity): Element[] {
  const out: Element[] = [];
  const seen = new Set<Element>();
  for (const sel of selectors) {
    if (out.length >= limit) break;
    for (const el of index.select(sel)) if (!seen.has(el)) seen.add(el), out.push(el);
  }
  return out;
}

export function hasAncestor(el: Element, test: (a: Element) => boolean, maxUp = 12): boolean {
  let p = el.parent;
  for (let i = 0; p && i < maxUp; i++, p = p.parent) if (isElement(p) && test(p)) return true;
  return false;
}

const CHROME_HINT =
  /(?:^|[\s_-])(?:nav|navbar|menu|footer|cookie|consent|gdpr|banner|breadcrumbs?|header-nav|topbar|site-header|notification|toast|modal|sidebar|right-rail|side-rail|related|similar|recommend|also-viewed)(?:$|[\s_-])/i;

/** Inside navigation, footer, aside, a cookie banner, notifications or a related-jobs block. */
export function inChrome(el: Element): boolean {
  return hasAncestor(
    el,
    (a) =>
      a.name === 'nav' ||
      a.name === 'footer' ||
      a.name === 'aside' ||
      CHROME_HINT.test(`${a.attribs.class ?? ''} ${a.attribs.id ?? ''} ${a.attribs.role ?? ''}`),
    10,
  );
}

const RAIL_HINT =
  /(?:^|[\s_-])(?:related|similar|recommend(?:ed|ations?)?|also-viewed|more-jobs|other-jobs|jobs-nearby|nearby-jobs|right-rail|side-rail|comments?)(?:$|[\s_-])/i;

/**
 * Inside navigation, a footer or a block of other postings ("similar jobs", "related",
 * "recommended"): their cards carry pay, places and employers that are not this posting's.
 * Narrower than {@link inChrome}: a `job-banner` or an `<aside>` summary box is the posting's own.
 */
function inRail(el: Element): boolean {
  return hasAncestor(
    el,
    (a) => a.name === 'nav' || a.name === 'footer' || RAIL_HINT.test(`${a.attribs.class ?? ''} ${a.attribs.id ?? ''}`),
    12,
  );
}

const CARD_HEADINGS = new Set(['h2', 'h3', 'h4', 'h5']);

/** True when `a` links to a job page other than `base`. */
function isJobLink(a: Element, base: string): boolean {
  if (a.name !== 'a' || !a.attribs.href || a.attribs.href.startsWith('#')) return false;
  try {
    const u = new URL(a.attribs.href, base);
    return u.href !== base && isJobUrl(u);
  } catch {
    return false;
  }
}

/** True when `el` holds, within two levels, a link to a job page other than `base`. */
function holdsJobLink(el: Element, base: string): boolean {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (isJobLink(c, base)) return true;
    for (const d of c.children) if (isElement(d) && isJobLink(d, base)) return true;
  }
  return false;
}

/**
 * A value inside a card whose heading links elsewhere ("<section><h2><a href=/jobs/7802>…</a></h2>
 * <table>給与 …</table></section>", or a card wrapped in a link to it): another posting of a "jobs
 * nearby" rail or a result list, not this posting's pay or dates. Looks at most eight levels up and at the
 * direct children of each.
 */
export function inLinkedCard(el: Element, base: string): boolean {
  let n: Element | null = el;
  for (let up = 0; up < 8 && n; up++) {
    const parent: Element | null = n.parent && isElement(n.parent) ? n.parent : null;
    if (!parent) return false;
    // The whole card is a link to the other posting.
    if (isJobLink(parent, base)) return true;
    for (const c of parent.children) if (c !== n && isElement(c) && CARD_HEADINGS.has(c.name) && holdsJobLink(c, base)) return true;
    n = parent;
  }
  return false;
}

/**
 * In page chrome or another posting's card: navigation, a footer, a rail of other postings
 * ({@link inRail}) or a card whose heading links to another posting ({@link inLinkedCard}). What a
 * field extractor skips when it picks a date, pay or place element outside the selectors.
 */
export function inOtherPosting(el: Element, base: string): boolean {
  return inRail(el) || inLinkedCard(el, base);
}

/** First text of `selectors` within length bounds, skipping navigation, footers and rails of other postings. */
export function firstText(page: Page, selectors: readonly string[], min = 2, max = 300): { text: string; el: Element } | undefined {
  for (const sel of selectors) {
    const nodes = page.index.select(sel);
    for (const el of nodes.slice(0, 5)) {
      if (inRail(el)) continue;
      const t = cleanInline(textOf(el, 2_000));
      if (t.length >= min && t.length <= max) return { text: t, el };
    }
  }
  return undefined;
}

/** Visible inline text of an element, capped. */
export const inline = (el: AnyNode, max = 1_000): string => cleanInline(textOf(el, max));
