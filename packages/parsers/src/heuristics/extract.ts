/**
 * Heuristic extraction for pages without structured data: reads title, company, location,
 * workplace and employment type, salary, dates, apply URL and description from the DOM, using
 * known ATS markup first and multilingual labels second, and says whether the page looks like
 * one job posting, a listing, a login page or a dead page.
 * @module
 */
import type { AnyNode, Document, Element } from 'domhandler';
import type { Salary } from '@jobkit/core';
import { innerHtmlOf, isElement, nextElement, textOf, walkElements } from '../html/dom.js';
import { indexPage, type PageIndex } from '../html/select.js';
import type { PageScan } from '../html/scan.js';
import { cleanInline, sanitizeDescription } from '../html/sanitize.js';
import { isJobUrl } from '../links/job-url.js';
import {
  parseDate,
  parseEmploymentType,
  parseLocation,
  parseSalary,
  parseWorkplaceType,
} from '../normalize/index.js';
import { employerDomain } from '../structured/domains.js';
import type { ExtractedFields } from '../structured/fields.js';
import { periodFromUnit } from '../structured/normalize.js';
import {
  APPLY_TEXT,
  LISTING_TITLE,
  LOGIN_TITLE,
  NOT_FOUND_TEXT,
  SECTION_HEADING,
  labelField,
  workplaceInProse,
  type LabelField,
} from './vocabulary.js';

/** What kind of page heuristics think this is. */
export type PageKind = 'job' | 'listing' | 'login' | 'not-found' | 'unknown';

export interface HeuristicResult {
  fields: ExtractedFields;
  kind: PageKind;
  /** Why `kind` was chosen; surfaces as a warning when the page is not a job. */
  reason: string;
}

export interface HeuristicContext {
  url: string;
  now?: Date;
  scan: PageScan;
}

/** ATS and common markup, most specific first. */
const TITLE_SELECTORS = [
  '.app-title', '.job__title h1', '.job-title h1', 'h1.section-header', '.posting-headline h2', '[data-ui="job-title"]',
  '[data-automation-id="jobPostingHeader"]', 'h1.ashby-job-posting-heading', '.job-header h1', 'h1.job-title', '.job-title', '#job-title', '.jobTitle',
];
const LOCATION_SELECTORS = [
  '.job__location', '#header .location', '.app-title + .location', '.posting-categories .location', '.sort-by-location',
  '[data-ui="job-location"]', '[data-automation-id="locations"]', '.job-location', '.jobLocation', '.job-header .location', '.location',
];
const EMPLOYMENT_SELECTORS = ['.posting-categories .commitment', '.sort-by-commitment', '[data-ui="job-type"]', '[data-automation-id="time"]', '.job-type', '.employment-type'];
const WORKPLACE_SELECTORS = ['.posting-categories .workplaceTypes', '[data-ui="job-workplace"]', '.workplace-type', '.remote-policy'];
const DEPARTMENT_SELECTORS = ['.posting-categories .department', '.sort-by-team', '[data-ui="job-department"]', '.job__department', '.department'];
const DESCRIPTION_SELECTORS = [
  '[data-automation-id="jobPostingDescription"]', '.job__description', '#content .job-description', '.posting-page .section-wrapper',
  '[data-qa="job-description"]', '[data-ui="job-description"]', '.job-description', '#job-description', '.jobDescription', '.job-details',
  '.description', '[itemprop="description"]', '#content', 'article', 'main',
];
/** Short blocks near the title that list location, hours and workplace ("Full-time · Hamburg"). */
const HEADLINE_SELECTORS = ['.posting-categories', '.job-header', '.job__header', '#header', '.job-details', '.job-meta', '.job-info', '.job-summary', 'h1 + p'];
const COMPANY_SELECTORS = ['.company-name', '.job__company', '[data-ui="company-name"]', '.posting-headline .company', '.employer-name'];
const NOISE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'script', 'style', 'noscript', 'template', 'svg', 'button', 'select']);

/** Tags heuristics list by name; other elements with `role="button"` count as buttons. */
const INDEXED = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'a', 'button', 'input', 'time', 'img']);
const buttonAlias = (el: Element): string | undefined => (!INDEXED.has(el.name) && el.attribs.role === 'button' ? 'button' : undefined);

function hasAncestor(el: Element, test: (a: Element) => boolean, maxUp = 12): boolean {
  let p = el.parent;
  for (let i = 0; p && i < maxUp; i++, p = p.parent) if (isElement(p) && test(p)) return true;
  return false;
}

function first(index: PageIndex, selectors: readonly string[], min = 2, max = 300): string | undefined {
  for (const sel of selectors) {
    const nodes = index.select(sel);
    for (const el of nodes.slice(0, 5)) {
      const t = cleanInline(textOf(el, 2_000));
      if (t.length >= min && t.length <= max) return t;
    }
  }
  return undefined;
}

/**
 * Strip " | Company", " - Careers", "Job Application for … at …" from a page title. When the
 * posting title is already known (from a heading), the other part is taken as the company,
 * which also handles "Company - Title" order.
 */
export function cleanTitle(raw: string, knownTitle?: string): { title: string; company?: string } {
  let t = cleanInline(raw);
  const gh = /^job application for (.+?) at (.+)$/i.exec(t);
  if (gh) return { title: gh[1]!.trim(), company: gh[2]!.trim() };
  const parts = t.split(/\s+[|–—·•]\s+|\s+-\s+/).map((p) => p.trim()).filter(Boolean);
  let company: string | undefined;
  if (parts.length > 1) {
    const careerWord = /^(?:careers?|jobs?|karriere|stellenangebote?|carrières?|empleos?|empleo|trabaja con nosotros|emploi|offres?)(?:\s+(?:at|bei|chez|en|@)\s+(.+))?$/i;
    const kept: string[] = [];
    for (const p of parts) {
      const m = careerWord.exec(p);
      if (!m) kept.push(p);
      else if (m[1]) company ??= m[1].trim();
    }
    const titled = kept.length > 0 ? kept : parts;
    const known = knownTitle ? titled.findIndex((p) => p.toLowerCase() === knownTitle.toLowerCase()) : -1;
    if (known >= 0) {
      t = titled[known]!;
      company ??= titled.find((_, i) => i !== known);
    } else {
      t = titled[0]!;
      if (titled.length > 1) company ??= titled[titled.length - 1];
    }
  }
  const at = /^(.+?)\s+(?:at|bei|chez)\s+([A-Z0-9][^,]{1,60})$/.exec(t);
  if (at) return { title: at[1]!.trim(), company: company ?? at[2]!.trim() };
  return company ? { title: t, company } : { title: t };
}

/** `label: value` pairs from definition lists, tables, and short "Label: value" lines. */
function collectLabels(root: AnyNode): Map<LabelField, string[]> {
  const out = new Map<LabelField, string[]>();
  const add = (label: string, value: string) => {
    const field = labelField(label);
    const v = cleanInline(value);
    if (!field || !v || v.length > 200) return;
    const list = out.get(field) ?? [];
    if (list.length < 5) list.push(v);
    out.set(field, list);
  };
  walkElements(root, (el) => {
    if (NOISE.has(el.name) && el.name !== 'header') return false;
    if (el.name === 'dt' || el.name === 'th') {
      const next = nextElement(el);
      if (next) add(textOf(el, 100), textOf(next, 400));
      return false;
    }
    if (['p', 'li', 'div', 'span', 'td', 'dd', 'section', 'small', 'label'].includes(el.name)) {
      const lines = lineTexts(el);
      if (lines === null) return true;
      for (const line of lines) {
        const m = /^\s*([^:：]{2,40}?)\s*[:：]\s*(.{1,200})$/.exec(line);
        if (m) add(m[1]!, m[2]!);
      }
      return false;
    }
    return true;
  }, 50_000);
  return out;
}

/**
 * Lines of a short leaf-ish block (line breaks at `<br>`) that may hold a `Label: value` pair
 * (none when it has no colon), or `null` when the block is long or contains blocks.
 */
function lineTexts(el: Element): string[] | null {
  const parts: string[] = [];
  let len = 0;
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      parts.push((n as { data: string }).data);
      len += (n as { data: string }).data.length;
      if (len > 600) return null;
    } else if (isElement(n)) {
      if (['p', 'div', 'li', 'ul', 'ol', 'table', 'section', 'dl', 'h1', 'h2', 'h3'].includes(n.name)) return null;
      if (n.name === 'br') parts.push('\u2028');
      else if (!NOISE.has(n.name)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  const joined = parts.join('');
  // Callers only look for "Label: value" lines; most blocks have no colon at all.
  if (!joined.includes(':') && !joined.includes('：')) return [];
  // Only <br> breaks lines; newlines in source text are plain whitespace.
  return joined.split('\u2028').map((l) => cleanInline(l)).filter(Boolean);
}

/** A location pin ("📍 Paris, France") starts a short line in the page's meta lists. */
const PIN = /^\s*(?:📍|📌|🌍|🌎|🌏|🏢)\uFE0F?\s*/u;

/** Text after a location pin at the start of a short element, the unlabelled way many pages show a location. */
function pinnedLocation(index: PageIndex): string | undefined {
  for (const el of index.tags('li', 'span', 'p', 'div', 'dd', 'small')) {
    const lead = el.children[0];
    if (!lead || lead.type !== 'text' || !PIN.test((lead as { data: string }).data)) continue;
    const t = cleanInline(textOf(el, 300)).replace(PIN, '');
    if (t.length >= 2 && t.length <= 120) return t;
  }
  return undefined;
}

/** The element most likely to hold the description: known containers first, then the densest text block. */
function findDescription(index: PageIndex, body: AnyNode): Element | undefined {
  for (const sel of DESCRIPTION_SELECTORS) {
    const el = index.select(sel).find((e) => textOf(e, 5_000).trim().length >= 200);
    if (el) return el;
  }
  const scores = new Map<Element, number>();
  walkElements(body, (el) => {
    if (NOISE.has(el.name)) return false;
    if (['p', 'li', 'h2', 'h3', 'h4', 'pre', 'td'].includes(el.name)) {
      const len = cleanInline(textOf(el, 5_000)).length;
      if (len < 20) return false;
      const parent = el.parent && isElement(el.parent) ? el.parent : undefined;
      if (parent) {
        const container = ['ul', 'ol'].includes(parent.name) && parent.parent && isElement(parent.parent) ? parent.parent : parent;
        scores.set(container, (scores.get(container) ?? 0) + len);
        const grand = container.parent && isElement(container.parent) ? container.parent : undefined;
        if (grand) scores.set(grand, (scores.get(grand) ?? 0) + len * 0.5);
      }
      return false;
    }
    return true;
  }, 100_000);
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return bestScore >= 100 ? best : undefined;
}

const SALARY_IN_TEXT =
  /(?:(?:[$€£₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|INR|MXN|SEK|PLN)\b)\s?\d[\d.,\s]*\d?\s?[kKmM]?\b(?:\s?(?:-|–|—|to|bis|à|a|hasta)\s?(?:[$€£₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|INR)\b)?\s?\d[\d.,\s]*\d?\s?[kKmM]?\b)?(?:\s?(?:USD|EUR|GBP|CHF|€|\$))?|\d[\d.,]*\s?[kK]?\s?(?:-|–|—|bis|à|a)\s?\d[\d.,]*\s?[kK]?\s?(?:€|EUR|USD|\$|£|GBP|CHF)|\d[\d.,]*\s?[kK]?\s?(?:€|EUR))(?:[^.\n]{0,40}?\b(?:per|a|an|\/|pro|par|al|por|brutto|gross|jährlich|annual|annuel|anual|yearly))?(?:\s?(?:year|yr|annum|hour|hr|month|jahr|stunde|monat|an|mois|heure|año|mes|hora))?/i;

function salaryFrom(text: string, labelled = false): Salary | undefined {
  const m = labelled ? null : SALARY_IN_TEXT.exec(text);
  if (!m && !labelled) return undefined;
  const source = m ? m[0] : text;
  const after = m ? text.slice(m.index + m[0].length, m.index + m[0].length + 30) : '';
  const parsed = parseSalary(source);
  if (!parsed || (parsed.min === null && parsed.max === null)) return undefined;
  const values = [parsed.min, parsed.max].filter((v): v is number => v !== null);
  if (values.some((v) => v < 5)) return undefined;
  const period = parsed.period ?? periodFromUnit(source) ?? periodFromUnit(after);
  return { ...parsed, period };
}

function dateFrom(text: string, now: Date | undefined): string | undefined {
  const iso = parseDate(text, now ? { now } : {});
  return iso && !Number.isNaN(Date.parse(iso)) ? iso : undefined;
}

const EMPLOYMENT_WORDS =
  /\b(full[- ]time|part[- ]time|vollzeit|teilzeit|festanstellung|werkstudent(?:in)?|praktikum|minijob|cdi|cdd|temps plein|temps partiel|alternance|stage|freelance|jornada completa|tiempo completo|media jornada|medio tiempo|tiempo parcial|prácticas|becario|contract(?:or)?|internship|temporary|permanent)\b/i;
const WORKPLACE_PHRASES =
  /\b(fully remote|100 ?% remote|remote[- ]first|remote position|remote role|work from home|hybrid (?:work|role|position|model)|remote|hybrid|homeoffice|home office|mobiles arbeiten|télétravail|teletrabajo|remoto|híbrido|hybride)\b/i;

/** Read every field heuristics can find in `doc` (an htmlparser2 DOM) and classify the page. */
export function extractHeuristics(doc: Document, ctx: HeuristicContext): HeuristicResult {
  const fields: ExtractedFields = {};
  const meta = ctx.scan.meta;
  const docTitle = ctx.scan.title ?? '';
  const index = indexPage(doc, buttonAlias);
  const body: AnyNode = index.tags('body')[0] ?? doc;
  const tags = index.tags;

  // ---- title & company
  const siteName = meta.get('og:site_name') ?? meta.get('application-name');
  const fromTitleTag = docTitle ? cleanTitle(docTitle) : undefined;
  const fromOg = meta.get('og:title') ? cleanTitle(meta.get('og:title')!) : undefined;
  let title = first(index, TITLE_SELECTORS, 3, 200);
  if (!title) {
    const h1s = tags('h1').map((e) => cleanInline(textOf(e, 1_000))).filter((t) => t.length >= 3 && t.length <= 200);
    title = h1s.find((t) => t !== siteName) ?? undefined;
  }
  if (!title) {
    const h2 = tags('h2').map((e) => cleanInline(textOf(e, 1_000))).find((t) => t.length >= 3 && t.length <= 150 && !SECTION_HEADING.test(t));
    title = fromOg?.title ?? h2 ?? fromTitleTag?.title;
  }
  const fromHeading = title ? cleanTitle(title) : undefined;
  if (fromHeading) fields.title = fromHeading.title;
  const titleTag = docTitle ? cleanTitle(docTitle, fromHeading?.title) : undefined;

  // "Title at Company" in a heading or <title> names the employer even on job boards, whose
  // og:site_name is the board's own name; on an employer's own site og:site_name is reliable.
  const onPlatform = employerDomain(ctx.url) === undefined;
  const atCompany = [fromHeading, fromTitleTag, fromOg].map((t) => (t && /\s(at|bei|chez)\s/i.test(title ?? '') ? t.company : undefined));
  let companyName = first(index, COMPANY_SELECTORS, 2, 120)?.replace(/^(at|bei|chez|en)\s+/i, '');
  if (onPlatform) companyName ??= fromHeading?.company ?? titleTag?.company ?? fromOg?.company;
  companyName ??= atCompany.find(Boolean);
  companyName ??= siteName ? cleanInline(siteName) : undefined;
  companyName ??= titleTag?.company ?? fromOg?.company;
  if (!companyName) {
    const logoish = (e: Element) => e.name === 'header' || /logo/i.test(e.attribs.class ?? '');
    const alt = tags('img')
      .filter((e) => e.attribs.alt && (/logo/i.test(e.attribs.alt) || /logo/i.test(e.attribs.class ?? '') || hasAncestor(e, logoish, 4)))
      .map((e) => cleanInline(e.attribs.alt ?? '').replace(/\s*(logo|logotipo|logotype)$/i, ''))
      .find((t) => t.length >= 2 && t.length <= 80);
    companyName = alt;
  }
  const labels = collectLabels(body);
  companyName ??= labels.get('company')?.[0];
  // Trailing badges such as "(S23)" or "(m/w/d)" are not part of the name.
  companyName = companyName?.replace(/\s*\([^)]{1,12}\)$/, '').trim();
  if (companyName && companyName.length <= 120) {
    const domain = employerDomain(ctx.url);
    fields.company = { name: companyName, ...(domain ? { domain } : {}) };
  }

  // ---- locations & workplace
  const locationText = labels.get('location')?.[0] ?? first(index, LOCATION_SELECTORS, 2, 200) ?? pinnedLocation(index);
  if (locationText) {
    const parsed = parseLocation(locationText);
    if (parsed.locations.length > 0) fields.locations = parsed.locations;
    if (parsed.workplaceType) fields.workplaceType = parsed.workplaceType;
  }
  const workplaceText = labels.get('workplace')?.[0] ?? first(index, WORKPLACE_SELECTORS, 2, 100);
  const workplace = workplaceText ? parseWorkplaceType(workplaceText) : null;
  if (workplace) fields.workplaceType = workplace;

  // ---- employment type
  const employmentText = labels.get('employment')?.join(', ') ?? first(index, EMPLOYMENT_SELECTORS, 2, 100);
  if (employmentText) {
    const types = parseEmploymentType(employmentText);
    if (types.length > 0) fields.employmentType = types;
  }

  // ---- description
  const descriptionEl = findDescription(index, body);
  let descriptionText = '';
  if (descriptionEl) {
    const description = sanitizeDescription(innerHtmlOf(descriptionEl));
    if (description.text) {
      fields.description = description;
      descriptionText = description.text;
    }
  }

  // ---- salary
  const salaryLabel = labels.get('salary')?.[0] ?? first(index, ['[class*="salary" i]', '[class*="compensation" i]', '[data-ui="job-salary"]'], 3, 160);
  const salary = (salaryLabel ? salaryFrom(salaryLabel, true) : undefined) ?? salaryFrom(descriptionText.slice(0, 20_000));
  if (salary) fields.salary = salary;

  // ---- fill employment / workplace from prominent text when no label said it
  const headline = [fields.title ?? '', locationText ?? '', first(index, HEADLINE_SELECTORS, 2, 400) ?? ''].join(' \n ');
  if (!fields.employmentType) {
    const m = EMPLOYMENT_WORDS.exec(headline) ?? EMPLOYMENT_WORDS.exec(descriptionText.slice(0, 600));
    if (m) {
      const types = parseEmploymentType(m[1]!);
      if (types.length > 0) fields.employmentType = types;
    }
  }
  if (!fields.workplaceType) {
    const m = WORKPLACE_PHRASES.exec(headline) ?? WORKPLACE_PHRASES.exec(descriptionText.slice(0, 1_500));
    const w = m ? parseWorkplaceType(m[1]!) : null;
    if (w) fields.workplaceType = w;
  }

  // ---- dates
  const posted = labels.get('datePosted')?.[0];
  let datePosted = posted ? dateFrom(posted, ctx.now) : undefined;
  if (!datePosted) {
    const time = tags('time').find((e) => e.attribs.datetime && !hasAncestor(e, (a) => a.name === 'footer' || a.name === 'nav' || /comment/i.test(a.attribs.class ?? '')));
    if (time) datePosted = dateFrom((time as Element).attribs.datetime ?? '', ctx.now);
  }
  if (!datePosted) {
    const bodyText = textOf(body, 50_000);
    const m = /\b(?:posted|published|veröffentlicht|publié|publicado)\b[^.\n|]{0,40}/i.exec(bodyText);
    if (m) datePosted = dateFrom(m[0], ctx.now);
  }
  if (datePosted) fields.datePosted = datePosted;
  const closes = labels.get('validThrough')?.[0];
  const validThrough = closes ? dateFrom(closes, ctx.now) : undefined;
  if (validThrough) fields.validThrough = validThrough;

  // ---- apply URL
  let hasApply = false;
  const clickable = tags('a', 'button', 'input').filter((e) => e.name !== 'input' || e.attribs.type === 'submit');
  for (const e of clickable.slice(0, 3_000)) {
    const text = cleanInline(textOf(e, 200) || e.attribs.value || e.attribs['aria-label'] || '');
    if (!APPLY_TEXT.test(text) && !/(^|[/#?=_-])apply([/?#_-]|$)/i.test(e.attribs.href ?? '')) continue;
    hasApply = true;
    const href = e.attribs.href?.trim();
    if (!href || /^(javascript|mailto|tel):/i.test(href)) continue;
    try {
      const u = new URL(href, ctx.url);
      if (u.protocol === 'http:' || u.protocol === 'https:') {
        fields.applyUrl = u.toString();
        break;
      }
    } catch {
      // Unparseable hrefs are skipped like a browser would.
    }
  }

  const department = labels.get('department')?.[0] ?? first(index, DEPARTMENT_SELECTORS, 2, 80);
  if (department) fields.department = department;

  let linksInDescription = 0;
  if (descriptionEl) {
    const inside = new Set<string>();
    const anchors: Element[] = [];
    walkElements(descriptionEl, (e) => {
      if (e.name === 'a' && e.attribs.href) anchors.push(e);
      return anchors.length < 2_000;
    });
    for (const a of anchors) {
      try {
        const u = new URL(a.attribs.href!, ctx.url);
        if (isJobUrl(u)) inside.add(u.toString());
      } catch {
        // unparseable href
      }
    }
    linksInDescription = inside.size;
  }
  return { fields, ...classify(tags, ctx, fields, { hasApply, labels, descriptionText, linksInDescription }) };
}

function classify(
  tags: (...names: string[]) => Element[],
  ctx: HeuristicContext,
  fields: ExtractedFields,
  seen: { hasApply: boolean; labels: Map<LabelField, string[]>; descriptionText: string; linksInDescription: number },
): { kind: PageKind; reason: string } {
  const headings = [ctx.scan.title ?? '', ...tags('h1').slice(0, 3).map((e) => cleanInline(textOf(e, 300)))];
  const deadHeading = headings.find((h) => h.length < 150 && NOT_FOUND_TEXT.test(h));
  if (deadHeading) return { kind: 'not-found', reason: `page says "${deadHeading.slice(0, 80)}"` };
  const words = seen.descriptionText ? seen.descriptionText.split(/\s+/).length : 0;
  if (ctx.scan.hasPasswordInput && (words < 150 || headings.some((h) => LOGIN_TITLE.test(h)))) {
    return { kind: 'login', reason: 'page is a login form' };
  }

  let score = 0;
  const why: string[] = [];
  if (seen.hasApply) (score += 2), why.push('apply button');
  const labelled = (['location', 'employment', 'salary'] as const).filter((f) => seen.labels.has(f)).length;
  score += labelled;
  if (words >= 80) score += 1;
  if (words >= 200) score += 1;
  const sections = tags('h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b').slice(0, 400).filter((e) => {
    const t = cleanInline(textOf(e, 200));
    return t.length < 80 && SECTION_HEADING.test(t);
  }).length;
  score += Math.min(2, sections);
  let pageIsJobUrl = false;
  try {
    pageIsJobUrl = isJobUrl(new URL(ctx.url));
  } catch {
    pageIsJobUrl = false;
  }
  if (pageIsJobUrl) (score += 2), why.push('job URL');
  const listingTitle = headings.some((h) => LISTING_TITLE.test(cleanTitle(h).title));
  if (listingTitle) score -= 3;

  const jobLinks = new Set<string>();
  // Counting job links only matters when the page might be a listing.
  const maybeListing = score < 5 || listingTitle;
  for (const a of maybeListing ? tags('a').slice(0, 5_000) : []) {
    if (!a.attribs.href) continue;
    try {
      const u = new URL(a.attribs.href, ctx.url);
      u.hash = '';
      if (u.toString() !== ctx.url && isJobUrl(u)) jobLinks.add(u.toString());
    } catch {
      // ignore unparseable hrefs
    }
  }
  // A posting's text rarely links to five other postings; a listing's main block is those links.
  if (seen.linksInDescription >= 5 || (jobLinks.size >= 5 && (score < 5 || listingTitle))) {
    return { kind: 'listing', reason: `page lists ${jobLinks.size} job links (a listing page, not one posting)` };
  }
  if (score >= 3 && fields.title) return { kind: 'job', reason: why.join(', ') };
  // Not a posting, but it links to several: say what it most likely is.
  if (jobLinks.size >= 2 && !pageIsJobUrl) {
    return { kind: 'listing', reason: `page links to ${jobLinks.size} job pages (a listing page, not one posting)` };
  }
  if (!fields.title) return { kind: 'unknown', reason: 'no job title found' };
  return { kind: 'unknown', reason: `page does not look like a job posting (score ${score})` };
}
