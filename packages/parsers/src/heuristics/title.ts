/**
 * Title candidates: `<title>` segments, `og:title`/`twitter:title`, `h1`/`h2`, ATS and semantic
 * markup, a "Job title" label, breadcrumbs. Page chrome, counters ("0 notifications"),
 * placeholders (`{{ job.title }}`), cookie banners, generic headings and the site's brand never
 * win. Splitting a title also yields company and location hints ("Role at Employer",
 * "Employer hiring Role in Place").
 * @module
 */
import type { Element } from 'domhandler';
import { isElement, nextElement } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import { isSpace, spaceOr, stripTrailingBadge, stripTrailingWord, trimEndWhile, trimStartWhile } from '../text-scan.js';
import { Ballot } from './candidates.js';
import {
  AT_EMPLOYER_WORDS,
  foldWords,
  isGenericHeading,
  isListingHeading,
  LOGIN_RE,
  labelField,
  SECTION_RE,
  VACANCY_RE,
} from './lang/index.js';
import { firstText, hasAncestor, inChrome, inline, type Page, selectAny } from './page.js';
import { foldKey, isBrand, type SiteBrand } from './site.js';
import { classifyShortText, looksLikePlace } from './top-card.js';

/** ATS and common markup, most specific first. */
const TITLE_SELECTORS = [
  '.app-title',
  '.job__title h1',
  '.job-title h1',
  'h1.section-header',
  '.posting-headline h2',
  '[data-ui="job-title"]',
  '[data-automation-id="jobPostingHeader"]',
  'h1.ashby-job-posting-heading',
  '.job-header h1',
  'h1.job-title',
  '.job-title',
  '#job-title',
  '.jobTitle',
];
/** Class/id fragments that name a posting's title on sites without a known layout. */
const TITLE_HINTS = [
  '[class*="titlepage" i]',
  '[class*="job-name" i]',
  '[class*="jobname" i]',
  '[class*="position-name" i]',
  '[data-qa*="title" i]',
  '[id*="jobtitle" i]',
  '[class*="jobtitle" i]',
  '[class*="job-title" i]',
  '[class*="job_title" i]',
  '[id*="job_title" i]',
  '[class*="position-title" i]',
  '[class*="vacancy-title" i]',
  '[class*="posting-title" i]',
  '[itemprop="title"]',
];

/** Shapes that are never a posting title (several small patterns: one alternation of all was too complex to prove linear). */
const BAD_TITLES: readonly RegExp[] = [
  /\{\{|\}\}|\$\{|<%|%>|\[\[/,
  /^\(?\d+\)?$/,
  /^\(\d+\)\s/,
  /(?:^|\s)\d{1,6}\+? (?:notifications?|messages?|unread|new (?:alerts?|jobs?|messages?))(?![a-z])/i,
  /^(?:notifications?|messages?|inbox|skip to (?:main )?content|menu|home|search|share|save|close)(?![a-z])/i,
  /cookie|privacy (?:policy|settings)|consent|javascript (?:is )?(?:required|disabled)|enable javascript/i,
  /loading\.{0,3}$/i,
];
const BAD_TITLE = { test: (text: string): boolean => BAD_TITLES.some((re) => re.test(text)) };

/**
 * "<Employer>の<Role>の求人(情報)" → [employer, role]: the employer runs to the first "の" (2–60
 * characters in), the role to the suffix (2–80 characters). A scan, not a lazy-group regex.
 */
function employerRoleJa(title: string): [string, string] | undefined {
  const body = title.endsWith('の求人情報') ? title.slice(0, -5) : title.endsWith('の求人') ? title.slice(0, -3) : undefined;
  if (body === undefined) return undefined;
  const at = body.indexOf('の', 2);
  if (at < 2 || at > 60) return undefined;
  const role = body.slice(at + 1);
  return role.length >= 2 && role.length <= 80 ? [body.slice(0, at), role] : undefined;
}

/** "Join the Greenfield team", "Werde Teil unseres Teams": a recruiting banner, not a role. */
const JOIN_TEAM =
  /^(?:join|become part of|be part of) (?:the|our) (?:[\p{L}\p{N}&'’.-]+ ){0,4}team!?$|^(?:werde|werden sie) teil (?:unseres|des) (?:[\p{L}\p{N}&'’.-]+ ){0,3}teams?!?$|^rejoigne[zr]? (?:l'|l’|notre )(?:[\p{L}\p{N}&'’.-]+ ){0,3}équipe!?$|^únete (?:a nuestro|al) (?:[\p{L}\p{N}&'’.-]+ ){0,3}equipo!?$/iu;

/** Words of a folded text that are not domain names ("login.gov", "jobs.example.com"). */
function withoutDomains(t: string): string {
  if (!t.includes('.')) return t;
  return t
    .split(' ')
    .filter((w) => !/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,6}$/u.test(w))
    .join(' ');
}

/** A title from a page element: sensible length and shape. */
export function plausibleTitle(text: string, brand?: SiteBrand): boolean {
  if (text.length < 2 || text.length > 160) return false;
  if (BAD_TITLE.test(text)) return false;
  if (isGenericHeading(text) || isListingHeading(text)) return false;
  // "Sign in", "Login | Acme" are login pages; "Login.gov - Director" names a product, not a form.
  if (text.length < 40 && LOGIN_RE.test(withoutDomains(foldWords(text)))) return false;
  if (JOIN_TEAM.test(text)) return false;
  if (brand && isBrand(text, brand)) return false;
  if (brand?.siteName && foldKey(brand.siteName) === foldKey(text)) return false;
  if (brand?.ownNames.has(foldKey(text))) return false;
  // "About Acme" heads an about page, never a posting.
  if (
    /^(?:about|über|à propos|acerca de|sobre|chi siamo|over ons|o nas|о компании|关于|關於|について|عن الشركة|من نحن|hakkımızda)(?![\p{L}])/iu.test(
      text,
    )
  )
    return false;
  return /\p{L}/u.test(text);
}

/** The parts of a page title or heading. */
export interface TitleParts {
  title: string;
  company?: string;
  location?: string;
  /** Other non-brand segments, in order (company or location hints). */
  rest: string[];
  /** The company came from an explicit pattern ("at", "hiring", "Careers at", "work at company X"). */
  explicit?: boolean;
  /** "Careers – Acme": a careers segment beside one other, which names the site, not a role. */
  career?: boolean;
}

const HAS_CJK = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;
// Titles and segments are `cleanInline`d (single spaces, no line breaks), so the patterns below
// write one space where the text can hold only one: no two quantifiers compete for whitespace.
const CAREER_SEGMENT =
  /^(?:careers?|jobs?|job openings?|karriere|stellenangebote?|carrières?|empleos?|empleo|trabaja con nosotros|emploi|offres?|vagas|lavora con noi|werken bij|praca|вакансии)(?: (?:at|bei|chez|en|@|na|bij|w|в) (.+))?$/i;
/** The employer runs to the end: no line break is left for `.` to stop at, so no `$` is needed. */
const APPLICATION_FOR = /^(?:job application for|application for|apply for|bewerbung (?:als|für)) (.+?) (?:at|bei|@) (.+)/i;
const HIRING = /^(.{2,80}?) (?:is )?hiring(?: (?:a|an))? (.{2,120}?)(?: in (.{2,80}))?$/i;
/** "Вакансия <Role> в <City>, работа в компании <Employer>" and its kin on boards without a profile. */
const VACANCY_TITLE =
  /^(?:вакансия|vacancy|job|stellenangebot|offre d'emploi|oferta de empleo|vaga)[: ]+([^: ].{1,119}?) (?:в|in|à|en|em) ([^,]{2,60}), ?(?:работа в компании|job at|work at|arbeiten bei|travailler chez|trabajar en|trabalhar na) (.{2,100})$/iu;
/** A leading "Vacancy:"/"Job:" word before the role. */
const VACANCY_PREFIX = /^(?:вакансия|vacancy|job|stellenangebot|stelle|offre|oferta|vaga|vacature|oferta pracy)\s*[:：\-–]\s*/iu;
/** Trailing ids, "updated" stamps and dates after a title: "(2600431)", "11/19 更新", "· Updated 2 days ago". */
const TRAILING_NOISE =
  / ?(?:\((?:ref\.? ?|id ?|#)?[A-Z]{0,4}[-#]?\d{3,}\)|\d{1,2}\/\d{1,2} ?(?:更新|updated)|(?:更新|updated) ?\d{1,2}\/\d{1,2})$/iu;
/** CJK "…招聘" / "…求人" suffixes of board titles: "Java开发招聘" → "Java开发". */
const CJK_SUFFIX = /(?:招聘信息|招聘|求人情報|求人|の公募について|の募集について|の募集のお知らせ|の公募|の募集|募集|채용)$/;
/** "计算机系招聘博士后研究人员": the hiring unit, a hiring verb, then the role. */
const CJK_HIRING_INFIX = /^[^\s招诚急]{2,30}(?:招聘|诚聘|急聘|誠聘)(?=[^\s]{2,60}$)/u;
/** "大学院情報学研究科 特任研究員": the hiring unit (graduate school, institute, section) before the role. */
const JA_UNIT_PREFIX = /^[^\s]{2,30}(?:研究科|研究所|学部|学科|研究院|センター|事務局|本部|課|局) (?=[^\s]{2,})/u;
/** Devanagari "… पदभरती" / "… भरती" (recruitment) after the role. */
const DEVANAGARI_SUFFIX = / ?(?:पदभरती|पद भरती|भरती प्रक्रिया|भरती|भर्ती|रिक्त पदे|जाहिरात)$/u;

/** Headings keep their hyphens ("Policy Adviser - Net Zero Buildings"); only bars split them (parts are trimmed after). */
const HEADING_SEP = /[|｜]/;

const BRACKET_OPEN = '「【『〖';
const BRACKET_CLOSE = '」】』〗';

/**
 * `t.replace(/[「【『〖]([^」】』〗]{1,120})[」】』〗]/g, ' | $1 | ')`, with each opening bracket
 * looking at most 121 characters ahead for its closing one.
 */
function bracketSegments(t: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < t.length; i++) {
    if (!BRACKET_OPEN.includes(t[i]!)) continue;
    let j = i + 1;
    while (j < t.length && j - i - 1 <= 120 && !BRACKET_CLOSE.includes(t[j]!)) j++;
    if (j < t.length && j - i - 1 >= 1 && j - i - 1 <= 120) {
      out += `${t.slice(last, i)} | ${t.slice(i + 1, j)} | `;
      last = j + 1;
      i = j;
    }
  }
  return last === 0 ? t : out + t.slice(last);
}

function splitSegments(raw: string, heading = false): string[] {
  if (heading)
    return raw
      .split(HEADING_SEP)
      .map((p) => cleanInline(p))
      .filter(Boolean);
  let t = raw;
  // Brackets hold segments of their own: "「Java开发招聘」_某公司招聘-BOSS直聘", "【…】".
  t = bracketSegments(t).replace(/\s+/g, ' ');
  // Whitespace is collapsed first (each part is `cleanInline`d anyway), so one space stands for `\s+`.
  const sep = HAS_CJK.test(t)
    ? / ?[|｜–—·•_] ?| - |(?<=[\u3040-\u30ff\u4e00-\u9fff）)])-|-(?=[\u3040-\u30ff\u4e00-\u9fff（(])| :: /
    : / [|｜–—·•_] | - | :: | ?\| ?/;
  return t
    .split(sep)
    .map((p) => cleanInline(p))
    .filter(Boolean);
}

const AT_PATTERNS: ReadonlyArray<{ exec(text: string): readonly string[] | null }> = AT_EMPLOYER_WORDS.map((w) =>
  w === '@' ? { exec: atSign } : new RegExp(`^(.{2,120}?)\\s+${w}\\s+((?:\\p{Lu}|\\p{N}|[^\\p{L}\\p{N}\\s]*\\p{Lo}).{0,79})$`, 'u'),
);
const AT_WORD = new RegExp(`(?:^|\\s)(?:${AT_EMPLOYER_WORDS.filter((w) => w !== '@').join('|')})\\s|@`, 'i');

const SEP_CHAR = spaceOr('|｜–—·•_-');

/** `s.replace(/\s*[:：]\s*$/, '')`: one trailing colon and the whitespace around it. */
function stripTrailingColon(s: string): string {
  const t = s.trimEnd();
  const last = t[t.length - 1];
  return last === ':' || last === '：' ? t.slice(0, -1).trimEnd() : s;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * `/^(.{2,120}?)\s*@\s*(\S.{0,79})$/.exec(text)` by a scan: the first "@" with at most 80
 * characters after it (past its spaces) splits the text; the role is everything before it but
 * the spaces, and at least two characters.
 */
function atSign(text: string): readonly string[] | null {
  for (let k = text.indexOf('@'); k >= 0; k = text.indexOf('@', k + 1)) {
    let e = k;
    while (e > 0 && isSpace(text[e - 1]!)) e--;
    e = Math.max(e, 2);
    if (e > k || e > 120) continue;
    let r = k + 1;
    while (r < text.length && isSpace(text[r]!)) r++;
    if (r >= text.length || text.length - r > 80) continue;
    const role = text.slice(0, e);
    const employer = text.slice(r);
    if (LINE_BREAK.test(role) || LINE_BREAK.test(employer)) continue;
    return [text.slice(0, text.length), role, employer];
  }
  return null;
}

/** "Role at Employer" → role and employer (the employer must start like a name). */
function splitAt(text: string): { title: string; company?: string } {
  if (text.length > 202 || !AT_WORD.test(text)) return { title: text };
  for (const re of AT_PATTERNS) {
    const m = re.exec(text);
    if (m && !/[,]/.test(m[2]!.slice(0, 3))) return { title: m[1]!.trim(), company: stripTrailingBadge(m[2]!).trim() };
  }
  return { title: text };
}

/**
 * Split a page title or heading into the posting title, the employer and the rest: drops the
 * site's brand and "Careers"-style segments, reads "Job Application for X at Y", "Y hiring X
 * in Z", "X at Y", "X | Y | Site". When `knownTitle` is given, the segment equal to it is the
 * title and the next one the company.
 */
export function splitTitle(raw: string, brand?: SiteBrand, knownTitle?: string, heading = false): TitleParts {
  const text = cleanInline(raw).replace(TRAILING_NOISE, '');
  // The known title may itself hold a separator ("Vendeur (H/F) – CDI | Fromagerie"): cut it out whole.
  if (knownTitle && knownTitle.length >= 3) {
    const at = text.indexOf(knownTitle);
    if (at >= 0) {
      const rest = `${text.slice(0, at)} | ${text.slice(at + knownTitle.length)}`;
      const others = splitTitle(trimEndWhile(trimStartWhile(rest, SEP_CHAR), SEP_CHAR), brand, undefined, heading);
      // "<Role> 채용 - <Employer> | <Site>": once a career word and the site are dropped, the one
      // segment left was returned as the company (others.career), not as a title.
      // Otherwise the segments left keep their order: in "<Role> - <Employer> - <Place>" the inner
      // split's "title" is the employer, not the place after it.
      let company = others.explicit || others.career ? others.company : pickCompanySegment([others.title, ...others.rest]);
      if (company && !others.explicit && HAS_CJK.test(company)) company = company.replace(CJK_SUFFIX, '').trim() || company;
      return {
        title: knownTitle,
        ...(company ? { company } : {}),
        rest: [others.title, ...others.rest],
        ...(others.explicit ? { explicit: true } : {}),
      };
    }
  }
  const app = APPLICATION_FOR.exec(text);
  if (app) return { title: app[1]!.trim(), company: app[2]!.trim(), rest: [], explicit: true };
  let company: string | undefined;
  let explicit = false;
  let droppedCareer = false;
  const kept: string[] = [];
  for (const raw of splitSegments(text, heading)) {
    const seg = raw.replace(TRAILING_NOISE, '');
    const career = CAREER_SEGMENT.exec(seg);
    if (career) {
      if (career[1]) (company ??= career[1].trim()), (explicit = true);
      droppedCareer = true;
      continue;
    }
    if (brand && isBrand(seg, brand)) continue;
    // "Job Description - <Role>", "<Role> (2600431)": generic words and bare ids are not segments.
    if (isListingHeading(seg)) {
      droppedCareer = true;
      continue;
    }
    if (isGenericHeading(seg) || /^\(?[A-Z]{0,4}[-#]?\d{3,}\)?$/i.test(seg)) continue;
    kept.push(seg);
  }
  if (droppedCareer && kept.length === 1 && !knownTitle && !company) return { title: '', company: kept[0]!, rest: [], career: true };
  const parts = kept.length > 0 ? kept : splitSegments(text, heading).slice(0, 1);
  if (parts.length === 0) return { title: text, rest: [] };
  let idx = 0;
  if (knownTitle) {
    const k = foldKey(knownTitle);
    const found = parts.findIndex((p) => foldKey(p) === k || foldKey(splitAt(p).title) === k);
    if (found >= 0) idx = found;
  }
  let title = parts[idx]!;
  let location: string | undefined;
  const hiring = HIRING.exec(title);
  if (hiring && !knownTitle) {
    company ??= hiring[1]!.trim();
    explicit = true;
    title = stripTrailingWord(hiring[2]!.trim(), ['jobs', 'job', 'position', 'role'], true);
    if (hiring[3]) location = hiring[3].trim();
  }
  // "<Employer>の<Role>の求人情報" (Japanese boards).
  const ja = employerRoleJa(title);
  if (ja) (company = ja[0]), (title = ja[1]), (explicit = true);
  const vacancy = VACANCY_TITLE.exec(title);
  if (vacancy) {
    title = vacancy[1]!.trim();
    if (vacancy[2]) location = vacancy[2].trim();
    if (vacancy[3]) (company = vacancy[3].trim()), (explicit = true);
  }
  const at = splitAt(title);
  title = at.title;
  if (at.company) (company = at.company), (explicit = true);
  if (HAS_CJK.test(title)) title = title.replace(CJK_SUFFIX, '').trim().replace(CJK_HIRING_INFIX, '').replace(JA_UNIT_PREFIX, '') || title;
  if (/[\u0900-\u097f]/.test(title)) title = title.replace(DEVANAGARI_SUFFIX, '').trim() || title;
  const rest = parts.filter((_, i) => i !== idx);
  if (!company && rest.length > 0) {
    // "Role | Employer | Site" or "Employer - Role" (when the known title came second).
    company = idx > 0 && knownTitle ? parts[0] : pickCompanySegment(rest);
    if (company && HAS_CJK.test(company)) company = company.replace(CJK_SUFFIX, '').trim() || company;
  }
  title = title.replace(VACANCY_PREFIX, '').trim() || title;
  // A heading cut before a generic tail ("<Role> - 求人情報") keeps no dangling separator.
  title = trimEndWhile(title, SEP_CHAR) || title;
  return { title, ...(company ? { company } : {}), ...(location ? { location } : {}), rest, ...(explicit ? { explicit } : {}) };
}

/**
 * The segment most likely to be the employer: the first after the title that is not an
 * employment type, place, date or salary ("Role | Employer | Site": sites put their name last).
 */
function pickCompanySegment(segments: readonly string[]): string | undefined {
  return segments.find((s) => s && mayNameCompany(s));
}

/**
 * Segments already judged: a page's `<title>`, `og:title` and `twitter:title` end in the same
 * employer or site segment, and a crawl meets the same few again. Bounded; short segments only.
 */
const judgedSegments = new Map<string, boolean>();

/** `s` is no employment type, place, date or salary ({@link classifyShortText}, {@link looksLikePlace}). */
function mayNameCompany(s: string): boolean {
  let may = judgedSegments.get(s);
  if (may === undefined) {
    may = !classifyShortText(s) && !looksLikePlace(s);
    if (s.length <= 200) {
      if (judgedSegments.size >= 1_024) judgedSegments.clear();
      judgedSegments.set(s, may);
    }
  }
  return may;
}

/**
 * Strip " | Company", " - Careers", "Job Application for … at …" from a page title. When the
 * posting title is already known (from a heading), the other part is taken as the company,
 * which also handles "Company - Title" order.
 */
export function cleanTitle(raw: string, knownTitle?: string): { title: string; company?: string } {
  const p = splitTitle(raw, undefined, knownTitle);
  return p.company ? { title: p.title, company: p.company } : { title: p.title };
}

/** Result of title extraction, with the hints other extractors use. */
export interface TitleResult {
  title?: string;
  /** The element the title came from, when it was a page element (anchors the top card). */
  el?: Element;
  /** Employers named next to the title ("at X", title segments, "X hiring"). */
  companyHints: Array<{ text: string; weight: number; source: string }>;
  locationHints: string[];
  /** Distinct plausible `h1` texts outside page chrome. */
  h1Count: number;
  /** The top card around the title element (set by the caller once known). */
  card?: Element;
  /** Employers named in "Posted … by <X>" lines of the top card. */
  postedBy: string[];
}

/** The element before `el` among its parent's element children. */
function previousElement(el: Element): Element | undefined {
  let p = el.prev;
  while (p && !isElement(p)) p = p.prev;
  return p ?? undefined;
}

/** Containers a run of label rows sits in. */
const ROW_BLOCKS = new Set(['table', 'dl', 'ul', 'ol']);

/** A short text just before the block of label rows holding the first location/employment/company label. */
function textBeforeLabels(page: Page): { text: string; el: Element } | undefined {
  const hit = page.labels.get('location')?.[0] ?? page.labels.get('employment')?.[0] ?? page.labels.get('company')?.[0];
  let block: Element | undefined = hit?.el;
  for (let up = 0; block && up < 6 && !ROW_BLOCKS.has(block.name); up++)
    block = block.parent && isElement(block.parent) ? block.parent : undefined;
  if (!block || !ROW_BLOCKS.has(block.name)) return undefined;
  let sib = previousElement(block);
  for (let k = 0; sib && k < 4; k++, sib = previousElement(sib)) {
    if (sib.name === 'script' || sib.name === 'style' || sib.name === 'input' || inChrome(sib)) continue;
    const t = inline(sib, 300);
    if (!t) continue;
    return t.length >= 3 && t.length <= 120 && !labelField(t) ? { text: t, el: sib } : undefined;
  }
  return undefined;
}

const CRUMB = ['[class*="breadcrumb" i] li:last-child', '[aria-label*="breadcrumb" i] li:last-child'];

export function extractTitle(page: Page): TitleResult {
  const { brand, scan } = page;
  const ballot = new Ballot();
  const companyHints: TitleResult['companyHints'] = [];
  const locationHints: string[] = [];
  // Head metadata that contains the first heading verbatim ("18F - Content Strategist | Join TTS")
  // is split around it, so a hyphen inside the role does not cut it.
  let heading: string | undefined;
  const vote = (raw: string | undefined, weight: number, source: string, el?: Element): boolean => {
    if (!raw) return false;
    const meta = source === 'title' || source === 'og';
    const known = meta && heading && raw.includes(heading) ? heading : undefined;
    const parts = splitTitle(raw, brand, known, !meta);
    const t = stripTrailingColon(parts.title);
    // From head metadata only an explicit pattern ("at X", "X hiring") names the employer; plain
    // segments are read again once the title is known (see company.ts).
    if (parts.career && parts.company) companyHints.push({ text: parts.company, weight: 2, source: 'title-career' });
    else if (parts.company && (parts.explicit || (source !== 'title' && source !== 'og')))
      companyHints.push({ text: parts.company, weight: source === 'title' || source === 'og' ? 3 : 4, source });
    if (parts.location) locationHints.push(parts.location);
    if (!plausibleTitle(t, brand)) return false;
    ballot.add(t, weight, source, el);
    return true;
  };

  // Markup that names the title.
  const fromSelector = firstText(page, TITLE_SELECTORS, 3, 200);
  if (fromSelector && !inChrome(fromSelector.el)) vote(fromSelector.text, 6, 'selector', fromSelector.el);
  for (const el of selectAny(page.index, TITLE_HINTS, 3).slice(0, 3)) {
    if (inChrome(el)) continue;
    const t = inline(el, 400);
    if (t.length >= 2 && t.length <= 200) {
      vote(t, 4, 'attr', el);
      // "Title / Organisation" laid out as the title element and a sibling.
      const sib = nextElement(el);
      const sibText = sib ? inline(sib, 200) : '';
      const org = /^ ?(?:\/|\||-|–|—|@|at ) ?(.{2,120})$/u.exec(sibText);
      if (org) companyHints.push({ text: org[1]!.trim(), weight: 4, source: 'title-line' });
      break;
    }
  }
  const labelled = page.labels.get('title')?.[0];
  if (labelled) vote(labelled.value, 4, 'label', labelled.el);

  // Headings.
  // A site-name h1 in the page header ("<div id=header><h1>Recruitment portal</h1>") is not the posting's.
  const inHeader = (e: Element) =>
    hasAncestor(
      e,
      (a) =>
        a.name === 'header' ||
        a.attribs.id === 'header' ||
        a.attribs.role === 'banner' ||
        /(?:^|\s)(?:site-header|masthead|banner)(?:\s|$)/i.test(a.attribs.class ?? ''),
      8,
    );
  // The head metadata a banner h1 must agree with to count as the posting's heading.
  const metaKeys = [scan.title, scan.meta.get('og:title')].map((m) => (m ? foldKey(m) : '')).filter(Boolean);
  const h1s = page
    .tags('h1')
    .filter((e) => !inChrome(e) && !(inHeader(e) && page.scan.title && foldKey(inline(e, 300)) === foldKey(page.scan.title)))
    .slice(0, 6);
  let h1Count = 0;
  h1s.forEach((e, i) => {
    // A heading's own title attribute is its clean text (no "updated" stamps or badges).
    const attr = cleanInline(e.attribs.title ?? '');
    const full = inline(e, 600);
    const t = attr.length >= 2 && full.startsWith(attr) ? attr : full;
    // An h1 in the site's header or banner ("Karriereportal der Stadtwerke …", the logo text) that
    // the <title> and og:title do not repeat is the site's heading: it loses to a title segment.
    const key = foldKey(t);
    if (inHeader(e) && metaKeys.length > 0 && !metaKeys.some((m) => key.length >= 3 && m.includes(key))) {
      vote(t, 1, 'h1-banner', e);
      return;
    }
    if (vote(t, i === 0 ? 4 : 2, i === 0 ? 'h1' : `h1-${i}`, e)) {
      h1Count++;
      heading ??= t;
    }
  });
  let h2Seen = 0;
  for (const e of page.tags('h2').slice(0, 10)) {
    if (h2Seen >= 2) break;
    const t = inline(e, 400);
    if (t.length < 3 || t.length > 150 || SECTION_RE.test(foldWords(t)) || inChrome(e)) continue;
    h2Seen++;
    // Without an h1, the first h2 is the page's heading (a visible heading beats the <title>).
    vote(t, h1Count > 0 ? 1 : h2Seen === 1 ? 3 : 1, `h2-${h2Seen}`, e);
  }
  // Old ATS pages without headings ("<div class=pc-rtg-h2>Role</div><table>Location …"): the short
  // line right before the first label row names the posting.
  if (h1Count === 0 && !fromSelector && !labelled) {
    const pre = textBeforeLabels(page);
    if (pre) vote(pre.text, 3, 'pre-label', pre.el);
  }
  const crumb = selectAny(page.index, CRUMB, 1)[0];
  if (crumb) vote(inline(crumb, 300), 1, 'crumb', crumb);

  // Head metadata.
  const og = scan.meta.get('og:title') ?? scan.meta.get('twitter:title') ?? scan.meta.get('title');
  if (og) vote(og, 2, 'og');
  if (scan.title) vote(scan.title, 2, 'title');

  // A posting published as one image (a banner with the whole ad) names itself in the image's
  // alt text ("<Employer> | <Role>"), read only when nothing else gave a title.
  if (ballot.size === 0) {
    for (const img of page.tags('img').slice(0, 8)) {
      const alt = cleanInline(img.attribs.alt ?? '');
      if (alt.length < 10 || alt.length > 200 || inChrome(img)) continue;
      if (/logo|icon|avatar|banner-ad/i.test(`${img.attribs.src ?? ''} ${img.attribs.class ?? ''} ${alt}`)) continue;
      // "<Employer> | <Role> hiring": the segment with a vacancy word is the role, the other the employer.
      const segs = alt.split(' | ');
      const role = segs.length === 2 ? segs.findIndex((x) => VACANCY_RE.test(foldWords(x))) : -1;
      const ordered = role === 1 && !VACANCY_RE.test(foldWords(segs[0]!)) ? `${segs[1]} | ${segs[0]}` : alt;
      if (vote(ordered, 2, 'img-alt', img)) break;
    }
  }

  // A heading found again inside the page title or og:title is the title those wrap.
  const meta = (c: { sources: Set<string> }) => [...c.sources].every((s) => s === 'title' || s === 'og');
  ballot.foldInto(meta, (c) => !meta(c) && c.el !== undefined);

  const best = ballot.best(2);
  return {
    ...(best ? { title: best.text } : {}),
    ...(best?.el ? { el: best.el } : {}),
    companyHints,
    locationHints,
    h1Count,
    postedBy: [],
  };
}
