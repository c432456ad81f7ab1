/**
 * parseDate / parseLocation / resolveLocation / harmonizeLocations options at the argument
 * boundary: read once inside a guard, checked, and typed (`INVALID_ARGUMENT`, a throwing getter as
 * `cause`), never a TypeError or RangeError from deep inside. Work stays bounded on long input.
 */
import { describe, expect, it } from 'vitest';
import { expectInvalid, throwingGetter } from '../../core/test/hostile-helpers.js';
import { harmonizeLocations, parseDate, parseLocation, resolveLocation } from '../src/index.js';

const boom = new Error('getter boom');
const throwing = (key: string) => throwingGetter(key, boom);

describe('parseDate options', () => {
  it.each(['now', 'order', 'lang'])('a throwing %s getter is INVALID_ARGUMENT with its cause', (key) => {
    expectInvalid(key, () => parseDate('3 days ago', throwing(key) as never), boom);
    expectInvalid(key, () => parseDate('05/03/2024', throwing(key) as never), boom);
  });

  it.each([
    ['now: invalid Date', { now: new Date(Number.NaN) }],
    ['now: string', { now: '2026-01-01' }],
    ['order', { order: 'ymd' }],
    ['lang', { lang: 42 }],
    ['options: string', 'en'],
  ])('%s is INVALID_ARGUMENT', (_name, options) => {
    expectInvalid(String(_name), () => parseDate('3 days ago', options as never));
  });

  it('a text whose toString throws is INVALID_ARGUMENT', () => {
    expectInvalid(
      'toString',
      () =>
        parseDate({
          toString: () => {
            throw boom;
          },
        } as never),
      boom,
    );
  });

  it('valid options still work', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    expect(parseDate('3 days ago', { now })).toBe('2026-03-07');
    expect(parseDate('05/03/2024', { order: 'dmy', lang: 'en-GB' })).toBe('2024-03-05');
  });

  it('1 MB of digits and separators costs what its first 200 characters cost', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    for (const unit of ['1', '1/', '12.', '1 -', '٣/']) {
      const time = (n: number) => {
        const s = unit.repeat(Math.ceil(n / unit.length));
        const t = performance.now();
        for (let i = 0; i < 5; i++) parseDate(s, { now });
        return performance.now() - t;
      };
      time(1_000);
      const small = Math.max(time(62_500), 1);
      expect(time(1_000_000) / small, unit).toBeLessThan(40);
    }
  });
});

describe('location options', () => {
  it.each(['countryHint', 'gazetteer'])('a throwing %s getter is INVALID_ARGUMENT with its cause', (key) => {
    expectInvalid('parseLocation', () => parseLocation('Paris', throwing(key) as never), boom);
    expectInvalid('resolveLocation', () => resolveLocation({ raw: 'Paris', city: 'Paris' }, throwing(key) as never), boom);
    const [paris] = parseLocation('Paris, TX').locations;
    expectInvalid('harmonizeLocations', () => harmonizeLocations([paris!], throwing(key) as never), boom);
  });

  it.each([
    ['countryHint: number', { countryHint: 7 }],
    ['countryHint: [null]', { countryHint: [null] }],
    ['countryHint: object', { countryHint: { US: 1 } }],
    ['gazetteer: string', { gazetteer: 'no' }],
    ['options: number', 5],
  ])('%s is INVALID_ARGUMENT', (name, options) => {
    expectInvalid(name, () => parseLocation('Paris', options as never));
    expectInvalid(name, () => resolveLocation({ raw: 'Paris', city: 'Paris' }, options as never));
  });

  it('wrong item types are INVALID_ARGUMENT', () => {
    expectInvalid('harmonize [null]', () => harmonizeLocations([null] as never));
    expectInvalid('resolve null', () => resolveLocation(null as never));
    expectInvalid(
      'parseLocation toString',
      () =>
        parseLocation({
          toString: () => {
            throw boom;
          },
        } as never),
      boom,
    );
  });

  it('valid options still decide an ambiguous city', () => {
    expect(parseLocation('Paris', { countryHint: 'US' }).locations[0]?.region).toBe('TX');
    expect(parseLocation('Paris', { countryHint: ['FR'] }).locations[0]?.country).toBe('FR');
    expect(parseLocation('Paris', { gazetteer: false }).locations[0]?.geonameId).toBeUndefined();
  });

  it('harmonizeLocations on 100,000 places is linear', () => {
    const places = parseLocation('Paris; Austin, TX; Springfield; Berlin').locations;
    const time = (n: number) => {
      const list = Array.from({ length: n }, (_, i) => places[i % places.length]!);
      const t = performance.now();
      expect(harmonizeLocations(list)).toHaveLength(n);
      return performance.now() - t;
    };
    time(1_000);
    const small = Math.max(time(6_250), 1);
    expect(time(100_000) / small).toBeLessThan(40);
  });
});
