/**
 * Embedded search bench: 100k generated postings into `createEmbeddedSearchIndex`, then 1,000
 * one-typo queries with a facet filter (p50/p99 of the median of three rounds, target p99 < 10 ms) and recall@10 of the typo
 * query against the same query spelled correctly. Baseline measured in the same run: minisearch
 * with its documented fuzzy/prefix search and a filter callback over the same documents.
 *
 * Run: npx -y pnpm@10 exec tsx --conditions=@jobkit/source bench/search.ts [docs=100000] [queries=1000]
 * @module
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEmbeddedSearchIndex } from '../packages/adapters/src/embedded-search/index.js';
import { type JobPosting, type SearchFilters, tokenize, toSearchDocument } from '../packages/core/src/index.js';

const DOCS = Number(process.argv[2] ?? 100_000);
const QUERIES = Number(process.argv[3] ?? 1000);
const BASELINE_QUERIES = Math.min(QUERIES, 200);

// Deterministic PRNG so every run indexes the same corpus.
let seed = 42;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
// Zipf-ish skew: real descriptions reuse a small core vocabulary heavily.
const zipf = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * rand() ** 2.2)] as T;

const SYL = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'shi', 'ven', 'dor', 'pel', 'qua', 'bri', 'sto', 'gan', 'fir', 'lum', 'tex', 'zor'];
const word = (parts: number) => Array.from({ length: parts }, () => pick(SYL)).join('');
const VOCAB = [...new Set(Array.from({ length: 6000 }, () => word(2 + Math.floor(rand() * 3))))];
const ROLES = [
  'engineer',
  'developer',
  'designer',
  'manager',
  'analyst',
  'scientist',
  'architect',
  'consultant',
  'specialist',
  'technician',
  'accountant',
  'recruiter',
  'nurse',
  'pharmacist',
  'electrician',
  'mechanic',
  'teacher',
  'copywriter',
  'administrator',
  'coordinator',
];
const SKILLS = [
  'kubernetes',
  'python',
  'javascript',
  'typescript',
  'frontend',
  'backend',
  'platform',
  'security',
  'payments',
  'mobile',
  'android',
  'database',
  'marketing',
  'finance',
  'logistics',
  'warehouse',
  'clinical',
  'product',
  'growth',
  'infrastructure',
  'observability',
  'compliance',
  'procurement',
  'robotics',
  'embedded',
];
const LEVELS = ['Senior', 'Junior', 'Lead', 'Principal', 'Staff', 'Associate', ''];
const COMPANIES = Array.from(
  { length: 3000 },
  (_, i) => `${word(2)} ${pick(['Labs', 'Systems', 'Health', 'Capital', 'Logistics', 'Studio'])} ${i}`,
);
const CITIES: [string, string][] = Array.from({ length: 300 }, (_, i) => [
  `${word(2)}ville${i}`,
  pick(['DE', 'US', 'FR', 'GB', 'NL', 'ES', 'IT', 'PL', 'SE', 'CA']),
]);
const WORKPLACE = ['onsite', 'hybrid', 'remote'] as const;
const EMPLOYMENT = ['full_time', 'part_time', 'contract', 'internship'] as const;
const ATS = ['greenhouse', 'lever', 'workday', 'ashby', 'smartrecruiters'];

function makeJob(i: number): JobPosting {
  const hex = i.toString(16).padStart(24, '0');
  const [city, country] = pick(CITIES);
  const skill = zipf(SKILLS);
  const role = pick(ROLES);
  const title = `${pick(LEVELS)} ${skill} ${role}`.trim();
  // Joined once, not grown by `+=`: a rope that indexing flattens would make the heap figure negative.
  const parts = [`We are hiring a ${skill} ${role} to join our team.`];
  for (let len = (parts[0] as string).length; len < 500; ) {
    const w = ` ${zipf(VOCAB)}`;
    parts.push(w);
    len += w.length;
  }
  const description = parts.join('');
  const lo = 30_000 + Math.floor(rand() * 120) * 1000;
  return {
    id: `jk_${hex}`,
    url: `https://jobs.example.com/${i}`,
    urlHash: hex.padStart(64, '0'),
    title: title.charAt(0).toUpperCase() + title.slice(1),
    company: { name: zipf(COMPANIES) },
    locations: [{ raw: `${city}, ${country}`, city, country }],
    workplaceType: pick(WORKPLACE),
    employmentType: [pick(EMPLOYMENT)],
    salary: { min: lo, max: lo + 20_000, currency: 'EUR', period: 'year' },
    description: { html: `<p>${description}</p>`, text: description },
    datePosted: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 300 * 86_400_000)).toISOString(),
    validThrough: null,
    applyUrl: null,
    ats: { platform: pick(ATS) },
    source: 'ats-api',
    provenance: {},
    quality: { score: 80, breakdown: [] },
  };
}

/** One substitution in the middle of the word (never the first letter). */
function typo(w: string): string {
  const at = 1 + Math.floor(rand() * (w.length - 1));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let c = pick([...letters]);
  while (c === w[at]) c = pick([...letters]);
  return w.slice(0, at) + c + w.slice(at + 1);
}

interface BenchQuery {
  exact: string;
  typo: string;
  filters: SearchFilters;
}

function makeQueries(jobs: readonly JobPosting[], n: number): BenchQuery[] {
  return Array.from({ length: n }, () => {
    const job = pick(jobs);
    const words = tokenize(job.title).filter((w) => w.length >= 5);
    const chosen = words.slice(-2);
    const target = Math.floor(rand() * chosen.length);
    const typoed = chosen.map((w, i) => (i === target ? typo(w) : w));
    const filter = pick(['country', 'workplaceType', 'atsPlatform'] as const);
    const filters: SearchFilters =
      filter === 'country'
        ? { country: job.locations[0]?.country ?? 'DE' }
        : filter === 'workplaceType'
          ? { workplaceType: job.workplaceType ?? 'onsite' }
          : { atsPlatform: job.ats?.platform ?? 'lever' };
    return { exact: chosen.join(' '), typo: typoed.join(' '), filters };
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const mb = () => process.memoryUsage().heapUsed / 2 ** 20;
// Heap figures need a full GC before each reading; expose it without a CLI flag.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const fmt = (n: number) => n.toFixed(2);

async function main() {
  console.log(`generating ${DOCS} postings…`);
  const jobs = Array.from({ length: DOCS }, (_, i) => makeJob(i));
  const queries = makeQueries(jobs, QUERIES);

  // --- embedded engine
  gc();
  const heap0 = mb();
  const index = createEmbeddedSearchIndex({ highlights: false });
  await index.migrate();
  let t = performance.now();
  for (let i = 0; i < jobs.length; i += 5000) {
    const res = await index.upsert(jobs.slice(i, i + 5000));
    if (res.some((r) => !r.ok)) throw new Error(`upsert failed: ${res.find((r) => !r.ok)?.error}`);
  }
  const indexMs = performance.now() - t;
  gc();
  const heap = mb() - heap0;
  const rss = process.memoryUsage().rss / 2 ** 20;

  for (const q of queries.slice(0, 50)) await index.search({ q: q.typo, filters: q.filters }); // warm-up
  // Three rounds over the same queries: on a shared machine one scheduling stall can own a
  // round's p99, so the median round's figures are reported (all three are printed).
  const rounds: number[][] = [];
  let recallSum = 0;
  let recallN = 0;
  let zeroTypo = 0;
  for (let round = 0; round < 3; round++) {
    const lat: number[] = [];
    for (const q of queries) {
      t = performance.now();
      const typoRes = await index.search({ q: q.typo, filters: q.filters, facets: ['company', 'workplaceType'] });
      lat.push(performance.now() - t);
      if (round > 0) continue;
      const exactRes = await index.search({ q: q.exact, filters: q.filters, facets: ['company', 'workplaceType'] });
      const want = new Set(exactRes.hits.map((h) => h.job.id));
      if (want.size === 0) continue;
      if (typoRes.found === 0) zeroTypo++;
      recallSum += typoRes.hits.filter((h) => want.has(h.job.id)).length / want.size;
      recallN++;
    }
    rounds.push(lat);
  }
  const byP99 = [...rounds].sort((a, b) => pct(a, 99) - pct(b, 99));
  const mid = byP99[1] as number[];
  const p50 = pct(mid, 50);
  const p99 = pct(mid, 99);
  const perRound = rounds.map((r) => fmt(pct(r, 99))).join(' / ');
  const recall = recallSum / Math.max(1, recallN);

  // Browse with facets only (no text): the full-scan path.
  const browse: number[] = [];
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    await index.search({
      q: '',
      filters: { country: pick(CITIES)[1] },
      facets: ['company', 'country', 'workplaceType', 'employmentType', 'atsPlatform'],
    });
    browse.push(performance.now() - t);
  }
  await index.close();
  gc();

  // --- baseline: minisearch with documented fuzzy + prefix search and a filter callback
  const require = createRequire(new URL('../packages/adapters/package.json', import.meta.url));
  const { default: MiniSearch } = (await import(pathToFileURL(require.resolve('minisearch')).href)) as {
    default: new (
      o: object,
    ) => {
      addAll(d: object[]): void;
      search(q: string, o: object): { id: string }[];
    };
  };
  const heapB0 = mb();
  t = performance.now();
  const mini = new MiniSearch({
    fields: ['title', 'company', 'locations', 'description'],
    extractField: (doc: Record<string, unknown>, field: string) => {
      const v = doc[field];
      return Array.isArray(v) ? v.join(' ') : (v as string);
    },
    storeFields: ['countries', 'workplace_type', 'ats_platform'],
  });
  const docs = jobs.map((j) => toSearchDocument(j));
  mini.addAll(docs);
  const miniIndexMs = performance.now() - t;
  gc();
  const miniHeap = mb() - heapB0;
  const miniLat: number[] = [];
  for (const q of queries.slice(0, BASELINE_QUERIES)) {
    const f = q.filters;
    t = performance.now();
    mini.search(q.typo, {
      fuzzy: 0.2,
      prefix: true,
      combineWith: 'AND',
      filter: (r: Record<string, unknown>) =>
        (f.country === undefined || (r.countries as string[]).includes(f.country as string)) &&
        (f.workplaceType === undefined || r.workplace_type === f.workplaceType) &&
        (f.atsPlatform === undefined || r.ats_platform === f.atsPlatform),
    });
    miniLat.push(performance.now() - t);
  }
  const mp50 = pct(miniLat, 50);
  const mp99 = pct(miniLat, 99);

  console.log(`\nembedded-search, ${DOCS} docs, ${QUERIES} one-typo queries + facet filter (+2 facet counts)`);
  console.log(
    `  index: ${(indexMs / 1000).toFixed(1)} s (${Math.round(DOCS / (indexMs / 1000))} docs/s), heap ≈ ${Math.round(heap)} MB, process RSS ${Math.round(rss)} MB`,
  );
  console.log(
    `  latency (median of 3 rounds): p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms (target p99 < 10 ms: ${p99 < 10 ? 'met' : 'MISSED'}); p99 per round ${perRound} ms`,
  );
  console.log(`  recall@10 vs exact query: ${recall.toFixed(3)} over ${recallN} queries; typo queries with 0 hits: ${zeroTypo}`);
  console.log(`  browse (no text, 1 filter, 5 facets): p50 ${fmt(pct(browse, 50))} ms, p99 ${fmt(pct(browse, 99))} ms`);
  console.log(`baseline minisearch 7 (fuzzy 0.2, prefix, AND, filter callback), ${BASELINE_QUERIES} of the same queries`);
  console.log(
    `  index: ${(miniIndexMs / 1000).toFixed(1)} s, heap ≈ ${Math.round(miniHeap)} MB; latency p50 ${fmt(mp50)} ms, p99 ${fmt(mp99)} ms`,
  );
  console.log(
    `ratio embedded/baseline: index time ${(indexMs / miniIndexMs).toFixed(2)}×, p50 ${(p50 / mp50).toFixed(3)}×, p99 ${(p99 / mp99).toFixed(3)}×`,
  );
}

await main();
