/**
 * Board clients on odd rows: every board case under `packages/parsers/test/fixtures/boards/`
 * (one file per vendor: good rows mixed with `null` entries, rows without id, title or URL,
 * numeric ids, stringly flags, `http:` URLs, missing totals; plus real captures with provenance)
 * and, when `../shared/corpus` exists, the Greenhouse API responses recorded there, run through
 * `listBoardJobs` on the in-memory fetcher.
 *
 * Per vendor it prints jobs expected (rows with a title and an id or URL) vs recovered, bad rows
 * expected vs reported, and stated fields recovered (each field a row states, matched as a subset
 * of the posting). Next to it, the same figures for the baseline measured in the same run: the
 * board clients as they were before issue #11 (validating each response whole, so one bad row
 * lost the board), extracted with `git archive` from commit {@link BASELINE_REV} into a temporary
 * directory (skipped with a note when git or the commit is unavailable).
 *
 * Usage: `pnpm bench:boards [--verbose]`; env `BOARDS_BASELINE_REV` picks another baseline commit.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createStaticFetcher } from '@jobkit/core';
import type { JobPosting, StaticResponse } from '@jobkit/core';
import { listBoardJobs } from '@jobkit/parsers';
import { BOARD_CASES, CASE_NOW } from '../packages/parsers/test/fixtures/boards/cases.js';
import type { BoardCase, ExpectedJob } from '../packages/parsers/test/fixtures/boards/cases.js';
import { mismatches } from '../packages/parsers/test/fixtures/boards/match.js';

const VERBOSE = process.argv.includes('--verbose');
/** Last commit before the tolerant-rows work of issue #11. */
const BASELINE_REV = process.env.BOARDS_BASELINE_REV ?? '37fe211018e678f780069dc0fae951b8d6d38fd3';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

type ListFn = typeof listBoardJobs;

/** `listBoardJobs` as of `BASELINE_REV`, or `null` (with the reason printed) when it cannot be loaded. */
async function loadBaseline(): Promise<ListFn | null> {
  const dir = join(tmpdir(), `jobkit-boards-baseline-${BASELINE_REV.slice(0, 12)}`);
  const entry = join(dir, 'packages/parsers/src/index.ts');
  try {
    if (!existsSync(entry)) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const tar = execFileSync('git', ['-C', ROOT, 'archive', BASELINE_REV, 'packages/parsers/src'], { maxBuffer: 64 << 20 });
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
      // The old sources resolve their dependencies through today's parsers package.
      symlinkSync(join(ROOT, 'packages/parsers/node_modules'), join(dir, 'packages/parsers/node_modules'), 'dir');
    }
    const mod = (await import(pathToFileURL(entry).href)) as { listBoardJobs: ListFn };
    return mod.listBoardJobs;
  } catch (error) {
    console.log(`(baseline at ${BASELINE_REV.slice(0, 12)} unavailable: ${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}
const CORPUS = fileURLToPath(new URL('../../shared/corpus/files/', import.meta.url));

interface Tally {
  cases: number;
  expected: number;
  recovered: number;
  badRows: number;
  reported: number;
  fields: number;
  fieldsRecovered: number;
  /** Boards that threw (a whole board lost). */
  crashes: number;
}

const blank = (): Tally => ({ cases: 0, expected: 0, recovered: 0, badRows: 0, reported: 0, fields: 0, fieldsRecovered: 0, crashes: 0 });

/** Fields a row states: title, URL and each top-level key of `fields`. */
const statedFields = (j: ExpectedJob) => 2 + Object.keys(j.fields ?? {}).length;

function fieldsRecovered(job: JobPosting | undefined, want: ExpectedJob): number {
  if (!job) return 0;
  let n = (job.title === want.title ? 1 : 0) + (job.url === want.url ? 1 : 0);
  for (const [k, v] of Object.entries(want.fields ?? {})) if (mismatches((job as unknown as Record<string, unknown>)[k], v, k).length === 0) n++;
  return n;
}

async function runCase(list: ListFn, c: BoardCase, tally: Tally): Promise<void> {
  const routes: Record<string, StaticResponse> = {};
  for (const [url, body] of Object.entries(c.responses)) {
    routes[url] = typeof body === 'string' ? { body, headers: { 'content-type': 'application/xml; charset=utf-8' } } : { body: body as object };
  }
  const fetcher = createStaticFetcher(routes, { fallback: { status: 404, body: { ok: false } } });
  tally.cases++;
  tally.expected += c.jobs.length;
  tally.badRows += c.skipped.length;
  tally.fields += c.jobs.reduce((n, j) => n + statedFields(j), 0);
  try {
    const res = await list(
      { platform: c.platform, boardToken: c.token, ...(c.host ? { host: c.host } : {}) },
      { fetcher, now: CASE_NOW, ...c.options },
    );
    const byId = new Map(res.jobs.map((j) => [j.ats?.jobId, j]));
    for (const want of c.jobs) {
      const job = byId.get(want.id);
      if (job && job.title === want.title) tally.recovered++;
      const got = fieldsRecovered(job, want);
      tally.fieldsRecovered += got;
      if (VERBOSE && got < statedFields(want)) {
        const diff = job ? mismatches(job, { title: want.title, url: want.url, ...want.fields }) : ['missing'];
        console.log(`  ${c.name} · ${want.id}: ${diff.join('; ')}`);
      }
    }
    const wantSkips = new Set(c.skipped.map((s) => s.index));
    tally.reported += (res.skipped ?? []).filter((s) => wantSkips.has(s.index)).length;
  } catch (error) {
    tally.crashes++;
    if (VERBOSE) console.log(`  ${c.name}: threw ${(error as { code?: string }).code ?? ''} ${(error as Error).message.slice(0, 200)}`);
  }
}

interface CorpusRow {
  id?: unknown;
  title?: unknown;
  absolute_url?: unknown;
  location?: { name?: unknown } | null;
  updated_at?: unknown;
  content?: unknown;
}

/** Greenhouse responses recorded in the shared corpus: each row with a title and an id or URL is expected, with the fields it states. */
function corpusCases(): BoardCase[] {
  if (!existsSync(CORPUS)) return [];
  const files = ['ghio-generalassembly-embed-jobs.json', 'ghio-generalassembly-embed-jobs-content.json'].filter((f) => existsSync(CORPUS + f));
  return files.map((file) => {
    const data = JSON.parse(readFileSync(CORPUS + file, 'utf8')) as { jobs?: CorpusRow[] };
    const rows = data.jobs ?? [];
    const jobs: ExpectedJob[] = rows
      .filter((r) => typeof r.title === 'string' && r.title.trim() && (r.id != null || typeof r.absolute_url === 'string'))
      .map((r) => {
        const fields: Record<string, unknown> = {};
        if (typeof r.updated_at === 'string') fields.datePosted = r.updated_at;
        if (typeof r.content === 'string' && r.content.trim()) fields.source = 'ats-api';
        return {
          id: String(r.id),
          title: String(r.title).trim(),
          url: `https://boards.greenhouse.io/generalassembly/jobs/${String(r.id)}`,
          fields,
        };
      });
    return {
      name: `greenhouse: shared corpus ${file}`,
      platform: 'greenhouse',
      token: 'generalassembly',
      options: { details: false },
      source: { kind: 'real', repo: 'grnhse/greenhouse_io', note: `../shared/corpus/files/${file}` },
      responses: { 'https://boards-api.greenhouse.io/v1/boards/generalassembly/jobs?content=true': data },
      jobs,
      skipped: [],
    } satisfies BoardCase;
  });
}

const pct = (a: number, b: number) => (b === 0 ? '    – ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

function add(into: Tally, t: Tally): void {
  for (const k of Object.keys(t) as (keyof Tally)[]) into[k] += t[k];
}

async function measure(list: ListFn, cases: readonly BoardCase[]): Promise<{ byVendor: Map<string, Tally>; bySource: Map<string, Tally>; total: Tally }> {
  const byVendor = new Map<string, Tally>();
  const bySource = new Map<string, Tally>();
  const total = blank();
  for (const c of cases) {
    const t = blank();
    await runCase(list, c, t);
    for (const [map, key] of [
      [byVendor, c.platform],
      [bySource, c.source.kind],
    ] as const) {
      const into = map.get(key) ?? blank();
      map.set(key, into);
      add(into, t);
    }
    add(total, t);
  }
  return { byVendor, bySource, total };
}

async function main(): Promise<void> {
  const cases = [...BOARD_CASES, ...corpusCases()];
  console.log(
    `Board clients on odd rows: ${cases.length} boards (${BOARD_CASES.length} fixture cases${cases.length > BOARD_CASES.length ? `, ${cases.length - BOARD_CASES.length} recorded responses from ../shared/corpus` : '; ../shared/corpus not found'})`,
  );
  if (VERBOSE) console.log('\nnow:');
  const now = await measure(listBoardJobs, cases);
  const baselineList = await loadBaseline();
  if (VERBOSE && baselineList) console.log(`\nbaseline ${BASELINE_REV.slice(0, 12)}:`);
  const before = baselineList ? await measure(baselineList, cases) : null;

  const header = `${'vendor'.padEnd(16)} boards  jobs  recovered       bad rows reported  fields recovered       boards lost | baseline: recovered       fields          boards lost`;
  const line = (name: string, t: Tally, b: Tally | undefined) =>
    [
      name.padEnd(16),
      String(t.cases).padStart(6),
      String(t.expected).padStart(5),
      `${String(t.recovered).padStart(5)} ${pct(t.recovered, t.expected)}`,
      String(t.badRows).padStart(8),
      String(t.reported).padStart(8),
      String(t.fields).padStart(7),
      `${String(t.fieldsRecovered).padStart(5)} ${pct(t.fieldsRecovered, t.fields)}`,
      String(t.crashes).padStart(6),
      ' |',
      b ? `${String(b.recovered).padStart(9)} ${pct(b.recovered, b.expected)}  ${String(b.fieldsRecovered).padStart(5)} ${pct(b.fieldsRecovered, b.fields)}  ${String(b.crashes).padStart(10)}` : '   (no baseline)',
    ].join(' ');
  console.log(`\n${header}`);
  for (const [name, t] of [...now.byVendor].sort(([a], [b]) => a.localeCompare(b))) console.log(line(name, t, before?.byVendor.get(name)));
  console.log('-'.repeat(header.length));
  console.log(line('all', now.total, before?.total));
  console.log('\nby source (written: hand-written vendor shapes; real: recorded live responses)');
  for (const [name, t] of now.bySource) console.log(line(name, t, before?.bySource.get(name)));
}

await main();
