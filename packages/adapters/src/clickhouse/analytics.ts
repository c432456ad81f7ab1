/**
 * ClickHouse implementation of the {@link Analytics} port, with the {@link ApplicationAnalytics}
 * capability. Takes a `@clickhouse/client`-compatible
 * client (HTTP server or chDB in-process via `createEmbeddedClickHouse`), so the same code runs in
 * both. Inserts are TabSeparated with an explicit `insert_deduplication_token` on every insert.
 * @module
 */
import { Readable } from 'node:stream';
import {
  ANALYTICS_SALARY_CURRENCY,
  type Analytics,
  type ApplicationAnalytics,
  ApplicationEventSchema,
  type ApplicationStats,
  DEFAULT_PERCENTILES,
  type IngestJobsOptions,
  type IngestOptions,
  JobEventSchema,
  JobkitError,
  type JobPosting,
  JobPostingSchema,
  JobsPerPeriodOptionsSchema,
  type SalaryPercentileRow,
  SalaryPercentilesOptionsSchema,
  type ShareRow,
  sha256Hex,
  TopCompaniesOptionsSchema,
  type WorkplaceShareKey,
} from '@jobkit/core';
import { JOB_EVENT_RANK, jobFacts, percentileKey, roundTo } from '@jobkit/core/adapter-kit';
import type { ClickHouseClientLike, ClickHouseSettings } from './client.js';
import { clickHouseErrorCode, isClickHouseDataError } from './errors.js';
import {
  APPLICATION_EVENT_COLUMNS,
  INGEST_JOB_COLUMNS,
  INGEST_JOB_STRUCTURE,
  JOB_EVENT_COLUMNS,
  jobsCurrentBackfill,
  migrationStatements,
} from './migrations.js';
import {
  activeJobsSql,
  applicationStatsSql,
  countByLatestSql,
  jobsPerPeriodSql,
  medianDaysOpenSql,
  type ReadMode,
  salaryPercentilesSql,
} from './queries.js';
import { RowBinaryWriter, writeJobRow } from './row-binary.js';

const WHERE = 'adapters/clickhouse';
const DAY_MS = 86_400_000;
const MAX_SPARE_WRITERS = 4;
const MAX_SPARE_BYTES = 64 * 1024 * 1024;

export interface ClickHouseAnalyticsOptions {
  /** A `@clickhouse/client` client, or `createEmbeddedClickHouse()` for chDB. */
  client: ClickHouseClientLike;
  /** Database holding the tables (created by `migrate()`). @default 'jobkit' */
  database?: string;
  /** Close the client in `close()`. @default false (the caller owns it) */
  ownsClient?: boolean;
  /** Rows per INSERT statement; larger inputs are split (each part gets `<token>:<n>`). @default 100_000 */
  maxInsertRows?: number;
  /**
   * Validate postings with zod in `ingestJobs`. Turn off only for postings that already passed
   * `finalizeJob`/`JobPostingSchema` (a cheap shape check still runs); events are always validated.
   * @default true
   */
  validate?: boolean;
  /** How the latest version of each posting is read (see {@link ReadMode}). @default 'final' */
  reads?: ReadMode;
}

type Cell = string | number | null;

/** TabSeparated escaping: the four characters that would break a row. */
function tsv(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '\\N';
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : v;
}

/** `YYYY-MM-DD hh:mm:ss.sss`, the unambiguous DateTime64(3) text form. */
export function chDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
}

function parseOrThrow<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Error } },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] invalid ${what}: ${r.error.message}`, { cause: r.error });
  return r.data;
}

/** One `jobs` row (column order of {@link JOB_COLUMNS}) as a TabSeparated line. */
export function jobRowTsv(job: JobPosting, atMs: number): string {
  const f = jobFacts(job);
  const at = chDateTime(atMs);
  return [
    f.urlHash,
    f.jobId,
    f.url,
    f.company,
    f.title,
    f.country,
    f.workplaceType,
    f.atsPlatform,
    f.salaryCurrency,
    f.salaryPeriod,
    f.salaryAmount,
    f.salaryYearly,
    f.datePosted === null ? null : chDateTime(f.datePosted),
    f.quality,
    at,
    at,
  ]
    .map(tsv)
    .join('\t');
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const str = (v: string) => (NEEDS_ESCAPE.test(v) ? tsv(v) : v);
const num = (v: number | null) => (v === null || !Number.isFinite(v) ? '\\N' : String(v));

/**
 * Encoder of the ingest row ({@link INGEST_JOB_COLUMNS}): a template string per row, the shared
 * observation time formatted once per batch and `datePosted` strings memoized (postings of a batch
 * share few distinct dates). `jobRowTsv` spent ~13 µs/row, more than chDB needs to parse and store it.
 */
export function jobLinesEncoder(atMs: number): (job: JobPosting) => string {
  const at = chDateTime(atMs);
  const dates = new Map<number, string>();
  return (job) => {
    const f = jobFacts(job);
    let dp = '\\N';
    if (f.datePosted !== null) {
      dp = dates.get(f.datePosted) ?? chDateTime(f.datePosted);
      if (dates.size < 4096) dates.set(f.datePosted, dp);
    }
    return `${str(f.urlHash)}\t${str(f.company)}\t${str(f.title)}\t${str(f.country)}\t${str(f.workplaceType)}\t${str(f.atsPlatform)}\t${str(
      f.salaryCurrency,
    )}\t${str(f.salaryPeriod)}\t${num(f.salaryAmount)}\t${num(f.salaryYearly)}\t${dp}\t${at}\t${at}`;
  };
}

/** What `validate: false` still guarantees: the fields the row encoder dereferences exist. */
function shapeCheck(input: readonly JobPosting[]): readonly JobPosting[] {
  if (!Array.isArray(input)) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] jobs must be an array`);
  for (const [i, j] of input.entries()) {
    if (
      typeof j?.urlHash !== 'string' ||
      typeof j.company?.name !== 'string' ||
      !Array.isArray(j.locations) ||
      typeof j.quality?.score !== 'number'
    ) {
      throw new JobkitError(
        'INVALID_ARGUMENT',
        `[${WHERE}] jobs[${i}] is not a JobPosting (urlHash, company.name, locations, quality.score)`,
      );
    }
  }
  return input;
}

function idsToken(prefix: string, ids: readonly string[]): string {
  return `${prefix}:${sha256Hex([...ids].sort().join('\n')).slice(0, 32)}`;
}

/**
 * Yearly salary percentiles: one row per group, since every `salary_yearly` is already the annual
 * figure in {@link ANALYTICS_SALARY_CURRENCY} (`jobFacts`). Raw amounts per period keep their
 * currency and go through `salaryPercentilesSql`.
 */
function yearlyPercentilesSql(
  db: string,
  mode: ReadMode,
  groupBy: 'titleKeyword' | 'country' | 'currency',
  levels: readonly number[],
  hasKeyword: boolean,
): string {
  const cols = ['salary_yearly'];
  if (groupBy === 'country') cols.push('country');
  if (groupBy === 'currency') cols.push('salary_currency');
  if (hasKeyword) cols.push('title');
  const at = (c: string) => `s.${cols.indexOf(c) + 1}`;
  const group = groupBy === 'titleKeyword' ? '{keyword:String}' : at(groupBy === 'country' ? 'country' : 'salary_currency');
  const where = [
    `${at('salary_yearly')} IS NOT NULL`,
    hasKeyword ? `positionCaseInsensitiveUTF8(${at('title')}, {keyword:String}) > 0` : '',
  ]
    .filter(Boolean)
    .join(' AND ');
  return `SELECT ${group} AS grp, {currency:String} AS currency, 'year' AS period, count() AS n,
      quantilesExactInclusive(${levels.map((l) => String(Number(l))).join(', ')})(assumeNotNull(${at('salary_yearly')})) AS q
    FROM (${activeJobsSql(db, mode, cols)}) WHERE ${where}
    GROUP BY grp`;
}

/** The ClickHouse analytics backend: job analytics plus the application tracker's capability. */
export type ClickHouseAnalytics = Analytics & ApplicationAnalytics;

/** Create the ClickHouse analytics backend. */
export function createClickHouseAnalytics(options: ClickHouseAnalyticsOptions): ClickHouseAnalytics {
  const client = options?.client;
  if (!client || typeof client.query !== 'function' || typeof client.insert !== 'function') {
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] options.client must be a @clickhouse/client client`);
  }
  const db = options.database ?? 'jobkit';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(db)) {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[${WHERE}] database must be an identifier ([A-Za-z_][A-Za-z0-9_]*), got ${JSON.stringify(db)}`,
    );
  }
  const maxInsertRows = options.maxInsertRows ?? 100_000;
  const reads: ReadMode = options.reads ?? 'final';
  if (reads !== 'final' && reads !== 'argMax') {
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] reads must be 'final' or 'argMax', got ${JSON.stringify(reads)}`);
  }
  let closed = false;

  const open = () => {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] analytics is closed`);
  };

  async function wrap<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (cause) {
      if (JobkitError.is(cause)) throw cause;
      // A value ClickHouse refuses fails again on every retry: permanent, so writers isolate the row instead.
      throw new JobkitError('ANALYTICS_FAILED', `[${WHERE}] ${what} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
        cause,
        retryable: !isClickHouseDataError(cause),
        details: { clickhouseCode: clickHouseErrorCode(cause) },
      });
    }
  }

  async function select<T>(sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return wrap('query', async () => {
      const rs = await client.query({
        query: sql,
        format: 'JSONEachRow',
        query_params: params,
        // No per-query settings: chDB turns them into session-wide SETs. 64-bit counts arrive quoted; callers Number() them.
      });
      return (await rs.json<T>()) as T[];
    });
  }

  /** The token of part `part` of an insert split into parts (`<token>:<part>` when split). */
  const partToken = (token: string | undefined, rows: number, part: number) =>
    token === undefined ? '' : rows > maxInsertRows ? `${token}:${part}` : token;

  /** Insert TabSeparated lines in parts; the token is always explicit (chDB sessions keep SET values). */
  async function insertLines(
    table: string,
    columns: readonly string[],
    lines: string[],
    token: string | undefined,
    extra: Record<string, string | number> = {},
  ): Promise<void> {
    for (let i = 0, part = 0; i < lines.length; i += maxInsertRows, part += 1) {
      const chunk = lines.slice(i, i + maxInsertRows);
      const settings: ClickHouseSettings = { insert_deduplication_token: partToken(token, lines.length, part), ...extra };
      const body = `${chunk.join('\n')}\n`;
      if (client.rawInsert) {
        const raw = client.rawInsert.bind(client);
        await wrap(`insert into ${table}`, () =>
          raw({ table: `${db}.${table}`, values: body, format: 'TabSeparated', columns, settings: settings as Record<string, string> }),
        );
        continue;
      }
      await wrap(`insert into ${table}`, () =>
        client.insert({
          table: `${db}.${table}`,
          values: Readable.from([body], { objectMode: false }),
          format: 'TabSeparated',
          columns: [...columns] as [string, ...string[]],
          clickhouse_settings: settings,
        }),
      );
    }
  }

  /**
   * Settings of every `jobs` insert. `optimize_on_insert = 0`: the engine would otherwise run the
   * replacing merge over each inserted block (and the view's block) before writing it; reads are
   * exact without it (FINAL / argMax), and it was ~30% of the engine's insert CPU on 1M rows.
   */
  const JOBS_INSERT_SETTINGS = { optimize_on_insert: 0 };

  /**
   * Encoders kept between inserts (one per concurrent flush): a fresh 16 MB buffer per 100k-row
   * batch made V8 collect far more often (external memory pressure), and each reused writer keeps
   * its cache of encoded low-cardinality strings. The client must not hold `body` after its insert
   * resolves.
   */
  const spareWriters: RowBinaryWriter[] = [];

  /**
   * `jobs` rows for postings observed at `atMs(i)`: RowBinary when the client has a binary path
   * (chDB), TabSeparated otherwise. Same parts and tokens either way.
   */
  async function insertJobs(jobs: readonly JobPosting[], atMs: (i: number) => number, token: string | undefined): Promise<void> {
    const binary = client.insertRowBinary?.bind(client);
    if (!binary) {
      const encoders = new Map<number, (job: JobPosting) => string>();
      const lines = jobs.map((job, i) => {
        const at = atMs(i);
        let encode = encoders.get(at);
        if (!encode) encoders.set(at, (encode = jobLinesEncoder(at)));
        return encode(job);
      });
      await insertLines('jobs', INGEST_JOB_COLUMNS, lines, token, JOBS_INSERT_SETTINGS);
      return;
    }
    for (let i = 0, part = 0; i < jobs.length; i += maxInsertRows, part += 1) {
      const end = Math.min(jobs.length, i + maxInsertRows);
      const w = spareWriters.pop() ?? new RowBinaryWriter((end - i) * 160);
      try {
        for (let k = i; k < end; k++) writeJobRow(w, jobs[k] as JobPosting, atMs(k));
        const settings = { insert_deduplication_token: partToken(token, jobs.length, part), ...JOBS_INSERT_SETTINGS };
        await wrap('insert into jobs', () => binary({ table: `${db}.jobs`, structure: INGEST_JOB_STRUCTURE, body: w.bytes(), settings }));
      } finally {
        w.reset();
        if (spareWriters.length < MAX_SPARE_WRITERS && w.capacity <= MAX_SPARE_BYTES) spareWriters.push(w);
      }
    }
  }

  const removedShareKeys: WorkplaceShareKey[] = ['remote', 'hybrid', 'onsite', 'unknown'];

  async function counts(column: string, limit?: number): Promise<{ key: string; jobs: number }[]> {
    const rows = await select<{ key: string; jobs: number }>(countByLatestSql(db, reads, column, limit));
    return rows.map((r) => ({ key: r.key, jobs: Number(r.jobs) }));
  }

  function toShares<K extends string>(rows: { key: K; jobs: number }[]): ShareRow<K>[] {
    const total = rows.reduce((s, r) => s + r.jobs, 0);
    return rows.map((r) => ({ key: r.key, jobs: r.jobs, share: total === 0 ? 0 : roundTo(r.jobs / total, 4) }));
  }

  return {
    name: `clickhouse:${db}`,

    async migrate() {
      open();
      const hadView = (
        await select<{ n: number }>(`SELECT count() AS n FROM system.tables WHERE database = {db:String} AND name = 'jobs_current_mv'`, {
          db,
        })
      ).some((r) => Number(r.n) > 0);
      for (const sql of migrationStatements(db)) await wrap('migrate', () => client.command({ query: sql }));
      // Migration 2 on a database that already holds jobs: copy them once the view catches new inserts.
      if (!hadView) await wrap('migrate (backfill jobs_current)', () => client.command({ query: jobsCurrentBackfill(db) }));
    },

    async ingestJobs(input, opts: IngestJobsOptions = {}) {
      open();
      const jobs = options.validate === false ? shapeCheck(input) : parseOrThrow(JobPostingSchema.array(), input, 'jobs');
      const at = (opts.at ?? new Date()).getTime();
      if (Number.isNaN(at)) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] options.at is not a valid Date`);
      await insertJobs(jobs, () => at, opts.dedupToken);
      return { rows: jobs.length };
    },

    async ingestJobEvents(input, opts: IngestOptions = {}) {
      open();
      const events = parseOrThrow(JobEventSchema.array(), input, 'job events');
      if (events.length === 0) return { rows: 0 };
      const snapshots: JobPosting[] = [];
      const snapshotAt: number[] = [];
      const lines = events.map((ev) => {
        const at = Date.parse(ev.occurredAt);
        const job = ev.payload.job;
        if (job) {
          snapshots.push(job);
          snapshotAt.push(at);
        }
        const urlHash = ev.type === 'job.removed' ? ev.payload.urlHash : ev.payload.job.urlHash;
        const jobId = ev.type === 'job.removed' ? ev.payload.jobId : ev.payload.job.id;
        const removedAt = ev.type === 'job.removed' ? Date.parse(ev.payload.removedAt) : 0;
        return [ev.id, ev.type, JOB_EVENT_RANK[ev.type], urlHash, jobId, chDateTime(at), chDateTime(removedAt)].map(tsv).join('\t');
      });
      const token =
        opts.dedupToken ??
        idsToken(
          'job-events',
          events.map((e) => e.id),
        );
      // Snapshots first: a crash in between leaves known jobs without their event, never the reverse.
      await insertJobs(snapshots, (i) => snapshotAt[i] as number, snapshots.length > 0 ? `${token}:jobs` : undefined);
      await insertLines('job_events', JOB_EVENT_COLUMNS, lines, token);
      return { rows: events.length };
    },

    async ingestApplicationEvents(input, opts: IngestOptions = {}) {
      open();
      const events = parseOrThrow(ApplicationEventSchema.array(), input, 'application events');
      if (events.length === 0) return { rows: 0 };
      const lines = events.map((e) =>
        [
          e.eventId,
          e.userId,
          e.applicationId,
          e.jobId ?? '',
          e.company ?? '',
          e.type,
          e.status ?? '',
          e.previousStatus ?? '',
          chDateTime(Date.parse(e.occurredAt)),
        ]
          .map(tsv)
          .join('\t'),
      );
      await insertLines(
        'application_events',
        APPLICATION_EVENT_COLUMNS,
        lines,
        opts.dedupToken ??
          idsToken(
            'app-events',
            events.map((e) => e.eventId),
          ),
      );
      return { rows: events.length };
    },

    async jobsPerPeriod(input) {
      open();
      const o = parseOrThrow(JobsPerPeriodOptionsSchema, input, 'jobsPerPeriod options');
      const params: Record<string, string> = {};
      if (o.from !== undefined) params.from = chDateTime(Date.parse(o.from));
      if (o.to !== undefined) params.to = chDateTime(Date.parse(o.to));
      const rows = await select<{ period: string; posted: number; removed: number }>(
        jobsPerPeriodSql(db, reads, o.period, o.from !== undefined, o.to !== undefined),
        params,
      );
      return rows.map((r) => ({ period: r.period, posted: Number(r.posted), removed: Number(r.removed) }));
    },

    async topCompanies(input = {}) {
      open();
      const o = parseOrThrow(TopCompaniesOptionsSchema, input, 'topCompanies options');
      return (await counts('company', o.limit)).map((r) => ({ company: r.key, jobs: r.jobs }));
    },

    async salaryPercentiles(input) {
      open();
      const o = parseOrThrow(SalaryPercentilesOptionsSchema, input, 'salaryPercentiles options');
      const levels = o.percentiles ?? [...DEFAULT_PERCENTILES];
      const params: Record<string, string> = o.keyword === undefined ? {} : { keyword: o.keyword };
      const rows = await select<{ grp: string; currency: string; period: SalaryPercentileRow['period']; n: number; q: number[] }>(
        o.groupBy === 'period'
          ? salaryPercentilesSql(db, reads, o.groupBy, levels, o.keyword !== undefined)
          : yearlyPercentilesSql(db, reads, o.groupBy, levels, o.keyword !== undefined),
        o.groupBy === 'period' ? params : { ...params, currency: ANALYTICS_SALARY_CURRENCY },
      );
      return rows
        .map((r) => {
          const values = levels.map((_, i) => roundTo(Number(r.q[i]), 2));
          return {
            group: r.grp,
            currency: r.currency,
            period: r.period,
            count: Number(r.n),
            values,
            byLevel: Object.fromEntries(levels.map((l, i) => [percentileKey(l), values[i] ?? Number.NaN])),
          };
        })
        .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.currency < b.currency ? -1 : 1));
    },

    async workplaceShare() {
      open();
      const found = new Map((await counts('workplace_type')).map((r) => [r.key, r.jobs]));
      return toShares(removedShareKeys.map((key) => ({ key, jobs: found.get(key) ?? 0 })));
    },

    async atsShare() {
      open();
      return toShares(await counts('ats_platform'));
    },

    async medianDaysOpen() {
      open();
      type Row = { n: number; med: number; undated?: number };
      let [row] = reads === 'final' ? await select<Row>(medianDaysOpenSql(db, reads, false)) : [];
      // Some removed postings have no date: their first observation comes from the history.
      if (row === undefined || Number(row.undated ?? 0) > 0) [row] = await select<Row>(medianDaysOpenSql(db, reads, true));
      const n = Number(row?.n ?? 0);
      return { medianDays: n === 0 ? null : roundTo(Number(row?.med), 2), jobs: n };
    },

    async applicationStats(userId, opts = {}) {
      open();
      if (typeof userId !== 'string' || userId.length === 0) {
        throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] applicationStats needs a userId`);
      }
      const now = (opts.now ?? new Date()).getTime();
      const [r] = await select<Record<string, number>>(applicationStatsSql(db), { user: userId, now });
      const g = (k: string) => Number(r?.[k] ?? 0);
      const n = g('n');
      const rate = (k: string) => (n === 0 ? 0 : roundTo(g(k) / n, 4));
      const trend = (days: 30 | 60, current: number, previous: number) => ({
        days,
        current,
        previous,
        change: previous === 0 ? null : roundTo((current - previous) / previous, 4),
      });
      const stats: ApplicationStats = {
        applications: n,
        responseRate: rate('responded'),
        interviewRate: rate('interviewed'),
        offerRate: rate('offered'),
        avgDaysToFirstResponse: g('n_fr') === 0 ? null : roundTo(g('fr_sum_ms') / DAY_MS / g('n_fr'), 2),
        trends: [trend(30, g('c30'), g('p30')), trend(60, g('c60'), g('p60'))],
      };
      return stats;
    },

    async close() {
      if (closed) return;
      closed = true;
      if (options.ownsClient) await client.close();
    },
  };
}
