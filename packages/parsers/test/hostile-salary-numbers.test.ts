import { describe, expect, it } from 'vitest';
import { parseSalary } from '../src/index.js';

describe('parseSalary: exponent notation is not an amount', () => {
  it.each(['$1e309 - $2e309', '$2e5', '€2E+5 per year', '1E6 EUR', '£3e-2 - £4e-2 per hour'])('%s → null', (text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it('an exponent literal beside a real range leaves the range alone', () => {
    const s = parseSalary('Req 12E34: $100k - $120k');
    expect(s).toMatchObject({ min: 100_000, max: 120_000, currency: 'USD' });
  });

  it('letters glued to amounts that are not exponents still read as before', () => {
    expect(parseSalary('30EUR/h')).toMatchObject({ min: 30, currency: 'EUR', period: 'hour' });
    expect(parseSalary('$100k - 120k')).toMatchObject({ min: 100_000, max: 120_000 });
  });
});
