/**
 * Location normalizer costs: what importing the normalizer costs, what the first lookup costs
 * (decoding the gazetteer and building its name index), and resolve throughput afterwards, with
 * and without the gazetteer, on a mix of place strings (cities in native and English spellings,
 * region/country suffixes, US/CA codes, postal codes, remote areas, multi-place lists, unknown
 * names). Each phase of load is measured in a fresh child process so module caches do not hide it.
 * Then a small labelled set of place strings with admin-1 regions written every way postings write
 * them (English, native, ISO or postal codes, codes that collide with US states, CA provinces or
 * countries) is checked against the canonical label a person would give it. That set is SYNTHETIC
 * (written for this bench, not taken from pages) and kept apart from the unit-test strings.
 *
 * Usage: `pnpm bench:locations [--iterations N]`
 * @module
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GAZETTEER_SOURCE, parseLocation } from '@jobkit/parsers';
import { REGIONS_SOURCE } from '../packages/parsers/src/normalize/gazetteer/regions.generated.js';

const MIX = [
  'Berlin',
  'Berlin, Germany',
  'Berlin, Berlin, DE',
  'München, Bayern, Deutschland',
  'Munich, BY',
  'Köln',
  'Wien, Österreich',
  '北京',
  'Praha',
  'Warszawa, Polska',
  'Lisboa',
  'Paris',
  'Paris, TX',
  'Amsterdam, North Holland, Netherlands',
  'San Francisco, CA',
  'San Francisco, CA, United States',
  'New York, NY 10001',
  'Toronto, ON',
  'London / Dublin, Ireland',
  'Remote (IN)',
  'Remote — Europe',
  'Remote, US only',
  'Hybrid – London, UK',
  'Austin; Dallas; Paris',
  'Bangalore, IN',
  '75008 Paris, France',
  'SW1A 1AA London, UK',
  'Zürich, Schweiz',
  'Smallville-upon-Nowhere, Kansas',
  'Springfield, IL',
  'Pune, Maharashtra',
  'Guadalajara, Jalisco',
  'São Paulo, SP',
  'Osaka, 大阪府',
  'Lyon, Auvergne-Rhône-Alpes',
];

/** SYNTHETIC labelled strings: place text → the canonical label (`display`) a person would give it. */
const REGION_SET: readonly (readonly [string, string])[] = [
  ['Stuttgart, Baden-Württemberg', 'Stuttgart, Baden-Württemberg, Germany'],
  ['Stuttgart, BW, Germany', 'Stuttgart, Baden-Württemberg, Germany'],
  ['Rotterdam, Zuid-Holland', 'Rotterdam, South Holland, Netherlands'],
  ['Utrecht, Utrecht, Netherlands', 'Utrecht, Netherlands'],
  ['Toulouse, Occitanie', 'Toulouse, Occitanie, France'],
  ['Bordeaux, Nouvelle-Aquitaine, France', 'Bordeaux, Nouvelle-Aquitaine, France'],
  ['Milano, Lombardia', 'Milan, Lombardy, Italy'],
  ['Napoli, Campania, Italia', 'Naples, Campania, Italy'],
  ['Sevilla, Andalucía', 'Seville, Andalusia, Spain'],
  ['Bilbao, País Vasco', 'Bilbao, Basque Country, Spain'],
  ['Gdańsk, pomorskie', 'Gdańsk, Pomerania, Poland'],
  ['Ahmedabad, Gujarat', 'Ahmedabad, Gujarat, India'],
  ['Noida, UP', 'Noida, Uttar Pradesh, India'],
  ['Gurgaon, Haryana, India', 'Gurgaon, Haryana, India'],
  ['Bhubaneswar, OR', 'Bhubaneswar, Odisha, India'],
  ['Campinas, SP, Brasil', 'Campinas, São Paulo, Brazil'],
  ['Florianópolis, SC', 'Florianópolis, Santa Catarina, Brazil'],
  ['Fortaleza, CE', 'Fortaleza, Ceará, Brazil'],
  ['Puebla, Pue.', 'Puebla, Mexico'],
  ['Tijuana, BC', 'Tijuana, Baja California, Mexico'],
  ['Mérida, Yucatán', 'Mérida, Yucatán, Mexico'],
  ['Mérida, Venezuela', 'Mérida, Venezuela'],
  ['Hangzhou, Zhejiang', 'Hangzhou, Zhejiang, China'],
  ['成都, 四川省', 'Chengdu, Sichuan, China'],
  ['Nagoya, Aichi', 'Nagoya, Aichi, Japan'],
  ['Sapporo, 北海道', 'Sapporo, Hokkaido, Japan'],
  ['Glasgow, Scotland', 'Glasgow, Scotland, United Kingdom'],
  ['Rosario, Santa Fe', 'Rosario, Santa Fe, Argentina'],
  ['Medellín, Antioquia', 'Medellín, Antioquia, Colombia'],
  ['Cali, Valle del Cauca', 'Cali, Valle del Cauca, Colombia'],
  ['Surabaya, Jawa Timur', 'Surabaya, East Java, Indonesia'],
  ['Lagos, Portugal', 'Lagos, Faro, Portugal'],
  ['Portland, ME', 'Portland, ME, United States'],
  ['Vancouver, WA', 'Vancouver, WA, United States'],
  ['Frankfurt (Oder), Brandenburg', 'Frankfurt (Oder), Brandenburg, Germany'],
];

function child(code: string): number {
  const out = execFileSync(process.execPath, ['--conditions=@jobkit/source', '--import', 'tsx', '--input-type=module', '-e', code], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  return Number(out.trim().split('\n').pop());
}

const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1]) || 20_000;
const normalizer = './packages/parsers/src/normalize/location.ts';
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
const importMs = median(
  [0, 1, 2].map(() => child(`const t=performance.now(); await import('${normalizer}'); console.log(performance.now()-t)`)),
);
const firstMs = median(
  [0, 1, 2].map(() =>
    child(
      `const m=await import('${normalizer}'); const t=performance.now(); m.parseLocation('Berlin, Germany'); console.log(performance.now()-t)`,
    ),
  ),
);

function throughput(gazetteer: boolean): number {
  for (const s of MIX) parseLocation(s, { gazetteer });
  const t = performance.now();
  for (let i = 0; i < iterations; i++) parseLocation(MIX[i % MIX.length]!, { gazetteer });
  return iterations / ((performance.now() - t) / 1000);
}
const withGaz = throughput(true);
const without = throughput(false);

console.log(
  `gazetteer: ${GAZETTEER_SOURCE.cities} cities from ${GAZETTEER_SOURCE.package}@${GAZETTEER_SOURCE.version} (${GAZETTEER_SOURCE.data}), built ${GAZETTEER_SOURCE.builtAt}`,
);
console.log(
  `regions: ${REGIONS_SOURCE.regions} admin-1 regions (${REGIONS_SOURCE.withIso} with ISO 3166-2 codes) from ${REGIONS_SOURCE.packages}, built ${REGIONS_SOURCE.builtAt}`,
);
console.log(
  `import of the location normalizer (tsx, source, incl. the data module): ${importMs.toFixed(0)} ms (median of 3 fresh processes)`,
);
console.log(`first parseLocation (decode + index the gazetteer): ${firstMs.toFixed(0)} ms (median of 3 fresh processes)`);
console.log(
  `parseLocation throughput on a ${MIX.length}-string mix, ${iterations} calls: ${withGaz.toFixed(0)}/s with gazetteer, ${without.toFixed(0)}/s without`,
);

const misses = REGION_SET.map(
  ([text, label]) =>
    [
      text,
      label,
      parseLocation(text)
        .locations.map((l) => l.display)
        .join(' | '),
    ] as const,
).filter(([, label, got]) => got !== label);
console.log(`regions (synthetic set): ${REGION_SET.length - misses.length}/${REGION_SET.length} strings give the labelled canonical place`);
for (const [text, label, got] of misses)
  console.log(`  miss: ${JSON.stringify(text)} → ${JSON.stringify(got)} (label ${JSON.stringify(label)})`);
