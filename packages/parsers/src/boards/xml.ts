/**
 * A tiny XML reader for board feeds (Personio XML, Teamtailor RSS) on htmlparser2 in `xmlMode`:
 * elements become plain `{ name, text, children }` nodes that zod schemas can then check.
 * Namespace prefixes are kept in `name` and ignored by the lookups (`tt:department` matches `department`).
 * @module
 */
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** One XML element. `text` is its whole text content (CDATA included), trimmed. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

function convert(el: Element): XmlNode {
  const children: XmlNode[] = [];
  const text: string[] = [];
  const stack: AnyNode[] = [...el.children].reverse();
  for (const child of el.children) {
    if (child.type === 'tag' || child.type === 'script' || child.type === 'style') children.push(convert(child as Element));
  }
  // Text of the whole subtree, iteratively (feeds can nest deeply).
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') text.push((n as unknown as { data: string }).data);
    else if ('children' in n) stack.push(...[...(n as Element).children].reverse());
  }
  return { name: el.name, attrs: { ...el.attribs }, text: text.join('').trim(), children };
}

/** Parse XML into its root element, or `null` when there is none. */
export function parseXml(xml: string): XmlNode | null {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
  const root = doc.children.find((n): n is Element => n.type === 'tag');
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
    stack.push(...[...n.children].reverse());
  }
  return out;
}
