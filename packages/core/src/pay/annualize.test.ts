import { describe, expect, it } from 'vitest';
import { JobkitError } from '../errors.js';
import { finalizeJob } from '../job.js';
import type { JobDraft, Salary } from '../schema/job-posting.js';
import { toSearchDocument } from '../search/document.js';
import { annualizeSalary, annualizeSalaryDetailed, convertCurrency, type FxTable } from './annualize.js';
import { CURRENCY_PEGS, DEFAULT_FX_RATES, ECB_REFERENCE_RATES, withPegs } from './fx-rates.js';

const FX: FxTable = { base: 'EUR', date: '2026-01-02', source: 'test', rates: { EUR: 1, USD: 1.25, CAD: 1.5, CNY: 8, GBP: 0.8 } };
const pay = (
  min: number | null,
  max: number | null,
  currency: string | null,
  period: Salary['period'],
  extra: Partial<Salary> = {},
): Salary => ({ min, max, currency, period, ...extra });

describe('annualizeSalary', () => {
  it('scales every period with the stated basis', () => {
    const o = { fx: FX, baseCurrency: 'EUR' };
    expect(annualizeSalary(pay(20, 25, 'EUR', 'hour'), o)).toMatchObject({ min: 41_600, max: 52_000, currency: 'EUR' });
    expect(annualizeSalary(pay(20, null, 'EUR', 'hour'), { ...o, hoursPerWeek: 37.5, weeksPerYear: 46 })?.min).toBe(34_500);
    expect(annualizeSalary(pay(300, 400, 'EUR', 'day'), o)).toMatchObject({ min: 78_000, max: 104_000 });
    expect(annualizeSalary(pay(300, 400, 'EUR', 'day'), { ...o, daysPerWeek: 4 })?.min).toBe(62_400);
    expect(annualizeSalary(pay(1_000, null, 'EUR', 'week'), o)?.min).toBe(52_000);
    expect(annualizeSalary(pay(4_000, 5_000, 'EUR', 'month'), o)).toMatchObject({ min: 48_000, max: 60_000 });
    expect(annualizeSalary(pay(60_000, 70_000, 'EUR', 'year'), o)).toMatchObject({ min: 60_000, max: 70_000 });
  });

  it('counts the months a 13薪/14-salary posting pays', () => {
    const a = annualizeSalary(pay(17_000, 30_000, 'CNY', 'month', { monthsPerYear: 13 }), { fx: FX, baseCurrency: 'CNY' });
    expect(a).toMatchObject({ min: 221_000, max: 390_000, basis: { monthsPerYear: 13 } });
    // The posting's own count beats the option; the option fills in when the posting is silent.
    expect(annualizeSalary(pay(3_000, null, 'EUR', 'month'), { fx: FX, baseCurrency: 'EUR', monthsPerYear: 14 })?.min).toBe(42_000);
  });

  it('converts through the table base and records the rate and its date', () => {
    const cad = annualizeSalary(pay(363_000, null, 'CAD', 'year'), { fx: FX });
    expect(cad).toMatchObject({ min: 302_500, currency: 'USD', basis: { rateDate: '2026-01-02', rateSource: 'test' } });
    expect(cad?.basis.fxRate).toBeCloseTo(1.25 / 1.5, 12);
    expect(convertCurrency(100, 'GBP', 'USD', FX)).toBeCloseTo(156.25, 6);
    expect(convertCurrency(100, 'XYZ', 'USD', FX)).toBeUndefined();
  });

  it('gives no figure it cannot compute honestly', () => {
    expect(annualizeSalary(pay(50_000, null, null, 'year'), { fx: FX })).toBeNull();
    expect(annualizeSalary(pay(50_000, null, 'EUR', null), { fx: FX })).toBeNull();
    expect(annualizeSalary(pay(null, null, 'EUR', 'year'), { fx: FX })).toBeNull();
    expect(annualizeSalary(pay(50_000, null, 'VND', 'year'), { fx: FX })).toBeNull();
  });

  it('says why there is no figure, and never converts at a guessed rate', () => {
    expect(annualizeSalaryDetailed(pay(50_000, null, null, 'year'), { fx: FX })).toMatchObject({ annualized: null, reason: 'no-currency' });
    expect(annualizeSalaryDetailed(pay(50_000, null, 'EUR', null), { fx: FX })).toMatchObject({ annualized: null, reason: 'no-period' });
    expect(annualizeSalaryDetailed(pay(null, null, 'EUR', 'year'), { fx: FX })).toMatchObject({ annualized: null, reason: 'no-amount' });
    // Floating currencies the ECB does not quote have no rate in the shipped table.
    for (const code of ['VND', 'PKR', 'EGP', 'NGN', 'KES', 'TWD', 'ARS', 'CLP', 'COP', 'PEN', 'KWD']) {
      const r = annualizeSalaryDetailed(pay(1_000, 2_000, code, 'month'));
      expect(r.annualized, code).toBeNull();
      expect(r.reason).toBe('no-rate');
      expect(r.message).toContain(code);
      expect(convertCurrency(1, code, 'USD')).toBeUndefined();
    }
    // A base currency missing from the table is named too.
    expect(annualizeSalaryDetailed(pay(1, 2, 'EUR', 'year'), { baseCurrency: 'VND' }).message).toContain('VND');
    // A user table with the rate converts.
    const vnd = annualizeSalaryDetailed(pay(30_000_000, null, 'VND', 'month'), { fx: { ...FX, rates: { ...FX.rates, VND: 25_000 } } });
    expect(vnd.annualized?.min).toBe(18_000);
  });

  it('converts pegged currencies through their anchor and names the peg', () => {
    const aed = annualizeSalary(pay(36_725, null, 'AED', 'month'));
    expect(aed?.min).toBe(120_000);
    expect(aed?.basis.rateSource).toContain('3.6725 AED/USD');
    expect(aed?.basis.rateSource.length).toBeLessThanOrEqual(200);
    expect(annualizeSalary(pay(375_000, null, 'SAR', 'year'))?.min).toBe(100_000);
    // CFA franc: fixed to the euro, so through the table's EUR rate.
    const xof = annualizeSalary(pay(655_957, null, 'XOF', 'year'), { baseCurrency: 'EUR' });
    expect(xof?.min).toBe(1_000);
    for (const peg of CURRENCY_PEGS) {
      expect(DEFAULT_FX_RATES.rates[peg.code], peg.code).toBeGreaterThan(0);
      expect(ECB_REFERENCE_RATES.rates[peg.code], `${peg.code} is quoted by the ECB: drop the peg`).toBeUndefined();
    }
    // A table's own rate wins over a peg; a peg whose anchor is missing is left out.
    expect(withPegs({ ...FX, rates: { ...FX.rates, AED: 4 } }).rates.AED).toBe(4);
    expect(withPegs(FX).rates.SAR).toBeCloseTo(1.25 * 3.75, 12);
    expect(withPegs(FX).rates.BND).toBeUndefined();
  });

  it('rejects impossible options with a typed error', () => {
    const s = pay(1, 2, 'EUR', 'hour');
    for (const bad of [
      { hoursPerWeek: 0 },
      { hoursPerWeek: 200 },
      { weeksPerYear: 60 },
      { monthsPerYear: 11 },
      { daysPerWeek: 8 },
      { baseCurrency: 'usd' },
      { fx: { ...FX, rates: { EUR: 2 } } },
      { fx: { ...FX, rates: { EUR: 1, USD: -1 } } },
      { fx: { ...FX, date: 'yesterday' } },
    ]) {
      const err = (() => {
        try {
          annualizeSalary(s, bad);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(JobkitError);
      expect((err as JobkitError).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('ships a dated ECB table quoted against EUR', () => {
    expect(ECB_REFERENCE_RATES.base).toBe('EUR');
    expect(ECB_REFERENCE_RATES.rates.EUR).toBe(1);
    expect(ECB_REFERENCE_RATES.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(ECB_REFERENCE_RATES.rates).length).toBeGreaterThanOrEqual(30);
  });
});

const base: JobDraft = {
  url: 'https://jobs.example.com/pay/1',
  title: 'Engineer',
  company: { name: 'Acme' },
  locations: [],
  workplaceType: null,
  employmentType: [],
  salary: null,
  description: { html: '', text: '' },
  datePosted: null,
  validThrough: null,
  applyUrl: null,
  ats: null,
  source: 'ats-api',
  provenance: {},
};

describe('finalizeJob pay', () => {
  it('adds the annual figure, keeps the posting currency and period, and search ranks by it', () => {
    const cad = finalizeJob(
      { ...base, url: 'https://jobs.example.com/pay/cad', salary: pay(363_000, 363_000, 'CAD', 'year') },
      { pay: { fx: FX } },
    );
    const usd = finalizeJob(
      { ...base, url: 'https://jobs.example.com/pay/usd', salary: pay(300_000, 300_000, 'USD', 'year') },
      { pay: { fx: FX } },
    );
    const hourly = finalizeJob(
      { ...base, url: 'https://jobs.example.com/pay/hr', salary: pay(90, 95, 'USD', 'hour') },
      { pay: { fx: FX } },
    );
    expect(cad.salary).toMatchObject({ min: 363_000, currency: 'CAD', period: 'year' });
    expect(cad.salary?.annualized?.min).toBe(302_500);
    // Raw numbers would rank CA$363k above $300k and $95/h below both.
    const ranked = [cad, usd, hourly].map(toSearchDocument).sort((a, b) => b.salary_max! - a.salary_max!);
    expect(ranked.map((d) => d.id)).toEqual([cad.id, usd.id, hourly.id]);
    expect(toSearchDocument(hourly)).toMatchObject({ salary_min: 187_200, salary_max: 197_600 });
  });

  it('recomputes a figure a draft brought with it, and leaves it out when asked', () => {
    const forged = {
      ...pay(50_000, null, 'EUR', 'year'),
      annualized: {
        min: 1,
        max: 1,
        currency: 'USD',
        basis: {
          period: 'year' as const,
          hoursPerWeek: 40,
          daysPerWeek: 5,
          weeksPerYear: 52,
          monthsPerYear: 12,
          fxRate: 1,
          rateDate: '2020-01-01',
          rateSource: 'x',
        },
      },
    };
    expect(finalizeJob({ ...base, salary: forged }, { pay: { fx: FX } }).salary?.annualized?.min).toBe(62_500);
    expect(finalizeJob({ ...base, salary: forged }, { pay: false }).salary?.annualized).toBeUndefined();
    // Default table and base currency: the shipped ECB rates, USD.
    expect(finalizeJob({ ...base, salary: pay(50_000, null, 'EUR', 'year') }).salary?.annualized).toMatchObject({
      currency: 'USD',
      basis: { rateDate: ECB_REFERENCE_RATES.date },
    });
  });
});
