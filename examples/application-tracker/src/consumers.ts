/**
 * The two read sides fed by `application.*` events, each on its own broker subscription and
 * each idempotent through the Postgres inbox (`handleOnce`):
 * - analytics: stores the event in ClickHouse, recomputes the user's figures there and writes
 *   them to the `user_stats` read model in the inbox transaction (CQRS, seed 000);
 * - search: keeps a per-user embedded search index of the user's live applications.
 * @module
 */

import { createEmbeddedSearchIndex } from '@jobkit/adapters/embedded-search';
import { handleOnce, schemaIdent } from '@jobkit/adapters/postgres';
import {
  type Analytics,
  type ApplicationAnalytics,
  ApplicationEventSchema,
  type ApplicationStats,
  type Broker,
  finalizeJob,
  hasApplicationAnalytics,
  JobkitError,
  messageToEvent,
  type ReceivedMessage,
  type SearchIndex,
  type SqlExecutor,
  type Subscription,
} from '@jobkit/core';
import { parseInput } from './schema.js';
import { APPLICATION_TOPIC, type ApplicationRow, type WriteModel } from './write-model.js';

/** Fault hooks for tests: throw from them to simulate a crash at that point. */
export interface ConsumerFaults {
  /** Called after the event reached ClickHouse, before the inbox transaction commits. */
  afterAnalyticsInsert?: (eventId: string) => void | Promise<void>;
}

export interface AnalyticsConsumerOptions {
  db: SqlExecutor;
  schema: string;
  broker: Broker;
  /** An analytics backend with the application capability (the tracker's events and per-user stats). */
  analytics: Analytics & ApplicationAnalytics;
  /** Subscription name. @default 'tracker-analytics' */
  subscription?: string;
  /** Reference time of the trends. @default () => new Date() */
  now?: () => Date;
  faults?: ConsumerFaults;
  /** @default 16 */
  maxInFlight?: number;
  onError?: (error: unknown) => void;
}

/** The figures served to the user, as stored in the read model. */
export interface UserFigures {
  userId: string;
  stats: ApplicationStats;
  computedAt: string;
  /** Distinct events applied to this user's figures (duplicates are not counted). */
  eventsApplied: number;
}

/** Subscribe the analytics consumer. */
export async function startAnalyticsConsumer(options: AnalyticsConsumerOptions): Promise<Subscription> {
  // Checked at run time too: a job-only backend passed from plain JavaScript fails here, not on the first event.
  const analytics: Analytics = options.analytics;
  if (!hasApplicationAnalytics(analytics)) {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[application-tracker] analytics ${analytics.name} lacks the ApplicationAnalytics capability`,
    );
  }
  const s = schemaIdent(options.schema);
  const now = options.now ?? (() => new Date());
  const handle = async (message: ReceivedMessage) => {
    const envelope = messageToEvent(message);
    const event = parseInput(ApplicationEventSchema, { ...(envelope.payload as object), eventId: envelope.id }, 'application event');
    await handleOnce(
      options.db,
      message,
      async (tx) => {
        // Insert first: ClickHouse reads are duplicate-insensitive per event id, so if this
        // transaction dies after the insert the redelivered event is inserted again harmlessly.
        await options.analytics.ingestApplicationEvents([event], { dedupToken: `tracker:${event.eventId}` });
        await options.faults?.afterAnalyticsInsert?.(event.eventId);
        // Per-user lock: whoever commits last computed after every earlier insert, so a slow
        // consumer can never leave stale figures behind.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tracker.stats:${event.userId}`]);
        const stats = await options.analytics.applicationStats(event.userId, { now: now() });
        await tx.query(
          `INSERT INTO ${s}.user_stats (user_id, stats, computed_at, events_applied) VALUES ($1, $2::jsonb, $3, 1)
           ON CONFLICT (user_id) DO UPDATE SET stats = EXCLUDED.stats, computed_at = EXCLUDED.computed_at,
             events_applied = ${s}.user_stats.events_applied + 1`,
          [event.userId, JSON.stringify(stats), new Date()],
        );
      },
      { consumer: 'analytics', schema: options.schema },
    );
  };
  return options.broker.subscribe(APPLICATION_TOPIC, options.subscription ?? 'tracker-analytics', handle, {
    maxInFlight: options.maxInFlight ?? 16,
    ...(options.onError ? { onError: (e) => options.onError!(e) } : {}),
  });
}

/** Read the user's figures from the read model (null before the first event was applied). */
export async function readUserFigures(db: SqlExecutor, schema: string, userId: string): Promise<UserFigures | null> {
  const s = schemaIdent(schema);
  const r = await db.query<{ stats: ApplicationStats | string; computed_at: Date | string; events_applied: string | number }>(
    `SELECT stats, computed_at, events_applied FROM ${s}.user_stats WHERE user_id = $1`,
    [userId],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    userId,
    stats: typeof row.stats === 'string' ? (JSON.parse(row.stats) as ApplicationStats) : row.stats,
    computedAt: new Date(row.computed_at).toISOString(),
    eventsApplied: Number(row.events_applied),
  };
}

/** Per-user embedded search indexes over applications (company, title). */
export interface ApplicationSearch {
  indexFor(userId: string): Promise<SearchIndex>;
  /** Upsert or remove one application from its user's index, from the row's current state. */
  sync(row: ApplicationRow | null, applicationId: string, userId?: string, options?: { ignoreArchived?: boolean }): Promise<void>;
  search(
    userId: string,
    q: string,
    options?: { page?: number; perPage?: number },
  ): Promise<{ found: number; hits: { applicationId: string; company: string; title: string }[] }>;
  close(): Promise<void>;
}

const DOC_BASE = 'https://tracker.jobkit.invalid/applications/';

/** The search document of an application: a minimal posting whose URL carries the application id. */
function toPosting(row: ApplicationRow) {
  return finalizeJob({
    url: `${DOC_BASE}${encodeURIComponent(row.id)}`,
    title: row.title,
    company: { name: row.company },
    locations: [],
    workplaceType: null,
    employmentType: [],
    salary: null,
    description: { html: '', text: `${row.title} at ${row.company} (${row.status})` },
    datePosted: new Date(row.applied_at).toISOString(),
    validThrough: null,
    applyUrl: row.url,
    ats: null,
    source: 'heuristic',
    provenance: {},
  });
}

/** Create the per-user search registry. */
export function createApplicationSearch(): ApplicationSearch {
  const indexes = new Map<string, Promise<SearchIndex>>();
  // The user of an application, learnt from rows, so a hard-gone row can still be removed.
  const owners = new Map<string, string>();
  const self: ApplicationSearch = {
    indexFor(userId) {
      let index = indexes.get(userId);
      if (!index) {
        const created = createEmbeddedSearchIndex({ name: `applications:${userId}` });
        index = created.migrate().then(() => created);
        indexes.set(userId, index);
      }
      return index;
    },
    async sync(row, applicationId, userId, opts = {}) {
      const owner = row?.user_id ?? userId ?? owners.get(applicationId);
      if (!owner) return;
      owners.set(applicationId, owner);
      const index = await self.indexFor(owner);
      const docId = finalizeJobId(applicationId);
      if (!row || row.deleted_at !== null || (row.archived_at !== null && !opts.ignoreArchived)) {
        await index.delete([docId]);
        return;
      }
      const [result] = await index.upsert([toPosting(row)]);
      if (result && !result.ok) throw new Error(`[example/application-tracker] search upsert of ${applicationId} failed: ${result.error}`);
    },
    async search(userId, q, opts = {}) {
      const index = await self.indexFor(userId);
      const r = await index.search({ q, page: opts.page ?? 1, perPage: opts.perPage ?? 20, sort: q.trim() ? 'relevance' : 'datePosted' });
      return {
        found: r.found,
        hits: r.hits.map((h) => ({
          applicationId: decodeURIComponent(h.job.url.slice(DOC_BASE.length)),
          company: h.job.company.name,
          title: h.job.title,
        })),
      };
    },
    async close() {
      for (const index of indexes.values()) await (await index).close();
      indexes.clear();
    },
  };
  return self;
}

const idCache = new Map<string, string>();
/** Search document id of an application (the id `finalizeJob` derives from its URL). */
function finalizeJobId(applicationId: string): string {
  let id = idCache.get(applicationId);
  if (!id) {
    id = toPosting({
      id: applicationId,
      user_id: 'x',
      company: 'x',
      title: 'x',
      url: null,
      status: 'applied',
      applied_at: new Date(0),
      archived_at: null,
      deleted_at: null,
      updated_at: new Date(0),
    }).id;
    idCache.set(applicationId, id);
  }
  return id;
}

export interface SearchConsumerOptions {
  db: SqlExecutor;
  schema: string;
  broker: Broker;
  search: ApplicationSearch;
  writeModel: WriteModel;
  /** @default 'tracker-search' */
  subscription?: string;
  /** @default 16 */
  maxInFlight?: number;
  onError?: (error: unknown) => void;
}

/**
 * Subscribe the search consumer. It indexes the application's CURRENT row rather than the event
 * payload, so redelivered or reordered events converge on the same document.
 */
export async function startSearchConsumer(options: SearchConsumerOptions): Promise<Subscription> {
  const handle = async (message: ReceivedMessage) => {
    const envelope = messageToEvent<{ userId: string }>(message);
    await handleOnce(
      options.db,
      message,
      async (tx) => {
        const row = await options.writeModel.row(tx, envelope.aggregateId);
        await options.search.sync(row, envelope.aggregateId, envelope.payload.userId);
      },
      { consumer: 'search', schema: options.schema },
    );
  };
  return options.broker.subscribe(APPLICATION_TOPIC, options.subscription ?? 'tracker-search', handle, {
    maxInFlight: options.maxInFlight ?? 16,
    ...(options.onError ? { onError: (e) => options.onError!(e) } : {}),
  });
}

/** Rebuild every user's search index from Postgres (the embedded index lives in memory). */
export async function rebuildSearch(db: SqlExecutor, schema: string, search: ApplicationSearch): Promise<number> {
  const s = schemaIdent(schema);
  const r = await db.query<ApplicationRow>(`SELECT * FROM ${s}.applications WHERE deleted_at IS NULL AND archived_at IS NULL`);
  for (const row of r.rows) await search.sync(row, row.id);
  return r.rows.length;
}
