/**
 * The countries a page implies, for places it names without one ("Paris" on a `.fr` site is Paris,
 * France; on a US employer's `en-US` page the posting's other places decide first). Read from the
 * `<html lang>` region subtag and the host's country-code TLD; generic-use ccTLDs (.io, .co, .ai…)
 * imply nothing.
 * @module
 */

/** Two-letter TLDs sold and used as generic names: they say nothing about a country. */
const GENERIC_CCTLDS = new Set([
  'io',
  'co',
  'ai',
  'me',
  'tv',
  'ly',
  'gg',
  'fm',
  'am',
  'to',
  'cc',
  'ws',
  'so',
  'sh',
  'gl',
  'la',
  'ag',
  'vc',
  'sc',
  'im',
  'xyz',
  'eu',
]);
/** ccTLDs whose ISO 3166 code differs. */
const TLD_TO_ISO: Record<string, string> = { uk: 'GB', su: 'RU' };

/**
 * Languages written as the official language of one country only, so a page in them with no
 * region and no country-code TLD still implies it (a `lang="ja"` page on a `.com` board). Languages
 * of several countries (en, es, fr, de, zh, ar, pt, ru, nl…) imply nothing.
 */
const ONE_COUNTRY_LANGS: Record<string, string> = {
  ja: 'JP',
  ko: 'KR',
  th: 'TH',
  vi: 'VN',
  uk: 'UA',
  pl: 'PL',
  cs: 'CZ',
  hu: 'HU',
  ro: 'RO',
  tr: 'TR',
  id: 'ID',
  he: 'IL',
  fi: 'FI',
  da: 'DK',
  nb: 'NO',
  no: 'NO',
  is: 'IS',
  lt: 'LT',
  lv: 'LV',
  et: 'EE',
  bg: 'BG',
  hr: 'HR',
  sk: 'SK',
  sl: 'SI',
  ka: 'GE',
  hy: 'AM',
  mn: 'MN',
  km: 'KH',
  lo: 'LA',
  my: 'MM',
  si: 'LK',
  ne: 'NP',
};

/**
 * Country codes (ISO 3166-1 alpha-2, most specific first) the page implies; empty when it implies
 * none. `lang` is the page's `<html lang>` value: its region, else the host's country-code TLD,
 * else a language spoken as the official one of a single country.
 */
export function pageCountryHint(url: string, lang: string | null | undefined): string[] {
  const out: string[] = [];
  const region = lang ? /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(lang.slice(0, 35))?.[1] : undefined;
  if (region) out.push(region.toUpperCase());
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return out;
  }
  const tld = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
  if (/^[a-z]{2}$/.test(tld) && !GENERIC_CCTLDS.has(tld)) {
    const cc = TLD_TO_ISO[tld] ?? tld.toUpperCase();
    if (!out.includes(cc)) out.push(cc);
  }
  if (out.length === 0 && lang) {
    const only = ONE_COUNTRY_LANGS[lang.slice(0, 3).toLowerCase().split(/[-_]/)[0]!];
    if (only) out.push(only);
  }
  return out;
}
