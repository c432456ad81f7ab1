/**
 * Country names and codes → ISO 3166-1 alpha-2, plus US states and Canadian provinces for
 * location parsing. Names come from `i18n-iso-countries` (en/de/fr/es, with its aliases).
 * @module
 */
import countries from 'i18n-iso-countries';
import { requireString } from '../text-scan.js';

const LANGS = ['en', 'de', 'fr', 'es'] as const;

/** Letters Unicode does not decompose into a base letter and a mark: "Wrocław" ≡ "wroclaw", "Tromsø" ≡ "tromso". */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
const UNDECOMPOSED_RE = /[łøđħıßæœþ]/g;
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Lower case, accents and dots removed, whitespace collapsed: "España" ≡ "espana", "U.S.A." ≡
 * "usa", "Wrocław" ≡ "wroclaw".
 */
export function foldKey(s: string): string {
  // ASCII text (most place names) has no marks to strip: skip the Unicode normalization.
  const lower = NON_ASCII.test(s)
    ? s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c]!)
    : s.toLowerCase();
  return lower
    .replace(/[.’']/g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

// Everyday names the library does not list as aliases.
const EXTRA_ALIASES: Record<string, string> = {
  america: 'US',
  'united states of america': 'US',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  britain: 'GB',
  'grande bretagne': 'GB',
  'royaume uni': 'GB',
  grossbritannien: 'GB',
  holland: 'NL',
  'pays bas': 'NL',
  korea: 'KR',
  'south korea': 'KR',
  'czech republic': 'CZ',
  tschechien: 'CZ',
  turkey: 'TR',
  turkiye: 'TR',
  vietnam: 'VN',
  'hong kong': 'HK',
  taiwan: 'TW',
  russia: 'RU',
  emirates: 'AE',
  uae: 'AE',
  ksa: 'SA',
  'the netherlands': 'NL',
  'the uk': 'GB',
  'the us': 'US',
  'the usa': 'US',
  eeuu: 'US',
  'ee uu': 'US',
  'etats unis': 'US',
  'estados unidos de america': 'US',
};

/**
 * Endonyms: each country's name in its own official languages ("Polska", "Nederland", "Česko",
 * "日本", "Россия"), as postings write the country after a city. Only a country's own languages, so
 * one language's name for a foreign country cannot shadow a place.
 */
const OWN_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  pl: ['PL'],
  nl: ['NL', 'BE', 'SR'],
  it: ['IT', 'CH', 'SM'],
  pt: ['PT', 'BR', 'AO', 'MZ'],
  sv: ['SE', 'FI'],
  nb: ['NO'],
  nn: ['NO'],
  da: ['DK'],
  fi: ['FI'],
  cs: ['CZ'],
  sk: ['SK'],
  hu: ['HU'],
  ro: ['RO', 'MD'],
  el: ['GR', 'CY'],
  tr: ['TR'],
  ja: ['JP'],
  zh: ['CN', 'TW', 'HK', 'SG'],
  ko: ['KR'],
  ru: ['RU', 'BY', 'KZ', 'KG'],
  uk: ['UA'],
  bg: ['BG'],
  hr: ['HR'],
  sl: ['SI'],
  sr: ['RS'],
  et: ['EE'],
  lv: ['LV'],
  lt: ['LT'],
  id: ['ID'],
  ms: ['MY'],
  th: ['TH'],
  vi: ['VN'],
  he: ['IL'],
  is: ['IS'],
  ca: ['AD'],
  ar: ['AE', 'SA', 'EG', 'QA', 'KW', 'BH', 'OM', 'JO', 'MA', 'DZ', 'TN', 'LB', 'IQ'],
};

// Everyday endonyms the library lists under an official form only.
const EXTRA_ENDONYMS: Record<string, string> = {
  cesko: 'CZ',
  'ceska republika': 'CZ',
  magyarorszag: 'HU',
  suomi: 'FI',
  hrvatska: 'HR',
  moldova: 'MD',
};

let byName: Map<string, string> | undefined;

// Built on first use so importing the parsers costs nothing until a country is looked up.
function nameIndex(): Map<string, string> {
  if (byName) return byName;
  const index = new Map<string, string>();
  for (const lang of LANGS) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) {
        const key = foldKey(name);
        if (!index.has(key)) index.set(key, code);
        // "Korea, Republic of" style names are also looked up without the qualifier.
        const bare = key.replace(/^(the|la|le|les|el|los|die|der)\s+/, '');
        if (!index.has(bare)) index.set(bare, code);
      }
    }
  }
  for (const [lang, codes] of Object.entries(OWN_LANGUAGES)) {
    for (const code of codes) {
      for (const name of countries.getName(code, lang, { select: 'all' }) ?? []) {
        const key = foldKey(name);
        if (key && !index.has(key)) index.set(key, code);
      }
    }
  }
  for (const [k, v] of Object.entries(EXTRA_ENDONYMS)) if (!index.has(k)) index.set(k, v);
  for (const [k, v] of Object.entries(EXTRA_ALIASES)) index.set(k, v);
  byName = index;
  return index;
}

/** Longer text is not a country name (the longest official names are under 80 characters). */
const MAX_COUNTRY_CHARS = 200;

/**
 * Map a country name (English, German, French or Spanish, or the country's own name in its
 * official languages: "Polska", "Nederland", "日本"; accents optional) or an ISO alpha-2 / alpha-3 code to an upper-case ISO 3166-1 alpha-2 code: "Deutschland", "DE", "United States",
 * "USA" → "DE", "DE", "US", "US". Returns `undefined` when the text is not a country.
 */
export function normalizeCountry(nameOrCode: string): string | undefined {
  requireString('normalizeCountry', nameOrCode);
  const s = nameOrCode
    .trim()
    .replace(/^\(|\)$/g, '')
    .trim();
  // No country name is this long; folding megabytes of text to find that out is wasted work.
  if (!s || s.length > MAX_COUNTRY_CHARS) return undefined;
  if (/^[A-Za-z]{2}$/.test(s)) {
    const up = s.toUpperCase();
    if (up === 'UK') return 'GB';
    return countries.isValid(up) ? up : undefined;
  }
  if (/^[A-Za-z]{3}$/.test(s)) {
    const a2 = countries.alpha3ToAlpha2(s.toUpperCase());
    if (a2) return a2;
  }
  return nameIndex().get(foldKey(s));
}

/** US state and DC codes → names; "CA" after a city means California, not Canada. */
const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  DC: 'District of Columbia',
  PR: 'Puerto Rico',
};

/** Canadian province and territory codes → names. */
const CA_PROVINCES: Readonly<Record<string, string>> = {
  AB: 'Alberta',
  BC: 'British Columbia',
  MB: 'Manitoba',
  NB: 'New Brunswick',
  NL: 'Newfoundland and Labrador',
  NS: 'Nova Scotia',
  NT: 'Northwest Territories',
  NU: 'Nunavut',
  ON: 'Ontario',
  PE: 'Prince Edward Island',
  QC: 'Quebec',
  SK: 'Saskatchewan',
  YT: 'Yukon',
};

const STATE_BY_NAME = new Map(Object.entries(US_STATES).map(([code, name]) => [foldKey(name), code]));
const PROVINCE_BY_NAME = new Map(Object.entries(CA_PROVINCES).map(([code, name]) => [foldKey(name), code]));

/** Resolve a US state name or code to its two-letter code. */
export function usStateCode(text: string): string | undefined {
  const s = text.trim();
  const bare = s.replace(/\./g, '');
  if (/^[A-Z]{2}$/.test(bare) && US_STATES[bare]) return bare;
  return STATE_BY_NAME.get(foldKey(s));
}

/** Resolve a Canadian province name or code to its two-letter code. */
export function caProvinceCode(text: string): string | undefined {
  const s = text.trim();
  if (/^[A-Z]{2}$/.test(s) && CA_PROVINCES[s]) return s;
  return PROVINCE_BY_NAME.get(foldKey(s));
}
