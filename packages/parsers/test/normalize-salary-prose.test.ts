/**
 * Families found on the fourth labelling pass (web-page sentences and France Travail offers): money in prose that
 * is not pay, prices and instalments, and pay notations the grammar missed. Every string here is written for the
 * test; none is copied from the bench corpus.
 */
import { describe, expect, it } from 'vitest';
import { parseSalary } from '../src/normalize/index.js';

type Want = { min: number | null; max: number | null; currency: string | null; period: string | null };
const read = (text: string): Want | null => {
  const s = parseSalary(text);
  return s ? { min: s.min, max: s.max, currency: s.currency, period: s.period } : null;
};

describe('parseSalary: a sentence that names no pay, work or earning is not pay', () => {
  it.each([
    "She found a rare coin worth $4,500 in her grandmother's attic last spring.",
    'El gobierno destinó $350 mil a la remodelación del parque central de la ciudad.',
    "La mairie a versé 12 000 euros à l'association des commerçants du quartier.",
    'A prefeitura gastou R$ 80 mil na reforma da praça principal do bairro.',
    'Nowy telefon tej marki można kupić w sklepach za 2499 zł od przyszłego tygodnia.',
    'Im Baumarkt gibt es den Akkuschrauber diese Woche schon ab 49 Euro zu kaufen.',
    'Der Händler verlangt für das gebrauchte Sofa inzwischen nur noch 230 Euro.',
  ])('%s', (text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it('keeps the pay when the sentence names work, workers or earning', () => {
    expect(read('Our warehouse team members earn $19.50 an hour plus overtime.')).toEqual({
      min: 19.5,
      max: 19.5,
      currency: 'USD',
      period: 'hour',
    });
    expect(read('Die Mitarbeiterinnen im Lager verdienen 2.900 Euro brutto im Monat.')).toEqual({
      min: 2900,
      max: 2900,
      currency: 'EUR',
      period: 'month',
    });
    expect(read("Les salariés de l'usine gagnent 1 950 euros nets par mois depuis janvier.")).toEqual({
      min: 1950,
      max: 1950,
      currency: 'EUR',
      period: 'month',
    });
    expect(read('Faixa salarial: R$ 5.000 a R$ 7.000 (PJ), remoto para empresa de tecnologia em São Paulo')).toEqual({
      min: 5000,
      max: 7000,
      currency: 'BRL',
      period: null,
    });
  });

  it('a job title or a job-ad word puts a sentence in a job setting', () => {
    expect(read('Experienced electrician for a residential project in Graz, 2.800 € monthly, start in March')).toEqual({
      min: 2800,
      max: 2800,
      currency: 'EUR',
      period: 'month',
    });
    expect(read('Vollzeit im Schichtbetrieb in Bremen, 3.100 € monatlich, Start im März')).toEqual({
      min: 3100,
      max: 3100,
      currency: 'EUR',
      period: 'month',
    });
  });

  it('keeps a value that opens the text, a line or a segment of a listing line', () => {
    expect(read('Warehouse Operative – Leeds City Centre – £11.80 per hour')).toEqual({
      min: 11.8,
      max: 11.8,
      currency: 'GBP',
      period: 'hour',
    });
    expect(read('AU$650 per day, Conditions: 8 hour day, 40 hour week onsite in Perth')).toEqual({
      min: 650,
      max: 650,
      currency: 'AUD',
      period: 'day',
    });
  });

  it('an hourly figure of wage size is pay even in a sentence with no pay word', () => {
    expect(read('Busy diner looking for a short-order cook, $17 an hour plus tips')).toEqual({
      min: 17,
      max: 17,
      currency: 'USD',
      period: 'hour',
    });
    expect(parseSalary('Parken kostet 3 € pro Stunde in der Innenstadt bis Mitternacht')).toBeNull();
  });

  it('so is a monthly or yearly figure of wage size, but not company money of the same shape', () => {
    expect(read('Bis zu 3.800 € im Monat und ein Firmenwagen warten auf Sie')).toEqual({
      min: null,
      max: 3800,
      currency: 'EUR',
      period: 'month',
    });
    expect(read('On offer is up to £52,000 plus car and pension')).toEqual({ min: null, max: 52000, currency: 'GBP', period: null });
    expect(parseSalary('Con 40 camiones la planta factura $245,000.00 mensuales según la cámara local')).toBeNull();
  });

  it('a long German compound ending in a fee, fine, bonus or price word is not pay', () => {
    expect(parseSalary('Urteil: 20.000 Euro Datenschutz-Bußgeld für die Klinik')).toBeNull();
    expect(parseSalary('Der Verein erhielt 3.000 Euro Siegerprämie')).toBeNull();
    expect(parseSalary('Rund 450 Euro Jahresmiete')).toBeNull();
  });

  it('a pay field is pay however long the text', () => {
    expect(read('Grandma kept $4,500 in a tin box under the stairs')).toBeNull();
    expect(parseSalary('Grandma kept $4,500 in a tin box under the stairs', { payField: true })).toMatchObject({ min: 4500 });
  });
});

describe('parseSalary: prices, instalments and per-thing prices', () => {
  it.each([
    'Kopfhörer für 79 Euro',
    'Now only $12.99',
    'Sonderangebot: nur 19,99 €',
    'Taschenbuch 9,95 statt vorher 16,00 EUR',
    'Die monatliche Rate für den Kleinwagen beträgt 189 Euro.',
    'Rate: 245,10 Euro pro Monat',
    'Eintritt: 8 Euro pro Person',
    'Room service: $45 per night',
    'premia kwartalna 500 zł',
    '+ премія 300 zł',
    '추천인 20만원 지급',
    '합격자 전원 30만원',
    'In 30 Ländern arbeiten 12.000 Beschäftigte',
    "Yeni telefon 32.000 TL'ye satışa çıktı",
    'Bilety na mecz od 89 zł',
    'Il biglietto del treno costa 19 euro',
    'Preço da gasolina chega a R$ 6,45',
    'El diésel sube a $23.10 por litro',
    'Heute 15% Rabatt, ab 4,99 €',
    '1.500 Euro für Tierheim Nord',
    '$250 for the weekend workshop',
    'Gutschein im Wert von 25 Euro',
  ])('%s is not pay', (text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it('keeps pay labels that look alike', () => {
    expect(read('Gehalt: 79.000 Euro')).toEqual({ min: 79000, max: 79000, currency: 'EUR', period: null });
    expect(read('Day rate: £450')).toEqual({ min: 450, max: 450, currency: 'GBP', period: 'day' });
    expect(read('월급 220만원')).toEqual({ min: 2_200_000, max: 2_200_000, currency: 'KRW', period: 'month' });
    expect(read('€14 for an hour of tutoring')).toEqual({ min: 14, max: 14, currency: 'EUR', period: 'hour' });
  });
});

describe('parseSalary: things on web pages that look like money', () => {
  it.each([
    '2 TL Zucker und 1 Prise Salz',
    'Bestzeit: 58.12 sek.',
    '新款平板售价2599元起',
    '这双鞋只要89元',
    '送料無料（3,000円以上のご注文）',
    '배송비 2,500원',
    '이 가방은 49,000원에 판매됩니다',
    'Tickets für die EURO 2028 sind begehrt',
    'Adapter RS485 auf USB',
    'Peso: $4.120,50',
    'UF: $36.100,12',
    '148.20 ¥/$ (17 Uhr)',
    'Olivenöl extra vergine (18,40 €/l)',
    'Bis 150€ Wechselbonus sichern',
    'Restwert: 12.500 Euro',
    '$ sudo apt install python3 && echo 3',
    '3.400 Leser haben das neue Heft bewertet und gelobt',
  ])('%s is not pay', (text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it('an upper-case code that names a language or software is not the currency', () => {
    expect(read('CAD Drafter, $31/hr, Tacoma')).toEqual({ min: 31, max: 31, currency: 'USD', period: 'hour' });
    expect(read('CAD draughtsman 52,000')).toEqual({ min: 52000, max: 52000, currency: null, period: null });
    expect(parseSalary('Développeur PHP / Symfony - CDI - Melun (77)')).toBeNull();
    expect(read('Salary in CAD: 80,000 - 95,000')).toEqual({ min: 80000, max: 95000, currency: 'CAD', period: null });
    expect(read('EUR base salary 64,000')).toEqual({ min: 64000, max: 64000, currency: 'EUR', period: null });
  });

  it('keeps the pay those rules sit next to', () => {
    expect(read('NZD24 - NZD27 per hour')).toEqual({ min: 24, max: 27, currency: 'NZD', period: 'hour' });
    expect(read("12,10 € brut de l'heure")).toEqual({ min: 12.1, max: 12.1, currency: 'EUR', period: 'hour' });
    expect(read('Maaş: 42.000 TL net')).toEqual({ min: 42000, max: 42000, currency: 'TRY', period: null });
    expect(read('시급 10,500원부터')).toEqual({ min: 10500, max: null, currency: 'KRW', period: 'hour' });
    expect(read('월급 230만원부터')).toEqual({ min: 2_300_000, max: null, currency: 'KRW', period: 'month' });
    expect(read('연봉 3,600만원까지')).toEqual({ min: null, max: 36_000_000, currency: 'KRW', period: 'year' });
  });
});

describe('parseSalary: HTML character references left in scraped fields', () => {
  it('decodes them before reading, so their digits are not amounts', () => {
    expect(read('$1,980.40 &#8211; $2,410.90 per fortnight')).toEqual({ min: 1980.4, max: 2410.9, currency: 'USD', period: null });
    expect(read('R&eacute;mun&eacute;ration : 2 150&nbsp;&euro; brut/mois')).toEqual({
      min: 2150,
      max: 2150,
      currency: 'EUR',
      period: 'month',
    });
    expect(read('Sal&#225;rio: R$ 3.900,00 &#x2F; m&#234;s')).toEqual({ min: 3900, max: 3900, currency: 'BRL', period: 'month' });
    expect(parseSalary('Rent from $249&#47;week')).toBeNull();
    expect(read('Tom &amp; Jerry Ltd, $24/hr, &#99999999999; broken')).toEqual({ min: 24, max: 24, currency: 'USD', period: 'hour' });
  });
});

describe('parseSalary: notations from French and other postings', () => {
  it.each<[string, Want]>([
    ['Rémunération : à partir de 52KEUR brut annuel', { min: 52000, max: null, currency: 'EUR', period: 'year' }],
    ['Salaire : 40 keuros', { min: 40000, max: 40000, currency: 'EUR', period: null }],
    ['Salaire : 45?55 K€', { min: 45000, max: 55000, currency: 'EUR', period: null }],
    ['Rémunération entre 2900 € et…', { min: 2900, max: null, currency: 'EUR', period: null }],
    ['Vergütung: 12,40 € brutto pro Monat', { min: 12.4, max: 12.4, currency: 'EUR', period: null }],
    ['Umowa zlecenie, 5200 brutto', { min: 5200, max: 5200, currency: null, period: null }],
    ['3——5万/月', { min: 30000, max: 50000, currency: 'CNY', period: 'month' }],
    ['42 000 Kč/měs', { min: 42000, max: 42000, currency: 'CZK', period: 'month' }],
    ['Salaris van maximaal €3.900 per maand', { min: null, max: 3900, currency: 'EUR', period: 'month' }],
    ['Gaji RM 3,800 - RM 5,200 sebulan', { min: 3800, max: 5200, currency: 'MYR', period: 'month' }],
    ['Sueldo de hasta $40 mil', { min: null, max: 40000, currency: 'USD', period: null }],
    ['Sueldo: $14,500 mensuales', { min: 14500, max: 14500, currency: 'MXN', period: 'month' }],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('a range with the currency on the near end only, and a unit glued to a hyphen', () => {
    expect(read('₹25–35L + ESOPs')).toEqual({ min: 2_500_000, max: 3_500_000, currency: 'INR', period: null });
    expect(read('A$110K-A$125K + super')).toEqual({ min: 110_000, max: 125_000, currency: 'AUD', period: null });
  });

  it('a period written after a plus belongs to the next item', () => {
    expect(read('$95k–$115k base + quarterly bonus')).toEqual({ min: 95_000, max: 115_000, currency: 'USD', period: null });
  });

  it("an intern's stipend is the pay of the post", () => {
    expect(read('Bolsa auxílio de R$ 1.500,00 + vale-transporte')).toEqual({ min: 1500, max: 1500, currency: 'BRL', period: null });
  });

  it('forum phrasing: thousands in Russian and Turkish, equity beside the pay, "make" as earning', () => {
    expect(read('Моя зарплата 220 тысяч рублей')).toEqual({ min: 220000, max: 220000, currency: 'RUB', period: null });
    expect(read('Maaşım 38 bin TL')).toEqual({ min: 38000, max: 38000, currency: 'TRY', period: null });
    expect(read('Offer came in at 140k base plus 30k RSUs per year')).toEqual({ min: 140000, max: 140000, currency: null, period: null });
    expect(read('Our rent is $2,100 and I make $5,200 after tax in Denver')).toEqual({
      min: 5200,
      max: 5200,
      currency: 'USD',
      period: null,
    });
  });

  it('a low monthly pay with a pay word keeps its period', () => {
    expect(read('salaire moyen de 25 € par mois')).toEqual({ min: 25, max: 25, currency: 'EUR', period: 'month' });
  });
});
