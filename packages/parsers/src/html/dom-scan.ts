/**
 * Reading a DOM someone else parsed (a cheerio document, a Crawlee handler's `$`) as if it were
 * being tokenized: {@link replayDom} feeds the open/text/close events of a domhandler tree to the
 * same listeners the streaming passes use (page scan, ATS signals, link collection), so the DOM
 * path derives the very `PageScan`, `PageSignals` and anchors the string path does, without
 * serializing the page. {@link serializeBounded} writes at most a given number of characters of
 * markup for the few readers that scan raw HTML (apply links, shell markers, the first `h1`).
 * Iterative throughout: a 100k-deep tree cannot overflow the stack.
 * @module
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement } from './dom.js';

/** Events {@link replayDom} emits, named as htmlparser2 names them. */
export interface ReplayListener {
  onopentag?(name: string, attribs: Record<string, string>): void;
  ontext?(text: string): void;
  onclosetag?(name: string): void;
}

/** A node with children (root, element, CDATA), structurally. */
const childrenOf = (n: AnyNode): AnyNode[] | undefined => ('children' in n ? (n as { children: AnyNode[] }).children : undefined);

/**
 * Emit `root`'s elements and text in document order: `onopentag`, then its content, then
 * `onclosetag` (void elements open and close at once, as htmlparser2 reports them). Comments and
 * directives are skipped, CDATA sections read as their text. `stop()` is checked after every
 * open tag, so a listener can end the walk as `parser.pause()` ends a tokenizer pass.
 */
export function replayDom(root: AnyNode, listener: Required<ReplayListener>, stop: () => boolean = () => false): void {
  // A close marker is the element itself pushed a second time behind its children.
  const stack: Array<AnyNode | { close: string }> = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('close' in item) {
      listener.onclosetag(item.close);
      continue;
    }
    const n = item;
    if (n.type === 'text') {
      const data = (n as { data: string }).data;
      if (data !== '') listener.ontext(data);
      continue;
    }
    if (isElement(n)) {
      listener.onopentag(n.name, n.attribs);
      if (stop()) return;
      stack.push({ close: n.name });
      // parse5 keeps a <template>'s content in a fragment child, read like any other child.
      const kids = n.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
      continue;
    }
    if (n.type === 'comment' || n.type === 'directive') continue;
    const kids = childrenOf(n);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);
const escapeText = (s: string) =>
  s.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
const escapeAttr = (s: string) => s.replace(/[&"\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&nbsp;'));

/**
 * HTML for `root` as a browser would serialize it, cut at `maxChars`: the bounded stand-in for
 * the page source that regex readers (apply links, shell markers) scan within the same cap.
 * Linear; never more than `maxChars` plus one token.
 */
export function serializeBounded(root: AnyNode, maxChars: number): string {
  const out: string[] = [];
  let len = 0;
  const push = (s: string) => {
    out.push(s);
    len += s.length;
  };
  let rawDepth = 0;
  replayDom(
    root,
    {
      onopentag(name, attribs) {
        let tag = `<${name}`;
        for (const key in attribs) tag += ` ${key}="${escapeAttr(attribs[key] ?? '')}"`;
        push(`${tag}>`);
        if (RAW_TEXT.has(name)) rawDepth++;
      },
      ontext(text) {
        push(rawDepth > 0 ? text : escapeText(text));
      },
      onclosetag(name) {
        if (RAW_TEXT.has(name)) rawDepth = Math.max(0, rawDepth - 1);
        if (!VOID.has(name)) push(`</${name}>`);
      },
    },
    () => len >= maxChars,
  );
  const html = out.join('');
  return html.length > maxChars ? html.slice(0, maxChars) : html;
}

/** The first element named `name` below `root` in document order, iteratively. */
export function firstElement(root: AnyNode, name: string): Element | undefined {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isElement(n) && n.name === name) return n;
    const kids = childrenOf(n);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return undefined;
}

/**
 * Occurrences of `needle` in the page's text, comments and attribute values (entities decoded,
 * as the DOM holds them): the DOM's answer to "how often does the page source say this".
 */
export function countInDom(root: AnyNode, needle: string, cap = 1_000): number {
  if (needle === '') return 0;
  let n = 0;
  const count = (hay: string) => {
    for (let i = hay.indexOf(needle); i >= 0 && n < cap; i = hay.indexOf(needle, i + needle.length)) n++;
  };
  const stack: AnyNode[] = [root];
  while (stack.length > 0 && n < cap) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'comment') {
      count((node as { data: string }).data);
      continue;
    }
    if (isElement(node)) for (const key in node.attribs) count(node.attribs[key] ?? '');
    const kids = childrenOf(node);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return n;
}
