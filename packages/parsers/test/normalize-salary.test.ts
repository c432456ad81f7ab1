import { JobkitError, SalarySchema } from '@jobkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSalary } from '../src/normalize/index.js';
import { MAX_SALARY_INPUT } from '../src/normalize/salary.js';

type Row = [text: string, min: number | null, max: number | null, currency: string | null, period: string | null];

// [input, min, max, currency, period]
const rows: Row[] = [
  // en
  ['$120k–$150k', 120_000, 150_000, 'USD', null],
  ['USD 100,000 - 120,000 per year', 100_000, 120_000, 'USD', 'year'],
  ['£40,000 per annum', 40_000, 40_000, 'GBP', 'year'],
  ['$25/hr', 25, 25, 'USD', 'hour'],
  ['$25 - $35 per hour', 25, 35, 'USD', 'hour'],
  ['$30.50 hourly', 30.5, 30.5, 'USD', 'hour'],
  ['¥5,000,000', 5_000_000, 5_000_000, 'JPY', null],
  ['A$90k + super', 90_000, 90_000, 'AUD', null],
  ['C$70,000–80,000', 70_000, 80_000, 'CAD', null],
  ['NZ$80k', 80_000, 80_000, 'NZD', null],
  ['HK$30,000 per month', 30_000, 30_000, 'HKD', 'month'],
  ['S$6,000/month', 6_000, 6_000, 'SGD', 'month'],
  ['up to $90,000', null, 90_000, 'USD', null],
  ['Up to £500 per day', null, 500, 'GBP', 'day'],
  ['$100k+', 100_000, null, 'USD', null],
  ['starting at $60,000/yr', 60_000, null, 'USD', 'year'],
  ['$150k - $120k', 120_000, 150_000, 'USD', null],
  ['$100-120k', 100_000, 120_000, 'USD', null],
  ['Salary: $1.2M', 1_200_000, 1_200_000, 'USD', null],
  ['$1,234.56/hour', 1234.56, 1234.56, 'USD', 'hour'],
  ['£45k to £55k', 45_000, 55_000, 'GBP', null],
  ['£350 - £450 a day', 350, 450, 'GBP', 'day'],
  ['$2,000 per week', 2_000, 2_000, 'USD', 'week'],
  ['$5,500 monthly', 5_500, 5_500, 'USD', 'month'],
  ['80,000 - 95,000 EUR', 80_000, 95_000, 'EUR', null],
  ['between $50,000 and $70,000 a year', 50_000, 70_000, 'USD', 'year'],
  ['₹12-18 LPA', 1_200_000, 1_800_000, 'INR', 'year'],
  ['₹8 lakh per annum', 800_000, 800_000, 'INR', 'year'],
  ['INR 25,00,000 per annum', 2_500_000, 2_500_000, 'INR', 'year'],
  ['Rs. 50,000 per month', 50_000, 50_000, 'INR', 'month'],
  ['17-30K·13薪', 17_000, 30_000, 'CNY', 'month'],
  ['₩50,000,000', 50_000_000, 50_000_000, 'KRW', null],
  ['R$ 8.000/mês', 8_000, 8_000, 'BRL', 'month'],
  ['MX$25,000 mensual', 25_000, 25_000, 'MXN', 'month'],
  ['$120,000 USD', 120_000, 120_000, 'USD', null],
  ['usd 90000', 90_000, 90_000, 'USD', null],
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
  ["CHF 110'000", 110_000, 110_000, 'CHF', null],
  ["CHF 100'000 - 120'000 pro Jahr", 100_000, 120_000, 'CHF', 'year'],
  ['70 Tsd. - 85k EUR', 70_000, 85_000, 'EUR', null],
  ['30 mil - 40 mil euros', 30_000, 40_000, 'EUR', null],
  ['65k–75k € im Jahr', 65_000, 75_000, 'EUR', 'year'],
  // fr
  ['50 000 € brut annuel', 50_000, 50_000, 'EUR', 'year'],
  ['40 000 à 50 000 € par an', 40_000, 50_000, 'EUR', 'year'],
  ['45\u00a0000 € - 55\u00a0000 € par an', 45_000, 55_000, 'EUR', 'year'],
  ['50\u202f000 € par an', 50_000, 50_000, 'EUR', 'year'],
  ['2 500 € par mois', 2_500, 2_500, 'EUR', 'month'],
  ['jusqu’à 60k€', null, 60_000, 'EUR', null],
  ['à partir de 45 000 €', 45_000, null, 'EUR', null],
  ['500 € par jour', 500, 500, 'EUR', 'day'],
  ['15 €/heure', 15, 15, 'EUR', 'hour'],
  ['CHF 8 000 par mois', 8_000, 8_000, 'CHF', 'month'],
  // es
  ['45.000€ - 55.000€ al año', 45_000, 55_000, 'EUR', 'year'],
  ['entre 30.000 y 40.000 euros anuales', 30_000, 40_000, 'EUR', 'year'],
  ['30.000 a 40.000 € brutos al año', 30_000, 40_000, 'EUR', 'year'],
  ['hasta 50.000 €', null, 50_000, 'EUR', null],
  ['desde 35.000 €', 35_000, null, 'EUR', null],
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

// Members of each family in issue #11, written for these tests (none of them is in bench/salary).
type Family = [name: string, rows: Row[]];
const families: Family[] = [
  [
    'period phrasings',
    [
      ['$16 - $19 an hour', 16, 19, 'USD', 'hour'],
      ['From $14.25 an hour', 14.25, null, 'USD', 'hour'],
      ['Up to £12.60 an hour', null, 12.6, 'GBP', 'hour'],
      ['$27 an hour', 27, 27, 'USD', 'hour'],
      ['£410 a week', 410, 410, 'GBP', 'week'],
      ['$2,050 biweekly', 2050, 2050, 'USD', null], // every other week: no period of ours (not weekly pay)
      ['£31,250 per anum', 31_250, 31_250, 'GBP', 'year'],
      ['$48k annually', 48_000, 48_000, 'USD', 'year'],
      ['€2.900 brutto jährlich', 2900, 2900, 'EUR', 'year'],
      ['3 900 zł w skali miesiąca', 3900, 3900, 'PLN', 'month'],
      ['70 000 ₽ в месяц', 70_000, 70_000, 'RUB', 'month'],
      ['€2.100 al mese', 2100, 2100, 'EUR', 'month'],
      ['€ 2.750 per maand', 2750, 2750, 'EUR', 'month'],
      ['2 600 € par mois', 2600, 2600, 'EUR', 'month'],
      ['1.950 € por mes', 1950, 1950, 'EUR', 'month'],
      ['$38/hr', 38, 38, 'USD', 'hour'],
      ['£14 p.h.', 14, 14, 'GBP', 'hour'],
      ['£29k pa', 29_000, 29_000, 'GBP', 'year'],
      ['時給1,350円', 1350, 1350, 'JPY', 'hour'],
      ['日給9,500円', 9500, 9500, 'JPY', 'day'],
      ['月薪 12000 元', 12_000, 12_000, 'CNY', 'month'],
      ['年薪 40万', 400_000, 400_000, 'CNY', 'year'],
      ['月給27万円 賞与年2回', 270_000, 270_000, 'JPY', 'month'],
      ['日給 9,000円～ 交通費支給', 9000, null, 'JPY', 'day'],
      ['18-25K 五险一金', 18_000, 25_000, 'CNY', null],
    ],
  ],
  [
    'bounds',
    [
      ['Starting at $21 an hour', 21, null, 'USD', 'hour'],
      ['beginning at $61,000 per year', 61_000, null, 'USD', 'year'],
      ['$58,000 or more', 58_000, null, 'USD', null],
      ['$19/hr and above', 19, null, 'USD', 'hour'],
      ['min. £30k', 30_000, null, 'GBP', null],
      ['max $72,000', null, 72_000, 'USD', null],
      ['bis zu 4.800 € im Monat', null, 4800, 'EUR', 'month'],
      ['jusqu’à 48 000 € par an', null, 48_000, 'EUR', 'year'],
      ['desde 24.000 € al año', 24_000, null, 'EUR', 'year'],
      ['hasta 3.000 € al mes', null, 3000, 'EUR', 'month'],
      ['月給30万円以上', 300_000, null, 'JPY', 'month'],
      ['年収900万円以下', null, 9_000_000, 'JPY', 'year'],
      ['NT$ 52,000 - (月薪)', 52_000, null, 'TWD', 'month'],
      ['75k+', 75_000, null, null, null],
      ['Minimum Salary: $48,500, Maximum Salary: $61,000', 48_500, 61_000, 'USD', null],
      ['Salary Min: £31k; Salary Max: £37k', 31_000, 37_000, 'GBP', null],
      ['от 80 000 руб.', 80_000, null, 'RUB', null],
    ],
  ],
  [
    'ranges and shared units',
    [
      ['24-31,000 per anum', 24_000, 31_000, null, 'year'],
      ['£27-33,000', 27_000, 33_000, 'GBP', null],
      ['12-20K·14薪', 12_000, 20_000, 'CNY', 'month'],
      ['2-3万/月', 20_000, 30_000, 'CNY', 'month'],
      ['年収 550万円〜750万円', 5_500_000, 7_500_000, 'JPY', 'year'],
      ['8千-1.2万', 8000, 12_000, 'CNY', null],
      ['₹15-22 LPA', 1_500_000, 2_200_000, 'INR', 'year'],
      ['£300 – £380 per day', 300, 380, 'GBP', 'day'],
      ['$95,000 – $80,000', 80_000, 95_000, 'USD', null],
      ['od 14 000 do 18 000 zł', 14_000, 18_000, 'PLN', null],
      ['от 200 до 260 тыс. руб.', 200_000, 260_000, 'RUB', null],
      ['18 000 – 24 000 kr/mån', 18_000, 24_000, 'SEK', 'month'],
      ['$72,500K - $80,000', 72_500, 80_000, 'USD', null],
      ['$38-44,500k', 38_000, 44_500, 'USD', null],
      ['£60k _£70k', 60_000, 70_000, 'GBP', null],
    ],
  ],
  [
    'locale numbers and three-decimal currencies',
    [
      ['الراتب : 720.000', 720, 720, null, null],
      ['KWD 950.000 monthly', 950, 950, 'KWD', 'month'],
      ['JOD 1,100.500 per month', 1100.5, 1100.5, 'JOD', 'month'],
      ['الراتب ٩٠٠٠ درهم', 9000, 9000, 'AED', null],
      ["CHF 8'400 pro Monat", 8400, 8400, 'CHF', 'month'],
      ['61 000 € brut annuel', 61_000, 61_000, 'EUR', 'year'],
      ['2.345,50 € brutto pro Monat', 2345.5, 2345.5, 'EUR', 'month'],
      ['₹ 7,50,000 per annum', 750_000, 750_000, 'INR', 'year'],
      ['$1,875.25 per week', 1875.25, 1875.25, 'USD', 'week'],
    ],
  ],
  [
    'currency from symbol, name or language',
    [
      ['Lønn: kr 640 000 – 720 000 per år', 640_000, 720_000, 'NOK', 'year'],
      ['Lön: 36 000 kr per månad', 36_000, 36_000, 'SEK', 'month'],
      ['Løn 38.500 kr. om måneden', 38_500, 38_500, 'DKK', 'month'],
      ['HK$ 28,000 per month', 28_000, 28_000, 'HKD', 'month'],
      ['A$95k + super', 95_000, 95_000, 'AUD', null],
      ['$88,000 - $96,000 + super', 88_000, 96_000, 'AUD', null],
      ['C$72,000', 72_000, 72_000, 'CAD', null],
      ['R$ 7.200 por mês', 7200, 7200, 'BRL', 'month'],
      ['Rs 42,000 per month', 42_000, 42_000, 'INR', 'month'],
      ['₩45,000,000', 45_000_000, 45_000_000, 'KRW', null],
      ['₺32.000 aylık', 32_000, 32_000, 'TRY', 'month'],
      ['SAR 11,000 per month', 11_000, 11_000, 'SAR', 'month'],
      ['9,000 - 12,000 ر.س', 9000, 12_000, 'SAR', null],
      ['¥8,000 - ¥12,000 元/月', 8000, 12_000, 'CNY', 'month'],
      ['CAD $58,000 – $66,000 a year', 58_000, 66_000, 'CAD', 'year'],
      ['$95k - $110k (AUD)', 95_000, 110_000, 'AUD', null],
    ],
  ],
  [
    'pay in prose',
    [
      ['FTE £19,800 for this 25-hour role', 19_800, 19_800, 'GBP', null],
      ['We have 120 employees in 4 countries and pay $70,000 - $85,000 a year', 70_000, 85_000, 'USD', 'year'],
      ['$23/hr (approx. $47,800/yr)', 23, 23, 'USD', 'hour'],
      ['Salary: £32,000 plus a £1,000 welcome bonus', 32_000, 32_000, 'GBP', null],
      ['Hours: 20-25 per week. Pay: $15.50 an hour', 15.5, 15.5, 'USD', 'hour'],
      ['Gehalt: 58.000 € brutto jährlich, 30 Tage Urlaub', 58_000, 58_000, 'EUR', 'year'],
      ['Competitive hourly rate plus commission (OTE 75k)', 75_000, 75_000, null, null],
      ['Sales Associate – $16/hr', 16, 16, 'USD', 'hour'],
      ['Private Equity Analyst $140k', 140_000, 140_000, 'USD', null],
      ['Revenue Cycle Specialist - $24/hr', 24, 24, 'USD', 'hour'],
      ['Prime annuelle de 1 500 €, salaire fixe 41 k€', 41_000, 41_000, 'EUR', null],
      ['Weekly lunch stipend of $60 and a base salary of $95,000', 95_000, 95_000, 'USD', null],
      ['Bonus Operations Coordinator: $58,000', 58_000, 58_000, 'USD', null],
      ['Restaurant Manager £32,000 per annum', 32_000, 32_000, 'GBP', 'year'],
      ['Transport Planner $78k', 78_000, 78_000, 'USD', null],
      ['Charge Nurse £36,000 per annum', 36_000, 36_000, 'GBP', 'year'],
      ['Care Assistant – Vale of Glamorgan – £11.50 per hour', 11.5, 11.5, 'GBP', 'hour'],
      ['Got a 5% raise to $71k', 71_000, 71_000, 'USD', null],
      ['Offer: 90k + 15% bonus + 25k sign-on', 90_000, 90_000, null, null],
      ['Hourly pay: $18-$21/hour. Shifts: 4-6 hours per day', 18, 21, 'USD', 'hour'],
      ['Earning potential $40,000-$65,000 (three Sundays per month required)', 40_000, 65_000, 'USD', null],
      ['Base: $88,000 - $97,000. Annual bonus up to 10% of base.', 88_000, 97_000, 'USD', null],
      ['時給1100円(月収例180000円)', 1100, 1100, 'JPY', 'hour'],
    ],
  ],
  [
    'more languages, units and bounds',
    [
      ['R 320 000 - R 410 000 per annum', 320_000, 410_000, 'ZAR', 'year'],
      ['R18 500 CTC per month', 18_500, 18_500, 'ZAR', 'month'],
      ['E£ 9,500 monthly', 9500, 9500, 'EGP', 'month'],
      ['Palkka 2800-3300 €/kk', 2800, 3300, 'EUR', 'month'],
      ['Tuntipalkka 14,50 €', 14.5, 14.5, 'EUR', 'hour'],
      ['bruttó 650 000 Ft/hó', 650_000, 650_000, 'HUF', 'month'],
      ['45 000 - 55 000 Kč/měsíc', 45_000, 55_000, 'CZK', 'month'],
      ['250 Kč/hod', 250, 250, 'CZK', 'hour'],
      ['เงินเดือน 18,000 - 24,000 บาท', 18_000, 24_000, 'THB', 'month'],
      ['30,000 บาท/เดือน', 30_000, 30_000, 'THB', 'month'],
      ['25,000 บาท ขึ้นไป', 25_000, null, 'THB', null],
      ['Từ 12 triệu', 12_000_000, null, 'VND', null],
      ['Tới 1,800 USD', null, 1800, 'USD', null],
      ['Trên 20 triệu', 20_000_000, null, 'VND', null],
      ['18 triệu trở lên', 18_000_000, null, 'VND', null],
      ['Gaji hingga Rp 9.000.000 per bulan', null, 9_000_000, 'IDR', 'month'],
      ['月180000円', 180_000, 180_000, 'JPY', 'month'],
      ['日給9千円＋交通費', 9000, 9000, 'JPY', 'day'],
      ['CTC 8,50,000 per annum', 850_000, 850_000, 'INR', 'year'],
      ['الراتب 2.300 د.ك', 2300, 2300, 'KWD', null],
      ['KWD 725.000 monthly', 725, 725, 'KWD', 'month'],
      ['底薪3500+提成', 3500, 3500, 'CNY', null],
      ['6-9K 包住', 6000, 9000, 'CNY', null],
      ['年薪25-40W', 250_000, 400_000, 'CNY', 'year'],
      ['Lương cơ bản mỗi tháng 8.500.000', 8_500_000, 8_500_000, 'VND', 'month'],
      ['Sueldo: $11,000 a $13,500 (Mensual)', 11_000, 13_500, 'MXN', 'month'],
      ['$1,500 - $2,200 USD mensuales', 1500, 2200, 'USD', 'month'],
      ['月薪1.2W以上', 12_000, null, 'CNY', 'month'],
      ['з/п 40-55 т.р.', 40_000, 55_000, 'RUB', null],
      ['R 28k pm', 28_000, 28_000, 'ZAR', 'month'],
      ["CHF 95'000.– bis 110'000.–", 95_000, 110_000, 'CHF', null],
      ['S/ 2,800 - 3,600 mensual', 2800, 3600, 'PEN', 'month'],
      ['Sueldo: Q5,500', 5500, 5500, 'GTQ', null],
      ['TJM : 550 € selon profil', 550, 550, 'EUR', 'day'],
      ['Salary not to exceed $95,000 per year', null, 95_000, 'USD', 'year'],
      ['Le salaire ne dépassera pas 2 400 € brut par mois', null, 2400, 'EUR', 'month'],
      ['Rémunération : 3 100 € brut mensuel, tickets restaurant de 10 €', 3100, 3100, 'EUR', 'month'],
      ['Salário: R$ 4.200,00 + vale-refeição de R$ 30/dia', 4200, 4200, 'BRL', null],
      ['le salaire va de 30 à 38 k€ par an', 30_000, 38_000, 'EUR', 'year'],
    ],
  ],
];

describe.each(families)('parseSalary: %s', (_name, list) => {
  it.each(list)('%s', (text, min, max, currency, period) => {
    const s = parseSalary(text);
    expect(s, text).not.toBeNull();
    expect({ min: s!.min, max: s!.max, currency: s!.currency, period: s!.period }).toEqual({ min, max, currency, period });
    expect(SalarySchema.safeParse(s).success).toBe(true);
  });
});

describe('parseSalary: figures that are not pay', () => {
  it.each([
    ['$3,000 sign on bonus'],
    ['£250 bonus for referring a friend'],
    ['$5,000 relocation allowance'],
    ['$150M to $300M (USD)'],
    ['>$2bn annual revenue'],
    ['Revenue: $10 to $25 million (USD)'],
    ['$1 to $5 million (USD)'],
    ['$10+ billion (USD)'],
    ['Expected hours: 25 – 35 per week'],
    ['This is a 35-hour role'],
    ['legal fees (£60-180/month)'],
    ['Membership costs $30 per month'],
    ['Gym membership £35/month'],
    ['I paid $350 for the course'],
    ['$10 off your first order'],
    ['plus salary packaging to $16,000pa'],
    ['13-15薪'],
    ['20% off products'],
    ['3+ years of experience'],
    ['Team of 25 engineers'],
    ['Closing date 30/06/2025'],
    ['Call 0412 345 678'],
    ['Requires iOS 17.2'],
    ['Postcode 3000, Melbourne'],
    ['業績連動賞与年2回'],
    ['資本金 5000万円'],
    ['300,000円 賞与実績'],
    ['Tickets restaurant de 9,50 € par jour travaillé'],
    ['Carte Swile créditée de 11 € par jour'],
    ['Mutuelle prise en charge à 70 %, forfait mobilité de 40 € par mois'],
    ['Une prime de fin d’année versée en décembre (environ 800 euros)'],
    ['Inclus : 13ème mois et prime de vacances de 900 €'],
    ['Vale-refeição de R$ 35 por dia'],
    ['餐补 600元/月'],
    ['Dodatek za dojazdy 300 zł miesięcznie'],
    ['Urlaubsgeld: 1.200 € jährlich'],
    ['Q3 2024 results'],
    ['Vales de despensa por $900 mensuales'],
    ['注册资本500万'],
    ['13 tháng lương/năm'],
    ['Pengalaman minimal 2 tahun'],
    ['1000W power supply'],
    ['Компенсация фитнеса 2500 руб. в месяц'],
    ['Hỗ trợ ăn trưa 30.000 đồng/ngày'],
    ['60,000円 家族手当'],
    ['A relocation stipend of $8,000 is offered.'],
    ['We processed $2,000,000 in payments last quarter'],
  ])('%j → null', (text) => {
    expect(parseSalary(text)).toBeNull();
  });
});

describe('parseSalary: comparatives and prices in prose', () => {
  it.each([
    ['Buscamos perfil con sueldo de más de 2.500 € brutos al mes', 2500, null],
    ['Das Gehalt liegt bei mehr als 4.200 Euro im Monat', 4200, null],
    ['Rémunération : plus de 38 000 € par an', 38000, null],
    ['Salary of less than £30,000 a year', null, 30000],
    ['Vergütung: weniger als 3.000 € monatlich', null, 3000],
    ['Wynagrodzenie ponad 9 000 zł brutto', 9000, null],
    ['時薪 190元↑ 可排班', 190, null],
  ])('%s is a one-sided bound', (text, min, max) => {
    const s = parseSalary(text);
    expect(s?.min ?? null).toBe(min);
    expect(s?.max ?? null).toBe(max);
  });

  it.each([
    'Kompaktwagen im Leasing für 189 Euro im Monat',
    'Der Rollator kostet zwischen 120 und 180 Euro',
    'Eine Betriebsrente von 240 Euro im Monat ist garantiert',
    'Anuncio: alquiler de oficina por 900 € al mes',
    'Assinatura digital por R$ 9,90 por mês',
    'Słuchawki w cenie 199 zł',
    'Koszt szkolenia to 1500 zł',
    'Bei einer 4,2-prozentigen Verzinsung kostet der Kredit 250 Euro im Monat',
  ])('%s is a price, loan, pension or subscription, not pay', (text) => {
    expect(parseSalary(text)).toBeNull();
  });
});

describe('parseSalary: numbers glued to a word by a hyphen', () => {
  it('reads a compound adjective as a count, not an amount', () => {
    const s = parseSalary('Für die 3-jährige Elternzeitvertretung zahlen wir 3.900 € brutto im Monat');
    expect(s).toMatchObject({ min: 3900, max: 3900, currency: 'EUR', period: 'month' });
  });
});

describe('parseSalary: counts of people and postings', () => {
  it.each([
    'Our network reaches 1.2 crore job seekers and 4 lakh recruiters',
    'We list 8 lakh fresh job openings every month',
    'Mais de 45.200 vagas abertas hoje',
    'Über 12.500 Stellen in ganz Deutschland',
    'Join 40k+ engineers who read our newsletter',
    'Plus de 3 000 entreprises recrutent',
  ])('%s is a count, not pay', (text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it('still reads Lakh and Crore bands and a count noun next to a stated pay', () => {
    expect(parseSalary('Rs 4 - 7 Lakh / Yr')).toMatchObject({ min: 400_000, max: 700_000, currency: 'INR', period: 'year' });
    expect(parseSalary('₹ 60 Lakh - 1.2 Crore / Yr')).toMatchObject({ min: 6_000_000, max: 12_000_000, currency: 'INR', period: 'year' });
    expect(parseSalary('Team of 12 engineers, salary 9 lakh per annum')).toMatchObject({
      min: 900_000,
      max: 900_000,
      currency: 'INR',
      period: 'year',
    });
    expect(parseSalary('30,000 per month for new staff')).toMatchObject({ min: 30_000, max: 30_000, period: 'month' });
  });
});

describe('parseSalary: Korean pay cells and hiring bonuses', () => {
  it('reads 월급, 시급 and 연봉 cells', () => {
    expect(parseSalary('월급 2,650,000원')).toMatchObject({ min: 2_650_000, max: 2_650_000, currency: 'KRW', period: 'month' });
    expect(parseSalary('시급 8,350원')).toMatchObject({ min: 8350, max: 8350, currency: 'KRW', period: 'hour' });
    expect(parseSalary('연봉 42,000,000원')).toMatchObject({ min: 42_000_000, currency: 'KRW', period: 'year' });
    expect(parseSalary('신규입사자 월급 230만원')).toMatchObject({ min: 2_300_000, currency: 'KRW', period: 'month' });
  });

  it.each(['[입사축하금 100만원] 생산직 정규직 모집', '입사지원금30만원 지급 / 주5일', '명절 보너스 50만원', '추천금 20만원 지급'])(
    '%s is a bonus, not pay',
    (text) => {
      expect(parseSalary(text)).toBeNull();
    },
  );
});

describe('parseSalary: amounts too small for the period they state', () => {
  it.each(['Musik-Streaming ab 4,99 € pro Monat', 'Cloud-Speicher für 3 Euro im Monat', 'VPN from $2.49 a month', 'Parking: £6 per day'])(
    '%s is a price, not pay',
    (text) => {
      expect(parseSalary(text)).toBeNull();
    },
  );

  it('keeps low but real wages and yearly salary-field values', () => {
    expect(parseSalary('₹90 per hour')).toMatchObject({ min: 90, currency: 'INR', period: 'hour' });
    expect(parseSalary('Gehalt: 450 € im Monat (Minijob)')).toMatchObject({ min: 450, currency: 'EUR', period: 'month' });
    expect(parseSalary('$31 - $34 p.a.')).toMatchObject({ min: 31, max: 34, currency: 'USD', period: 'year' });
  });
});

describe('parseSalary: differences', () => {
  it.each([
    'Mit dem neuen Tarif zahlen Sie 15 € weniger',
    'The upgrade is now $20 cheaper',
    'Nurses there earn £3,000 more than the regional average',
  ])('%s states a difference, not pay', (text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it('still reads "or more" bounds and a figure plus benefits', () => {
    expect(parseSalary('£28,000 or more')).toMatchObject({ min: 28_000, max: null, currency: 'GBP' });
    expect(parseSalary('45 000 € plus primes')).toMatchObject({ min: 45_000, max: 45_000, currency: 'EUR' });
  });
});

describe('parseSalary: pay every other week or month', () => {
  it.each([
    ['USD 1,950 bi-weekly', 1950, 1950],
    ['$1,700 - $2,050 biweekly', 1700, 2050],
    ['CA$2,300 semi-monthly', 2300, 2300],
    ['$3,100 bi-monthly gross', 3100, 3100],
  ])('%s keeps the amount and states no period (not weekly or monthly pay)', (text, min, max) => {
    expect(parseSalary(text)).toMatchObject({ min, max, period: null });
  });

  it('a period stated beside the pay schedule still counts', () => {
    expect(parseSalary('$31 an hour, paid bi-weekly')).toMatchObject({ min: 31, period: 'hour' });
    expect(parseSalary('£540 weekly')).toMatchObject({ min: 540, period: 'week' });
  });
});

describe('parseSalary: options', () => {
  it('a country hint settles kr and $', () => {
    expect(parseSalary('kr 45 000 per måned', { country: 'NO' })?.currency).toBe('NOK');
    expect(parseSalary('$80,000 a year', { country: 'CA' })?.currency).toBe('CAD');
    expect(parseSalary('€50,000', { country: 'CA' })?.currency).toBe('EUR');
  });
  it('a currency hint makes 650.000 dinars read as 650', () => {
    expect(parseSalary('Salary 650.000', { defaultCurrency: 'KWD' })).toMatchObject({ min: 650, max: 650, currency: 'KWD' });
  });
  it('carries the number of monthly salaries', () => {
    expect(parseSalary('20-28K·15薪')?.monthsPerYear).toBe(15);
    expect(parseSalary('$20 - $28 an hour')?.monthsPerYear).toBeUndefined();
  });
});

// Issue #13: bounded work, typed errors, no Infinity.
describe('parseSalary: hostile input', () => {
  it('throws INVALID_ARGUMENT on a non-string', () => {
    for (const bad of [null, undefined, 42, {}, ['$5'], Symbol('x')]) {
      let caught: unknown;
      try {
        parseSalary(bad as unknown as string);
      } catch (e) {
        caught = e;
      }
      expect(JobkitError.is(caught, 'INVALID_ARGUMENT')).toBe(true);
    }
  });

  it('returns null, not Infinity, for a 400-digit amount', () => {
    expect(parseSalary(`$${'9'.repeat(400)}`)).toBeNull();
    expect(parseSalary(`${'1'.repeat(400)} EUR per year`)).toBeNull();
    expect(parseSalary('$2,000,000,000,000')).toBeNull();
  });

  it('stays linear on 60 KB of amounts and whitespace', () => {
    const cases = [
      '$1 '.repeat(20_000),
      `$1${' '.repeat(60_000)}yyyyy`,
      '1,000 - '.repeat(7_500),
      '9'.repeat(60_000),
      '1 000 '.repeat(10_000),
      '万'.repeat(60_000),
    ];
    for (const text of cases) {
      const start = performance.now();
      parseSalary(text);
      expect(performance.now() - start).toBeLessThan(500);
    }
  });

  it('reads only the first MAX_SALARY_INPUT characters', () => {
    expect(parseSalary(`${' '.repeat(MAX_SALARY_INPUT)}$50,000`)).toBeNull();
    expect(parseSalary(`$50,000${' '.repeat(MAX_SALARY_INPUT)}`)?.min).toBe(50_000);
  });

  it('never throws on strings, returns schema-valid salaries and stays within a time budget', () => {
    const pieces = fc.constantFrom(
      '$',
      '€',
      '£',
      '¥',
      'kr',
      'NT$',
      '₹',
      'k',
      'K',
      '万',
      '千',
      '薪',
      '·',
      '-',
      '–',
      '~',
      '〜',
      ' ',
      '\u00a0',
      ',',
      '.',
      "'",
      '+',
      '/',
      '(',
      ')',
      'per',
      'an',
      'hour',
      'year',
      'month',
      'up to',
      'from',
      'bis',
      'ab',
      'bonus',
      'revenue',
      'LPA',
      '月給',
      '年収',
      '円',
      '以上',
      'الراتب',
      '٦٥٠',
      'p.a.',
      'hrs',
      '%',
      '0',
      '9',
      '12',
      '1,000',
      '650.000',
      '2024',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const start = performance.now();
        const s = parseSalary(t);
        // Generous: the machine is shared; a quadratic path on 200 chars would still show.
        expect(performance.now() - start).toBeLessThan(250);
        if (s) {
          expect(SalarySchema.safeParse(s).success).toBe(true);
          if (s.min !== null && s.max !== null) expect(s.min).toBeLessThanOrEqual(s.max);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('payField: the value of an API salary field is pay even when small', () => {
  it('a tiny hourly figure with no pay word is a price in prose, pay in a salary field', () => {
    expect(parseSalary('$0.05 – $0.06 / hour')).toBeNull();
    expect(parseSalary('$0.05 – $0.06 / hour', { payField: true })).toMatchObject({
      min: 0.05,
      max: 0.06,
      currency: 'USD',
      period: 'hour',
    });
    expect(parseSalary('€3 – €4 per month', { payField: true })).toMatchObject({ min: 3, max: 4, currency: 'EUR', period: 'month' });
  });
});
