/**
 * Contract suite for {@link SearchIndex} (vitest): every search engine (embedded, Typesense,
 * yours) runs the same cases. Each case gets a fresh index in its own namespace.
 * @module
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JobkitError } from '../errors.js';
import { finalizeJob } from '../job.js';
import type { JobDraft, JobPosting } from '../schema/job-posting.js';
import type { SearchIndex, SearchQuery, SearchResult } from '../ports/search-index.js';

/** The cases of the search contract; keys of `skip`. */
export const SEARCH_CONTRACT_CASES = [
  'upsertResults',
  'idempotentUpsert',
  'delete',
  'exact',
  'typos',
  'prefix',
  'filters',
  'hostileFilterValue',
  'salaryRange',
  'postedAfter',
  'facets',
  'sortDatePosted',
  'sortSalary',
  'pagination',
  'invalidQuery',
  'thousandDocs',
] as const;
export type SearchContractCase = (typeof SEARCH_CONTRACT_CASES)[number];

export interface SearchIndexContractOptions {
  /** Shown in the describe block. */
  name: string;
  /** A fresh, empty index per test; `namespace` is unique per test (use it as the collection name). */
  create: (ctx: { namespace: string }) => SearchIndex | Promise<SearchIndex>;
  /** Cases this engine cannot serve, with the reason shown in the skipped test's name. */
  skip?: Partial<Record<SearchContractCase, string>>;
  /** Skip the whole suite with this reason (e.g. "TYPESENSE_URL not set"). */
  skipAll?: string;
  /** Per-test timeout. @default 30_000 */
  testTimeoutMs?: number;
}

const NOW = new Date('2025-06-01T00:00:00Z');
const HOSTILE = 'a && b:=c';

function draft(n: number, d: Partial<JobDraft>): JobPosting {
  return finalizeJob(
    {
      url: `https://jobs.example.com/search-contract/${n}`,
      title: 'Untitled',
      company: { name: 'Nobody' },
      locations: [],
      workplaceType: null,
      employmentType: [],
      salary: null,
      description: { html: '', text: '' },
      datePosted: null,
      validThrough: null,
      applyUrl: null,
      ats: null,
      source: 'ats-api',
      provenance: {},
      ...d,
    },
    { now: NOW },
  );
}

const pay = (min: number, max: number, currency = 'EUR') => ({ min, max, currency, period: 'year' as const });
const text = (t: string) => ({ html: `<p>${t}</p>`, text: t });

/**
 * The fixed fixture set. Vocabulary is chosen so no query word has an unintended neighbour
 * within its typo budget, so engines that stop at exact matches (Typesense) and engines that
 * also rank typo matches agree on `found`.
 */
export function searchContractJobs() {
  const kube = draft(1, {
    title: 'Senior Kubernetes Engineer',
    company: { name: 'Acme Cloud' },
    locations: [{ raw: 'Berlin, Germany', city: 'Berlin', country: 'DE' }],
    workplaceType: 'hybrid',
    employmentType: ['full_time'],
    salary: pay(70000, 90000),
    description: text('Operate container orchestration clusters and terraform modules for our platform.'),
    datePosted: '2025-03-01',
    ats: { platform: 'greenhouse', boardToken: 'acme' },
  });
  const python = draft(2, {
    title: 'Python Developer',
    company: { name: 'Snakeworks' },
    locations: [{ raw: 'London, UK', city: 'London', country: 'GB' }],
    workplaceType: 'remote',
    employmentType: ['full_time', 'contract'],
    salary: pay(50000, 60000, 'GBP'),
    description: text('Build django services and asyncio pipelines for analytics customers.'),
    datePosted: '2025-02-01',
    ats: { platform: 'lever', boardToken: 'snakeworks' },
  });
  const hostile = draft(3, {
    title: 'Java Backend Developer',
    company: { name: HOSTILE },
    locations: [{ raw: 'Paris, France', city: 'Paris', country: 'FR' }],
    workplaceType: 'onsite',
    employmentType: ['full_time'],
    description: text('Maintain spring microservices with hibernate and kafka streams.'),
    datePosted: '2025-01-15',
    ats: { platform: 'workday' },
  });
  const analyst = draft(4, {
    title: 'Data Analyst',
    company: { name: 'a' },
    locations: [{ raw: 'Madrid, Spain', city: 'Madrid', country: 'ES' }],
    workplaceType: 'onsite',
    employmentType: ['full_time'],
    salary: pay(45000, 55000),
    description: text('Create dashboards and spreadsheets about revenue trends.'),
    datePosted: '2024-11-01',
    ats: { platform: 'workday' },
  });
  const frontend = draft(5, {
    title: 'Frontend Engineer',
    company: { name: 'Pixel Foundry' },
    locations: [{ raw: 'Remote, United States', country: 'US' }],
    workplaceType: 'remote',
    employmentType: ['part_time'],
    salary: pay(120000, 150000, 'USD'),
    description: text('Craft accessible interfaces with react and typescript.'),
    datePosted: '2025-03-20',
    ats: { platform: 'ashby', boardToken: 'pixel' },
  });
  const nurse = draft(6, {
    title: 'Registered Nurse',
    company: { name: 'City Hospital' },
    locations: [{ raw: 'Boston, MA', city: 'Boston', country: 'US' }],
    workplaceType: 'onsite',
    employmentType: ['full_time'],
    salary: pay(80000, 95000, 'USD'),
    description: text('Provide patient care on the cardiology ward during rotating shifts.'),
    datePosted: '2024-12-01',
  });
  const intern = draft(7, {
    title: 'Marketing Intern',
    company: { name: 'Acme Cloud' },
    locations: [{ raw: 'Berlin, Germany', city: 'Berlin', country: 'DE' }],
    workplaceType: 'hybrid',
    employmentType: ['internship'],
    description: text('Support campaigns, newsletters and events.'),
    ats: { platform: 'greenhouse', boardToken: 'acme' },
  });
  const sre = draft(8, {
    title: 'Site Reliability Engineer',
    company: { name: 'Snakeworks' },
    locations: [{ raw: 'Amsterdam, Netherlands', city: 'Amsterdam', country: 'NL' }],
    workplaceType: 'remote',
    employmentType: ['full_time'],
    salary: pay(95000, 110000),
    description: text('Own observability, incident response and capacity planning.'),
    datePosted: '2025-03-10',
    ats: { platform: 'lever', boardToken: 'snakeworks' },
  });
  return { kube, python, hostile, analyst, frontend, nurse, intern, sre };
}

/** A deterministic posting for bulk tests; words cycle so expected counts are computable. */
export function bulkSearchJob(i: number): JobPosting {
  const roles = ['Welder', 'Carpenter', 'Plumber', 'Electrician', 'Surveyor'] as const;
  const companies = ['Northwind', 'Contoso', 'Initech', 'Umbrella'] as const;
  const countries = ['DE', 'US', 'FR'] as const;
  return draft(100_000 + i, {
    title: `${roles[i % 5]} ${i % 2 === 0 ? 'Apprentice' : 'Foreman'}`,
    company: { name: companies[i % 4] as string },
    locations: [{ raw: `Site ${i % 7}`, country: countries[i % 3] }],
    workplaceType: 'onsite',
    employmentType: ['full_time'],
    salary: pay(30000 + (i % 50) * 1000, 40000 + (i % 50) * 1000),
    description: text(`Posting number ${i} for skilled trades work.`),
    datePosted: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
  });
}

const ids = (r: SearchResult) => r.hits.map((h) => h.job.id);
const sorted = (xs: readonly string[]) => [...xs].sort();

let runCounter = 0;

/** Register the SearchIndex contract tests with vitest. Call at the top level of a test file. */
export function runSearchIndexContract(options: SearchIndexContractOptions): void {
  const run = `${Date.now().toString(36)}${(runCounter++).toString(36)}`;
  const title = options.skipAll ? `${options.name} (skipped: ${options.skipAll})` : options.name;
  const suite = options.skipAll ? describe.skip : describe;
  const timeout = options.testTimeoutMs ?? 30_000;

  suite(`SearchIndex contract: ${title}`, () => {
    const opened: SearchIndex[] = [];
    let n = 0;
    const fresh = async () => {
      const index = await options.create({ namespace: `jk_search_${run}_${n++}` });
      opened.push(index);
      await index.ensureSchema();
      return index;
    };
    const loaded = async () => {
      const index = await fresh();
      const jobs = searchContractJobs();
      const results = await index.upsert(Object.values(jobs));
      expect(results.every((r) => r.ok)).toBe(true);
      return { index, jobs };
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    const test = (key: SearchContractCase, name: string, fn: () => Promise<void>) => {
      const reason = options.skip?.[key];
      if (reason) it.skip(`${name} (skipped: ${reason})`, fn);
      else it(name, fn, timeout);
    };

    test('upsertResults', 'reports a result per document, rejecting an invalid one without sinking the batch', async () => {
      const index = await fresh();
      const { kube, python } = searchContractJobs();
      const invalid = { ...python, id: 'jk_000000000000000000000bad', title: '' } as JobPosting;
      const results = await index.upsert([kube, invalid, python]);
      expect(results.map((r) => [r.id, r.ok])).toEqual([
        [kube.id, true],
        [invalid.id, false],
        [python.id, true],
      ]);
      expect(results[1]?.error).toEqual(expect.any(String));
      const all = await index.search({ q: '*' });
      expect(sorted(ids(all))).toEqual(sorted([kube.id, python.id]));
      expect(await index.upsert([])).toEqual([]);
    });

    test('idempotentUpsert', 'replaces a posting upserted twice under the same id', async () => {
      const { index, jobs } = await loaded();
      const renamed = { ...jobs.kube, title: 'Principal Kubernetes Engineer' };
      await index.upsert([jobs.kube, renamed]);
      await index.upsert([renamed]);
      const r = await index.search({ q: 'kubernetes' });
      expect(r.found).toBe(1);
      expect(r.hits[0]?.job.title).toBe('Principal Kubernetes Engineer');
      expect((await index.search({ q: '' })).found).toBe(8);
    });

    test('delete', 'deletes by id and ignores unknown ids', async () => {
      const { index, jobs } = await loaded();
      await index.delete([jobs.python.id, 'jk_ffffffffffffffffffffffff']);
      expect((await index.search({ q: 'python' })).found).toBe(0);
      expect((await index.search({ q: '' })).found).toBe(7);
      await index.delete([]);
    });

    test('exact', 'finds exact words across title, company, location and description', async () => {
      const { index, jobs } = await loaded();
      const r = await index.search({ q: 'kubernetes' });
      expect(ids(r)).toEqual([jobs.kube.id]);
      expect(r.found).toBe(1);
      expect(r.tookMs).toBeGreaterThanOrEqual(0);
      const title = r.hits[0]?.highlights?.find((h) => h.field === 'title');
      if (r.hits[0]?.highlights) expect(title?.snippet).toContain('<mark>Kubernetes</mark>');
      expect(ids(await index.search({ q: 'Snakeworks' })).sort()).toEqual(sorted([jobs.python.id, jobs.sre.id]));
      expect(ids(await index.search({ q: 'amsterdam' }))).toEqual([jobs.sre.id]);
      expect(ids(await index.search({ q: 'hibernate kafka' }))).toEqual([jobs.hostile.id]);
      // Every token must match somewhere.
      expect((await index.search({ q: 'python kubernetes' })).found).toBe(0);
    });

    test('typos', 'tolerates 1 typo from 4 letters and 2 from 8, none up to 3', async () => {
      const { index, jobs } = await loaded();
      expect(ids(await index.search({ q: 'kubernetis' }))).toEqual([jobs.kube.id]);
      expect(ids(await index.search({ q: 'kubrnetis' }))).toEqual([jobs.kube.id]);
      expect(ids(await index.search({ q: 'pythn' }))).toEqual([jobs.python.id]);
      expect(ids(await index.search({ q: 'nurze' }))).toEqual([jobs.nurse.id]);
      // 2 typos on a 5-letter word, 1 typo on a 3-letter word: out of budget.
      expect((await index.search({ q: 'nrze' })).found).toBe(0);
      expect((await index.search({ q: 'dta' })).found).toBe(0);
    });

    test('prefix', 'matches the last token as a prefix, and only the last', async () => {
      const { index, jobs } = await loaded();
      expect(ids(await index.search({ q: 'reliab' }))).toEqual([jobs.sre.id]);
      expect(ids(await index.search({ q: 'senior kubernetes engi' }))).toEqual([jobs.kube.id]);
      expect((await index.search({ q: 'reliab engineer' })).found).toBe(0);
    });

    test('filters', 'applies each filter as exact data, OR within a field and AND across fields', async () => {
      const { index, jobs: j } = await loaded();
      const browse = async (filters: SearchQuery['filters']) => sorted(ids(await index.search({ q: '', filters, perPage: 50 })));
      expect(await browse({ company: 'Acme Cloud' })).toEqual(sorted([j.kube.id, j.intern.id]));
      expect(await browse({ country: 'DE' })).toEqual(sorted([j.kube.id, j.intern.id]));
      expect(await browse({ country: ['de', 'NL'] })).toEqual(sorted([j.kube.id, j.intern.id, j.sre.id]));
      expect(await browse({ locations: ['Boston'] })).toEqual([j.nurse.id]);
      expect(await browse({ workplaceType: 'remote' })).toEqual(sorted([j.python.id, j.frontend.id, j.sre.id]));
      expect(await browse({ employmentType: 'contract' })).toEqual([j.python.id]);
      expect(await browse({ atsPlatform: 'lever' })).toEqual(sorted([j.python.id, j.sre.id]));
      expect(await browse({ atsPlatform: 'lever', workplaceType: 'remote', country: 'NL' })).toEqual([j.sre.id]);
      expect(await browse({ company: 'Acme' })).toEqual([]);
      expect(ids(await index.search({ q: 'engineer', filters: { workplaceType: 'remote' } })).sort()).toEqual(
        sorted([j.frontend.id, j.sre.id]),
      );
    });

    test('hostileFilterValue', 'treats filter values as data, never as filter syntax', async () => {
      const { index, jobs: j } = await loaded();
      const r = await index.search({ q: '*', filters: { company: HOSTILE } });
      expect(ids(r)).toEqual([j.hostile.id]);
      for (const value of ['a', 'b:=c', 'a && b', `${HOSTILE} || company:=Snakeworks`, 'Acme Cloud]', '(Snakeworks)']) {
        const others = await index.search({ q: '*', filters: { company: value } });
        expect(ids(others), value).toEqual(value === 'a' ? [j.analyst.id] : []);
      }
    });

    test('salaryRange', 'matches overlapping salary ranges and excludes postings without a salary', async () => {
      const { index, jobs: j } = await loaded();
      const browse = async (filters: SearchQuery['filters']) => sorted(ids(await index.search({ q: '', filters, perPage: 50 })));
      expect(await browse({ salaryMin: 100000 })).toEqual(sorted([j.frontend.id, j.sre.id]));
      expect(await browse({ salaryMax: 55000 })).toEqual(sorted([j.python.id, j.analyst.id]));
      expect(await browse({ salaryMin: 60000, salaryMax: 80000 })).toEqual(sorted([j.kube.id, j.python.id, j.nurse.id]));
    });

    test('postedAfter', 'keeps postings dated on or after the bound', async () => {
      const { index, jobs: j } = await loaded();
      const r = await index.search({ q: '', filters: { postedAfter: '2025-03-01' }, perPage: 50 });
      expect(sorted(ids(r))).toEqual(sorted([j.kube.id, j.frontend.id, j.sre.id]));
      const r2 = await index.search({ q: '', filters: { postedAfter: '2025-03-01T00:00:01Z' }, perPage: 50 });
      expect(sorted(ids(r2))).toEqual(sorted([j.frontend.id, j.sre.id]));
    });

    test('facets', 'counts facet values over all matching postings', async () => {
      const { index } = await loaded();
      const r = await index.search({
        q: '',
        facets: ['company', 'country', 'workplaceType', 'employmentType', 'atsPlatform'],
        perPage: 1,
      });
      expect(r.found).toBe(8);
      const asMap = (field: string) =>
        Object.fromEntries((r.facets[field] ?? []).map((f) => [f.value, f.count]));
      expect(asMap('company')).toEqual({
        'Acme Cloud': 2,
        Snakeworks: 2,
        [HOSTILE]: 1,
        a: 1,
        'Pixel Foundry': 1,
        'City Hospital': 1,
      });
      expect(asMap('country')).toEqual({ DE: 2, GB: 1, FR: 1, ES: 1, US: 2, NL: 1 });
      expect(asMap('workplaceType')).toEqual({ hybrid: 2, remote: 3, onsite: 3 });
      expect(asMap('employmentType')).toEqual({ full_time: 6, contract: 1, part_time: 1, internship: 1 });
      expect(asMap('atsPlatform')).toEqual({ greenhouse: 2, lever: 2, workday: 2, ashby: 1 });
      expect(r.facets.company?.[0]?.count).toBe(2);
      const filtered = await index.search({ q: 'engineer', filters: { workplaceType: 'remote' }, facets: ['company'] });
      expect(Object.fromEntries((filtered.facets.company ?? []).map((f) => [f.value, f.count]))).toEqual({
        'Pixel Foundry': 1,
        Snakeworks: 1,
      });
      const top = await index.search({ q: '', facets: ['company'], maxFacetValues: 2 });
      expect(top.facets.company?.map((f) => f.count)).toEqual([2, 2]);
    });

    test('sortDatePosted', 'sorts newest first with undated postings last', async () => {
      const { index, jobs: j } = await loaded();
      const r = await index.search({ q: '', sort: 'datePosted', perPage: 50 });
      expect(ids(r)).toEqual([j.frontend.id, j.sre.id, j.kube.id, j.python.id, j.hostile.id, j.nurse.id, j.analyst.id, j.intern.id]);
      const eng = await index.search({ q: 'engineer', sort: 'datePosted' });
      expect(ids(eng)).toEqual([j.frontend.id, j.sre.id, j.kube.id]);
    });

    test('sortSalary', 'sorts by highest salary with unsalaried postings last', async () => {
      const { index, jobs: j } = await loaded();
      const r = await index.search({ q: '', sort: 'salary', perPage: 50 });
      expect(ids(r).slice(0, 6)).toEqual([j.frontend.id, j.sre.id, j.nurse.id, j.kube.id, j.python.id, j.analyst.id]);
      expect(sorted(ids(r).slice(6))).toEqual(sorted([j.hostile.id, j.intern.id]));
    });

    test('pagination', 'pages through results with a stable total', async () => {
      const { index } = await loaded();
      const all = ids(await index.search({ q: '', sort: 'datePosted', perPage: 50 }));
      const pages: string[] = [];
      for (const page of [1, 2, 3]) {
        const r = await index.search({ q: '', sort: 'datePosted', page, perPage: 3 });
        expect(r.found).toBe(8);
        expect(r.hits.length).toBe(page === 3 ? 2 : 3);
        pages.push(...ids(r));
      }
      expect(pages).toEqual(all);
      const past = await index.search({ q: '', sort: 'datePosted', page: 4, perPage: 3 });
      expect(past.hits).toEqual([]);
      expect(past.found).toBe(8);
    });

    test('invalidQuery', 'rejects malformed queries with INVALID_ARGUMENT', async () => {
      const index = await fresh();
      const bad: unknown[] = [
        { q: 'x', perPage: 0 },
        { q: 'x', perPage: 1000 },
        { q: 'x', page: 0 },
        { q: 'x', sort: 'random' },
        { q: 'x', facets: ['title'] },
        { q: 'x', filters: { salaryMin: -1 } },
        { q: 'x', filters: { salaryMin: 10, salaryMax: 5 } },
        { q: 'x', filters: { postedAfter: 'yesterday' } },
        { q: 'x', filters: { country: 'Germany' } },
        { q: 'x', filters: { workplaceType: 'moon' } },
        { q: 'x', filters: { color: 'red' } },
        { q: 42 },
      ];
      for (const query of bad) {
        const error = await index.search(query as SearchQuery).then(
          () => null,
          (e: unknown) => e,
        );
        expect(JobkitError.is(error, 'INVALID_ARGUMENT'), JSON.stringify(query)).toBe(true);
      }
    });

    test('thousandDocs', 'serves a 1,000-posting index consistently', async () => {
      const index = await fresh();
      const jobs = Array.from({ length: 1000 }, (_, i) => bulkSearchJob(i));
      const results = await index.upsert(jobs);
      expect(results.filter((r) => r.ok).length).toBe(1000);
      expect((await index.search({ q: '' })).found).toBe(1000);
      expect((await index.search({ q: 'welder' })).found).toBe(200);
      expect((await index.search({ q: 'welder apprentice' })).found).toBe(100);
      const filtered = await index.search({ q: 'plumber', filters: { company: 'Northwind', country: 'DE' }, facets: ['country'] });
      const expected = jobs.filter((_, i) => i % 5 === 2 && i % 4 === 0 && i % 3 === 0).length;
      expect(filtered.found).toBe(expected);
      expect(filtered.facets.country).toEqual([{ value: 'DE', count: expected }]);
      const facets = await index.search({ q: '', facets: ['company'] });
      expect(facets.facets.company?.reduce((s, f) => s + f.count, 0)).toBe(1000);
      const newest = await index.search({ q: 'surveyor', sort: 'datePosted', perPage: 1 });
      expect(newest.hits[0]?.job.id).toBe(jobs[999]?.id);
    });
  });
}
