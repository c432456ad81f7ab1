/**
 * `bench:relevance` — search relevance over the demo world: the postings of
 * `examples/job-search-platform/src/sim` (`createWorld(42)`, the world the demo crawls) indexed in
 * `createEmbeddedSearchIndex`, then the judged queries of `bench/relevance/queries.json` (multi-word,
 * prefix, typo, accents, tech tokens, stop-words, type keywords, company). Prints precision@10 and
 * nDCG@10 per kind and overall, next to two baselines measured in the same run: minisearch with
 * its documented out-of-the-box search (any word, fuzzy 0.2, prefix, title boost) and plain
 * substring match of the folded query.
 *
 * Judgments are data (`bench/relevance/judgments.json`), graded from what each posting IS (the
 * sim's role, level, city, stack…), never from the engine: see `bench/relevance/README.md`.
 * `--write` regrades every posting from `queries.json` and rewrites the file.
 *
 * Run: npx -y pnpm@10 bench:relevance [--write] [--verbose]
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createWorld, rng, type SimCompany, type SimJob } from '../examples/job-search-platform/src/sim/world.js';
import { createEmbeddedSearchIndex } from '../packages/adapters/src/embedded-search/index.js';
import { finalizeJob, foldText, type JobPosting, toSearchDocument } from '../packages/core/src/index.js';

const SEED = 42;
const DIR = new URL('./relevance/', import.meta.url);
const args = new Set(process.argv.slice(2));
const TARGET_NDCG = 0.9;

// ---------------------------------------------------------------- the world, as postings

/**
 * The sim's postings carry no tech stack and only one accented place name, so each posting of a
 * technical department gets one "Our stack" sentence (two names from this list, seeded by the
 * posting) and each posting an office line with the city's local name (München). Stated in the
 * README; everything else is the sim's own text.
 */
const STACKS = ['C++', 'C#', '.NET', 'Node.js', 'Vue.js', 'CI/CD', 'C', 'Go', 'Rust', 'Python', 'TypeScript', 'Kubernetes', 'Java'];
const TECH_DEPARTMENTS = new Set(['Engineering', 'Data', 'Infrastructure', 'Security']);
const LOCAL_NAME: Record<string, string> = { Munich: 'München' };
const LEVELS = ['Junior', 'Senior', 'Staff'];

interface Facts {
  id: string;
  title: string;
  role: string;
  level: string;
  city: string;
  workplace: string;
  employment: string;
  company: string;
  stack: string[];
}

function stackOf(company: SimCompany, job: SimJob): string[] {
  if (!TECH_DEPARTMENTS.has(job.department)) return [];
  const h = createHash('sha1').update(`${company.slug}/${job.id}`).digest().readUInt32LE(0);
  const r = rng(h);
  const a = STACKS[Math.floor(r() * STACKS.length)] as string;
  let b = STACKS[Math.floor(r() * STACKS.length)] as string;
  while (b === a) b = STACKS[Math.floor(r() * STACKS.length)] as string;
  return [a, b];
}

function worldPostings(): { jobs: JobPosting[]; facts: Facts[] } {
  const world = createWorld(SEED);
  const jobs: JobPosting[] = [];
  const facts: Facts[] = [];
  for (const company of world.companies) {
    for (const job of company.jobs) {
      if (job.thin) continue; // the demo's quality gate rejects these stubs
      const stack = stackOf(company, job);
      const paragraphs = [...job.paragraphs, `Office: ${LOCAL_NAME[job.city] ?? job.city}, ${job.region}.`];
      if (stack.length > 0) paragraphs.push(`Our stack: ${stack.join(' and ')}.`);
      const text = paragraphs.join('\n\n');
      const posting = finalizeJob(
        {
          url: `https://${company.domain}/careers/${job.slug}-${job.id}`,
          title: job.title,
          company: { name: company.name, domain: company.domain },
          locations: [{ raw: `${job.city}, ${job.region}, ${job.countryName}`, city: job.city, region: job.region, country: job.country }],
          workplaceType: job.workplace,
          employmentType: [job.employment],
          salary: job.salary,
          description: { html: paragraphs.map((p) => `<p>${p}</p>`).join(''), text },
          datePosted: job.postedAt,
          validThrough: null,
          applyUrl: null,
          department: job.department,
          ats: null,
          source: 'ats-api',
          provenance: {},
        },
        { now: new Date(`${world.today}T12:00:00Z`) },
      );
      jobs.push(posting);
      const level = LEVELS.find((l) => job.title.startsWith(`${l} `)) ?? '';
      facts.push({
        id: posting.id,
        title: job.title,
        role: level ? job.title.slice(level.length + 1) : job.title,
        level,
        city: job.city,
        workplace: job.workplace,
        employment: job.employment,
        company: company.name,
        stack,
      });
    }
  }
  return { jobs, facts };
}

// ---------------------------------------------------------------- judgments

interface Intent {
  role?: string;
  level?: string;
  city?: string;
  workplace?: string;
  employment?: string;
  stack?: string;
  titleWord?: string;
  companyWord?: string;
}
interface JudgedQuery {
  q: string;
  kind: string;
  intent: Intent;
}

const words = (s: string) => s.toLowerCase().split(/\s+/);
const CONSTRAINTS: Record<keyof Intent, (f: Facts, want: string) => boolean> = {
  role: (f, w) => f.role === w,
  level: (f, w) => f.level === w,
  city: (f, w) => f.city === w,
  workplace: (f, w) => f.workplace === w,
  employment: (f, w) => f.employment === w,
  stack: (f, w) => f.stack.includes(w),
  titleWord: (f, w) => words(f.title).includes(w.toLowerCase()),
  companyWord: (f, w) => words(f.company).includes(w.toLowerCase()),
};

/**
 * Grade 3: the posting meets every constraint of the intent. Grade 1: it meets the first (the
 * query's head: the role, stack, type…) and all but one of the rest. Otherwise 0.
 */
function grade(intent: Intent, f: Facts): number {
  const checks = (Object.entries(intent) as [keyof Intent, string][]).map(([k, v]) => CONSTRAINTS[k](f, v));
  const failed = checks.filter((ok) => !ok).length;
  if (failed === 0) return 3;
  if (checks.length >= 2 && checks[0] && failed === 1) return 1;
  return 0;
}

const worldHash = (facts: Facts[]) => createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);

interface JudgmentsFile {
  about: string;
  world: { seed: number; postings: number; hash: string };
  judgments: Record<string, Record<string, number>>;
}

function writeJudgments(queries: JudgedQuery[], facts: Facts[]): JudgmentsFile {
  const judgments: Record<string, Record<string, number>> = {};
  for (const { q, intent } of queries) {
    const row: Record<string, number> = {};
    for (const f of facts) {
      const g = grade(intent, f);
      if (g > 0) row[f.id] = g;
    }
    judgments[q] = row;
  }
  return {
    about:
      'Graded relevance (3 = meets the whole intent, 1 = meets its head and all but one other constraint) of demo-world postings for each query of queries.json; generated by `bench/relevance.ts --write` from the rules in README.md. Postings not listed are 0.',
    world: { seed: SEED, postings: facts.length, hash: worldHash(facts) },
    judgments,
  };
}

// ---------------------------------------------------------------- metrics

function metrics(ranked: readonly string[], judged: Record<string, number>): { p10: number; ndcg10: number } {
  const top = ranked.slice(0, 10);
  const perfect = Object.values(judged).filter((g) => g === 3).length;
  // Precision over the slots a perfect engine could fill with fully relevant postings.
  const p10 = perfect === 0 ? (top.length === 0 ? 1 : 0) : top.filter((id) => judged[id] === 3).length / Math.min(10, perfect);
  const gain = (g: number) => 2 ** g - 1;
  const dcg = top.reduce((s, id, i) => s + gain(judged[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judged)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return { p10, ndcg10: ideal === 0 ? (top.length === 0 ? 1 : 0) : dcg / ideal };
}

type Engine = (q: string) => Promise<string[]>;

async function minisearchEngine(jobs: readonly JobPosting[]): Promise<Engine> {
  const require = createRequire(new URL('../packages/adapters/package.json', import.meta.url));
  const { default: MiniSearch } = (await import(pathToFileURL(require.resolve('minisearch')).href)) as {
    default: new (o: object) => { addAll(d: object[]): void; search(q: string, o: object): { id: string }[] };
  };
  const mini = new MiniSearch({
    fields: ['title', 'company', 'locations', 'department', 'description'],
    extractField: (doc: Record<string, unknown>, field: string) => {
      const v = doc[field];
      return Array.isArray(v) ? v.join(' ') : ((v as string | undefined) ?? '');
    },
  });
  mini.addAll(jobs.map(toSearchDocument));
  return async (q) =>
    mini
      .search(q, { fuzzy: 0.2, prefix: true, boost: { title: 2 } })
      .slice(0, 10)
      .map((r) => r.id);
}

function substringEngine(jobs: readonly JobPosting[]): Engine {
  const docs = jobs.map((j) => {
    const d = toSearchDocument(j);
    return {
      id: j.id,
      title: foldText(d.title),
      all: foldText([d.title, d.company, ...d.locations, d.department ?? '', d.description].join(' \n ')),
      at: d.posted_at,
    };
  });
  return async (q) => {
    const needle = foldText(q.trim());
    return docs
      .filter((d) => d.all.includes(needle))
      .sort((a, b) => Number(b.title.includes(needle)) - Number(a.title.includes(needle)) || b.at - a.at)
      .slice(0, 10)
      .map((d) => d.id);
  };
}

// ---------------------------------------------------------------- run

async function main() {
  const { jobs, facts } = worldPostings();
  const queries = (JSON.parse(readFileSync(new URL('queries.json', DIR), 'utf8')) as { queries: JudgedQuery[] }).queries;
  const file = new URL('judgments.json', DIR);
  if (args.has('--write')) {
    writeFileSync(file, `${JSON.stringify(writeJudgments(queries, facts), null, 1)}\n`);
    console.log(`wrote ${file.pathname} (${queries.length} queries, ${facts.length} postings)`);
  }
  const judged = JSON.parse(readFileSync(file, 'utf8')) as JudgmentsFile;
  if (judged.world.hash !== worldHash(facts)) {
    throw new Error(
      `the demo world changed since judgments.json was written (hash ${judged.world.hash} ≠ ${worldHash(facts)}): re-run with --write and review the diff`,
    );
  }
  const missing = queries.filter((q) => !(q.q in judged.judgments)).map((q) => q.q);
  if (missing.length > 0) throw new Error(`queries without judgments: ${missing.join(', ')} (run with --write)`);

  const index = createEmbeddedSearchIndex();
  const res = await index.upsert(jobs);
  if (res.some((r) => !r.ok)) throw new Error(`upsert failed: ${res.find((r) => !r.ok)?.error}`);
  const lat: number[] = [];
  const embedded: Engine = async (q) => {
    const t = performance.now();
    const r = await index.search({ q, perPage: 10 });
    lat.push(performance.now() - t);
    if (args.has('--verbose') && (r.droppedTokens?.length ?? 0) > 0) console.log(`  "${q}": dropped ${r.droppedTokens?.join(', ')}`);
    return r.hits.map((h) => h.job.id);
  };
  const engines: [string, Engine][] = [
    ['embedded', embedded],
    ['minisearch defaults (any word, fuzzy 0.2, prefix)', await minisearchEngine(jobs)],
    ['substring of the folded query', substringEngine(jobs)],
  ];

  const kinds = [...new Set(queries.map((q) => q.kind))];
  const table: Record<string, Record<string, { p: number[]; n: number[] }>> = {};
  const byTitle = new Map(facts.map((f) => [f.id, f.title]));
  for (const [name, engine] of engines) {
    const rows: Record<string, { p: number[]; n: number[] }> = { all: { p: [], n: [] } };
    for (const q of queries) {
      const ranked = await engine(q.q);
      const m = metrics(ranked, judged.judgments[q.q] ?? {});
      for (const key of ['all', q.kind]) {
        const row = (rows[key] ??= { p: [], n: [] });
        row.p.push(m.p10);
        row.n.push(m.ndcg10);
      }
      if (args.has('--verbose') && name === 'embedded' && m.ndcg10 < 0.9) {
        console.log(
          `  ${q.kind} "${q.q}": P@10 ${m.p10.toFixed(2)} nDCG@10 ${m.ndcg10.toFixed(2)} → ${ranked.map((id) => `${byTitle.get(id)}(${judged.judgments[q.q]?.[id] ?? 0})`).join('; ')}`,
        );
      }
    }
    table[name] = rows;
  }
  await index.close();

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const f = (x: number) => x.toFixed(3);
  const judgedCount = (kind: string) => queries.filter((q) => kind === 'all' || q.kind === kind).length;
  console.log(`\nbench:relevance — ${queries.length} judged queries over the demo world (seed ${SEED}, ${jobs.length} postings)`);
  console.log(`${'kind'.padEnd(14)}${'n'.padStart(4)}  ${engines.map(([n]) => n.split(' ')[0]!.padStart(22)).join('')}`);
  console.log(`${''.padEnd(20)}${engines.map(() => 'P@10   nDCG@10'.padStart(22)).join('')}`);
  for (const kind of ['all', ...kinds]) {
    const cells = engines.map(([n]) => {
      const row = table[n]?.[kind] ?? { p: [], n: [] };
      return `${f(mean(row.p))}   ${f(mean(row.n))}`.padStart(22);
    });
    console.log(`${kind.padEnd(14)}${String(judgedCount(kind)).padStart(4)}  ${cells.join('')}`);
  }
  const ndcg = mean(table.embedded?.all?.n ?? []);
  const sorted = [...lat].sort((a, b) => a - b);
  console.log(
    `\nembedded nDCG@10 ${f(ndcg)} (target ≥ ${TARGET_NDCG}: ${ndcg >= TARGET_NDCG ? 'met' : 'MISSED'}); baselines: ${engines
      .slice(1)
      .map(([n]) => `${n.split(' ')[0]} ${f(mean(table[n]?.all?.n ?? []))}`)
      .join(', ')}`,
  );
  console.log(
    `embedded latency over these queries: p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} ms, max ${sorted.at(-1)?.toFixed(2)} ms (p99 at 100k postings: bench:search)`,
  );
}

await main();
