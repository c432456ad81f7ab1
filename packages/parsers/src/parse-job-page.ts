/**
 * `parseJobPage`: one HTML page → one normalized job posting (or `null` with the reason). JSON-LD
 * first, microdata second, RDFa third, heuristics for the gaps; a DOM is built only when
 * microdata, RDFa or heuristics need one.
 * @module
 */
import {
  type AtsMatch,
  type AtsRef,
  finalizeJob,
  invalidArgument,
  type JobDraft,
  JobDraftSchema,
  JobkitError,
  type ParsedJobPage,
  readArgument,
} from '@jobkit/core';
import type { AnyNode, Document } from 'domhandler';
import { z } from 'zod';
import { detectAtsFromSignals } from './ats/detect.js';
import { collectPageSignals, collectPageSignalsFromDom } from './ats/signals.js';
import type { AtsDefinition, PageSignals } from './ats/types.js';
import { assessConfidence, firstH1 } from './confidence/index.js';
import { applyUrlFromHtml } from './heuristics/apply.js';
import { cleanTitle, extractHeuristics } from './heuristics/extract.js';
import { salaryFrom } from './heuristics/salary.js';
import { shellPlatform, shellWarning } from './heuristics/shell.js';
import { isBrand, type SiteBrand, siteBrand } from './heuristics/site.js';
import { workplaceInProse } from './heuristics/vocabulary.js';
import { createDomBuilder, type DomBuilder, loadDom } from './html/dom.js';
import { countInDom, firstElement, replayDom, serializeBounded } from './html/dom-scan.js';
import { cleanInline } from './html/sanitize.js';
import { createPageScanner, type PageScan, type PageScanner, scanPage } from './html/scan.js';
import { linksFromNodes, resolveCanonical } from './links/extract-job-links.js';
import { harmonizeLocations } from './normalize/location.js';
import { pageCountryHint } from './normalize/page-country.js';
import { readSite, siteForPage } from './sites/index.js';
import { employerDomain, registrableDomain } from './structured/domains.js';
import { fillGaps, type MergedFields } from './structured/fields.js';
import { flattenNodes, type JsonObject, jobPostingNodes, readJsonLd, withNodeCapReason } from './structured/json-ld.js';
import { readMicrodata } from './structured/microdata.js';
import { normalizeJobPosting } from './structured/normalize.js';
import { readRdfa } from './structured/rdfa.js';
import {
  type PageEvidence,
  placeNames,
  reconcileWithPage,
  stripTitleAppendix,
  structuredDoubts,
  visibleFields,
} from './structured/reconcile.js';

const WHERE = 'parsers/parse-job-page';

/** Options for {@link parseJobPage}. */
export interface ParseJobPageOptions {
  /** Absolute http(s) URL the page was fetched from: the posting's identity and the base for relative links. */
  url: string;
  /**
   * Reference time for relative dates ("Posted 3 days ago") and quality date rules.
   * @default new Date()
   */
  now?: Date;
  /**
   * ATS definitions to detect and to read page traits from (shell markers, employer-hosted hosts,
   * brand names), in tie-break order: pass `[...atsPlatforms, myDefinition]` so a definition of
   * your own is known to page parsing as it is to `detectAts` and `listBoardJobs`.
   * @default atsPlatforms
   */
  platforms?: readonly AtsDefinition[];
}

const OptionsSchema = z.object({
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'must be an absolute http(s) URL'),
  now: z
    .date()
    .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid Date')
    .optional(),
  // Each definition's shape is checked where it is used (detectAts reads them once, typed).
  platforms: z.array(z.custom<AtsDefinition>((v) => typeof v === 'object' && v !== null, 'must be an ATS definition')).optional(),
});

/** Input beyond this is ignored (with a warning): no real job page is this large. */
const MAX_HTML_CHARS = 12_000_000;
/** Pages nested deeper than this get no DOM (its serializer and selectors recurse). */
const MAX_DOM_DEPTH = 1_000;
/**
 * A DOM built on the signal pass is used only below this nesting: that pass trims the parser's
 * open-element stack at 512 (see ats/signals.ts), which would change the tree of deeper pages.
 */
const MAX_SHARED_DOM_DEPTH = 400;
/** Same-site links still worth an ATS matcher: company pages that carry an ATS job id. */
const ATS_JOB_PARAM = /[?&](gh_jid|gh_src|ashby_jid|lever-|jobid|job_id)/i;
/** Hrefs a URL parser would resolve off the base host: a scheme, `//`, `\\`, or tabs/newlines it strips. */
const MAY_LEAVE_HOST = /^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})|[\t\n\r]/i;

function toAtsRef(ats: AtsMatch | null, identifier: string | undefined): AtsRef | null {
  if (!ats || !/^[a-z0-9][a-z0-9-]*$/.test(ats.platform)) return null;
  const jobId = ats.jobId ?? identifier;
  return {
    platform: ats.platform,
    ...(ats.boardToken ? { boardToken: ats.boardToken } : {}),
    ...(jobId ? { jobId } : {}),
  };
}

/**
 * Relative links on the page's own site go nowhere near an ATS matcher (see {@link offSiteSignals}),
 * so they are dropped before the signal pass resolves each one.
 */
function sameSiteSkipper(site: string | undefined): ((raw: string, base: URL) => boolean) | undefined {
  if (!site) return undefined;
  let lastBase: URL | null = null;
  let sameSite = false;
  return (raw, base) => {
    if (base !== lastBase) {
      lastBase = base;
      sameSite = base.hostname === site || base.hostname.endsWith(`.${site}`);
    }
    return sameSite && !MAY_LEAVE_HOST.test(raw) && !ATS_JOB_PARAM.test(raw);
  };
}

function collectSignals(
  url: string,
  page: PageSource,
  scanner: PageScanner,
  dom: DomBuilder | null,
  warnings: string[],
): PageSignals | null {
  const skipAnchor = sameSiteSkipper(registrableDomain(url));
  try {
    const options = {
      maxChars: MAX_HTML_CHARS,
      observer: scanner.observer,
      ...(dom ? { listeners: [dom.events] } : {}),
      ...(skipAnchor ? { skipAnchor } : {}),
    };
    return page.html !== undefined ? collectPageSignals(page.html, url, options) : collectPageSignalsFromDom(page.root, url, options);
  } catch (error) {
    warnings.push(`ATS signal collection failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * Same-site links cannot reveal a hosted ATS (a page on an ATS host is matched by its URL), so
 * only off-site links, and same-site links carrying an ATS job parameter, go to the matchers:
 * a typical page has 100+ navigation links and each is tried against every platform.
 */
function offSiteSignals(url: string, signals: PageSignals): PageSignals {
  const site = registrableDomain(url);
  if (!site) return signals;
  const sameSite = (href: string) => {
    // Anchors are absolute http(s) URLs already; reading the host by hand avoids a URL parse each.
    const host = /^https?:\/\/([^/?#:]+)/i.exec(href)?.[1]?.toLowerCase() ?? '';
    return host === site || host.endsWith(`.${site}`);
  };
  const keep = (href: string) => !sameSite(href) || ATS_JOB_PARAM.test(href);
  return { ...signals, anchors: signals.anchors.filter(keep) };
}

function detect(url: string, signals: PageSignals, warnings: string[], platforms: Platforms): AtsMatch | null {
  try {
    return detectAtsFromSignals(url, offSiteSignals(url, signals), platforms ? { platforms } : {});
  } catch (error) {
    warnings.push(`ATS detection failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** The page scan of a DOM source whose signal pass failed (the string path's `scanPage`). */
function scanDom(root: AnyNode): PageScan {
  const scanner = createPageScanner();
  replayDom(root, scanner.observer, () => scanner.stopped);
  return scanner.finish(0);
}

/** {@link firstH1} of a DOM: the first `h1` serialized within the window that reader scans. */
function firstH1OfDom(root: AnyNode): string | undefined {
  const h1 = firstElement(root, 'h1');
  return h1 ? firstH1(serializeBounded(h1, H1_CHARS)) : undefined;
}
const H1_CHARS = 2_000;

/** Several JobPosting nodes may be the same posting repeated (two blocks, or graph + mainEntity). */
function distinctPostings(nodes: JsonObject[]): JsonObject[] {
  const seen = new Map<string, JsonObject>();
  for (const n of nodes) {
    const key = [n.title ?? n.name, n.url, JSON.stringify(n.identifier ?? null)].map((v) => String(v ?? '')).join('|');
    if (!seen.has(key)) seen.set(key, n);
  }
  return [...seen.values()];
}

/** The one posting among several that is this page (its `url` matches), if any. */
function pickPosting(postings: JsonObject[], pageUrl: string): JsonObject | null | 'many' {
  if (postings.length === 0) return null;
  if (postings.length === 1) return postings[0]!;
  const page = pageUrl.replace(/[#?][\s\S]*$/, '').replace(/\/$/, '');
  const own = postings.filter((p) => typeof p.url === 'string' && p.url.replace(/[#?][\s\S]*$/, '').replace(/\/$/, '') === page);
  if (own.length === 1) return own[0]!;
  return samePosting(postings) ?? 'many';
}

/**
 * Blocks that all describe one posting (a site's SEO plugin beside its ATS embed): one title, at
 * most one URL and one identifier among them. The fullest block is the posting.
 */
function samePosting(postings: JsonObject[]): JsonObject | null {
  const distinct = (values: unknown[]) =>
    new Set(
      values
        .filter((v) => v !== undefined && v !== null && v !== '')
        .map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : JSON.stringify(v))),
    );
  const titles = distinct(postings.map((p) => p.title ?? p.name));
  if (titles.size !== 1) return null;
  if (distinct(postings.map((p) => p.url)).size > 1 || distinct(postings.map((p) => p.identifier)).size > 1) return null;
  return postings.reduce((best, p) => (Object.keys(p).length > Object.keys(best).length ? p : best));
}

/** Company name from a domain: `acme-robotics.com` → `Acme Robotics`. */
function nameFromDomain(domain: string): string {
  const label = domain.split('.')[0] ?? domain;
  return label
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

function fillCompanyCheaply(merged: MergedFields, scan: PageScan, ats: AtsMatch | null, url: string, brand: () => SiteBrand): void {
  if (merged.fields.company) return;
  // The site's name is the employer only on the employer's own site, never a board's name or slogan.
  const candidate = scan.meta.get('og:site_name') ?? (scan.title ? cleanTitle(scan.title).company : undefined);
  const site = candidate && !isBrand(candidate, brand()) ? candidate : undefined;
  if (site && cleanInline(site)) {
    fillGaps(merged, { company: { name: cleanInline(site).slice(0, 120) } }, 'heuristic');
    return;
  }
  const domain = employerDomain(url);
  const name = ats?.boardToken ? nameFromDomain(ats.boardToken) : domain ? nameFromDomain(domain) : undefined;
  if (name) fillGaps(merged, { company: { name } }, 'derived');
}

/** How often `text` occurs in the page's text and attributes beyond its JSON-LD blocks (capped). */
function mentionsOutsideJsonLd(root: AnyNode, jsonLd: readonly string[], text: string): number {
  if (!text) return 0;
  let inJsonLd = 0;
  for (const block of jsonLd) {
    for (let i = block.indexOf(text); i >= 0 && inJsonLd < 20; i = block.indexOf(text, i + text.length)) inJsonLd++;
  }
  return Math.max(0, countInDom(root, text, 20 + inJsonLd) - inJsonLd);
}

/** The URL without its fragment and trailing slash, for same-document tests. */
function documentKey(href: string): string {
  try {
    const u = new URL(href);
    u.hash = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return href;
  }
}

/** A test whether `href` is the page at `pageUrl` itself: an in-page anchor (`#apply`) or the page's own URL. */
function sameDocumentAs(pageUrl: string): (href: string) => boolean {
  let pageKey: string | undefined;
  return (href) => documentKey(href) === (pageKey ??= documentKey(pageUrl));
}

/** Drop draft fields zod rejects (e.g. an odd country code) rather than losing the whole posting. */
function finalizeTolerant(draft: JobDraft, now: Date | undefined, warnings: string[]) {
  try {
    return finalizeJob(draft, now ? { now, warnings } : { warnings });
  } catch (error) {
    if (!JobkitError.is(error, 'VALIDATION_FAILED')) throw error;
  }
  // Rare path: validate again to learn which fields to drop.
  for (let attempt = 0; attempt < 3; attempt++) {
    const check = JobDraftSchema.safeParse(draft);
    if (check.success) break;
    for (const issue of check.error.issues) {
      const field = issue.path[0];
      if (field === 'salary') draft.salary = null;
      else if (field === 'locations') draft.locations = [];
      else if (field === 'datePosted') draft.datePosted = null;
      else if (field === 'validThrough') draft.validThrough = null;
      else if (field === 'applyUrl') draft.applyUrl = null;
      else if (field === 'employmentType') draft.employmentType = [];
      else if (field === 'company' && issue.path[1] === 'logoUrl') delete draft.company.logoUrl;
      else if (field === 'company' && issue.path[1] === 'domain') delete draft.company.domain;
      else if (field === 'department') delete draft.department;
      else continue;
      if (typeof field === 'string') delete draft.provenance[field as keyof typeof draft.provenance];
      warnings.push(`dropped invalid ${issue.path.join('.')}: ${issue.message}`);
    }
  }
  return finalizeJob(draft, now ? { now, warnings } : { warnings });
}

/**
 * Parse one job page. `job` is `null` (with a warning saying why) when the page is not a
 * single posting: a listing, a login page, a dead page, or a page with no recognisable title.
 * Never throws for bad pages; throws only for bad arguments.
 * @throws JobkitError `INVALID_ARGUMENT` when `html` is not a string or `options.url` is not an absolute http(s) URL.
 */
export function parseJobPage(html: string, options: ParseJobPageOptions): ParsedJobPage {
  if (typeof html !== 'string') throw invalidArgument(WHERE, `html must be a string, got ${html === null ? 'null' : typeof html}`);
  const { url, now, platforms } = checkOptions(options);
  const warnings: string[] = [];
  let input = html;
  if (input.length > MAX_HTML_CHARS) {
    warnings.push(`page is ${input.length} characters; only the first ${MAX_HTML_CHARS} were parsed`);
    input = input.slice(0, MAX_HTML_CHARS);
  }
  return parsePage({ html: input }, url, now, warnings, platforms);
}

/**
 * {@link parseJobPage} over a DOM the caller already parsed (a cheerio document, a Crawlee
 * handler's `$`): the tree is read as it stands, never serialized whole, and the result equals
 * the string path's on the same markup (see `@jobkit/parsers/cheerio`).
 * @throws JobkitError `INVALID_ARGUMENT` when `options.url` is not an absolute http(s) URL.
 */
export function parseJobPageFromDom(root: AnyNode, options: ParseJobPageOptions): ParsedJobPage {
  const { url, now, platforms } = checkOptions(options);
  return parsePage({ root }, url, now, [], platforms);
}

/** ATS definitions the caller passed, or `undefined` for the built-ins. */
type Platforms = readonly AtsDefinition[] | undefined;

function checkOptions(options: ParseJobPageOptions): { url: string; now: Date | undefined; platforms: Platforms } {
  const opts = readArgument(WHERE, 'options', () => OptionsSchema.safeParse(options));
  if (!opts.success) {
    throw invalidArgument(
      WHERE,
      `invalid options: ${opts.error.issues.map((i) => `${i.path.join('.') || 'options'} ${i.message}`).join('; ')}`,
      opts.error,
    );
  }
  return { url: opts.data.url, now: opts.data.now, platforms: opts.data.platforms };
}

/** A page as source text (tokenized here) or as a DOM someone else parsed (walked as it stands). */
type PageSource = { html: string; root?: undefined } | { html?: undefined; root: AnyNode };

/** Where the DOM path stands in for the raw HTML that regex readers scan (the same 2 MB cap they apply). */
const RAW_SCAN_CHARS = 2_000_000;

function parsePage(page: PageSource, url: string, now: Date | undefined, warnings: string[], platforms: Platforms): ParsedJobPage {
  // One tokenizer pass: the page scan rides along ATS signal collection, and so does the DOM
  // build unless the page carries JSON-LD JobPosting data (which usually makes a DOM unneeded;
  // if it does not, the DOM is parsed separately below). A DOM source is walked once instead.
  const input = page.html;
  const scanner = createPageScanner();
  const builder = input === undefined || (input.includes('ld+json') && /jobposting/i.test(input)) ? null : createDomBuilder();
  const signals = collectSignals(url, page, scanner, builder, warnings);
  const scan = signals ? scanner.finish(input?.length ?? 0) : input !== undefined ? scanPage(input) : scanDom(page.root!);
  warnings.push(...scan.warnings);
  // The source text for regex readers: the page itself, or a bounded serialization of the DOM.
  let raw: string | undefined = input;
  const rawHtml = () => (raw ??= serializeBounded(page.root!, RAW_SCAN_CHARS));
  const ats = signals ? detect(url, signals, warnings, platforms) : null;
  const ctx = now ? { url, now } : { url };
  const merged: MergedFields = { fields: {}, provenance: {} };
  let source: ParsedJobPage['source'] = null;
  let identifier: string | undefined;
  const noJob = (reason: string): ParsedJobPage => ({ job: null, ats, source: null, warnings: [...warnings, reason] });
  // The site's name and brands, asked for by several readers below: worked out once.
  let brandOfSite: SiteBrand | undefined;
  const brand = () => (brandOfSite ??= siteBrand(url, scan, platforms));
  const sameDocument = sameDocumentAs(url);

  // JSON-LD, straight from the streaming pass.
  if (scan.jsonLd.length > 0) {
    const read = readJsonLd(scan.jsonLd);
    warnings.push(...read.warnings);
    const picked = pickPosting(distinctPostings(jobPostingNodes(read.nodes)), url);
    if (picked === 'many') return noJob('page has several JSON-LD JobPosting items (a listing page, not one posting)');
    if (!picked) {
      const listed = new Set(
        linksFromNodes(read.nodes)
          .map((l) => resolveCanonical(l.href, url))
          .filter(Boolean),
      );
      if (listed.size >= 3) return noJob(`page has a JSON-LD ItemList of ${listed.size} job links (a listing page, not one posting)`);
    }
    if (picked) {
      const norm = normalizeJobPosting(picked, ctx);
      warnings.push(...norm.warnings.map((w) => `json-ld: ${w}`));
      fillGaps(merged, norm.fields, 'json-ld');
      identifier = norm.identifier;
      source = 'json-ld';
    }
  }

  const domAllowed = scan.maxDepth <= MAX_DOM_DEPTH;
  const shared = builder && signals && scan.maxDepth <= MAX_SHARED_DOM_DEPTH ? builder.document() : null;
  let dom: ReturnType<typeof loadDom> | null = null;
  const getDom = () => (dom ??= page.root ? (page.root as Document) : (shared ?? loadDom(input!)));
  // What the visible page shows beside the heuristics' fields, for weighing structured data against it.
  const pageEvidence = (): PageEvidence => {
    const root = getDom();
    return {
      scan,
      brand: brand(),
      h1: firstH1OfDom(root),
      mentions: (text) => mentionsOutsideJsonLd(root, scan.jsonLd, text),
    };
  };

  // Microdata, then RDFa: items in the JSON-LD object shape, so the same normalizer reads them.
  // Several postings make a listing page only when no earlier source gave one.
  const fromMarkup = (kind: 'microdata' | 'rdfa', items: JsonObject[], label: string): ParsedJobPage | null => {
    const picked = pickPosting(distinctPostings(jobPostingNodes(flattenNodes(items))), url);
    if (picked === 'many' && source === null) return noJob(`page has several ${label} JobPosting items (a listing page, not one posting)`);
    if (picked && picked !== 'many') {
      const norm = normalizeJobPosting(picked, ctx);
      warnings.push(...norm.warnings.map((w) => `${kind}: ${w}`));
      fillGaps(merged, norm.fields, kind);
      identifier ??= norm.identifier;
      source ??= kind;
    }
    return null;
  };
  if (scan.hasMicrodataJob && domAllowed) {
    const listing = fromMarkup('microdata', readMicrodata(getDom()), 'microdata');
    if (listing) return listing;
  }
  if (scan.hasRdfaJob && domAllowed) {
    const read = readRdfa(getDom());
    warnings.push(...read.warnings.map((w) => `rdfa: ${w}`));
    const listing = fromMarkup('rdfa', read.items, 'RDFa');
    if (listing) return listing;
  }

  // A structured title with a requisition code, one of the posting's places or the employer
  // around it ("Data Engineer - Berlin (R-1042)", "[Acme] Data Engineer"): the role alone.
  if (source !== null && merged.fields.title) {
    const { title, remote } = stripTitleAppendix(
      merged.fields.title,
      placeNames(merged.fields.locations ?? []),
      merged.fields.company?.name,
    );
    if (title !== merged.fields.title) {
      warnings.push(
        `${source} title "${merged.fields.title.slice(0, 80)}" carries a code, place or employer; kept "${title.slice(0, 80)}"`,
      );
      merged.fields.title = title;
      if (remote && !merged.fields.workplaceType) fillGaps(merged, { workplaceType: 'remote' }, source);
    }
  }

  // Job-board site profiles (sites/): found by host, so any other page pays one map lookup.
  const site = domAllowed ? siteForPage(url, scan) : null;
  let siteFields: { id: string; fields: MergedFields['fields'] } | undefined;
  if (site) {
    const read = readSite(site, getDom(), { url, scan, ...(now ? { now } : {}) });
    warnings.push(...read.warnings);
    siteFields = { id: site.id, fields: read.fields };
    fillGaps(merged, read.fields, `site:${site.id}`);
    if (read.isJob) source ??= 'site';
  }

  const f = merged.fields;
  if (source === null || !f.title || !f.description || (source === 'site' && !f.company)) {
    if (!domAllowed) {
      if (source === null) return noJob(`page nests elements ${scan.maxDepth} deep; heuristics skipped`);
      warnings.push(`page nests elements ${scan.maxDepth} deep; heuristics skipped`);
    } else {
      const found = extractHeuristics(getDom(), { url, scan, ...(now ? { now } : {}), ...(platforms ? { platforms } : {}) });
      // A client-rendered shell (Workday, SuccessFactors…) is named, with where to read it
      // instead, even when its head metadata names a role.
      const shell =
        source === null && (found.visibleChars < 200 || (!found.fields.description && found.kind !== 'job'))
          ? shellPlatform(found.visibleChars, ats?.platform, rawHtml(), platforms)
          : undefined;
      if (shell) return noJob(shellWarning(shell));
      if (source === null && found.kind !== 'job') return noJob(withNodeCapReason(found.reason, warnings));
      if (source !== null) reconcileWithPage(merged, visibleFields(found.fields, siteFields), source, pageEvidence(), warnings);
      fillGaps(merged, found.fields, 'heuristic');
      warnings.push(...found.warnings);
      source ??= 'heuristic';
    }
  } else if (domAllowed) {
    // Structured data that misses a field the page visibly states (a salary only in the
    // description, locations in RDFa, employment type in a label), or that the head metadata
    // puts in doubt (a stub description, a title or employer the head does not name): read the
    // visible page too. A complete, consistent posting costs no DOM.
    const doubts = structuredDoubts(f, scan, brand());
    const readPage = !f.locations?.length || !f.employmentType?.length || dom !== null || doubts.length > 0;
    if (!f.salary && f.description?.text && !doubts.includes('description')) {
      const salary = salaryFrom(f.description.text.slice(0, 20_000));
      if (salary) fillGaps(merged, { salary }, 'heuristic');
    }
    // Structured data rarely carries the apply link the page shows. A page read for its fields
    // below has it from the DOM's apply controls; otherwise one bounded scan of the HTML finds it
    // (and stands in where the DOM finds none), so the page is not searched for it twice.
    const scanForApply = !f.applyUrl && dom === null;
    const applyFromHtml = () => {
      const applyUrl = applyUrlFromHtml(rawHtml(), url);
      if (applyUrl && !sameDocument(applyUrl)) fillGaps(merged, { applyUrl }, 'heuristic');
    };
    if (scanForApply && !readPage) applyFromHtml();
    if (readPage) {
      const found = extractHeuristics(getDom(), { url, scan, ...(now ? { now } : {}), ...(platforms ? { platforms } : {}) });
      if (scanForApply) {
        const applyUrl = found.fields.applyUrl;
        if (applyUrl && !sameDocument(applyUrl)) fillGaps(merged, { applyUrl }, 'heuristic');
        else applyFromHtml();
      }
      reconcileWithPage(merged, visibleFields(found.fields, siteFields), source, pageEvidence(), warnings);
      const { locations, employmentType, salary, workplaceType, validThrough, datePosted, applyUrl, dateReferences } = found.fields;
      fillGaps(
        merged,
        {
          ...(dateReferences ? { dateReferences } : {}),
          ...(locations ? { locations } : {}),
          ...(employmentType ? { employmentType } : {}),
          ...(salary ? { salary } : {}),
          ...(workplaceType ? { workplaceType } : {}),
          ...(validThrough ? { validThrough } : {}),
          ...(datePosted ? { datePosted } : {}),
          ...(applyUrl && !sameDocument(applyUrl) ? { applyUrl } : {}),
        },
        'heuristic',
      );
    }
  }

  // Structured data often omits the workplace the description states ("a hybrid schedule").
  if (!f.workplaceType && f.description?.text) {
    const workplace = workplaceInProse(f.description.text.slice(0, 20_000));
    if (workplace) fillGaps(merged, { workplaceType: workplace }, 'heuristic');
  }
  fillCompanyCheaply(merged, scan, ats, url, brand);
  // An apply control that points at the page itself (an in-page anchor to the form below, or
  // `directApply` with the posting's own URL) is no separate application URL: null, as for a form.
  if (f.applyUrl && sameDocument(f.applyUrl)) {
    delete f.applyUrl;
    delete merged.provenance.applyUrl;
  }
  if (!f.title) return noJob('no job title found');
  if (!f.company) return noJob('no company name found');
  if (!f.company.domain) {
    const domain = employerDomain(url);
    if (domain) f.company = { ...f.company, domain };
  }
  if (!f.description) warnings.push('no description found');

  const draft: JobDraft = {
    url,
    title: f.title,
    company: f.company,
    locations: f.locations ?? [],
    workplaceType: f.workplaceType ?? null,
    employmentType: f.employmentType ?? [],
    salary: f.salary ?? null,
    description: f.description ?? { html: '', text: '' },
    datePosted: f.datePosted ?? null,
    validThrough: f.validThrough ?? null,
    applyUrl: f.applyUrl ?? null,
    ...(f.department ? { department: f.department } : {}),
    ats: toAtsRef(ats, identifier),
    source,
    provenance: merged.provenance,
  };
  // Relative dates ("3 days ago") keep the reference time they were resolved against.
  const refs = f.dateReferences;
  if (refs?.datePosted || refs?.validThrough) {
    draft.dateNotes = {
      ...(refs.datePosted ? { datePosted: { reference: refs.datePosted } } : {}),
      ...(refs.validThrough ? { validThrough: { reference: refs.validThrough } } : {}),
    };
  }
  // Places named without a country resolve in the country the page implies (lang region, ccTLD),
  // after the posting's own other places have had their say.
  const countryHint = pageCountryHint(url, scan.lang);
  if (countryHint.length > 0 && draft.locations.length > 0) draft.locations = harmonizeLocations(draft.locations, { countryHint });
  // Per-field confidence from the evidence gathered above (confidence/); scoreQuality reads it.
  const root = page.root;
  const evidence = root
    ? { scan, html: '', warnings, dom: { h1: firstH1OfDom(root), occurrences: (needle: string) => countInDom(root, needle) } }
    : { scan, html: input!, warnings };
  draft.confidence = assessConfidence(draft, { ...evidence, brand: brand() });
  try {
    return { job: finalizeTolerant(draft, now, warnings), ats, source, warnings };
  } catch (error) {
    if (JobkitError.is(error)) return noJob(`posting failed validation: ${error.message.slice(0, 300)}`);
    throw error;
  }
}
