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
import { type AtsMatch, invalidArgument, type ParsedJobPage } from '@jobkit/core';
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

/** The domhandler node behind `input`, or an `INVALID_ARGUMENT` naming what was passed. */
function rootOf(input: unknown, fn: string): AnyNode {
  if (typeof input === 'function' && typeof (input as { root?: unknown }).root === 'function') {
    const root = (input as unknown as CheerioLike).root().get(0);
    if (isNode(root)) return root;
  } else if (isNode(input)) {
    const type = input.type;
    if (type === 'root' || type === 'tag' || type === 'script' || type === 'style') return input;
  }
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
  const parsed = DetectInput.safeParse(input);
  if (!parsed.success) {
    throw invalidArgument(
      WHERE,
      `detectAts: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`).join('; ')}`,
      parsed.error,
    );
  }
  const { url } = parsed.data;
  const signals = input.$ !== undefined ? collectPageSignalsFromDom(rootOf(input.$, 'detectAts'), url) : null;
  return detectAtsFromSignals(url, signals, options);
}

export type { DetectAtsOptions } from '../ats/detect.js';
export type { ExtractJobLinksOptions, JobLink, JobLinks } from '../links/extract-job-links.js';
export type { ParseJobPageOptions } from '../parse-job-page.js';
