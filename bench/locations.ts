/**
 * Location normalizer costs: what importing the normalizer costs, what the first lookup costs
 * (decoding the gazetteer and building its name index), and resolve throughput afterwards, with
 * and without the gazetteer, on a mix of place strings (cities in native and English spellings,
 * region/country suffixes, US/CA codes, postal codes, remote areas, multi-place lists, unknown
 * names). Each phase of load is measured in a fresh child process so module caches do not hide it.
 *
 * Usage: `pnpm bench:locations [--iterations N]`
 * @module
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GAZETTEER_SOURCE, parseLocation } from '@jobkit/parsers';

const MIX = [
  'Berlin', 'Berlin, Germany', 'Berlin, Berlin, DE', 'München, Bayern, Deutschland', 'Munich, BY', 'Köln', 'Wien, Österreich',
  '北京', 'Praha', 'Warszawa, Polska', 'Lisboa', 'Paris', 'Paris, TX', 'Amsterdam, North Holland, Netherlands',
  'San Francisco, CA', 'San Francisco, CA, United States', 'New York, NY 10001', 'Toronto, ON', 'London / Dublin, Ireland',
  'Remote (IN)', 'Remote — Europe', 'Remote, US only', 'Hybrid – London, UK', 'Austin; Dallas; Paris', 'Bangalore, IN',
  '75008 Paris, France', 'SW1A 1AA London, UK', 'Zürich, Schweiz', 'Smallville-upon-Nowhere, Kansas', 'Springfield, IL',
];

function child(code: string): number {
  const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  return Number(out.trim().split('\n').pop());
}

const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1]) || 20_000;
const normalizer = './packages/parsers/src/normalize/location.ts';
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
const importMs = median([0, 1, 2].map(() => child(`const t=performance.now(); await import('${normalizer}'); console.log(performance.now()-t)`)));
const firstMs = median([0, 1, 2].map(() => child(`const m=await import('${normalizer}'); const t=performance.now(); m.parseLocation('Berlin, Germany'); console.log(performance.now()-t)`)));

function throughput(gazetteer: boolean): number {
  for (const s of MIX) parseLocation(s, { gazetteer });
  const t = performance.now();
  for (let i = 0; i < iterations; i++) parseLocation(MIX[i % MIX.length]!, { gazetteer });
  return iterations / ((performance.now() - t) / 1000);
}
const withGaz = throughput(true);
const without = throughput(false);

console.log(`gazetteer: ${GAZETTEER_SOURCE.cities} cities from ${GAZETTEER_SOURCE.package}@${GAZETTEER_SOURCE.version} (${GAZETTEER_SOURCE.data}), built ${GAZETTEER_SOURCE.builtAt}`);
console.log(`import of the location normalizer (tsx, source, incl. the data module): ${importMs.toFixed(0)} ms (median of 3 fresh processes)`);
console.log(`first parseLocation (decode + index the gazetteer): ${firstMs.toFixed(0)} ms (median of 3 fresh processes)`);
console.log(`parseLocation throughput on a ${MIX.length}-string mix, ${iterations} calls: ${withGaz.toFixed(0)}/s with gazetteer, ${without.toFixed(0)}/s without`);
