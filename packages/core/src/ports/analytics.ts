/**
 * Analytics port: an append-only, at-least-once event/snapshot sink plus the dashboard queries
 * built on it (jobs per period, top companies, salary percentiles, shares, days open). The
 * application tracker's per-user stats are an optional capability ({@link ApplicationAnalytics},
 * tested with {@link hasApplicationAnalytics}): a backend for job analytics implements
 * {@link Analytics} only. Every adapter must return the exact same numbers for the same input;
 * `runAnalyticsContract` from `@jobkit/core/testing` checks that (the application cases only when
 * the capability is there).
 *
 * ## Semantics every implementation follows
 * - **Job state** (per `urlHash`): the latest snapshot by observation time (`ingestJobs` `at`, or the
 *   event's `occurredAt`) wins; `firstSeen` is the earliest observation; `postedAt = datePosted ?? firstSeen`.
 * - **Removal**: a job is removed when its latest job event (by `occurredAt`, ties: removed > updated
 *   > created, then event id) is `job.removed`; `removedAt` comes from that event's payload.
 *   Snapshots from `ingestJobs` never reopen a removed job; a later `job.created`/`job.updated` does.
 * - **Active jobs** = known (snapshotted) and not removed. Shares, top companies and salary
 *   percentiles are over active jobs.
 * - **Duplicates**: ingesting the same jobs, events or batch twice never changes any number.
 * - Times are UTC; weeks start on Monday.
 * @module
 */
import { z } from 'zod';
import { annualizeSalary } from '../pay/index.js';
import type { JobEvent } from '../schema/events.js';
import type { JobPosting } from '../schema/job-posting.js';

const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date-time' });

/** Statuses an application moves through in the tracker. */
export const ApplicationStatusSchema = z.enum(['applied', 'screening', 'interviewing', 'offer', 'rejected', 'ghosted', 'withdrawn']);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export const APPLICATION_EVENT_TYPES = ['created', 'status_changed', 'reverted', 'deleted'] as const;

/**
 * One event of the application tracker (CQRS write side → analytics read side).
 * - `created`: `status` defaults to `applied`.
 * - `status_changed`: `status` is the new status, `previousStatus` the old one.
 * - `reverted`: undoes a status change: `previousStatus` is the status being undone, `status` the one restored.
 * - `deleted`: the application disappears from every statistic.
 */
export const ApplicationEventSchema = z.object({
  /** Unique id; duplicates (at-least-once delivery) are counted once. */
  eventId: z.string().min(1),
  userId: z.string().min(1),
  applicationId: z.string().min(1),
  jobId: z.string().min(1).optional(),
  company: z.string().min(1).optional(),
  type: z.enum(APPLICATION_EVENT_TYPES),
  status: ApplicationStatusSchema.optional(),
  previousStatus: ApplicationStatusSchema.optional(),
  occurredAt: isoDateTime,
});
export type ApplicationEvent = z.infer<typeof ApplicationEventSchema>;

/** Statuses that count as "the company responded". */
export const RESPONSE_STATUSES: readonly ApplicationStatus[] = ['screening', 'interviewing', 'offer', 'rejected'];
/** Statuses that count as "reached an interview". */
export const INTERVIEW_STATUSES: readonly ApplicationStatus[] = ['interviewing', 'offer'];

export const JobsPerPeriodOptionsSchema = z.object({
  period: z.enum(['day', 'week']),
  /** Inclusive lower bound on the event time (posted or removed). */
  from: isoDateTime.optional(),
  /** Exclusive upper bound on the event time. */
  to: isoDateTime.optional(),
});
export type JobsPerPeriodOptions = z.infer<typeof JobsPerPeriodOptionsSchema>;

export interface JobsPerPeriodRow {
  /** Start of the period, `YYYY-MM-DD` (UTC; weeks start on Monday). */
  period: string;
  /** Jobs whose `postedAt` falls in the period. */
  posted: number;
  /** Jobs removed (see module doc) with `removedAt` in the period, snapshotted or not. */
  removed: number;
}

export const TopCompaniesOptionsSchema = z.object({
  /** @default 10 */
  limit: z.number().int().min(1).max(10_000).default(10),
});
export type TopCompaniesOptions = z.input<typeof TopCompaniesOptionsSchema>;

export interface TopCompanyRow {
  company: string;
  /** Active jobs. */
  jobs: number;
}

export const SalaryGroupBySchema = z.enum(['titleKeyword', 'country', 'currency', 'period']);
export type SalaryGroupBy = z.infer<typeof SalaryGroupBySchema>;

export const DEFAULT_PERCENTILES = [0.25, 0.5, 0.75, 0.9] as const;

export const SalaryPercentilesOptionsSchema = z
  .object({
    groupBy: SalaryGroupBySchema,
    /** Case-insensitive substring of the title. Required for `titleKeyword` (it names the group); a filter otherwise. */
    keyword: z.string().trim().min(1).optional(),
    /** Levels in (0, 1). @default [0.25, 0.5, 0.75, 0.9] */
    percentiles: z.array(z.number().gt(0).lt(1)).min(1).max(20).optional(),
  })
  .refine((o) => o.groupBy !== 'titleKeyword' || o.keyword !== undefined, {
    message: "groupBy 'titleKeyword' needs a keyword",
  });
export type SalaryPercentilesOptions = z.infer<typeof SalaryPercentilesOptionsSchema>;

/**
 * Currency of the yearly salary figures analytics compare: every posting's pay is annualized and
 * converted into it by `annualizeSalary` with its defaults (40-hour weeks, 5-day weeks, 52 weeks,
 * the posting's `monthsPerYear` else 12, the shipped ECB reference rates).
 */
export const ANALYTICS_SALARY_CURRENCY = 'USD';

/**
 * Percentiles of one salary group.
 *
 * The amount of a job is the midpoint of `min`/`max` (or whichever is set). For `titleKeyword`,
 * `country` and `currency` it is the **comparable annual figure** in
 * {@link ANALYTICS_SALARY_CURRENCY} (see {@link JobFacts.salaryYearly}): every row is one group,
 * `currency` is `'USD'` and `period` is `'year'`, so rows compare like with like; for
 * `groupBy: 'currency'` the group is the currency postings are paid in. Jobs without a salary
 * period, or in a currency missing from the rate table, are skipped. For `groupBy: 'period'`
 * amounts are **raw** in their own period and currency: every row is one (period, currency) pair.
 * Percentiles interpolate linearly between order statistics (R-7 / numpy default), rounded to 2
 * decimals.
 */
export interface SalaryPercentileRow {
  group: string;
  currency: string;
  period: 'hour' | 'day' | 'week' | 'month' | 'year';
  count: number;
  /** Same order as the requested levels. */
  values: number[];
  /** Keyed `p25`, `p50`, … (level × 100, e.g. `p99.5`). */
  byLevel: Record<string, number>;
}

export interface ShareRow<K extends string = string> {
  key: K;
  jobs: number;
  /** jobs / total, rounded to 4 decimals. */
  share: number;
}

export type WorkplaceShareKey = 'remote' | 'hybrid' | 'onsite' | 'unknown';

export interface MedianDaysOpen {
  /** Median of (removedAt − postedAt) in days over removed jobs, 2 decimals; null when none. */
  medianDays: number | null;
  /** Removed jobs that entered the median. */
  jobs: number;
}

export interface ApplicationStatsOptions {
  /** Reference time for the trends. @default new Date() */
  now?: Date;
}

export interface ApplicationTrend {
  days: 30 | 60;
  /** Applications with `appliedAt` in (now − days, now]. */
  current: number;
  /** Applications with `appliedAt` in (now − 2·days, now − days]. */
  previous: number;
  /** (current − previous) / previous, 4 decimals; null when previous is 0. */
  change: number | null;
}

/**
 * Per-user application statistics. An application "reached" a status when it has more
 * `created`/`status_changed` events into it than `reverted` events undoing it; deleted applications
 * are ignored; `appliedAt` is the `created` event's time (else the earliest event).
 */
export interface ApplicationStats {
  applications: number;
  /** Share reaching any of {@link RESPONSE_STATUSES}, 4 decimals. */
  responseRate: number;
  /** Share reaching any of {@link INTERVIEW_STATUSES}, 4 decimals. */
  interviewRate: number;
  /** Share reaching `offer`, 4 decimals. */
  offerRate: number;
  /** Mean days from `appliedAt` to the first (not undone) response status change, 2 decimals; null when none. */
  avgDaysToFirstResponse: number | null;
  trends: [ApplicationTrend, ApplicationTrend];
}

export interface IngestOptions {
  /**
   * Insert deduplication token: a retried batch with the same token is stored once (BatchWriter
   * passes its batch token). Backends without insert dedup ignore it; reads are duplicate-safe anyway.
   * @default a hash of the event ids for events; none for job snapshots
   */
  dedupToken?: string;
}

export interface IngestJobsOptions extends IngestOptions {
  /** Observation time of the snapshot. @default new Date() */
  at?: Date;
}

export interface IngestResult {
  /** Rows handed to the engine (before any deduplication). */
  rows: number;
}

/**
 * Port every analytics backend implements: job analytics. The application tracker's statistics
 * are the optional {@link ApplicationAnalytics} capability; test for it with
 * {@link hasApplicationAnalytics} instead of calling the optional methods blindly.
 */
export interface Analytics {
  readonly name: string;
  /** Create tables (idempotent). */
  migrate(): Promise<void>;
  ingestJobs(jobs: readonly JobPosting[], options?: IngestJobsOptions): Promise<IngestResult>;
  ingestJobEvents(events: readonly JobEvent[], options?: IngestOptions): Promise<IngestResult>;
  /** Capability of {@link ApplicationAnalytics}; absent on job-only backends. */
  ingestApplicationEvents?(events: readonly ApplicationEvent[], options?: IngestOptions): Promise<IngestResult>;
  jobsPerPeriod(options: JobsPerPeriodOptions): Promise<JobsPerPeriodRow[]>;
  /** Sorted by jobs desc, then company asc. */
  topCompanies(options?: TopCompaniesOptions): Promise<TopCompanyRow[]>;
  /** Sorted by group, then currency. */
  salaryPercentiles(options: SalaryPercentilesOptions): Promise<SalaryPercentileRow[]>;
  /** All four keys, in the order remote, hybrid, onsite, unknown. */
  workplaceShare(): Promise<ShareRow<WorkplaceShareKey>[]>;
  /** Key = ATS platform or `unknown`; sorted by jobs desc, then key. */
  atsShare(): Promise<ShareRow[]>;
  medianDaysOpen(): Promise<MedianDaysOpen>;
  /** Capability of {@link ApplicationAnalytics}; absent on job-only backends. */
  applicationStats?(userId: string, options?: ApplicationStatsOptions): Promise<ApplicationStats>;
  close(): Promise<void>;
}

/**
 * Optional capability: the application tracker's read side (its events in, per-user statistics
 * out). The built-in memory and ClickHouse backends have it.
 */
export interface ApplicationAnalytics {
  /** Invalid events reject with `INVALID_ARGUMENT`; duplicates (same `eventId`) count once. */
  ingestApplicationEvents(events: readonly ApplicationEvent[], options?: IngestOptions): Promise<IngestResult>;
  applicationStats(userId: string, options?: ApplicationStatsOptions): Promise<ApplicationStats>;
}

/** Whether an analytics backend has the {@link ApplicationAnalytics} capability. */
export function hasApplicationAnalytics<A extends Analytics>(analytics: A): analytics is A & ApplicationAnalytics {
  return typeof analytics.ingestApplicationEvents === 'function' && typeof analytics.applicationStats === 'function';
}

/**
 * Multipliers that turn an amount per period into an amount per year.
 * @deprecated Analytics annualize with `annualizeSalary` (working time, 13th-month pay and
 * currency taken into account); this table is no longer used and goes in the next minor release.
 */
export const YEARLY_FACTOR: Readonly<Record<'hour' | 'day' | 'week' | 'month' | 'year', number>> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};

/** The flat, derived view of a posting every analytics backend stores (shared so numbers agree). */
export interface JobFacts {
  urlHash: string;
  jobId: string;
  url: string;
  company: string;
  title: string;
  /** First location's ISO country, `''` when unknown. */
  country: string;
  workplaceType: WorkplaceShareKey;
  /** ATS platform, `'unknown'` when none. */
  atsPlatform: string;
  salaryCurrency: string;
  salaryPeriod: string;
  /** Midpoint of min/max in the salary's own period; null without an amount or currency. */
  salaryAmount: number | null;
  /**
   * Comparable annual figure: the midpoint of `annualizeSalary(salary)` (its defaults, so in
   * {@link ANALYTICS_SALARY_CURRENCY}); null without an amount or period, or when the currency is
   * not in the rate table.
   */
  salaryYearly: number | null;
  /** Epoch ms of `datePosted`, null when absent. */
  datePosted: number | null;
  quality: number;
}

/** Derive {@link JobFacts} from a posting. */
export function jobFacts(job: JobPosting): JobFacts {
  const s = job.salary;
  let amount: number | null = null;
  if (s && s.currency !== null) {
    if (s.min !== null && s.max !== null) amount = (s.min + s.max) / 2;
    else amount = s.min ?? s.max;
  }
  const period = s?.period ?? null;
  const yearly = amount === null || !s ? null : annualizeSalary(s);
  const posted = job.datePosted === null ? null : Date.parse(job.datePosted);
  return {
    urlHash: job.urlHash,
    jobId: job.id,
    url: job.url,
    company: job.company.name,
    title: job.title,
    country: job.locations.find((l) => l.country !== undefined)?.country ?? '',
    workplaceType: job.workplaceType ?? 'unknown',
    atsPlatform: job.ats?.platform ?? 'unknown',
    salaryCurrency: amount === null ? '' : (s?.currency ?? ''),
    salaryPeriod: amount === null ? '' : (period ?? ''),
    salaryAmount: amount,
    salaryYearly: yearly === null ? null : midpoint(yearly.min, yearly.max),
    datePosted: posted === null || Number.isNaN(posted) ? null : posted,
    quality: job.quality.score,
  };
}

const midpoint = (min: number | null, max: number | null): number | null => (min !== null && max !== null ? (min + max) / 2 : (min ?? max));

/** Round half away from zero to `digits` decimals (the rounding every backend applies to results). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f + Number.EPSILON)) / f;
}

/** Tie-break rank of job event types when two events share `occurredAt` (removal wins). */
export const JOB_EVENT_RANK: Readonly<Record<JobEvent['type'], number>> = {
  'job.created': 0,
  'job.updated': 1,
  'job.removed': 2,
};

/** `p25`, `p50`, `p99.5`… for a level. */
export function percentileKey(level: number): string {
  return `p${roundTo(level * 100, 4)}`;
}
