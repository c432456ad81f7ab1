import { LocationSchema } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { normalizeCountry, parseLocation } from '../src/normalize/index.js';

type Loc = { city?: string; region?: string; country?: string; postalCode?: string };
// [input, expected locations without raw, workplaceType]: the parse alone (gazetteer off, labels
// and remote areas left out); canonical resolution is tested in normalize-gazetteer.test.ts.
const rows: [string, Loc[], string | null][] = [
  ['Berlin, Germany', [{ city: 'Berlin', country: 'DE' }], null],
  ['Berlin, Germany; Remote (US)', [{ city: 'Berlin', country: 'DE' }, { country: 'US' }], 'remote'],
  ['Remote', [], 'remote'],
  ['Remote - US', [{ country: 'US' }], 'remote'],
  ['Hybrid – London, UK', [{ city: 'London', country: 'GB' }], 'hybrid'],
  ['Anywhere', [], 'remote'],
  ['San Francisco, CA', [{ city: 'San Francisco', region: 'CA', country: 'US' }], null],
  ['Austin, TX, USA', [{ city: 'Austin', region: 'TX', country: 'US' }], null],
  ['Austin, Texas', [{ city: 'Austin', region: 'Texas', country: 'US' }], null],
  ['München, Bayern, Deutschland', [{ city: 'München', region: 'Bayern', country: 'DE' }], null],
  ['Paris (75)', [{ city: 'Paris', region: '75', country: 'FR' }], null],
  ['Madrid, España', [{ city: 'Madrid', country: 'ES' }], null],
  ['Barcelona, Cataluña, España', [{ city: 'Barcelona', region: 'Cataluña', country: 'ES' }], null],
  ['Washington, D.C.', [{ city: 'Washington', region: 'DC', country: 'US' }], null],
  ['New York, NY 10001', [{ city: 'New York', region: 'NY', country: 'US', postalCode: '10001' }], null],
  ['75008 Paris, France', [{ city: 'Paris', country: 'FR', postalCode: '75008' }], null],
  ['10115 Berlin', [{ city: 'Berlin', postalCode: '10115' }], null],
  ['SW1A 1AA London, UK', [{ city: 'London', country: 'GB', postalCode: 'SW1A 1AA' }], null],
  ['Toronto, ON', [{ city: 'Toronto', region: 'ON', country: 'CA' }], null],
  ['Zürich, Schweiz', [{ city: 'Zürich', country: 'CH' }], null],
  ['Lyon, FRA', [{ city: 'Lyon', country: 'FR' }], null],
  ['Genève, Suisse', [{ city: 'Genève', country: 'CH' }], null],
  ['Wien, Österreich', [{ city: 'Wien', country: 'AT' }], null],
  ['Ciudad de México, México', [{ city: 'Ciudad de México', country: 'MX' }], null],
  ['Trinidad and Tobago', [{ country: 'TT' }], null],
  ['Berlin | Hamburg | München', [{ city: 'Berlin' }, { city: 'Hamburg' }, { city: 'München' }], null],
  ['London / Dublin, Ireland', [{ city: 'London' }, { city: 'Dublin', country: 'IE' }], null],
  [
    'New York or San Francisco, CA',
    [
      { city: 'New York', region: 'NY', country: 'US' },
      { city: 'San Francisco', region: 'CA', country: 'US' },
    ],
    null,
  ],
  ['Amsterdam and Rotterdam, Netherlands', [{ city: 'Amsterdam' }, { city: 'Rotterdam', country: 'NL' }], null],
  ['Remote (Europe)', [{}], 'remote'],
  ['Télétravail, France', [{ country: 'FR' }], 'remote'],
  ['Remoto - Madrid, España', [{ city: 'Madrid', country: 'ES' }], 'remote'],
  ['On-site - Bengaluru, Karnataka, India', [{ city: 'Bengaluru', region: 'Karnataka', country: 'IN' }], 'onsite'],
  ['Deutschland', [{ country: 'DE' }], null],
  ['Texas', [{ region: 'Texas', country: 'US' }], null],
];

describe('parseLocation', () => {
  it.each(rows)('%s', (text, expected, workplaceType) => {
    const r = parseLocation(text, { gazetteer: false });
    expect(r.workplaceType).toBe(workplaceType);
    expect(r.locations.map(({ raw: _raw, display: _d, remoteRegion: _r, ...rest }) => rest)).toEqual(expected);
    for (const loc of r.locations) {
      expect(LocationSchema.safeParse(loc).success).toBe(true);
      expect(text).toContain(loc.raw);
    }
  });

  it('has at least 25 cases', () => expect(rows.length).toBeGreaterThanOrEqual(25));

  it('keeps each place raw text', () => {
    expect(parseLocation('Berlin, Germany; Remote (US)').locations.map((l) => l.raw)).toEqual(['Berlin, Germany', 'Remote (US)']);
  });

  it('returns nothing for empty text', () => {
    expect(parseLocation('   ')).toEqual({ locations: [], workplaceType: null });
  });
});

describe('normalizeCountry', () => {
  it.each([
    ['Deutschland', 'DE'],
    ['DE', 'DE'],
    ['de', 'DE'],
    ['United States', 'US'],
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['Germany', 'DE'],
    ['Allemagne', 'DE'],
    ['Alemania', 'DE'],
    ['España', 'ES'],
    ['Espana', 'ES'],
    ['Spanien', 'ES'],
    ['Royaume-Uni', 'GB'],
    ['UK', 'GB'],
    ['GBR', 'GB'],
    ['Estados Unidos', 'US'],
    ['Vereinigte Staaten', 'US'],
    ['États-Unis', 'US'],
    ['Schweiz', 'CH'],
    ['Suiza', 'CH'],
    ['Netherlands', 'NL'],
    ['Korea', 'KR'],
    // Endonyms: the country's own name in its official languages.
    ['Polska', 'PL'],
    ['Nederland', 'NL'],
    ['Česko', 'CZ'],
    ['Magyarország', 'HU'],
    ['Suomi', 'FI'],
    ['Sverige', 'SE'],
    ['Norge', 'NO'],
    ['Italia', 'IT'],
    ['Brasil', 'BR'],
    ['日本', 'JP'],
    ['中国', 'CN'],
    ['Россия', 'RU'],
    ['Україна', 'UA'],
    ['대한민국', 'KR'],
    ['Việt Nam', 'VN'],
    ['Ελλάδα', 'GR'],
  ])('%s → %s', (input, code) => expect(normalizeCountry(input)).toBe(code));

  it.each([['Atlantis'], ['XX'], ['ZZZ'], [''], ['Remote'], ['Paris'], ['Bayern']])('rejects %j', (input) => {
    expect(normalizeCountry(input)).toBeUndefined();
  });
});
