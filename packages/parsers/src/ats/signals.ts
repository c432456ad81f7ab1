/**
 * One streaming pass over a page with htmlparser2's `Parser` (no DOM) that keeps only what ATS
 * detection needs: script/iframe/link/form URLs, metas, capped inline scripts and `id`/`data-*`
 * attributes. Every list and byte count is capped so hostile input stays cheap.
 * @module
 */
import { JobkitError } from '@jobkit/core';
import type { AnyNode } from 'domhandler';
import { type Handler, Parser } from 'htmlparser2';
import { replayDom } from '../html/dom-scan.js';
import type { AttributeSignal, LinkTagSignal, MetaSignal, PageSignals } from './types.js';

/** Limits for `collectPageSignals`. */
export interface CollectPageSignalsOptions {
  /**
   * Characters of HTML parsed; the rest is ignored and `truncated` set. ATS markers sit in the
   * head or first screens, so a cap costs little recall and bounds hostile 10 MB pages.
   * @default 4_000_000
   */
  maxChars?: number;
  /**
   * Distinct URLs kept per kind (scripts, iframes, anchors, link tags, forms).
   * @default 1000
   */
  maxUrlsPerKind?: number;
  /**
   * Characters kept from one inline script.
   * @default 65_536
   */
  maxInlineScriptChars?: number;
  /**
   * Characters kept from all inline scripts together.
   * @default 524_288
   */
  maxInlineTotalChars?: number;
  /**
   * `id` / `data-*` attributes and metas kept.
   * @default 1000
   */
  maxAttributes?: number;
  /**
   * Extra listener fed the same parse events, so `parseJobPage` can read JSON-LD and microdata
   * in this one pass instead of tokenizing the page twice.
   */
  observer?: {
    onopentag?(name: string, attribs: Record<string, string>): void;
    ontext?(text: string): void;
    onclosetag?(name: string): void;
  };
  /**
   * Further listeners for every parser event (e.g. a DOM builder), called after `observer`.
   * Only the events they define are forwarded.
   */
  listeners?: ReadonlyArray<Partial<Handler>>;
  /**
   * Drop an `<a>`/`<area>` href before it is resolved: return `true` for links the caller will
   * discard anyway (same-site navigation), which saves a URL parse per link.
   */
  skipAnchor?(raw: string, base: URL): boolean;
}

const MAX_URL_CHARS = 2048;
/** Browsers and jsoup cap nesting near 512; beyond that only the innermost elements matter to us. */
const MAX_DEPTH = 512;

/**
 * htmlparser2 10 keeps open elements in an array it `unshift`s on every open tag, so 100k
 * unclosed `<div>`s cost O(n²) (≈13 s measured). We only need the innermost elements (a
 * `<script>` closing), so we drop the outermost ones past `MAX_DEPTH`. Touches private fields;
 * if a future version renames them this silently becomes a no-op.
 */
function capDepth(parser: Parser): void {
  const internals = parser as unknown as { stack?: unknown; foreignContext?: unknown };
  if (Array.isArray(internals.stack) && internals.stack.length > MAX_DEPTH) internals.stack.length = MAX_DEPTH;
  if (Array.isArray(internals.foreignContext) && internals.foreignContext.length > MAX_DEPTH) {
    internals.foreignContext.length = MAX_DEPTH;
  }
}
const MAX_ATTR_VALUE_CHARS = 512;

/**
 * Collect detection signals from `html` in one pass.
 * @param html The page source.
 * @param baseUrl Absolute http(s) URL the page came from; relative URLs resolve against it.
 * @throws JobkitError `INVALID_ARGUMENT` when `html` is not a string or `baseUrl` is not absolute http(s).
 */
export function collectPageSignals(html: string, baseUrl: string, options: CollectPageSignalsOptions = {}): PageSignals {
  if (typeof html !== 'string') {
    throw new JobkitError('INVALID_ARGUMENT', '[parsers/ats] collectPageSignals: html must be a string');
  }
  return collectFrom(html, baseUrl, options);
}

/**
 * {@link collectPageSignals} over a DOM already parsed (a cheerio document): the tree is walked
 * with the same listeners, so a page yields the same signals either way. `maxChars` does not apply.
 * @throws JobkitError `INVALID_ARGUMENT` when `baseUrl` is not absolute http(s).
 */
export function collectPageSignalsFromDom(root: AnyNode, baseUrl: string, options: CollectPageSignalsOptions = {}): PageSignals {
  return collectFrom(root, baseUrl, options);
}

function collectFrom(source: string | AnyNode, baseUrl: string, options: CollectPageSignalsOptions): PageSignals {
  const html = typeof source === 'string' ? source : '';
  let base = parseHttpUrl(baseUrl);
  if (base === null) {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[parsers/ats] collectPageSignals: baseUrl must be an absolute http(s) URL, got ${describe(baseUrl)}`,
    );
  }
  const maxChars = options.maxChars ?? 4_000_000;
  const maxUrls = options.maxUrlsPerKind ?? 1000;
  const maxInline = options.maxInlineScriptChars ?? 65_536;
  const maxInlineTotal = options.maxInlineTotalChars ?? 524_288;
  const maxAttrs = options.maxAttributes ?? 1000;

  const out: PageSignals = {
    baseUrl: base.href,
    scripts: [],
    iframes: [],
    anchors: [],
    linkTags: [],
    forms: [],
    metas: [],
    inlineScripts: [],
    attributes: [],
    truncated: typeof source === 'string' && html.length > maxChars,
  };
  const seen = {
    scripts: new Set<string>(),
    iframes: new Set<string>(),
    anchors: new Set<string>(),
    linkTags: new Set<string>(),
    forms: new Set<string>(),
  };
  let baseSeen = false;
  let inlineTotal = 0;
  // Inline script being read; null when not inside a src-less <script>.
  let inline: string[] | null = null;
  let inlineLen = 0;

  const resolve = (raw: string | undefined): string | null => {
    if (raw === undefined) return null;
    const v = raw.trim();
    if (v === '' || v.length > MAX_URL_CHARS || v.startsWith('#')) return null;
    if (/^(?:javascript|mailto|tel|data|blob|about):/i.test(v)) return null;
    try {
      const u = new URL(v, base!);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  };
  const addUrl = (kind: keyof typeof seen, raw: string | undefined): void => {
    const href = resolve(raw);
    if (href === null || seen[kind].has(href)) return;
    if (seen[kind].size >= maxUrls) {
      out.truncated = true;
      return;
    }
    seen[kind].add(href);
    if (kind === 'linkTags') return; // stored with rel by the caller
    out[kind].push(href);
  };
  const addAttr = (attr: AttributeSignal): void => {
    if (out.attributes.length >= maxAttrs) {
      out.truncated = true;
      return;
    }
    out.attributes.push(attr);
  };

  const listeners = options.listeners ?? [];
  const each = <K extends keyof Handler>(event: K) => listeners.map((l) => l[event]).filter((f) => f !== undefined) as Array<Handler[K]>;
  const opens = each('onopentag');
  const texts = each('ontext');
  const closes = each('onclosetag');
  // Rare events (doctype, comments, CDATA, start and end) share one loop; a handler object
  // assembled by spreading measured ~2× slower per token, so every method is always present.
  const rare = listeners.length === 0 ? [] : listeners;

  const handler = {
    onparserinit(p: Parser) {
      for (const l of rare) l.onparserinit?.(p);
    },
    oncomment(data: string) {
      for (const l of rare) l.oncomment?.(data);
    },
    oncommentend() {
      for (const l of rare) l.oncommentend?.();
    },
    oncdatastart() {
      for (const l of rare) l.oncdatastart?.();
    },
    oncdataend() {
      for (const l of rare) l.oncdataend?.();
    },
    onprocessinginstruction(name: string, data: string) {
      for (const l of rare) l.onprocessinginstruction?.(name, data);
    },
    onend() {
      for (const l of rare) l.onend?.();
    },
    onopentagname() {
      if (parser) capDepth(parser);
    },
    onopentag(name: string, attribs: Record<string, string>, implied = false) {
      options.observer?.onopentag?.(name, attribs);
      for (const f of opens) f(name, attribs, implied);
      switch (name) {
        case 'base':
          // Only the first <base href> counts, as in browsers.
          if (!baseSeen && attribs.href !== undefined) {
            baseSeen = true;
            const b = resolve(attribs.href);
            if (b !== null) base = new URL(b);
          }
          break;
        case 'script':
          if (attribs.src !== undefined || attribs['data-src'] !== undefined) {
            addUrl('scripts', attribs.src ?? attribs['data-src']);
          } else {
            inline = [];
            inlineLen = 0;
          }
          break;
        case 'iframe':
        case 'frame':
        case 'embed':
          addUrl('iframes', attribs.src ?? attribs['data-src']);
          break;
        case 'a':
        case 'area':
          if (attribs.href !== undefined && options.skipAnchor?.(attribs.href, base!) === true) break;
          addUrl('anchors', attribs.href);
          break;
        case 'link': {
          const before = seen.linkTags.size;
          addUrl('linkTags', attribs.href);
          if (seen.linkTags.size > before) {
            const href = resolve(attribs.href)!;
            out.linkTags.push({ href, rel: (attribs.rel ?? '').toLowerCase().slice(0, 64) } satisfies LinkTagSignal);
          }
          break;
        }
        case 'form':
          addUrl('forms', attribs.action);
          break;
        case 'meta': {
          const key = attribs.name ?? attribs.property ?? attribs['http-equiv'] ?? attribs.itemprop;
          if (key !== undefined && attribs.content !== undefined) {
            if (out.metas.length >= maxAttrs) out.truncated = true;
            else
              out.metas.push({
                name: key.toLowerCase().slice(0, 128),
                content: attribs.content.slice(0, MAX_ATTR_VALUE_CHARS),
              } satisfies MetaSignal);
          }
          break;
        }
        default:
          break;
      }
      // id and data-* carry widget mounts such as <div id="grnhse_app"> or data-domain="acme.bamboohr.com".
      for (const key in attribs) {
        if (key === 'id' || key.startsWith('data-')) {
          const value = attribs[key] ?? '';
          if (value === '' && key === 'id') continue;
          addAttr({ tag: name, name: key.slice(0, 64), value: value.slice(0, MAX_ATTR_VALUE_CHARS) });
          if (out.attributes.length >= maxAttrs) break;
        }
      }
    },
    ontext(text: string) {
      options.observer?.ontext?.(text);
      for (const f of texts) f(text);
      if (inline === null) return;
      const room = Math.min(maxInline - inlineLen, maxInlineTotal - inlineTotal - inlineLen);
      if (room <= 0) {
        out.truncated = true;
        return;
      }
      const piece = text.length > room ? text.slice(0, room) : text;
      inline.push(piece);
      inlineLen += piece.length;
    },
    onclosetag(name: string, implied = false) {
      options.observer?.onclosetag?.(name);
      for (const f of closes) f(name, implied);
      if (name !== 'script' || inline === null) return;
      const body = inline.join('').trim();
      inline = null;
      if (body !== '') {
        out.inlineScripts.push(body);
        inlineTotal += body.length;
      }
    },
  } satisfies Partial<Handler>;
  let parser: Parser | undefined;
  if (typeof source === 'string') {
    parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
    parser.end(html.length > maxChars ? html.slice(0, maxChars) : html);
  } else {
    // A DOM has no parser events of its own: replay them, ending as a tokenizer pass ends.
    replayDom(source, handler);
    handler.onend();
  }
  return out;
}

/** Parse an absolute http(s) URL, or `null`. */
export function parseHttpUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Short, safe description of a bad argument for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  return value === null ? 'null' : typeof value;
}
