/**
 * Registrable domains and the hosts that belong to job platforms rather than employers, so a
 * posting hosted on Greenhouse is not credited to `greenhouse.io`.
 * @module
 */
import { getDomain } from 'tldts';
import { sitesForHost } from '../sites/registry.js';

/** Registrable domains of ATSs and job boards: a page here does not reveal the employer's domain. */
const PLATFORM_DOMAINS = new Set([
  'greenhouse.io',
  'lever.co',
  'ashbyhq.com',
  'workable.com',
  'personio.de',
  'personio.com',
  'myworkdayjobs.com',
  'myworkdaysite.com',
  'workday.com',
  'smartrecruiters.com',
  'recruitee.com',
  'bamboohr.com',
  'teamtailor.com',
  'breezy.hr',
  'jazzhr.com',
  'applytojob.com',
  'jobvite.com',
  'icims.com',
  'taleo.net',
  'successfactors.com',
  'successfactors.eu',
  'oraclecloud.com',
  'rippling.com',
  'rippling-ats.com',
  'pinpointhq.com',
  'comeet.com',
  'comeet.co',
  'homerun.co',
  'join.com',
  'dover.com',
  'dover.io',
  'gem.com',
  'polymer.co',
  'trakstar.com',
  'zohorecruit.com',
  'zohorecruit.eu',
  'freshteam.com',
  'manatal.com',
  'eightfold.ai',
  'workatastartup.com',
  'ycombinator.com',
  'wellfound.com',
  'angel.co',
  'linkedin.com',
  'indeed.com',
  'glassdoor.com',
  'stepstone.de',
  'monster.com',
  'ziprecruiter.com',
  'welcometothejungle.com',
  'otta.com',
  'facebook.com',
  'twitter.com',
  'x.com',
  'instagram.com',
  'youtube.com',
  'github.com',
  'wikipedia.org',
]);

/** Registrable domain (`careers.acme.co.uk` → `acme.co.uk`), or `undefined` for IPs/invalid hosts. */
export function registrableDomain(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return getDomain(host) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Answers of {@link isPlatformDomain} (a crawl sees few domains; bounded for one that sees many). */
const platformCache = new Map<string, boolean>();
const PLATFORM_CACHE_MAX = 1024;

/** True when `domain` belongs to an ATS, job board or social network. */
export function isPlatformDomain(domain: string): boolean {
  if (PLATFORM_DOMAINS.has(domain)) return true;
  // Country variants of the big boards: glassdoor.co.uk, indeed.de, glassdoor.com.au …
  if (/^(glassdoor|indeed|stepstone|monster|linkedin)\./.test(domain)) return true;
  // Every board with a site profile (naukri.com, seek.com.au, zhipin.com, bayt.com…): the host
  // index lookup is the costly part and is asked several times per page, so it is remembered.
  let known = platformCache.get(domain);
  if (known === undefined) {
    if (platformCache.size >= PLATFORM_CACHE_MAX) platformCache.clear();
    platformCache.set(domain, (known = sitesForHost(domain).length > 0));
  }
  return known;
}

/** The employer's domain from a URL, unless the URL is on a platform host. */
export function employerDomain(url: string): string | undefined {
  const d = registrableDomain(url);
  return d && !isPlatformDomain(d) ? d : undefined;
}
