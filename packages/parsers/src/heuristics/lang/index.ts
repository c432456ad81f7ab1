/**
 * Every language's vocabulary, compiled once into lookups and literal-alternation matchers
 * (linear-time: no nested quantifiers). Adding a language is one file plus one line in
 * {@link LANGUAGES}.
 * @module
 */
import type { EmploymentType } from '@jobkit/core';
import { isSpace, spaceOr, stripTrailingBracket, trimEndWhile } from '../../text-scan.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { hi } from './hi.js';
import { id } from './id.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { mr } from './mr.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { sv } from './sv.js';
import { th } from './th.js';
import { tr } from './tr.js';
import type { LabelField, LanguageVocabulary } from './types.js';
import { uk } from './uk.js';
import { vi } from './vi.js';
import { zh } from './zh.js';

export type { LabelField, LanguageVocabulary } from './types.js';

/** Languages heuristics read, English first (its words win a label both languages use). */
export const LANGUAGES: readonly LanguageVocabulary[] = [
  en,
  de,
  fr,
  es,
  pt,
  it,
  nl,
  pl,
  sv,
  zh,
  ja,
  ko,
  ar,
  ru,
  uk,
  hi,
  mr,
  tr,
  th,
  vi,
  id,
];

/** Scripts written without spaces between words: their words match as substrings. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * Fold text for vocabulary lookups: lower case, one space, Arabic letter variants unified
 * (أ/إ/آ → ا, ة → ه, ى → ي, tatweel dropped) so "استقبال" and "إستقبال" meet.
 */
const ARABIC = /[\u0600-\u06ff]/;
const ODD_SPACE = /[\t\n\r\f\v\u00a0\u200b-\u200f]| {2}/;

export function foldWords(text: string): string {
  let t = text.toLowerCase();
  // Turkish "İ" lower-cases to "i" plus a combining dot: "İlan tarihi" must meet "ilan tarihi".
  if (t.includes('\u0307')) t = t.replace(/\u0307/g, '');
  // Most texts need neither pass; testing first saves the allocations.
  if (ARABIC.test(t)) {
    t = t
      .replace(/[\u0622\u0623\u0625]/g, '\u0627')
      .replace(/\u0629/g, '\u0647')
      .replace(/\u0649/g, '\u064a')
      .replace(/[\u0640\u064b-\u065f]/g, '');
  }
  if (ODD_SPACE.test(t)) t = t.replace(/[\s\u00a0\u200b-\u200f]+/g, ' ');
  return t.trim();
}

const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

/**
 * One regex for a word list: spaced-script words need a non-letter on both sides, unspaced
 * ones match anywhere. Longest words first so the longest phrase wins. Case-insensitive.
 */
function wordMatcher(words: Iterable<string>, flags = ''): RegExp {
  const spaced = new Set<string>();
  const unspaced = new Set<string>();
  for (const raw of words) {
    const w = foldWords(raw);
    if (!w) continue;
    (UNSPACED.test(w) ? unspaced : spaced).add(w);
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  const parts: string[] = [];
  if (spaced.size > 0)
    parts.push(`(?<![\\p{L}\\p{M}\\p{N}])(?:${[...spaced].sort(byLength).map(escapeWord).join('|')})(?![\\p{L}\\p{M}\\p{N}])`);
  if (unspaced.size > 0) parts.push(`(?:${[...unspaced].sort(byLength).map(escapeWord).join('|')})`);
  return new RegExp(parts.length > 0 ? parts.join('|') : '(?!)', `iu${flags}`);
}

const all = <K extends keyof LanguageVocabulary>(key: K): string[] =>
  LANGUAGES.flatMap((l) => (l[key] as readonly string[] | undefined) ?? []);

const LABEL_INDEX = new Map<string, LabelField>();
for (const lang of LANGUAGES) {
  for (const [field, words] of Object.entries(lang.labels) as Array<[LabelField, readonly string[]]>) {
    for (const w of words) {
      const key = foldWords(w);
      if (!LABEL_INDEX.has(key)) LABEL_INDEX.set(key, field);
    }
  }
}

/** Longest label, in characters: longer texts are never looked up. */
const MAX_LABEL = Math.max(...[...LABEL_INDEX.keys()].map((k) => k.length));

/**
 * The field a visible label introduces (`"Standort:"` → `location`, `"الراتب :"` → `salary`),
 * or `undefined`. Leading icons/bullets and trailing colons, asterisks and dashes are ignored.
 */
const LABEL_CACHE = new Map<string, LabelField | null>();

export function labelField(label: string): LabelField | undefined {
  if (label.length > MAX_LABEL + 40) return undefined;
  // Pages repeat the same short texts (navigation, chips); most are not labels.
  const cached = LABEL_CACHE.get(label);
  if (cached !== undefined) return cached ?? undefined;
  const field = lookupLabel(label);
  if (LABEL_CACHE.size >= 20_000) LABEL_CACHE.clear();
  LABEL_CACHE.set(label, field ?? null);
  return field;
}

function lookupLabel(label: string): LabelField | undefined {
  const lead = foldWords(label).replace(/^[^\p{L}\p{N}]+/u, '');
  const key = stripTrailingBracket(trimEndWhile(lead, spaceOr(':：*-–—.؟?')), '(', ')', 0, 20);
  const exact = LABEL_INDEX.get(key);
  if (exact || !key.includes(' ')) return exact;
  // "Closing date for applications", "آخر موعد لتقديم الطلبات": a known label of two or more
  // words followed by at most three more words.
  const words = key.split(' ');
  for (let n = words.length - 1; n >= 2 && words.length - n <= (n >= 3 ? 5 : 3); n--) {
    const hit = LABEL_INDEX.get(words.slice(0, n).join(' '));
    if (hit) return hit;
  }
  // "Consolidated salary", "Primary location", "Posting end date": a qualifier or two before a
  // known label. One-word endings too vague to carry the field ("date", "type") do not count.
  // A one-word tail counts only for fields whose noun is unmistakable (salary, location, deadline):
  // "Perform periodic database administration" is a sentence, not an "administration" label.
  if (words.length <= 3 && !LEAD_STOP.has(words[0]!)) {
    for (let n = Math.min(2, words.length - 1); n >= 1; n--) {
      const tail = words.slice(words.length - n).join(' ');
      if (n === 1 && VAGUE_TAILS.has(tail)) continue;
      const hit = LABEL_INDEX.get(tail);
      if (!hit || hit === 'title' || hit === 'apply') continue;
      if (n === 1 && hit !== 'salary' && hit !== 'location' && hit !== 'validThrough') continue;
      return hit;
    }
  }
  return undefined;
}

/** Headings such as "About the company" or "Our location" are sections, not labels. */
const LEAD_STOP = new Set([
  'about',
  'our',
  'the',
  'your',
  'über',
  'unser',
  'unsere',
  'notre',
  'nos',
  'votre',
  'nuestra',
  'nuestro',
  'sobre',
  'a',
  'à',
  'la',
  'le',
  'de',
  'die',
  'der',
  'das',
  'il',
  'lo',
  'onze',
  'het',
  'o',
  'nasza',
  'nasze',
  'other',
  'more',
  'similar',
  'related',
  'no',
  'not',
]);

/** Words that are labels alone but say too little as the last word of a longer label. */
const VAGUE_TAILS = new Set([
  'date',
  'datum',
  'fecha',
  'data',
  'type',
  'post',
  'job',
  'role',
  'title',
  'rate',
  'team',
  'hours',
  'office',
  'contract',
  'closing',
  'closes',
  'expires',
  'posted',
  'published',
  'function',
  'category',
  'position',
  'apply',
  'remote',
  'country',
  'region',
  'address',
  'city',
  'pay',
  'dates',
  'schedule',
  'employment',
  'commitment',
  'tenure',
  'engagement',
  'publicado',
  'pubblicato',
  'geplaatst',
  'veröffentlicht',
  'publié',
  'local',
  'sede',
  'regime',
  'contrato',
  'umowa',
  'uren',
  'orario',
  'termine',
  'frist',
  'prazo',
  'cierre',
  'vigencia',
  'plaats',
  'luogo',
  'adres',
  'adresse',
  'adresa',
  'lieu',
  'ort',
]);

/** The text starts with an apply call to action in any language ("Apply now", "Jetzt bewerben", "立即申请", "قدم الآن"). */
export const APPLY_RE = new RegExp(`^[^\\p{L}\\p{N}]{0,3}(?:${wordMatcher(all('apply')).source})`, 'iu');

/** A word naming a vacancy or hiring ("vacancy", "Stellenangebot", "招聘", "وظيفة شاغرة"). */
export const VACANCY_RE = wordMatcher(all('vacancy'));

/** A posting section heading ("Responsibilities", "Ihr Profil", "岗位职责", "المهام"). */
export const SECTION_RE = wordMatcher(all('sections'));

/** A login phrase. */
export const LOGIN_RE = wordMatcher(all('login'));

/** A dead/closed-posting phrase. */
export const NOT_FOUND_RE = wordMatcher(all('notFound'));

/** Labels too vague to introduce a date in running text ("a termine", "prazo determinado"). */
const NOT_PROSE_CUES = new Set([
  'date',
  'data',
  'termine',
  'frist',
  'prazo',
  'cierre',
  'closing',
  'closes',
  'vigencia',
  'datum',
  'fecha',
  'dates',
  'zeitraum',
  'regime',
  'posted',
  'published',
  'publicado',
  'publié',
  'pubblicato',
  'geplaatst',
  'dodano',
  'diposting',
  'cập nhật',
  'advertised',
]);
const proseCues = (field: 'validThrough' | 'datePosted') =>
  LANGUAGES.flatMap((l) => [...(l.labels[field] ?? []), ...(field === 'validThrough' ? (l.deadline ?? []) : [])]).filter(
    (w) => !NOT_PROSE_CUES.has(foldWords(w)),
  );
/** A phrase of running text that introduces the closing date ("Applications close", "Bewerbungsfrist", "截止日期"). */
export const DEADLINE_CUE_RE = wordMatcher(proseCues('validThrough'));
/** A phrase of running text that introduces the posting date ("Date posted", "Publicado el", "发布日期"). */
export const POSTED_CUE_RE = wordMatcher(proseCues('datePosted'));

/** Whole-heading phrases of listings (folded). */
const LISTING_SET = new Set(all('listing').map(foldWords));
/** Whole-heading phrases that never name a posting ("Job details", "تفاصيل الوظيفة"). */
const GENERIC_SET = new Set([...all('genericHeadings'), ...all('sections')].map(foldWords));

/** "3 412 вакансий", "1,234 jobs", "56 offres", "120件": a count of postings. */
const COUNT_NOUN =
  /(?:jobs|job openings|vacancies|openings|positions|results|stellen(?:angebote)?|jobs gefunden|ergebnisse|offres|emplois|résultats|empleos|ofertas|resultados|vagas|vacatures|offerte|oferty|ofert|ilan|вакансий|вакансии|вакансия|результатов|件|个职位|個職缺|职位|وظيفة|وظائف|نتيجة|नौकरियां|งาน)(?![\p{L}])/giu;
const isCountChar = (ch: string) => (ch >= '0' && ch <= '9') || ch === '.' || ch === ',' || isSpace(ch);

/**
 * `/\d[\d\s.,]*\s*(?:\+\s*)?NOUN/iu.test(text)` without retrying every digit of a long run:
 * from each count noun, step back over whitespace and an optional "+", then over the run of
 * digits, spaces, dots and commas; the count is there when that run holds a digit.
 */
function hasCount(text: string): boolean {
  for (const m of text.matchAll(COUNT_NOUN)) {
    let i = m.index;
    while (i > 0 && isSpace(text[i - 1]!)) i--;
    if (i > 0 && text[i - 1] === '+') i--;
    while (i > 0 && isCountChar(text[i - 1]!)) {
      const ch = text[--i]!;
      if (ch >= '0' && ch <= '9') return true;
    }
  }
  return false;
}
/** A short heading ending in a plural job noun: "Student Roles", "Engineering Jobs", "Current Vacancies". */
const PLURAL_ROLES = /^(?:[\p{L}&-]+\s+){0,3}(?:roles|jobs|positions|openings|vacancies|opportunities|careers)$/iu;
/** "Search results" anywhere in a title: the page is a result list. */
const RESULTS =
  /search results|suchergebnisse|résultats de (?:la )?recherche|resultados de (?:la )?búsqueda|resultados da pesquisa|risultati della ricerca|zoekresultaten|wyniki wyszukiwania|результаты поиска|検索結果|搜索结果|搜尋結果|نتائج البحث|arama sonuçları|검색결과|ผลการค้นหา|sökresultat|kết quả tìm kiếm/iu;

const PLACE_WORDS = ['in', 'at', 'near', 'bei', 'en', 'à', 'in der', 'im', 'à la', 'for', 'para', 'per', 'pour', 'w', 'в'];

/**
 * `t.replace(/ (?:in|at|…) .{1,60}$/u, '')` on single-spaced text ("jobs in berlin" → "jobs"):
 * each space is tried once against the short word list, so the scan stays linear.
 */
function stripTrailingPlace(t: string): string {
  for (let p = t.indexOf(' '); p >= 0; p = t.indexOf(' ', p + 1)) {
    if (t.length - p > 70) continue;
    for (const w of PLACE_WORDS) {
      const tail = t.length - (p + w.length + 2);
      if (tail >= 1 && tail <= 60 && t.startsWith(`${w} `, p + 1)) return t.slice(0, p);
    }
  }
  return t;
}

/** True when `text` (a heading or title) names a list of jobs: "Open positions", "124 jobs in Berlin", "求人一覧". */
export function isListingHeading(text: string): boolean {
  if (hasCount(text) || RESULTS.test(text) || PLURAL_ROLES.test(text.trim())) return true;
  const t = foldWords(text)
    .replace(/^[\d.,\s]+\+?\s*/, '')
    .replace(/^(?:all|current|open|our|latest|new|browse)\s+/, '')
    .replace(/\s+/g, ' ');
  return LISTING_SET.has(trimEndWhile(stripTrailingPlace(t), spaceOr(':：.!|–—-')).trim());
}

/** True when `text` is a generic page heading or a section heading, never a posting title. */
export function isGenericHeading(text: string): boolean {
  return GENERIC_SET.has(trimEndWhile(foldWords(text), spaceOr(':：.!')));
}

/** Employment-type words of every language, one matcher per type. */
export const EMPLOYMENT_MATCHERS: ReadonlyArray<readonly [EmploymentType, RegExp]> = (
  ['full_time', 'part_time', 'contract', 'temporary', 'internship', 'volunteer', 'per_diem', 'other'] as const
)
  .map((type) => [type, wordMatcher(LANGUAGES.flatMap((l) => l.employment[type] ?? []))] as const)
  .filter(([, re]) => re.source !== '(?!)');

/** Any employment-type word. */
export const EMPLOYMENT_ANY_RE = wordMatcher(LANGUAGES.flatMap((l) => Object.values(l.employment).flat()));

/** Workplace words of every language, hybrid first ("Hybrid (remote 2 days)" is hybrid). */
export const WORKPLACE_MATCHERS: ReadonlyArray<readonly ['hybrid' | 'remote' | 'onsite', RegExp]> = (
  ['hybrid', 'remote', 'onsite'] as const
).map((type) => [type, wordMatcher(LANGUAGES.flatMap((l) => l.workplace[type] ?? []))] as const);

/** Words that put the employer after the role in a title: "Role at Employer", "Stelle bei Firma". */
export const AT_EMPLOYER_WORDS: readonly string[] = [...new Set(all('atEmployer'))];

/** "About <Employer>" heading prefixes ("About", "Über", "关于"). */
export const ABOUT_WORDS: readonly string[] = [...new Set(all('about'))].sort((a, b) => b.length - a.length);
