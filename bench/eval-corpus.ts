/**
 * Accuracy of parseJobPage / extractJobLinks on the shared real-world corpus (pages saved by
 * others, with hand-read truth). Reads `../shared/corpus` relative to the repo root when it
 * exists; never copies it. Prints per-field accuracy, per-page results, job-link recall and
 * precision, and whether the four schema.org eg-0028 variants give the same normalized job.
 *
 * Run: npx -y pnpm@10 exec tsx --conditions=@jobkit/source bench/eval-corpus.ts
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalizeUrl, type JobPosting } from '@jobkit/core';
import { extractJobLinks, parseDate, parseEmploymentType, parseJobPage } from '@jobkit/parsers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const NOW = new Date('2026-11-25T12:00:00Z');

interface Truth {
  file: string;
  source: string;
  kind?: string;
  title?: string | null;
  company?: string | null;
  locations?: string[] | null;
  remote?: boolean | null;
  employmentType?: string | null;
  salary?: { min: number | string | null; max: number | string | null; currency: string | null; period: string | null } | null;
  datePosted?: string | null;
  validThrough?: string | null;
  applyUrl?: string | null;
  jobUrls?: string[];
}

const FIELDS = [
  'title',
  'company',
  'locations',
  'remote',
  'employmentType',
  'salary.amount',
  'salary.currency',
  'salary.period',
  'datePosted',
  'validThrough',
  'applyUrl',
] as const;
type Field = (typeof FIELDS)[number];

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim() || null;
const num = (v: number | string | null | undefined) =>
  v === null || v === undefined || v === '' ? null : Number(String(v).replace(/[^\d.]/g, ''));
const day = (s: string | null | undefined) => (s ? (parseDate(s, { now: NOW })?.slice(0, 10) ?? s) : null);

/** What the truth says and what we produced, both normalized; `null` = not stated. */
function compare(truth: Truth, job: JobPosting | null): Record<Field, [unknown, unknown]> {
  // Values Jobkit derived (e.g. a company name guessed from the domain) are not stated on the page.
  const stated = <T>(field: keyof JobPosting['provenance'], value: T): T | null =>
    job && job.provenance[field] !== 'derived' ? value : null;
  const salaryTruth = truth.salary ?? null;
  const s = job?.salary ?? null;
  return {
    title: [norm(truth.title), norm(job?.title)],
    company: [norm(truth.company), norm(stated('company', job?.company.name))],
    locations: [
      (truth.locations ?? []).map(norm).sort().join(' | ') || null,
      (job?.locations ?? [])
        .map((l) => norm(l.raw))
        .sort()
        .join(' | ') || null,
    ],
    remote: [truth.remote === true, job?.workplaceType === 'remote'],
    employmentType: [
      truth.employmentType ? parseEmploymentType(truth.employmentType).join(',') : null,
      job?.employmentType.join(',') || null,
    ],
    'salary.amount': [salaryTruth ? `${num(salaryTruth.min)}-${num(salaryTruth.max)}` : null, s ? `${s.min}-${s.max}` : null],
    'salary.currency': [salaryTruth?.currency ?? null, s?.currency ?? null],
    'salary.period': [salaryTruth?.period ?? null, s?.period ?? null],
    datePosted: [day(truth.datePosted), job?.datePosted?.slice(0, 10) ?? null],
    validThrough: [day(truth.validThrough), job?.validThrough?.slice(0, 10) ?? null],
    applyUrl: [truth.applyUrl ?? null, job?.applyUrl ?? null],
  };
}

function pad(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n);
}

function main(): void {
  if (!existsSync(corpus)) {
    console.log(`No corpus at ${corpus}; nothing to evaluate (it lives outside the repo and is optional).`);
    return;
  }
  const truths = readdirSync(path.join(corpus, 'truth'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(corpus, 'truth', f), 'utf8')) as Truth);
  const html = (file: string) => readFileSync(path.join(corpus, 'files', file), 'utf8');
  // The URL a crawler fetched the page from: the page's own og:url/canonical when it states one.
  const pageUrl = (file: string) => {
    const stated =
      /<meta[^>]+property=["']og:url["'][^>]+content=["'](https?:[^"']+)|<meta[^>]+content=["'](https?:[^"']+)["'][^>]+property=["']og:url|<link[^>]+rel=["']canonical["'][^>]+href=["'](https?:[^"']+)/i.exec(
        html(file),
      );
    return stated?.[1] ?? stated?.[2] ?? stated?.[3] ?? `https://corpus.example/jobs/${file.replace(/\.html$/, '')}`;
  };

  const correct = new Map<Field, number>(FIELDS.map((f) => [f, 0]));
  const total = new Map<Field, number>(FIELDS.map((f) => [f, 0]));
  const jobs = new Map<string, JobPosting | null>();
  console.log('Per page (✓ = matches truth after normalizing, ✗ ours vs truth)\n');
  for (const truth of truths.filter((t) => t.kind !== 'career-listing')) {
    const res = parseJobPage(html(truth.file), { url: pageUrl(truth.file), now: NOW });
    jobs.set(truth.file, res.job);
    const cmp = compare(truth, res.job);
    const misses: string[] = [];
    for (const f of FIELDS) {
      const [want, got] = cmp[f];
      total.set(f, total.get(f)! + 1);
      if (JSON.stringify(want) === JSON.stringify(got)) correct.set(f, correct.get(f)! + 1);
      else misses.push(`${f}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    }
    console.log(
      `${pad(truth.file, 44)} source=${res.source ?? 'none'} (truth: ${truth.source})  ${FIELDS.length - misses.length}/${FIELDS.length}`,
    );
    if (!res.job) console.log(`    job null: ${res.warnings.join('; ')}`);
    for (const m of misses) console.log(`    ✗ ${m}`);
  }

  console.log('\nPer-field accuracy over job pages');
  for (const f of FIELDS) {
    const c = correct.get(f)!;
    const t = total.get(f)!;
    console.log(`  ${pad(f, 16)} ${String(c).padStart(2)}/${t}  ${((c / t) * 100).toFixed(0).padStart(3)}%`);
  }
  const allC = [...correct.values()].reduce((a, b) => a + b, 0);
  const allT = [...total.values()].reduce((a, b) => a + b, 0);
  console.log(`  ${pad('all fields', 16)} ${allC}/${allT}  ${((allC / allT) * 100).toFixed(0)}%`);

  console.log('\nListing pages');
  for (const truth of truths.filter((t) => t.kind === 'career-listing')) {
    const page = html(truth.file);
    const parsed = parseJobPage(page, { url: pageUrl(truth.file), now: NOW });
    const links = extractJobLinks(page, { url: pageUrl(truth.file) }).map((l) => l.url);
    const want = new Set((truth.jobUrls ?? []).map((u) => canonicalizeUrl(u)));
    const found = links.filter((u) => want.has(u)).length;
    const recall = want.size ? found / want.size : NaN;
    const extra = links.filter((u) => !want.has(u));
    console.log(`  ${truth.file}: parseJobPage job=${parsed.job ? 'NOT null' : 'null'} (${parsed.warnings.at(-1) ?? ''})`);
    console.log(
      `    extractJobLinks: ${links.length} links, recall ${found}/${want.size} (${(recall * 100).toFixed(0)}%), ${extra.length} not in the truth list`,
    );
    for (const u of extra.slice(0, 5)) console.log(`      extra: ${u}`);
  }
  const unlisted = readdirSync(path.join(corpus, 'files')).filter((f) => f.endsWith('.html') && !truths.some((t) => t.file === f));
  for (const f of unlisted) {
    const parsed = parseJobPage(html(f), { url: pageUrl(f), now: NOW });
    const links = extractJobLinks(html(f), { url: pageUrl(f) });
    console.log(`  ${f} (no truth file): job=${parsed.job ? 'NOT null' : 'null'}, ${links.length} job links`);
  }

  console.log('\nschema.org eg-0028: same normalized job across variants?');
  const view = (j: JobPosting | null | undefined): Record<string, string> =>
    j
      ? {
          title: j.title,
          company: j.provenance.company === 'derived' ? '(not stated)' : j.company.name,
          locations: JSON.stringify(j.locations.map((l) => [l.city, l.region, l.country])),
          employmentType: j.employmentType.join(','),
          salary: JSON.stringify(j.salary && [j.salary.min, j.salary.max, j.salary.currency, j.salary.period]),
          datePosted: j.datePosted?.slice(0, 10) ?? '',
          description: j.description.text.includes('seeks a full-time mid-level software engineer') ? 'has the posting text' : 'MISSING',
        }
      : { job: 'null' };
  const reference = view(jobs.get('sdo-eg0028-microdata.html'));
  for (const v of ['jsonld', 'microdata', 'rdfa', 'premarkup']) {
    const other = view(jobs.get(`sdo-eg0028-${v}.html`));
    const diffs = Object.keys(reference)
      .filter((k) => reference[k] !== other[k])
      .map((k) => `${k}: ${other[k]} (microdata: ${reference[k]})`);
    console.log(`  ${pad(v, 10)} ${diffs.length === 0 ? 'same as microdata' : `differs in ${diffs.join('; ')}`}`);
  }
  console.log('  (the JSON-LD variant states no hiringOrganization)');
  console.log(
    `\nNot evaluated here: ${readdirSync(path.join(corpus, 'files')).filter((f) => f.endsWith('.json')).length} Greenhouse API JSON files (board clients, not page parsing).`,
  );
}

main();
