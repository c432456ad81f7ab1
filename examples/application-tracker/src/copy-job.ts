/**
 * Async chunked job in the style of seed 002: "copy a selection of saved postings into a
 * collection". The request writes a `copy_jobs` row and enqueues step 0 in one transaction and
 * returns at once; a worker on the Postgres work queue copies `chunkSize` postings per step
 * (`ON CONFLICT DO NOTHING` dedupes), records a `copy_job_steps` row and enqueues the next step in
 * the same transaction. A step that already has its row is skipped, so a retried or replayed step
 * never double-counts. Progress is served from the job row (polling) and pushed to listeners (SSE).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createPostgresQueue, type PostgresQueue, schemaIdent, type Worker } from '@jobkit/adapters/postgres';
import type { SqlExecutor } from '@jobkit/core';
import {
  CopyToCollectionSchema,
  CreateCollectionSchema,
  conflict,
  notFound,
  parseInput,
  SavePostingsSchema,
  UserIdSchema,
} from './schema.js';

export interface CopyJob {
  id: string;
  userId: string;
  collectionId: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  inserted: number;
  skipped: number;
  chunkSize: number;
  /** Steps done so far. */
  steps: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

interface StepPayload {
  jobId: string;
  step: number;
}

export interface CopyJobsOptions {
  db: SqlExecutor;
  schema: string;
  /** Work queue name. @default 'tracker-copy' */
  queueName?: string;
  /** @default 100 */
  defaultChunkSize?: number;
  /** Attempts per step before the job is marked failed. @default 5 */
  maxAttempts?: number;
  /** Worker idle poll interval. @default 100 */
  pollIntervalMs?: number;
  /** Test hook called inside a step's transaction; throw to make the step fail and be retried. */
  fault?: (jobId: string, step: number, attempt: number) => void | Promise<void>;
}

export interface CopyJobs {
  savePostings(userId: string, input: unknown): Promise<{ ids: string[] }>;
  createCollection(userId: string, input: unknown): Promise<{ id: string; name: string }>;
  collectionItems(userId: string, collectionId: string): Promise<string[]>;
  /** Create the job and enqueue its first step; returns at once (HTTP 202). */
  start(userId: string, collectionId: string, input: unknown): Promise<CopyJob>;
  get(jobId: string, userId?: string): Promise<CopyJob>;
  /** Called with the job after every committed step (and on failure). Returns an unsubscribe. */
  onProgress(jobId: string, listener: (job: CopyJob) => void): () => void;
  startWorker(): void;
  stop(): Promise<void>;
}

interface JobRow {
  id: string;
  user_id: string;
  collection_id: string;
  selection: string[];
  chunk_size: number;
  status: CopyJob['status'];
  total: number;
  processed: number;
  inserted: number;
  skipped: number;
  error: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  steps?: number | string;
}

const toJob = (r: JobRow): CopyJob => ({
  id: r.id,
  userId: r.user_id,
  collectionId: r.collection_id,
  status: r.status,
  total: Number(r.total),
  processed: Number(r.processed),
  inserted: Number(r.inserted),
  skipped: Number(r.skipped),
  chunkSize: Number(r.chunk_size),
  steps: Number(r.steps ?? 0),
  error: r.error,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Create the copy-job service (call `startWorker()` to process steps in this process). */
export function createCopyJobs(options: CopyJobsOptions): CopyJobs {
  const { db } = options;
  const s = schemaIdent(options.schema);
  const queue: PostgresQueue<StepPayload> = createPostgresQueue<StepPayload>({
    client: db,
    schema: options.schema,
    name: options.queueName ?? 'tracker-copy',
    maxAttempts: options.maxAttempts ?? 5,
    backoff: { baseMs: 50, maxMs: 2000, jitter: 0.5 },
    autoMigrate: false,
  });
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let worker: Worker | null = null;

  const select = `SELECT j.*, (SELECT count(*) FROM ${s}.copy_job_steps t WHERE t.job_id = j.id) AS steps FROM ${s}.copy_jobs j`;

  async function get(jobId: string, userId?: string): Promise<CopyJob> {
    const r = await db.query<JobRow>(`${select} WHERE j.id = $1 AND ($2::text IS NULL OR j.user_id = $2)`, [jobId, userId ?? null]);
    const row = r.rows[0];
    if (!row) throw notFound(`job ${jobId}`);
    return toJob(row);
  }

  const publish = async (jobId: string) => {
    if (emitter.listenerCount(jobId) === 0) return;
    emitter.emit(jobId, await get(jobId));
  };

  async function runStep(payload: StepPayload, attempt: number): Promise<void> {
    const progressed = await db.transaction(async (tx) => {
      const r = await tx.query<JobRow>(`SELECT * FROM ${s}.copy_jobs WHERE id = $1 FOR UPDATE`, [payload.jobId]);
      const job = r.rows[0];
      if (!job || job.status === 'completed' || job.status === 'failed') return false;
      const done = await tx.query(`SELECT 1 FROM ${s}.copy_job_steps WHERE job_id = $1 AND step = $2`, [payload.jobId, payload.step]);
      // Already applied (a replay after a crash between commit and queue completion).
      if (done.rowCount > 0) return false;
      const chunk = job.selection.slice(payload.step * job.chunk_size, (payload.step + 1) * job.chunk_size);
      // Only the user's own saved postings are copied; already-present ones are skipped.
      const ins = await tx.query(
        `INSERT INTO ${s}.collection_items (collection_id, posting_id)
         SELECT $1, p.id FROM ${s}.saved_postings p WHERE p.id = ANY($2::text[]) AND p.user_id = $3
         ON CONFLICT DO NOTHING`,
        [job.collection_id, chunk, job.user_id],
      );
      await options.fault?.(payload.jobId, payload.step, attempt);
      const inserted = ins.rowCount;
      const skipped = chunk.length - inserted;
      await tx.query(`INSERT INTO ${s}.copy_job_steps (job_id, step, items, inserted, skipped) VALUES ($1, $2, $3, $4, $5)`, [
        payload.jobId,
        payload.step,
        chunk.length,
        inserted,
        skipped,
      ]);
      const processed = Number(job.processed) + chunk.length;
      const finished = processed >= Number(job.total);
      await tx.query(
        `UPDATE ${s}.copy_jobs SET processed = $2, inserted = inserted + $3, skipped = skipped + $4, status = $5, updated_at = now() WHERE id = $1`,
        [payload.jobId, processed, inserted, skipped, finished ? 'completed' : 'running'],
      );
      // The next step is enqueued with this step's effect: both commit or neither does.
      if (!finished)
        await queue.enqueue({ jobId: payload.jobId, step: payload.step + 1 }, { tx, dedupeKey: `${payload.jobId}:${payload.step + 1}` });
      return true;
    });
    if (progressed) await publish(payload.jobId);
  }

  return {
    async savePostings(userId, input) {
      const user = parseInput(UserIdSchema, userId, 'user id');
      const body = parseInput(SavePostingsSchema, input, 'saved postings');
      const rows = body.postings.map((p) => ({ id: p.id ?? randomUUID(), user_id: user, title: p.title, company: p.company, url: p.url }));
      const r = await db.query<{ id: string }>(
        `INSERT INTO ${s}.saved_postings (id, user_id, title, company, url)
         SELECT x.id, x.user_id, x.title, x.company, x.url FROM jsonb_to_recordset($1::jsonb) AS x(id text, user_id text, title text, company text, url text)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [JSON.stringify(rows)],
      );
      return { ids: r.rows.map((x) => x.id) };
    },

    async createCollection(userId, input) {
      const user = parseInput(UserIdSchema, userId, 'user id');
      const body = parseInput(CreateCollectionSchema, input, 'collection');
      const id = randomUUID();
      await db.query(`INSERT INTO ${s}.collections (id, user_id, name) VALUES ($1, $2, $3)`, [id, user, body.name]);
      return { id, name: body.name };
    },

    async collectionItems(userId, collectionId) {
      const own = await db.query(`SELECT 1 FROM ${s}.collections WHERE id = $1 AND user_id = $2`, [collectionId, userId]);
      if (own.rowCount === 0) throw notFound(`collection ${collectionId}`);
      const r = await db.query<{ posting_id: string }>(
        `SELECT posting_id FROM ${s}.collection_items WHERE collection_id = $1 ORDER BY posting_id`,
        [collectionId],
      );
      return r.rows.map((x) => x.posting_id);
    },

    async start(userId, collectionId, input) {
      const user = parseInput(UserIdSchema, userId, 'user id');
      const body = parseInput(CopyToCollectionSchema, input, 'copy request');
      const chunkSize = body.chunkSize ?? options.defaultChunkSize ?? 100;
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const own = await tx.query(`SELECT 1 FROM ${s}.collections WHERE id = $1 AND user_id = $2`, [collectionId, user]);
        if (own.rowCount === 0) throw notFound(`collection ${collectionId}`);
        // The selection is snapshotted in the job row ("state" column of seed 002), so the job
        // copies what the user selected even if saved postings change meanwhile.
        const sel = body.all
          ? (
              await tx.query<{ id: string }>(`SELECT id FROM ${s}.saved_postings WHERE user_id = $1 ORDER BY saved_at, id`, [user])
            ).rows.map((r) => r.id)
          : [...new Set(body.postingIds)];
        if (sel.length === 0) throw conflict('nothing to copy: the selection is empty');
        await tx.query(
          `INSERT INTO ${s}.copy_jobs (id, user_id, collection_id, selection, chunk_size, status, total) VALUES ($1, $2, $3, $4::text[], $5, 'queued', $6)`,
          [id, user, collectionId, sel, chunkSize, sel.length],
        );
        await queue.enqueue({ jobId: id, step: 0 }, { tx, dedupeKey: `${id}:0` });
      });
      return get(id);
    },

    get,

    onProgress(jobId, listener) {
      emitter.on(jobId, listener);
      return () => emitter.off(jobId, listener);
    },

    startWorker() {
      if (worker) return;
      worker = queue.work(
        async (payload, ctx) => {
          try {
            await runStep(payload, ctx.job.attempts);
          } catch (error) {
            if (ctx.job.attempts >= ctx.job.maxAttempts) {
              await db.query(`UPDATE ${s}.copy_jobs SET status = 'failed', error = $2, updated_at = now() WHERE id = $1`, [
                payload.jobId,
                error instanceof Error ? error.message : String(error),
              ]);
              await publish(payload.jobId);
            }
            throw error;
          }
        },
        { concurrency: 2, pollIntervalMs: options.pollIntervalMs ?? 100, onError: () => undefined },
      );
    },

    async stop() {
      await worker?.stop({ graceMs: 5000 });
      worker = null;
      emitter.removeAllListeners();
    },
  };
}
