/**
 * LinkedIn guest job pages (`/jobs/view/…`, `/jobs-guest/jobs/api/jobPosting/…`): the top card
 * holds title, employer and location; the criteria list holds the employment type. The
 * `<title>` ("Employer hiring Role in Place | LinkedIn", or "Role | Employer | LinkedIn") is the
 * fallback. Never the navigation ("0 notifications") or the platform name. Pages saved while
 * signed in carry the "unified top card" instead, in three generations of class names
 * (`jobs-details-top-card__*`, `jobs-unified-top-card__*`, `job-details-jobs-unified-top-card__*`),
 * whose description line reads "Place · 2 weeks ago · 57 applicants" and whose preference chips
 * hold pay, workplace and job type.
 * @module
 */
import { defineSite, type TitleParts } from './types.js';

/** "Acme hiring Engineer in Berlin" (verb, preposition), in the languages LinkedIn renders guest pages in. */
const HIRING: ReadonlyArray<readonly [string, string]> = [
  [' hiring ', ' in '],
  [' sucht ', ' in '],
  [' recrute ', ' à '],
  [' busca ', ' en '],
  [' está contratando ', ' em '],
  [' contrata ', ' em '],
  [' cerca ', ' a '],
  [' zoekt ', ' in '],
  [' zatrudni ', ' w '],
];

/** Split "Employer VERB Role PREP Place" with plain string search (no backtracking on long titles). */
function hiring(t: string): TitleParts | undefined {
  for (const [verb, prep] of HIRING) {
    const v = t.indexOf(verb);
    if (v <= 0) continue;
    let rest = t.slice(v + verb.length);
    // French: "Acme recrute pour des postes de Role (Place)".
    const fr = /^pour des postes de /.exec(rest);
    if (fr) {
      rest = rest.slice(fr[0].length);
      const open = rest.lastIndexOf(' (');
      if (open > 0 && rest.endsWith(')')) return { company: t.slice(0, v), title: rest.slice(0, open), location: rest.slice(open + 2, -1) };
    }
    const p = rest.lastIndexOf(prep);
    if (p <= 0) continue;
    return { company: t.slice(0, v).trim(), title: rest.slice(0, p).trim(), location: rest.slice(p + prep.length).trim() };
  }
  return undefined;
}

function fromTitle(raw: string): TitleParts | undefined {
  if (raw.length > 400) return undefined;
  const t = raw.replace(/[|–-] ?LinkedIn(?: \p{L}+)?$/iu, '').trim();
  if (!t) return undefined;
  const said = hiring(t);
  if (said) return said;
  // Only a title that names LinkedIn as its last segment is LinkedIn's own format.
  if (t === raw) return undefined;
  const parts = t
    .split(' | ')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length >= 2) return { title: parts[0]!, company: parts[1]! };
  return parts[0] ? { title: parts[0] } : undefined;
}

/** The employer's own apply URL hides in `externalApply/…?url=`. */
function applyUrl(href: string): string | undefined {
  try {
    const u = new URL(href, 'https://www.linkedin.com');
    const target = u.searchParams.get('url');
    if (/externalApply/i.test(u.pathname) && target && /^https?:\/\//i.test(target)) return target;
    return /\/(?:signup|login|uas\/login)/.test(u.pathname) ? undefined : u.toString();
  } catch {
    return undefined;
  }
}

/** A job page: `/jobs/view/{slug-}{id}` or `/comm/jobs/view/{id}` (an e-mail alert's link). */
const JOB_PATH = /^\/(?:comm\/)?jobs\/view\/[^/]{1,300}\/?$/;

/**
 * One id per posting link: a job page's query only says where the click came from (`refId`,
 * `trackingId`, `position`, `pageNum`, `trk`, `alertAction`…), so it is dropped. Host and path
 * stay as written (a country host serves the page in its language).
 */
function canonicalJobUrl(u: URL): void {
  const host = u.hostname;
  if ((host === 'linkedin.com' || host.endsWith('.linkedin.com')) && JOB_PATH.test(u.pathname)) u.search = '';
}

/** Segments of a top-card description line that are not a place: age, applicants, promotion, response insight. */
const NOT_PLACE =
  /^(?:(?:re)?posted\b|\d+\+? ?(?:minutes?|hours?|days?|weeks?|months?) ago|(?:over |be among the first )?\d[\d,]* (?:applicants?|people clicked apply)|promoted\b|actively recruiting|responses managed|no longer accepting)/i;

/** "Melbourne, Victoria, Australia · 1 week ago · 57 applicants": the first segment that names a place. */
function descriptionLinePlace(t: string): string | undefined {
  const parts = t
    .split(/ [·•] /)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return t;
  return parts.find((p) => !NOT_PLACE.test(p));
}

export const linkedin = defineSite({
  id: 'linkedin',
  name: 'LinkedIn',
  hosts: ['linkedin.com'],
  canonicalUrl: { canonicalize: canonicalJobUrl },
  match: (url) => /^\/(?:jobs\/view\/|jobs-guest\/jobs\/api\/jobPosting\/|comm\/jobs\/view\/)/.test(url.pathname),
  fields: {
    title: [
      'h1.top-card-layout__title',
      'h1.topcard__title',
      'h2.top-card-layout__title',
      'h2.topcard__title',
      '.top-card-layout__entity-info h1',
      '.job-details-jobs-unified-top-card__job-title h1',
      '.job-details-jobs-unified-top-card__job-title',
      '.jobs-unified-top-card__job-title',
      '.jobs-details-top-card__job-title',
      'h3.sub-nav-cta__header',
    ],
    company: [
      'a.topcard__org-name-link',
      '.topcard__org-name-link',
      '.top-card-layout__second-subline .topcard__flavor a',
      'span.topcard__flavor:not(.topcard__flavor--bullet)',
      'a.sub-nav-cta__optional-url',
      '.job-details-jobs-unified-top-card__company-name a',
      '.job-details-jobs-unified-top-card__company-name',
      '.jobs-unified-top-card__company-name a',
      '.jobs-unified-top-card__company-name',
      '.jobs-details-top-card__company-url',
      'img.artdeco-entity-image @alt',
    ],
    location: [
      '.top-card-layout__second-subline span.topcard__flavor--bullet',
      'span.topcard__flavor--bullet',
      '.sub-nav-cta__meta-text',
      '.job-details-jobs-unified-top-card__bullet',
      '.jobs-unified-top-card__bullet',
      '.jobs-details-top-card__bullet',
      '.job-details-jobs-unified-top-card__tertiary-description-container',
      '.job-details-jobs-unified-top-card__primary-description-container',
    ],
    workplace: [
      '.job-details-jobs-unified-top-card__workplace-type',
      '.jobs-unified-top-card__workplace-type',
      '.job-details-fit-level-preferences',
      '.job-details-preferences-and-skills',
    ],
    employmentType: [
      '.job-details-jobs-unified-top-card__job-insight',
      '.jobs-unified-top-card__job-insight',
      '.job-details-fit-level-preferences',
      '.job-details-preferences-and-skills',
    ],
    salary: [
      '.salary.compensation__salary',
      '.compensation__salary-range .salary',
      '.compensation__salary',
      '.job-details-fit-level-preferences',
      '.job-details-preferences-and-skills',
      '#SALARY .jobs-details__salary-main-rail-card',
    ],
    datePosted: ['span.posted-time-ago__text', '.posted-time-ago__text', '.topcard__flavor--metadata.posted-time-ago__text'],
    applyUrl: [
      'a.apply-button[href] @href',
      // A guest's Apply opens a sign-up modal that still offers "apply on the company website"
      // (LinkedIn's own class spells it "webiste"); its link is the employer's URL behind externalApply.
      'a[class*="sign-up-modal__company_web"][href] @href',
      'a[data-tracking-control-name*="apply"][href] @href',
    ],
    description: [
      '.show-more-less-html__markup',
      '.description__text',
      '#job-details',
      '.jobs-description__content',
      '.jobs-description-content__text',
      '.jobs-box__html-content',
    ],
  },
  criteria: [
    { item: '.description__job-criteria-item', label: '.description__job-criteria-subheader', value: '.description__job-criteria-text' },
  ],
  labels: {
    'seniority level': null,
    'job function': null,
    industries: null,
    'employment type': 'employmentType',
    senioritätslevel: null,
    karrierestufe: null,
    tätigkeitsbereich: null,
    branchen: null,
    beschäftigungsverhältnis: 'employmentType',
    'niveau hiérarchique': null,
    fonction: null,
    secteurs: null,
    "type d'emploi": 'employmentType',
    'nivel de antigüedad': null,
    'función laboral': null,
    sectores: null,
    'tipo de empleo': 'employmentType',
    'nível de experiência': null,
    função: null,
    setores: null,
    'tipo de emprego': 'employmentType',
    'livello di anzianità': null,
    'funzione lavorativa': null,
    settori: null,
    'tipo di impiego': 'employmentType',
    senioriteitsniveau: null,
    functie: null,
    sectoren: null,
    dienstverband: 'employmentType',
    'poziom w hierarchii': null,
    'rodzaj zatrudnienia': 'employmentType',
    雇用形態: 'employmentType',
    职位类型: null,
    雇佣类型: 'employmentType',
  },
  fromTitle,
  clean: {
    applyUrl,
    // The company line sometimes carries the location after a bullet.
    company: (t) => t.split(/ [·•] /)[0]!.trim(),
    location: descriptionLinePlace,
  },
  listing: {
    jobLinks: [
      'a.base-card__full-link @href',
      '.base-search-card a.base-card__full-link @href',
      'a.job-card-list__title @href',
      'a.base-card @href',
    ],
    nextPage: ['a[aria-label="Next"] @href', 'li.artdeco-pagination__indicator--number.active + li a @href'],
  },
});
