/**
 * The site's own name, slogan and domain brand, so the platform (LinkedIn, a job board, a
 * portal's slogan) is never taken for the employer or the posting's title.
 * @module
 */

import { builtinPageTraits } from '../ats/page-traits.generated.js';
import { type AtsPageTraits, pageTraitsOf } from '../ats/page-traits.js';
import type { AtsDefinition } from '../ats/types.js';
import { cleanInline } from '../html/sanitize.js';
import type { PageScan } from '../html/scan.js';
import { siteProfiles } from '../sites/registry.js';
import type { SiteDefinition } from '../sites/types.js';
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
  /** Folded names of job boards and ATSs (site profiles, ATS `brandNames`, boards with no profile). */
  brands: ReadonlySet<string>;
}

/** Letters and digits only, lower case: "Y Combinator's Work at a Startup" → "ycombinatorsworkatastartup". */
export const foldKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Words job boards put in their names and slogans. */
const BOARD_WORDS =
  /^(?:jobs?|jobsite|vacanc(?:y|ies)|careers?|employment|employ|recruit(?:ment|ing|ers?)?|hiring|hire|talent|portal|board|opportunit(?:y|ies)|work|works|startups?|search|find|best|top|leading|no|online|sites?|your|dream|the|and|for|in|of|at|a|\d+|stellen(?:angebote|markt|börse)?|karriere|jobbörse|emplois?|empleos?|trabajo|vagas|lavoro|praca|werk|vacatures|вакансии|работа|招聘|求人|人才|وظائف|نوكरी|naukri|rozgar)$/i;

/**
 * Boards with no site profile in `sites/`, and spellings of profiled boards that their profile's
 * name does not give (`bosszhipin` for BOSS直聘, `totaljobs` for StepStone's UK board). Profiled
 * boards' names and ATS `brandNames` are added from their definitions (see {@link siteTables}).
 */
const OTHER_BOARD_BRANDS = [
  'bosszhipin',
  '智联招聘',
  'zhaopin',
  'totaljobs',
  'topjobs',
  'monster',
  'ziprecruiter',
  'welcometothejungle',
  'wellfound',
  'angellist',
  'computrabajo',
  'pracuj',
  'superjob',
  'rabotaua',
  'catho',
  'gupy',
  'mynavi',
  'rikunabi',
  'saramin',
  'jobkorea',
  'wanted',
  'kariyer',
  'eluta',
  'jobbank',
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
  'monsterindia',
  'foundit',
  'shine',
  'timesjobs',
  'hirist',
  'instahyre',
  'cutshort',
  'ycombinator',
  'weworkremotely',
  'upwork',
  'worknet',
  'remoteok',
  'remotive',
  'otta',
  'hired',
];

/** What the site decisions read from the ATS definitions, built once per traits list. */
interface AtsSiteTables {
  /** Host suffixes where each employer has its own careers site. */
  employerHosted: ReadonlySet<string>;
  /** Folded names of boards and ATSs (profiles, `brandNames`, {@link OTHER_BOARD_BRANDS}). */
  brands: ReadonlySet<string>;
}

const tables = new WeakMap<readonly AtsPageTraits[], AtsSiteTables>();

/** Folded names a site profile gives its board: its name, each part of "Name (alias)", its `brand.*` hosts. */
function profileKeys(site: SiteDefinition): string[] {
  const names = [site.name, ...site.name.split(/[()]/)];
  for (const h of site.hosts) if (h.endsWith('.*')) names.push(h.slice(0, -2));
  return names.map(foldKey).filter((k) => k.length >= 3);
}

function tablesFor(traits: readonly AtsPageTraits[]): AtsSiteTables {
  let t = tables.get(traits);
  if (!t) {
    const brands = new Set(OTHER_BOARD_BRANDS.map(foldKey));
    for (const site of siteProfiles) for (const k of profileKeys(site)) brands.add(k);
    const employerHosted = new Set<string>();
    for (const trait of traits) {
      for (const name of trait.brandNames) if (foldKey(name)) brands.add(foldKey(name));
      for (const host of trait.employerHosted) employerHosted.add(host.toLowerCase());
    }
    tables.set(traits, (t = { employerHosted, brands }));
  }
  return t;
}

/** True when `host` or one of its label-boundary suffixes is in `suffixes`. */
function hostUnder(host: string, suffixes: ReadonlySet<string>): boolean {
  for (let at = -1; ; ) {
    if (suffixes.has(at < 0 ? host : host.slice(at + 1))) return true;
    at = host.indexOf('.', at + 1);
    if (at < 0) return false;
  }
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/\.$/, '');
  } catch {
    return '';
  }
}

/**
 * Employer-hosted ATS hosts and folded board/ATS names: from the built-in definitions, or from
 * `platforms` when given, with the site profiles' names and {@link OTHER_BOARD_BRANDS}.
 */
function siteTables(platforms?: readonly AtsDefinition[]): AtsSiteTables {
  return tablesFor(platforms ? pageTraitsOf(platforms) : builtinPageTraits);
}

/**
 * What the page's site says about itself.
 * @param platforms ATS definitions whose `employerHosted` hosts and `brandNames` count (default: the built-ins)
 */
export function siteBrand(url: string, scan: PageScan, platforms?: readonly AtsDefinition[]): SiteBrand {
  const { employerHosted, brands } = siteTables(platforms);
  const siteName = cleanInline(scan.meta.get('og:site_name') ?? scan.meta.get('application-name') ?? '') || undefined;
  const domain = registrableDomain(url);
  const domainLabel = domain?.split('.')[0];
  const tld = domain?.split('.').pop();
  const boardish = (s: string | undefined) =>
    !!s &&
    (brands.has(foldKey(s)) ||
      /job|career|karriere|stellen|emploi|empleo|vaga|talent|recruit|hiring|naukri|rabota|vacanc|zhaopin/i.test(s));
  // On an ATS host each employer has its own careers site: its name there is the employer's.
  const isAts = hostUnder(hostnameOf(url), employerHosted);
  const isBoard = !isAts && ((domain ? isPlatformDomain(domain) : false) || boardish(domainLabel) || boardish(siteName));
  const ownNames = new Set<string>();
  if (siteName) ownNames.add(foldKey(siteName));
  return { siteName, domainLabel, tld, isBoard, ownNames, brands };
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
  if (brand.brands.has(key)) return true;
  if (brand.siteName && foldKey(brand.siteName) === key) return brand.isBoard;
  const label = brand.domainLabel ? foldKey(brand.domainLabel) : '';
  if (label.length >= 3 && (key === label || (key.includes(label) && key.length <= label.length + 30)))
    return brand.isBoard || brand.brands.has(label);
  for (const b of brand.brands)
    if (b.length >= 5 && key.length <= b.length + 24 && key.includes(b) && /\b(?:jobs?|careers?|by|on|\.com|\.[a-z]{2})\b|[|·]/i.test(text))
      return true;
  return isSlogan(text);
}
