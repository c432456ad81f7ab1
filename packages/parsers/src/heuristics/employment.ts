/**
 * Employment type and workplace: labels in any language, ATS markup, top-card chips, then the
 * headline and the start of the description.
 * @module
 */
import type { EmploymentType, WorkplaceType } from '@jobkit/core';
import { parseEmploymentType, parseWorkplaceType } from '../normalize/index.js';
import { EMPLOYMENT_ANY_RE, foldWords, WORKPLACE_MATCHERS } from './lang/index.js';
import { firstText, type Page } from './page.js';
import type { Chip } from './top-card.js';
import { workplaceInProse } from './vocabulary.js';

const EMPLOYMENT_SELECTORS = [
  '.posting-categories .commitment',
  '.sort-by-commitment',
  '[data-ui="job-type"]',
  '[data-automation-id="time"]',
  '.job-type',
  '.employment-type',
  '[class*="employment-type" i]',
  '[class*="job-type" i]',
];
const WORKPLACE_SELECTORS = [
  '.posting-categories .workplaceTypes',
  '[data-ui="job-workplace"]',
  '.workplace-type',
  '.remote-policy',
  '[class*="workplace" i]',
];
/** Short blocks near the title that list location, hours and workplace ("Full-time · Hamburg"). */
export const HEADLINE_SELECTORS = [
  '.posting-categories',
  '.job-header',
  '.job__header',
  '#header',
  '.job-details',
  '.job-meta',
  '.job-info',
  '.job-summary',
  'h1 + p',
];

const WORKPLACE_PHRASES =
  /\b(fully remote|100 ?% remote|remote[- ]first|remote position|remote role|work from home|hybrid (?:work|role|position|model)|remote|hybrid|homeoffice|home office|mobiles arbeiten|télétravail|teletrabajo|remoto|híbrido|hybride)\b/i;

/**
 * A fixed end stated in prose: "the position ends on 31.3.2027", "the appointment is limited to
 * two years", "befristet bis", "contrat à durée déterminée", "tijdelijk contract".
 */
const FIXED_END =
  /\b(?:(?:position|employment|appointment|contract|post|job) (?:ends|will end|is limited|is time-limited|runs until|expires)\b|befristet (?:bis|auf|für)\b|contrat à durée déterminée|tijdelijk(?:e)? (?:contract|aanstelling|dienstverband))/iu;
/** A label that states the contract is open-ended. */
const OPEN_ENDED = /\b(?:permanent|unbefristet|indefinite|cdi|vast contract|onbepaalde tijd)\b/iu;

/** `types` plus temporary when the description states a fixed end and nothing said open-ended. */
function withFixedEnd(types: EmploymentType[], said: string, description: string): EmploymentType[] {
  if (types.includes('temporary') || OPEN_ENDED.test(said)) return types;
  return FIXED_END.test(description.slice(0, 8_000)) ? [...types, 'temporary'] : types;
}

/** Two "(84)"-style counts in one value: a facet list of a search page. */
const FACET_COUNTS = /[(（]\d{1,6}[)）][^(（]{1,40}[(（]\d{1,6}[)）]/u;

export function extractEmployment(page: Page, chips: readonly Chip[], headline: string, description: string): EmploymentType[] | undefined {
  // A value naming three or more kinds of contract, or counting postings per kind, is a search
  // filter or a form's options ("雇用形態: 正社員 契約社員 パート 派遣社員", "常勤（84） 非常勤（8）"),
  // not what this posting offers.
  const labelled = page.labels
    .get('employment')
    ?.map((h) => h.value)
    .filter((v) => !FACET_COUNTS.test(v) && parseEmploymentType(v).length < 3)
    .join(', ');
  const sources = [
    labelled,
    firstText(page, EMPLOYMENT_SELECTORS, 2, 100)?.text,
    ...chips.filter((c) => c.kind === 'employment').map((c) => c.text),
  ];
  for (const s of sources) {
    if (!s) continue;
    const types = parseEmploymentType(s);
    if (types.length > 0) return withFixedEnd(types, s, description);
  }
  for (const text of [headline, description.slice(0, 600)]) {
    const m = EMPLOYMENT_ANY_RE.exec(foldWords(text));
    if (!m) continue;
    const types = parseEmploymentType(m[0]);
    if (types.length > 0) return types;
  }
  return undefined;
}

const YES = /^(?:yes|ja|oui|sí|si|sim|tak|да|نعم|是|はい|evet|예)\b/iu;
const NO = /^(?:no|nein|non|não|nie|нет|لا|否|いいえ|hayır|아니요)\b/iu;

export function extractWorkplace(page: Page, chips: readonly Chip[], headline: string, description: string): WorkplaceType | undefined {
  // "Remote job: No", "Homeoffice: Ja": a yes/no answer to a remote label.
  for (const hit of page.labels.get('workplace') ?? []) {
    if (parseWorkplaceType(hit.label) !== 'remote') continue;
    // "Telework possible: yes" allows some remote days: hybrid, not fully remote.
    if (YES.test(hit.value))
      return /possib|eligib|allowed|autoris|möglich|posible|possível|partiel|partial/i.test(hit.label) ? 'hybrid' : 'remote';
    if (NO.test(hit.value)) return 'onsite';
  }
  const sources = [
    page.labels.get('workplace')?.[0]?.value,
    firstText(page, WORKPLACE_SELECTORS, 2, 100)?.text,
    ...chips.filter((c) => c.kind === 'workplace').map((c) => c.text),
  ];
  for (const s of sources) {
    const w = s ? parseWorkplaceType(s) : null;
    if (w) return w;
  }
  const folded = foldWords(headline);
  for (const [type, re] of WORKPLACE_MATCHERS) if (re.test(folded)) return type;
  const m = WORKPLACE_PHRASES.exec(headline);
  const inHeadline = m ? parseWorkplaceType(m[1]!) : null;
  if (inHeadline) return inHeadline;
  // Running text only counts when it is unambiguous ("hybrid apps" and "remote monitoring" are not workplaces).
  return workplaceInProse(description.slice(0, 5_000));
}
