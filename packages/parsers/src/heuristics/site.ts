/**
 * The site's own name, slogan and domain brand, so the platform (LinkedIn, a job board, a
 * portal's slogan) is never taken for the employer or the posting's title.
 * @module
 */

import { cleanInline } from '../html/sanitize.js';
import type { PageScan } from '../html/scan.js';
import { isPlatformDomain, registrableDomain } from '../structured/domains.js';

/** What heuristics know about the site a page is on. */
export interface SiteBrand {
  /** `og:site_name` / `application-name`, cleaned. */
  siteName: string | undefined;
  /** First label of the registrable domain (`topjobs` for `www.topjobs.lk`). */
  domainLabel: string | undefined;
  /** Top-level domain (`lk`, `de`, `com`). */
  tld: string | undefined;
  /** The site is a job board or portal listing many employers, so its name is not the employer. */
  isBoard: boolean;
  /**
   * Folded names the page shows as its own (header logo text or alt, the footer's opening name):
   * never a posting title, though on an employer's site they name the employer.
   */
  ownNames: Set<string>;
}

/** ATS hosts: each employer gets its own careers site there, so its site name is the employer's. */
const ATS_DOMAINS =
  /^(?:greenhouse\.io|lever\.co|ashbyhq\.com|workable\.com|personio\.(?:de|com)|myworkdayjobs\.com|myworkdaysite\.com|smartrecruiters\.com|recruitee\.com|bamboohr\.com|teamtailor\.com|breezy\.hr|jazzhr\.com|applytojob\.com|jobvite\.com|icims\.com|taleo\.net|successfactors\.(?:com|eu)|oraclecloud\.com|rippling(?:-ats)?\.com|pinpointhq\.com|comeet\.(?:com|co)|homerun\.co|join\.com|dover\.(?:com|io)|gem\.com|polymer\.co|trakstar\.com|zohorecruit\.(?:com|eu)|freshteam\.com|manatal\.com|eightfold\.ai)$/;

/** Letters and digits only, lower case: "Y Combinator's Work at a Startup" → "ycombinatorsworkatastartup". */
export const foldKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Words job boards put in their names and slogans. */
const BOARD_WORDS =
  /^(?:jobs?|jobsite|vacanc(?:y|ies)|careers?|employment|employ|recruit(?:ment|ing|ers?)?|hiring|hire|talent|portal|board|opportunit(?:y|ies)|work|works|startups?|search|find|best|top|leading|no|online|sites?|your|dream|the|and|for|in|of|at|a|\d+|stellen(?:angebote|markt|börse)?|karriere|jobbörse|emplois?|empleos?|trabajo|vagas|lavoro|praca|werk|vacatures|вакансии|работа|招聘|求人|人才|وظائف|نوكरी|naukri|rozgar)$/i;

/** Names of big boards and ATSs that appear as the last title segment or og:site_name. */
const KNOWN_BRANDS = new Set(
  [
    'linkedin',
    'indeed',
    'glassdoor',
    'stepstone',
    'naukri',
    'seek',
    'xing',
    'monster',
    'ziprecruiter',
    'bayt',
    'bosszhipin',
    'boss直聘',
    '51job',
    '前程无忧',
    '智联招聘',
    'zhaopin',
    'jobstreet',
    'jobsdb',
    'reed',
    'totaljobs',
    'welcometothejungle',
    'wellfound',
    'angellist',
    'greenhouse',
    'lever',
    'workable',
    'workday',
    'smartrecruiters',
    'personio',
    'recruitee',
    'teamtailor',
    'ashby',
    'bamboohr',
    'jobvite',
    'icims',
    'taleo',
    'successfactors',
    'infojobs',
    'computrabajo',
    'pracuj',
    'headhunter',
    'superjob',
    'rabotaua',
    'workua',
    'catho',
    'gupy',
    'mynavi',
    'rikunabi',
    'doda',
    'saramin',
    'jobkorea',
    'wanted',
    'jobthai',
    'kariyer',
    'eluta',
    'jobbank',
    'usajobs',
    'dice',
    'simplyhired',
    'careerbuilder',
    'snagajob',
    'adzuna',
    'jooble',
    'careerjet',
    'jobindex',
    'finn',
    'arbetsformedlingen',
    'topjobs',
    'monsterindia',
    'foundit',
    'shine',
    'timesjobs',
    'hirist',
    'instahyre',
    'cutshort',
    'workatastartup',
    'ycombinator',
    'weworkremotely',
    'upwork',
    'workua',
    'worknet',
    'remoteok',
    'remotive',
    'otta',
    'hired',
    'dice',
  ].map(foldKey),
);

export function siteBrand(url: string, scan: PageScan): SiteBrand {
  const siteName = cleanInline(scan.meta.get('og:site_name') ?? scan.meta.get('application-name') ?? '') || undefined;
  const domain = registrableDomain(url);
  const domainLabel = domain?.split('.')[0];
  const tld = domain?.split('.').pop();
  const boardish = (s: string | undefined) =>
    !!s &&
    (KNOWN_BRANDS.has(foldKey(s)) ||
      /job|career|karriere|stellen|emploi|empleo|vaga|talent|recruit|hiring|naukri|rabota|vacanc|zhaopin/i.test(s));
  const isAts = domain ? ATS_DOMAINS.test(domain) : false;
  const isBoard = !isAts && ((domain ? isPlatformDomain(domain) : false) || boardish(domainLabel) || boardish(siteName));
  const ownNames = new Set<string>();
  if (siteName) ownNames.add(foldKey(siteName));
  return { siteName, domainLabel, tld, isBoard, ownNames };
}

/** True when most words of `text` are job-board vocabulary: a slogan such as "jobs/vacancies, careers and employment". */
export function isSlogan(text: string): boolean {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length < 2) return false;
  const boardy = words.filter((w) => BOARD_WORDS.test(w)).length;
  return boardy / words.length >= 0.6;
}

/**
 * True when `text` names the site rather than an employer or a role: its `og:site_name`, a
 * known board, its domain's brand ("LinkedIn" on linkedin.com, "Y Combinator's Work at a
 * Startup" on workatastartup.com) or a board slogan.
 */
export function isBrand(text: string, brand: SiteBrand): boolean {
  const key = foldKey(text);
  if (!key) return true;
  if (KNOWN_BRANDS.has(key)) return true;
  if (brand.siteName && foldKey(brand.siteName) === key) return brand.isBoard;
  const label = brand.domainLabel ? foldKey(brand.domainLabel) : '';
  if (label.length >= 3 && (key === label || (key.includes(label) && key.length <= label.length + 30)))
    return brand.isBoard || KNOWN_BRANDS.has(label);
  for (const b of KNOWN_BRANDS)
    if (b.length >= 5 && key.length <= b.length + 24 && key.includes(b) && /\b(?:jobs?|careers?|by|on|\.com|\.[a-z]{2})\b|[|·]/i.test(text))
      return true;
  return isSlogan(text);
}
