/**
 * Per-field confidence (0–1) for a parsed page's posting, from evidence the parser already has:
 * the source that supplied each field, whether independent page sources agree (structured data
 * vs the visible `h1`, `<title>`, `og:title`), whether the value passed its normalizer without a
 * warning, and bad shapes (core's {@link titleShapeIssues} / {@link companyShapeIssues}, plus the
 * site's own brand, which only the page knows). `scoreQuality` turns low confidence into deducted
 * points. Reads the parser's output; never changes a field.
 *
 * Weights are calibrated on the dev split of `bench/real-world` with `bench:quality`.
 * @module
 */
import {
  type Confidence,
  companyShapeIssues,
  type FieldConfidence,
  type FieldSource,
  type JobDraft,
  type ProvenanceField,
  type ShapeIssue,
  titleShapeIssues,
} from '@jobkit/core';
import { isBrand, isSlogan, type SiteBrand, siteBrand } from '../heuristics/site.js';
import type { PageScan } from '../html/scan.js';

/** What a source's value is worth before any other evidence. */
const SOURCE_BASE: Record<string, number> = {
  'ats-api': 0.95,
  'json-ld': 0.9,
  microdata: 0.88,
  rdfa: 0.85,
  site: 0.85,
  heuristic: 0.7,
  derived: 0.4,
};
const baseOf = (source: FieldSource | undefined): number =>
  source === undefined ? 0.5 : source.startsWith('site:') ? SOURCE_BASE.site! : (SOURCE_BASE[source] ?? 0.5);

/** Evidence from the page beside the posting. */
export interface ConfidenceEvidence {
  /** The page's scan (`<title>`, meta tags). */
  scan: PageScan;
  /** The page's HTML, for its first `h1` (read within a bounded window). */
  html: string;
  /**
   * For a page read from a DOM (no source text): its first `h1` as {@link firstH1} reads it, and
   * occurrences of a string in its text and attributes. Used instead of `html` when present.
   */
  dom?: { h1: string | undefined; occurrences(needle: string): number };
  /** The parse's warnings so far: read for normalizer complaints; a contradiction found here is added. */
  warnings: string[];
  /** `siteBrand(draft.url, scan)` when the caller has it already. */
  brand?: SiteBrand;
}

/** Characters after `<h1` searched for its end; a heading is never longer. */
const H1_WINDOW = 2_000;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Text of the first `<h1>` (tags stripped, common entities decoded), or undefined. Linear: one regex scan to the first `<h1`, then a bounded window. */
export function firstH1(html: string): string | undefined {
  const open = /<h1(?=[\s>])/i.exec(html);
  if (!open) return undefined;
  const window = html.slice(open.index, open.index + H1_WINDOW);
  const start = window.indexOf('>');
  const end = window.search(/<\/h1\s*>/i);
  if (start < 0 || end < 0 || end < start) return undefined;
  const text = window
    .slice(start + 1, end)
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

/** Folded strings, remembered: one posting's title, h1, head texts and names are folded again for each comparison. */
const folded = new Map<string, string>();
const FOLDED_MAX = 512;
const fold = (s: string): string => {
  let f = folded.get(s);
  if (f === undefined) {
    f = s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (folded.size >= FOLDED_MAX) folded.clear();
    folded.set(s, f);
  }
  return f;
};
/** `a` is `b`, or one of `b`'s segments ("Role | Employer | Site" holds "Role"). */
const agrees = (a: string, b: string | undefined) => {
  if (!b) return false;
  const fa = fold(a);
  const fb = fold(b);
  return fa !== '' && (fa === fb || (fa.length >= 3 && ` ${fb} `.includes(` ${fa} `)));
};

class FieldScore {
  reasons: string[] = [];
  constructor(
    public score: number,
    reason: string,
  ) {
    this.reasons.push(reason);
  }
  adjust(delta: number, reason: string): void {
    this.score += delta;
    this.reasons.push(reason);
  }
  cap(issues: ShapeIssue[]): void {
    for (const i of issues) {
      if (i.cap < this.score) this.score = i.cap;
      this.reasons.unshift(i.reason);
    }
  }
  done(): FieldConfidence {
    return { score: Math.round(Math.max(0, Math.min(1, this.score)) * 100) / 100, reasons: this.reasons.slice(0, 12) };
  }
}

/** Linking words between a role and its employer or place ("at", "bei", "in"…), folded. */
const CONNECTORS = new Set([
  'at',
  'bei',
  'chez',
  'en',
  'em',
  'in',
  'im',
  'for',
  'für',
  'pour',
  'para',
  'bij',
  'w',
  'na',
  'di',
  'da',
  'de',
  'the',
]);

/** `longer` is `title` plus only known names (employer, site, place) and linking words. */
function onlyAddsKnown(longer: string, title: string, known: string[]): boolean {
  let rest = ` ${longer} `.replace(` ${title} `, ' ');
  for (const k of known
    .map(fold)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length))
    rest = rest.replace(` ${k} `, ' ');
  return rest.split(' ').every((w) => w === '' || CONNECTORS.has(w));
}

/**
 * The site's name, a board's brand or its slogan. A short run of board words is also a role
 * ("Talent Recruiter", "Online Search Specialist"), so slogans count from four words on.
 */
function namesTheSite(text: string, brand: SiteBrand): boolean {
  if (!isBrand(text, brand)) return false;
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
  return words >= 4 || !isSlogan(text);
}

/** Page titles that are chrome or the site's name say nothing about the role (a careers page's `h1` "Careers"). */
const informative = (text: string | undefined, url: string, siteNames: string[]): text is string =>
  !!text && fold(text) !== '' && !titleShapeIssues(text, { url, siteNames }).some((i) => i.cap <= 0.2);

function titleConfidence(draft: JobDraft, ev: ConfidenceEvidence, brand: SiteBrand): FieldScore {
  const source = draft.provenance.title;
  const isHeuristic = source === 'heuristic';
  const s = new FieldScore(isHeuristic ? 0.65 : baseOf(source), source ?? 'unknown source');
  const siteNames = [brand.siteName, ...brand.ownNames].filter((x): x is string => !!x);
  const ok = (t: string | undefined) => (informative(t, draft.url, siteNames) ? t : undefined);
  const h1 = ok(ev.dom ? ev.dom.h1 : firstH1(ev.html));
  const head = [ok(ev.scan.title ?? undefined), ok(ev.scan.meta.get('og:title') ?? ev.scan.meta.get('twitter:title'))];
  const t = fold(draft.title);
  const h1Equal = h1 !== undefined && fold(h1) === t;
  // The h1 says more than the title ("Lagermedarbetare" out of "Lagermedarbetare till vårt
  // centrallager"), beyond the employer, the site or a place it may add.
  const h1Longer =
    !source?.startsWith('site:') &&
    h1 !== undefined &&
    !h1Equal &&
    agrees(draft.title, h1) &&
    !onlyAddsKnown(fold(h1), t, [draft.company.name, ...siteNames, ...draft.locations.flatMap((l) => [l.raw, l.city ?? ''])]);
  const inHead = head.some((x) => agrees(draft.title, x));
  // The title is the h1 plus the employer, the site or a place (read from "<title>" segments).
  const addsSuffix =
    h1 !== undefined &&
    !h1Equal &&
    agrees(h1, draft.title) &&
    onlyAddsKnown(t, fold(h1), [draft.company.name, ...siteNames, ...draft.locations.flatMap((l) => [l.raw, l.city ?? ''])]);
  const structured = source === 'json-ld' || source === 'microdata' || source === 'rdfa';
  const warnedContradiction = ev.warnings.some((w) => / title "/.test(w) && / differs from the page's /.test(w));
  if (addsSuffix) {
    s.cap([{ reason: "the h1's title plus the employer, site or place", cap: 0.3 }]);
  } else if (h1Longer && titleShapeIssues(h1, { url: draft.url, company: draft.company.name, siteNames }).length > 0) {
    // "Vacature: Role", "Role – संविदा आधारित भर्ती", "Roleの募集": the role is the h1 without its wrapper (dev: right 3 of 3).
    s.adjust(0.05, 'the h1 without its announcement or suffix');
  } else if (h1Longer && inHead) {
    s.adjust(-0.05, 'a shorter part of the h1, as the page head splits it');
  } else if (h1Longer) {
    s.adjust(-0.15, 'a shorter part of the h1');
  } else if (h1Equal || inHead) {
    const where = [h1Equal && 'h1', inHead && 'the page head'].filter(Boolean).join(' and ');
    s.adjust(structured || source === 'ats-api' ? 0.05 : (h1Equal ? 0.05 : 0) + (inHead ? 0.15 : 0), `agrees with ${where}`);
  } else if (structured && (h1 !== undefined || head[1] !== undefined || warnedContradiction)) {
    // Stale or templated markup: on its own it must keep a complete posting below the gate.
    s.cap([{ reason: 'structured data contradicts the visible page', cap: 0.35 }]);
    if (!warnedContradiction)
      ev.warnings.push(
        `${source} title "${draft.title.slice(0, 80)}" matches neither the page's h1 nor its og:title ("${(h1 ?? head[1] ?? '').slice(0, 80)}"); confidence lowered`,
      );
  } else if (structured && head[0] !== undefined) {
    s.adjust(-0.1, "not in the page's <title>");
  } else if (
    isHeuristic &&
    h1 !== undefined &&
    fold(h1).length >= 2 &&
    !agrees(h1, draft.title) &&
    titleShapeIssues(h1, { url: draft.url, company: draft.company.name, siteNames }).length === 0
  ) {
    // The page's own heading names a role, and the heuristic picked something else (a sidebar's
    // job, a section heading): calibrated on dev, such titles were wrong far more often than not.
    s.adjust(-0.3, `differs from the page's h1 ("${h1.slice(0, 60)}")`);
  } else if (!structured && (h1 !== undefined || head.some(Boolean))) {
    s.adjust(-0.03, 'not the h1, <title> or og:title');
  }
  const issues = titleShapeIssues(draft.title, {
    url: draft.url,
    company: draft.company.name,
    siteNames,
    places: draft.locations.map((l) => l.city ?? l.raw),
  });
  if (namesTheSite(draft.title, brand) && !issues.some((i) => i.reason === "the site's name"))
    issues.push({ reason: "the site's name or slogan", cap: 0.05 });
  s.cap(issues);
  return s;
}

function companyConfidence(draft: JobDraft, ev: ConfidenceEvidence, brand: SiteBrand): FieldScore {
  const source = draft.provenance.company;
  const s = new FieldScore(
    baseOf(source),
    source === 'derived' ? 'derived from the domain, not stated on the page' : (source ?? 'unknown source'),
  );
  if (source === 'derived') return s;
  const name = draft.company.name;
  const issues = companyShapeIssues(name, { url: draft.url });
  if (namesTheSite(name, brand) && brand.isBoard) issues.push({ reason: "the job board's name or slogan", cap: 0.1 });
  if (fold(name) === fold(draft.title)) issues.push({ reason: 'equals the title', cap: 0.2 });
  if (source === 'json-ld' && !shownOutsideJsonLd(name, ev)) s.adjust(-0.3, 'named only in the JSON-LD, nowhere on the page');
  // "Instituto de Geología" on a page whose site is "Universidad Nacional del Norte": the unit, not the employer.
  const site = ev.scan.meta.get('og:site_name');
  if (site && !brand.isBoard && UNIT.test(name) && ORGANISATION.test(site) && !agrees(site, name) && !agrees(name, site))
    s.adjust(-0.3, `a unit of ${site.slice(0, 60)}, the site's name`);
  if (source === 'heuristic') {
    const seen = [ev.scan.title ?? undefined, ev.scan.meta.get('og:title'), ev.scan.meta.get('og:site_name')].filter((v) =>
      agrees(name, v),
    );
    if (seen.length > 0) s.adjust(0.1, 'named in the page head');
  }
  s.cap(issues);
  return s;
}

/** Currencies whose units are small enough that pay amounts are ~100× larger. */
const SMALL_UNIT = new Set(['JPY', 'KRW', 'INR', 'IDR', 'VND', 'HUF', 'CLP', 'COP', 'ISK', 'PKR', 'NGN', 'UZS', 'IRR']);

/** A department, institute or chair of a larger body, by its first word. */
const UNIT =
  /^(?:institut[eo]?|department|departamento|département|dipartimento|faculty|facultad|faculdade|fakultät|faculté|facoltà|lehrstuhl|fachbereich|school of|escola|escuela|école|katedra|wydział|instytut|laborat[oó]ri[oe]|laboratory|centro de|center for|centre for|centre de)\b/iu;
/** A university, college or other body units belong to. */
const ORGANISATION =
  /univers|college|colegio|hochschule|polytechn|politécnic|politecnic|akademi|academ|大学|學|ministr|council|konzern|group|holding/iu;

/** Countries whose own currency is written "$" (ccTLD or `lang` region; `.co` is left out: startups and ATSs use it everywhere). */
const DOLLAR_COUNTRIES = new Set([
  'ca',
  'mx',
  'au',
  'nz',
  'sg',
  'hk',
  'tw',
  'ar',
  'cl',
  'uy',
  'fj',
  'jm',
  'tt',
  'bs',
  'bb',
  'bz',
  'gy',
  'sr',
  'na',
  'lr',
  'bn',
  'sb',
  'ki',
  'tv',
  'nr',
]);
function dollarCountry(url: string, scan: PageScan): boolean {
  let tld = '';
  try {
    tld = new URL(url).hostname.split('.').pop() ?? '';
  } catch {
    // an unparsable URL says nothing
  }
  const region = scan.lang?.split(/[-_]/)[1]?.toLowerCase();
  return DOLLAR_COUNTRIES.has(tld) || (region !== undefined && DOLLAR_COUNTRIES.has(region));
}

/** Workplace words a location may be read from, in the languages the parsers read. */
const REMOTE_PLACE =
  /remote|home ?office|work from home|anywhere|virtual|virtuell|virtuel|telearbeit|mobiles arbeiten|t[ée]l[ée]travail|remoto|teletrabajo|a distancia|zdaln|удал[её]нн|дистанц|віддален|リモート|在宅|远程|居家|재택|원격|عن بعد|ทำงานที่บ้าน/iu;

/** Occurrences of `needle` in `hay` (linear: one indexOf walk). */
function occurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0 && n < 1_000; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The employer JSON-LD names also appears elsewhere in the HTML (text, a meta tag, an alt), as written or entity-escaped. */
function shownOutsideJsonLd(name: string, ev: ConfidenceEvidence): boolean {
  const n = name.trim();
  if (n.length < 2) return true;
  const variants = [
    ...new Set([n, n.replace(/&/g, '&amp;'), n.replace(/'/g, '&#39;'), n.replace(/'/g, '&#x27;'), n.replace(/'/g, '&apos;')]),
  ];
  const inJsonLd = ev.scan.jsonLd.reduce((sum, block) => sum + occurrences(block, n), 0);
  if (ev.dom) return ev.dom.occurrences(n) > inJsonLd;
  return variants.reduce((sum, v) => sum + occurrences(ev.html, v), 0) > inJsonLd;
}

/** A normalizer warning names the field ("validThrough … could be day-first or month-first"). */
function warned(field: ProvenanceField, warnings: string[]): string | undefined {
  const w = warnings.find((x) => x.includes(field) || (field === 'datePosted' && /date ?posted/i.test(x)));
  return w ? w.slice(0, 120) : undefined;
}

/** Characters of the description searched for a field the parser did not read (bounded, linear). */
const MISSED_WINDOW = 20_000;
/** An amount next to a currency: "€ 3.400", "8 000 – 9 500 zł", "USD 120k", "22,50 $", "月給25万円", "R$ 4.500". */
const MONEY =
  /(?:[$€£¥₹₩₽₺₴₫฿₱]|\b(?:USD|EUR|GBP|PLN|CHF|SEK|NOK|DKK|CZK|HUF|RON|CAD|AUD|NZD|JPY|CNY|RMB|INR|BRL|MXN|ZAR|TRY|UAH|RUB|IDR|VND|THB|PHP|MYR|SGD|HKD|KRW|AED|SAR)\b|R\$|Rp\.?|Rs\.?)\s?\d|\d[\d.,\u00a0\u202f' ]{0,12}(?:[kK万千萬]\s?)?(?:[$€£¥₹₩₽₺₴₫฿₱]|(?:USD|EUR|GBP|PLN|CHF|SEK|NOK|DKK|CZK|HUF|CAD|AUD|INR|BRL|MXN|zł|zl|kr|Kč|руб|грн|円|元|만원|บาท)(?![\p{L}]))/u;
/** Workplace words a reader takes as the posting's workplace ("Hybrid:", "hybrid working", "On-site", "Homeoffice", "リモート"); "hybrid cloud" is not one. */
const WORKPLACE_WORD =
  /\b(?:(?:hybrid|hybride|híbrid[oa]|ibrido)(?= ?(?:[:;,.)–—|/-]|$|(?:work|working|role|position|job|model|schedule|set-?up|arrangement|office|team|policy|modell|arbeiten|travail|trabajo|modalidad|modelo|lavoro)\b))|hybrydow[a-ząęóśćżźłń]*|on-?site|vor ort|presencial|présentiel|stacjonarn[a-ząęóśćżźłń]*|fully remote|100 ?% remote|remote-first|home ?office|mobiles arbeiten|télétravail|teletrabajo|smart working|praca zdalna|thuiswerken)\b/i;
/** The same in scripts without word boundaries a regex can see. */
const WORKPLACE_WORD_WIDE = /гибрид|удал[её]нн|リモート|在宅勤務|ハイブリッド|远程办公|混合办公|재택|원격 근무/u;
/**
 * Application deadline wording; a digit must follow within a few words. Phrases are matched whole
 * (`\b` either side), those in scripts without word boundaries anywhere. `_CUE` is the same
 * without the boundaries, for the scan (see {@link firstMatch}); `_WORD` is sticky.
 */
const DEADLINE_PHRASES =
  "apply by|closing date|application deadline|deadline|applications? close|bewerbungsfrist|bewerbungsschluss|bewerben sie sich bis|bewerbungen? bis(?: zum)?|bis zum|date limite|jusqu'au|candidatures? jusqu|fecha límite|hasta el|postula(?:ciones)? hasta|inscrições até|candidature entro|entro il|reageren kan tot|solliciteren kan tot|reageer (?:voor|vóór)|uiterlijk|do dnia|plazo de (?:presentación|solicitud)|prazo|scadenza|sluitingsdatum|termin (?:składania|nadsyłania)|срок подачи|приём заявок до";
const DEADLINE_WIDE = '締切|応募期限|截止(?:日期|时间)?|마감';
const DEADLINE_CUE = new RegExp(`(?:${DEADLINE_PHRASES})|${DEADLINE_WIDE}`, 'giu');
const DEADLINE_WORD = new RegExp(`\\b(?:${DEADLINE_PHRASES})\\b|${DEADLINE_WIDE}`, 'iuy');

/** A fixed-term contract stated in running text, in the same two forms. */
const TEMPORARY_PHRASES = 'fixed[- ]term|befristet(?:e|er|en)?|CDD|contrato temporal|tijdelijk contract|umowa na czas określony';
const TEMPORARY_WIDE = 'срочный трудовой договор|有期雇用|契約社員';
const TEMPORARY_CUE = new RegExp(`(?:${TEMPORARY_PHRASES})|${TEMPORARY_WIDE}`, 'giu');
const TEMPORARY_WORD = new RegExp(`\\b(?:${TEMPORARY_PHRASES})\\b|${TEMPORARY_WIDE}`, 'iuy');

/** Contract kinds stated unambiguously in running text (not "full-time or part-time": either alone is a statement). */
const EMPLOYMENT_WORDS: ReadonlyArray<readonly [JobDraft['employmentType'][number], RegExp, RegExp]> = [
  ['temporary', TEMPORARY_CUE, TEMPORARY_WORD],
];

/**
 * The first match of `exact` in `text`, as `exact.exec(text)` finds it, with the scan done by
 * `cue`: the same alternation without its word-boundary assertions (which keep V8 from skipping
 * ahead, 2–4× slower on long text). Every match of `exact` starts where `cue` matches, so `exact`
 * runs sticky only at those positions. Linear: each position is tried by `cue` once.
 */
function firstMatch(text: string, cue: RegExp, exact: RegExp): RegExpExecArray | null {
  cue.lastIndex = 0;
  for (let m = cue.exec(text); m; m = cue.exec(text)) {
    exact.lastIndex = m.index;
    const found = exact.exec(text);
    if (found) return found;
    // The next position, a whole code point on (the cues start with no astral character, but a
    // unicode regex must never be restarted inside a surrogate pair).
    cue.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return null;
}

/**
 * Confidence that a field the posting lacks is really absent: low when the description states it
 * in words a reader sees (an amount with a currency, a workplace word, an application deadline).
 * Such an entry has no value beside it; `scoreQuality` reads it as a likely missed field.
 */
function missedFields(draft: JobDraft, out: Confidence): void {
  const text = draft.description.text.slice(0, MISSED_WINDOW);
  if (!text.trim()) return;
  const quote = (m: RegExpExecArray) =>
    text
      .slice(Math.max(0, m.index - 20), m.index + m[0].length + 20)
      .replace(/\s+/g, ' ')
      .trim();
  if (!draft.salary && out.salary === undefined) {
    const m = MONEY.exec(text);
    if (m) out.salary = { score: 0.2, reasons: [`not read, but the description states an amount ("${quote(m)}")`] };
  }
  if (!draft.workplaceType && out.workplaceType === undefined) {
    const m = WORKPLACE_WORD.exec(text) ?? WORKPLACE_WORD_WIDE.exec(text);
    if (m) out.workplaceType = { score: 0.3, reasons: [`not read, but the description says "${m[0]}"`] };
  }
  // A contract kind the description states that the employment type leaves out ("fixed-term", "befristet", "CDD").
  const kinds = draft.employmentType;
  for (const [kind, cue, words] of EMPLOYMENT_WORDS) {
    if (kinds.includes(kind)) continue;
    const m = firstMatch(text, cue, words);
    if (!m) continue;
    if (kinds.length > 0 && out.employmentType) {
      out.employmentType = {
        score: Math.min(out.employmentType.score, 0.4),
        reasons: [`the description says "${m[0]}"`, ...out.employmentType.reasons].slice(0, 12),
      };
    } else if (kinds.length === 0 && out.employmentType === undefined) {
      out.employmentType = { score: 0.3, reasons: [`not read, but the description says "${m[0]}"`] };
    }
    break;
  }
  if (!draft.validThrough && out.validThrough === undefined) {
    const m = firstMatch(text, DEADLINE_CUE, DEADLINE_WORD);
    if (m && /\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40)))
      out.validThrough = { score: 0.3, reasons: [`not read, but the description gives a deadline ("${quote(m)}")`] };
  }
}

/**
 * Confidence for every field the posting has, with the reasons that set it. `evidence.warnings`
 * gets a warning when structured data matches none of the page's visible titles.
 */
export function assessConfidence(draft: JobDraft, evidence: ConfidenceEvidence): Confidence {
  const brand = evidence.brand ?? siteBrand(draft.url, evidence.scan);
  const out: Confidence = {
    title: titleConfidence(draft, evidence, brand).done(),
    company: companyConfidence(draft, evidence, brand).done(),
  };
  const simple = (field: ProvenanceField, extra?: (s: FieldScore) => void) => {
    const source = draft.provenance[field];
    const s = new FieldScore(baseOf(source), source ?? 'unknown source');
    const w = warned(field, evidence.warnings);
    if (w) s.adjust(/day-first or month-first/.test(w) ? -0.25 : -0.3, `normalizer: ${w}`);
    extra?.(s);
    out[field] = s.done();
  };
  if (draft.description.text.trim()) {
    simple('description', (s) => {
      // A few words are not a posting's body: the reader missed it, and likely more of the page.
      const text = draft.description.text.trim();
      const spaceless = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(text.slice(0, 500));
      const words = text.split(/\s+/, 40).length;
      if (spaceless ? text.length < 40 : words < 15)
        s.cap([{ reason: `too short to be the description (${spaceless ? `${text.length} characters` : `${words} words`})`, cap: 0.2 }]);
    });
  }
  if (draft.locations.length) {
    simple('locations', (s) => {
      if (draft.provenance.locations === 'heuristic' && !draft.locations.some((l) => l.city || l.country))
        s.adjust(-0.1, 'place not recognised');
      // "Remote" / "Дистанційна робота" / "Virtual" is a workplace, not a place, whether or not it was
      // read as a city; beside real places it is only an extra label.
      const workplaceOnly = (l: JobDraft['locations'][number]) =>
        l.city ? REMOTE_PLACE.test(l.city.slice(0, 120)) : !l.country && REMOTE_PLACE.test(l.raw.slice(0, 120));
      if (draft.locations.every(workplaceOnly)) s.cap([{ reason: 'a workplace word, not a place', cap: 0.3 }]);
    });
  }
  if (draft.salary) {
    simple('salary', (s) => {
      const sal = draft.salary!;
      if (sal.min !== null && sal.max !== null && sal.min > sal.max) s.adjust(-0.5, 'min > max');
      // Calibrated on dev: amounts read without a period are the stated salary about 5 times in 6
      // (pages that state none, like US federal GS ranges), a stated one missed otherwise.
      if (!sal.period) s.adjust(-0.15, 'no pay period');
      if (!sal.currency) s.adjust(-0.2, 'no currency');
      // No period and a two-digit amount: a number misread as pay ("GS15", "6 Wochen"), or an hourly rate stated without its period.
      const top = Math.max(sal.min ?? 0, sal.max ?? 0);
      if (!sal.period && top < 100 * (sal.currency && SMALL_UNIT.has(sal.currency) ? 100 : 1))
        s.cap([{ reason: 'an amount too small for a salary without a period', cap: 0.2 }]);
      // "$" read as US dollars on a page from another dollar country (Canada, Mexico, Australia…).
      if (sal.currency === 'USD' && draft.provenance.salary !== 'ats-api' && dollarCountry(draft.url, evidence.scan))
        s.adjust(-0.35, '"$" read as USD on a page from another dollar country');
    });
  }
  if (draft.employmentType.length) {
    simple('employmentType', (s) => {
      if (evidence.warnings.some((w) => w.includes('employment type') && w.includes("differs from the page's")))
        s.adjust(-0.3, 'structured data contradicts the visible page');
    });
  }
  if (draft.workplaceType) simple('workplaceType');
  if (draft.datePosted) simple('datePosted');
  if (draft.validThrough) {
    simple('validThrough', (s) => {
      if (draft.datePosted && Date.parse(draft.validThrough!) < Date.parse(draft.datePosted)) s.adjust(-0.4, 'before datePosted');
    });
  }
  if (draft.applyUrl) simple('applyUrl');
  if (draft.department) simple('department');
  missedFields(draft, out);
  return out;
}

/** Confidence for a posting read from an ATS board API: the vendor's structured fields are trusted; text-derived gaps keep their lower base; core's shape checks still apply. */
export function atsApiConfidence(
  draft: Pick<JobDraft, 'provenance' | 'title' | 'url' | 'company' | 'locations'> & Partial<JobDraft>,
): Confidence {
  const out: Confidence = {};
  for (const [field, source] of Object.entries(draft.provenance) as [ProvenanceField, FieldSource][]) {
    // A board's token is the employer's own slug on its ATS ("acme-robotics"), not a guess from a job board's domain.
    out[field] =
      field === 'company' && source === 'derived'
        ? { score: 0.75, reasons: ['the board token names the employer'] }
        : { score: baseOf(source), reasons: [source] };
  }
  const title = new FieldScore(out.title?.score ?? baseOf('ats-api'), draft.provenance.title ?? 'ats-api');
  title.cap(
    titleShapeIssues(draft.title, { url: draft.url, company: draft.company.name, places: draft.locations.map((l) => l.city ?? l.raw) }),
  );
  out.title = title.done();
  return out;
}
