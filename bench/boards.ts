/**
 * Board clients on odd rows, per ATS and per source: peer-written and real responses from other
 * projects (`bench/boards/manifest.json`, with provenance; about 30% marked holdout and reported
 * apart), the Greenhouse responses recorded in `../shared/corpus` when present, and the synthetic
 * cases under `packages/parsers/test/fixtures/boards/`
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
 * Usage: `pnpm bench:boards [--verbose] [--details]`; env `BOARDS_BASELINE_REV` picks another baseline commit.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { JobPosting, StaticResponse } from '@jobkit/core';
import { createStaticFetcher } from '@jobkit/core';
import { listBoardJobs } from '@jobkit/parsers';
import type { BoardCase, ExpectedJob } from '../packages/parsers/test/fixtures/boards/cases.js';
import { BOARD_CASES, CASE_NOW } from '../packages/parsers/test/fixtures/boards/cases.js';
import { mismatches } from '../packages/parsers/test/fixtures/boards/match.js';
import type { Field } from './boards/truth.js';
import { FIELDS, kept, statedJobs, titleKey } from './boards/truth.js';

const VERBOSE = process.argv.includes('--verbose');
/** Run peer/real responses with per-job detail requests, as `listBoardJobs` does by default. */
const DETAILS = process.argv.includes('--details');
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
  /** Jobs whose fields were measured (recovered ones), for the per-field losses. */
  lostBy?: Partial<Record<Field, number>>;
  expected: number;
  recovered: number;
  badRows: number;
  reported: number;
  fields: number;
  fieldsRecovered: number;
  /** Boards that threw (a whole board lost). */
  crashes: number;
}

const blank = (): Tally => ({
  lostBy: {},
  cases: 0,
  expected: 0,
  recovered: 0,
  badRows: 0,
  reported: 0,
  fields: 0,
  fieldsRecovered: 0,
  crashes: 0,
});

/** Fields a row states: title, URL and each top-level key of `fields`. */
const statedFields = (j: ExpectedJob) => 2 + Object.keys(j.fields ?? {}).length;

function fieldsRecovered(job: JobPosting | undefined, want: ExpectedJob): number {
  if (!job) return 0;
  let n = (job.title === want.title ? 1 : 0) + (job.url === want.url ? 1 : 0);
  for (const [k, v] of Object.entries(want.fields ?? {}))
    if (mismatches((job as unknown as Record<string, unknown>)[k], v, k).length === 0) n++;
  return n;
}

async function runCase(list: ListFn, c: BoardCase, tally: Tally): Promise<void> {
  const routes: Record<string, StaticResponse> = {};
  for (const [url, body] of Object.entries(c.responses)) {
    routes[url] =
      typeof body === 'string' ? { body, headers: { 'content-type': 'application/xml; charset=utf-8' } } : { body: body as object };
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
  const files = ['ghio-generalassembly-embed-jobs.json', 'ghio-generalassembly-embed-jobs-content.json'].filter((f) =>
    existsSync(CORPUS + f),
  );
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

interface ManifestCase {
  id: string;
  platform: string;
  token: string;
  host?: string;
  kind: 'real' | 'peer';
  holdout: boolean;
  /** The batch that added the case (`h6`: second pass of issue #11); the bench reports the newest batch apart. */
  added?: string;
  options?: Record<string, unknown>;
  /** Request URL → data file (relative to `bench/boards/`). */
  responses: Record<string, string>;
  source: { repo: string; commit: string; path: string; license: string; note?: string };
}

/** The newest batch of manifest cases, reported apart (`new dev`, `new holdout`). */
const NEWEST_BATCH = 'h6';

const BOARDS_DIR = fileURLToPath(new URL('./boards/', import.meta.url));

function manifestCases(): ManifestCase[] {
  const m = JSON.parse(readFileSync(join(BOARDS_DIR, 'manifest.json'), 'utf8')) as { cases: ManifestCase[] };
  return m.cases;
}

/** A peer or real response: the jobs its rows state (truth.ts), matched to postings by title. */
async function runManifestCase(list: ListFn, c: ManifestCase, tally: Tally): Promise<void> {
  const routes: Record<string, StaticResponse> = {};
  const bodies: unknown[] = [];
  for (const [url, file] of Object.entries(c.responses)) {
    const text = readFileSync(join(BOARDS_DIR, file), 'utf8');
    if (file.endsWith('.xml')) {
      routes[url] = { body: text, headers: { 'content-type': 'application/xml; charset=utf-8' } };
      bodies.push(text);
    } else {
      const json = JSON.parse(text) as unknown;
      routes[url] = { body: json as object };
      bodies.push(json);
    }
  }
  const seen = new Set<string>();
  const stated = bodies.flatMap((b) => statedJobs(c.platform, b, seen) ?? []);
  tally.cases++;
  tally.expected += stated.length;
  tally.fields += stated.reduce((n, j) => n + j.fields.length, 0);
  const fetcher = createStaticFetcher(routes, { fallback: { status: 404, body: { ok: false } } });
  try {
    const res = await list(
      { platform: c.platform, boardToken: c.token, ...(c.host ? { host: c.host } : {}) },
      // --details: as a user calls it by default, per-job detail requests included (unrecorded ones answer 404).
      { fetcher, now: CASE_NOW, ...c.options, details: DETAILS },
    );
    const pool = new Map<string, JobPosting[]>();
    for (const j of res.jobs) pool.set(titleKey(j.title), [...(pool.get(titleKey(j.title)) ?? []), j]);
    for (const want of stated) {
      const job = pool.get(titleKey(want.title))?.shift();
      if (!job) {
        if (VERBOSE) console.log(`  ${c.id}: "${want.title}" missing`);
        continue;
      }
      tally.recovered++;
      for (const f of want.fields) {
        if (kept[f](job)) tally.fieldsRecovered++;
        else {
          tally.lostBy![f] = (tally.lostBy![f] ?? 0) + 1;
          if (VERBOSE) console.log(`  ${c.id}: "${want.title}" lost ${f}`);
        }
      }
    }
  } catch (error) {
    tally.crashes++;
    if (VERBOSE) console.log(`  ${c.id}: threw ${(error as { code?: string }).code ?? ''} ${(error as Error).message.slice(0, 200)}`);
  }
}

const pct = (a: number, b: number) => (b === 0 ? '    – ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

function add(into: Tally, t: Tally): void {
  for (const k of Object.keys(t) as (keyof Tally)[]) {
    if (k === 'lostBy') {
      for (const [f, n] of Object.entries(t.lostBy ?? {})) into.lostBy![f as Field] = (into.lostBy![f as Field] ?? 0) + n;
    } else into[k] += t[k];
  }
}

type Kind = 'real' | 'peer' | 'synthetic';
interface Run {
  key: string;
  kind: Kind;
  holdout: boolean;
  /** Added by the newest batch of cases (reported apart as "new"). */
  fresh?: boolean;
  run: (list: ListFn, t: Tally) => Promise<void>;
  platform: string;
}

async function measure(list: ListFn, runs: readonly Run[]): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  const bump = (key: string, t: Tally) => {
    const into = out.get(key) ?? blank();
    out.set(key, into);
    add(into, t);
  };
  for (const r of runs) {
    const t = blank();
    await r.run(list, t);
    const split = r.holdout ? 'holdout' : 'dev';
    bump(`${r.platform}\t${r.kind}`, t);
    bump(`all\t${r.kind}`, t);
    bump(`all\t${r.kind} ${split}`, t);
    bump(`all\tall ${split}`, t);
    if (r.fresh) bump(`all\tnew ${split}`, t);
    bump('all\tall', t);
  }
  return out;
}

const lostList = (t: Tally) =>
  FIELDS.filter((f) => (t.lostBy?.[f] ?? 0) > 0)
    .map((f) => `${f} ${t.lostBy![f]}`)
    .join(', ') || '–';

async function main(): Promise<void> {
  const corpus = corpusCases();
  const manifest = manifestCases();
  const kindOf = (k: string): Kind => (k === 'written' ? 'synthetic' : k === 'peer' ? 'peer' : 'real');
  const runs: Run[] = [
    ...manifest.map(
      (c): Run => ({
        key: c.id,
        kind: c.kind,
        holdout: c.holdout,
        fresh: c.added === NEWEST_BATCH,
        platform: c.platform,
        run: (l, t) => runManifestCase(l, c, t),
      }),
    ),
    ...[...BOARD_CASES, ...corpus].map(
      (c): Run => ({ key: c.name, kind: kindOf(c.source.kind), holdout: false, platform: c.platform, run: (l, t) => runCase(l, c, t) }),
    ),
  ];
  console.log(
    `Board clients on odd rows: ${runs.length} boards — ${manifest.length} peer/real responses from bench/boards/manifest.json (${manifest.filter((c) => c.holdout).length} holdout), ` +
      `${corpus.length} recorded responses from ../shared/corpus${corpus.length ? '' : ' (not found)'}, ${BOARD_CASES.length} cases under packages/parsers/test/fixtures/boards`,
  );
  console.log(
    'jobs: rows with a title and an id or URL; through: such jobs listBoardJobs returned; fields: fields those rows state (location, department, employment, date, description, workplace, salary; synthetic cases: title, URL and each pinned field)',
  );
  if (VERBOSE) console.log('\nnow:');
  const now = await measure(listBoardJobs, runs);
  const baselineList = await loadBaseline();
  if (VERBOSE && baselineList) console.log(`\nbaseline ${BASELINE_REV.slice(0, 12)}:`);
  const before = baselineList ? await measure(baselineList, runs) : null;

  const header = `${'ATS'.padEnd(16)} ${'source'.padEnd(17)} boards  jobs  through          fields  lost             boards lost | baseline: through   fields lost  boards lost | lost fields (now)`;
  const line = (key: string, t: Tally, b: Tally | undefined) => {
    const [platform, kind] = key.split('\t') as [string, string];
    const lost = t.fields - t.fieldsRecovered;
    return [
      platform.padEnd(16),
      kind.padEnd(17),
      String(t.cases).padStart(6),
      String(t.expected).padStart(5),
      `${String(t.recovered).padStart(5)} ${pct(t.recovered, t.expected)}`,
      String(t.fields).padStart(7),
      `${String(lost).padStart(5)} ${pct(lost, t.fields)}`,
      String(t.crashes).padStart(6),
      '      |',
      b
        ? `${pct(b.recovered, b.expected).padStart(17)} ${pct(b.fields - b.fieldsRecovered, b.fields).padStart(12)} ${String(b.crashes).padStart(12)}`
        : '     (no baseline)                      ',
      ' |',
      lostList(t),
    ].join(' ');
  };
  console.log(`\n${header}`);
  const order = (k: string) => (k.startsWith('all\t') ? `~${k}` : k);
  const keys = [...now.keys()].sort((a, b) => order(a).localeCompare(order(b)));
  for (const key of keys) {
    if (key.startsWith('all\t') && !key.endsWith('\tall') && key.split('\t')[1]!.split(' ').length === 1 && !VERBOSE) {
      // per-kind totals are printed below with their dev/holdout split
    }
    if (key === `all\tall`) console.log('-'.repeat(header.length));
    console.log(line(key, now.get(key)!, before?.get(key)));
  }
}

await main();
