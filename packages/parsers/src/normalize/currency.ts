/**
 * Currency symbols, codes and words → ISO 4217. Symbol tables are ours (no library maps the
 * ambiguous ones the way job pages use them); code validity comes from the runtime's ICU data.
 * @module
 */

let isoCodes: ReadonlySet<string> | undefined;

/** True for an upper-case ISO 4217 code the runtime knows. */
export function isIsoCurrency(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

/**
 * Symbols and words, longest first where one is a prefix of another. Prefixed dollars must win
 * over the bare `$`, which job pages overwhelmingly use for USD.
 */
export const CURRENCY_TOKENS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'], ['AU$', 'AUD'], ['A$', 'AUD'], ['CA$', 'CAD'], ['C$', 'CAD'], ['NZ$', 'NZD'],
  ['HK$', 'HKD'], ['SG$', 'SGD'], ['S$', 'SGD'], ['MX$', 'MXN'], ['R$', 'BRL'], ['NT$', 'TWD'],
  ['CN¥', 'CNY'], ['JP¥', 'JPY'], ['RMB', 'CNY'], ['元', 'CNY'], ['円', 'JPY'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['₹', 'INR'], ['¥', 'JPY'], ['₩', 'KRW'], ['₽', 'RUB'],
  ['₺', 'TRY'], ['₪', 'ILS'], ['₱', 'PHP'], ['₫', 'VND'], ['₦', 'NGN'], ['₴', 'UAH'], ['₿', 'XBT'],
  ['zł', 'PLN'], ['Kč', 'CZK'], ['Rs.', 'INR'], ['Rs', 'INR'], ['Fr.', 'CHF'], ['SFr.', 'CHF'],
];

/** Currency words in en/de/fr/es/pt (lower case, accents folded). */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', dolares: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP',
  sterling: 'GBP', rupee: 'INR', rupees: 'INR', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', franc: 'CHF',
  francs: 'CHF', franken: 'CHF', real: 'BRL', reais: 'BRL', won: 'KRW', zloty: 'PLN', zlotys: 'PLN',
  peso: 'MXN', pesos: 'MXN', lakh: 'INR', lakhs: 'INR', lpa: 'INR', crore: 'INR',
};

/**
 * Map a symbol ("$", "€", "A$", "₹"), an ISO code in any case ("usd") or a currency word
 * ("euros") to an ISO 4217 code. A bare `$` is USD and `¥` is JPY. `undefined` when unknown.
 */
export function normalizeCurrency(symbolOrCode: string): string | undefined {
  const s = symbolOrCode.trim();
  if (!s) return undefined;
  for (const [token, code] of CURRENCY_TOKENS) if (s === token || s.toUpperCase() === token.toUpperCase()) return code;
  if (/^[A-Za-z]{3}$/.test(s) && isIsoCurrency(s.toUpperCase())) return s.toUpperCase();
  const word = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return CURRENCY_WORDS[word];
}
