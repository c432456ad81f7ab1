/**
 * Location: a location label in any language, ATS/semantic markup, a top-card chip or pinned
 * text, or the "in <Place>" of a "hiring" title, parsed by the location normalizer.
 * @module
 */
import type { Location, WorkplaceType } from '@jobkit/core';
import { normalizeCountry } from '../normalize/countries.js';
import { parseLocation } from '../normalize/index.js';
import { splitTrimmed } from '../text-scan.js';
import { Ballot } from './candidates.js';
import { inChrome, inline, type Page, selectAny } from './page.js';
import { type Chip, pinnedLocation } from './top-card.js';

export const LOCATION_SELECTORS = [
  '.job__location',
  '#header .location',
  '.app-title + .location',
  '.posting-categories .location',
  '.sort-by-location',
  '[data-ui="job-location"]',
  '[data-automation-id="locations"]',
  '.job-location',
  '.jobLocation',
  '.job-header .location',
  '.location',
  '[class*="job-location" i]',
  '[class*="joblocation" i]',
  '[itemprop="jobLocation"]',
  '[data-testid*="location" i]',
  '[class*="location" i]',
  '[id*="location" i]',
];

/** A location entry that is only a remote/virtual statement. */
const NOT_A_PLACE = /^(?:virtual|remote|telework|telecommute|work from home|anywhere)(?: ?\((?:100 ?% )?(?:remote|virtual)\))?$/i;

export interface LocationResult {
  text?: string;
  locations?: Location[];
  workplaceType?: WorkplaceType;
}

/**
 * "United States-Ohio-Columbus", "Canada-Alberta-Calgary" (Taleo and other Oracle career sites):
 * country, region and city joined by hyphens, widest first; read back as "Columbus, Ohio, United
 * States". Only when the first part is a country, so "Baden-Baden" or "Saint-Denis" stay whole.
 */
export function countryFirst(text: string): string {
  if (text.length > 120 || text.includes(',')) return text;
  const parts = text.split('-').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 4 || parts.some((p) => p.length < 2)) return text;
  if (!normalizeCountry(parts[0]!) || normalizeCountry(text)) return text;
  return parts.reverse().join(', ');
}

export function extractLocation(page: Page, chips: readonly Chip[], hints: readonly string[]): LocationResult {
  const ballot = new Ballot();
  const labelled = page.labels.get('location') ?? [];
  for (const [i, h] of labelled.slice(0, 2).entries()) ballot.add(h.lines.join('; '), i === 0 ? 6 : 3, `label-${i}`);
  let selectorVotes = 0;
  for (const sel of LOCATION_SELECTORS) {
    if (selectorVotes >= 2) break;
    for (const el of page.index.select(sel).slice(0, 4)) {
      if (inChrome(el)) continue;
      const t = inline(el, 300);
      if (t.length < 2 || t.length > 200) continue;
      ballot.add(t, selectorVotes === 0 ? 5 : 2, 'selector');
      selectorVotes++;
      break;
    }
  }
  for (const c of chips) if (c.kind === 'location') ballot.add(c.text, 4, 'chip');
  // A street address names the city in its first part ("Санкт-Петербург, Московский проспект, 212").
  const address = selectAny(page.index, ['[class*="address" i]', '[data-qa*="address" i]', 'address']).find((e) => !inChrome(e));
  if (address) {
    const t = inline(address, 300);
    const parts = splitTrimmed(t, ',');
    if (parts.length >= 2 && /\d/.test(parts.slice(1).join(' ')) && !/\d/.test(parts[0]!)) ballot.add(parts[0], 2, 'address');
  }
  // Pinned texts are looked for only when nothing else named a place (it visits every block).
  const pinned = ballot.size === 0 ? pinnedLocation(page) : undefined;
  if (pinned) ballot.add(pinned, 3, 'pin');
  for (const h of hints) ballot.add(h, 3, 'title');
  const best = ballot.best(2);
  if (!best) return {};
  let parsed = parseLocation(countryFirst(best.text));
  // A street address: "г. Екатеринбург, ул. Шейнкмана, д. 22", "台北市大安區復興南路一段390號".
  const parts = splitTrimmed(best.text, ',');
  if (
    !parsed.locations.some((l) => l.country || l.region) &&
    parts.length >= 2 &&
    /\d/.test(parts.slice(1).join(' ')) &&
    !/\d/.test(parts[0]!)
  ) {
    parsed = parseLocation(parts[0]!.replace(/^(?:г|гор|город|м)\.?\s+/iu, ''));
  }
  // "Virtual (100% Remote)", "Remote", "Telework" beside real places name a way of working, not a place.
  const places = parsed.locations.filter((l) => l.country || l.region || !NOT_A_PLACE.test(l.raw ?? ''));
  const remoteOnly = places.length < parsed.locations.length;
  if (remoteOnly)
    parsed = { ...parsed, locations: places, ...(parsed.workplaceType || places.length > 0 ? {} : { workplaceType: 'remote' as const }) };
  return {
    text: best.text,
    ...(parsed.locations.length > 0 ? { locations: parsed.locations } : {}),
    ...(parsed.workplaceType ? { workplaceType: parsed.workplaceType } : {}),
  };
}
