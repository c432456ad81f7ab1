/**
 * Comparison of one parsed page with the truth a person read off it, for the real-web corpus
 * (`bench/real-world/`). Shared by `bench/real-world.ts` and any other bench that needs the same
 * judgement (quality calibration): `evaluatePage(truth, parsed, links?)`.
 *
 * Rules (the bench header repeats them):
 * - title and company: equal after folding case, width (NFKC), whitespace and punctuation; a title
 *   equal up to a trailing location or company suffix is wrong. A company Jobkit *derived* (from
 *   the domain) is not stated on the page and counts as no company. Companies are also compared
 *   without their legal form at either end (GmbH, Ltd, Sp. z o.o., ООО, 株式会社, (주), PT, …).
 * - locations: right when every stated place is matched, in any order, by a parsed location's city
 *   (or country, for a country-only place; or the parsed raw text); a page that states no place is
 *   right only when none is parsed. "Remote" as a place is matched by `workplaceType: 'remote'`.
 * - salary: min, max, currency and period all match (amounts within 1 %); `null` only by `null`;
 *   a single amount may be given as `max: null` or `max = min`.
 * - datePosted / validThrough: same calendar day. workplaceType, employmentType: exact enums
 *   (employmentType as a set).
 * - applyUrl: equal after `canonicalizeUrl`.
 * - A field whose key the truth omits is not judged; `null` in the truth means "the page does not
 *   state it", and is judged (a value made up from nothing is wrong).
 * - On a job page where the parser returned no job, every judged field is wrong.
 * - Listing pages: job-link recall and precision against `jobLinks` (canonical URLs), and the
 *   next-page link when the truth judges it. Listing, shell and not-job pages count a false job
 *   when `parseJobPage` returns one.
 * @module
 */
import { canonicalizeUrl, type JobPosting, type ParsedJobPage } from '@jobkit/core';
import { z } from 'zod';

/** The fields judged on job pages, in report order. */
export const FIELDS = [
  'title',
  'company',
  'locations',
  'workplaceType',
  'employmentType',
  'salary',
  'datePosted',
  'validThrough',
  'applyUrl',
] as const;
type Field = (typeof FIELDS)[number];

const nullableString = z.string().min(1).nullable();
/** A value, or the list of values a person would accept as the same (e.g. a brand and its legal name). */
const oneOrMore = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).nullable();
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable();

/** What a person reads on the page; see the corpus README for the meaning of each key. */
export const TruthSchema = z
  .object({
    kind: z.enum(['job', 'listing', 'not-job', 'shell']),
    url: z.string().url(),
    /** When the page was captured: the reference for relative dates ("3 days ago"). */
    capturedAt: z.string().optional(),
    title: oneOrMore.optional(),
    company: oneOrMore.optional(),
    locations: z.array(z.string().min(1)).optional(),
    workplaceType: z.enum(['remote', 'hybrid', 'onsite']).nullable().optional(),
    employmentType: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .nullable()
      .optional(),
    salary: z
      .object({
        min: z.number().nullable(),
        max: z.number().nullable(),
        currency: nullableString,
        period: nullableString,
      })
      .nullable()
      .optional(),
    datePosted: day.optional(),
    validThrough: day.optional(),
    applyUrl: nullableString.optional(),
    jobLinks: z.array(z.string().url()).optional(),
    nextPage: nullableString.optional(),
    /** Shells: the platform a warning should name (e.g. `workday`). */
    platform: z.string().optional(),
    notes: z.string().optional(),
  })
  .passthrough();
export type Truth = z.infer<typeof TruthSchema>;

/** Links a listing page yielded: `extractJobLinks` output, plus its next-page link when it reports one. */
export interface ParsedLinks {
  links: string[];
  nextPage?: string | null;
}

export interface FieldResult {
  field: Field;
  correct: boolean;
  /** Truth and ours, as compared (for printing mismatches). */
  want: unknown;
  got: unknown;
}

export interface PageEvaluation {
  kind: Truth['kind'];
  /** Judged fields (job pages only). */
  fields: FieldResult[];
  /** Job page with `job: null`. */
  missedJob: boolean;
  /** Listing, shell or not-job page for which a job was returned. */
  falseJob: boolean;
  /** Listings: job links in the truth, found by us, and ours not in the truth. */
  links?: { expected: number; found: number; returned: number; missing: string[]; extra: string[] };
  /** Listings whose truth judges `nextPage`: whether ours matches. */
  nextPageCorrect?: boolean;
  /** Shells whose truth names a platform: whether a warning names it. */
  shellWarningNamesPlatform?: boolean;
}

/** Case, width, whitespace and punctuation folded away; letters and digits of every script kept. */
function fold(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/**
 * Legal forms, as word sequences after {@link fold}: a company named with or without its legal form
 * ("Drukarnia Wektor Sp. z o.o." / "Drukarnia Wektor", "한빛소프트(주)" / "한빛소프트") is the same company.
 */
const LEGAL_SUFFIXES = [
  'gmbh co kg',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'mbb',
  'se',
  'e v',
  'ug',
  'ltd',
  'limited',
  'llc',
  'l l c',
  'inc',
  'corp',
  'corporation',
  'co',
  'plc',
  'llp',
  'pty ltd',
  'pvt ltd',
  'private limited',
  'pvt',
  's a',
  'sa',
  's a s',
  'sas',
  'sarl',
  's a r l',
  's r l',
  'srl',
  's p a',
  'spa',
  's l',
  'sl',
  's a de c v',
  'b v',
  'bv',
  'n v',
  'nv',
  'ab',
  'as',
  'a s',
  'asa',
  'oy',
  'oyj',
  'oü',
  'ou',
  'sp z o o',
  'sp j',
  's c',
  'ltda',
  'eireli',
  'k k',
  'a ş',
  'ltd şti',
  'tbk',
  'bhd',
  'sdn bhd',
  'jsc',
  '주',
  '株式会社',
  '有限会社',
  '有限公司',
  '股份有限公司',
  'प्राइवेट लिमिटेड',
  'लिमिटेड',
  'ذ م م',
  'จำกัด',
  'จำกัด (มหาชน)',
].map((x) => fold(x));
const LEGAL_PREFIXES = [
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'тоо',
  'тов',
  'пп',
  'pt',
  'cv',
  'công ty tnhh',
  'công ty cổ phần',
  'công ty',
  '株式会社',
  '주식회사',
  'شركة',
  'บริษัท',
].map((x) => fold(x));
const LEGAL_SUFFIX_RE = new RegExp(`(?:\\s|^)(?:${LEGAL_SUFFIXES.map((x) => x.replace(/ /g, '\\s')).join('|')})$`, 'u');
const LEGAL_PREFIX_RE = new RegExp(`^(?:${LEGAL_PREFIXES.map((x) => x.replace(/ /g, '\\s')).join('|')})(?:\\s|$)`, 'u');

/** {@link fold}, then legal forms at either end removed (repeatedly, never down to nothing). */
function foldCompany(s: string | null | undefined): string {
  let f = fold(s);
  for (let i = 0; i < 4; i++) {
    const next = f.replace(LEGAL_SUFFIX_RE, '').replace(LEGAL_PREFIX_RE, '').trim();
    if (next === f || next === '') break;
    f = next;
  }
  return f;
}

const canon = (u: string | null | undefined): string | null => {
  if (!u) return null;
  try {
    return canonicalizeUrl(u);
  } catch {
    return u.trim();
  }
};

const anyOf = (v: string | string[] | null): string[] | null => (v === null ? null : Array.isArray(v) ? v : [v]);

function textField(
  want: string | string[] | null,
  got: string | null,
  norm: (s: string | null | undefined) => string = fold,
): Pick<FieldResult, 'correct' | 'want' | 'got'> {
  const options = anyOf(want);
  if (options === null) return { correct: got === null || norm(got) === '', want: null, got };
  const g = norm(got);
  return { correct: g !== '' && options.some((o) => norm(o) === g), want: options.length === 1 ? options[0] : options, got };
}

const REMOTE_WORDS =
  /^(remote|fully remote|anywhere|home ?office|work from home|telearbeit|t[ée]l[ée]travail|remoto|teletrabajo|zdalnie|удал[её]нн?о|удал[её]нная работа|リモート|远程|リモートワーク)$/iu;

const regionNames = new Map<string, Intl.DisplayNames>();
function countryNames(code: string, langs: string[]): string[] {
  const out = [code];
  for (const l of ['en', ...langs]) {
    try {
      let dn = regionNames.get(l);
      if (!dn) {
        dn = new Intl.DisplayNames([l], { type: 'region' });
        regionNames.set(l, dn);
      }
      const n = dn.of(code);
      if (n) out.push(n);
    } catch {
      // unknown language tag: English names are enough
    }
  }
  return out;
}

/** Whole-word (or, for scripts without spaces, substring) containment of folded `needle` in folded `hay`. */
function containsPlace(hay: string, needle: string): boolean {
  if (!needle || !hay) return false;
  if (hay === needle) return true;
  if (!/\s/.test(needle) && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(needle)) {
    return hay.includes(needle) || (needle.length >= 2 && needle.includes(hay));
  }
  return ` ${hay} `.includes(` ${needle} `);
}

function locationsField(want: string[], job: JobPosting, langs: string[]): Pick<FieldResult, 'correct' | 'want' | 'got'> {
  const got = job.locations.map((l) => l.raw);
  if (want.length === 0) return { correct: job.locations.length === 0, want, got };
  const parsed = job.locations.map((l) => ({
    raw: fold(l.raw),
    city: fold(l.city ?? ''),
    country: l.country ? countryNames(l.country, langs).map(fold) : [],
  }));
  const ok = want.every((place) => {
    const key = fold(place.split(/[,،、，]/)[0]);
    if (REMOTE_WORDS.test(key)) return job.workplaceType === 'remote' || parsed.some((p) => containsPlace(p.raw, key));
    return parsed.some(
      (p) =>
        (p.city !== '' && (p.city === key || containsPlace(p.city, key) || containsPlace(key, p.city))) ||
        p.country.includes(key) ||
        containsPlace(p.raw, key),
    );
  });
  return { correct: ok, want, got };
}

const within = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.01;

function salaryField(want: NonNullable<Truth['salary']> | null, job: JobPosting): Pick<FieldResult, 'correct' | 'want' | 'got'> {
  const s = job.salary;
  const got = s ? { min: s.min, max: s.max, currency: s.currency, period: s.period } : null;
  if (want === null || got === null) return { correct: want === got, want, got };
  // A single stated amount may be read as min = max or as min only: both mean the same here.
  const w = { ...want, max: want.max ?? want.min };
  const g = { ...got, max: got.max ?? got.min };
  const ok =
    within(w.min, g.min) &&
    within(w.max, g.max) &&
    (w.currency ?? null) === (g.currency ?? null) &&
    (w.period ?? null) === (g.period ?? null);
  return { correct: ok, want, got };
}

const employment = (v: string | string[] | null | undefined): string => [...new Set(anyOf(v ?? null) ?? [])].sort().join(',');

/**
 * Judges one page. `parsed` is `parseJobPage`'s result; `links` what `extractJobLinks` (and a
 * next-page finder, when there is one) returned for listing pages. `langs` (BCP 47) help match
 * country names written in the page's language.
 */
export function evaluatePage(
  truth: Truth,
  parsed: Pick<ParsedJobPage, 'job' | 'warnings'>,
  links?: ParsedLinks,
  langs: string[] = [],
): PageEvaluation {
  const job = parsed.job;
  const out: PageEvaluation = { kind: truth.kind, fields: [], missedJob: false, falseJob: false };
  if (truth.kind !== 'job') {
    out.falseJob = job !== null;
    if (truth.kind === 'shell' && truth.platform) {
      const p = truth.platform.toLowerCase();
      out.shellWarningNamesPlatform = parsed.warnings.some((w) => w.toLowerCase().includes(p));
    }
    if (truth.kind === 'listing' && truth.jobLinks && links) {
      const want = new Set(truth.jobLinks.map((u) => canon(u)!));
      const ours = new Set(links.links.map((u) => canon(u)!));
      const missing = [...want].filter((u) => !ours.has(u));
      const extra = [...ours].filter((u) => !want.has(u));
      out.links = { expected: want.size, found: want.size - missing.length, returned: ours.size, missing, extra };
      if (truth.nextPage !== undefined) out.nextPageCorrect = canon(truth.nextPage) === canon(links.nextPage ?? null);
    }
    return out;
  }
  out.missedJob = job === null;
  for (const field of FIELDS) {
    const want = truth[field];
    if (want === undefined) continue;
    if (!job) {
      out.fields.push({ field, correct: false, want, got: null });
      continue;
    }
    let r: Pick<FieldResult, 'correct' | 'want' | 'got'>;
    switch (field) {
      case 'title':
        r = textField(truth.title ?? null, job.title);
        break;
      case 'company':
        r = textField(truth.company ?? null, job.provenance.company === 'derived' ? null : job.company.name, foldCompany);
        break;
      case 'locations':
        r = locationsField(truth.locations ?? [], job, langs);
        break;
      case 'workplaceType':
        r = { correct: (truth.workplaceType ?? null) === job.workplaceType, want: truth.workplaceType, got: job.workplaceType };
        break;
      case 'employmentType': {
        const w = employment(truth.employmentType);
        const g = employment(job.employmentType);
        r = { correct: w === g, want: w || null, got: g || null };
        break;
      }
      case 'salary':
        r = salaryField(truth.salary ?? null, job);
        break;
      case 'datePosted':
      case 'validThrough': {
        const g = job[field]?.slice(0, 10) ?? null;
        r = { correct: (truth[field] ?? null) === g, want: truth[field], got: g };
        break;
      }
      case 'applyUrl': {
        const w = canon(truth.applyUrl ?? null);
        const g = canon(job.applyUrl);
        r = { correct: w === g, want: w, got: g };
        break;
      }
    }
    out.fields.push({ field, ...r });
  }
  return out;
}
