import type { JobPosting, StaticResponse } from '@jobkit/core';
import { createFetchResult, createStaticFetcher, JobkitError } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import type { BoardJobsResult } from '../src/index.js';
import { listBoardJobs } from '../src/index.js';
import type { BoardCase } from './fixtures/boards/cases.js';
import { BOARD_CASES, CASE_NOW } from './fixtures/boards/cases.js';

// Red team for the board clients: each family of odd response seen in real and peer-written ATS
// responses, applied to one hand-written case per client (the one with the most expected jobs), so
// every client meets every family. Transport families (BOM, lying Content-Type, trailing bytes,
// wrappers, rows keyed by id) must lose nothing; row families (numbers as strings, nulls where
// objects belong, places in another shape, pay as text or inverted, markup in titles, dates in
// another form, repeated rows) must keep every job and every field the untouched response gave.

type Json = unknown;
type Row = Record<string, unknown>;

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One JSON case per client: the single-response case with the most expected jobs. */
const PER_CLIENT: BoardCase[] = (() => {
  const best = new Map<string, BoardCase>();
  for (const c of BOARD_CASES) {
    const bodies = Object.values(c.responses);
    if (bodies.length !== 1 || typeof bodies[0] === 'string' || c.jobs.length === 0) continue;
    const had = best.get(c.platform);
    if (!had || c.jobs.length > had.jobs.length) best.set(c.platform, c);
  }
  return [...best.values()];
})();
/** XML clients (one case each): only the transport families apply. */
const XML_CASES: BoardCase[] = (() => {
  const best = new Map<string, BoardCase>();
  for (const c of BOARD_CASES) {
    const bodies = Object.values(c.responses);
    if (bodies.length === 1 && typeof bodies[0] === 'string' && c.jobs.length > 0 && !best.has(c.platform)) best.set(c.platform, c);
  }
  return [...best.values()];
})();

const urlOf = (c: BoardCase) => Object.keys(c.responses)[0]!;
const bodyOf = (c: BoardCase) => structuredClone(Object.values(c.responses)[0]) as Json;

async function run(c: BoardCase, served: StaticResponse): Promise<BoardJobsResult> {
  const fetcher = createStaticFetcher({ [urlOf(c)]: served }, { fallback: { status: 404, body: { ok: false } } });
  return listBoardJobs(
    { platform: c.platform, boardToken: c.token, ...(c.host ? { host: c.host } : {}) },
    { fetcher, now: CASE_NOW, details: false, ...c.options },
  );
}

const asJson = (body: Json): StaticResponse =>
  typeof body === 'string' ? { body, headers: { 'content-type': 'application/xml' } } : { body: body as object };

/** The rows array of a response: the body itself, or the first array among its values (one level down at most). */
function rowsOf(body: Json): Row[] {
  if (Array.isArray(body)) return body as Row[];
  if (!isRow(body)) return [];
  for (const v of Object.values(body)) if (Array.isArray(v)) return v as Row[];
  for (const v of Object.values(body)) if (isRow(v)) for (const w of Object.values(v)) if (Array.isArray(w)) return w as Row[];
  return [];
}

/** Apply `f` to every value under the rows (deep), leaving the envelope alone. */
function mapRowValues(body: Json, f: (v: unknown, key: string) => unknown): Json {
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (isRow(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return f(v, key);
  };
  const rows = rowsOf(body);
  for (let i = 0; i < rows.length; i++) rows[i] = walk(rows[i], '') as Row;
  return body;
}

const byId = (jobs: readonly JobPosting[]) => new Map(jobs.map((j) => [j.ats?.jobId ?? '', j]));

/** What the untouched response gives each expected job: the fields a family must not lose. */
interface Kept {
  title: string;
  locations: boolean;
  salary: boolean;
  date: string | null;
  employment: boolean;
  description: boolean;
  department: boolean;
}
const baselines = new Map<string, Map<string, Kept>>();
async function baseline(c: BoardCase): Promise<Map<string, Kept>> {
  const had = baselines.get(c.name);
  if (had) return had;
  const res = await run(c, asJson(bodyOf(c)));
  const got = byId(res.jobs);
  const out = new Map<string, Kept>();
  for (const want of c.jobs) {
    const j = got.get(want.id);
    if (!j) continue;
    out.set(want.id, {
      title: j.title,
      locations: j.locations.length > 0,
      salary: j.salary !== null,
      date: j.datePosted?.slice(0, 10) ?? null,
      employment: j.employmentType.length > 0,
      description: j.description.text !== '',
      department: typeof j.department === 'string',
    });
  }
  baselines.set(c.name, out);
  return out;
}

type FieldCheck = keyof Omit<Kept, 'title'>;
/** Every expected job that came through untouched comes through again, keeping `fields`. */
async function expectKept(c: BoardCase, res: BoardJobsResult, fields: readonly FieldCheck[] = []): Promise<void> {
  const base = await baseline(c);
  const got = byId(res.jobs);
  for (const [id, was] of base) {
    const j = got.get(id);
    expect(j, `${c.name}: job ${id} lost`).toBeDefined();
    if (!j) continue;
    expect(j.title, `${c.name}: job ${id} title`).toBe(was.title);
    for (const f of fields) {
      if (!was[f]) continue;
      const now =
        f === 'date'
          ? j.datePosted?.slice(0, 10)
          : f === 'locations'
            ? j.locations.length > 0
            : f === 'salary'
              ? j.salary !== null
              : f === 'employment'
                ? j.employmentType.length > 0
                : f === 'description'
                  ? j.description.text !== ''
                  : typeof j.department === 'string';
      expect(now, `${c.name}: job ${id} lost ${f}`).toBe(was[f]);
    }
  }
}

const ALL_FIELDS: readonly FieldCheck[] = ['locations', 'salary', 'date', 'employment', 'description', 'department'];

async function rejects(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(JobkitError);
    return (error as JobkitError).code;
  }
  throw new Error('expected a typed error');
}

describe.each(PER_CLIENT.map((c) => [c.platform, c] as const))('%s: transport and envelope families', (_p, c) => {
  const text = () => JSON.stringify(bodyOf(c));

  it('a byte-order mark before the JSON loses nothing', async () => {
    await expectKept(c, await run(c, { body: `\uFEFF${text()}`, headers: { 'content-type': 'application/json' } }), ALL_FIELDS);
  });

  it('JSON served as text/html or text/plain (a Content-Type that lies) loses nothing', async () => {
    for (const type of ['text/html; charset=utf-8', 'text/plain', 'application/octet-stream'])
      await expectKept(c, await run(c, { body: text(), headers: { 'content-type': type } }), ALL_FIELDS);
    await expectKept(c, await run(c, { body: `)]}',\n${text()}`, headers: { 'content-type': 'text/html' } }), ALL_FIELDS);
  });

  it('an anti-hijacking prefix and trailing bytes after the JSON lose nothing, with a warning for the bytes', async () => {
    await expectKept(c, await run(c, { body: `)]}',\n${text()}`, headers: { 'content-type': 'application/json' } }), ALL_FIELDS);
    const res = await run(c, { body: `${text()}\n<!-- served from cache -->\n`, headers: { 'content-type': 'application/json' } });
    await expectKept(c, res, ALL_FIELDS);
    expect(res.warnings.join('\n')).toMatch(/after its JSON/);
  });

  it('the response wrapped once more ({ data: … }, { response: { data: … } }) loses nothing', async () => {
    await expectKept(c, await run(c, asJson({ data: bodyOf(c) })), ALL_FIELDS);
    await expectKept(c, await run(c, asJson({ response: { data: bodyOf(c) } })), ALL_FIELDS);
  });

  it('rows sent as an object keyed by id instead of an array lose nothing', async () => {
    const body = bodyOf(c);
    const rows = rowsOf(body);
    const map = Object.fromEntries(rows.map((r, i) => [`k${i}`, r]));
    const keyed = Array.isArray(body) ? map : Object.fromEntries(Object.entries(body as Row).map(([k, v]) => [k, v === rows ? map : v]));
    await expectKept(c, await run(c, asJson(keyed)), ALL_FIELDS);
  });

  it('an empty 200 body, an HTML page with 200 and JSON without the rows are typed errors, not crashes', async () => {
    expect(await rejects(run(c, { body: '', headers: { 'content-type': 'application/json' } }))).toBe('BOARD_EMPTY');
    expect(
      await rejects(
        run(c, { body: '<!doctype html><html><body>Something went wrong</body></html>', headers: { 'content-type': 'application/json' } }),
      ),
    ).toBe('BOARD_NOT_FOUND');
    expect(await rejects(run(c, asJson({ message: 'Service temporarily unavailable' })))).toBe('BOARD_ENDPOINT_CHANGED');
    expect(await rejects(run(c, { body: '{"jobs": [', headers: { 'content-type': 'application/json' } }))).toBe('BOARD_ENDPOINT_CHANGED');
  });
});

describe.each(XML_CASES.map((c) => [c.platform, c] as const))('%s (XML): transport families', (_p, c) => {
  it('a byte-order mark and a lying Content-Type lose nothing', async () => {
    const xml = bodyOf(c) as string;
    await expectKept(c, await run(c, { body: `\uFEFF${xml}`, headers: { 'content-type': 'application/xml' } }), ALL_FIELDS);
    await expectKept(c, await run(c, { body: xml, headers: { 'content-type': 'application/json' } }), ALL_FIELDS);
    await expectKept(c, await run(c, { body: xml, headers: { 'content-type': 'text/html; charset=utf-8' } }), ALL_FIELDS);
  });

  it('an empty 200 body and an HTML page with 200 are typed errors', async () => {
    expect(await rejects(run(c, { body: '  ', headers: { 'content-type': 'application/xml' } }))).toBe('BOARD_EMPTY');
    expect(await rejects(run(c, { body: '<html><head><title>Error</title></head></html>', headers: {} }))).toBe('BOARD_NOT_FOUND');
  });
});

/** Keys whose value holds an expected job's title or id: a family leaves those alone. */
function protectedKeys(c: BoardCase, row: Row): Set<string> {
  const keys = new Set<string>();
  for (const [k, v] of Object.entries(row)) {
    const s = JSON.stringify(v) ?? '';
    if (c.jobs.some((j) => s.includes(JSON.stringify(j.title).slice(1, -1)) || s.includes(j.id))) keys.add(k);
  }
  return keys;
}

const DATE_KEY =
  /(?:^|_)(?:created|published|updated|posted|released|first_published)(?:_?at|_?on|_?date)?$|^(?:createdAt|publishedAt|updatedAt|postedOn|releasedDate|publishedDate|createdOn|published_date|pubDate|date_published)$/i;
const MIN_KEY = /^(?:min|min_cents|minValue|salary_from|compensation_minimum|minimum|min_amount)$/i;
const MAX_KEY = /^(?:max|max_cents|maxValue|salary_to|compensation_maximum|maximum|max_amount)$/i;
const PLACE_KEY = /^(?:location|locations|office|offices|city|locationName|allLocations|workLocation)$/i;

describe.each(PER_CLIENT.map((c) => [c.platform, c] as const))('%s: row families', (_p, c) => {
  it('numbers sent as strings keep every job and field', async () => {
    const body = mapRowValues(bodyOf(c), (v) => (typeof v === 'number' ? String(v) : v));
    await expectKept(c, await run(c, asJson(body)), ALL_FIELDS);
  });

  it('digit strings sent as numbers (ids, amounts, epochs) keep every job', async () => {
    const body = mapRowValues(bodyOf(c), (v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v));
    await expectKept(c, await run(c, asJson(body)), ['locations', 'description']);
  });

  it('null where a nested object belongs, and null items in lists, keep every job', async () => {
    const body = bodyOf(c);
    for (const row of rowsOf(body)) {
      if (!isRow(row)) continue;
      const keep = protectedKeys(c, row);
      for (const [k, v] of Object.entries(row)) {
        if (keep.has(k)) continue;
        if (Array.isArray(v)) row[k] = [null, ...v, null];
        else if (isRow(v)) row[k] = null;
      }
    }
    await expectKept(c, await run(c, asJson(body)));
    const nulls = bodyOf(c);
    for (const row of rowsOf(nulls)) {
      if (!isRow(row)) continue;
      for (const [k, v] of Object.entries(row)) if (Array.isArray(v) && !protectedKeys(c, row).has(k)) row[k] = [null, ...v];
    }
    await expectKept(c, await run(c, asJson(nulls)), ALL_FIELDS);
  });

  it('places as a label, a named object or a list of either keep every job and its places', async () => {
    for (const shape of ['object', 'list', 'list of objects'] as const) {
      const body = mapRowValues(bodyOf(c), (v, key) => {
        if (!PLACE_KEY.test(key) || typeof v !== 'string' || !v.trim()) return v;
        return shape === 'object' ? { name: v } : shape === 'list' ? [v] : [{ name: v }];
      });
      await expectKept(c, await run(c, asJson(body)), ['locations']);
    }
  });

  it('pay bounds as strings, inverted, or null keep every job; a stated range stays min ≤ max', async () => {
    const asText = mapRowValues(bodyOf(c), (v, key) => ((MIN_KEY.test(key) || MAX_KEY.test(key)) && typeof v === 'number' ? String(v) : v));
    await expectKept(c, await run(c, asJson(asText)), ALL_FIELDS);
    const swapped = bodyOf(c);
    const swap = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(swap);
      else if (isRow(o)) {
        const lo = Object.keys(o).find((k) => MIN_KEY.test(k));
        const hi = Object.keys(o).find((k) => MAX_KEY.test(k));
        if (lo && hi) [o[lo], o[hi]] = [o[hi], o[lo]];
        for (const v of Object.values(o)) swap(v);
      }
    };
    for (const row of rowsOf(swapped)) swap(row);
    const res = await run(c, asJson(swapped));
    await expectKept(c, res, ALL_FIELDS);
    for (const j of res.jobs) if (j.salary?.min != null && j.salary.max != null) expect(j.salary.min).toBeLessThanOrEqual(j.salary.max);
    const nulled = mapRowValues(bodyOf(c), (v, key) => (MIN_KEY.test(key) || MAX_KEY.test(key) ? null : v));
    await expectKept(c, await run(c, asJson(nulled)), ['locations', 'date', 'description']);
  });

  it('titles with markup or entities come out as plain text', async () => {
    const base = await baseline(c);
    for (const [wrap, expected] of [
      [(t: string) => `<b>${t}</b>`, (t: string) => t],
      [(t: string) => `&lt;strong&gt;${t}&lt;/strong&gt;`, (t: string) => t],
      [(t: string) => `  ${t} &amp; Co\n`, (t: string) => `${t} & Co`],
    ] as const) {
      const body = bodyOf(c);
      const titles = new Set(c.jobs.map((j) => j.title));
      const rewritten = new Set<string>();
      const rewrite = (o: unknown): void => {
        if (Array.isArray(o)) o.forEach(rewrite);
        else if (isRow(o))
          for (const [k, v] of Object.entries(o)) {
            if (typeof v === 'string' && titles.has(v) && /^(?:title|text|name|jobOpeningName)$/.test(k)) {
              o[k] = wrap(v);
              rewritten.add(v);
            } else rewrite(v);
          }
      };
      for (const row of rowsOf(body)) rewrite(row);
      expect(rewritten.size, `${c.name}: no title rewritten`).toBeGreaterThan(0);
      const got = byId((await run(c, asJson(body))).jobs);
      for (const [id, was] of base)
        expect(got.get(id)?.title, `${c.name}: ${id}`).toBe(rewritten.has(was.title) ? expected(was.title) : was.title);
    }
  });

  it('a title under the neighbouring key (title ↔ name, text → title) keeps the row', async () => {
    // Workday and Teamtailor rows have one title key and no neighbour in use.
    if (c.platform === 'workday' || c.platform === 'teamtailor') return;
    const body = bodyOf(c);
    const titles = new Set(c.jobs.map((j) => j.title));
    let moved = 0;
    for (const row of rowsOf(body)) {
      if (!isRow(row)) continue;
      const key = ['title', 'text', 'name', 'jobOpeningName'].find((k) => typeof row[k] === 'string' && titles.has(row[k] as string));
      if (!key) continue;
      const other = key === 'title' ? 'name' : 'title';
      row[other] = row[key];
      delete row[key];
      moved++;
    }
    expect(moved, `${c.name}: no title moved`).toBeGreaterThan(0);
    await expectKept(c, await run(c, asJson(body)), ['locations', 'date', 'description']);
  });

  it('dates as epoch seconds, epoch milliseconds, digit strings or locale text keep the same day', async () => {
    const base = await baseline(c);
    if (![...base.values()].some((k) => k.date)) return;
    for (const form of ['seconds', 'ms', 'seconds text', 'utc text', 'month name'] as const) {
      const body = mapRowValues(bodyOf(c), (v, key) => {
        if (!DATE_KEY.test(key)) return v;
        const ms = typeof v === 'number' ? (v > 1e11 ? v : v * 1000) : typeof v === 'string' ? Date.parse(v) : Number.NaN;
        if (!Number.isFinite(ms)) return v;
        // Noon UTC, so the day is the same in every zone the text might be read in.
        const day = new Date(ms).toISOString().slice(0, 10);
        const noon = Date.parse(`${day}T12:00:00Z`);
        if (form === 'seconds') return noon / 1000;
        if (form === 'ms') return noon;
        if (form === 'seconds text') return String(noon / 1000);
        if (form === 'utc text') return `${day} 12:00:00 UTC`;
        const d = new Date(noon);
        return `${d.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
      });
      const got = byId((await run(c, asJson(body))).jobs);
      for (const [id, was] of base)
        if (was.date) expect(got.get(id)?.datePosted?.slice(0, 10), `${c.name}: ${id} (${form})`).toBe(was.date);
    }
  });

  it('a row listed twice (same id) gives one posting, reported', async () => {
    const body = bodyOf(c);
    const rows = rowsOf(body);
    const base = await baseline(c);
    const firstId = [...base.keys()][0]!;
    const at = rows.findIndex((r) => JSON.stringify(r).includes(firstId));
    expect(at).toBeGreaterThanOrEqual(0);
    rows.push(structuredClone(rows[at]!));
    const res = await run(c, asJson(body));
    await expectKept(c, res, ALL_FIELDS);
    expect(res.jobs.filter((j) => j.ats?.jobId === firstId)).toHaveLength(1);
    expect(res.warnings.join('\n')).toMatch(/repeat|duplicate/i);
  });
});

// Paging: a server that never stops handing out new rows, and one that ignores the page parameter
// and repeats its first page. Every paging client stops, bounded, and says the listing is partial.

interface Pager {
  platform: string;
  token: string;
  host?: string;
  /** The body for the n-th distinct page (`fresh`), or the first page again (`repeat`). */
  page(url: URL, body: string, n: number): { json?: unknown; xml?: string };
}

const many = (from: number, count: number, f: (i: number) => unknown) => Array.from({ length: count }, (_, k) => f(from + k));
const rss = (from: number, count: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Jobs</title>${many(from, count, (i) => `<item><title>Job ${i}</title><link>https://acme.teamtailor.com/jobs/${1000 + i}-job</link><guid>https://acme.teamtailor.com/jobs/${1000 + i}-job</guid></item>`).join('')}</channel></rss>`;

const PAGERS: Pager[] = [
  {
    platform: 'lever',
    token: 'acme',
    page: (_u, _b, n) => ({ json: many(n * 100, 100, (i) => ({ id: `l-${i}`, text: `Job ${i}` })) }),
  },
  {
    platform: 'smartrecruiters',
    token: 'Acme',
    page: (_u, _b, n) => ({ json: { content: many(n * 100, 100, (i) => ({ id: String(10_000 + i), name: `Job ${i}` })) } }),
  },
  {
    platform: 'workday',
    token: 'acme/External',
    host: 'acme.wd5.myworkdayjobs.com',
    page: (_u, _b, n) => ({
      json: { jobPostings: many(n * 20, 20, (i) => ({ title: `Job ${i}`, externalPath: `/job/X/Job-${i}_R${i}` })) },
    }),
  },
  {
    platform: 'rippling',
    token: 'acme',
    page: (_u, _b, n) => ({ json: { items: many(n * 50, 50, (i) => ({ id: `r-${i}`, name: `Job ${i}` })) } }),
  },
  { platform: 'teamtailor', token: 'acme', page: (_u, _b, n) => ({ xml: rss(n * 100, 100) }) },
  {
    platform: 'dover',
    token: 'acme',
    page: (u, _b, n) =>
      u.pathname.includes('careers-page-slug')
        ? { json: { id: 'cp-1', name: 'Acme' } }
        : {
            json: {
              next: `https://app.dover.com/api/v1/careers-page/cp-1/jobs?limit=300&offset=${(n + 1) * 300}`,
              results: many(n * 300, 300, (i) => ({ id: `d-${i}`, title: `Job ${i}` })),
            },
          },
  },
];

/** An in-memory server: `mode` fresh hands out page n on the n-th request for rows, repeat always page 0. */
function pagingFetcher(p: Pager, mode: 'fresh' | 'repeat') {
  let served = 0;
  const requests: string[] = [];
  const fetcher = {
    name: 'paging-test',
    async close() {},
    async fetch(url: string, options: { body?: string | Uint8Array } = {}) {
      requests.push(url);
      const u = new URL(url);
      const body = typeof options.body === 'string' ? options.body : '';
      const isSlug = u.pathname.includes('careers-page-slug');
      const n = isSlug ? 0 : mode === 'fresh' ? served++ : 0;
      const out = p.page(u, body, n);
      const text = out.xml ?? JSON.stringify(out.json);
      return createFetchResult({
        url,
        status: 200,
        headers: { 'content-type': out.xml ? 'application/rss+xml' : 'application/json' },
        body: new TextEncoder().encode(text),
      });
    },
  };
  return { fetcher, requests };
}

describe.each(PAGERS.map((p) => [p.platform, p] as const))('%s: paging that never ends or repeats', (_p, p) => {
  const ref = { platform: p.platform, boardToken: p.token, ...(p.host ? { host: p.host } : {}) };

  it('a listing that never ends stops at maxJobs, partial', async () => {
    const { fetcher, requests } = pagingFetcher(p, 'fresh');
    const res = await listBoardJobs(ref, { fetcher, details: false, maxJobs: 250 });
    expect(res.jobs.length).toBeGreaterThan(0);
    expect(res.jobs.length).toBeLessThanOrEqual(250);
    expect(res.partial).toBe(true);
    expect(requests.length).toBeLessThan(30);
  });

  it('a server that ignores the page parameter is read once, partial, with a warning', async () => {
    const { fetcher, requests } = pagingFetcher(p, 'repeat');
    const res = await listBoardJobs(ref, { fetcher, details: false });
    const firstPage = new Set(res.jobs.map((j) => j.title));
    expect(firstPage.size).toBe(res.jobs.length);
    expect(res.jobs.length).toBeGreaterThan(0);
    expect(res.partial).toBe(true);
    expect(res.warnings.join('\n')).toMatch(/repeat|ignored|already read/i);
    expect(requests.length).toBeLessThanOrEqual(4);
  });
});

// Shapes of mirrors and other projects' mocks of the APIs (fields beside where the API puts them).
describe('mirror shapes', () => {
  const one = async (platform: string, url: string, body: unknown, extra: Record<string, unknown> = {}) => {
    const fetcher = createStaticFetcher({ [url]: { body: body as object } }, { fallback: { status: 404, body: { ok: false } } });
    const res = await listBoardJobs({ platform, boardToken: 'acme', ...extra }, { fetcher, now: CASE_NOW, details: false });
    expect(res.jobs).toHaveLength(1);
    return res.jobs[0]!;
  };

  it('ids as digit strings beyond 2^53 are kept exactly; float and exponent ids read as their decimal form', async () => {
    const url = 'https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true';
    const fetcher = createStaticFetcher({
      [url]: {
        body: {
          jobs: [
            { id: '9007199254740993', title: 'Big id' },
            { id: 4012001.0, title: 'Float id' },
            { id: 1.5e3, title: 'Exponent id' },
          ],
        },
      },
    });
    const res = await listBoardJobs({ platform: 'greenhouse', boardToken: 'acme' }, { fetcher, now: CASE_NOW, details: false });
    expect(res.jobs.map((j) => j.ats?.jobId).sort()).toEqual(['1500', '4012001', '9007199254740993']);
  });

  it('ashby: { data: { jobs } }, absoluteUrl/postedAt, a location object in parts, flat compensation', async () => {
    const j = await one('ashby', 'https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true', {
      data: {
        jobs: [
          {
            id: 'a1',
            title: 'Data Engineer',
            absoluteUrl: 'https://jobs.ashbyhq.com/acme/a1',
            postedAt: '2026-02-03T10:00:00Z',
            location: { city: 'Toronto', state: 'ON', country: 'Canada' },
            compensation: { min: '90000', max: 110000, currency: 'CAD', period: 'year' },
          },
        ],
      },
    });
    expect(j.url).toBe('https://jobs.ashbyhq.com/acme/a1');
    expect(j.datePosted?.slice(0, 10)).toBe('2026-02-03');
    expect(j.locations.map((l) => [l.city, l.country])).toEqual([['Toronto', 'CA']]);
    expect(j.salary).toMatchObject({ min: 90000, max: 110000, currency: 'CAD', period: 'year' });
  });

  it('lever: { data } rows with department/team and locations as named objects', async () => {
    const j = await one('lever', 'https://api.lever.co/v0/postings/acme?mode=json&skip=0&limit=100', {
      data: [{ id: 'l1', text: 'Designer', department: { name: 'Design' }, locations: [{ name: 'Lyon, France' }] }],
    });
    expect(j.department).toBe('Design');
    expect(j.locations.map((l) => [l.city, l.country])).toEqual([['Lyon', 'FR']]);
  });

  it('teamtailor: JSON Feed items whose _jobposting is flat (location label, department, remote, description)', async () => {
    const j = await one(
      'teamtailor',
      'https://acme.teamtailor.com/jobs.rss',
      {
        version: 'https://jsonfeed.org/version/1.1',
        items: [
          {
            id: 'f1',
            url: 'https://acme.teamtailor.com/jobs/77-engineer',
            title: 'Engineer',
            _jobposting: { location: 'Oslo, Norway', department: 'Platform', remote: true, description: 'Run the platform.' },
          },
        ],
      },
      { host: 'acme.teamtailor.com' },
    );
    expect(j.locations.map((l) => [l.city, l.country])).toEqual([['Oslo', 'NO']]);
    expect(j.department).toBe('Platform');
    expect(j.workplaceType).toBe('remote');
    expect(j.description.text).toBe('Run the platform.');
  });
});
