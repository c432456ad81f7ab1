/**
 * Words heuristics look for, compiled from the per-language data in `lang/` (labels, apply
 * buttons, section headings, listing/login/dead-page phrases), plus the strict workplace phrases
 * trusted next to structured data.
 * @module
 */
import { APPLY_RE, foldWords, isListingHeading, LOGIN_RE, NOT_FOUND_RE, SECTION_RE } from './lang/index.js';

export type { LabelField } from './lang/index.js';
export { labelField } from './lang/index.js';

/** Text of a link or button that starts an application, in any known language. */
export const APPLY_TEXT = { test: (text: string): boolean => APPLY_RE.test(foldWords(text)) };

/** Headings of posting sections ("Responsibilities", "Ihr Profil", "岗位职责"…). */
export const SECTION_HEADING = { test: (text: string): boolean => SECTION_RE.test(foldWords(text)) };

/** The page says the posting does not exist or is closed. */
export const NOT_FOUND_TEXT = {
  test: (text: string): boolean => /\b404\b/.test(text) || NOT_FOUND_RE.test(foldWords(text)),
};

// "(?:^|\s)jobs in" already covers "12 jobs in": a leading count adds nothing to a yes/no test.
const LISTING_EN =
  /(?:^|\s)(?:jobs|stellenangebote|stellen|empleos|emplois|offres d'emploi|ofertas de empleo)\s+(?:in|en|à|bei|at|near)\s|^\d+\s+(?:jobs|open positions|stellen|offres|empleos)\b|^(?:(?:all |current |open |our )?(?:jobs|job openings|open positions|open roles|openings|careers|career opportunities|vacancies|positions)(?: at .*)?|jobs bei .*)$/i;

/** A page title/heading that names a list of jobs rather than one. */
export const LISTING_TITLE = {
  test: (text: string): boolean => LISTING_EN.test(text) || isListingHeading(text),
};

/** Login/sign-in page titles. */
export const LOGIN_TITLE = { test: (text: string): boolean => LOGIN_RE.test(foldWords(text)) };

/**
 * Unambiguous workplace phrases in running text (descriptions), strict enough to trust next to
 * structured data: "hybrid schedule", "three office days", "Homeoffice an zwei Tagen pro Woche",
 * "fully remote". Bare "remote"/"hybrid" are not enough ("remote monitoring", "hybrid cloud").
 */
const WORKPLACE_IN_PROSE: ReadonlyArray<readonly [RegExp, 'hybrid' | 'remote' | 'onsite']> = [
  [
    /\bhybrid(?:e)? (?:schedule|work(?:ing)?|role|position|model|set-?up|arrangement|policy)\b|\bhybrides arbeiten\b|\b(?:modèle|travail|mode) hybride\b|\b(?:modelo|trabajo|modalidad) híbrid[oa]\b|\bhíbrido\b/i,
    'hybrid',
  ],
  [
    /\b(?:one|two|three|four|\d) (?:office days|days? (?:a|per) week (?:in|at|from) (?:the|our) office|days? in (?:the|our) office)\b/i,
    'hybrid',
  ],
  // "This role is hybrid: three days a week in our Seattle office", "the position will be hybrid".
  [/\b(?:role|position|job|team|schedule) (?:is|will be) hybrid\b/i, 'hybrid'],
  [
    /\b(?:one|two|three|four|\d) days? (?:a|per) week (?:in|at) (?:the|our) [A-Za-z][A-Za-z-]{1,30} (?:office|hub|studio)(?![A-Za-z])/i,
    'hybrid',
  ],
  [/\b(?:role|position|job) (?:is|will be) (?:fully|100 ?%) remote\b/i, 'remote'],
  // "This role is fully on-site", "100% on-site", "this is an in-office position", "no remote work".
  [
    /\b(?:role|position|job) (?:is|will be) (?:fully |100 ?% |entirely )?(?:on-?site|in-office|in office|in person|in-person)(?![a-z])|\b100 ?% (?:on-?site|in-office|in office)(?![a-z])|\b(?:an|a) (?:on-?site|in-office|in-person) (?:role|position|job)(?![a-z])|\bno remote work(?![a-z])|\bremote work is not (?:possible|available|an option)(?![a-z])/i,
    'onsite',
  ],
  [
    /\b(?:home ?office|mobiles arbeiten|remote)\b[^.\n]{0,30}\b(?:an )?(?:ein(?:em)?|zwei|drei|vier|\d) tag(?:en)? (?:pro|die|in der) woche\b/i,
    'hybrid',
  ],
  [
    /\b(?:télétravail|teletrabajo)\b[^.\n]{0,30}\b(?:un|deux|trois|quatre|uno|dos|tres|cuatro|\d) (?:jours?|días?) (?:par semaine|por semana|a la semana)\b/i,
    'hybrid',
  ],
  [
    /\b(?:fully remote|100 ?% remote|remote[- ]first|work from anywhere|vollständig remote|100 ?% télétravail|100 ?% remoto|totalmente remoto)\b/i,
    'remote',
  ],
  [/远程办公|居家办公|フルリモート|完全在宅|удалённая работа|удаленная работа|praca zdalna|volledig remote|العمل عن بعد/u, 'remote'],
  [/混合办公|一部リモート|гибридный формат|praca hybrydowa|hybride werken/u, 'hybrid'],
  [/(?:リモート|在宅)[^。]{0,12}週\d|週\d[^。]{0,6}(?:リモート|在宅)/u, 'hybrid'],
  [
    /\b\d (?:days?|jours?|días?|tage?) (?:in the office|au bureau|en la oficina|im büro)\b|\b\d{2}% of (?:working )?time in the office\b/i,
    'hybrid',
  ],
];

/** Workplace type stated unambiguously in running text, or `undefined`. */
/** Words every phrase above contains: text without any of them is skipped in one pass. */
const WORKPLACE_CUE =
  /hybrid|h[ií]brid|remot|office|on-?site|in person|in-person|home|mobiles|télétravail|teletrabajo|anywhere|bureau|oficina|büro|远程|居家|混合|リモート|在宅|удал|гибрид|zdaln|hybryd|عن بعد/i;

export function workplaceInProse(text: string): 'hybrid' | 'remote' | 'onsite' | undefined {
  if (!WORKPLACE_CUE.test(text)) return undefined;
  for (const [re, value] of WORKPLACE_IN_PROSE) if (re.test(text)) return value;
  return undefined;
}
