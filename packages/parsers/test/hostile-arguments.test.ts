/**
 * Wrong argument types at the public normalizers: `INVALID_ARGUMENT` naming the function, never
 * a `TypeError` from inside it (`nameOrCode.trim is not a function`).
 */
import { describe, expect, it } from 'vitest';
import { expectInvalid } from '../../core/test/hostile-helpers.js';
import {
  countryDisplayName,
  harmonizeLocations,
  isJobUrl,
  lookupCity,
  lookupRegion,
  normalizeCountry,
  normalizeCurrency,
  parseEmploymentType,
  parseWorkplaceType,
} from '../src/index.js';

const NOT_STRINGS: unknown[] = [undefined, null, 42, {}, ['DE'], Symbol('s'), () => 'DE'];

describe('normalizers refuse wrong argument types with INVALID_ARGUMENT', () => {
  it('string normalizers', () => {
    const fns: Array<[string, (v: never) => unknown]> = [
      ['normalizeCountry', normalizeCountry],
      ['normalizeCurrency', normalizeCurrency],
      ['parseWorkplaceType', parseWorkplaceType],
      ['countryDisplayName', countryDisplayName],
    ];
    for (const [name, fn] of fns) for (const v of NOT_STRINGS) expectInvalid(name, () => fn(v as never));
    for (const v of NOT_STRINGS.filter((x) => !Array.isArray(x)))
      expectInvalid('parseEmploymentType', () => parseEmploymentType(v as never));
    expectInvalid('parseEmploymentType', () => parseEmploymentType(['FULL_TIME', 5] as never));
    expect(parseEmploymentType(['FULL_TIME', 'part-time'])).toEqual(['full_time', 'part_time']);
  });

  it('gazetteer lookups: empty means not found, other non-strings are refused', () => {
    expect(lookupCity(undefined as never)).toBeUndefined();
    expect(lookupCity('')).toBeUndefined();
    expect(lookupRegion(null as never, 'DE')).toBeUndefined();
    for (const v of [42, {}, ['Berlin']]) {
      expectInvalid('lookupCity', () => lookupCity(v as never));
      expectInvalid('lookupRegion', () => lookupRegion(v as never, 'DE'));
    }
    expectInvalid('lookupRegion country', () => lookupRegion('Bayern', 5 as never));
    expect(lookupCity('Berlin')?.country).toBe('DE');
  });

  it('harmonizeLocations and isJobUrl', () => {
    for (const v of [undefined, null, 'Berlin', {}]) expectInvalid('harmonizeLocations', () => harmonizeLocations(v as never));
    for (const v of [undefined, null, 'https://acme.example/jobs/1', {}]) expectInvalid('isJobUrl', () => isJobUrl(v as never));
    expect(isJobUrl(new URL('https://acme.example/jobs/123-engineer'))).toBe(true);
  });
});
