/**
 * Postgres/PGlite {@link JobStore}: batched, idempotent upserts keyed by URL hash that leave
 * unchanged postings alone (only `last_seen_at` moves), keyset listing, board removal, and
 * optional `job.*` events written to the outbox in the same transaction as the rows.
 * @module
 */
import {
  contentHash as hashContent,
  type JobChange,
  JobkitError,
  type JobPage,
  type JobPosting,
  type JobStore,
  type JobStoreStats,
  jobEvent,
  type RejectedJob,
  type SqlExecutor,
  type StoredJob,
  type UpsertResult,
} from '@jobkit/core';
import {
  contentHashWithJson,
  encodeJobCursor,
  jobEventsFromChanges,
  NO_PLATFORM,
  type PreparedJob,
  parseListOptions,
  parseMarkMissing,
  prepareUpsert,
  rejectedJob,
  unstorableText,
} from '@jobkit/core/adapter-kit';
import { clientCloser, type PostgresOwnedClientOptions, takeClient } from './client-options.js';
import { capabilitiesOf, type PostgresExecutor, sqlState } from './executor.js';
import { DEFAULT_SCHEMA, migrate, schemaIdent } from './migrations.js';
import { enqueueOutbox } from './outbox.js';

const WHERE = 'adapters/postgres/job-store';

export interface PostgresJobStoreOptions extends PostgresOwnedClientOptions {
  /** @default 'jobkit' */
  schema?: string;
  /** Write `job.created` / `job.updated` / `job.removed` to the outbox with the rows. @default false */
  outbox?: boolean;
  /** Rows per statement batch (and per transaction unless `db` is already in one). @default 5000 on Postgres, 1000 on PGlite */
  batchSize?: number;
  /** Run `migrate()` before first use. @default true */
  autoMigrate?: boolean;
  /**
   * Chunk transactions in flight at once. Two let the database index one chunk while the next
   * one's lookup runs and this process serializes rows (bench/upsert.ts). Chunks are independent
   * transactions: when one fails for a reason that is not a row's (connection lost), chunks
   * already committed stay committed, later ones are not started, and the call rejects (a retry is
   * idempotent). A chunk the engine refuses because of a row is split and retried without it. Inside a caller's transaction, on a
   * single client and on PGlite the chunks run one after another whatever this says.
   * @default 2 on a node-postgres pool, otherwise 1
   */
  concurrency?: number;
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
const ROW_COLUMNS = 'j.payload, j.content_hash, j.board_key, j.first_seen_at, g.last_seen_at, j.removed_at';

function datePosted(job: JobPosting): string | null {
  if (!job.datePosted) return null;
  const t = Date.parse(job.datePosted);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * `prepareUpsert(..., { hash: false })` output: `contentHash` is `''` until first needed. Only
 * the hash is kept ahead of time; the payload's JSON text is produced when its COPY line or
 * parameter is built and dropped with it. (Keeping a chunk's JSON alive while the previous chunk
 * was in the database made every young-generation GC copy ~15 MB of strings: GC was a third of
 * the upsert's CPU in bench/upsert.ts.)
 */
type PendingJob = PreparedJob;

function ensureHashed(p: PendingJob): PendingJob {
  if (p.contentHash === '') p.contentHash = hashContent(p.job);
  return p;
}

/** The payload's JSON text, hashing in the same pass when the hash is not known yet. */
function payloadJson(p: PendingJob): string {
  if (p.contentHash !== '') return JSON.stringify(p.job);
  const { hash, json } = contentHashWithJson(p.job);
  p.contentHash = hash;
  return json;
}

/**
 * Hash a chunk a slice at a time, yielding to the event loop between slices, so the database
 * round trips of the chunk in flight keep being served while the next one is hashed.
 */
async function hashInSlices(chunk: readonly PendingJob[]): Promise<void> {
  for (let i = 0; i < chunk.length; i += 200) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (let k = i; k < Math.min(i + 200, chunk.length); k++) ensureHashed(chunk[k] as PendingJob);
  }
}

/** COPY text-format line; JSON never contains raw tabs/newlines, only backslashes need doubling. */
function copyLine(p: PendingJob, ord: number): string {
  const json = payloadJson(p);
  const d = datePosted(p.job);
  return `${ord}\t${p.job.urlHash}\t${p.contentHash}\t${d ?? '\\N'}\t${json.replace(/\\/g, '\\\\')}\n`;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
// Most fields need no escaping; one test is cheaper than four replace passes per field per row.
const copyText = (v: string | number | null | undefined): string => {
  if (v === null || v === undefined) return '\\N';
  const t = String(v);
  return COPY_SPECIAL.test(t) ? t.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : t;
};
const arrayLiteral = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

const JOB_COPY_COLUMNS =
  'id, url_hash, url, title, company_name, company_domain, countries, workplace_type, employment_types, ats_platform, date_posted, quality_score, payload, content_hash, board_key, first_seen_at';

/** A full `jobs` row in COPY text format (derived filter columns computed here, as the SQL path does). */
function jobCopyLine(p: PendingJob, boardKey: string | null, at: string): string {
  const j = p.job;
  const json = payloadJson(p);
  const countries = [...new Set(j.locations.map((l) => l.country).filter((c): c is string => typeof c === 'string'))];
  return (
    [
      copyText(j.id),
      copyText(j.urlHash),
      copyText(j.url),
      copyText(j.title),
      copyText(j.company.name),
      copyText(j.company.domain),
      copyText(arrayLiteral(countries)),
      copyText(j.workplaceType),
      copyText(arrayLiteral(j.employmentType)),
      copyText(j.ats?.platform),
      copyText(datePosted(j)),
      copyText(j.quality?.score ?? 0),
      json.replace(/\\/g, '\\\\'),
      copyText(p.contentHash),
      copyText(boardKey),
      at,
    ].join('\t') + '\n'
  );
}

/**
 * SQLSTATE classes a single row can cause: 22 data exception (NUL byte, bad Unicode escape in
 * jsonb, value out of range), 23 integrity constraint violation, 54 program limit exceeded (an
 * index row too large). Everything else (connection, resources, serialization) is the database's
 * state, not the row's, and fails the call as before.
 */
const ROW_FAULT_SQLSTATE = /^(22|23|54)/;

function isRowFault(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined) return ROW_FAULT_SQLSTATE.test(state);
  // Our own per-row work (hashing, serializing, event validation) refusing the posting.
  return JobkitError.is(error, 'INVALID_ARGUMENT') || JobkitError.is(error, 'VALIDATION_FAILED');
}

/** The engine's words without our `[adapters/postgres]` prefix, with the driver's `detail` when it has one. */
function engineReason(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^\[[^\]]{1,80}\] /, '');
  const detail = (error as { cause?: { detail?: unknown } } | null)?.cause?.detail ?? (error as { detail?: unknown } | null)?.detail;
  return (typeof detail === 'string' && detail && !message.includes(detail) ? `${message} (${detail})` : message).slice(0, 500);
}

/**
 * Extra transactions one call may spend isolating refused rows by splitting: about 2·log2(chunk)
 * per bad row, so this admits some twenty bad rows per call beyond the NUL and lone-surrogate text
 * that is screened out without splitting. Past it the failure is systemic (every row refused) and
 * the call rejects instead of writing row by row.
 */
const ISOLATION_BUDGET = 512;

/** The Postgres/PGlite job store (the `JobStore` port). */
export type PostgresJobStore = JobStore;

/** Create a Postgres/PGlite job store. Tables come from `migrate()` (run automatically by default). */
export function createPostgresJobStore(options: PostgresJobStoreOptions): PostgresJobStore {
  const db = takeClient(options, WHERE);
  const closeClient = clientCloser(db, options);
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = schemaIdent(schema);
  const caps = capabilitiesOf(db);
  const batchSize = options.batchSize ?? (caps.embedded ? 1000 : 5000);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] batchSize must be a positive integer`);
  const concurrency = db.inTransaction || !caps.parallelStatements ? 1 : (options.concurrency ?? 2);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] concurrency must be a positive integer`);
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

  async function stage(tx: SqlExecutor, chunk: PendingJob[]) {
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
         SELECT ord, url_hash, content_hash, date_posted, payload FROM unnest($1::int[], $2::text[], $3::jsonb[], $4::timestamptz[], $5::text[])
           AS u (ord, url_hash, payload, date_posted, content_hash)`,
        // payloadJson fills in missing hashes, so the hash column is read after it.
        [
          chunk.map((_, i) => i),
          chunk.map((p) => p.job.urlHash),
          chunk.map(payloadJson),
          chunk.map((p) => datePosted(p.job)),
          chunk.map((p) => p.contentHash),
        ],
      );
    }
  }

  /**
   * All rows new (the fresh-crawl case): COPY straight into jobs. Returns false, with nothing
   * written, when one of the URLs already has a row (its own earlier write, or a concurrent
   * writer's): the unique index fails the COPY and the savepoint undoes it.
   */
  async function directCopy(tx: SqlExecutor, rows: readonly PendingJob[], boardKey: string | null, at: Date): Promise<boolean> {
    const copy = (tx as PostgresExecutor).copyFrom;
    if (!copy) return false;
    const iso = at.toISOString();
    await tx.query('SAVEPOINT jobkit_direct_copy');
    try {
      // A lazy iterable: each posting is hashed and serialized as the stream pulls it, so that JS
      // work overlaps the server parsing and indexing the lines already sent.
      const lines = function* () {
        for (const p of rows) yield jobCopyLine(p, boardKey, iso);
      };
      await copy(`COPY ${s}.jobs (${JOB_COPY_COLUMNS}) FROM STDIN`, lines());
      await tx.query('RELEASE SAVEPOINT jobkit_direct_copy');
      return true;
    } catch (error) {
      if (sqlState(error) !== '23505') throw error;
      await tx.query('ROLLBACK TO SAVEPOINT jobkit_direct_copy');
      return false;
    }
  }

  async function recordSightings(tx: SqlExecutor, rows: readonly PendingJob[], at: Date) {
    await tx.query(
      `INSERT INTO ${s}.job_sightings (url_hash, last_seen_at) SELECT unnest($1::text[]), $2
       ON CONFLICT (url_hash) DO UPDATE SET last_seen_at = GREATEST(${s}.job_sightings.last_seen_at, excluded.last_seen_at)`,
      [rows.map((p) => p.job.urlHash), at],
    );
  }

  /**
   * One chunk in one transaction. `run.allNew` says the previous chunk of this call held only new
   * postings: then this one is tried as a direct COPY first, skipping the lookup of previous
   * state (a fresh crawl is all new; a replay never takes that path, so never ships payloads).
   */
  async function upsertChunk(tx: SqlExecutor, chunk: PendingJob[], boardKey: string | null, at: Date, run: { allNew: boolean }) {
    if (run.allNew && (await directCopy(tx, chunk, boardKey, at))) {
      await recordSightings(tx, chunk, at);
      const created: JobChange[] = chunk.map((p) => ({ kind: 'created', job: p.job, contentHash: p.contentHash }));
      if (options.outbox) await enqueueOutbox(tx, jobEventsFromChanges(created, new Map(), { occurredAt: at }), { schema });
      return created;
    }
    // Lookups by thousands of hashes must use the url_hash index: on a freshly loaded, not yet
    // analyzed table the planner picks a full scan per chunk, which made 100k upserts quadratic.
    // In our own transaction SET LOCAL ends with it; inside the caller's, the setting is restored.
    const ownTx = !db.inTransaction;
    const seqscan = ownTx
      ? await tx.query('SET LOCAL enable_seqscan = off')
      : await tx.query<{ prev: string }>(`SELECT current_setting('enable_seqscan') AS prev, set_config('enable_seqscan', 'off', true)`);
    // Phase 1: previous state by hash only, so unchanged postings never ship their payload again.
    const prev = await tx.query<{ url_hash: string; content_hash: string; removed: boolean }>(
      `SELECT url_hash, content_hash, removed_at IS NOT NULL AS removed FROM ${s}.jobs WHERE url_hash = ANY($1::text[])`,
      [chunk.map((p) => p.job.urlHash)],
    );
    const before = new Map(prev.rows.map((r) => [r.url_hash, r]));
    run.allNew = before.size === 0;
    const unchanged: string[] = [];
    // New postings are hashed later (while their COPY line is built); known ones are compared now.
    const writes: PendingJob[] = [];
    for (const p of chunk) {
      const b = before.get(p.job.urlHash);
      if (b && b.content_hash === ensureHashed(p).contentHash && !b.removed) unchanged.push(p.job.urlHash);
      else writes.push(p);
    }
    // Phase 2: unchanged postings: only last_seen_at (and a newly learned board) move, and only when they differ.
    if (unchanged.length > 0) {
      await tx.query(`UPDATE ${s}.job_sightings SET last_seen_at = $1 WHERE url_hash = ANY($2::text[]) AND last_seen_at < $1`, [
        at,
        unchanged,
      ]);
      if (boardKey !== null) {
        await tx.query(`UPDATE ${s}.jobs SET board_key = $1 WHERE url_hash = ANY($2::text[]) AND board_key IS DISTINCT FROM $1`, [
          boardKey,
          unchanged,
        ]);
      }
    }
    if (!ownTx)
      await tx.query(`SELECT set_config('enable_seqscan', $1, true)`, [(seqscan.rows[0] as { prev?: string } | undefined)?.prev ?? 'on']);
    // Phase 3: new and changed postings. All new: COPY straight into jobs (a concurrent writer of
    // the same URL sends us down the staging path); otherwise through the staging table, where the
    // ON CONFLICT guard keeps a concurrent writer of identical content from rewriting the row.
    const prevPayloads = new Map<string, JobPosting>();
    const direct = writes.length > 0 && before.size === 0 && (await directCopy(tx, writes, boardKey, at));
    if (writes.length > 0 && !direct) {
      await stage(tx, writes);
      // Only updates need their previous payload; a join against the unanalyzed staging table
      // scans all of jobs, so skipping it for new postings keeps fresh crawls linear.
      if (options.outbox && writes.some((p) => before.has(p.job.urlHash))) {
        const old = await tx.query<{ url_hash: string; payload: JobPosting }>(
          `SELECT j.url_hash, j.payload FROM ${s}.jobs j JOIN jobkit_stage_jobs st ON st.url_hash = j.url_hash WHERE j.content_hash <> st.content_hash`,
        );
        for (const r of old.rows) prevPayloads.set(r.url_hash, r.payload);
      }
      await tx.query(
        `INSERT INTO ${s}.jobs AS j (id, url_hash, url, title, company_name, company_domain, countries, workplace_type,
           employment_types, ats_platform, date_posted, quality_score, payload, content_hash, board_key, first_seen_at, removed_at)
         SELECT st.payload->>'id', st.url_hash, st.payload->>'url', st.payload->>'title',
           st.payload->'company'->>'name', st.payload->'company'->>'domain',
           ARRAY(SELECT DISTINCT l->>'country' FROM jsonb_array_elements(st.payload->'locations') l WHERE l->>'country' IS NOT NULL),
           st.payload->>'workplaceType',
           ARRAY(SELECT jsonb_array_elements_text(st.payload->'employmentType')),
           st.payload->'ats'->>'platform', st.date_posted, COALESCE((st.payload->'quality'->>'score')::int, 0),
           st.payload, st.content_hash, $1, $2, NULL
         FROM jobkit_stage_jobs st
         ON CONFLICT (url_hash) DO UPDATE SET
           url = excluded.url, title = excluded.title, company_name = excluded.company_name, company_domain = excluded.company_domain,
           countries = excluded.countries, workplace_type = excluded.workplace_type, employment_types = excluded.employment_types,
           ats_platform = excluded.ats_platform, date_posted = excluded.date_posted, quality_score = excluded.quality_score,
           payload = excluded.payload, content_hash = excluded.content_hash,
           board_key = COALESCE(excluded.board_key, j.board_key), removed_at = NULL
         WHERE j.content_hash IS DISTINCT FROM excluded.content_hash OR j.removed_at IS NOT NULL`,
        [boardKey, at],
      );
    }
    if (writes.length > 0) await recordSightings(tx, writes, at);
    const changes: JobChange[] = [];
    for (const { job, contentHash } of chunk.map(ensureHashed)) {
      const p = before.get(job.urlHash);
      if (!p) changes.push({ kind: 'created', job, contentHash });
      else if (p.content_hash === contentHash && !p.removed) changes.push({ kind: 'unchanged', job, contentHash });
      else changes.push({ kind: 'updated', job, contentHash, previousContentHash: p.content_hash });
    }
    if (options.outbox) await enqueueOutbox(tx, jobEventsFromChanges(changes, prevPayloads, { occurredAt: at }), { schema });
    return changes;
  }

  /**
   * One attempt at a chunk: its own transaction, or a savepoint inside the caller's, so a refused
   * chunk can be retried in parts without aborting the caller's transaction.
   */
  async function attempt<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    if (!db.inTransaction) return db.transaction(fn);
    await db.query('SAVEPOINT jobkit_upsert_chunk');
    try {
      const out = await fn(db);
      await db.query('RELEASE SAVEPOINT jobkit_upsert_chunk');
      return out;
    } catch (error) {
      await db.query('ROLLBACK TO SAVEPOINT jobkit_upsert_chunk').catch(() => undefined);
      throw error;
    }
  }

  return {
    // PGlite is the embedded engine this package wraps.
    name: caps.embedded ? 'pglite' : 'postgres',
    async upsertJobs(jobs, upsertOptions): Promise<UpsertResult> {
      const { prepared, boardKey, at } = prepareUpsert(WHERE, jobs, upsertOptions, { hash: false });
      await init();
      const chunks: PendingJob[][] = [];
      for (let i = 0; i < prepared.length; i += batchSize) chunks.push(prepared.slice(i, i + batchSize));
      const results: JobChange[][] = [];
      const rejected: RejectedJob[] = [];
      let budget = ISOLATION_BUDGET;
      let failure: { error: unknown } | null = null;
      let next = 0;
      const run = { allNew: false };
      /**
       * Write a chunk; when the engine refuses it because of a row, write each half on its own
       * (depth first, so changes stay in input order) until the refused row stands alone, and
       * report it. Healthy halves commit; no outbox event is written for a refused row.
       */
      const write = async (chunk: PendingJob[], screened = false): Promise<JobChange[]> => {
        try {
          return await attempt((tx) => upsertChunk(tx, chunk, boardKey, at, run));
        } catch (error) {
          if (!isRowFault(error)) throw error;
          if (!screened && chunk.length > 1) {
            // Text PostgreSQL never stores (NUL, lone surrogates) is found by a scan, not by splitting:
            // a board full of such postings costs one more transaction, not one per bad row.
            const keep: PendingJob[] = [];
            for (const q of chunk) {
              const bad = unstorableText(q.job);
              if (bad === null) keep.push(q);
              else
                rejected.push(
                  rejectedJob(WHERE, q.job, `${bad}; PostgreSQL cannot store it`, { cause: error, details: { sqlstate: sqlState(error) } }),
                );
            }
            if (keep.length < chunk.length) return keep.length === 0 ? [] : write(keep, true);
          }
          const p = chunk[0] as PendingJob;
          if (chunk.length === 1) {
            rejected.push(rejectedJob(WHERE, p.job, engineReason(error), { cause: error, details: { sqlstate: sqlState(error) } }));
            return [];
          }
          if ((budget -= 2) < 0) {
            throw new JobkitError(
              'STORE_FAILED',
              `[${WHERE}] too many refused rows to isolate (more than ${rejected.length}): ${engineReason(error)}`,
              {
                cause: error,
                retryable: false,
                details: { sqlstate: sqlState(error), rejected: rejected.length },
              },
            );
          }
          const mid = chunk.length >> 1;
          const left = await write(chunk.slice(0, mid), true);
          return left.concat(await write(chunk.slice(mid), true));
        }
      };
      // `concurrency` lanes take chunks in order; each hashes the chunk after its own while the
      // database works (a posting that cannot be hashed fails again inside its own chunk's
      // transaction, so that error can be dropped). The first failure stops new chunks.
      const lane = async () => {
        while (failure === null && next < chunks.length) {
          const k = next++;
          const pending = write(chunks[k] as PendingJob[]);
          const ahead = chunks[k + concurrency];
          const warm = ahead ? hashInSlices(ahead).catch(() => undefined) : undefined;
          try {
            results[k] = await pending;
          } catch (error) {
            failure ??= { error };
          } finally {
            await warm;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, lane));
      if (failure !== null) throw (failure as { error: unknown }).error;
      const changes = results.flat();
      const count = (k: JobChange['kind']) => changes.filter((c) => c.kind === k).length;
      if (rejected.length > 1) {
        const order = new Map(prepared.map((p, i) => [p.job.urlHash, i]));
        rejected.sort((a, b) => (order.get(a.job.urlHash) ?? 0) - (order.get(b.job.urlHash) ?? 0));
      }
      return { inserted: count('created'), updated: count('updated'), unchanged: count('unchanged'), changes, rejected };
    },
    async getJob(idOrUrlHash) {
      await init();
      if (typeof idOrUrlHash !== 'string' || idOrUrlHash.length === 0)
        throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] getJob needs an id or url hash`);
      const r = await db.query<JobRow>(
        `SELECT ${ROW_COLUMNS} FROM ${s}.jobs j JOIN ${s}.job_sightings g USING (url_hash) WHERE j.id = $1 OR j.url_hash = $1 LIMIT 1`,
        [idOrUrlHash],
      );
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
        `SELECT ${ROW_COLUMNS} FROM ${s}.jobs j JOIN ${s}.job_sightings g USING (url_hash) ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY j.first_seen_at DESC, j.id DESC LIMIT ${p(limit + 1)}`,
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
          `UPDATE ${s}.jobs j SET removed_at = $3 FROM ${s}.job_sightings g
           WHERE g.url_hash = j.url_hash AND j.board_key = $1 AND j.removed_at IS NULL AND NOT (j.url_hash = ANY($2::text[]))
           RETURNING ${ROW_COLUMNS}`,
          [boardKey, seen, at],
        );
        const removed = r.rows.map(toStored);
        if (options.outbox && removed.length > 0) {
          await enqueueOutbox(
            tx,
            removed.map((x) => jobEvent('job.removed', x.job, { removedAt: at, occurredAt: at })),
            { schema },
          );
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
      await closeClient();
    },
  };
}
