/**
 * Pay made comparable: a salary in any period and currency → an annual figure in one base
 * currency, with the basis used (hours, weeks, months, rate and its date) kept beside it so a
 * reader can redo the sum. The posting keeps its own currency and period for display; search
 * sorts and filters use the annual figure.
 * @module
 */
import { JobkitError } from '../errors.js';
import type { AnnualizedSalary, Salary } from '../schema/job-posting.js';
import { ECB_REFERENCE_RATES } from './fx-rates.js';

/** A dated exchange-rate table: units of each currency per one unit of `base` (`rates[base]` is 1). */
export interface FxTable {
  /** ISO 4217 code the rates are quoted against. */
  base: string;
  /** The day the rates are for (`YYYY-MM-DD`). */
  date: string;
  /** Who published them. */
  source: string;
  rates: Readonly<Record<string, number>>;
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
  /** Exchange rates. @default the shipped ECB table ({@link ECB_REFERENCE_RATES}) */
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
  if (o.monthsPerYear !== undefined && !(Number.isInteger(o.monthsPerYear) && o.monthsPerYear >= 12 && o.monthsPerYear <= 24)) bad('monthsPerYear', 'must be an integer in [12, 24]');
  if (o.baseCurrency !== undefined && !/^[A-Z]{3}$/.test(o.baseCurrency)) bad('baseCurrency', 'must be an upper-case ISO 4217 code');
  if (o.fx) {
    if (!/^[A-Z]{3}$/.test(o.fx.base) || o.fx.rates[o.fx.base] !== 1) bad('fx', 'must quote its base at 1');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.fx.date)) bad('fx.date', 'must be YYYY-MM-DD');
    for (const [code, rate] of Object.entries(o.fx.rates)) if (!(rate > 0 && Number.isFinite(rate))) bad(`fx.rates.${code}`, 'must be a positive number');
  }
}

/**
 * Convert an amount between currencies through the table's base. Returns `undefined` when either
 * currency is not in the table.
 */
export function convertCurrency(amount: number, from: string, to: string, fx: FxTable = ECB_REFERENCE_RATES): number | undefined {
  if (from === to) return amount;
  const a = fx.rates[from];
  const b = fx.rates[to];
  if (a === undefined || b === undefined) return undefined;
  return (amount / a) * b;
}

/**
 * The annual figure of a salary in the base currency, or `null` when it cannot be computed honestly
 * (no amount, no currency, no period, or a currency missing from the rate table). Multipliers:
 * hour × hoursPerWeek × weeksPerYear, day × daysPerWeek × weeksPerYear, week × weeksPerYear,
 * month × (the posting's `monthsPerYear`, e.g. 13 for 13薪, else the option), year × 1. Amounts are
 * rounded to whole units of the base currency.
 * @throws JobkitError `INVALID_ARGUMENT` for out-of-range options or a malformed rate table.
 */
export function annualizeSalary(salary: Salary, options: PayOptions = {}): AnnualizedSalary | null {
  checkOptions(options);
  if (!salary.currency || !salary.period || (salary.min === null && salary.max === null)) return null;
  const fx = options.fx ?? ECB_REFERENCE_RATES;
  const baseCurrency = options.baseCurrency ?? DEFAULTS.baseCurrency;
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
  }[salary.period];
  const rate = convertCurrency(1, salary.currency, baseCurrency, fx);
  if (rate === undefined) return null;
  const annual = (v: number | null) => (v === null ? null : Math.round(v * perYear * rate));
  return {
    min: annual(salary.min),
    max: annual(salary.max),
    currency: baseCurrency,
    basis: {
      period: salary.period,
      hoursPerWeek,
      daysPerWeek,
      weeksPerYear,
      monthsPerYear,
      fxRate: rate,
      rateDate: fx.date,
      rateSource: fx.source,
    },
  };
}
