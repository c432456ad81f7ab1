/**
 * `bench:real-world` — how well `parseJobPage` and `extractJobLinks` read real saved web pages:
 * the project's own corpus in `bench/real-world/` (see its README), `../shared/corpus` when present
 * (reported apart), and any external set in the same format passed with `--dir`.
 *
 * Prints per-field and per-family accuracy, structured vs unstructured pages, real vs synthetic,
 * dev vs holdout, missed jobs on job pages, false jobs on listing / shell / not-job pages, job-link
 * recall and precision and next-page accuracy on listings, and whether shells get a warning naming
 * their platform.
 *
 * Comparison rules (implemented in `bench/real-world/evaluate.ts`):
 * - title, company: equal after folding case, width, whitespace and punctuation (a title with a
 *   trailing location or company suffix is wrong); companies also without a legal form at either
 *   end (GmbH, Sp. z o.o., ООО, 株式会社 …); a company derived from the domain = none.
 * - locations: every stated place matched by city (country for country-only places), any order.
 * - salary: min, max, currency and period all match, amounts within 1 %.
 * - dates by calendar day; workplaceType / employmentType exact; applyUrl by canonical URL.
 * - `null` in the truth = not stated (judged: inventing a value is wrong); an omitted key = not judged.
 *
 * Holdout pages are scored but their mismatches are not printed unless `--show-holdout` is given:
 * people tuning the parser must not read them.
 *
 * Run: npx -y pnpm@10 bench:real-world [--verbose] [--only <id>] [--dir <path>] [--show-holdout] [--no-shared]
 * @module
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractJobLinks, parseJobPage } from '@jobkit/parsers';
import { type CorpusPage, loadCorpus, loadSharedCorpus, OWN_CORPUS } from './real-world/corpus.js';
import { evaluatePage, FIELDS, type PageEvaluation, type ParsedLinks } from './real-world/evaluate.js';

/** Reference time when a truth file gives no `capturedAt`. */
const DEFAULT_NOW = new Date('2026-11-25T12:00:00Z');

interface Scored {
  page: CorpusPage;
  evaluation: PageEvaluation;
  source: string | null;
  warnings: string[];
  ms: number;
}

// ---------------------------------------------------------------------------------------------
// Scoring

function linksOf(html: string, url: string): ParsedLinks {
  // extractJobLinks returns JobLink[] carrying the list's next page as a non-enumerable
  // `nextPage`; an object `{ links, nextPage }` is read too.
  const r: unknown = extractJobLinks(html, { url });
  if (Array.isArray(r))
    return { links: r.map((l: { url: string }) => l.url), nextPage: (r as { nextPage?: string | null }).nextPage ?? null };
  const o = r as { links?: { url: string }[]; jobs?: { url: string }[]; nextPage?: string | null };
  return { links: (o.links ?? o.jobs ?? []).map((l) => l.url), nextPage: o.nextPage ?? null };
}

function score(page: CorpusPage): Scored {
  const now = page.truth.capturedAt ? new Date(page.truth.capturedAt) : DEFAULT_NOW;
  const t0 = performance.now();
  let parsed: { job: ReturnType<typeof parseJobPage>['job']; warnings: string[]; source: string | null };
  try {
    parsed = parseJobPage(page.html, { url: page.truth.url, now });
  } catch (e) {
    parsed = { job: null, warnings: [`threw: ${(e as Error).message}`], source: null };
  }
  const links = page.kind === 'listing' ? linksOf(page.html, page.truth.url) : undefined;
  const ms = performance.now() - t0;
  const langs = page.language && page.language !== 'und' ? [page.language] : [];
  return { page, evaluation: evaluatePage(page.truth, parsed, links, langs), source: parsed.source, warnings: parsed.warnings, ms };
}

// ---------------------------------------------------------------------------------------------
// Reporting

class Tally {
  right = 0;
  total = 0;
  /** Fields the page states (truth not null). */
  statedRight = 0;
  statedTotal = 0;
  pages = 0;
  add(e: PageEvaluation): void {
    this.pages++;
    for (const f of e.fields) {
      this.total++;
      if (f.correct) this.right++;
      const stated = f.want !== null && !(Array.isArray(f.want) && f.want.length === 0);
      if (stated) {
        this.statedTotal++;
        if (f.correct) this.statedRight++;
      }
    }
  }
}

const pct = (a: number, b: number) => (b === 0 ? '   –' : `${((a / b) * 100).toFixed(1)}%`.padStart(6));
const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

function groupTable(title: string, scored: Scored[], key: (s: Scored) => string): void {
  const groups = new Map<string, Tally>();
  for (const s of scored.filter((s) => s.page.kind === 'job')) {
    const k = key(s);
    if (!groups.has(k)) groups.set(k, new Tally());
    groups.get(k)!.add(s.evaluation);
  }
  if (groups.size === 0) return;
  console.log(`\n| ${title} | pages | fields right | accuracy | stated fields right |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const [k, t] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(
      `| ${k} | ${t.pages} | ${t.right}/${t.total} | ${pct(t.right, t.total).trim()} | ${pct(t.statedRight, t.statedTotal).trim()} |`,
    );
  }
}

/** Real pages only, per family, dev and holdout apart: the figures the held-out real set is compared with. */
function realFamilyTable(scored: Scored[]): void {
  const real = scored.filter((s) => s.page.kind === 'job' && s.page.origin === 'real');
  if (real.length === 0) return;
  const groups = new Map<string, { dev: Tally; holdout: Tally; all: Tally }>();
  for (const s of real) {
    for (const k of [s.page.family, 'all real job pages']) {
      if (!groups.has(k)) groups.set(k, { dev: new Tally(), holdout: new Tally(), all: new Tally() });
      const g = groups.get(k)!;
      g.all.add(s.evaluation);
      (s.page.split === 'holdout' ? g.holdout : g.dev).add(s.evaluation);
    }
  }
  const cell = (t: Tally) => (t.pages ? `${pct(t.right, t.total).trim()} (${t.right}/${t.total})` : '–');
  console.log('\n| family (real job pages) | pages dev / holdout | dev fields right | holdout fields right | all fields right |');
  console.log('|---|---:|---:|---:|---:|');
  const rows = [...groups].sort((a, b) =>
    a[0] === 'all real job pages' ? 1 : b[0] === 'all real job pages' ? -1 : a[0].localeCompare(b[0]),
  );
  for (const [k, g] of rows) {
    console.log(`| ${k} | ${g.dev.pages} / ${g.holdout.pages} | ${cell(g.dev)} | ${cell(g.holdout)} | ${cell(g.all)} |`);
  }
}

function fieldTable(scored: Scored[]): void {
  const jobs = scored.filter((s) => s.page.kind === 'job');
  if (jobs.length === 0) return;
  const cols: [string, (s: Scored) => boolean][] = [
    ['all', () => true],
    ['structured', (s) => s.page.structured !== 'none'],
    ['unstructured', (s) => s.page.structured === 'none'],
    ['real', (s) => s.page.origin === 'real'],
    ['synthetic', (s) => s.page.origin !== 'real'],
    ['dev', (s) => s.page.split === 'dev'],
    ['holdout', (s) => s.page.split === 'holdout'],
  ];
  const present = cols.filter(([, f]) => jobs.some(f));
  console.log(`\n| field | ${present.map(([n]) => `${n} (${jobs.filter(present.find((c) => c[0] === n)![1]).length})`).join(' | ')} |`);
  console.log(`|---|${present.map(() => '---:').join('|')}|`);
  const rows = [...FIELDS, 'all fields'] as const;
  for (const field of rows) {
    const cells = present.map(([, f]) => {
      let right = 0;
      let total = 0;
      for (const s of jobs.filter(f)) {
        for (const r of s.evaluation.fields) {
          if (field !== 'all fields' && r.field !== field) continue;
          total++;
          if (r.correct) right++;
        }
      }
      return total ? `${pct(right, total).trim()} (${right}/${total})` : '–';
    });
    console.log(`| ${field} | ${cells.join(' | ')} |`);
  }
}

function listingSummary(scored: Scored[]): void {
  const listings = scored.filter((s) => s.page.kind === 'listing' && s.evaluation.links);
  if (listings.length === 0) return;
  const sum = (k: 'expected' | 'found' | 'returned') => listings.reduce((a, s) => a + s.evaluation.links![k], 0);
  const exp = sum('expected');
  const found = sum('found');
  const ret = sum('returned');
  const perPage = listings.map((s) => (s.evaluation.links!.expected ? s.evaluation.links!.found / s.evaluation.links!.expected : 1));
  const np = listings.filter((s) => s.evaluation.nextPageCorrect !== undefined);
  const bySite = new Map<string, { exp: number; found: number; ret: number; pages: number }>();
  for (const s of listings) {
    const k = s.page.site;
    const t = bySite.get(k) ?? { exp: 0, found: 0, ret: 0, pages: 0 };
    t.exp += s.evaluation.links!.expected;
    t.found += s.evaluation.links!.found;
    t.ret += s.evaluation.links!.returned;
    t.pages++;
    bySite.set(k, t);
  }
  console.log('\n| listing site | pages | link recall | link precision |');
  console.log('|---|---:|---:|---:|');
  for (const [k, t] of [...bySite].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`| ${k} | ${t.pages} | ${pct(t.found, t.exp).trim()} (${t.found}/${t.exp}) | ${pct(t.found, t.ret).trim()} |`);
  }
  console.log(
    `\nListings: ${listings.length} pages, link recall ${pct(found, exp).trim()} (${found}/${exp}), precision ${pct(found, ret).trim()} (${found}/${ret}), mean per-page recall ${pct(
      perPage.reduce((a, b) => a + b, 0),
      perPage.length,
    ).trim()}; pages under 90 % recall: ${perPage.filter((r) => r < 0.9).length}`,
  );
  if (np.length)
    console.log(`  next-page link right on ${np.filter((s) => s.evaluation.nextPageCorrect).length}/${np.length} listings that judge it`);
}

function report(setName: string, scored: Scored[], opts: { verbose: boolean; showHoldout: boolean }): void {
  if (scored.length === 0) return;
  const count = (f: (s: Scored) => boolean) => scored.filter(f).length;
  const jobs = scored.filter((s) => s.page.kind === 'job');
  const ms = scored.reduce((a, s) => a + s.ms, 0);
  console.log(
    `\n=== ${setName}: ${scored.length} pages (${jobs.length} job, ${count((s) => s.page.kind === 'listing')} listing, ${count((s) => s.page.kind === 'shell')} shell, ${count((s) => s.page.kind === 'not-job')} not-job); ${count((s) => s.page.origin === 'real')} real, ${count((s) => s.page.origin !== 'real')} synthetic; ${count((s) => s.page.split === 'holdout')} holdout; ${new Set(scored.map((s) => s.page.site)).size} sites, ${new Set(scored.map((s) => s.page.language.split('-')[0])).size} languages, ${new Set(scored.map((s) => s.page.script)).size} scripts; parsed in ${ms.toFixed(0)} ms ===`,
  );

  const slow = [...scored]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((s) => `${s.page.id} ${s.ms.toFixed(0)} ms`);
  console.log(`Slowest pages (the first parse includes module warm-up): ${slow.join(', ')}`);

  if (opts.verbose) {
    for (const s of scored) {
      if (s.page.split === 'holdout' && !opts.showHoldout) continue;
      printPage(s);
    }
  }

  fieldTable(scored);
  groupTable('family (job pages)', scored, (s) => s.page.family);
  realFamilyTable(scored);
  groupTable('structured data', scored, (s) => (s.page.structured === 'none' ? 'none' : s.page.structured));
  groupTable('script', scored, (s) => s.page.script);
  groupTable('origin / split', scored, (s) => `${s.page.origin} / ${s.page.split}`);

  const missed = jobs.filter((s) => s.evaluation.missedJob);
  console.log(
    `\nJob pages with no job returned: ${missed.length}/${jobs.length}${
      missed.length
        ? ` (${
            missed
              .filter((s) => s.page.split === 'dev' || opts.showHoldout)
              .map((s) => s.page.id)
              .join(', ') || 'holdout only'
          })`
        : ''
    }`,
  );
  for (const kind of ['listing', 'shell', 'not-job'] as const) {
    const pages = scored.filter((s) => s.page.kind === kind);
    if (!pages.length) continue;
    const fj = pages.filter((s) => s.evaluation.falseJob);
    const shown = fj.filter((s) => s.page.split === 'dev' || opts.showHoldout).map((s) => s.page.id);
    console.log(`False jobs on ${kind} pages: ${fj.length}/${pages.length}${shown.length ? ` (${shown.join(', ')})` : ''}`);
  }
  const shells = scored.filter((s) => s.evaluation.shellWarningNamesPlatform !== undefined);
  if (shells.length)
    console.log(
      `Shells with a warning naming their platform: ${shells.filter((s) => s.evaluation.shellWarningNamesPlatform).length}/${shells.length}`,
    );
  listingSummary(scored);
}

function printPage(s: Scored): void {
  const e = s.evaluation;
  const p = s.page;
  const head = `${pad(p.id, 40)} ${p.kind}/${p.family} ${p.structured} ${p.origin} source=${s.source ?? 'none'}`;
  if (p.kind === 'job') {
    const right = e.fields.filter((f) => f.correct).length;
    console.log(`${head}  ${right}/${e.fields.length}`);
    if (e.missedJob) console.log(`    job null: ${s.warnings.join('; ')}`);
    for (const f of e.fields.filter((f) => !f.correct))
      console.log(`    ✗ ${pad(f.field, 14)} ours ${JSON.stringify(f.got)}  truth ${JSON.stringify(f.want)}`);
  } else {
    const l = e.links;
    console.log(
      `${head}  ${e.falseJob ? 'FALSE JOB' : 'no job'}${l ? `, links ${l.found}/${l.expected} (returned ${l.returned})` : ''}${e.nextPageCorrect === false ? ', next page wrong' : ''}`,
    );
    if (e.shellWarningNamesPlatform === false) console.log(`    shell warning does not name ${p.truth.platform}: ${s.warnings.join('; ')}`);
    if (l) {
      for (const u of l.missing.slice(0, 8)) console.log(`    missing ${u}`);
      for (const u of l.extra.slice(0, 8)) console.log(`    extra   ${u}`);
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const only = value('--only');
  const dir = value('--dir');
  const opts = { verbose: flag('--verbose') || only !== undefined, showHoldout: flag('--show-holdout') };

  const sets: [string, CorpusPage[]][] = [];
  if (dir) sets.push([`external (${dir})`, loadCorpus(path.resolve(dir), 'external')]);
  else {
    sets.push(['bench/real-world', loadCorpus(OWN_CORPUS, 'bench/real-world')]);
    if (!flag('--no-shared')) sets.push(['../shared/corpus (not in the repo)', loadSharedCorpus()]);
  }

  console.log(
    'Real-web extraction bench. Rules: titles/companies folded (case, width, spaces, punctuation; companies without legal forms); locations by city/country in any order;',
  );
  console.log(
    'salary = min, max, currency, period (1 %); dates by day; enums exact; applyUrl canonical. null in truth = not stated (judged); omitted = not judged.',
  );
  for (const [name, pages] of sets) {
    const chosen = only ? pages.filter((p) => p.id === only) : pages;
    if (only && chosen.length === 0) continue;
    if (only && chosen[0]!.split === 'holdout' && !opts.showHoldout) {
      console.log(`${only} is a holdout page: its mismatches are not printed (pass --show-holdout if you are not tuning the parser).`);
      opts.verbose = false;
    }
    report(name, chosen.map(score), opts);
  }
  if (only && !sets.some(([, pages]) => pages.some((p) => p.id === only))) {
    console.error(`no page with id ${only}`);
    process.exitCode = 1;
  }
}

main();
