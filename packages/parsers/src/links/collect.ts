/**
 * One streaming pass over a listing page: every anchor with its text and where it sits (site
 * chrome, a pagination control, its structural signature for spotting repeated result cards),
 * `<link rel=next>`, `<base href>`, JSON-LD blocks and the page's title and first heading.
 * Internal to `links/`.
 * @module
 */
import type { AnyNode } from 'domhandler';
import { Parser } from 'htmlparser2';
import { replayDom } from '../html/dom-scan.js';
import { SCAN_LIMITS } from '../html/scan.js';

/** An anchor as found on the page. */
export interface CollectedAnchor {
  href: string;
  /** Visible text, else `aria-label`/`title`. */
  text: string;
  /** `aria-label` or `title`, when present. */
  label: string;
  rel: string;
  /** The anchor's own class and id (lower-case), for "next" controls. */
  hook: string;
  /** Inside navigation, a footer, a sidebar or the page header. */
  inChrome: boolean;
  /** Inside a pagination control. */
  inPager: boolean;
  /** Inside a table's header (`th`, `thead`): column titles and sort links, never a posting. */
  inHead: boolean;
  /** File name of the first image inside the link (`arrow_right.gif`), lower-case; `''` when none. */
  img: string;
  /** Tag/class path of the nearest ancestors: result cards of one list share it. */
  signature: string;
  /** Document order. */
  index: number;
}

export interface CollectedPage {
  anchors: CollectedAnchor[];
  jsonLd: string[];
  baseHref: string | null;
  /** `<link rel="next" href>` (or `<a rel="next">` seen first). */
  relNext: string | null;
  title: string;
  /** Text of the first `h1`. */
  heading: string;
  /** "Page 2 of 2" (`Seite 2 von 5`, `Página 1 de 3`) as the page states it, outside links. */
  pageOf: { current: number; total: number } | null;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Anchors kept per page at most; a listing with more is paged anyway. */
const MAX_ANCHORS = 20_000;
/** Ancestors in an anchor's structural signature. */
const SIGNATURE_DEPTH = 4;

const CHROME_TAGS = new Set(['nav', 'footer', 'aside']);
const HEADING = /^h[1-6]$/;
/** "Page 2 of 3" in the languages we read. */
const PAGE_OF =
  /(?:^|[^\p{L}])(?:page|seite|página|pagina|pagine|strona|страница|sida|side|sivu)\s{1,5}(\d{1,4})\s{1,5}(?:of|von|de|di|sur|z|из|av|af|\/)\s{1,5}(\d{1,4})(?!\d)/iu;
/** Script-driven rows and cards (`<tr onclick="location.href='Detail.aspx?id=7'">`, `data-href`). */
const ONCLICK_URL = /(?:location(?:\.href)?\s*=|window\.open\(|navigate\()\s*['"]([^'"]{1,500})['"]/;
const DATA_URL_ATTRS = ['data-href', 'data-url', 'data-link', 'data-job-url', 'data-detail-url'] as const;
const CHROME_ROLES = /^(?:navigation|contentinfo|banner|menubar|menu|search)$/i;
const CHROME_HOOK =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|megamenu|header|footer|breadcrumbs?|sidebar|cookie|consent|social|share|skip)(?:$|[\s_-])/i;
/**
 * Run-together hooks of side navigation ("subnavwrapper", "sideNav", "leftnav_links"), starting a
 * class or id: a layout modifier on a page wrapper ("asubnav", "has-subnav") is not one.
 */
const CHROME_COMPOUND =
  /(?:^|[\s_])(?:sub|side|left|right|local|secondary|utility|util)[-_]?nav(?:$|[\s_-]|wrap|bar|igation|list|menu|links|items)/i;
const PAGER_HOOK = /pagina|pager|paging|page-nav|pagenav|page-numbers|pages-list|seitennavigation|blättern|страниц|分页|翻页|ページ送り/i;

interface Open {
  name: string;
  chrome: boolean;
  pager: boolean;
  head: boolean;
  token: string;
}

/** First class name without digits (hashed or numbered classes differ between equal cards). */
function tokenOf(name: string, attribs: Record<string, string>): string {
  const cls = (attribs.class ?? '').split(/\s+/).find((c) => c && !/\d/.test(c)) ?? '';
  return cls ? `${name}.${cls}` : name;
}

/** The file part of an image URL, with its query (`image?img=…/arrowNext`), lower-case and capped. */
function imageName(src: string): string {
  const s = src.slice(0, 500);
  const q = s.indexOf('?');
  const path = q < 0 ? s : s.slice(0, q);
  return (path.slice(path.lastIndexOf('/') + 1) + (q < 0 ? '' : s.slice(q))).toLowerCase().slice(0, 200);
}

/** The first non-empty text piece of a row (its title cell), not the whole row. */
function firstLine(parts: string[]): string {
  for (const p of parts) {
    const t = p.replace(/\s+/g, ' ').trim();
    if (t.length >= 2 && !/^[\d\s.,:#/()-]+$/.test(t)) return t.slice(0, 200);
  }
  return '';
}

/**
 * Stream `html` once (or walk an already parsed DOM the same way, see `replayDom`) and collect
 * what link extraction needs. Linear; nesting capped like the page scan.
 */
export function collectPage(html: string | AnyNode): CollectedPage {
  let stopped = false;
  const anchors: CollectedAnchor[] = [];
  const jsonLd: string[] = [];
  const stack: Open[] = [];
  let baseHref: string | null = null;
  let relNext: string | null = null;
  let chromeDepth = 0;
  let pagerDepth = 0;
  let headDepth = 0;
  let pageOf: CollectedPage['pageOf'] = null;
  let inJsonLd = false;
  let jsonParts: string[] = [];
  let jsonLen = 0;
  let jsonTotal = 0;
  let inTitle = false;
  const titleParts: string[] = [];
  let inH1 = 0;
  let h1Done = false;
  const h1Parts: string[] = [];
  /** Open anchors; `head` collects the text of a heading inside one (a card's title). */
  const open: Array<{ a: Omit<CollectedAnchor, 'text'>; parts: string[]; len: number; head: string[]; inHead: number }> = [];
  /** The text a link stands for: its heading when it wraps a whole card, else all its text. */
  const textOf = (o: { a: Omit<CollectedAnchor, 'text'>; parts: string[]; head: string[] }) =>
    o.head.join(' ').replace(/\s+/g, ' ').trim() || o.parts.join(' ').trim() || o.a.label;
  /** Elements that link by script, with the stack depth they close at. */
  const pseudo: Array<{ a: Omit<CollectedAnchor, 'text'>; parts: string[]; len: number; depth: number }> = [];

  const signature = (self: string) => {
    const parts = [self];
    for (let i = stack.length - 1; i >= 0 && parts.length <= SIGNATURE_DEPTH; i--) parts.push(stack[i]!.token);
    return parts.join('<');
  };

  const handler = {
    onopentag(name: string, attribs: Record<string, string>) {
      const isVoid = VOID.has(name);
      if (!isVoid && stack.length + 1 > SCAN_LIMITS.maxDepth) {
        stopped = true;
        parser?.pause();
        return;
      }
      if (HEADING.test(name) && open.length > 0) {
        const top = open[open.length - 1]!;
        // The first heading only: a card's title, not a second heading further down it.
        if (top.head.length === 0) top.inHead++;
      }
      if (name === 'a' || name === 'area') {
        if (attribs.href !== undefined && anchors.length + open.length < MAX_ANCHORS) {
          const label = attribs['aria-label'] ?? attribs.title ?? '';
          const a = {
            href: attribs.href,
            label,
            rel: (attribs.rel ?? '').toLowerCase(),
            hook: `${attribs.class ?? ''} ${attribs.id ?? ''} ${attribs['data-testid'] ?? ''} ${attribs['data-at'] ?? ''}${attribs['aria-current'] !== undefined && attribs['aria-current'] !== 'false' ? ' current' : ''}`.toLowerCase(),
            inChrome: chromeDepth > 0,
            inPager: pagerDepth > 0 || PAGER_HOOK.test(attribs.class ?? ''),
            inHead: headDepth > 0,
            img: '',
            signature: signature(tokenOf(name, attribs)),
            index: anchors.length + open.length,
          };
          if (relNext === null && /(?:^|\s)next(?:\s|$)/.test(a.rel)) relNext = attribs.href;
          if (name === 'area') anchors.push({ ...a, text: label });
          else open.push({ a, parts: [], len: 0, head: [], inHead: 0 });
        }
      } else if (name === 'img' && open.length > 0) {
        // An image-only link (a "next" arrow, a logo) is named by its alt text.
        const top = open[open.length - 1]!;
        if (!top.a.label && attribs.alt) top.a.label = attribs.alt.slice(0, 200);
        if (!top.a.img && attribs.src) top.a.img = imageName(attribs.src);
      } else if (name === 'link') {
        if (relNext === null && attribs.href && /(?:^|\s)next(?:\s|$)/i.test(attribs.rel ?? '')) relNext = attribs.href;
      } else if (name === 'script' && /^application\/ld\+json/i.test((attribs.type ?? '').trim())) {
        inJsonLd = true;
        jsonParts = [];
        jsonLen = 0;
      } else if (name === 'base' && baseHref === null && attribs.href) {
        baseHref = attribs.href;
      } else if (name === 'title' && titleParts.length === 0) {
        inTitle = true;
      } else if (name === 'h1' && !h1Done) {
        inH1++;
      }
      if (isVoid) return;
      if (name !== 'a' && name !== 'area' && anchors.length + open.length + pseudo.length < MAX_ANCHORS) {
        let href: string | undefined;
        for (const k of DATA_URL_ATTRS) if (attribs[k]) href = attribs[k];
        if (!href && attribs.onclick) href = ONCLICK_URL.exec(attribs.onclick.slice(0, 1_000))?.[1];
        if (href) {
          pseudo.push({
            a: {
              href,
              label: attribs['aria-label'] ?? attribs.title ?? '',
              rel: '',
              hook: `${attribs.class ?? ''} ${attribs.id ?? ''}`.toLowerCase(),
              inChrome: chromeDepth > 0,
              inPager: pagerDepth > 0,
              inHead: headDepth > 0,
              img: '',
              signature: signature(tokenOf(name, attribs)),
              index: anchors.length + open.length + pseudo.length,
            },
            parts: [],
            len: 0,
            depth: stack.length + 1,
          });
        }
      }
      const hook = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
      // A page-level header (near the root) is chrome; a card's own <header> is not.
      const chrome =
        CHROME_TAGS.has(name) ||
        (name === 'header' && stack.length <= 3) ||
        CHROME_ROLES.test(attribs.role ?? '') ||
        ((CHROME_HOOK.test(hook) || CHROME_COMPOUND.test(hook)) && !/(?:job|result|vacanc|posting|listing)/i.test(hook));
      const pager = PAGER_HOOK.test(hook) || PAGER_HOOK.test(attribs['aria-label'] ?? '');
      const head = name === 'th' || name === 'thead';
      if (chrome) chromeDepth++;
      if (pager) pagerDepth++;
      if (head) headDepth++;
      stack.push({ name, chrome, pager, head, token: tokenOf(name, attribs) });
    },
    ontext(text: string) {
      if (inJsonLd) {
        jsonLen += text.length;
        if (jsonLen <= SCAN_LIMITS.maxJsonLdChars) jsonParts.push(text);
        return;
      }
      if (inTitle && titleParts.length < 50) titleParts.push(text);
      if (inH1 > 0 && h1Parts.length < 50) h1Parts.push(text);
      if (pageOf === null && open.length === 0 && text.length <= 300) {
        const m = PAGE_OF.exec(text);
        if (m) pageOf = { current: Number(m[1]), total: Number(m[2]) };
      }
      const top = open[open.length - 1];
      if (top && top.len < 500) {
        top.parts.push(text);
        top.len += text.length;
        if (top.inHead > 0) top.head.push(text);
      }
      const row = pseudo[pseudo.length - 1];
      if (row && row.len < 500) {
        row.parts.push(text);
        row.len += text.length;
      }
    },
    onclosetag(name: string) {
      if (HEADING.test(name) && open.length > 0 && open[open.length - 1]!.inHead > 0) open[open.length - 1]!.inHead--;
      if (name === 'a' && open.length > 0) {
        const o = open.pop()!;
        // Visible text names the posting best; aria-label/title only when the link has none.
        anchors.push({ ...o.a, text: textOf(o) });
      } else if (name === 'script' && inJsonLd) {
        inJsonLd = false;
        if (
          jsonLen <= SCAN_LIMITS.maxJsonLdChars &&
          jsonTotal + jsonLen <= SCAN_LIMITS.maxJsonLdTotalChars &&
          jsonLd.length < SCAN_LIMITS.maxJsonLdBlocks
        ) {
          jsonLd.push(jsonParts.join(''));
          jsonTotal += jsonLen;
        }
      } else if (name === 'title') {
        inTitle = false;
      } else if (name === 'h1' && inH1 > 0) {
        inH1--;
        if (inH1 === 0) h1Done = true;
      }
      if (VOID.has(name)) return;
      // A script-linked row ends with its element; its text is the posting's title when short.
      const row = pseudo[pseudo.length - 1];
      if (row && row.depth === stack.length) {
        pseudo.pop();
        anchors.push({ ...row.a, text: firstLine(row.parts) || row.a.label });
      }
      // htmlparser2 closes implied elements one by one, so the top of the stack is this tag.
      const top = stack.pop();
      if (top?.chrome) chromeDepth = Math.max(0, chromeDepth - 1);
      if (top?.pager) pagerDepth = Math.max(0, pagerDepth - 1);
      if (top?.head) headDepth = Math.max(0, headDepth - 1);
    },
  };
  let parser: Parser | undefined;
  if (typeof html === 'string') {
    parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
    parser.end(html);
  } else {
    replayDom(html, handler, () => stopped);
  }
  // Anchors still open when the nesting cap stopped the pass.
  for (const o of open) anchors.push({ ...o.a, text: textOf(o) });
  for (const { a, parts } of pseudo) anchors.push({ ...a, text: firstLine(parts) || a.label });
  anchors.sort((x, y) => x.index - y.index);
  const squash = (parts: string[]) => parts.join('').replace(/\s+/g, ' ').trim().slice(0, 300);
  return { anchors, jsonLd, baseHref, relNext, title: squash(titleParts), heading: squash(h1Parts), pageOf };
}
