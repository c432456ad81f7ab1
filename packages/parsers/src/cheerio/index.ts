/**
 * `@jobkit/parsers/cheerio`: the parsers over a page the caller already loaded with cheerio
 * (a Crawlee `CheerioCrawler` handler's `$`, a scraper's `cheerio.load(html)`), or over any
 * domhandler `Document`/`Element`. The tree is read as it stands: no `$.html()`, no second parse.
 * Both cheerio modes work: the default (parse5) and htmlparser2 (`load(html, { xml: { xmlMode: false } })`).
 * Results equal the string functions' on the same markup; with parse5 they can differ where
 * parse5 repairs malformed markup differently from htmlparser2 (see docs/crawlee.md).
 *
 * cheerio itself is never imported (an optional peer): a `CheerioAPI` is recognised by its shape.
 * @example
 * import { parseJobPage, extractJobLinks } from '@jobkit/parsers/cheerio';
 * // inside a CheerioCrawler requestHandler({ request, $ })
 * const { job } = parseJobPage($, { url: request.loadedUrl ?? request.url });
 * const links = extractJobLinks($, { url: request.url });
 * @module @jobkit/parsers/cheerio
 */
import { type AtsMatch, invalidArgument, JobkitError, type ParsedJobPage, readArgument } from '@jobkit/core';
import type { AnyNode, Document, Element } from 'domhandler';
import { z } from 'zod';
import { type DetectAtsOptions, detectAtsFromSignals } from '../ats/detect.js';
import { collectPageSignalsFromDom } from '../ats/signals.js';
import { type ExtractJobLinksOptions, extractJobLinksFromDom, type JobLinks } from '../links/extract-job-links.js';
import { type ParseJobPageOptions, parseJobPageFromDom } from '../parse-job-page.js';

const WHERE = 'parsers/cheerio';

/**
 * The part of cheerio's `CheerioAPI` read here (structural, so no cheerio type leaks and any
 * cheerio 1.x copy fits): `$.root()` gives the loaded document.
 */
export interface CheerioLike {
  root(): { get(index: number): unknown };
}

/** A loaded page: a `CheerioAPI` (`$`), or a domhandler `Document` or `Element` (e.g. `$.root()[0]`, `$('main')[0]`). */
export type LoadedPage = CheerioLike | Document | Element;

const isNode = (v: unknown): v is AnyNode =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { type?: unknown }).type === 'string' &&
  Array.isArray((v as { children?: unknown }).children);

/**
 * Nodes a tree may hold. A page parsed within `parseJobPage`'s 12M-character cap has far fewer;
 * past this (~30 MB of typical markup) the tree is refused rather than walked (a `children` getter that invents nodes ends here).
 */
const MAX_DOM_NODES = 1_000_000;

const ELEMENT_TYPES = new Set(['tag', 'script', 'style']);

/** What is wrong with one node of a caller's tree, or `null` when the readers can walk it. */
function nodeProblem(node: unknown, children: unknown): string | null {
  if (typeof node !== 'object' || node === null)
    return `a child is ${node === null ? 'null' : typeof node} (a hole or a non-node in a children array)`;
  const { type } = node as { type?: unknown };
  if (typeof type !== 'string') return 'a node has no string type';
  if (type === 'text' || type === 'comment') {
    return typeof (node as { data?: unknown }).data === 'string' ? null : `a ${type} node's data is not a string`;
  }
  if (ELEMENT_TYPES.has(type)) {
    const { name, attribs } = node as { name?: unknown; attribs?: unknown };
    if (typeof name !== 'string') return 'an element has no string name';
    if (typeof attribs !== 'object' || attribs === null) return `<${name.slice(0, 40)}> has no attribs object`;
    for (const key in attribs) {
      if (typeof (attribs as Record<string, unknown>)[key] !== 'string')
        return `attribute ${JSON.stringify(key.slice(0, 40))} of <${name.slice(0, 40)}> is not a string`;
    }
  }
  if (children !== undefined && !Array.isArray(children)) return `a ${type} node's children is not an array`;
  if (children === undefined && (type === 'root' || type === 'cdata' || ELEMENT_TYPES.has(type)))
    return `a ${type} node has no children array`;
  return null;
}

/**
 * Check once, iteratively, that the caller's tree is one every reader can walk: a finite tree (no
 * node reached twice, so no cycle and no shared child), at most {@link MAX_DOM_NODES} nodes, and
 * well-formed nodes (string names, data and attribute values; children arrays without holes).
 * Every later walk then ends. A getter that throws while the tree is read becomes the cause of
 * an `INVALID_ARGUMENT` instead of escaping as whatever it threw.
 */
function checkTree(root: AnyNode, fn: string): AnyNode {
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  try {
    while (stack.length > 0) {
      const node = stack.pop();
      // Each field is read once: a getter may answer differently on every read.
      const kids = typeof node === 'object' && node !== null ? (node as { children?: unknown }).children : undefined;
      const problem = nodeProblem(node, kids);
      if (problem !== null) throw invalidArgument(WHERE, `${fn}: not a well-formed DOM: ${problem}`);
      if (seen.has(node))
        throw invalidArgument(WHERE, `${fn}: not a tree: a node is reached twice (a cycle or a node shared by two parents)`);
      seen.add(node);
      if (seen.size > MAX_DOM_NODES)
        throw invalidArgument(WHERE, `${fn}: the tree has more than ${MAX_DOM_NODES.toLocaleString('en-US')} nodes`);
      if (Array.isArray(kids)) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  } catch (error) {
    if (error instanceof JobkitError) throw error;
    throw invalidArgument(WHERE, `${fn}: reading the tree threw: ${error instanceof Error ? error.message : String(error)}`, error);
  }
  return root;
}

/** The domhandler node behind `input` (checked by {@link checkTree}), or an `INVALID_ARGUMENT` naming what was passed. */
function rootOf(input: unknown, fn: string): AnyNode {
  let root: AnyNode | undefined;
  try {
    if (typeof input === 'function' && typeof (input as { root?: unknown }).root === 'function') {
      const top = (input as unknown as CheerioLike).root().get(0);
      if (isNode(top)) root = top;
    } else if (isNode(input) && ['root', 'tag', 'script', 'style'].includes(input.type)) {
      root = input;
    }
  } catch (error) {
    throw invalidArgument(
      WHERE,
      `${fn}: reading the loaded document threw: ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
  if (root !== undefined) return checkTree(root, fn);
  const got =
    input === null ? 'null' : typeof input === 'string' ? 'a string (use parseJobPage from @jobkit/parsers for HTML text)' : typeof input;
  throw invalidArgument(WHERE, `${fn}: expected a loaded cheerio document ($) or a domhandler Document/Element, got ${got}`);
}

/**
 * Parse one job page from a loaded cheerio document (or domhandler node). Same result and
 * contract as `parseJobPage` in `@jobkit/parsers`: `job` is `null` with the reason when the
 * page is not one posting; never throws for bad pages.
 * @throws JobkitError `INVALID_ARGUMENT` when `$` is not a cheerio document or domhandler node, or `options.url` is not an absolute http(s) URL.
 */
export function parseJobPage($: LoadedPage, options: ParseJobPageOptions): ParsedJobPage {
  return parseJobPageFromDom(rootOf($, 'parseJobPage'), options);
}

/**
 * The job-posting links of a loaded listing page, with the list's next page as `nextPage`: the
 * same result as `extractJobLinks` in `@jobkit/parsers`.
 * @throws JobkitError `INVALID_ARGUMENT` when `$` is not a cheerio document or domhandler node, or `options.url` is not absolute http(s).
 */
export function extractJobLinks($: LoadedPage, options: ExtractJobLinksOptions): JobLinks {
  return extractJobLinksFromDom(rootOf($, 'extractJobLinks'), options);
}

const DetectInput = z.object({
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'must be an absolute http(s) URL'),
  $: z.unknown().optional(),
});

/**
 * The ATS behind a page from its URL and, when given, its loaded document: the same match as
 * `detectAts({ url, html })` in `@jobkit/parsers`.
 * @throws JobkitError `INVALID_ARGUMENT` when `url` is not absolute http(s) or `$` is not a cheerio document or domhandler node.
 */
export function detectAts(input: { url: string; $?: LoadedPage }, options: DetectAtsOptions = {}): AtsMatch | null {
  const [parsed, $] = readArgument(WHERE, 'the detectAts input', () => {
    const p = DetectInput.safeParse(input);
    return [p, p.success ? (input.$ as unknown) : undefined] as const;
  });
  if (!parsed.success) {
    throw invalidArgument(
      WHERE,
      `detectAts: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`).join('; ')}`,
      parsed.error,
    );
  }
  const { url } = parsed.data;
  const signals = $ !== undefined ? collectPageSignalsFromDom(rootOf($, 'detectAts'), url) : null;
  return detectAtsFromSignals(url, signals, options);
}

export type { DetectAtsOptions } from '../ats/detect.js';
export type { ExtractJobLinksOptions, JobLink, JobLinks } from '../links/extract-job-links.js';
export type { ParseJobPageOptions } from '../parse-job-page.js';
