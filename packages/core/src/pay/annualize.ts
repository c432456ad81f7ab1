/**
 * Pay made comparable: a salary in any period and currency → an annual figure in one base
 * currency, with the basis used (hours, weeks, months, rate and its date) kept beside it so a
 * reader can redo the sum. The posting keeps its own currency and period for display; search
 * sorts and filters use the annual figure.
 * @module
 */
import { JobkitError } from '../errors.js';
import type { AnnualizedSalary, Salary } from '../schema/job-posting.js';
import { DEFAULT_FX_RATES } from './fx-rates.js';

/** A dated exchange-rate table: units of each currency per one unit of `base` (`rates[base]` is 1). */
export interface FxTable {
  /** ISO 4217 code the rates are quoted against. */
  base: string;
  /** The day the rates are for (`YYYY-MM-DD`). */
  date: string;
  /** Who published them. */
  source: string;
  rates: Readonly<Record<string, number>>;
  /** Where a currency's rate came from when not from `source` (a peg's authority), by code. */
  notes?: Readonly<Record<string, string>>;
}

/** How pay is annualized and converted. Every field has a default. */
export interface PayOptions {
  /** Currency of the annual figure. @default 'USD' */
  baseCurrency?: string;
  /** Hours in a working week, for hourly pay. @default 40 */
  hoursPerWeek?: number;
  /** Working days in a week, for daily pay. @default 5 */
  daysPerWeek?: number;
  /** Paid weeks in a year, for hourly, daily and weekly pay. @default 52 */
  weeksPerYear?: number;
  /** Monthly salaries in a year when the posting does not state `monthsPerYear`. @default 12 */
  monthsPerYear?: number;
  /** Exchange rates. @default the shipped ECB table with official pegs ({@link DEFAULT_FX_RATES}) */
  fx?: FxTable;
}

const DEFAULTS = { baseCurrency: 'USD', hoursPerWeek: 40, daysPerWeek: 5, weeksPerYear: 52, monthsPerYear: 12 } as const;

function checkOptions(o: PayOptions): void {
  const bad = (field: string, why: string) => {
    throw new JobkitError('INVALID_ARGUMENT', `[core/pay] ${field} ${why}`);
  };
  if (o.hoursPerWeek !== undefined && !(o.hoursPerWeek > 0 && o.hoursPerWeek <= 168)) bad('hoursPerWeek', 'must be in (0, 168]');
  if (o.daysPerWeek !== undefined && !(o.daysPerWeek > 0 && o.daysPerWeek <= 7)) bad('daysPerWeek', 'must be in (0, 7]');
  if (o.weeksPerYear !== undefined && !(o.weeksPerYear > 0 && o.weeksPerYear <= 53)) bad('weeksPerYear', 'must be in (0, 53]');
  if (o.monthsPerYear !== undefined && !(Number.isInteger(o.monthsPerYear) && o.monthsPerYear >= 12 && o.monthsPerYear <= 24))
    bad('monthsPerYear', 'must be an integer in [12, 24]');
  if (o.baseCurrency !== undefined && !/^[A-Z]{3}$/.test(o.baseCurrency)) bad('baseCurrency', 'must be an upper-case ISO 4217 code');
  if (o.fx) {
    if (!/^[A-Z]{3}$/.test(o.fx.base) || o.fx.rates[o.fx.base] !== 1) bad('fx', 'must quote its base at 1');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.fx.date)) bad('fx.date', 'must be YYYY-MM-DD');
    for (const [code, rate] of Object.entries(o.fx.rates))
      if (!(rate > 0 && Number.isFinite(rate))) bad(`fx.rates.${code}`, 'must be a positive number');
  }
}

/**
 * Convert an amount between currencies through the table's base. Returns `undefined` when either
 * currency is not in the table.
 */
export function convertCurrency(amount: number, from: string, to: string, fx: FxTable = DEFAULT_FX_RATES): number | undefined {
  if (from === to) return amount;
  const a = fx.rates[from];
  const b = fx.rates[to];
  if (a === undefined || b === undefined) return undefined;
  return (amount / a) * b;
}

/** Why a salary has no annual figure. */
export type PayGap = 'no-amount' | 'no-currency' | 'no-period' | 'no-rate';

/** Result of {@link annualizeSalaryDetailed}: the figure, or `null` with the reason. */
export type AnnualizeResult =
  | { annualized: AnnualizedSalary; reason?: undefined; message?: undefined }
  | { annualized: null; reason: PayGap; message: string };

/** Longest `rateSource` the posting schema keeps. */
const MAX_RATE_SOURCE = 200;

/**
 * {@link annualizeSalary}, saying why when there is no figure: `no-amount`, `no-currency`,
 * `no-period`, or `no-rate` (the posting's or the base currency is not in the rate table: a
 * floating currency the ECB does not quote, such as VND, PKR, NGN, ARS; `message` names it and
 * the table's date). Never a figure from a guessed rate.
 * @throws JobkitError `INVALID_ARGUMENT` for out-of-range options or a malformed rate table.
 */
export function annualizeSalaryDetailed(salary: Salary, options: PayOptions = {}): AnnualizeResult {
  checkOptions(options);
  if (salary.min === null && salary.max === null) return { annualized: null, reason: 'no-amount', message: 'the salary states no amount' };
  if (!salary.currency) return { annualized: null, reason: 'no-currency', message: 'the salary states no currency' };
  if (!salary.period) return { annualized: null, reason: 'no-period', message: 'the salary states no period' };
  const fx = options.fx ?? DEFAULT_FX_RATES;
  const baseCurrency = options.baseCurrency ?? DEFAULTS.baseCurrency;
  const rate = convertCurrency(1, salary.currency, baseCurrency, fx);
  if (rate === undefined) {
    const missing = fx.rates[salary.currency] === undefined ? salary.currency : baseCurrency;
    return {
      annualized: null,
      reason: 'no-rate',
      message: `no ${missing} rate in the table (${fx.source}, ${fx.date}); pass pay.fx with one`,
    };
  }
  return { annualized: annualizeKnown(salary, options, fx, baseCurrency, rate) };
}

/**
 * The annual figure of a salary in the base currency, or `null` when it cannot be computed honestly
 * (no amount, no currency, no period, or a currency missing from the rate table; see
 * {@link annualizeSalaryDetailed} for the reason). Multipliers:
 * hour × hoursPerWeek × weeksPerYear, day × daysPerWeek × weeksPerYear, week × weeksPerYear,
 * month × (the posting's `monthsPerYear`, e.g. 13 for 13薪, else the option), year × 1. Amounts are
 * rounded to whole units of the base currency.
 * @throws JobkitError `INVALID_ARGUMENT` for out-of-range options or a malformed rate table.
 */
export function annualizeSalary(salary: Salary, options: PayOptions = {}): AnnualizedSalary | null {
  return annualizeSalaryDetailed(salary, options).annualized;
}

function annualizeKnown(salary: Salary, options: PayOptions, fx: FxTable, baseCurrency: string, rate: number): AnnualizedSalary {
  const hoursPerWeek = options.hoursPerWeek ?? DEFAULTS.hoursPerWeek;
  const daysPerWeek = options.daysPerWeek ?? DEFAULTS.daysPerWeek;
  const weeksPerYear = options.weeksPerYear ?? DEFAULTS.weeksPerYear;
  const monthsPerYear = salary.monthsPerYear ?? options.monthsPerYear ?? DEFAULTS.monthsPerYear;
  const perYear = {
    hour: hoursPerWeek * weeksPerYear,
    day: daysPerWeek * weeksPerYear,
    week: weeksPerYear,
    month: monthsPerYear,
    year: 1,
  }[salary.period!];
  // A pegged currency's rate says whose peg it is, beside the table it was crossed through.
  const notes = [fx.notes?.[salary.currency!], fx.notes?.[baseCurrency]].filter(
    (n, i, all): n is string => !!n && all.indexOf(n) === i && salary.currency !== baseCurrency,
  );
  let rateSource = notes.length ? `${fx.source}; ${notes.join('; ')}` : fx.source;
  if (rateSource.length > MAX_RATE_SOURCE) rateSource = `${rateSource.slice(0, MAX_RATE_SOURCE - 1)}…`;
  const annual = (v: number | null) => (v === null ? null : Math.round(v * perYear * rate));
  return {
    min: annual(salary.min),
    max: annual(salary.max),
    currency: baseCurrency,
    basis: {
      period: salary.period!,
      hoursPerWeek,
      daysPerWeek,
      weeksPerYear,
      monthsPerYear,
      fxRate: rate,
      rateDate: fx.date,
      rateSource,
    },
  };
}
