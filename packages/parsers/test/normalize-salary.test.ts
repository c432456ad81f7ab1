import { describe, expect, it } from 'vitest';
import { SalarySchema } from '@jobkit/core';
import { parseSalary } from '../src/normalize/index.js';

type Row = [text: string, min: number | null, max: number | null, currency: string | null, period: string | null];

// [input, min, max, currency, period]
const rows: Row[] = [
  // en
  ['$120k–$150k', 120_000, 150_000, 'USD', 'year'],
  ['USD 100,000 - 120,000 per year', 100_000, 120_000, 'USD', 'year'],
  ['£40,000 per annum', 40_000, 40_000, 'GBP', 'year'],
  ['$25/hr', 25, 25, 'USD', 'hour'],
  ['$25 - $35 per hour', 25, 35, 'USD', 'hour'],
  ['$30.50 hourly', 30.5, 30.5, 'USD', 'hour'],
  ['¥5,000,000', 5_000_000, 5_000_000, 'JPY', 'year'],
  ['A$90k + super', 90_000, 90_000, 'AUD', 'year'],
  ['C$70,000–80,000', 70_000, 80_000, 'CAD', 'year'],
  ['NZ$80k', 80_000, 80_000, 'NZD', 'year'],
  ['HK$30,000 per month', 30_000, 30_000, 'HKD', 'month'],
  ['S$6,000/month', 6_000, 6_000, 'SGD', 'month'],
  ['up to $90,000', null, 90_000, 'USD', 'year'],
  ['Up to £500 per day', null, 500, 'GBP', 'day'],
  ['$100k+', 100_000, null, 'USD', 'year'],
  ['starting at $60,000/yr', 60_000, null, 'USD', 'year'],
  ['$150k - $120k', 120_000, 150_000, 'USD', 'year'],
  ['$100-120k', 100_000, 120_000, 'USD', 'year'],
  ['$1.2M', 1_200_000, 1_200_000, 'USD', 'year'],
  ['$1,234.56/hour', 1234.56, 1234.56, 'USD', 'hour'],
  ['£45k to £55k', 45_000, 55_000, 'GBP', 'year'],
  ['£350 - £450 a day', 350, 450, 'GBP', 'day'],
  ['$2,000 per week', 2_000, 2_000, 'USD', 'week'],
  ['$5,500 monthly', 5_500, 5_500, 'USD', 'month'],
  ['80,000 - 95,000 EUR', 80_000, 95_000, 'EUR', 'year'],
  ['between $50,000 and $70,000 a year', 50_000, 70_000, 'USD', 'year'],
  ['₹12-18 LPA', 1_200_000, 1_800_000, 'INR', 'year'],
  ['₹8 lakh per annum', 800_000, 800_000, 'INR', 'year'],
  ['INR 25,00,000 per annum', 2_500_000, 2_500_000, 'INR', 'year'],
  ['Rs. 50,000 per month', 50_000, 50_000, 'INR', 'month'],
  ['17-30K·13薪', 17_000, 30_000, 'CNY', 'month'],
  ['₩50,000,000', 50_000_000, 50_000_000, 'KRW', 'year'],
  ['R$ 8.000/mês', 8_000, 8_000, 'BRL', 'month'],
  ['MX$25,000 mensual', 25_000, 25_000, 'MXN', 'month'],
  ['$120,000 USD', 120_000, 120_000, 'USD', 'year'],
  ['usd 90000', 90_000, 90_000, 'USD', 'year'],
  ['PLN 15 000 - 20 000 / month', 15_000, 20_000, 'PLN', 'month'],
  // de
  ['€50.000 - €60.000 pro Jahr', 50_000, 60_000, 'EUR', 'year'],
  ['50.000 € – 65.000 € jährlich', 50_000, 65_000, 'EUR', 'year'],
  ['60.000 bis 70.000 EUR brutto im Jahr', 60_000, 70_000, 'EUR', 'year'],
  ['bis zu 80.000 € p.a.', null, 80_000, 'EUR', 'year'],
  ['ab 55.000 € pro Jahr', 55_000, null, 'EUR', 'year'],
  ['1.234,56 € pro Stunde', 1234.56, 1234.56, 'EUR', 'hour'],
  ['18,50 € / Stunde', 18.5, 18.5, 'EUR', 'hour'],
  ['4.500 € brutto pro Monat', 4_500, 4_500, 'EUR', 'month'],
  ['3.200 - 3.800 EUR monatlich', 3_200, 3_800, 'EUR', 'month'],
  ["CHF 110'000", 110_000, 110_000, 'CHF', 'year'],
  ["CHF 100'000 - 120'000 pro Jahr", 100_000, 120_000, 'CHF', 'year'],
  ['70 Tsd. - 85k EUR', 70_000, 85_000, 'EUR', 'year'],
  ['30 mil - 40 mil euros', 30_000, 40_000, 'EUR', 'year'],
  ['65k–75k € im Jahr', 65_000, 75_000, 'EUR', 'year'],
  // fr
  ['50 000 € brut annuel', 50_000, 50_000, 'EUR', 'year'],
  ['40 000 à 50 000 € par an', 40_000, 50_000, 'EUR', 'year'],
  ['45\u00a0000 € - 55\u00a0000 € par an', 45_000, 55_000, 'EUR', 'year'],
  ['50\u202f000 € par an', 50_000, 50_000, 'EUR', 'year'],
  ['2 500 € par mois', 2_500, 2_500, 'EUR', 'month'],
  ['jusqu’à 60k€', null, 60_000, 'EUR', 'year'],
  ['à partir de 45 000 €', 45_000, null, 'EUR', 'year'],
  ['500 € par jour', 500, 500, 'EUR', 'day'],
  ['15 €/heure', 15, 15, 'EUR', 'hour'],
  ['CHF 8 000 par mois', 8_000, 8_000, 'CHF', 'month'],
  // es
  ['45.000€ - 55.000€ al año', 45_000, 55_000, 'EUR', 'year'],
  ['entre 30.000 y 40.000 euros anuales', 30_000, 40_000, 'EUR', 'year'],
  ['30.000 a 40.000 € brutos al año', 30_000, 40_000, 'EUR', 'year'],
  ['hasta 50.000 €', null, 50_000, 'EUR', 'year'],
  ['desde 35.000 €', 35_000, null, 'EUR', 'year'],
  ['1.500 € al mes', 1_500, 1_500, 'EUR', 'month'],
  ['12 € por hora', 12, 12, 'EUR', 'hour'],
  ['MXN 30,000 - 40,000 mensual', 30_000, 40_000, 'MXN', 'month'],
  ['$ 25.000 por mes', 25_000, 25_000, 'USD', 'month'],
];

describe('parseSalary', () => {
  it.each(rows)('%s', (text, min, max, currency, period) => {
    const s = parseSalary(text);
    expect(s).not.toBeNull();
    expect({ min: s!.min, max: s!.max, currency: s!.currency, period: s!.period }).toEqual({ min, max, currency, period });
    expect(s!.raw).toBe(text.trim());
    expect(SalarySchema.safeParse(s).success).toBe(true);
    if (s!.min !== null && s!.max !== null) expect(s!.min).toBeLessThanOrEqual(s!.max);
  });

  it('covers at least 60 strings and 8 currencies', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r[3])).size).toBeGreaterThanOrEqual(8);
  });

  it('uses defaultCurrency only when the text names none', () => {
    expect(parseSalary('50,000 - 60,000 per year', { defaultCurrency: 'eur' })?.currency).toBe('EUR');
    expect(parseSalary('£50,000', { defaultCurrency: 'EUR' })?.currency).toBe('GBP');
    expect(parseSalary('50,000 - 60,000')?.currency).toBeNull();
  });

  it('keeps the trimmed input as raw', () => {
    expect(parseSalary('  $100k  ')?.raw).toBe('$100k');
  });

  it.each([
    [''],
    ['   '],
    ['Competitive'],
    ['Competitive salary + equity'],
    ['DOE'],
    ['2024'],
    ['Founded in 2015'],
    ['Call 555-123-4567'],
    ['Call us on +44 20 7946 0958'],
    ['3-5 years experience'],
    ['Level 3'],
    ['401(k) matching'],
    ['25% bonus'],
    ['Posted 2024-03-05'],
  ])('returns null for %j', (text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it('does not read a year or phone number next to a real salary as the amount', () => {
    const s = parseSalary('2024 budget: $90,000 - $110,000 (call 555-123-4567)');
    expect([s?.min, s?.max]).toEqual([90_000, 110_000]);
  });
});
