/**
 * Location: a location label in any language, ATS/semantic markup, a top-card chip or pinned
 * text, or the "in <Place>" of a "hiring" title, parsed by the location normalizer.
 * @module
 */
import type { Location, WorkplaceType } from '@jobkit/core';
import type { AnyNode } from 'domhandler';
import { isElement } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import { normalizeCountry } from '../normalize/countries.js';
import { parseLocation } from '../normalize/index.js';
import { townStateComma } from '../sites/text.js';
import { splitTrimmed } from '../text-scan.js';
import { Ballot } from './candidates.js';
import { inChrome, inline, type Page, selectAny } from './page.js';
import { type Chip, pinnedLocation } from './top-card.js';

const LOCATION_SELECTORS = [
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

/**
 * A place of work stated in running text: "Place of work is Ny Munkegade 120, Aarhus C",
 * "Arbeitsort ist Berlin", "Lieu de travail : Lyon". Read from one text node (a `<br>` ends it).
 */
const PLACE_OF_WORK =
  /(?:^|[\s(])(?:place of work|work(?:ing)? location|job location|arbeitsort|dienstort|einsatzort|lieu de travail|lugar de trabajo|local de trabalho|luogo di lavoro|werklocatie|standplaats|arbetsort|arbejdssted)\s{0,3}(?:is|ist|est|es|è|är|er|:)\s{1,3}([^\n.;:!?()]{2,100})/iu;
/** "<Employer> in <Town> is looking for / is hiring / seeks" (one or two capitalised words). */
const SEEKING_IN =
  /\bin (\p{Lu}[\p{L}'-]{1,30}(?: \p{Lu}[\p{L}'-]{1,30})?) (?:is looking for|is seeking|seeks|is hiring|are looking for|are hiring|sucht|søger|söker|zoekt|recherche|busca|cerca)\b/u;
/**
 * A postal line of an address block: "DK 2670 Greve", "D-80331 München", "75008 Paris",
 * "2730 Herlev" — an optional country prefix, a 4–5 digit postcode, then the town.
 */
const POSTAL_LINE = /^(?:[A-Z]{1,3}[- ]?)?\d{4,5}\s{1,3}(\p{L}[\p{L}\s.'-]{1,40})$/u;
/** A one-letter postal district after a town ("Aarhus C", "København K"). */
const DISTRICT = /\s\p{Lu}$/u;

/**
 * A sentence rather than a place: ten words or more (six when it ends in a full stop), four of
 * them lower-case ("open to applicants in all timezones"). Place names and their lists
 * ("Washington, DC; San Francisco, CA; …") are capitalised.
 */
function prose(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return lower >= 4 && (words.length >= 10 || (words.length >= 6 && /[.!?]$/.test(text.trim())));
}

/** The town of an address ("Ny Munkegade 120, Aarhus C" → "Aarhus"): its last part without digits. */
function townOf(address: string): string | undefined {
  const parts = splitTrimmed(address, ',');
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    const postal = POSTAL_LINE.exec(part);
    const town = postal ? postal[1]! : /\d/.test(part) ? undefined : part;
    // A town is a name: "flexible", "to be agreed" (lower-case words) are not places.
    if (town && town.length >= 2 && town.length <= 60 && !/^\p{Ll}/u.test(town) && !normalizeCountry(town))
      return town.replace(DISTRICT, '').trim();
  }
  return undefined;
}

/** Elements whose text is never the posting's prose. */
const PROSE_SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'button', 'select']);

/** "Place of work is …" in the first text nodes that state it (bounded walk). */
function placeOfWork(page: Page): string | undefined {
  const stack: AnyNode[] = [page.body];
  let seen = 0;
  while (stack.length > 0 && seen < 20_000) {
    const n = stack.pop()!;
    seen++;
    if (n.type === 'text') {
      const data = (n as { data: string }).data;
      if (data.length < 12 || data.length > 2_000) continue;
      const m = PLACE_OF_WORK.exec(data);
      const town = m ? townOf(m[1]!.trim()) : undefined;
      if (town) return town;
      // "Acme ApS in Kolding is looking for…": the employer's town where it announces the hire.
      const seeking = SEEKING_IN.exec(data);
      if (seeking && !normalizeCountry(seeking[1]!)) return seeking[1];
    } else if (isElement(n)) {
      // Not NOISE: ASP.NET pages wrap the whole page in one <form>.
      if (PROSE_SKIP.has(n.name)) continue;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    } else if ('children' in n) {
      const children = (n as { children: AnyNode[] }).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return undefined;
}

/**
 * The town of an employer address block under an "Employer" label (name, street, "DK 2670
 * Greve", "Denmark"), with the country line after it when there is one.
 */
function employerTown(page: Page): string | undefined {
  for (const hit of (page.labels.get('company') ?? []).slice(0, 2)) {
    const lines = hit.lines.slice(1, 6);
    for (const [i, line] of lines.entries()) {
      const m = POSTAL_LINE.exec(line.trim());
      if (!m) continue;
      const town = m[1]!.replace(DISTRICT, '').trim();
      const next = lines[i + 1]?.trim();
      return next && normalizeCountry(next) ? `${town}, ${next}` : town;
    }
  }
  return undefined;
}

/** Map-marker icons of icon fonts and sprites ("fa-map-marker-alt", "icon-location", "bi-geo-alt"). */
const MARKER_SELECTORS = [
  '[class*="map-marker" i]',
  '[class*="map-pin" i]',
  '[class*="icon-location" i]',
  '[class*="location-icon" i]',
  '[class*="fa-location" i]',
  '[class*="geo-alt" i]',
];

/** The short text right after a map-marker icon ("<i class=fa-map-marker-alt></i><div>Groningen</div>"). */
export function markerLocation(page: Page): string | undefined {
  for (const icon of selectAny(page.index, MARKER_SELECTORS, 4).slice(0, 4)) {
    if (icon.children.some((c) => c.type === 'text' && (c as { data: string }).data.trim()) || inChrome(icon)) continue;
    for (let n = icon.next; n; n = n.next) {
      const t = n.type === 'text' ? cleanInline((n as { data: string }).data) : isElement(n) ? inline(n, 200) : '';
      if (!t) continue;
      if (t.length >= 2 && t.length <= 80 && !/\d{3,}/.test(t)) return t;
      break;
    }
  }
  return undefined;
}

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
  for (const [i, h] of labelled.slice(0, 2).entries()) {
    const text = h.lines.join('; ');
    // "Location: This job is open to applicants in all timezones, and is a full-time, remote
    // position." is a sentence under the label, not a place: it only speaks when nothing else does.
    ballot.add(text, prose(text) ? 1 : i === 0 ? 6 : 3, `label-${i}`);
  }
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
  // Prose and the employer's address block speak only when nothing on the page is labelled a place.
  if (ballot.size === 0) ballot.add(placeOfWork(page), 3, 'place-of-work');
  if (ballot.size === 0) ballot.add(employerTown(page), 2, 'employer-address');
  // Pinned texts are looked for only when nothing else named a place (it visits every block).
  const pinned = ballot.size === 0 ? (pinnedLocation(page) ?? markerLocation(page)) : undefined;
  if (pinned) ballot.add(pinned, 3, 'pin');
  for (const h of hints) ballot.add(h, 3, 'title');
  const best = ballot.best(2);
  if (!best) return {};
  let parsed = parseLocation(townStateComma(countryFirst(best.text)));
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
