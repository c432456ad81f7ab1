/**
 * DOM loading and safe traversal for the pages that need one (microdata, heuristics). Uses
 * htmlparser2's DOM directly (about 4× parse5's pages per second on 80 KB job pages; cheerio's
 * wrappers cost more than the queries they ran), and iterative walks so 100k-deep nesting
 * cannot overflow the stack.
 * @module
 */
import render from 'dom-serializer';
import type { AnyNode, Document, DomHandlerOptions, Element } from 'domhandler';
import { DomHandler, Parser } from 'htmlparser2';
import { SCAN_LIMITS } from './scan.js';

/** Parser options every DOM (and the streaming passes it may ride on) is built with. */
const DOM_PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } as const;

/**
 * A DOM handler that pauses its parser once elements nest deeper than `maxDepth`: htmlparser2 keeps
 * open elements with `unshift`, O(depth) per open tag, so a 200k-deep page took minutes to load.
 * Pages stop at the page scan's cap ({@link SCAN_LIMITS}`.maxDepth`, the scan ignores the same rest
 * of the page); XML feeds at their own (see `boards/xml.ts`).
 */
export class DepthCappedHandler extends DomHandler {
  private depth = 0;
  private tokenizer: Parser | null = null;
  constructor(
    private readonly maxDepth: number,
    options?: DomHandlerOptions,
  ) {
    super(undefined, options);
  }
  override onparserinit(parser: Parser): void {
    super.onparserinit(parser);
    this.tokenizer = parser;
  }
  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    if (++this.depth > this.maxDepth) this.tokenizer?.pause();
  }
  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

/** Parse `html` into an htmlparser2 DOM (never parse5), up to the scan's nesting cap. */
export function loadDom(html: string): Document {
  const handler = new DepthCappedHandler(SCAN_LIMITS.maxDepth);
  new Parser(handler, DOM_PARSER_OPTIONS).end(html);
  return handler.root;
}

/** Parser events a {@link DomBuilder} consumes; the same names htmlparser2 calls. */
interface DomEvents {
  onparserinit?(parser: Parser): void;
  onopentag?(name: string, attribs: Record<string, string>): void;
  ontext?(text: string): void;
  onclosetag?(name: string): void;
  oncomment?(data: string): void;
  oncommentend?(): void;
  oncdatastart?(): void;
  oncdataend?(): void;
  onprocessinginstruction?(name: string, data: string): void;
  onend?(): void;
}

/** A DOM built from another pass's parser events (see {@link createDomBuilder}). */
export interface DomBuilder {
  events: DomEvents;
  /** The document; complete once the pass called `onend`. */
  document(): Document;
}

/**
 * Build a DOM from the events of a parser that runs anyway (the ATS signal pass), so a page that
 * needs a DOM is tokenized once. With the same parser options this equals {@link loadDom}.
 */
export function createDomBuilder(): DomBuilder {
  const handler = new DomHandler();
  // Plain arrow wrappers in a plain object: bound methods, or a getter on the returned object,
  // measured 2× slower per token on V8 (Node 20).
  const events: DomEvents = {
    onparserinit: (parser) => handler.onparserinit(parser),
    onopentag: (name, attribs) => handler.onopentag(name, attribs),
    ontext: (text) => handler.ontext(text),
    onclosetag: () => handler.onclosetag(),
    oncomment: (data) => handler.oncomment(data),
    oncommentend: () => handler.oncommentend(),
    oncdatastart: () => handler.oncdatastart(),
    oncdataend: () => handler.oncdataend(),
    onprocessinginstruction: (name, data) => handler.onprocessinginstruction(name, data),
    onend: () => handler.onend(),
  };
  return { events, document: () => handler.root };
}

/** Inner HTML of `el`, serialized as cheerio's htmlparser2 mode did (entities encoded). */
export function innerHtmlOf(el: Element): string {
  return render(el.children, { xmlMode: false });
}

/** The next sibling that is an element, like jQuery's `.next()`. */
export function nextElement(el: Element): Element | undefined {
  for (let n = el.next; n; n = n.next) if (isElement(n)) return n;
  return undefined;
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object']);

/**
 * Text content without scripts/styles, iteratively; stops after `maxChars`. CR LF and lone CR read
 * as LF, as HTML's input preprocessing makes them (parse5 DOMs have them so already; htmlparser2
 * keeps them), so text is the same whichever parser built the tree.
 */
export function textOf(node: AnyNode, maxChars = 200_000): string {
  const parts: string[] = [];
  let len = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && len < maxChars) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      const raw = (n as { data: string }).data;
      const data = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
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
