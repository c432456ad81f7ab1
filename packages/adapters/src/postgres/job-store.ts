/**
 * Postgres/PGlite {@link JobStore}: batched, idempotent upserts keyed by URL hash that leave
 * unchanged postings alone (only `last_seen_at` moves), keyset listing, board removal, and
 * optional `job.*` events written to the outbox in the same transaction as the rows.
 * @module
 */
import {
  JobkitError,
  NO_PLATFORM,
  encodeJobCursor,
  jobEvent,
  jobEventsFromChanges,
  parseListOptions,
  parseMarkMissing,
  prepareUpsert,
  type JobChange,
  type JobPage,
  type JobPosting,
  type JobStore,
  type JobStoreStats,
  type PreparedJob,
  type SqlExecutor,
  type StoredJob,
  type UpsertResult,
} from '@jobkit/core';
import type { PostgresExecutor } from './executor.js';
import { DEFAULT_SCHEMA, migrate, schemaIdent } from './migrations.js';
import { enqueueOutbox } from './outbox.js';

const WHERE = 'adapters/postgres/job-store';

export interface PostgresJobStoreOptions {
  /** From `fromPg`, `fromPglite` or `connectPostgres`; may be bound to the caller's transaction. */
  db: SqlExecutor;
  /** @default 'jobkit' */
  schema?: string;
  /** Write `job.created` / `job.updated` / `job.removed` to the outbox with the rows. @default false */
  outbox?: boolean;
  /** Rows per statement batch (and per transaction unless `db` is already in one). @default 5000 on Postgres, 1000 on PGlite */
  batchSize?: number;
  /** Run `migrate()` before first use. @default true */
  autoMigrate?: boolean;
}

interface JobRow {
  payload: JobPosting;
  content_hash: string;
  board_key: string | null;
  first_seen_at: Date | string;
  last_seen_at: Date | string;
  removed_at: Date | string | null;
}

const iso = (v: Date | string) => new Date(v).toISOString();
const toStored = (r: JobRow): StoredJob => ({
  job: r.payload,
  contentHash: r.content_hash,
  boardKey: r.board_key,
  firstSeenAt: iso(r.first_seen_at),
  lastSeenAt: iso(r.last_seen_at),
  removedAt: r.removed_at === null ? null : iso(r.removed_at),
});
const ROW_COLUMNS = 'payload, content_hash, board_key, first_seen_at, last_seen_at, removed_at';

function datePosted(job: JobPosting): string | null {
  if (!job.datePosted) return null;
  const t = Date.parse(job.datePosted);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** COPY text-format line; JSON never contains raw tabs/newlines, only backslashes need doubling. */
function copyLine(p: PreparedJob, ord: number): string {
  const d = datePosted(p.job);
  return `${ord}\t${p.job.urlHash}\t${p.contentHash}\t${d ?? '\\N'}\t${JSON.stringify(p.job).replace(/\\/g, '\\\\')}\n`;
}

/** Create a Postgres/PGlite job store. Tables come from `migrate()` (run automatically by default). */
export function createPostgresJobStore(options: PostgresJobStoreOptions): JobStore {
  if (!options?.db) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] db is required`);
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = schemaIdent(schema);
  const db = options.db;
  const batchSize = options.batchSize ?? (db.dialect === 'pglite' ? 1000 : 5000);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] batchSize must be a positive integer`);
  let ready: Promise<unknown> | null = options.autoMigrate === false ? Promise.resolve() : null;
  let closed = false;
  const init = async () => {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] store is closed`);
    ready ??= migrate(db, { schema }).catch((error) => {
      ready = null;
      throw error;
    });
    await ready;
  };

  async function stage(tx: SqlExecutor, chunk: PreparedJob[]) {
    await tx.query(
      `CREATE TEMP TABLE IF NOT EXISTS jobkit_stage_jobs (ord int, url_hash text, content_hash text, date_posted timestamptz, payload jsonb) ON COMMIT DELETE ROWS`,
    );
    await tx.query('TRUNCATE jobkit_stage_jobs');
    const copy = (tx as PostgresExecutor).copyFrom;
    if (copy) {
      await copy(
        'COPY jobkit_stage_jobs (ord, url_hash, content_hash, date_posted, payload) FROM STDIN',
        chunk.map((p, i) => copyLine(p, i)),
      );
    } else {
      await tx.query(
        `INSERT INTO jobkit_stage_jobs (ord, url_hash, content_hash, date_posted, payload)
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])`,
        [
          chunk.map((_, i) => i),
          chunk.map((p) => p.job.urlHash),
          chunk.map((p) => p.contentHash),
          chunk.map((p) => datePosted(p.job)),
          chunk.map((p) => JSON.stringify(p.job)),
        ],
      );
    }
  }

  async function upsertChunk(tx: SqlExecutor, chunk: PreparedJob[], boardKey: string | null, at: Date) {
    await stage(tx, chunk);
    const prev = await tx.query<{ url_hash: string; content_hash: string; removed: boolean; prev_payload: JobPosting | null }>(
      `SELECT st.url_hash, j.content_hash, j.removed_at IS NOT NULL AS removed,
              ${options.outbox ? 'CASE WHEN j.content_hash <> st.content_hash THEN j.payload END' : 'NULL::jsonb'} AS prev_payload
       FROM jobkit_stage_jobs st JOIN ${s}.jobs j ON j.url_hash = st.url_hash`,
    );
    await tx.query(
      `INSERT INTO ${s}.jobs AS j (id, url_hash, url, title, company_name, company_domain, countries, workplace_type,
         employment_types, ats_platform, date_posted, quality_score, payload, content_hash, board_key, first_seen_at, last_seen_at, removed_at)
       SELECT st.payload->>'id', st.url_hash, st.payload->>'url', st.payload->>'title',
         st.payload->'company'->>'name', st.payload->'company'->>'domain',
         ARRAY(SELECT DISTINCT l->>'country' FROM jsonb_array_elements(st.payload->'locations') l WHERE l->>'country' IS NOT NULL),
         st.payload->>'workplaceType',
         ARRAY(SELECT jsonb_array_elements_text(st.payload->'employmentType')),
         st.payload->'ats'->>'platform', st.date_posted, COALESCE((st.payload->'quality'->>'score')::int, 0),
         st.payload, st.content_hash, $1, $2, $2, NULL
       FROM jobkit_stage_jobs st
       WHERE NOT EXISTS (SELECT 1 FROM ${s}.jobs x WHERE x.url_hash = st.url_hash AND x.content_hash = st.content_hash AND x.removed_at IS NULL)
       ON CONFLICT (url_hash) DO UPDATE SET
         url = excluded.url, title = excluded.title, company_name = excluded.company_name, company_domain = excluded.company_domain,
         countries = excluded.countries, workplace_type = excluded.workplace_type, employment_types = excluded.employment_types,
         ats_platform = excluded.ats_platform, date_posted = excluded.date_posted, quality_score = excluded.quality_score,
         payload = excluded.payload, content_hash = excluded.content_hash,
         board_key = COALESCE(excluded.board_key, j.board_key),
         last_seen_at = GREATEST(j.last_seen_at, excluded.last_seen_at), removed_at = NULL
       WHERE j.content_hash IS DISTINCT FROM excluded.content_hash OR j.removed_at IS NOT NULL`,
      [boardKey, at],
    );
    // Unchanged postings: only last_seen_at (and a newly learned board) move, and only when they differ.
    await tx.query(
      `UPDATE ${s}.jobs j SET last_seen_at = GREATEST(j.last_seen_at, $2), board_key = COALESCE($1, j.board_key)
       FROM jobkit_stage_jobs st
       WHERE j.url_hash = st.url_hash AND j.content_hash = st.content_hash AND j.removed_at IS NULL
         AND (j.last_seen_at < $2 OR ($1::text IS NOT NULL AND j.board_key IS DISTINCT FROM $1::text))`,
      [boardKey, at],
    );
    const before = new Map(prev.rows.map((r) => [r.url_hash, r]));
    const changes: JobChange[] = [];
    const prevPayloads = new Map<string, JobPosting>();
    for (const { job, contentHash } of chunk) {
      const p = before.get(job.urlHash);
      if (!p) changes.push({ kind: 'created', job, contentHash });
      else if (p.content_hash === contentHash && !p.removed) changes.push({ kind: 'unchanged', job, contentHash });
      else {
        changes.push({ kind: 'updated', job, contentHash, previousContentHash: p.content_hash });
        if (p.prev_payload) prevPayloads.set(job.urlHash, p.prev_payload);
      }
    }
    if (options.outbox) await enqueueOutbox(tx, jobEventsFromChanges(changes, prevPayloads, { occurredAt: at }), { schema });
    return changes;
  }

  return {
    name: db.dialect === 'pglite' ? 'pglite' : 'postgres',
    async upsertJobs(jobs, upsertOptions): Promise<UpsertResult> {
      const { prepared, boardKey, at } = prepareUpsert(WHERE, jobs, upsertOptions);
      await init();
      const changes: JobChange[] = [];
      for (let i = 0; i < prepared.length; i += batchSize) {
        const chunk = prepared.slice(i, i + batchSize);
        changes.push(...(await db.transaction((tx) => upsertChunk(tx, chunk, boardKey, at))));
      }
      const count = (k: JobChange['kind']) => changes.filter((c) => c.kind === k).length;
      return { inserted: count('created'), updated: count('updated'), unchanged: count('unchanged'), changes };
    },
    async getJob(idOrUrlHash) {
      await init();
      if (typeof idOrUrlHash !== 'string' || idOrUrlHash.length === 0) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] getJob needs an id or url hash`);
      const r = await db.query<JobRow>(`SELECT ${ROW_COLUMNS} FROM ${s}.jobs WHERE id = $1 OR url_hash = $1 LIMIT 1`, [idOrUrlHash]);
      return r.rows[0] ? toStored(r.rows[0]) : null;
    },
    async listJobs(listOptions): Promise<JobPage> {
      const { filter, limit, after } = parseListOptions(WHERE, listOptions);
      await init();
      const where: string[] = [];
      const params: unknown[] = [];
      const p = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      if (!filter.includeRemoved) where.push('removed_at IS NULL');
      if (filter.company !== undefined) {
        const v = p(filter.company.toLowerCase());
        where.push(`(lower(company_name) = ${v} OR lower(company_domain) = ${v})`);
      }
      if (filter.country !== undefined) where.push(`countries @> ARRAY[${p(filter.country)}::text]`);
      if (filter.workplaceType !== undefined) where.push(`workplace_type = ${p(filter.workplaceType)}`);
      if (filter.employmentType !== undefined) where.push(`employment_types @> ARRAY[${p(filter.employmentType)}::text]`);
      if (filter.atsPlatform !== undefined) where.push(`ats_platform = ${p(filter.atsPlatform)}`);
      if (filter.postedAfter !== undefined) where.push(`date_posted >= ${p(new Date(filter.postedAfter).toISOString())}::timestamptz`);
      if (filter.minQuality !== undefined) where.push(`quality_score >= ${p(filter.minQuality)}`);
      if (filter.boardKey !== undefined) where.push(`board_key = ${p(filter.boardKey)}`);
      if (after) where.push(`(first_seen_at, id) < (${p(after.firstSeenAt)}::timestamptz, ${p(after.id)}::text)`);
      const r = await db.query<JobRow>(
        `SELECT ${ROW_COLUMNS} FROM ${s}.jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY first_seen_at DESC, id DESC LIMIT ${p(limit + 1)}`,
        params,
      );
      const items = r.rows.slice(0, limit).map(toStored);
      const last = items[items.length - 1];
      return { items, next: r.rows.length > limit && last ? encodeJobCursor({ firstSeenAt: last.firstSeenAt, id: last.job.id }) : null };
    },
    async markMissing(input) {
      const { boardKey, seen, at } = parseMarkMissing(WHERE, input);
      await init();
      return db.transaction(async (tx) => {
        const r = await tx.query<JobRow>(
          `UPDATE ${s}.jobs SET removed_at = $3
           WHERE board_key = $1 AND removed_at IS NULL AND NOT (url_hash = ANY($2::text[]))
           RETURNING ${ROW_COLUMNS}`,
          [boardKey, seen, at],
        );
        const removed = r.rows.map(toStored);
        if (options.outbox && removed.length > 0) {
          await enqueueOutbox(tx, removed.map((x) => jobEvent('job.removed', x.job, { removedAt: at, occurredAt: at })), { schema });
        }
        return removed;
      });
    },
    async stats(): Promise<JobStoreStats> {
      await init();
      const totals = await db.query<{ total: string; active: string }>(
        `SELECT count(*) AS total, count(*) FILTER (WHERE removed_at IS NULL) AS active FROM ${s}.jobs`,
      );
      const platforms = await db.query<{ platform: string; n: string }>(
        `SELECT COALESCE(ats_platform, $1) AS platform, count(*) AS n FROM ${s}.jobs WHERE removed_at IS NULL GROUP BY 1`,
        [NO_PLATFORM],
      );
      const total = Number(totals.rows[0]?.total ?? 0);
      const active = Number(totals.rows[0]?.active ?? 0);
      return {
        total,
        active,
        removed: total - active,
        byPlatform: Object.fromEntries(platforms.rows.map((r) => [r.platform, Number(r.n)])),
      };
    },
    async close() {
      closed = true;
    },
  };
}
