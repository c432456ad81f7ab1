/**
 * Location text → structured {@link Location}s plus the workplace type it states:
 * "Berlin, Germany; Remote (US)", "San Francisco, CA", "München, Bayern, Deutschland", "Paris (75)".
 * @module
 */
import { invalidArgument, JOB_TEXT_LIMITS, type Location, optionsObject, readArgument, type WorkplaceType } from '@jobkit/core';
import { isSpace, splitTrimmed } from '../text-scan.js';
import { caProvinceCode, foldKey, normalizeCountry, usStateCode } from './countries.js';
import { countryDisplayName, lookupCity, lookupRegion, regionNamedAfterCity } from './gazetteer/index.js';
import { parseWorkplaceType } from './workplace.js';

/** Options of {@link parseLocation} and {@link resolveLocation}. */
export interface LocationOptions {
  /**
   * Countries (ISO alpha-2) the page implies — the employer's country, the TLD, the currency —
   * most likely first. They decide ambiguous city names with no stated country ("Paris" on a
   * Texan employer's page is Paris, TX); the posting's other places are used the same way.
   */
  countryHint?: string | readonly string[];
  /** Resolve cities against the gazetteer (canonical name, region, geonameId, coordinates). @default true */
  gazetteer?: boolean;
}

/** Options checked and read once (a getter runs one time, inside the guard); `countryHint` as a list. */
interface ReadOptions {
  countryHint?: readonly string[];
  gazetteer?: boolean;
}

function locationOptions(fn: string, options: LocationOptions | null | undefined): ReadOptions {
  return readArgument('parsers/normalize', `${fn} options`, () => {
    const { countryHint, gazetteer } = optionsObject('parsers/normalize', `${fn} options`, options);
    if (gazetteer !== undefined && typeof gazetteer !== 'boolean')
      throw invalidArgument('parsers/normalize', `${fn} options.gazetteer must be a boolean`);
    const hints =
      typeof countryHint === 'string'
        ? [countryHint]
        : countryHint === undefined
          ? undefined
          : Array.isArray(countryHint)
            ? [...countryHint]
            : null;
    if (hints === null || hints?.some((h) => typeof h !== 'string')) {
      throw invalidArgument('parsers/normalize', `${fn} options.countryHint must be a string or an array of strings`);
    }
    return { ...(hints && { countryHint: hints }), ...(gazetteer !== undefined && { gazetteer }) };
  });
}

/** Result of {@link parseLocation}. */
export interface ParsedLocation {
  locations: Location[];
  workplaceType: WorkplaceType | null;
}

/** Input beyond this is not read: a list of 50 cities is shorter. */
const MAX_LOCATION_CHARS = 2_000;

// Always split here; "and"/"or" words are split only when the joined text is not one place.
// Neither pattern opens with a whitespace run (a backtracking engine would retry it from every
// space of a long run): the space before a separator stays with the part before it and is trimmed.
const HARD_SPLIT = /;\s*|\n\s*|\s[|/•·]\s+/;
const SOFT_SPLIT = /\s(?:or|and|oder|und|ou|et|o|y|&)\s+/i;

const WORKPLACE_WORDS =
  /^(?:fully\s+|100%\s+)?(?:remote|hybrid|hybride|h[ií]brido|on-?site|in[- ]office|telecommute|télétravail|teletravail|teletrabajo|remoto|home ?office|work from home|wfh|presencial|vor ort)(?:\s+(?:only|first|friendly|possible|option))?\b/i;
const NO_PLACE =
  /^(?:anywhere|worldwide|global(?:ly)?|everywhere|weltweit|partout|cualquier lugar|multiple locations|various locations|several locations|tbd|n\/a|remote|hybrid)$/i;

const MACRO_REGION =
  /^(?:europe|european union|eu|emea|apac|asia|asia pacific|latam|latin america|americas|north america|south america|africa|middle east|mena|dach|nordics|benelux|oceania|europa|amérique du nord|amérique latine|norteamérica|lateinamerika)$/i;

const POSTAL_PATTERNS: readonly RegExp[] = [
  /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/, // UK
  /\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b/, // Canada
  /\b\d{5}(?:-\d{4})?\b/, // US, DE, FR, ES, IT…
  /\b\d{4}\b(?=\s+\p{L})|(?<=\p{L}\s)\b\d{4}\b/u, // CH, AT, NL, BE, AU next to a name
];

/**
 * A postcode alone in brackets (ASCII or full-width), or after the Japanese postal mark 〒: 3+4
 * digits with an optional dash or space, or 4 to 6 digits. Two-digit French département numbers
 * ("Paris (75)") are read before this.
 */
const MARKED_POSTCODE = /[([（【［〔]\s?〒?\s?(\d{3}[- ]?\d{4}|\d{4,6})\s?[)\]）】］〕]|〒\s?(\d{3}-?\d{4})(?!\d)/u;

function splitPlaces(text: string): string[] {
  const out: string[] = [];
  const hards = text.split(HARD_SPLIT);
  for (const [i, part] of hards.entries()) {
    // Trailing space before a separator was part of the separator once; the last part keeps its own.
    const hard = i < hards.length - 1 ? part.trimEnd() : part;
    const pieces = hard.split(SOFT_SPLIT);
    // Re-join "Trinidad and Tobago", "Bosnia and Herzegovina": a country name containing "and".
    const joined = hard.trim();
    if (pieces.length > 1 && normalizeCountry(joined.split(',').pop() ?? '')) {
      const tail = joined.split(',').pop()!.trim();
      if (SOFT_SPLIT.test(tail)) {
        out.push(joined);
        continue;
      }
    }
    out.push(...pieces);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

const WORKPLACE_ASIDE = /\(\s*(?:remote|hybrid|on-?site|télétravail|remoto)/iy;

/**
 * `s.replace(/\(\s*(?:remote|hybrid|on-?site|télétravail|remoto)[^)]*\)/gi, '')`: each "(" is
 * tried once and its closing ")" found by one search shared by every "(" before it.
 */
function dropWorkplaceAsides(s: string): string {
  let out = '';
  let last = 0;
  let close = -1;
  for (let open = s.indexOf('('); open >= 0; open = s.indexOf('(', open + 1)) {
    WORKPLACE_ASIDE.lastIndex = open;
    if (!WORKPLACE_ASIDE.test(s)) continue;
    if (close < WORKPLACE_ASIDE.lastIndex) close = s.indexOf(')', WORKPLACE_ASIDE.lastIndex);
    if (close < 0) break;
    out += s.slice(last, open);
    last = close + 1;
    open = close;
  }
  return last === 0 ? s : out + s.slice(last);
}

const AREA_SUFFIXES = ['time zones', 'time zone', 'timezones', 'timezone', 'residents', 'resident', 'based', 'only'];

/** `s.replace(/(?:\s+|-)(?:only|based|residents?|time ?zones?)$/i, '')` ("US only", "EU-based"), by a suffix check. */
function dropAreaSuffix(s: string): string {
  for (const w of AREA_SUFFIXES) {
    if (s.slice(s.length - w.length).toLowerCase() !== w) continue;
    const before = s.length - w.length - 1;
    if (before < 0) continue;
    if (s[before] === '-') return s.slice(0, before);
    if (isSpace(s[before]!)) return s.slice(0, before).trimEnd();
  }
  return s;
}

/** Strip "Remote -", "Hybrid –", "(Remote)" so the place is left; returns the place text. */
function stripWorkplace(part: string): string {
  let s = part.trim();
  const lead = WORKPLACE_WORDS.exec(s);
  if (lead) s = s.slice(lead[0].length).replace(/^\s*(?:[-–—:,]|in|within|from)?\s*/i, '');
  s = dropWorkplaceAsides(s).trim();
  s = s.replace(/[-–—,]\s*(?:remote|hybrid|on-?site)\s*$/i, '').trim();
  // "Remote (US)" leaves "(US)".
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) s = paren[1]!.trim();
  // "US only", "EU-based", "Europe timezones": the area is what is left.
  s = dropAreaSuffix(s).trim();
  return s;
}

/** "Remote (IN)", "Remote — Europe", "(Remote) US": a remote place whose text is only the allowed area. */
const REMOTE_WORD = /\b(?:remote|telecommute|télétravail|teletrabajo|remoto|work from home|wfh|anywhere in)\b/i;

function parsePlace(raw: string, place: string): Location | null {
  let s = place.replace(/\s+/g, ' ').trim();
  if (!s || NO_PLACE.test(s)) return null;
  const loc: Location = { raw };
  // "Remote (Europe)": a hiring region, not a place; keep the text, invent no city.
  if (MACRO_REGION.test(s)) {
    if (REMOTE_WORD.test(raw)) loc.remoteRegion = s;
    return loc;
  }
  // "Paris (75)": a French département number in brackets, the way French boards write it.
  const dept = /\((\d{2}|2[AB]|97\d)\)\s*$/.exec(s);
  if (dept) {
    loc.region = dept[1]!;
    loc.country = 'FR';
    s = s.slice(0, dept.index).trim();
  }
  // A postcode in brackets before or after the place ("(07331) 서울 영등포구", "Москва (119019)",
  // "東京都渋谷区（150-0002）") or after the Japanese postal mark ("〒150-0002 東京都渋谷区") goes whole,
  // brackets and mark included, so neither is left in the city.
  const marked = MARKED_POSTCODE.exec(s);
  if (marked) {
    loc.postalCode = marked[1] ?? marked[2]!;
    s = `${s.slice(0, marked.index)} ${s.slice(marked.index + marked[0].length)}`
      .replace(/\s{2,}/g, ' ')
      .replace(/ ,/g, ',')
      .trim();
    s = s.replace(/^,\s*|,\s*$/g, '');
  }
  for (const re of marked ? [] : POSTAL_PATTERNS) {
    const m = re.exec(s);
    if (m) {
      loc.postalCode = m[0];
      s = (s.slice(0, m.index) + s.slice(m.index + m[0].length))
        .split(',')
        .map((p, i, all) => (i < all.length - 1 ? p.trimEnd() : p))
        .join(',')
        .replace(/\s{2,}/g, ' ')
        .trim();
      s = s.replace(/^,\s*|,\s*$/g, '');
      break;
    }
  }
  // `s` is single-spaced: one space stands for `\s+` around a dash.
  let segs = splitTrimmed(s, ',').filter(Boolean);
  if (segs.length === 1 && / [-–—] /.test(s)) segs = s.split(/ [-–—] /).filter(Boolean);

  if (segs.length > 0) {
    const last = segs[segs.length - 1]!;
    // "CA" after a city is California; US state codes win over the country codes they collide with.
    // …except third in line: "Berlin, Berlin, DE" names a country after a region.
    const codeAsCountry = segs.length >= 3 && /^[A-Z]{2}$/.test(last) && normalizeCountry(last) !== undefined;
    const state = segs.length >= 2 && !codeAsCountry ? usStateCode(last) : undefined;
    const province = segs.length >= 2 && !state ? caProvinceCode(last) : undefined;
    const country = state || province ? undefined : normalizeCountry(last);
    if (state) {
      loc.region = /^[A-Z.]+$/.test(last) ? state : last;
      loc.country = 'US';
      segs.pop();
    } else if (province) {
      loc.region = last;
      loc.country = 'CA';
      segs.pop();
    } else if (country && !loc.country) {
      loc.country = country;
      segs.pop();
    } else if (country && loc.country === country) {
      segs.pop();
    } else if (segs.length === 1 && /^new york(?: city)?$/i.test(last)) {
      // Said alone, "New York" means the city.
      loc.city = 'New York';
      loc.region = 'NY';
      loc.country = 'US';
      segs.pop();
    } else if (segs.length === 1 && usStateCode(last) && /[a-z]/.test(last)) {
      // A state name alone ("Texas") is a region, not a city.
      loc.region = last;
      loc.country = 'US';
      segs.pop();
    }
  }
  if (segs.length >= 2) {
    const region = segs.pop()!;
    if (!loc.region) loc.region = region;
    if (loc.country === undefined) {
      const st = usStateCode(region);
      if (st) loc.country = 'US';
    }
  }
  if (segs.length >= 1) loc.city = segs.join(', ');
  if (!loc.city && !loc.region && !loc.country && !loc.postalCode) return null;
  return loc;
}

/**
 * Canonical form of one location: a city is resolved against the GeoNames gazetteer (stated
 * country respected; a stated admin-1 region, as a code or a name in any of the table's languages —
 * "TX", "Bayern", "SP", "Jalisco", "大阪府" — picks among same-name cities; else `countryHint`, else
 * the most populous city), which sets the English city name, `region` (its admin-1 region in one
 * form: the code in US/CA/AU, the English name elsewhere, so "Amsterdam" and "Amsterdam, Noord-Holland,
 * NL" are one value), `country`, `geonameId`, `lat`, `lon`; every location gets a `display` label
 * ("Munich, Bavaria, Germany", "Austin, TX, United States", "Remote — Europe"). Unknown cities keep
 * their text, with a region the table knows in its display form; a region alone ("Bayern,
 * Deutschland") is a region, not a city. Returns a new object; `raw` and `postalCode` are kept.
 */
export function resolveLocation(loc: Location, options: LocationOptions = {}): Location {
  if (typeof loc !== 'object' || loc === null) throw invalidArgument('parsers/normalize', 'resolveLocation expects a location object');
  const opts = locationOptions('resolveLocation', options);
  const out: Location = { ...loc };
  let sayRegionOnce = false;
  if (out.city && opts.gazetteer !== false) {
    const country = out.country;
    const stated = out.region
      ? country === 'CA' || (!country && caProvinceCode(out.region))
        ? caProvinceCode(out.region)
        : usStateCode(out.region)
      : undefined;
    const hinted = opts.countryHint?.map((c) => c.toUpperCase());
    // A US/CA code or name in a US/CA place is matched as its code; any other region by its names.
    const regionText = stated && (country === 'US' || country === 'CA') ? stated : out.region;
    // Puerto Rico, Guam…: US territories are countries of their own in the gazetteer.
    let city =
      country === 'US' && stated && US_TERRITORIES.has(stated)
        ? lookupCity(out.city, { country: stated })
        : lookupCity(out.city, { country, region: regionText, countryHint: hinted });
    // "Amsterdam, NL", "Bangalore, IN": a code read as a state/province that holds no such city is
    // the country code it also is.
    // "Tbilisi, Georgia": a state name that is also a country's, when the state holds no such city.
    const code = out.region ? normalizeCountry(out.region) : undefined;
    if (!city && code && code !== country) city = lookupCity(out.city, { country: code });
    // "Monterrey, NL", "Curitiba, PR", "Salvador, BA", "Recife, PE": a code read as a CA province, a
    // US state or a country that holds no such city is the admin-1 code of the country that does.
    const lastCode = !city ? (regionCodeOf(out.region) ?? regionCodeOf(out.raw.slice(out.raw.lastIndexOf(',') + 1))) : undefined;
    if (lastCode) {
      const byRegion = lookupCity(out.city, { region: lastCode });
      if (byRegion && lookupRegion(lastCode, byRegion.country)?.admin1 === byRegion.admin1) city = byRegion;
    }
    if (city) {
      out.city = city.name;
      out.country = city.country;
      if (city.region) out.region = city.region;
      else delete out.region;
      out.geonameId = city.geonameId;
      out.lat = city.lat;
      out.lon = city.lon;
      sayRegionOnce = regionNamedAfterCity(city);
    } else if (out.country) {
      // Not a known city: a region's own name ("Bayern, Deutschland") is the region; a known
      // region after an unknown town takes its display form ("Kleinstadt, Bayern" → Bavaria).
      const asRegion = !out.region ? lookupRegion(out.city, out.country) : undefined;
      if (asRegion) {
        out.region = asRegion.name;
        delete out.city;
      } else if (out.region) {
        const region = lookupRegion(out.region, out.country);
        if (region) out.region = region.name;
      }
    }
  }
  const display = displayOf(out, sayRegionOnce);
  if (display) out.display = display;
  return out;
}

/** US territories written as state codes ("San Juan, PR"); GeoNames files them under their own code. */
const US_TERRITORIES = new Set(['PR', 'GU', 'VI', 'AS', 'MP']);

/** `text` when it is a short upper-case code ("NL", "PR", "JAL"), trimmed. */
function regionCodeOf(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t && t.length <= 3 && /^[A-Z]{2,3}$/.test(t) ? t : undefined;
}

/**
 * Whether a place's own text names its country (or a US state / CA province that implies it), or
 * a region that holds the city it resolved to ("Guadalajara, Jalisco" states Mexico).
 */
function statesCountry(loc: Location): boolean {
  const own = parseLocation(loc.raw, { gazetteer: false }).locations;
  if (own.some((p) => p.country !== undefined)) return true;
  if (!loc.city || loc.geonameId === undefined) return false;
  const region = own.find((p) => p.region !== undefined)?.region;
  return (
    region !== undefined && lookupCity(loc.city, { region, ...(loc.country ? { country: loc.country } : {}) })?.geonameId === loc.geonameId
  );
}

/**
 * A posting's places decide each other: places whose own text names no country are resolved again
 * with the countries the others name, then `countryHint` ("Austin, TX" beside "Paris" makes it
 * Paris, TX). For places read one by one (JSON-LD `jobLocation` entries, board API rows); returns
 * the same array when nothing changes.
 */
export function harmonizeLocations(locations: Location[], options: LocationOptions = {}): Location[] {
  if (!Array.isArray(locations)) throw invalidArgument('parsers/normalize', 'harmonizeLocations expects an array of locations');
  if (!locations.every((l) => typeof l === 'object' && l !== null)) {
    throw invalidArgument('parsers/normalize', 'harmonizeLocations expects an array of location objects');
  }
  const opts = locationOptions('harmonizeLocations', options);
  if (opts.gazetteer === false || !locations.some((l) => l.geonameId !== undefined)) return locations;
  const stated = locations.map(statesCountry);
  const hint: string[] = [];
  locations.forEach((l, i) => {
    if (stated[i] && l.country && !hint.includes(l.country)) hint.push(l.country);
  });
  for (const c of opts.countryHint ?? []) if (!hint.includes(c.toUpperCase())) hint.push(c.toUpperCase());
  if (hint.length === 0) return locations;
  let changed = false;
  const out = locations.map((l, i) => {
    if (stated[i] || !l.city || l.geonameId === undefined || l.remoteRegion !== undefined) return l;
    const city = lookupCity(l.city, { countryHint: hint });
    if (!city || city.geonameId === l.geonameId) return l;
    changed = true;
    return resolveLocation({ raw: l.raw, city: l.city, ...(l.postalCode ? { postalCode: l.postalCode } : {}) }, { countryHint: hint });
  });
  return changed ? out : locations;
}

/** Longest canonical label; longer parts are dropped whole (never cut mid-word). */
const MAX_DISPLAY_CHARS = 200;

function displayOf(loc: Location, regionIsCity = false): string | undefined {
  const country = loc.country ? countryDisplayName(loc.country) : undefined;
  if (loc.remoteRegion !== undefined) return `Remote — ${country ?? loc.remoteRegion}`;
  // "Berlin, Berlin", "Córdoba, Cordoba": a city-state or a region named after its city is said once.
  const region = loc.region && !regionIsCity && (!loc.city || foldKey(loc.region) !== foldKey(loc.city)) ? loc.region : undefined;
  const parts = [loc.city, region, country].filter((p): p is string => !!p && p.length > 0);
  let label = '';
  for (const part of parts) {
    const next = label ? `${label}, ${part}` : part;
    if (next.length > MAX_DISPLAY_CHARS) {
      // Only a first part longer than the limit is shortened, at a word boundary.
      if (!label) label = `${dropLastWord(part.slice(0, MAX_DISPLAY_CHARS - 1))}…`;
      break;
    }
    label = next;
  }
  return label || undefined;
}

/**
 * Parse a location string. Several places may be separated by `;`, ` | `, ` / `, " or ", "and"
 * (and their de/fr/es forms); "Washington, D.C." stays one place. Workplace words ("Remote - US",
 * "Hybrid – London, UK") set `workplaceType` and are stripped from the place; "Remote" or
 * "Anywhere" alone give no location, "Remote (IN)" / "Remote — Europe" give a location with
 * `remoteRegion` and no city. Countries (names in en/de/fr/es, alpha-2/alpha-3 codes) become ISO
 * alpha-2; a US state after a city sets `region` and country US. Cities are then resolved with
 * {@link resolveLocation}; the posting's places with a stated country hint the others. Each
 * location keeps `raw`.
 */
export function parseLocation(text: string, options: LocationOptions = {}): ParsedLocation {
  const opts = locationOptions('parseLocation', options);
  // Capped: the splitters' `\s*…\s*` patterns are quadratic on long whitespace runs (issue 13).
  const t = readArgument('parsers/normalize', 'the parseLocation text', () => String(text ?? ''))
    .slice(0, MAX_LOCATION_CHARS)
    .trim();
  const parsed: Location[] = [];
  for (const part of splitPlaces(t)) {
    const loc = parsePlace(part, stripWorkplace(part));
    if (!loc) continue;
    if (!loc.city && loc.country && loc.remoteRegion === undefined && REMOTE_WORD.test(part)) {
      loc.remoteRegion = loc.country;
      delete loc.region;
    }
    parsed.push(loc);
  }
  const given = [...(opts.countryHint ?? [])];
  for (const loc of parsed) if (loc.country && !given.includes(loc.country)) given.push(loc.country);
  let resolved = parsed.map((p) => resolveLocation(p, { ...opts, countryHint: given }));
  // A place whose region named its country ("Hyderabad, Sindh") hints the bare places beside it,
  // as a stated country does: they are resolved again with it.
  const regionHints: string[] = [];
  resolved.forEach((loc, i) => {
    const p = parsed[i]!;
    if (p.country || !p.region || !loc.country || !loc.geonameId || given.includes(loc.country) || regionHints.includes(loc.country))
      return;
    if (lookupRegion(p.region, loc.country)?.name === loc.region) regionHints.push(loc.country);
  });
  if (regionHints.length > 0) {
    const hints = [...given, ...regionHints];
    resolved = resolved.map((loc, i) =>
      parsed[i]!.country || parsed[i]!.region || !loc.city ? loc : resolveLocation(parsed[i]!, { ...opts, countryHint: hints }),
    );
  }
  const locations: Location[] = [];
  const seen = new Set<string>();
  for (const loc of resolved) {
    withinLimits(loc);
    const key = foldKey(
      `${loc.geonameId ?? ''}|${loc.city ?? ''}|${loc.region ?? ''}|${loc.country ?? ''}|${loc.postalCode ?? ''}|${loc.remoteRegion ?? ''}`,
    );
    if (seen.has(key)) continue;
    seen.add(key);
    locations.push(loc);
  }
  let workplaceType = parseWorkplaceType(t);
  if (!workplaceType && /^(?:anywhere|worldwide|weltweit|partout)\b/i.test(t)) workplaceType = 'remote';
  return { locations, workplaceType };
}

/**
 * A city, region or postcode longer than the schema allows is no place name (a run-on sentence,
 * a repeated list): it is dropped rather than cut, so `parseLocation` output always passes
 * `LocationSchema`; `raw` keeps what the source said.
 */
function withinLimits(loc: Location): void {
  if (loc.city !== undefined && loc.city.length > JOB_TEXT_LIMITS.city) delete loc.city;
  if (loc.region !== undefined && loc.region.length > JOB_TEXT_LIMITS.region) delete loc.region;
  if (loc.postalCode !== undefined && loc.postalCode.length > JOB_TEXT_LIMITS.postalCode) delete loc.postalCode;
}

/** `s.replace(/\s+\S*$/, '')`: the last word and the whitespace before it; `s` when it has no space. */
function dropLastWord(s: string): string {
  let e = s.length;
  while (e > 0 && !isSpace(s[e - 1]!)) e--;
  if (e === 0) return s;
  while (e > 0 && isSpace(s[e - 1]!)) e--;
  return s.slice(0, e);
}
