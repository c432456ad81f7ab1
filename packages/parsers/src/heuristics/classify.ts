/**
 * "Is this one job posting?" across languages: apply controls, labelled facts (location,
 * salary, employment, experience, education, deadline), vacancy words, posting section
 * headings, a job URL and one dominant title raise the score; many job links with little text
 * of its own, a listing heading, a login form or a dead-page message decide otherwise.
 * @module
 */
import type { AnyNode, ChildNode, Element } from 'domhandler';
import { textOf } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import { isJobUrl } from '../links/job-url.js';
import type { ExtractedFields } from '../structured/fields.js';
import { foldWords, isListingHeading, VACANCY_RE } from './lang/index.js';
import type { Page } from './page.js';
import { LISTING_TITLE, LOGIN_TITLE, NOT_FOUND_TEXT, SECTION_HEADING } from './vocabulary.js';

/** What kind of page heuristics think this is. */
export type PageKind = 'job' | 'listing' | 'login' | 'not-found' | 'unknown';

export interface PageEvidence {
  hasApply: boolean;
  descriptionText: string;
  linksInDescription: number;
  /** Distinct plausible `h1` texts outside chrome. */
  h1Count: number;
  /** Visible text of the body (capped sample). */
  bodyText: string;
  /** Salary, employment-type and location chips found next to the title. */
  chipFacts: number;
  /** Distinct apply links (a result list has one per posting). */
  applyLinks: number;
}

/** Path segments of search-result pages in several languages. */
const SEARCH_SEGMENTS = new Set([
  'search',
  'search-results',
  'searchresults',
  'results',
  'suche',
  'stellensuche',
  'recherche',
  'buscar',
  'busqueda',
  'ricerca',
  'zoeken',
  'szukaj',
  'poisk',
  'jobsearch',
  'job-search',
]);

/** Labelled facts only postings state. */
const CORE_FACTS = ['location', 'employment', 'salary', 'validThrough', 'company'] as const;

const FACT_FIELDS = ['location', 'employment', 'salary', 'experience', 'education', 'validThrough', 'company', 'title'] as const;

/** The first anchor at most two levels below `el`. */
function findAnchor(el: Element): Element | undefined {
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    const e = c as Element;
    if (e.name === 'a') return e;
    for (const d of e.children) if (d.type === 'tag' && (d as Element).name === 'a') return d as Element;
  }
  return undefined;
}

function jobLinksOn(page: Page): Set<string> {
  const links = new Set<string>();
  for (const a of page.tags('a').slice(0, 5_000)) {
    if (!a.attribs.href) continue;
    try {
      const u = new URL(a.attribs.href, page.url);
      u.hash = '';
      if (u.toString() !== page.url && isJobUrl(u)) links.add(u.toString());
    } catch {
      // ignore unparseable hrefs
    }
  }
  return links;
}

/** Child-index path from the root (bounded), for document-order comparisons. */
function pathOf(node: AnyNode): number[] {
  const path: number[] = [];
  for (let n: AnyNode = node; n.parent && path.length < 200; n = n.parent) path.push(n.parent.children.indexOf(n as ChildNode));
  return path.reverse();
}

/** True when `a` comes before `b` in document order. */
function precedes(a: AnyNode, b: AnyNode): boolean {
  const pa = pathOf(a);
  const pb = pathOf(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]!;
  return pa.length < pb.length;
}

const WHITESPACE_RUN = /\s+/g;

/** `text.split(/\s+/).length` (0 for no text), counted no further than `cap`: the tests below ask about 250 words at most. */
function wordsUpTo(text: string, cap: number): number {
  if (!text) return 0;
  WHITESPACE_RUN.lastIndex = 0;
  let n = 1;
  while (n < cap && WHITESPACE_RUN.exec(text)) n++;
  return n;
}

/**
 * `text.replace(/\s+/g, ' ').slice(0, max)`, collapsing only as much of `text` as that needs:
 * the collapsed start of a text is the start of the collapsed text.
 */
function collapsedPrefix(text: string, max: number): string {
  for (let raw = max * 2; ; raw *= 4) {
    if (raw >= text.length) return text.replace(/\s+/g, ' ').slice(0, max);
    const part = text.slice(0, raw).replace(/\s+/g, ' ');
    if (part.length >= max) return part.slice(0, max);
  }
}

export function classify(page: Page, fields: ExtractedFields, seen: PageEvidence): { kind: PageKind; reason: string } {
  const { scan, tags } = page;
  const headings = [
    scan.title ?? '',
    ...tags('h1')
      .slice(0, 3)
      .map((e: Element) => cleanInline(textOf(e, 300))),
  ];
  const deadHeading = headings.find((h) => h.length < 150 && NOT_FOUND_TEXT.test(h));
  if (deadHeading) return { kind: 'not-found', reason: `page says "${deadHeading.slice(0, 80)}"` };
  const words = wordsUpTo(seen.descriptionText, 250);
  const chars = seen.descriptionText.length;
  let pageIsJobUrl = false;
  try {
    pageIsJobUrl = isJobUrl(new URL(page.url));
  } catch {
    pageIsJobUrl = false;
  }
  // A posting at its own address with a sign-in box in the header (or a modal) is still the posting.
  const postingHere = pageIsJobUrl && (seen.hasApply || FACT_FIELDS.filter((f) => page.labels.has(f)).length >= 2);
  if (scan.hasPasswordInput && !postingHere && (words < 150 || headings.some((h) => LOGIN_TITLE.test(h)))) {
    return { kind: 'login', reason: 'page is a login form' };
  }

  let score = 0;
  const why: string[] = [];
  if (seen.hasApply) (score += 2), why.push('apply button');
  const facts = FACT_FIELDS.filter((f) => page.labels.has(f)).length;
  if (facts > 0) why.push(`${facts} labelled facts`);
  score += Math.min(3, facts);
  // Unspaced scripts carry more meaning per "word".
  if (words >= 80 || chars >= 300) score += 1;
  if (words >= 200 || chars >= 800) score += 1;
  let sections = 0;
  for (const e of tags('h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b').slice(0, 400)) {
    const raw = textOf(e, 120);
    if (raw.length < 100 && SECTION_HEADING.test(cleanInline(raw)) && ++sections >= 2) break;
  }
  score += Math.min(2, sections);
  // Gender markers of a posting title: "(m/w/d)", "(H/F)", "(f/m/x)", "(K/M)".
  const gender = !!fields.title && /\((?:[mwfdxhkv]\s*\/\s*){1,3}[mwfdxhkv]\*?\)|\b(?:[mwf]\/[mwf]\/[dx]|h\/f|f\/h)\b/i.test(fields.title);
  if (gender) (score += 2), why.push('gender marker');
  if (seen.chipFacts > 0) (score += Math.min(2, seen.chipFacts)), why.push(`${seen.chipFacts} top-card facts`);
  // The first 3,000 characters of text, not of source: server-rendered apps indent their markup so
  // deeply that raw whitespace alone can fill that sample.
  const sample = collapsedPrefix(seen.bodyText, 3_000);
  const vacancyText = foldWords(`${scan.title ?? ''} ${headings.join(' ')} ${sample}`);
  const vacancy = VACANCY_RE.test(vacancyText);
  if (vacancy) (score += 1), why.push('vacancy words');
  if (pageIsJobUrl) (score += 2), why.push('job URL');
  let searchPath = false;
  try {
    searchPath = new URL(page.url).pathname.split('/').some((seg) => SEARCH_SEGMENTS.has(seg.toLowerCase()));
  } catch {
    searchPath = false;
  }
  const listingTitle = headings.some((h) => LISTING_TITLE.test(h));
  if (seen.h1Count > 3) score -= 2;

  // Counting job links only matters when the page might be a listing.
  const maybeListing = score < 6 || listingTitle;
  const jobLinks = maybeListing ? jobLinksOn(page) : new Set<string>();
  // "Careers" over one posting is a careers page with one opening; over several links, a listing.
  if (listingTitle && jobLinks.size >= 2) score -= 3;
  // Several headings that each link to a posting are a result list, however much else the page says.
  const linked = tags('h2', 'h3', 'h4')
    .slice(0, 200)
    .filter((h) => {
      const a =
        h.name === 'a' ? h : (h.children.find((c): c is Element => c.type === 'tag' && (c as Element).name === 'a') ?? findAnchor(h));
      if (!a?.attribs.href) return false;
      try {
        return isJobUrl(new URL(a.attribs.href, page.url));
      } catch {
        return false;
      }
    });
  const linkedHeadings = linked.length;
  // A posting at its own address that states three labelled facts before the first linked
  // heading keeps a "jobs nearby" rail of linked cards below it ("同じエリアの求人"); on a result
  // list the facts sit inside the cards, after their linked headings.
  const factsFirst =
    linkedHeadings >= 3 &&
    pageIsJobUrl &&
    !!fields.title &&
    !isListingHeading(fields.title) &&
    FACT_FIELDS.filter((f) => {
      const hit = page.labels.get(f)?.[0];
      return hit !== undefined && precedes(hit.el, linked[0]!);
    }).length >= 3;
  if ((linkedHeadings >= 3 && !factsFirst) || seen.applyLinks >= 3) {
    return {
      kind: 'listing',
      reason: `page lists ${Math.max(linkedHeadings, seen.applyLinks)} postings (a listing page, not one posting)`,
    };
  }
  // A posting's text rarely links to five other postings; a listing's main block is those links.
  const ownText = Math.max(0, seen.bodyText.length - 60 * jobLinks.size);
  // A posting at its own job address, with an apply control or posting sections, keeps its
  // "similar jobs" rail or careers sidebar: those links do not make it a list.
  const railOnPosting =
    factsFirst || (pageIsJobUrl && !!fields.title && !isListingHeading(fields.title) && (seen.hasApply || sections >= 2) && words >= 250);
  if (!railOnPosting && (seen.linksInDescription >= 5 || (jobLinks.size >= 5 && (score < 5 || listingTitle || ownText < 1_500)))) {
    return { kind: 'listing', reason: `page lists ${jobLinks.size} job links (a listing page, not one posting)` };
  }
  // A news or magazine article (og:type article, an article publish time) about pay or an
  // employer reads like a posting; without an apply control and several labelled facts it is none.
  const article = scan.meta.get('og:type') === 'article' || scan.meta.has('article:published_time');
  if (article && !seen.hasApply && facts < 2 && !VACANCY_RE.test(foldWords(headings.join(' '))))
    return { kind: 'unknown', reason: 'page is an article, not a job posting' };
  // A search-results address ("/jobs/search?pr=2") holding one result is still a result list.
  if (searchPath && !pageIsJobUrl && !seen.hasApply) score -= 2;
  // Facts alone (a club's training page: "Ausbildung: Technik") are not enough: a posting also
  // shows one cue of hiring — an apply control, vacancy words, a job address, posting sections,
  // a gender marker or two labelled core facts.
  const coreFacts = CORE_FACTS.filter((f) => page.labels.has(f)).length;
  const hiringCue =
    seen.hasApply || vacancy || pageIsJobUrl || sections >= 2 || gender || coreFacts >= 2 || (seen.chipFacts >= 2 && coreFacts >= 1);
  if (score >= 3 && fields.title && hiringCue) return { kind: 'job', reason: why.join(', ') };
  if (score >= 3 && fields.title)
    return { kind: 'unknown', reason: `page states facts but no sign of hiring (no apply control, vacancy words or posting sections)` };
  if (jobLinks.size >= 2 && !pageIsJobUrl) {
    return { kind: 'listing', reason: `page links to ${jobLinks.size} job pages (a listing page, not one posting)` };
  }
  if (!fields.title) return { kind: 'unknown', reason: 'no job title found' };
  return { kind: 'unknown', reason: `page does not look like a job posting (score ${score})` };
}
