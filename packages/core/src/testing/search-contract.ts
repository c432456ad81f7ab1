/**
 * Contract suite for {@link SearchIndex} (vitest): every search engine (embedded, Typesense,
 * yours) runs the same cases. Each case gets a fresh index in its own namespace.
 * @module
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JobkitError } from '../errors.js';
import { finalizeJob } from '../job.js';
import type { SearchIndex, SearchQuery, SearchResult } from '../ports/search-index.js';
import type { JobDraft, JobPosting } from '../schema/job-posting.js';

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
  'allWords',
  'typoFallback',
  'prefixLast',
  'dropTokens',
  'accents',
  'techTokens',
  'shortAndStopWords',
  'fieldWeights',
  'phrase',
  'typeKeywords',
  'disjunctiveFacets',
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
    // Parity rates: the salary cases test filter semantics on the annualized figure
    // (`salary.annualized`, which salary_min/salary_max carry), not a day's exchange rates.
    {
      now: NOW,
      pay: { baseCurrency: 'EUR', fx: { base: 'EUR', date: '2025-06-01', source: 'contract parity', rates: { EUR: 1, GBP: 1, USD: 1 } } },
    },
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

/**
 * Fixtures of the relevance cases: all-words matching (`junior` is one typo from `senior`), tech
 * names, accents, field weights (`falcon` in a title, a company, a department, a description).
 */
export function searchRelevanceJobs() {
  const base = { employmentType: ['full_time'] as JobDraft['employmentType'], datePosted: '2025-03-01' };
  const de = draft(201, {
    ...base,
    title: 'Data Engineer',
    company: { name: 'Orchard Metrics' },
    locations: [{ raw: 'Berlin, Germany', city: 'Berlin', country: 'DE' }],
    workplaceType: 'hybrid',
    description: text('Build batch pipelines with spark.'),
  });
  const sde = draft(202, {
    ...base,
    title: 'Senior Data Engineer',
    company: { name: 'Quill Ledger' },
    locations: [{ raw: 'London, UK', city: 'London', country: 'GB' }],
    workplaceType: 'remote',
    description: text('Own streaming pipelines.'),
  });
  const jde = draft(203, {
    ...base,
    title: 'Junior Data Engineer',
    company: { name: 'Orchard Metrics' },
    locations: [{ raw: 'Berlin, Germany', city: 'Berlin', country: 'DE' }],
    workplaceType: 'onsite',
    description: text('Learn warehouse modelling.'),
  });
  const jds = draft(204, {
    ...base,
    title: 'Junior Data Scientist',
    company: { name: 'Tern Robotics' },
    locations: [{ raw: 'Paris, France', city: 'Paris', country: 'FR' }],
    workplaceType: 'hybrid',
    description: text('Train forecasting models with engineer mentors.'),
  });
  const trainee = draft(205, {
    title: 'Growth Analytics Student',
    company: { name: 'Tern Robotics' },
    locations: [{ raw: 'Paris, France', city: 'Paris', country: 'FR' }],
    workplaceType: 'onsite',
    employmentType: ['internship'],
    description: text('Six months with our growth squad.'),
  });
  const cpp = draft(206, {
    ...base,
    title: 'C++ Developer',
    company: { name: 'Vantage Trading' },
    workplaceType: 'onsite',
    description: text('Write low latency trading software.'),
  });
  const csharp = draft(207, {
    ...base,
    title: 'C# Developer',
    company: { name: 'Bluebell Apps' },
    workplaceType: 'remote',
    description: text('Ship desktop tooling on .NET and Azure.'),
  });
  const cdev = draft(208, {
    ...base,
    title: 'Embedded C Programmer',
    company: { name: 'Ferro Devices' },
    workplaceType: 'onsite',
    description: text('Firmware in C for microcontrollers.'),
  });
  const node = draft(209, {
    ...base,
    title: 'Node.js Engineer',
    company: { name: 'Kite Payments' },
    workplaceType: 'remote',
    description: text('APIs with Express; CI/CD with GitHub Actions.'),
  });
  const accents = draft(210, {
    ...base,
    title: 'Développeur Backend',
    company: { name: 'Škoda Digital' },
    locations: [{ raw: 'Zürich, Switzerland', city: 'Zürich', country: 'CH' }],
    workplaceType: 'onsite',
    description: text('Büro an der Straße der Einheit; Besuche in Kraków und København.'),
  });
  const falconTitle = draft(211, {
    ...base,
    title: 'Falcon Platform Lead',
    company: { name: 'Aurora Grid' },
    workplaceType: 'onsite',
    description: text('Lead a platform group.'),
  });
  const falconCompany = draft(212, {
    ...base,
    title: 'Warehouse Supervisor',
    company: { name: 'Falcon Freight' },
    workplaceType: 'onsite',
    description: text('Run the night shift.'),
  });
  const falconDept = draft(213, {
    ...base,
    title: 'Lab Technician',
    company: { name: 'Aurora Grid' },
    department: 'Falcon Research',
    workplaceType: 'onsite',
    description: text('Prepare samples daily.'),
  });
  const falconText = draft(214, {
    ...base,
    title: 'Payroll Specialist',
    company: { name: 'Aurora Grid' },
    workplaceType: 'onsite',
    description: text('Support the falcon program payroll.'),
  });
  return { de, sde, jde, jds, trainee, cpp, csharp, cdev, node, accents, falconTitle, falconCompany, falconDept, falconText };
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
      await index.migrate();
      await index.migrate(); // idempotent
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
      // Every token must match somewhere (dropping none).
      expect((await index.search({ q: 'python kubernetes', dropTokens: false })).found).toBe(0);
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
      expect((await index.search({ q: 'reliab engineer', dropTokens: false })).found).toBe(0);
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
      const asMap = (field: string) => Object.fromEntries((r.facets[field] ?? []).map((f) => [f.value, f.count]));
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

    const relevant = async () => {
      const index = await fresh();
      const jobs = searchRelevanceJobs();
      const results = await index.upsert(Object.values(jobs));
      expect(results.every((r) => r.ok)).toBe(true);
      return { index, j: jobs };
    };

    test('allWords', 'requires every query word, ranking the title phrase first', async () => {
      const { index, j } = await relevant();
      const r = await index.search({ q: 'junior data engineer' });
      // `senior` is one typo from `junior`, but exact matches exist, so typos are not tried.
      expect(ids(r)).toEqual([j.jde.id, j.jds.id]);
      expect(r.droppedTokens ?? []).toEqual([]);
      expect(ids(await index.search({ q: 'junior' })).sort()).toEqual(sorted([j.jde.id, j.jds.id]));
    });

    test('typoFallback', 'tries typos only when the exact words find nothing', async () => {
      const { index, j } = await relevant();
      expect(ids(await index.search({ q: 'jnior data engineer' }))).toEqual([j.jde.id, j.jds.id]);
      expect(sorted(ids(await index.search({ q: 'data enginer' })))).toEqual(sorted([j.de.id, j.sde.id, j.jde.id, j.jds.id]));
      expect(ids(await index.search({ q: 'falcn' }))[0]).toBe(j.falconTitle.id);
      // Swapped neighbours count as one typo (Damerau–Levenshtein).
      expect(ids(await index.search({ q: 'falocn platform' }))).toEqual([j.falconTitle.id]);
    });

    test('prefixLast', 'matches the last word as a prefix from 3 characters, no other word', async () => {
      const { index, j } = await relevant();
      expect(ids(await index.search({ q: 'junior data eng' }))).toEqual([j.jde.id, j.jds.id]);
      expect(ids(await index.search({ q: 'develo' })).sort()).toEqual(sorted([j.cpp.id, j.csharp.id, j.accents.id]));
      expect((await index.search({ q: 'junior dat engineer', dropTokens: false })).found).toBe(0);
      // Two characters are a word, not a prefix.
      expect((await index.search({ q: 'de', dropTokens: false })).found).toBe(0);
    });

    test('dropTokens', 'drops words from the end only when nothing matches, and says which', async () => {
      const { index, j } = await relevant();
      const r = await index.search({ q: 'data engineer kubernetes', perPage: 50 });
      expect(r.droppedTokens).toEqual(['kubernetes']);
      expect(sorted(ids(r))).toEqual(sorted([j.de.id, j.sde.id, j.jde.id, j.jds.id]));
      const strict = await index.search({ q: 'data engineer kubernetes', dropTokens: false });
      expect(strict.found).toBe(0);
      expect(strict.droppedTokens ?? []).toEqual([]);
      const two = await index.search({ q: 'falcon xylograph quokka' });
      expect(two.droppedTokens).toEqual(['xylograph', 'quokka']);
      expect(ids(two)[0]).toBe(j.falconTitle.id);
      const none = await index.search({ q: 'xylograph quokka' });
      expect(none.found).toBe(0);
    });

    test('accents', 'folds accents and case on both sides', async () => {
      const { index, j } = await relevant();
      for (const q of ['developpeur zurich', 'DÉVELOPPEUR Zürich', 'strasse', 'STRAẞE', 'krakow', 'kobenhavn', 'København', 'skoda']) {
        expect(ids(await index.search({ q })), q).toEqual([j.accents.id]);
      }
    });

    test('techTokens', 'keeps c++, c#, .net, node.js and ci/cd as words; c means C', async () => {
      const { index, j } = await relevant();
      const cases: [string, string[]][] = [
        ['c++', [j.cpp.id]],
        ['C++ developer', [j.cpp.id]],
        ['c#', [j.csharp.id]],
        ['.net', [j.csharp.id]],
        ['c', [j.cdev.id]],
        ['node.js', [j.node.id]],
        ['node', [j.node.id]],
        ['ci/cd', [j.node.id]],
      ];
      for (const [q, want] of cases) expect(ids(await index.search({ q, dropTokens: false })), q).toEqual(want);
    });

    test('shortAndStopWords', 'ignores stop-words beside other words; a lone stop-word is a word', async () => {
      const { index, j } = await relevant();
      const total = Object.keys(j).length;
      expect(sorted(ids(await index.search({ q: 'engineer in berlin' })))).toEqual(sorted([j.de.id, j.jde.id]));
      expect(ids(await index.search({ q: 'the engineer of berlin' }))).toEqual(ids(await index.search({ q: 'engineer berlin' })));
      const the = await index.search({ q: 'the', perPage: 50 });
      expect(the.found).toBeLessThan(total);
      expect(sorted(ids(the))).toEqual(sorted([j.falconCompany.id, j.falconText.id]));
      expect((await index.search({ q: 'x', dropTokens: false })).found).toBe(0);
    });

    test('fieldWeights', 'ranks title over company over department over description', async () => {
      const { index, j } = await relevant();
      expect(ids(await index.search({ q: 'falcon' }))).toEqual([j.falconTitle.id, j.falconCompany.id, j.falconDept.id, j.falconText.id]);
    });

    test('phrase', 'ranks the exact title, then the phrase, then scattered words', async () => {
      const { index, j } = await relevant();
      const r = ids(await index.search({ q: 'data engineer' }));
      expect(r[0]).toBe(j.de.id);
      expect(sorted(r.slice(1, 3))).toEqual(sorted([j.sde.id, j.jde.id]));
      expect(r[3]).toBe(j.jds.id);
    });

    test('typeKeywords', 'finds postings by their employment and workplace type words', async () => {
      const { index, j } = await relevant();
      expect(ids(await index.search({ q: 'intern' }))).toEqual([j.trainee.id]);
      expect(ids(await index.search({ q: 'internship' }))).toEqual([j.trainee.id]);
      expect(sorted(ids(await index.search({ q: 'remote engineer' })))).toEqual(sorted([j.sde.id, j.node.id]));
    });

    test('disjunctiveFacets', 'counts a filtered facet without its own filter; OR within a facet, AND across', async () => {
      const { index, j } = await relevant();
      const count = (r: SearchResult, field: string) => Object.fromEntries((r.facets[field] ?? []).map((f) => [f.value, f.count]));
      const all = await index.search({ q: '', facets: ['workplaceType'] });
      const hybrid = await index.search({ q: '', filters: { workplaceType: 'hybrid' }, facets: ['workplaceType', 'company'], perPage: 50 });
      expect(sorted(ids(hybrid))).toEqual(sorted([j.de.id, j.jds.id]));
      expect(count(hybrid, 'workplaceType')).toEqual(count(all, 'workplaceType'));
      expect(count(hybrid, 'workplaceType')).toEqual({ hybrid: 2, remote: 3, onsite: 9 });
      expect(count(hybrid, 'company')).toEqual({ 'Orchard Metrics': 1, 'Tern Robotics': 1 });
      const text = await index.search({
        q: 'data engineer',
        filters: { workplaceType: ['hybrid', 'remote'], company: 'Orchard Metrics' },
        facets: ['workplaceType', 'company'],
      });
      expect(ids(text)).toEqual([j.de.id]);
      // workplaceType counts keep the company filter; company counts keep the workplace filter.
      expect(count(text, 'workplaceType')).toEqual({ hybrid: 1, onsite: 1 });
      expect(count(text, 'company')).toEqual({ 'Orchard Metrics': 1, 'Quill Ledger': 1, 'Tern Robotics': 1 });
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
      // Disjunctive: the country facet ignores the country filter, so every country shows.
      const byCountry = (c: number) => jobs.filter((_, i) => i % 5 === 2 && i % 4 === 0 && i % 3 === c).length;
      expect(Object.fromEntries((filtered.facets.country ?? []).map((f) => [f.value, f.count]))).toEqual({
        DE: byCountry(0),
        US: byCountry(1),
        FR: byCountry(2),
      });
      const facets = await index.search({ q: '', facets: ['company'] });
      expect(facets.facets.company?.reduce((s, f) => s + f.count, 0)).toBe(1000);
      const newest = await index.search({ q: 'surveyor', sort: 'datePosted', perPage: 1 });
      expect(newest.hits[0]?.job.id).toBe(jobs[999]?.id);
    });
  });
}
