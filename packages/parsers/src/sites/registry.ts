/**
 * The ordered site-profile registry and its host index: a page's host is looked up by its
 * label-boundary suffixes and its brand (the label before the public suffix), so only the
 * profiles that own the host are ever consulted. Adding a board: one file, one line here.
 * @module
 */
import { invalidArgument, readArgument, registerCanonicalUrlRules } from '@jobkit/core';
import { parse as parseHost } from 'tldts';
import type { PageScan } from '../html/scan.js';
import { bayt } from './bayt.js';
import { dice } from './dice.js';
import { doda } from './doda.js';
import { glassdoor } from './glassdoor.js';
import { hh } from './hh.js';
import { indeed } from './indeed.js';
import { infojobs } from './infojobs.js';
import { job51 } from './job51.js';
import { jobthai } from './jobthai.js';
import { linkedin } from './linkedin.js';
import { monster } from './monster.js';
import { naukri } from './naukri.js';
import { reed } from './reed.js';
import { seek } from './seek.js';
import { stepstone } from './stepstone.js';
import { topjobs } from './topjobs.js';
import { tw104 } from './tw104.js';
import type { SiteDefinition } from './types.js';
import { usajobs } from './usajobs.js';
import { workatastartup } from './workatastartup.js';
import { workua } from './workua.js';
import { xing } from './xing.js';
import { zhipin } from './zhipin.js';
import { ziprecruiter } from './ziprecruiter.js';

/** Every site profile, in lookup order. */
export const siteProfiles: readonly SiteDefinition[] = Object.freeze([
  linkedin,
  indeed,
  glassdoor,
  stepstone,
  naukri,
  seek,
  xing,
  zhipin,
  job51,
  bayt,
  hh,
  usajobs,
  reed,
  infojobs,
  workua,
  jobthai,
  topjobs,
  tw104,
  doda,
  workatastartup,
  dice,
  ziprecruiter,
  monster,
]);

// Boards' canonical-URL rules join the ATS definitions' in core's canonicalizeUrl (and so every job id).
registerCanonicalUrlRules(siteProfiles.flatMap((s) => (s.canonicalUrl ? [{ ...s.canonicalUrl, id: `site:${s.id}` }] : [])));

interface HostIndex {
  bySuffix: Map<string, SiteDefinition[]>;
  byBrand: Map<string, SiteDefinition[]>;
}

const indexes = new WeakMap<readonly SiteDefinition[], HostIndex>();

function build(sites: readonly SiteDefinition[]): HostIndex {
  const index: HostIndex = { bySuffix: new Map(), byBrand: new Map() };
  for (const site of sites) {
    for (const h of site.hosts) {
      const host = h.toLowerCase();
      const [map, key] = host.endsWith('.*') ? [index.byBrand, host.slice(0, -2)] : [index.bySuffix, host];
      const list = map.get(key) ?? [];
      if (!list.includes(site)) list.push(site);
      map.set(key, list);
    }
  }
  return index;
}

/** A DNS name is at most 253 characters; no profile owns a longer "host". */
const MAX_HOST_CHARS = 253;

/**
 * Profiles owning `hostname` (a suffix or brand match), in registry order. A name longer than a
 * DNS name can be (253 characters) is owned by none.
 * @throws JobkitError `INVALID_ARGUMENT` when `hostname` is not a string or `sites` not an array of profiles.
 */
export function sitesForHost(hostname: string, sites: readonly SiteDefinition[] = siteProfiles): SiteDefinition[] {
  if (typeof hostname !== 'string') {
    throw invalidArgument('parsers/sites', `sitesForHost expects a host name string, got ${hostname === null ? 'null' : typeof hostname}`);
  }
  if (!Array.isArray(sites)) {
    throw invalidArgument('parsers/sites', `sitesForHost expects an array of site profiles, got ${sites === null ? 'null' : typeof sites}`);
  }
  if (hostname.length > MAX_HOST_CHARS + 1) return [];
  let index = indexes.get(sites);
  if (!index) indexes.set(sites, (index = readArgument('parsers/sites', 'the site profiles', () => build(sites))));
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const out: SiteDefinition[] = [];
  for (let at = -1; ; ) {
    for (const s of index.bySuffix.get(at < 0 ? host : host.slice(at + 1)) ?? []) if (!out.includes(s)) out.push(s);
    at = host.indexOf('.', at + 1);
    if (at < 0) break;
  }
  // Most hosts contain no brand at all; only those that do pay for a public-suffix parse.
  if ([...index.byBrand.keys()].some((b) => host.includes(b))) {
    const brand = parseHost(host).domainWithoutSuffix;
    // `de.indeed.com` and `indeed.de` both have the brand `indeed`; `foo.indeed-jobs.com` has not.
    for (const s of (brand && index.byBrand.get(brand)) || []) if (!out.includes(s)) out.push(s);
  }
  return out.sort((a, b) => sites.indexOf(a) - sites.indexOf(b));
}

/** The profile that reads this page as one posting, if any (host first, then the profile's `match`). */
export function siteForPage(url: string | URL, scan: PageScan, sites: readonly SiteDefinition[] = siteProfiles): SiteDefinition | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  for (const site of sitesForHost(u.hostname, sites)) if (!site.match || site.match(u, scan)) return site;
  return null;
}
