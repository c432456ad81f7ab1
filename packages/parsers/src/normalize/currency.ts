/**
 * Currency symbols, codes and words → ISO 4217. Symbol tables are ours (no library maps the
 * ambiguous ones the way job pages use them); code validity comes from the runtime's ICU data.
 * Ambiguous marks (`$`, `kr`, `¥`, dinar, riyal) resolve from a caller hint or the language
 * around them in {@link resolveAmbiguousCurrency}.
 * @module
 */
import { requireString } from '../text-scan.js';

let isoCodes: ReadonlySet<string> | undefined;

/** True for an upper-case ISO 4217 code the runtime knows. */
export function isIsoCurrency(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

/** Marks that name a currency family, not one currency; resolved from context. */
export type AmbiguousCurrency = 'DOLLAR' | 'KRONE' | 'YEN' | 'DINAR' | 'RIYAL' | 'PESO' | 'RUPEE' | 'YUAN';

/**
 * Symbols and words, longest first where one is a prefix of another. Prefixed dollars must win
 * over the bare `$`, which job pages overwhelmingly use for USD.
 */
const CURRENCY_TOKENS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['SG$', 'SGD'],
  ['S$', 'SGD'],
  ['MX$', 'MXN'],
  ['R$', 'BRL'],
  ['NT$', 'TWD'],
  ['CN¥', 'CNY'],
  ['JP¥', 'JPY'],
  ['RMB', 'CNY'],
  ['元', 'CNY'],
  ['円', 'JPY'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₹', 'INR'],
  ['¥', 'JPY'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₱', 'PHP'],
  ['₫', 'VND'],
  ['₦', 'NGN'],
  ['₴', 'UAH'],
  ['₿', 'XBT'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['Rs.', 'INR'],
  ['Rs', 'INR'],
  ['Fr.', 'CHF'],
  ['SFr.', 'CHF'],
];

/** Letters written straight before `$` or `¥` ("NT$", "CA$", "CN¥"), lower case. */
export const PREFIXED_SIGN: Readonly<Record<string, string>> = {
  us: 'USD',
  u: 'USD',
  au: 'AUD',
  a: 'AUD',
  ca: 'CAD',
  c: 'CAD',
  can: 'CAD',
  nz: 'NZD',
  hk: 'HKD',
  sg: 'SGD',
  s: 'SGD',
  mx: 'MXN',
  mex: 'MXN',
  r: 'BRL',
  nt: 'TWD',
  rd: 'DOP',
  j: 'JMD',
  tt: 'TTD',
  bz: 'BZD',
  ec: 'XCD',
  cop: 'COP',
  col: 'COP',
  ar: 'ARS',
  cl: 'CLP',
  clp: 'CLP',
  cn: 'CNY',
  jp: 'JPY',
  rmb: 'CNY',
  cuc: 'CUC',
  fj: 'FJD',
  z: 'ZWL',
};

/** Single-character symbols. */
export const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  $: 'DOLLAR',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '¥': 'YEN',
  '￥': 'YEN',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₱': 'PHP',
  '₫': 'VND',
  '₦': 'NGN',
  '₴': 'UAH',
  '฿': 'THB',
  '₸': 'KZT',
  '₼': 'AZN',
  '₾': 'GEL',
  '₡': 'CRC',
  '₲': 'PYG',
  '₵': 'GHS',
  '₭': 'LAK',
  '৳': 'BDT',
  '₮': 'MNT',
  '៛': 'KHR',
  '﷼': 'RIYAL',
  円: 'JPY',
  // 元 is the yuan in China and the dollar in Taiwan and Hong Kong ("月薪 35,000元" on 104.com.tw).
  元: 'YUAN',
  圓: 'TWD',
  원: 'KRW',
};

/**
 * Currency words and abbreviations as pages write them (lower case, as written and accent-folded).
 * ISO codes are handled apart (any case next to a number, upper case anywhere).
 */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'DOLLAR',
  dollars: 'DOLLAR',
  dolar: 'DOLLAR',
  dolares: 'DOLLAR',
  dólares: 'DOLLAR',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  sterling: 'GBP',
  quid: 'GBP',
  rupee: 'INR',
  rupees: 'INR',
  // Rs/₨ (NFKC folds ₨ to Rs) is the rupee of India, Pakistan, Sri Lanka, Nepal and Mauritius; ₹ is India's alone.
  rs: 'RUPEE',
  inr: 'INR',
  rupiah: 'IDR',
  rp: 'IDR',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rmb: 'CNY',
  franc: 'CHF',
  francs: 'CHF',
  franken: 'CHF',
  fr: 'CHF',
  sfr: 'CHF',
  real: 'BRL',
  reais: 'BRL',
  won: 'KRW',
  zloty: 'PLN',
  zlotys: 'PLN',
  złoty: 'PLN',
  złotych: 'PLN',
  zlotych: 'PLN',
  zł: 'PLN',
  zl: 'PLN',
  pln: 'PLN',
  peso: 'PESO',
  pesos: 'PESO',
  kr: 'KRONE',
  'kr.': 'KRONE',
  kronor: 'SEK',
  krona: 'SEK',
  kroner: 'KRONE',
  krone: 'KRONE',
  kronen: 'KRONE',
  sek: 'SEK',
  nok: 'NOK',
  dkk: 'DKK',
  kč: 'CZK',
  kc: 'CZK',
  korun: 'CZK',
  koruna: 'CZK',
  forint: 'HUF',
  forintot: 'HUF',
  // Hungarian case endings glued to Ft: "400.000 Ft-tól 550.000 Ft-ig" (from … to).
  'ft-tól': 'HUF',
  'ft-ig': 'HUF',
  'ft-ot': 'HUF',
  ft: 'HUF',
  lei: 'RON',
  leu: 'RON',
  lev: 'BGN',
  leva: 'BGN',
  лв: 'BGN',
  kuna: 'HRK',
  lira: 'TRY',
  tl: 'TRY',
  ringgit: 'MYR',
  rm: 'MYR',
  baht: 'THB',
  บาท: 'THB',
  dong: 'VND',
  đồng: 'VND',
  vnđ: 'VND',
  vnd: 'VND',
  đ: 'VND',
  rand: 'ZAR',
  naira: 'NGN',
  shilling: 'KES',
  shillings: 'KES',
  ksh: 'KES',
  kshs: 'KES',
  cedi: 'GHS',
  cedis: 'GHS',
  dirham: 'AED',
  dirhams: 'AED',
  dhs: 'AED',
  dh: 'AED',
  aed: 'AED',
  riyal: 'RIYAL',
  riyals: 'RIYAL',
  rial: 'RIYAL',
  sr: 'SAR',
  sar: 'SAR',
  qr: 'QAR',
  qar: 'QAR',
  dinar: 'DINAR',
  dinars: 'DINAR',
  kd: 'KWD',
  bd: 'BHD',
  jd: 'JOD',
  ro: 'OMR',
  egp: 'EGP',
  shekel: 'ILS',
  shekels: 'ILS',
  nis: 'ILS',
  taka: 'BDT',
  টাকা: 'BDT',
  روپے: 'RUPEE',
  روپیہ: 'RUPEE',
  tk: 'BDT',
  hryvnia: 'UAH',
  tenge: 'KZT',
  sol: 'PEN',
  soles: 'PEN',
  quetzal: 'GTQ',
  quetzales: 'GTQ',
  colones: 'CRC',
  руб: 'RUB',
  рублей: 'RUB',
  рубля: 'RUB',
  рубль: 'RUB',
  р: 'RUB',
  rub: 'RUB',
  грн: 'UAH',
  гривень: 'UAH',
  гривен: 'UAH',
  тг: 'KZT',
  тенге: 'KZT',
  сом: 'KGS',
  ريال: 'RIYAL',
  'ر.س': 'SAR',
  'ر.ق': 'QAR',
  'ر.ع': 'OMR',
  'د.إ': 'AED',
  'د.ا': 'AED',
  درهم: 'AED',
  دينار: 'DINAR',
  'د.ك': 'KWD',
  'د.أ': 'JOD',
  'د.ب': 'BHD',
  'د.ت': 'TND',
  'د.ع': 'IQD',
  'د.ل': 'LYD',
  'ج.م': 'EGP',
  جنيه: 'EGP',
  'ل.س': 'SYP',
  'ل.ل': 'LBP',
  دولار: 'DOLLAR',
  يورو: 'EUR',
  रुपये: 'INR',
  रुपए: 'INR',
  रुपया: 'INR',
  円: 'JPY',
  万円: 'JPY',
  元: 'YUAN',
  万元: 'CNY',
  块: 'CNY',
  人民币: 'CNY',
  台币: 'TWD',
  新台币: 'TWD',
  新台幣: 'TWD',
  台幣: 'TWD',
  港币: 'HKD',
  港幣: 'HKD',
  港元: 'HKD',
  美元: 'USD',
  欧元: 'EUR',
  日元: 'JPY',
  원: 'KRW',
  만원: 'KRW',
  억원: 'KRW',
};

/** Currencies ISO 4217 gives three minor digits: `650.000` is 650 of them. */
export const THREE_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set(['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD']);

/** Currencies written with a dollar sign, so a `$` next to a hint of one of them is that one. */
const DOLLAR_FAMILY: ReadonlySet<string> = new Set([
  'USD',
  'CAD',
  'AUD',
  'NZD',
  'HKD',
  'SGD',
  'MXN',
  'TWD',
  'BRL',
  'ARS',
  'CLP',
  'COP',
  'JMD',
  'TTD',
  'BZD',
  'XCD',
  'DOP',
  'FJD',
]);
const FAMILY: Readonly<Record<AmbiguousCurrency, ReadonlySet<string>>> = {
  DOLLAR: DOLLAR_FAMILY,
  KRONE: new Set(['NOK', 'SEK', 'DKK', 'ISK', 'CZK']),
  YEN: new Set(['JPY', 'CNY']),
  DINAR: new Set(['KWD', 'BHD', 'JOD', 'IQD', 'TND', 'LYD', 'DZD', 'RSD', 'MKD']),
  RIYAL: new Set(['SAR', 'QAR', 'OMR', 'YER', 'IRR']),
  PESO: new Set(['MXN', 'PHP', 'COP', 'ARS', 'CLP', 'UYU', 'DOP', 'CUP']),
  RUPEE: new Set(['INR', 'PKR', 'LKR', 'NPR', 'MUR', 'SCR']),
  YUAN: new Set(['CNY', 'TWD', 'HKD', 'MOP']),
};
const COUNTRY_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  HK: 'HKD',
  SG: 'SGD',
  MX: 'MXN',
  TW: 'TWD',
  NO: 'NOK',
  SE: 'SEK',
  DK: 'DKK',
  IS: 'ISK',
  JP: 'JPY',
  CN: 'CNY',
  KW: 'KWD',
  BH: 'BHD',
  JO: 'JOD',
  IQ: 'IQD',
  TN: 'TND',
  LY: 'LYD',
  SA: 'SAR',
  QA: 'QAR',
  OM: 'OMR',
  PH: 'PHP',
  CO: 'COP',
  AR: 'ARS',
  CL: 'CLP',
  UY: 'UYU',
  DO: 'DOP',
  GB: 'GBP',
  IE: 'EUR',
  DE: 'EUR',
  FR: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  NL: 'EUR',
  AT: 'EUR',
  BE: 'EUR',
  PT: 'EUR',
  FI: 'EUR',
  IN: 'INR',
  BR: 'BRL',
  CH: 'CHF',
  PL: 'PLN',
  CZ: 'CZK',
  KR: 'KRW',
  RU: 'RUB',
  AE: 'AED',
  ZA: 'ZAR',
  TR: 'TRY',
  IL: 'ILS',
  EG: 'EGP',
  MY: 'MYR',
  ID: 'IDR',
  TH: 'THB',
  VN: 'VND',
  NG: 'NGN',
  KE: 'KES',
  PK: 'PKR',
  LK: 'LKR',
  NP: 'NPR',
  MU: 'MUR',
  MO: 'MOP',
  KZ: 'KZT',
  PE: 'PEN',
  GH: 'GHS',
  BD: 'BDT',
  UA: 'UAH',
  HU: 'HUF',
  RO: 'RON',
  BG: 'BGN',
};

/** ISO 4217 code of a country's currency (ISO 3166-1 alpha-2), for the hint a caller gives. */
export function currencyOfCountry(country: string): string | undefined {
  return COUNTRY_CURRENCY[country.trim().toUpperCase()];
}

/** Clues in the surrounding text, gathered once by the salary tokenizer. */
export interface CurrencyContext {
  /** Word counts by language cue: Norwegian, Swedish, Danish, Chinese, Japanese. */
  no: number;
  sv: number;
  da: number;
  zh: number;
  ja: number;
  /** A dinar/riyal qualifier met in the text ("kuwaiti", "أردني"), already an ISO code. */
  qualifier?: string;
  /** The caller's currency (from `defaultCurrency` or `country`). */
  hint?: string;
  /** ISO codes written in the text ("CAD $65,000", "$80k (AUD)"), in order. */
  codes?: readonly string[];
}

/** True when `mark` is one of the family placeholders rather than an ISO code. */
export function isAmbiguous(mark: string): mark is AmbiguousCurrency {
  return mark in FAMILY;
}

/**
 * A family mark → one ISO code: the caller's hint when it belongs to the family, then an ISO
 * code of the family written in the text ("CAD $65,000"), then the language (kr + Norwegian words → NOK, Swedish → SEK, Danish → DKK; ¥ + Chinese → CNY), then
 * a qualifier ("Kuwaiti dinar"), then the family's usual reading (`$` → USD, `¥` → JPY).
 * Returns null when nothing settles it (a bare "kr" or "dinar").
 */
export function resolveAmbiguousCurrency(mark: AmbiguousCurrency, ctx: CurrencyContext): string | null {
  const family = FAMILY[mark];
  if (ctx.hint && family.has(ctx.hint)) return ctx.hint;
  const code = ctx.codes?.find((c) => family.has(c));
  if (code) return code;
  if (ctx.qualifier && family.has(ctx.qualifier)) return ctx.qualifier;
  switch (mark) {
    case 'DOLLAR':
      return 'USD';
    case 'YEN':
      return ctx.zh > ctx.ja ? 'CNY' : 'JPY';
    case 'KRONE': {
      const best = Math.max(ctx.no, ctx.sv, ctx.da);
      if (best === 0) return null;
      if (ctx.no === best && ctx.no > ctx.sv && ctx.no > ctx.da) return 'NOK';
      if (ctx.sv === best && ctx.sv > ctx.no && ctx.sv > ctx.da) return 'SEK';
      if (ctx.da === best && ctx.da > ctx.no && ctx.da > ctx.sv) return 'DKK';
      return null;
    }
    case 'PESO':
      return 'MXN';
    case 'RUPEE':
      return 'INR';
    case 'YUAN':
      return 'CNY';
    case 'RIYAL':
      return 'SAR';
    case 'DINAR':
      return null;
  }
}

/**
 * Map a symbol ("$", "€", "A$", "₹"), an ISO code in any case ("usd") or a currency word
 * ("euros") to an ISO 4217 code. A bare `$` is USD and `¥` is JPY; family words that need
 * context ("kr", "dinar") are `undefined` here. `undefined` when unknown.
 */
export function normalizeCurrency(symbolOrCode: string): string | undefined {
  requireString('normalizeCurrency', symbolOrCode);
  const s = symbolOrCode.trim();
  if (!s || s.length > 40) return undefined;
  for (const [token, code] of CURRENCY_TOKENS) if (s === token || s.toUpperCase() === token.toUpperCase()) return code;
  if (/^[A-Za-z]{3}$/.test(s) && isIsoCurrency(s.toUpperCase())) return s.toUpperCase();
  const word = s.toLowerCase();
  const mark = CURRENCY_SIGNS[s] ?? CURRENCY_WORDS[word] ?? CURRENCY_WORDS[word.normalize('NFD').replace(/\p{M}/gu, '')];
  if (!mark) return undefined;
  if (!isAmbiguous(mark)) return mark;
  const resolved = resolveAmbiguousCurrency(mark, { no: 0, sv: 0, da: 0, zh: 0, ja: 0 });
  return resolved ?? undefined;
}
