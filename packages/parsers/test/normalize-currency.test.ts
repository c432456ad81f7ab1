import { describe, expect, it } from 'vitest';
import { currencyOfCountry, resolveAmbiguousCurrency } from '../src/normalize/currency.js';
import { normalizeCurrency } from '../src/normalize/index.js';

describe('normalizeCurrency', () => {
  it.each([
    ['$', 'USD'],
    ['€', 'EUR'],
    ['£', 'GBP'],
    ['₹', 'INR'],
    ['¥', 'JPY'],
    ['₩', 'KRW'],
    ['usd', 'USD'],
    ['Eur', 'EUR'],
    ['A$', 'AUD'],
    ['C$', 'CAD'],
    ['NZ$', 'NZD'],
    ['HK$', 'HKD'],
    ['S$', 'SGD'],
    ['MX$', 'MXN'],
    ['R$', 'BRL'],
    ['CHF', 'CHF'],
    ['RMB', 'CNY'],
    ['zł', 'PLN'],
    ['euros', 'EUR'],
    ['Dollars', 'USD'],
    [' gbp ', 'GBP'],
  ])('%j → %s', (input, code) => expect(normalizeCurrency(input)).toBe(code));

  it.each([['ABC'], ['PER'], [''], ['money'], ['kr']])('rejects %j', (input) => {
    expect(normalizeCurrency(input)).toBeUndefined();
  });
});

describe('currency words and family marks', () => {
  it.each([
    ['złotych', 'PLN'],
    ['Kč', 'CZK'],
    ['руб', 'RUB'],
    ['درهم', 'AED'],
    ['ر.س', 'SAR'],
    ['円', 'JPY'],
    ['元', 'CNY'],
    ['₩', 'KRW'],
    ['₺', 'TRY'],
    ['riyal', 'SAR'],
    ['pesos', 'MXN'],
    ['kronor', 'SEK'],
  ])('%j → %s', (input, code) => expect(normalizeCurrency(input)).toBe(code));

  it('settles kr from the language, a hint or not at all', () => {
    const none = { no: 0, sv: 0, da: 0, zh: 0, ja: 0 };
    expect(resolveAmbiguousCurrency('KRONE', { ...none, no: 2 })).toBe('NOK');
    expect(resolveAmbiguousCurrency('KRONE', { ...none, sv: 3, no: 1 })).toBe('SEK');
    expect(resolveAmbiguousCurrency('KRONE', { ...none, da: 2 })).toBe('DKK');
    expect(resolveAmbiguousCurrency('KRONE', { ...none, no: 1, da: 1 })).toBeNull();
    expect(resolveAmbiguousCurrency('KRONE', { ...none, hint: 'DKK', no: 5 })).toBe('DKK');
    expect(resolveAmbiguousCurrency('KRONE', { ...none, hint: 'EUR' })).toBeNull();
  });

  it('reads $ and ¥ with hints and language', () => {
    const none = { no: 0, sv: 0, da: 0, zh: 0, ja: 0 };
    expect(resolveAmbiguousCurrency('DOLLAR', none)).toBe('USD');
    expect(resolveAmbiguousCurrency('DOLLAR', { ...none, hint: 'AUD' })).toBe('AUD');
    expect(resolveAmbiguousCurrency('YEN', { ...none, zh: 2 })).toBe('CNY');
    expect(resolveAmbiguousCurrency('DINAR', none)).toBeNull();
    expect(resolveAmbiguousCurrency('DINAR', { ...none, qualifier: 'KWD' })).toBe('KWD');
  });

  it('maps countries to their currency', () => {
    expect(currencyOfCountry('no')).toBe('NOK');
    expect(currencyOfCountry('TW')).toBe('TWD');
    expect(currencyOfCountry('XX')).toBeUndefined();
  });
});

describe('rupee and yuan families', () => {
  const none = { no: 0, sv: 0, da: 0, zh: 0, ja: 0 };
  it('reads Rs as the rupee of the hinted country, else INR', () => {
    expect(resolveAmbiguousCurrency('RUPEE', none)).toBe('INR');
    expect(resolveAmbiguousCurrency('RUPEE', { ...none, hint: 'PKR' })).toBe('PKR');
    expect(resolveAmbiguousCurrency('RUPEE', { ...none, hint: 'EUR' })).toBe('INR');
    expect(currencyOfCountry('lk')).toBe('LKR');
  });
  it('reads 元 as the hinted yuan or dollar, else CNY', () => {
    expect(resolveAmbiguousCurrency('YUAN', none)).toBe('CNY');
    expect(resolveAmbiguousCurrency('YUAN', { ...none, hint: 'TWD' })).toBe('TWD');
  });
});
