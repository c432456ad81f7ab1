/**
 * Registrable domains and the hosts that belong to job platforms rather than employers, so a
 * posting hosted on Greenhouse is not credited to `greenhouse.io`.
 * @module
 */
import { getDomain } from 'tldts';
import { builtinPageTraits } from '../ats/page-traits.generated.js';
import { sitesForHost } from '../sites/registry.js';

/** Host suffixes where the built-in ATSs host employers' careers sites (from their definitions). */
const ATS_HOSTS: ReadonlySet<string> = new Set(builtinPageTraits.flatMap((t) => t.employerHosted));

/**
 * Registrable domains of job boards, social networks and ATS vendors' own sites: a page here does
 * not reveal the employer's domain. ATS hosts where employers have their careers sites come from
 * the ATS definitions (`employerHosted`), not from this list.
 */
const PLATFORM_DOMAINS = new Set([
  'workday.com',
  'jazzhr.com',
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
  if (PLATFORM_DOMAINS.has(domain) || ATS_HOSTS.has(domain)) return true;
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
