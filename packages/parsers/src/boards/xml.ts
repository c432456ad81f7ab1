/**
 * A tiny XML reader for board feeds (Personio XML, Teamtailor RSS) on htmlparser2 in `xmlMode`:
 * elements become plain `{ name, text, children }` nodes that zod schemas can then check.
 * Namespace prefixes are kept in `name` and ignored by the lookups (`tt:department` matches `department`).
 * @module
 */
import type { AnyNode, Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { DepthCappedHandler } from '../html/dom.js';

/** One XML element. `text` is its whole text content (CDATA included), trimmed. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/**
 * Elements deeper than this below the root are not nodes of their own: their text counts in
 * their ancestor at this depth. Feeds and sitemaps nest 3 to 6 levels; the cap bounds the work
 * (each character of text is copied into at most this many `text` fields) and the tree's depth.
 */
const MAX_XML_DEPTH = 32;

/** Text of a subtree in document order (CDATA included, comments not), iteratively. */
function flatText(top: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [top];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join('');
}

const isElementNode = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/**
 * The element as an {@link XmlNode}, iteratively (a 100k-deep feed cannot overflow the stack),
 * each node's text built from its children's untrimmed text instead of re-walking its subtree
 * (which was quadratic in the depth).
 */
function convert(top: Element): XmlNode {
  interface Frame {
    el: Element;
    node: XmlNode;
    parts: string[];
    next: number;
  }
  const frame = (el: Element): Frame => ({
    el,
    node: { name: el.name, attrs: { ...el.attribs }, text: '', children: [] },
    parts: [],
    next: 0,
  });
  const stack: Frame[] = [frame(top)];
  for (;;) {
    const f = stack[stack.length - 1]!;
    if (f.next < f.el.children.length) {
      const child = f.el.children[f.next++]!;
      if (child.type === 'text') f.parts.push((child as unknown as { data: string }).data);
      else if (isElementNode(child) && stack.length < MAX_XML_DEPTH) {
        const c = frame(child);
        f.node.children.push(c.node);
        stack.push(c);
      } else if ('children' in child) f.parts.push(flatText(child));
      continue;
    }
    stack.pop();
    const raw = f.parts.join('');
    f.node.text = raw.trim();
    const parent = stack[stack.length - 1];
    if (parent === undefined) return f.node;
    parent.parts.push(raw);
  }
}

/**
 * Nesting past which the rest of a document is not read. htmlparser2 keeps its open elements
 * with `unshift`, so each open tag costs O(depth): 100k unclosed elements took ~1 s and 400k
 * ~40 s before this cap (feeds nest under 10 deep).
 */
const MAX_PARSE_DEPTH = 256;

/**
 * Parse XML into its root element, or `null` when there is none. Entities are the five XML
 * ones and character references only (no DTD is read, so no entity expansion bomb).
 */
export function parseXml(xml: string): XmlNode | null {
  const options = { xmlMode: true, decodeEntities: true, recognizeCDATA: true };
  const handler = new DepthCappedHandler(MAX_PARSE_DEPTH, options);
  new Parser(handler, options).end(xml);
  const root = handler.root.children.find((n): n is Element => n.type === 'tag');
  return root ? convert(root) : null;
}

/** Direct children named `name` (prefix-insensitive). */
export function kids(node: XmlNode | null | undefined, name: string): XmlNode[] {
  const want = local(name);
  return node?.children.filter((c) => local(c.name) === want) ?? [];
}

/** Text of the first direct child named `name`, or `undefined` when absent or empty. */
export function textOf(node: XmlNode | null | undefined, name: string): string | undefined {
  const t = kids(node, name)[0]?.text;
  return t ? t : undefined;
}

/** All descendants named `name`, depth first. */
export function descendants(node: XmlNode | null | undefined, name: string): XmlNode[] {
  const want = local(name);
  const out: XmlNode[] = [];
  const stack = node ? [...node.children].reverse() : [];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (local(n.name) === want) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
