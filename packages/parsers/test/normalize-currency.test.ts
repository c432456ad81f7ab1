import { describe, expect, it } from 'vitest';
import { normalizeCurrency } from '../src/normalize/index.js';

describe('normalizeCurrency', () => {
  it.each([
    ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['₹', 'INR'], ['¥', 'JPY'], ['₩', 'KRW'], ['usd', 'USD'], ['Eur', 'EUR'],
    ['A$', 'AUD'], ['C$', 'CAD'], ['NZ$', 'NZD'], ['HK$', 'HKD'], ['S$', 'SGD'], ['MX$', 'MXN'], ['R$', 'BRL'],
    ['CHF', 'CHF'], ['RMB', 'CNY'], ['zł', 'PLN'], ['euros', 'EUR'], ['Dollars', 'USD'], [' gbp ', 'GBP'],
  ])('%j → %s', (input, code) => expect(normalizeCurrency(input)).toBe(code));

  it.each([['ABC'], ['PER'], [''], ['money'], ['kr']])('rejects %j', (input) => {
    expect(normalizeCurrency(input)).toBeUndefined();
  });
});
