/**
 * The single streaming htmlparser2 pass every page gets: captures JSON-LD script text, notes
 * microdata and RDFa, reads the few head fields heuristics want, and forwards events to extra observers
 * (ATS signal collection) so a structured page never needs a DOM.
 * @module
 */
import { Parser } from 'htmlparser2';

/** Caps that keep hostile pages bounded; JSON.parse never sees more than these. */
export const SCAN_LIMITS = {
  /** JSON-LD blocks kept per page. */
  maxJsonLdBlocks: 32,
  /** Characters kept per JSON-LD block; longer blocks are dropped with a warning. */
  maxJsonLdChars: 2_000_000,
  /** Characters of JSON-LD kept per page in total. */
  maxJsonLdTotalChars: 6_000_000,
  /**
   * Element nesting at which the scan stops: htmlparser2 10 keeps its open-element stack with
   * `unshift`, so each open tag costs O(depth) and 100k-deep pages would take minutes.
   */
  maxDepth: 4_000,
} as const;

/** Extra listener fed the same events as the scan (e.g. ATS page-signal collection). */
export interface ScanObserver {
  onopentag?(name: string, attribs: Record<string, string>): void;
  ontext?(text: string): void;
  onclosetag?(name: string): void;
}

/** What one streaming pass learned about a page. */
export interface PageScan {
  /** Raw text of each `application/ld+json` script (within {@link SCAN_LIMITS}). */
  jsonLd: string[];
  /** An element carries `itemtype=…JobPosting`. */
  hasMicrodataJob: boolean;
  /** An element carries `typeof=…JobPosting` (RDFa). */
  hasRdfaJob: boolean;
  /** Deepest element nesting seen (hostile pages nest 100k deep; DOM walks must not follow). */
  maxDepth: number;
  /** `<title>` text, whitespace collapsed. */
  title: string | null;
  /** `<meta property|name>` → content, lower-cased keys (og:title, og:site_name, description…). */
  meta: Map<string, string>;
  /** `<link rel=canonical href>` as written. */
  canonical: string | null;
  /** `<base href>` as written. */
  baseHref: string | null;
  /** `<html lang>`. */
  lang: string | null;
  /** A password field exists (login pages). */
  hasPasswordInput: boolean;
  /** Characters of `html` actually parsed (less than its length when nesting hit the cap). */
  parsedChars: number;
  /** Reasons for dropped data (oversized or excess JSON-LD, nesting cap). */
  warnings: string[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

function isJsonLdType(type: string | undefined): boolean {
  if (!type) return false;
  const t = type.trim().toLowerCase();
  return t === 'application/ld+json' || t.startsWith('application/ld+json;');
}

/** A scan in progress: feed its observer the parse events of any htmlparser2 pass, then `finish`. */
export interface PageScanner {
  observer: Required<ScanObserver>;
  /** True once nesting passed {@link SCAN_LIMITS.maxDepth}; later events are ignored. */
  readonly stopped: boolean;
  /** Where parsing stopped (or the input length) → the finished scan. */
  finish(parsedChars: number): PageScan;
}

/**
 * Build a scanner whose observer can ride along another htmlparser2 pass (e.g. ATS signal
 * collection), so a page is tokenized once. Parser options must be `decodeEntities`,
 * `lowerCaseTags` and `lowerCaseAttributeNames`.
 */
export function createPageScanner(): PageScanner {
  const scan: PageScan = {
    jsonLd: [],
    hasMicrodataJob: false,
    hasRdfaJob: false,
    maxDepth: 0,
    title: null,
    meta: new Map(),
    canonical: null,
    baseHref: null,
    lang: null,
    hasPasswordInput: false,
    parsedChars: 0,
    warnings: [],
  };
  let stopped = false;
  let depth = 0;
  let inJsonLd = false;
  let jsonLdParts: string[] = [];
  let jsonLdLen = 0;
  let jsonLdTotal = 0;
  let jsonLdDropped = 0;
  let inTitle = false;
  let titleParts: string[] | null = null;
  let inHead = true;

  const observer: Required<ScanObserver> = {
    onopentag(name, attribs) {
      if (stopped) return;
      if (!VOID.has(name)) {
        depth++;
        if (depth > scan.maxDepth) scan.maxDepth = depth;
        if (depth > SCAN_LIMITS.maxDepth) {
          stopped = true;
          scan.warnings.push(`elements nest deeper than ${SCAN_LIMITS.maxDepth}; the rest of the page was ignored`);
          return;
        }
      }
      switch (name) {
        case 'script':
          if (isJsonLdType(attribs.type)) {
            inJsonLd = true;
            jsonLdParts = [];
            jsonLdLen = 0;
          }
          break;
        case 'title':
          if (inHead && scan.title === null && titleParts === null) {
            inTitle = true;
            titleParts = [];
          }
          break;
        case 'meta': {
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
          if (key && attribs.content !== undefined && !scan.meta.has(key) && scan.meta.size < 200) {
            scan.meta.set(key, attribs.content);
          }
          break;
        }
        case 'link':
          if (scan.canonical === null && attribs.href && /(^|\s)canonical(\s|$)/i.test(attribs.rel ?? '')) {
            scan.canonical = attribs.href;
          }
          break;
        case 'base':
          if (scan.baseHref === null && attribs.href) scan.baseHref = attribs.href;
          break;
        case 'html':
          if (scan.lang === null && attribs.lang) scan.lang = attribs.lang;
          break;
        case 'body':
          inHead = false;
          break;
        case 'input':
          if ((attribs.type ?? '').toLowerCase() === 'password') scan.hasPasswordInput = true;
          break;
      }
      if (!scan.hasMicrodataJob && attribs.itemtype !== undefined && /JobPosting/i.test(attribs.itemtype)) {
        scan.hasMicrodataJob = true;
      }
      if (!scan.hasRdfaJob && attribs.typeof !== undefined && /JobPosting/i.test(attribs.typeof)) {
        scan.hasRdfaJob = true;
      }
    },
    ontext(text) {
      if (stopped) return;
      if (inJsonLd) {
        jsonLdLen += text.length;
        if (jsonLdLen <= SCAN_LIMITS.maxJsonLdChars) jsonLdParts.push(text);
      } else if (inTitle && titleParts !== null) {
        titleParts.push(text);
      }
    },
    onclosetag(name) {
      if (stopped) return;
      if (!VOID.has(name)) depth = Math.max(0, depth - 1);
      if (name === 'script' && inJsonLd) {
        inJsonLd = false;
        if (jsonLdLen > SCAN_LIMITS.maxJsonLdChars || jsonLdTotal + jsonLdLen > SCAN_LIMITS.maxJsonLdTotalChars) {
          scan.warnings.push(`JSON-LD block of ${jsonLdLen} characters skipped (over the size cap)`);
        } else if (scan.jsonLd.length >= SCAN_LIMITS.maxJsonLdBlocks) {
          jsonLdDropped++;
        } else {
          scan.jsonLd.push(jsonLdParts.join(''));
          jsonLdTotal += jsonLdLen;
        }
        jsonLdParts = [];
      } else if (name === 'title' && inTitle) {
        inTitle = false;
        scan.title = (titleParts ?? []).join('').replace(/\s+/g, ' ').trim() || null;
      } else if (name === 'head') {
        inHead = false;
      }
    },
  };
  return {
    observer,
    get stopped() {
      return stopped;
    },
    finish(parsedChars) {
      scan.parsedChars = parsedChars;
      if (jsonLdDropped > 0) scan.warnings.push(`${jsonLdDropped} JSON-LD blocks ignored (more than ${SCAN_LIMITS.maxJsonLdBlocks})`);
      return scan;
    },
  };
}

/**
 * Stream `html` once on its own parser. Never throws on malformed markup (htmlparser2 is
 * forgiving); stops at {@link SCAN_LIMITS.maxDepth} nesting so work stays near-linear.
 */
export function scanPage(html: string, observers: readonly ScanObserver[] = []): PageScan {
  const scanner = createPageScanner();
  let parsedChars = html.length;
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        scanner.observer.onopentag(name, attribs);
        if (scanner.stopped) {
          parsedChars = parser.startIndex;
          parser.pause();
          return;
        }
        for (const o of observers) o.onopentag?.(name, attribs);
      },
      ontext(text) {
        scanner.observer.ontext(text);
        for (const o of observers) o.ontext?.(text);
      },
      onclosetag(name) {
        scanner.observer.onclosetag(name);
        for (const o of observers) o.onclosetag?.(name);
      },
    },
    // Entities in script text stay raw (HTML does not decode them there either).
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return scanner.finish(parsedChars);
}
