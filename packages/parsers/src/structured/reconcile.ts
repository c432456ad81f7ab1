/**
 * Structured data against the visible page. JSON-LD, microdata and RDFa win by default, but
 * markup is often templated or stale: a stub description, a title shorter or longer than the
 * page's heading, the board or a placeholder as `hiringOrganization`, `FULL_TIME` on a part-time
 * job, `TELECOMMUTE` on a hybrid one. {@link structuredDoubts} says, from head metadata only (no
 * DOM), when the visible page is worth reading; {@link reconcileWithPage} then keeps the value a
 * person reads on the page, marks it `heuristic` in provenance and says so in a warning.
 * @module
 */
import type { EmploymentType, FieldSource } from '@jobkit/core';
import { isBrand, type SiteBrand } from '../heuristics/site.js';
import type { PageScan } from '../html/scan.js';
import type { ExtractedFields, MergedFields } from './fields.js';

/** A structured description shorter than this (characters of text) is a stub, not the posting. */
const THIN_DESCRIPTION_CHARS = 280;

/** Letters and digits only, lower case, without diacritics ("ETH Zürich" = "ETH Zurich"). */
const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The head's own statements of the posting: `<title>`, `og:title`, `twitter:title`. */
function headTitles(scan: PageScan): string[] {
  return [scan.title, scan.meta.get('og:title'), scan.meta.get('twitter:title')].filter((t): t is string => !!t).map(fold);
}

/** The head names `text` (folded containment in a head title, or the site name for companies). */
function inHead(scan: PageScan, text: string, withSiteName = false, heads = headTitles(scan)): boolean {
  const k = fold(text);
  if (!k) return false;
  if (heads.some((h) => h.includes(k))) return true;
  const site = withSiteName ? scan.meta.get('og:site_name') : undefined;
  return site !== undefined && fold(site).includes(k);
}

/** A description cut short: under {@link THIN_DESCRIPTION_CHARS}, or ending in an ellipsis. */
export function isThinDescription(text: string | undefined): boolean {
  if (!text) return true;
  const t = text.trimEnd();
  return t.length < THIN_DESCRIPTION_CHARS || t.endsWith('…') || t.endsWith('...');
}

/**
 * Why a structured posting should be checked against the visible page, judged from head
 * metadata only (so a complete, consistent posting costs no DOM): its description is a stub,
 * the head states a title it does not contain, or the employer is the platform or named nowhere
 * in the head. Empty when there is no reason.
 */
export function structuredDoubts(fields: ExtractedFields, scan: PageScan, brand: SiteBrand): string[] {
  const doubts: string[] = [];
  if (isThinDescription(fields.description?.text)) doubts.push('description');
  const heads = headTitles(scan);
  if (fields.title && heads.length > 0 && !inHead(scan, fields.title, false, heads)) doubts.push('title');
  const company = fields.company?.name;
  if (company && (!inHead(scan, company, true, heads) || isBrand(company, brand))) doubts.push('company');
  return doubts;
}

/** Separators that put an appendix after a role: " - ", " – ", " — ", " | ", " · ", ", ", or an opening bracket. */
const APPENDIX_SEPARATORS = [' - ', ' – ', ' — ', ' | ', ' · ', ', ', ' (', ' ['];
/** A requisition or job code: letters (R, REQ, JR, Job ID, Ref…) then digits, or a bare long number ("R-104233", "REQ 2291", "#4410", "2024-117"). */
const REQUISITION = /^(?:(?:req(?:uisition)?|job(?: id)?|ref(?:erence)?|id|jr|jid|r|no|nr)\.? ?[#:-]? ?|#)?\d[\d-]{2,14}[a-z]?$/i;

/**
 * A structured title with an appendix the page's heading does not carry: a requisition code
 * ("Data Engineer (R-104233)", "Data Engineer - REQ 2291") or one of the posting's own places
 * ("Data Engineer - Berlin", "Data Engineer (Remote)"), or the employer before or after it ("[Acme]
 * Data Engineer", "Data Engineer at Acme"). Returns the role without it, or the title unchanged.
 * Runs without a DOM, on the structured values alone.
 */
export function stripTitleAppendix(title: string, places: readonly string[], company?: string): { title: string; remote: boolean } {
  let t = title.trim();
  let remote = false;
  // The employer put before or after the role: "[Acme] Data Engineer", "Acme - Data Engineer",
  // "Data Engineer | Acme", "Data Engineer at Acme".
  const employer = company ? fold(nameCore(company)) : '';
  if (employer.length >= 2) {
    const lead = /^\[([^\]]{1,80})\] ?|^(.{1,80}?)(?: [-–—|]|:) /u.exec(t);
    if (lead && fold(nameCore(lead[1] ?? lead[2] ?? '')) === employer && /\p{L}{3}/u.test(t.slice(lead[0].length)))
      t = t.slice(lead[0].length).trim();
    for (const sep of [' at ', ' @ ', ' - ', ' – ', ' — ', ' | ']) {
      const i = t.lastIndexOf(sep);
      if (i > 0 && fold(nameCore(t.slice(i + sep.length))) === employer && /\p{L}{3}/u.test(t.slice(0, i))) {
        t = t.slice(0, i).trim();
        break;
      }
    }
  }
  for (let round = 0; round < 2; round++) {
    let cut = -1;
    for (const sep of APPENDIX_SEPARATORS) {
      const i = t.lastIndexOf(sep);
      if (i <= 0 || i < cut) continue;
      let tail = t.slice(i + sep.length).trim();
      if (sep === ' (' || sep === ' [') {
        if (!tail.endsWith(sep === ' (' ? ')' : ']')) continue;
        tail = tail.slice(0, -1).trim();
      }
      const key = fold(tail);
      if (!key) continue;
      const isPlace = key === 'remote' || places.some((p) => fold(p) === key);
      if (isPlace || REQUISITION.test(tail)) cut = i;
    }
    if (cut <= 0) break;
    const head = t.slice(0, cut).trim();
    // The role must remain: at least one word of three letters.
    if (!/\p{L}{3}/u.test(head)) break;
    if (fold(t.slice(cut)) === 'remote') remote = true;
    t = head;
  }
  return { title: t, remote };
}

/** Names a posting's places go by: each location's city, region, raw text and display parts. */
export function placeNames(locations: readonly { raw: string; city?: string; region?: string; display?: string }[]): string[] {
  const names = new Set<string>();
  for (const l of locations.slice(0, 20)) {
    for (const n of [l.raw, l.city, l.region, ...(l.display ?? '').split(', ')]) if (n && n.length >= 2) names.add(n);
  }
  return [...names];
}

/** What the visible page offers beside the heuristics' fields. */
export interface PageEvidence {
  scan: PageScan;
  brand: SiteBrand;
  /** The page's first `h1`, as text. */
  h1: string | undefined;
  /** How often `text` occurs on the page outside its structured-data blocks (capped). */
  mentions(text: string): number;
}

const LEGAL_FORMS = new Set([
  'gmbh',
  'ag',
  'kg',
  'se',
  'ltd',
  'limited',
  'llc',
  'inc',
  'corp',
  'co',
  'plc',
  'sa',
  'sas',
  'sl',
  'bv',
  'nv',
  'ab',
  'as',
  'oy',
  'srl',
  'spa',
  'kft',
  'zoo',
  'sp',
  'z',
  'o',
  'oo',
  'sarl',
  'gbr',
  'ug',
  'eg',
  'ev',
  'pty',
  'pte',
  'bhd',
  'sdn',
]);

/** An organisation's name without a legal form at its end ("Kühltechnik Sommer GmbH" → "Kühltechnik Sommer"). */
function nameCore(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!.toLowerCase().replace(/[^\p{L}]+/gu, ''))) words.pop();
  let core = words.join(' ');
  while (core.endsWith(',') || core.endsWith(' ')) core = core.slice(0, -1);
  return core;
}

/** Words of three or more letters or digits (or a CJK run), folded. */
function wordsOf(s: string): Set<string> {
  return new Set(
    s
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3 || /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u.test(w)),
  );
}

/** Two titles of the same posting: one contains the other, or they share a word. */
function related(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  if (!fa || !fb) return false;
  if (fa.includes(fb) || fb.includes(fa)) return true;
  const wa = wordsOf(a);
  for (const w of wordsOf(b)) if (wa.has(w)) return true;
  return false;
}

/** Kinds of work a page states beside hours (a fixed term, a contractor's contract, an internship…). */
const QUALIFIERS: readonly EmploymentType[] = ['contract', 'temporary', 'internship', 'volunteer', 'per_diem'];

/** What the visible page states: a site profile's fields where it has them, else the heuristics'. */
export interface VisibleFields {
  fields: ExtractedFields;
  /** Where each field came from (`site:<id>` or `heuristic`). */
  sources: Partial<Record<keyof ExtractedFields, FieldSource>>;
}

/** A site profile's fields first (the board's own markup), the heuristics' for the rest. */
export function visibleFields(heuristic: ExtractedFields, site?: { id: string; fields: ExtractedFields }): VisibleFields {
  const fields: ExtractedFields = { ...heuristic };
  const sources: VisibleFields['sources'] = {};
  for (const key of Object.keys(heuristic) as Array<keyof ExtractedFields>) sources[key] = 'heuristic';
  if (site) {
    for (const key of Object.keys(site.fields) as Array<keyof ExtractedFields>) {
      const value = site.fields[key];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      (fields as Record<string, unknown>)[key] = value;
      sources[key] = `site:${site.id}` as FieldSource;
    }
  }
  return { fields, sources };
}

/**
 * Compare structured fields (`merged`, from `source`) with what heuristics read on the visible
 * page (`visible`) and keep what a person reads:
 * - description: the page's when the structured one is a stub and the page's is much longer;
 * - title: the page's `h1` when the head states it too and it names the same role;
 * - company: the page's employer when the structured one is the platform, or is named nowhere
 *   on the page while the head names the page's;
 * - workplace: `hybrid` on the page refines a structured `remote`;
 * - employment type: the page's part-time (or full-time) replaces the other when markup and page
 *   disagree on hours, and the page's fixed term, contract or internship is added;
 * - validThrough: the deadline the page states.
 * Other disagreements keep the structured value with a warning. Gaps are not filled here.
 */
export function reconcileWithPage(
  merged: MergedFields,
  shownOnPage: VisibleFields,
  source: string,
  page: PageEvidence,
  warnings: string[],
): void {
  const f = merged.fields;
  const visible = shownOnPage.fields;
  const setField = <K extends keyof ExtractedFields>(key: K, value: ExtractedFields[K]): void => {
    merged.fields[key] = value;
    merged.provenance[key as keyof MergedFields['provenance']] = shownOnPage.sources[key] ?? 'heuristic';
  };

  const own = f.description?.text ?? '';
  const shown = visible.description?.text ?? '';
  if (
    visible.description &&
    isThinDescription(own) &&
    shown.length >= (own.length < THIN_DESCRIPTION_CHARS ? Math.max(120, 2 * own.length) : 1.5 * own.length)
  ) {
    setField('description', visible.description);
    warnings.push(
      `${source} description is ${own.length ? `a stub (${own.length} characters)` : 'empty'}; used the page's (${shown.length} characters)`,
    );
  }

  if (f.title && visible.title && fold(f.title) !== fold(visible.title)) {
    const isH1 = page.h1 !== undefined && fold(page.h1) === fold(visible.title);
    if (isH1 && inHead(page.scan, visible.title) && related(f.title, visible.title)) {
      warnings.push(`${source} title "${f.title.slice(0, 80)}" replaced by the page's h1 "${visible.title.slice(0, 80)}"`);
      setField('title', visible.title);
    } else if (!fold(f.title).includes(fold(visible.title)) && !fold(visible.title).includes(fold(f.title))) {
      warnings.push(`${source} title "${f.title.slice(0, 80)}" differs from the page's "${visible.title.slice(0, 80)}"; kept ${source}`);
    }
  }

  const theirs = f.company?.name;
  const ours = visible.company?.name;
  // Two forms of one name ("Acme" and "Acme & Sons", "ETH Zürich" and "ETH Zurich") are not a disagreement.
  const sameName = (a: string, b: string) => fold(nameCore(a)).includes(fold(nameCore(b))) || fold(nameCore(b)).includes(fold(nameCore(a)));
  if (theirs && ours && fold(ours) && !sameName(theirs, ours) && !isBrand(ours, page.brand)) {
    const platform = isBrand(theirs, page.brand);
    // Named nowhere on the page (body or head), while the page shows its own employer and the head names it.
    const unseen =
      !platform &&
      page.mentions(nameCore(theirs)) === 0 &&
      !inHead(page.scan, theirs, true) &&
      page.mentions(ours) > 0 &&
      inHead(page.scan, ours);
    if (platform || unseen) {
      warnings.push(
        `${source} hiringOrganization "${theirs.slice(0, 80)}" is ${platform ? 'the platform' : 'named nowhere on the page'}; kept the page's employer "${ours.slice(0, 80)}"`,
      );
      setField('company', visible.company);
    }
  }

  // A deadline the page states (label or "apply by …" wording) against the markup's validThrough.
  if (f.validThrough && visible.validThrough && f.validThrough.slice(0, 10) !== visible.validThrough.slice(0, 10)) {
    warnings.push(
      `${source} validThrough ${f.validThrough.slice(0, 10)} replaced by the deadline the page states (${visible.validThrough.slice(0, 10)})`,
    );
    setField('validThrough', visible.validThrough);
  }

  if (f.workplaceType && visible.workplaceType && f.workplaceType !== visible.workplaceType) {
    if (f.workplaceType === 'remote' && visible.workplaceType === 'hybrid') {
      warnings.push(`${source} workplace remote replaced by the page's hybrid`);
      setField('workplaceType', 'hybrid');
    } else {
      warnings.push(`${source} workplace ${f.workplaceType} differs from the page's ${visible.workplaceType}; kept ${source}`);
    }
  }

  const types = f.employmentType;
  const stated = visible.employmentType;
  if (types?.length && stated?.length) {
    const next = new Set<EmploymentType>(types);
    // The visible hours and terms decide; provenance names where the page's part came from.
    // Hours: the page's part-time against the markup's full-time (or the reverse) is the page's.
    const hours = (list: readonly EmploymentType[]) => list.filter((t) => t === 'full_time' || t === 'part_time');
    const markupHours = hours(types);
    const pageHours = hours(stated);
    const clash = pageHours.length === 1 && markupHours.length === 1 && pageHours[0] !== markupHours[0];
    if (clash) {
      next.delete(markupHours[0]!);
      next.add(pageHours[0]!);
    }
    for (const t of stated) if (QUALIFIERS.includes(t)) next.add(t);
    if (next.size !== types.length || [...next].some((t) => !types.includes(t))) {
      const order: readonly EmploymentType[] = [
        'full_time',
        'part_time',
        'contract',
        'temporary',
        'internship',
        'volunteer',
        'per_diem',
        'other',
      ];
      const value = order.filter((t) => next.has(t));
      warnings.push(
        `${source} employment type ${types.join('/')} replaced by ${value.join('/')} as the page states it (${stated.join('/')})`,
      );
      setField('employmentType', value);
    } else if (!stated.some((t) => types.includes(t))) {
      warnings.push(`${source} employment type ${types.join('/')} differs from the page's ${stated.join('/')}; kept ${source}`);
    }
  }
}
