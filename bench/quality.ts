/**
 * `bench:quality` — does the quality score predict correctness? Runs `parseJobPage` over the
 * real-web corpus (`bench/real-world/`) and, apart, `../shared/corpus` when present and any set in
 * the same format passed with `--dir`; judges every posting against the truth a person read off the
 * page (`evaluatePage`, the same rules as `bench:real-world`), and prints per score bucket
 * (< 50, 50–69, 70–84, ≥ 85) the number of postings and the share of their judged fields that are
 * right, how many postings with a wrong title (or any wrong field) pass the default threshold, and
 * the share of fully correct postings the gate rejects, and the rules that cost those most points.
 *
 * Reported apart: dev vs holdout split, real vs synthetic pages. Confidence weights are calibrated
 * on dev pages only (`--calibrate` prints per-field accuracy by source and by confidence bin, dev
 * pages only); holdout mismatches are not listed unless `--show-holdout` is given.
 *
 * Run: npx -y pnpm@10 bench:quality [--verbose] [--dir <path>] [--no-shared] [--show-holdout] [--threshold <n>] [--calibrate]
 * @module
 */
import path from 'node:path';
import { DEFAULT_QUALITY_THRESHOLD, type JobPosting } from '@jobkit/core';
import { parseJobPage } from '@jobkit/parsers';
import { type CorpusPage, loadCorpus, loadSharedCorpus, OWN_CORPUS } from './real-world/corpus.js';
import { evaluatePage, type FieldResult } from './real-world/evaluate.js';

/** Reference time when a truth file gives no `capturedAt` (the same as `bench:real-world`). */
const DEFAULT_NOW = new Date('2026-11-25T12:00:00Z');

const BUCKETS: [string, (s: number) => boolean][] = [
  ['< 50', (s) => s < 50],
  ['50–69', (s) => s >= 50 && s < 70],
  ['70–84', (s) => s >= 70 && s < 85],
  ['≥ 85', (s) => s >= 85],
];

interface Posting {
  page: CorpusPage;
  job: JobPosting;
  fields: FieldResult[];
  titleRight: boolean;
}

function judge(pages: CorpusPage[]): { postings: Posting[]; missed: number; falseJobs: { page: CorpusPage; score: number }[] } {
  const postings: Posting[] = [];
  const falseJobs: { page: CorpusPage; score: number }[] = [];
  let missed = 0;
  for (const page of pages) {
    const now = page.truth.capturedAt ? new Date(page.truth.capturedAt) : DEFAULT_NOW;
    let parsed: ReturnType<typeof parseJobPage>;
    try {
      parsed = parseJobPage(page.html, { url: page.truth.url, now });
    } catch {
      if (page.kind === 'job') missed++;
      continue;
    }
    if (!parsed.job) {
      if (page.kind === 'job') missed++;
      continue;
    }
    if (page.kind !== 'job') {
      falseJobs.push({ page, score: parsed.job.quality.score });
      continue;
    }
    const langs = page.language && page.language !== 'und' ? [page.language] : [];
    const e = evaluatePage(page.truth, parsed, undefined, langs);
    const title = e.fields.find((f) => f.field === 'title');
    postings.push({ page, job: parsed.job, fields: e.fields, titleRight: title ? title.correct : true });
  }
  return { postings, missed, falseJobs };
}

const pct = (a: number, b: number) => (b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

function report(name: string, postings: Posting[], threshold: number): void {
  if (postings.length === 0) return;
  console.log(`\n  ${name}: ${postings.length} postings`);
  console.log(
    `    ${pad('bucket', 8)} ${lpad('postings', 8)} ${lpad('fields right', 18)} ${lpad('title right', 12)} ${lpad('all right', 10)}`,
  );
  for (const [label, inBucket] of BUCKETS) {
    const b = postings.filter((p) => inBucket(p.job.quality.score));
    const fields = b.flatMap((p) => p.fields);
    const right = fields.filter((f) => f.correct).length;
    console.log(
      `    ${pad(label, 8)} ${lpad(b.length, 8)} ${lpad(`${right}/${fields.length}`, 10)} ${pct(right, fields.length)} ${lpad(b.filter((p) => p.titleRight).length, 5)}/${pad(b.length, 5)} ${lpad(b.filter((p) => p.fields.every((f) => f.correct)).length, 4)}/${b.length}`,
    );
  }
  const passing = postings.filter((p) => p.job.quality.score >= threshold);
  const passFields = passing.flatMap((p) => p.fields);
  const correct = postings.filter((p) => p.fields.every((f) => f.correct));
  const titleRight = postings.filter((p) => p.titleRight);
  console.log(
    `    passing (≥ ${threshold}): ${passing.length}, fields right ${pct(passFields.filter((f) => f.correct).length, passFields.length)}; wrong title passing: ${passing.filter((p) => !p.titleRight).length}; any wrong field passing: ${passing.filter((p) => p.fields.some((f) => !f.correct)).length}`,
  );
  const rejected = correct.filter((p) => p.job.quality.score < threshold);
  console.log(
    `    correct postings rejected: ${rejected.length}/${correct.length} (${pct(rejected.length, correct.length).trim()}); right-title postings rejected: ${titleRight.filter((p) => p.job.quality.score < threshold).length}/${titleRight.length}`,
  );
  if (rejected.length) console.log(`    what costs the rejected correct postings most: ${costliest(rejected)}`);
}

/** The rules that withheld or deducted the most points from these postings, summed ("confidence:title 64, description 40"). */
function costliest(postings: Posting[]): string {
  const cost = new Map<string, number>();
  for (const p of postings)
    for (const r of p.job.quality.breakdown) if (r.points < r.max) cost.set(r.rule, (cost.get(r.rule) ?? 0) + r.max - r.points);
  return [...cost]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([rule, pts]) => `${rule} ${pts}`)
    .join(', ');
}

const CONF_BINS: [string, (c: number) => boolean][] = [
  ['< .35', (c) => c < 0.35],
  ['.35–.6', (c) => c >= 0.35 && c < 0.6],
  ['.6–.75', (c) => c >= 0.6 && c < 0.75],
  ['.75–.9', (c) => c >= 0.75 && c < 0.9],
  ['≥ .9', (c) => c >= 0.9],
];

/** Per judged field: accuracy by the field's source and by its confidence bin (what the weights are calibrated from). */
function calibration(postings: Posting[]): void {
  console.log(`\n  calibration (${postings.length} postings): accuracy per field by source and by confidence (right/total)`);
  const fields = [...new Set(postings.flatMap((p) => p.fields.map((f) => f.field)))];
  for (const field of fields) {
    const rows = postings.flatMap((p) => {
      const r = p.fields.find((f) => f.field === field);
      if (!r) return [];
      const key = field;
      return [{ correct: r.correct, source: p.job.provenance[key] ?? '(none)', conf: p.job.confidence?.[key]?.score }];
    });
    const bySource = new Map<string, [number, number]>();
    for (const r of rows) {
      const src = r.source.startsWith('site:') ? 'site' : r.source;
      const t = bySource.get(src) ?? [0, 0];
      t[0] += r.correct ? 1 : 0;
      t[1]++;
      bySource.set(src, t);
    }
    const bins = CONF_BINS.map(([label, inBin]) => {
      const b = rows.filter((r) => r.conf !== undefined && inBin(r.conf));
      return `${label} ${b.filter((r) => r.correct).length}/${b.length}`;
    });
    console.log(`    ${pad(field, 15)} ${[...bySource].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}  |  ${bins.join(', ')}`);
  }
}

function lowestRules(job: JobPosting): string {
  return job.quality.breakdown
    .filter((r) => r.points < r.max && r.note)
    .map((r) => `${r.rule} ${r.points}/${r.max} (${r.note})`)
    .join('; ');
}

function run(
  setName: string,
  pages: CorpusPage[],
  opts: { verbose: boolean; showHoldout: boolean; threshold: number; calibrate: boolean },
): void {
  if (pages.length === 0) return;
  const { postings, missed, falseJobs } = judge(pages);
  const jobs = pages.filter((p) => p.kind === 'job').length;
  console.log(
    `\n=== ${setName}: ${jobs} job pages, ${postings.length} postings, ${missed} with no job; ${falseJobs.length} false jobs on other pages${falseJobs.length ? ` (${falseJobs.filter((f) => f.score >= opts.threshold).length} passing)` : ''} ===`,
  );
  for (const split of ['dev', 'holdout']) {
    for (const origin of ['real', 'synthetic']) {
      report(
        `${split} / ${origin}`,
        postings.filter((p) => p.page.split === split && (origin === 'real') === (p.page.origin === 'real')),
        opts.threshold,
      );
    }
  }
  report('all', postings, opts.threshold);
  if (opts.calibrate) calibration(postings.filter((p) => p.page.split === 'dev'));
  if (!opts.verbose) return;
  console.log('\n  passing postings with a wrong field, and rejected correct postings:');
  for (const p of postings) {
    if (p.page.split === 'holdout' && !opts.showHoldout) continue;
    const pass = p.job.quality.score >= opts.threshold;
    const wrong = p.fields.filter((f) => !f.correct);
    if ((pass && wrong.length) || (!pass && !wrong.length)) {
      console.log(
        `    ${pad(p.page.id, 36)} ${lpad(p.job.quality.score, 3)} ${pass ? 'PASS' : 'REJECT'} title=${JSON.stringify(p.job.title.slice(0, 60))}`,
      );
      for (const f of wrong) console.log(`        ${f.field}: want ${JSON.stringify(f.want)} got ${JSON.stringify(f.got)}`);
      console.log(`        ${lowestRules(p.job)}`);
    }
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  const flag = (f: string) => argv.includes(f);
  const value = (f: string) => {
    const i = argv.indexOf(f);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const threshold = Number(value('--threshold') ?? DEFAULT_QUALITY_THRESHOLD);
  const opts = { verbose: flag('--verbose'), showHoldout: flag('--show-holdout'), calibrate: flag('--calibrate'), threshold };
  const dir = value('--dir');
  if (dir) run(`external (${dir})`, loadCorpus(path.resolve(dir), 'external'), opts);
  else {
    run('bench/real-world', loadCorpus(OWN_CORPUS, 'real-world'), opts);
    if (!flag('--no-shared')) run('../shared/corpus (not in the repo)', loadSharedCorpus(), opts);
  }
}

main();
