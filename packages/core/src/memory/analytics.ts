/**
 * In-memory reference implementation of the {@link Analytics} port, with the
 * {@link ApplicationAnalytics} capability: plain maps, no engine.
 * It defines the expected numbers for the contract suite, serves tests and small examples.
 * Not meant for large data: every query scans everything.
 * @module
 */
import { JobkitError } from '../errors.js';
import {
  ANALYTICS_SALARY_CURRENCY,
  type Analytics,
  type ApplicationAnalytics,
  type ApplicationEvent,
  ApplicationEventSchema,
  type ApplicationStats,
  type ApplicationStatus,
  type ApplicationTrend,
  DEFAULT_PERCENTILES,
  INTERVIEW_STATUSES,
  type IngestJobsOptions,
  JOB_EVENT_RANK,
  type JobFacts,
  type JobsPerPeriodOptions,
  JobsPerPeriodOptionsSchema,
  type JobsPerPeriodRow,
  jobFacts,
  percentileKey,
  RESPONSE_STATUSES,
  roundTo,
  type SalaryPercentileRow,
  type SalaryPercentilesOptions,
  SalaryPercentilesOptionsSchema,
  type ShareRow,
  type TopCompaniesOptions,
  TopCompaniesOptionsSchema,
  type WorkplaceShareKey,
} from '../ports/analytics.js';
import { type JobEvent, JobEventSchema } from '../schema/events.js';
import { type JobPosting, JobPostingSchema } from '../schema/job-posting.js';

const WHERE = 'core/memory-analytics';
const DAY_MS = 86_400_000;

interface JobState {
  facts: JobFacts;
  version: number;
  firstSeen: number;
}

interface LastEvent {
  key: [number, number, string];
  type: JobEvent['type'];
  removedAt: number | null;
}

/** Compare `[time, rank, id]` tuples. */
function cmpKey(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/** Linear interpolation between order statistics, on a sorted array. */
export function percentileR7(sorted: readonly number[], level: number): number {
  const pos = level * (sorted.length - 1);
  const lo = Math.floor(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (pos - lo) * (b - a);
}

/** Start of the UTC day or ISO week (Monday) containing `ms`, as `YYYY-MM-DD`. */
export function periodStart(ms: number, period: 'day' | 'week'): string {
  let day = Math.floor(ms / DAY_MS);
  if (period === 'week') day -= (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
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

/** Options of {@link createMemoryAnalytics}. */
export interface MemoryAnalyticsOptions {
  /** @default 'memory' */
  name?: string;
}

/** The in-memory backend: job analytics and the application tracker's capability. */
export type MemoryAnalytics = Analytics & ApplicationAnalytics;

/** Create the in-memory analytics backend. */
export function createMemoryAnalytics(options: MemoryAnalyticsOptions = {}): MemoryAnalytics {
  const jobs = new Map<string, JobState>();
  const lastJobEvent = new Map<string, LastEvent>();
  const appEvents = new Map<string, ApplicationEvent>();
  let closed = false;

  const open = () => {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] analytics is closed`);
  };

  function observe(job: JobPosting, at: number): void {
    const prev = jobs.get(job.urlHash);
    const facts = jobFacts(job);
    if (!prev) {
      jobs.set(job.urlHash, { facts, version: at, firstSeen: at });
      return;
    }
    prev.firstSeen = Math.min(prev.firstSeen, at);
    // `>=` matches argMax, which keeps the later-inserted row among equal versions only by accident;
    // equal versions of different content are undefined behaviour in every backend.
    if (at >= prev.version) {
      prev.facts = facts;
      prev.version = at;
    }
  }

  function removal(urlHash: string): number | null {
    const ev = lastJobEvent.get(urlHash);
    return ev && ev.type === 'job.removed' ? ev.removedAt : null;
  }

  function active(): JobState[] {
    return [...jobs.values()].filter((j) => removal(j.facts.urlHash) === null);
  }

  function shares<K extends string>(keys: K[], pick: (f: JobFacts) => K, keepEmpty: boolean): ShareRow<K>[] {
    const rows = active();
    const counts = new Map<K, number>(keepEmpty ? keys.map((k) => [k, 0]) : []);
    for (const j of rows) {
      const k = pick(j.facts);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const total = rows.length;
    return [...counts].map(([key, n]) => ({ key, jobs: n, share: total === 0 ? 0 : roundTo(n / total, 4) }));
  }

  return {
    name: options.name ?? 'memory',

    async migrate() {
      open();
    },

    async ingestJobs(input, opts: IngestJobsOptions = {}) {
      open();
      const list = parseOrThrow(JobPostingSchema.array(), input, 'jobs');
      const at = (opts.at ?? new Date()).getTime();
      for (const job of list) observe(job, at);
      return { rows: list.length };
    },

    async ingestJobEvents(input) {
      open();
      const list = parseOrThrow(JobEventSchema.array(), input, 'job events');
      for (const ev of list) {
        const at = Date.parse(ev.occurredAt);
        const urlHash = ev.type === 'job.removed' ? ev.payload.urlHash : ev.payload.job.urlHash;
        const job = ev.payload.job;
        if (job) observe(job, at);
        const key: [number, number, string] = [at, JOB_EVENT_RANK[ev.type], ev.id];
        const prev = lastJobEvent.get(urlHash);
        if (!prev || cmpKey(key, prev.key) > 0) {
          lastJobEvent.set(urlHash, {
            key,
            type: ev.type,
            removedAt: ev.type === 'job.removed' ? Date.parse(ev.payload.removedAt) : null,
          });
        }
      }
      return { rows: list.length };
    },

    async ingestApplicationEvents(input) {
      open();
      const list = parseOrThrow(ApplicationEventSchema.array(), input, 'application events');
      for (const ev of list) if (!appEvents.has(ev.eventId)) appEvents.set(ev.eventId, ev);
      return { rows: list.length };
    },

    async jobsPerPeriod(input: JobsPerPeriodOptions) {
      open();
      const o = parseOrThrow(JobsPerPeriodOptionsSchema, input, 'jobsPerPeriod options');
      const from = o.from === undefined ? -Infinity : Date.parse(o.from);
      const to = o.to === undefined ? Infinity : Date.parse(o.to);
      const rows = new Map<string, JobsPerPeriodRow>();
      const bump = (ms: number, field: 'posted' | 'removed') => {
        if (ms < from || ms >= to) return;
        const p = periodStart(ms, o.period);
        const row = rows.get(p) ?? { period: p, posted: 0, removed: 0 };
        row[field] += 1;
        rows.set(p, row);
      };
      for (const j of jobs.values()) bump(j.facts.datePosted ?? j.firstSeen, 'posted');
      // Removals count even for jobs never snapshotted: the event alone says a posting closed.
      for (const ev of lastJobEvent.values()) if (ev.type === 'job.removed' && ev.removedAt !== null) bump(ev.removedAt, 'removed');
      return [...rows.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
    },

    async topCompanies(input: TopCompaniesOptions = {}) {
      open();
      const o = parseOrThrow(TopCompaniesOptionsSchema, input, 'topCompanies options');
      const counts = new Map<string, number>();
      for (const j of active()) counts.set(j.facts.company, (counts.get(j.facts.company) ?? 0) + 1);
      return [...counts]
        .map(([company, n]) => ({ company, jobs: n }))
        .sort((a, b) => b.jobs - a.jobs || (a.company < b.company ? -1 : a.company > b.company ? 1 : 0))
        .slice(0, o.limit);
    },

    async salaryPercentiles(input: SalaryPercentilesOptions) {
      open();
      const o = parseOrThrow(SalaryPercentilesOptionsSchema, input, 'salaryPercentiles options');
      const levels = o.percentiles ?? [...DEFAULT_PERCENTILES];
      const kw = o.keyword?.toLowerCase();
      const groups = new Map<string, { group: string; currency: string; period: SalaryPercentileRow['period']; values: number[] }>();
      for (const { facts: f } of active()) {
        if (f.salaryAmount === null) continue;
        if (kw !== undefined && !f.title.toLowerCase().includes(kw)) continue;
        let group: string;
        let amount: number | null = f.salaryYearly;
        let period: SalaryPercentileRow['period'] = 'year';
        // Raw amounts stay in their own currency; yearly figures are all in one (see jobFacts).
        let currency = ANALYTICS_SALARY_CURRENCY;
        if (o.groupBy === 'period') {
          if (f.salaryPeriod === '') continue;
          group = f.salaryPeriod;
          period = f.salaryPeriod as SalaryPercentileRow['period'];
          amount = f.salaryAmount;
          currency = f.salaryCurrency;
        } else {
          group = o.groupBy === 'titleKeyword' ? (o.keyword ?? '') : o.groupBy === 'country' ? f.country : f.salaryCurrency;
        }
        if (amount === null) continue;
        const id = `${group}\u0000${currency}`;
        const g = groups.get(id) ?? { group, currency, period, values: [] };
        g.values.push(amount);
        groups.set(id, g);
      }
      return [...groups.values()]
        .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.currency < b.currency ? -1 : 1))
        .map((g) => {
          const sorted = g.values.sort((a, b) => a - b);
          const values = levels.map((l) => roundTo(percentileR7(sorted, l), 2));
          return {
            group: g.group,
            currency: g.currency,
            period: g.period,
            count: sorted.length,
            values,
            byLevel: Object.fromEntries(levels.map((l, i) => [percentileKey(l), values[i] ?? Number.NaN])),
          };
        });
    },

    async workplaceShare() {
      open();
      const keys: WorkplaceShareKey[] = ['remote', 'hybrid', 'onsite', 'unknown'];
      return shares(keys, (f) => f.workplaceType, true);
    },

    async atsShare() {
      open();
      return shares<string>([], (f) => f.atsPlatform, false).sort(
        (a, b) => b.jobs - a.jobs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      );
    },

    async medianDaysOpen() {
      open();
      const days: number[] = [];
      for (const j of jobs.values()) {
        const removedAt = removal(j.facts.urlHash);
        if (removedAt !== null) days.push((removedAt - (j.facts.datePosted ?? j.firstSeen)) / DAY_MS);
      }
      days.sort((a, b) => a - b);
      return { medianDays: days.length === 0 ? null : roundTo(percentileR7(days, 0.5), 2), jobs: days.length };
    },

    async applicationStats(userId, opts = {}) {
      open();
      if (typeof userId !== 'string' || userId.length === 0) {
        throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] applicationStats needs a userId`);
      }
      const now = (opts.now ?? new Date()).getTime();
      const byApp = new Map<string, ApplicationEvent[]>();
      for (const ev of appEvents.values()) {
        if (ev.userId !== userId) continue;
        const list = byApp.get(ev.applicationId) ?? [];
        list.push(ev);
        byApp.set(ev.applicationId, list);
      }
      const apps: { appliedAt: number; responded: boolean; interviewed: boolean; offered: boolean; firstResponse: number | null }[] = [];
      for (const events of byApp.values()) {
        if (events.some((e) => e.type === 'deleted')) continue;
        const created = events.filter((e) => e.type === 'created').map((e) => Date.parse(e.occurredAt));
        const appliedAt = created.length > 0 ? Math.min(...created) : Math.min(...events.map((e) => Date.parse(e.occurredAt)));
        const net = new Map<ApplicationStatus, number>();
        for (const e of events) {
          if (e.type === 'created' || e.type === 'status_changed') {
            const s = e.status ?? (e.type === 'created' ? 'applied' : undefined);
            if (s) net.set(s, (net.get(s) ?? 0) + 1);
          } else if (e.type === 'reverted' && e.previousStatus) {
            net.set(e.previousStatus, (net.get(e.previousStatus) ?? 0) - 1);
          }
        }
        const reached = (s: ApplicationStatus) => (net.get(s) ?? 0) > 0;
        const responseTimes = events
          .filter((e) => e.type === 'status_changed' && e.status && RESPONSE_STATUSES.includes(e.status) && reached(e.status))
          .map((e) => Date.parse(e.occurredAt));
        apps.push({
          appliedAt,
          responded: RESPONSE_STATUSES.some(reached),
          interviewed: INTERVIEW_STATUSES.some(reached),
          offered: reached('offer'),
          firstResponse: responseTimes.length > 0 ? Math.min(...responseTimes) : null,
        });
      }
      const n = apps.length;
      const rate = (k: 'responded' | 'interviewed' | 'offered') => (n === 0 ? 0 : roundTo(apps.filter((a) => a[k]).length / n, 4));
      const delays = apps.filter((a) => a.firstResponse !== null).map((a) => ((a.firstResponse ?? 0) - a.appliedAt) / DAY_MS);
      const trend = (days: 30 | 60): ApplicationTrend => {
        const w = days * DAY_MS;
        const current = apps.filter((a) => a.appliedAt > now - w && a.appliedAt <= now).length;
        const previous = apps.filter((a) => a.appliedAt > now - 2 * w && a.appliedAt <= now - w).length;
        return { days, current, previous, change: previous === 0 ? null : roundTo((current - previous) / previous, 4) };
      };
      const stats: ApplicationStats = {
        applications: n,
        responseRate: rate('responded'),
        interviewRate: rate('interviewed'),
        offerRate: rate('offered'),
        avgDaysToFirstResponse: delays.length === 0 ? null : roundTo(delays.reduce((s, d) => s + d, 0) / delays.length, 2),
        trends: [trend(30), trend(60)],
      };
      return stats;
    },

    async close() {
      closed = true;
    },
  };
}
