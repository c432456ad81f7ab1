/**
 * Salary text → {@link Salary}: amounts with locale separators and k/M/lakh/万 multipliers,
 * ranges, "up to"/"from" bounds, currency (symbol, code, local name, or language context) and
 * pay period in the languages job boards write. Linear by construction: one tokenizer pass
 * (`./salary/tokenize.ts`) and a grammar over the tokens (`./salary/grammar.ts`).
 * @module
 */
import { JobkitError, type Salary } from '@jobkit/core';
import { currencyOfCountry, normalizeCurrency } from './currency.js';
import { readSalary } from './salary/grammar.js';
import { tokenize } from './salary/tokenize.js';

/**
 * Only the first this many characters (UTF-16 code units) are read. Pay statements are short;
 * the cap bounds the work on hostile input (a 1 MB string costs the same as a 10 kB one).
 */
export const MAX_SALARY_INPUT = 10_000;

/** Options for {@link parseSalary}. */
export interface ParseSalaryOptions {
  /**
   * ISO 4217 code (or symbol) used when the text names no currency, and to settle a family mark
   * the text does name: `$` with `CAD` is CAD, `kr` with `SEK` is SEK. A currency the text
   * states outright (`£`, `EUR`) always wins. @default undefined (currency null)
   */
  defaultCurrency?: string;
  /**
   * ISO 3166-1 alpha-2 country of the posting; its currency acts like `defaultCurrency` when that
   * is not given (`NO` makes a bare `kr` NOK). @default undefined
   */
  country?: string;
  /**
   * The text is the value of a field that holds pay (an ATS API's salary or compensation field):
   * an amount counts as pay without a pay word beside it, so a small hourly or monthly figure is
   * not taken for a price or a subscription. Leave it off for text from a page or a description.
   * @default false
   */
  payField?: boolean;
}

/**
 * Parse a salary string such as `$120k–$150k`, `$21 - $27 an hour`, `€50.000 - €60.000 pro
 * Jahr`, `₹12-18 LPA`, `CHF 110'000`, `Lønn: kr 550 000 – 700 000 per år`, `年収 600万円〜800万円`
 * or `up to £40,000 per annum`, alone or inside a sentence. `raw` is the trimmed input.
 *
 * Decisions:
 * - A single amount gives `min = max`; "up to X"/"bis zu"/"以下" gives only `max`; "from X",
 *   "starting at", "ab", "desde", "以上", "X+", "X or more" and an open range (`60,000 -`) only `min`.
 * - `17-30K·13薪` is 17,000–30,000 CNY per month with `monthsPerYear: 13`; `14-16薪` alone is
 *   not an amount (null).
 * - In prose with several figures the pay is the group next to a pay word (salary, pay, FTE,
 *   Gehalt, 月給, الراتب…), then the one with a currency and period; figures beside bonus,
 *   revenue, fee, price or count words are never pay. When an hourly and an annual figure are
 *   both stated, the one the text states first as pay wins and a figure marked as an
 *   approximation ("~", "approx.", "equivalent to", in parentheses) loses.
 * - A sentence that names no pay, work, worker or earning anywhere is about a price, a loan, a fine or
 *   company money and gives null ("Bei Aldi erhalten Sie einen Werkzeugwagen für 179 Euro."), unless
 *   the amount opens the text, a line or a listing segment, or is of wage size for its period; so
 *   does an amount right after "for"/"für"/"only"/"statt" in such a text. `payField` turns this off.
 * - `period` is what the text states (a period word, LPA, `·13薪`); with none it is null, even
 *   for amounts of obviously yearly size. A stated period the amount cannot fit ($130,000 p.h.)
 *   is dropped.
 * - Returns `null` when no amount is present: years, phone numbers, dates, percentages,
 *   durations, headcounts, versions, a bare unshaped number with no currency or pay word
 *   (a postcode), amounts over 5 million USD-equivalent (revenue), overflowing numbers.
 * - `min` is never greater than `max`.
 *
 * Throws `JobkitError` `INVALID_ARGUMENT` when `text` is not a string; never throws otherwise.
 * Reads at most {@link MAX_SALARY_INPUT} characters.
 */
export function parseSalary(text: string, options: ParseSalaryOptions = {}): Salary | null {
  if (typeof text !== 'string') {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[parsers/salary] parseSalary expects a string, got ${text === null ? 'null' : typeof text}`,
      {
        details: { type: text === null ? 'null' : typeof text },
      },
    );
  }
  const capped = text.length > MAX_SALARY_INPUT ? text.slice(0, MAX_SALARY_INPUT) : text;
  const raw = capped.trim();
  if (!raw) return null;
  const hintSource = options.defaultCurrency ?? (options.country ? currencyOfCountry(options.country) : undefined);
  const hint = hintSource ? normalizeCurrency(hintSource) : undefined;
  let reading: ReturnType<typeof readSalary>;
  try {
    const text = raw.includes('&') ? decodeEntities(raw) : raw;
    reading = readSalary(tokenize(text.normalize('NFKC')), hint, options.payField === true);
  } catch {
    // Defensive: a grammar bug on one odd string must not sink a caller's batch.
    return null;
  }
  if (!reading) return null;
  const salary: Salary = { min: reading.min, max: reading.max, currency: reading.currency, period: reading.period, raw };
  if (reading.monthsPerYear !== undefined) salary.monthsPerYear = reading.monthsPerYear;
  return salary;
}

/** Named character references scraped salary text carries ("&ndash;", "R&eacute;mun&eacute;ration"). */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  rsquo: '’',
  lsquo: '‘',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
};

/**
 * Decodes HTML character references left in scraped fields ("$2464.10 &#8211; $3621.70 per fortnight",
 * "R&#233;mun&#233;ration", "$199&#47;week"), so their digits are not read as amounts. One pass; a
 * reference is at most 10 characters, anything else is kept as written.
 */
function decodeEntities(text: string): string {
  let out = '';
  let from = 0;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    const end = text.indexOf(';', i + 2);
    if (end === -1 || end - i > 10) continue;
    const body = text.slice(i + 1, end);
    let ch: string | undefined;
    if (body[0] === '#') {
      const hex = body[1] === 'x' || body[1] === 'X';
      const digits = body.slice(hex ? 2 : 1);
      const code = digits ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
      if (Number.isInteger(code) && code > 0 && code <= 0x10ffff && (hex ? /^[0-9a-f]+$/i : /^\d+$/).test(digits))
        ch = String.fromCodePoint(code);
    } else ch = NAMED_ENTITIES[body];
    if (ch === undefined) continue;
    out += text.slice(from, i) + ch;
    from = end + 1;
    i = end;
  }
  return from === 0 ? text : out + text.slice(from);
}
