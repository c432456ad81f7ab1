/**
 * DOM loading and safe traversal for the pages that need one (microdata, heuristics). Uses
 * htmlparser2's DOM (3–5× faster than parse5, see research/baselines.md) wrapped by cheerio,
 * and iterative walks so 100k-deep nesting cannot overflow the stack.
 * @module
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** Build a cheerio document on htmlparser2's DOM (never the default parse5 backend). */
export function loadDom(html: string): { $: CheerioAPI; doc: Document } {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  return { $: load(doc, { xml: { xmlMode: false } }), doc };
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object']);

/** Text content without scripts/styles, iteratively; stops after `maxChars`. */
export function textOf(node: AnyNode, maxChars = 200_000): string {
  const parts: string[] = [];
  let len = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && len < maxChars) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      const data = (n as { data: string }).data;
      parts.push(data);
      len += data.length;
    } else if (isElement(n)) {
      if (SKIP_TEXT.has(n.name)) continue;
      if (n.name === 'br' || n.name === 'p' || n.name === 'li' || n.name === 'div') parts.push(' ');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    } else if ('children' in n) {
      const children = (n as { children: AnyNode[] }).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return parts.join('');
}

/** Visit every element below `root` in document order, iteratively. Return `false` to skip children. */
export function walkElements(root: AnyNode, visit: (el: Element) => boolean | void, limit = 500_000): void {
  const stack: AnyNode[] = [root];
  let count = 0;
  while (stack.length > 0 && count < limit) {
    const n = stack.pop()!;
    let descend = true;
    if (isElement(n)) {
      count++;
      descend = visit(n) !== false;
    }
    if (descend && 'children' in n) {
      const children = (n as { children: AnyNode[] }).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}
