/**
 * Contract suite for the {@link Analytics} port: ingests known fixtures (with duplicated snapshots,
 * events and batches, stale versions, reopened and removed jobs, reverted and deleted applications)
 * and checks the exact number every dashboard query must return. The application-tracker cases
 * run only on backends with the {@link ApplicationAnalytics} capability, and are reported skipped
 * on the others.
 * @module
 */
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { JobkitError } from '../errors.js';
import { finalizeJob } from '../job.js';
import { ECB_REFERENCE_RATES } from '../pay/index.js';
import { type Analytics, type ApplicationAnalytics, type ApplicationEvent, hasApplicationAnalytics } from '../ports/analytics.js';
import type { JobEvent } from '../schema/events.js';
import type { JobPosting, Salary, WorkplaceType } from '../schema/job-posting.js';

export interface AnalyticsContractContext {
  /** Unique per created instance (`[a-z0-9_]`): use it as database/table prefix so instances never share state. */
  namespace: string;
}

export interface AnalyticsContractOptions {
  name: string;
  /** Return a fresh, empty backend; the suite calls `migrate()` and `close()` itself. */
  create: (ctx: AnalyticsContractContext) => Analytics | Promise<Analytics>;
  /** Skip the suite, with the reason shown in the test name (e.g. a missing env var). */
  skip?: string | false;
}

interface Spec {
  n: number;
  company: string;
  title: string;
  datePosted: string | null;
  workplaceType: WorkplaceType | null;
  ats: string | null;
  country: string;
  salary: Salary | null;
}

const usd = (min: number | null, max: number | null, period: Salary['period'], currency = 'USD'): Salary => ({
  min,
  max,
  currency,
  period,
});

function job(s: Spec): JobPosting {
  return finalizeJob(
    {
      url: `https://jobs.example.com/${s.company.toLowerCase()}/${s.n}`,
      title: s.title,
      company: { name: s.company },
      locations: [{ raw: s.country, country: s.country }],
      workplaceType: s.workplaceType,
      employmentType: ['full_time'],
      salary: s.salary,
      description: { html: '<p>Role</p>', text: 'Role' },
      datePosted: s.datePosted,
      validThrough: null,
      applyUrl: null,
      ats: s.ats === null ? null : { platform: s.ats },
      source: 'ats-api',
      provenance: {},
    },
    { now: new Date('2025-03-01T00:00:00Z') },
  );
}

const base: Omit<Spec, 'n' | 'company' | 'title'> = {
  datePosted: null,
  workplaceType: null,
  ats: null,
  country: 'US',
  salary: null,
};
const J = {
  j1: job({
    ...base,
    n: 1,
    company: 'Acme',
    title: 'Senior Software Engineer',
    datePosted: '2025-03-03',
    workplaceType: 'remote',
    ats: 'greenhouse',
    salary: usd(100_000, 120_000, 'year'),
  }),
  j2: job({
    ...base,
    n: 2,
    company: 'Acme',
    title: 'Software Engineer',
    datePosted: '2025-03-03T10:00:00Z',
    workplaceType: 'hybrid',
    ats: 'greenhouse',
    salary: usd(50, 50, 'hour'),
  }),
  j3: job({
    ...base,
    n: 3,
    company: 'Acme',
    title: 'Data Engineer',
    datePosted: '2025-03-04',
    workplaceType: 'onsite',
    ats: 'lever',
    country: 'DE',
    salary: usd(5000, null, 'month', 'EUR'),
  }),
  j4: job({
    ...base,
    n: 4,
    company: 'Beta',
    title: 'Staff Software Engineer',
    datePosted: '2025-03-05',
    workplaceType: 'remote',
    ats: 'lever',
    salary: usd(130_000, 150_000, 'year'),
  }),
  j5: job({ ...base, n: 5, company: 'Beta', title: 'Product Manager' }),
  j6: job({
    ...base,
    n: 6,
    company: 'Gamma',
    title: 'Software Engineer II',
    datePosted: '2025-03-11T15:00:00Z',
    workplaceType: 'remote',
    ats: 'ashby',
    country: 'GB',
    salary: usd(60_000, 80_000, 'year', 'GBP'),
  }),
  j7: job({
    ...base,
    n: 7,
    company: 'Gamma',
    title: 'QA Engineer',
    datePosted: '2025-02-28',
    workplaceType: 'onsite',
    ats: 'ashby',
    salary: usd(null, 90_000, 'year'),
  }),
  j8: job({
    ...base,
    n: 8,
    company: 'Delta',
    title: 'Software Engineer',
    datePosted: '2025-03-04T23:59:59Z',
    workplaceType: 'remote',
    ats: 'greenhouse',
    salary: usd(100_000, null, null),
  }),
  j9: job({
    ...base,
    n: 9,
    company: 'Epsilon',
    title: 'Software Engineer',
    datePosted: '2025-03-12',
    workplaceType: 'hybrid',
    ats: 'workable',
    country: 'CA',
    salary: usd(80_000, 80_000, 'year', 'CAD'),
  }),
};
/** Never snapshotted: only its removal event is known. */
const jUnknown = job({ ...base, n: 10, company: 'Zeta', title: 'Ghost Role', datePosted: '2025-01-01' });
const j4Hybrid: JobPosting = { ...J.j4, workplaceType: 'hybrid' };
const j4Stale: JobPosting = { ...J.j4, workplaceType: 'onsite' };

const removed = (id: string, j: JobPosting, at: string, withJob: boolean): JobEvent => ({
  id,
  type: 'job.removed',
  aggregateId: j.id,
  occurredAt: at,
  payload: { jobId: j.id, urlHash: j.urlHash, removedAt: at, ...(withJob ? { job: j } : {}) },
});

const JOB_EVENTS: JobEvent[] = [
  removed('ev-3-removed', J.j3, '2025-03-14T00:00:00.000Z', false),
  removed('ev-unknown-removed', jUnknown, '2025-03-14T06:00:00.000Z', false),
  removed('ev-7-removed', J.j7, '2025-03-07T12:00:00.000Z', true),
  // j6 is removed, then updated again: it reopens.
  removed('ev-6-removed', J.j6, '2025-03-12T00:00:00.000Z', false),
  {
    id: 'ev-6-updated',
    type: 'job.updated',
    aggregateId: J.j6.id,
    occurredAt: '2025-03-13T00:00:00.000Z',
    payload: { job: J.j6, previousContentHash: 'x', changedFields: ['title'] },
  },
  // j9 is only known through its created event.
  { id: 'ev-9-created', type: 'job.created', aggregateId: J.j9.id, occurredAt: '2025-03-12T09:00:00.000Z', payload: { job: J.j9 } },
];

const app = (
  eventId: string,
  applicationId: string,
  type: ApplicationEvent['type'],
  occurredAt: string,
  extra: Partial<ApplicationEvent> = {},
): ApplicationEvent => ({ eventId, userId: 'u1', applicationId, type, occurredAt, company: 'Acme', ...extra });

const APP_EVENTS: ApplicationEvent[] = [
  app('a1-c', 'a1', 'created', '2025-06-01T00:00:00Z', { status: 'applied', jobId: J.j1.id }),
  app('a1-s', 'a1', 'status_changed', '2025-06-04T00:00:00Z', { status: 'screening', previousStatus: 'applied' }),
  app('a1-i', 'a1', 'status_changed', '2025-06-10T00:00:00Z', { status: 'interviewing', previousStatus: 'screening' }),
  app('a1-o', 'a1', 'status_changed', '2025-06-20T00:00:00Z', { status: 'offer', previousStatus: 'interviewing' }),
  app('a2-c', 'a2', 'created', '2025-06-05T00:00:00Z'),
  app('a2-r', 'a2', 'status_changed', '2025-06-06T00:00:00Z', { status: 'rejected', previousStatus: 'applied' }),
  app('a3-c', 'a3', 'created', '2025-06-10T00:00:00Z'),
  app('a3-i', 'a3', 'status_changed', '2025-06-12T00:00:00Z', { status: 'interviewing', previousStatus: 'applied' }),
  app('a3-undo', 'a3', 'reverted', '2025-06-12T01:00:00Z', { status: 'applied', previousStatus: 'interviewing' }),
  app('a4-c', 'a4', 'created', '2025-05-20T00:00:00Z'),
  app('a4-d', 'a4', 'deleted', '2025-05-21T00:00:00Z'),
  app('a5-c', 'a5', 'created', '2025-04-20T00:00:00Z'),
  app('a6-c', 'a6', 'created', '2025-03-15T00:00:00Z'),
  app('a6-g', 'a6', 'status_changed', '2025-04-15T00:00:00Z', { status: 'ghosted', previousStatus: 'applied' }),
  { ...app('u2-c', 'b1', 'created', '2025-06-01T00:00:00Z'), userId: 'u2' },
  { ...app('u2-o', 'b1', 'status_changed', '2025-06-02T00:00:00Z', { status: 'offer' }), userId: 'u2' },
];
const NOW = new Date('2025-06-30T00:00:00Z');

/** A yearly amount in USD straight from the rate table (the suite's own arithmetic, not annualizeSalary). */
function usdPerYear(amount: number, currency: string): number {
  const rates = ECB_REFERENCE_RATES.rates;
  return Math.round(amount * ((rates.USD as number) / (rates[currency] as number)));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The application-tracker capability, or skip the running test (with the reason) when the backend lacks it. */
function applications(a: Analytics, ctx: TestContext): ApplicationAnalytics {
  if (!hasApplicationAnalytics(a)) ctx.skip('no ApplicationAnalytics capability');
  return a as Analytics & ApplicationAnalytics;
}

async function ingestFixtures(a: Analytics): Promise<void> {
  const snapshot = [J.j1, J.j2, J.j3, J.j4, J.j5, J.j6, J.j7, J.j8];
  await a.ingestJobs(snapshot, { at: new Date('2025-03-10T00:00:00Z') });
  await a.ingestJobs(snapshot, { at: new Date('2025-03-10T00:00:00Z') }); // redelivered batch
  await a.ingestJobs([j4Hybrid], { at: new Date('2025-03-11T00:00:00Z') });
  await a.ingestJobs([j4Stale], { at: new Date('2025-03-09T00:00:00Z') }); // late, older version
  await a.ingestJobEvents(JOB_EVENTS);
  await a.ingestJobEvents(JOB_EVENTS.slice(0, 2)); // at-least-once redelivery
  if (!hasApplicationAnalytics(a)) return;
  await a.ingestApplicationEvents(APP_EVENTS.slice(0, 9));
  await a.ingestApplicationEvents(APP_EVENTS.slice(4)); // overlaps the first batch
  await a.ingestApplicationEvents(APP_EVENTS.slice(0, 4)); // whole batch again
}

/** Run the analytics contract against a backend. */
export function runAnalyticsContract(options: AnalyticsContractOptions): void {
  const title = `Analytics contract: ${options.name}${options.skip ? ` (skipped: ${options.skip})` : ''}`;
  const d = options.skip ? describe.skip : describe;
  let counter = 0;
  const ns = () => `${options.name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${process.pid}_${++counter}`;

  d(title, () => {
    let a: Analytics;
    const opened: Analytics[] = [];
    const open = async () => {
      const x = await options.create({ namespace: ns() });
      opened.push(x);
      await x.migrate();
      await x.migrate(); // idempotent
      return x;
    };

    beforeAll(async () => {
      a = await open();
      await ingestFixtures(a);
    });
    afterAll(async () => {
      for (const x of opened) await x.close();
    });

    it('jobsPerPeriod by day: posted by datePosted (else first seen), removed by the latest removal (known or not)', async () => {
      expect(await a.jobsPerPeriod({ period: 'day' })).toEqual([
        { period: '2025-02-28', posted: 1, removed: 0 },
        { period: '2025-03-03', posted: 2, removed: 0 },
        { period: '2025-03-04', posted: 2, removed: 0 },
        { period: '2025-03-05', posted: 1, removed: 0 },
        { period: '2025-03-07', posted: 0, removed: 1 },
        { period: '2025-03-10', posted: 1, removed: 0 },
        { period: '2025-03-11', posted: 1, removed: 0 },
        { period: '2025-03-12', posted: 1, removed: 0 },
        { period: '2025-03-14', posted: 0, removed: 2 },
      ]);
    });

    it('jobsPerPeriod by week (Monday) and within [from, to)', async () => {
      expect(await a.jobsPerPeriod({ period: 'week' })).toEqual([
        { period: '2025-02-24', posted: 1, removed: 0 },
        { period: '2025-03-03', posted: 5, removed: 1 },
        { period: '2025-03-10', posted: 3, removed: 2 },
      ]);
      expect(await a.jobsPerPeriod({ period: 'day', from: '2025-03-04T00:00:00Z', to: '2025-03-12T00:00:00Z' })).toEqual([
        { period: '2025-03-04', posted: 2, removed: 0 },
        { period: '2025-03-05', posted: 1, removed: 0 },
        { period: '2025-03-07', posted: 0, removed: 1 },
        { period: '2025-03-10', posted: 1, removed: 0 },
        { period: '2025-03-11', posted: 1, removed: 0 },
      ]);
    });

    it('topCompanies counts active jobs, ties by name', async () => {
      expect(await a.topCompanies({ limit: 3 })).toEqual([
        { company: 'Acme', jobs: 2 },
        { company: 'Beta', jobs: 2 },
        { company: 'Delta', jobs: 1 },
      ]);
      expect(await a.topCompanies()).toHaveLength(5);
    });

    it('workplaceShare uses the latest snapshot of each job', async () => {
      expect(await a.workplaceShare()).toEqual([
        { key: 'remote', jobs: 3, share: 0.4286 },
        { key: 'hybrid', jobs: 3, share: 0.4286 },
        { key: 'onsite', jobs: 0, share: 0 },
        { key: 'unknown', jobs: 1, share: 0.1429 },
      ]);
    });

    it('atsShare', async () => {
      expect(await a.atsShare()).toEqual([
        { key: 'greenhouse', jobs: 3, share: 0.4286 },
        { key: 'ashby', jobs: 1, share: 0.1429 },
        { key: 'lever', jobs: 1, share: 0.1429 },
        { key: 'unknown', jobs: 1, share: 0.1429 },
        { key: 'workable', jobs: 1, share: 0.1429 },
      ]);
    });

    it('medianDaysOpen over removed jobs that were snapshotted', async () => {
      expect(await a.medianDaysOpen()).toEqual({ medianDays: 8.75, jobs: 2 });
    });

    it('salaryPercentiles by currency and country: annual figures in USD, one row per group', async () => {
      const cad = usdPerYear(80_000, 'CAD');
      const gbp = (usdPerYear(60_000, 'GBP') + usdPerYear(80_000, 'GBP')) / 2;
      const byCurrency = await a.salaryPercentiles({ groupBy: 'currency' });
      expect(byCurrency.map((r) => [r.group, r.currency, r.period, r.count, r.values])).toEqual([
        ['CAD', 'USD', 'year', 1, [cad, cad, cad, cad]],
        ['GBP', 'USD', 'year', 1, [gbp, gbp, gbp, gbp]],
        // 50/hour × 40 h × 52 weeks = 104k, 110k, 140k.
        ['USD', 'USD', 'year', 3, [107_000, 110_000, 125_000, 134_000]],
      ]);
      expect(byCurrency[2]?.byLevel).toEqual({ p25: 107_000, p50: 110_000, p75: 125_000, p90: 134_000 });
      const byCountry = await a.salaryPercentiles({ groupBy: 'country' });
      expect(byCountry.map((r) => [r.group, r.currency, r.count, r.values[1]])).toEqual([
        ['CA', 'USD', 1, cad],
        ['GB', 'USD', 1, gbp],
        ['US', 'USD', 3, 110_000],
      ]);
    });

    it('salaryPercentiles by period uses raw amounts; by title keyword filters case-insensitively', async () => {
      const byPeriod = await a.salaryPercentiles({ groupBy: 'period', percentiles: [0.5] });
      expect(byPeriod.map((r) => [r.group, r.currency, r.period, r.count, r.values])).toEqual([
        ['hour', 'USD', 'hour', 1, [50]],
        ['year', 'CAD', 'year', 1, [80_000]],
        ['year', 'GBP', 'year', 1, [70_000]],
        ['year', 'USD', 'year', 2, [125_000]],
      ]);
      const kw = await a.salaryPercentiles({ groupBy: 'titleKeyword', keyword: 'software ENGINEER', percentiles: [0.5] });
      // Every currency in one row: 104k, 110k, 140k, the GBP and the CAD posting in USD.
      const all = [104_000, 110_000, 140_000, (usdPerYear(60_000, 'GBP') + usdPerYear(80_000, 'GBP')) / 2, usdPerYear(80_000, 'CAD')];
      expect(kw.map((r) => [r.group, r.currency, r.count, r.values])).toEqual([['software ENGINEER', 'USD', 5, [median(all)]]]);
      const filtered = await a.salaryPercentiles({ groupBy: 'currency', keyword: 'staff' });
      expect(filtered.map((r) => [r.group, r.count, r.values[1]])).toEqual([['USD', 1, 140_000]]);
    });

    it('salaryPercentiles: 13 monthly salaries make a larger year than 12', async () => {
      const b = await open();
      const monthly = (n: number, monthsPerYear?: number) =>
        job({
          ...base,
          n,
          company: 'Months',
          title: 'Engineer',
          salary: { ...usd(5000, 5000, 'month'), ...(monthsPerYear ? { monthsPerYear } : {}) },
        });
      await b.ingestJobs([monthly(2001), monthly(2002, 13)], { at: new Date('2025-01-01T00:00:00Z') });
      const [row] = await b.salaryPercentiles({ groupBy: 'currency', percentiles: [0.01, 0.99] });
      expect(row?.count).toBe(2);
      expect(row?.values.map((v) => Math.round(v))).toEqual([60_000 + 50, 65_000 - 50]);
    });

    it('applicationStats counts reverted, deleted and duplicate events correctly', async (ctx) => {
      const a2 = applications(a, ctx);
      expect(await a2.applicationStats('u1', { now: NOW })).toEqual({
        applications: 5,
        responseRate: 0.4,
        interviewRate: 0.2,
        offerRate: 0.2,
        avgDaysToFirstResponse: 2,
        trends: [
          { days: 30, current: 3, previous: 0, change: null },
          { days: 60, current: 3, previous: 2, change: 0.5 },
        ],
      });
      expect(await a2.applicationStats('nobody', { now: NOW })).toEqual({
        applications: 0,
        responseRate: 0,
        interviewRate: 0,
        offerRate: 0,
        avgDaysToFirstResponse: null,
        trends: [
          { days: 30, current: 0, previous: 0, change: null },
          { days: 60, current: 0, previous: 0, change: null },
        ],
      });
    });

    it('rejects invalid application events with INVALID_ARGUMENT', async (ctx) => {
      const bad = { ...APP_EVENTS[0], type: 'exploded' } as unknown as ApplicationEvent;
      await expect(applications(a, ctx).ingestApplicationEvents([bad])).rejects.toSatisfy((e) => JobkitError.is(e, 'INVALID_ARGUMENT'));
    });

    it('rejects invalid query options with INVALID_ARGUMENT', async () => {
      await expect(a.salaryPercentiles({ groupBy: 'titleKeyword' })).rejects.toSatisfy((e) => JobkitError.is(e, 'INVALID_ARGUMENT'));
      await expect(a.jobsPerPeriod({ period: 'month' as 'day' })).rejects.toSatisfy((e) => JobkitError.is(e, 'INVALID_ARGUMENT'));
    });

    it('percentiles of a known distribution (1k…101k) interpolate exactly', async () => {
      const b = await open();
      const jobs = Array.from({ length: 101 }, (_, i) =>
        job({ ...base, n: 1000 + i, company: `Co${i % 7}`, title: 'Engineer', salary: usd((i + 1) * 1000, (i + 1) * 1000, 'year') }),
      );
      await b.ingestJobs(jobs.slice(0, 60), { at: new Date('2025-01-01T00:00:00Z') });
      await b.ingestJobs(jobs.slice(40), { at: new Date('2025-01-02T00:00:00Z') });
      const [row] = await b.salaryPercentiles({ groupBy: 'currency', percentiles: [0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.333] });
      expect(row).toMatchObject({ group: 'USD', count: 101, values: [11_000, 26_000, 51_000, 76_000, 91_000, 100_000, 34_300] });
    });

    it('ingesting every batch again changes no number', async () => {
      const before = await snapshotAll(a);
      await ingestFixtures(a);
      expect(await snapshotAll(a)).toEqual(before);
    });
  });
}

async function snapshotAll(a: Analytics) {
  return {
    day: await a.jobsPerPeriod({ period: 'day' }),
    top: await a.topCompanies({ limit: 10 }),
    wp: await a.workplaceShare(),
    ats: await a.atsShare(),
    med: await a.medianDaysOpen(),
    sal: await a.salaryPercentiles({ groupBy: 'country' }),
    apps: hasApplicationAnalytics(a) ? await a.applicationStats('u1', { now: NOW }) : null,
  };
}
