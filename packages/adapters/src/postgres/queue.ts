/**
 * Postgres/PGlite work queue implementing the core `WorkQueue` port: priority, dedupe keys,
 * delayed runs, `SKIP LOCKED` claims with a lease fenced by a lock token, retries with capped
 * backoff, dead letter + redrive, enqueue/complete inside the caller's transaction, and a worker
 * loop with heartbeats and graceful shutdown.
 * @module
 */

import {
  type ClaimOptions,
  type EnqueueOptions,
  type FailOutcome,
  invalidArgument,
  JobkitError,
  type QueueJob,
  type QueueStats,
  type SqlExecutor,
  type WorkQueue,
} from '@jobkit/core';
import { type BackoffOptions, backoffDelay } from '@jobkit/core/adapter-kit';
import { z } from 'zod';
import { clientCloser, type PostgresOwnedClientOptions, takeClient } from './client-options.js';
import { capabilitiesOf } from './executor.js';
import { DEFAULT_SCHEMA, migrate, schemaIdent } from './migrations.js';

const WHERE = 'adapters/postgres/queue';

export interface PostgresQueueOptions extends PostgresOwnedClientOptions {
  /** Queue name; many queues share one table. */
  name: string;
  /** @default 'jobkit' */
  schema?: string;
  /** Lease per claim; the worker heartbeats at a third of it. @default 30000 */
  leaseMs?: number;
  /** Default attempts per job (killed attempts count). @default 5 */
  maxAttempts?: number;
  /** Retry delays after `fail`. @default { baseMs: 1000, maxMs: 300000, jitter: 0.5 } */
  backoff?: BackoffOptions;
  /** Run `migrate()` before first use. @default true */
  autoMigrate?: boolean;
}

export interface PostgresEnqueueOptions extends EnqueueOptions {
  /** Enqueue inside this transaction (the job exists only if it commits). */
  tx?: SqlExecutor;
}

export interface WorkerContext<P> {
  job: QueueJob<P>;
  /** Fires when the lease is lost or the worker is stopped past its grace period. */
  signal: AbortSignal;
  /** With `transactional: true`: the transaction the job is completed in; write effects through it. */
  tx?: SqlExecutor;
}

export interface WorkOptions {
  /** Jobs run at once. @default 1 */
  concurrency?: number;
  /** Idle poll interval. @default 500 */
  pollIntervalMs?: number;
  /**
   * Run the handler inside a transaction that also completes the job: a late completion (lost
   * lease) rolls the handler's writes back, giving an exactly-once effect. @default false
   */
  transactional?: boolean;
  onError?: (error: unknown, job?: QueueJob<unknown>) => void;
}

export interface Worker {
  /** Jobs currently running. */
  readonly active: number;
  /**
   * Stop claiming; wait up to `graceMs` for running jobs, then abort and release the rest so no
   * job stays `active`. @default graceMs 10000
   */
  stop(options?: { graceMs?: number }): Promise<void>;
}

export interface PostgresQueue<P = unknown> extends WorkQueue<P> {
  enqueue(payload: P, options?: PostgresEnqueueOptions): Promise<string | null>;
  /** Complete, optionally inside the transaction that wrote the job's effect. */
  complete(job: Pick<QueueJob, 'id' | 'lockToken'>, options?: { tx?: SqlExecutor }): Promise<void>;
  work(handler: (payload: P, ctx: WorkerContext<P>) => Promise<void>, options?: WorkOptions): Worker;
}

const OptionsSchema = z.object({
  name: z.string().min(1).max(200),
  leaseMs: z.number().int().min(50).optional(),
  maxAttempts: z.number().int().min(1).optional(),
});
const EnqueueSchema = z.object({
  priority: z.number().int().optional(),
  dedupeKey: z.string().min(1).optional(),
  runAt: z.date().optional(),
  maxAttempts: z.number().int().min(1).optional(),
});

interface Row {
  id: string;
  queue: string;
  payload: unknown;
  priority: number;
  attempts: number;
  max_attempts: number;
  lock_token: string;
  locked_until: Date | string;
  last_error: string | null;
}

const leaseExpired = (id: string) =>
  new JobkitError('LEASE_EXPIRED', `[${WHERE}] job ${id}: lease expired or held by another worker`, { details: { jobId: id } });

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 2000);

/** Create a queue handle. Write it ourselves rather than use pg-boss: it must run on PGlite and join the caller's transaction. */
export function createPostgresQueue<P = unknown>(options: PostgresQueueOptions): PostgresQueue<P> {
  const parsed = OptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw invalidArgument(WHERE, `invalid queue options: ${parsed.error.message}`, parsed.error);
  const db = takeClient(options, WHERE);
  const closeClient = clientCloser(db, options);
  const { name } = options;
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = schemaIdent(schema);
  const leaseMs = options.leaseMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const backoff = { baseMs: 1000, maxMs: 300_000, jitter: 0.5, ...options.backoff };
  let ready: Promise<unknown> | null = options.autoMigrate === false ? Promise.resolve() : null;
  let closed = false;
  const init = async (tx?: SqlExecutor) => {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] queue ${name} is closed`);
    // On one connection (PGlite, a single Client) a migration through `db` would wait behind the
    // caller's open transaction, so a first use inside one migrates through it. Not remembered: a
    // rollback undoes it, and the next call outside a transaction migrates for good.
    if (ready === null && tx?.inTransaction && !capabilitiesOf(db).parallelStatements) {
      await migrate(tx, { schema });
      return;
    }
    await (ready ??= migrate(db, { schema }).catch((e) => ((ready = null), Promise.reject(e))));
  };
  const toJob = (r: Row): QueueJob<P> => ({
    id: String(r.id),
    queue: r.queue,
    payload: r.payload as P,
    priority: r.priority,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lockToken: r.lock_token,
    lockedUntil: new Date(r.locked_until),
    lastError: r.last_error,
  });
  const fenced = `id = $1 AND lock_token = $2::uuid AND status = 'active' AND locked_until >= clock_timestamp()`;
  const checkJob = (job: Pick<QueueJob, 'id' | 'lockToken'>) => {
    if (!job || typeof job.id !== 'string' || typeof job.lockToken !== 'string')
      throw invalidArgument(WHERE, 'expected a claimed job (id, lockToken)');
  };

  const queue: PostgresQueue<P> = {
    name,
    async enqueue(payload, enqueueOptions = {}) {
      const o = EnqueueSchema.safeParse({ ...enqueueOptions, tx: undefined });
      if (!o.success) throw invalidArgument(WHERE, `invalid enqueue options: ${o.error.message}`, o.error);
      await init(enqueueOptions.tx);
      const exec = enqueueOptions.tx ?? db;
      const r = await exec.query<{ id: string }>(
        `INSERT INTO ${s}.queue_jobs (queue, payload, priority, dedupe_key, run_at, max_attempts)
         VALUES ($1, $2::jsonb, $3, $4, COALESCE($5::timestamptz, now()), $6)
         ON CONFLICT (queue, dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('ready', 'active') DO NOTHING
         RETURNING id::text AS id`,
        [
          name,
          JSON.stringify(payload ?? null),
          o.data.priority ?? 0,
          o.data.dedupeKey ?? null,
          o.data.runAt ?? null,
          o.data.maxAttempts ?? maxAttempts,
        ],
      );
      return r.rows[0]?.id ?? null;
    },
    async claim(claimOptions: ClaimOptions = {}) {
      const limit = claimOptions.limit ?? 1;
      const lease = claimOptions.leaseMs ?? leaseMs;
      if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(lease) || lease < 1)
        throw invalidArgument(WHERE, 'limit and leaseMs must be positive integers');
      await init();
      return db.transaction(async (tx) => {
        // A holder that died on its last attempt: dead-letter instead of running it again.
        await tx.query(
          `UPDATE ${s}.queue_jobs SET status = 'dead', lock_token = NULL, locked_until = NULL, updated_at = now(),
             last_error = COALESCE(last_error || '; ', '') || 'lease expired on the last attempt'
           WHERE queue = $1 AND status = 'active' AND locked_until < clock_timestamp() AND attempts >= max_attempts`,
          [name],
        );
        const r = await tx.query<Row>(
          `WITH cand AS (
             SELECT id FROM ${s}.queue_jobs
             WHERE queue = $1 AND ((status = 'ready' AND run_at <= now()) OR (status = 'active' AND locked_until < clock_timestamp()))
             ORDER BY priority DESC, run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
           UPDATE ${s}.queue_jobs q SET status = 'active', attempts = q.attempts + 1, lock_token = gen_random_uuid(),
             locked_until = clock_timestamp() + $3 * interval '1 millisecond', updated_at = now()
           FROM cand WHERE q.id = cand.id
           RETURNING q.id::text AS id, q.queue, q.payload, q.priority, q.attempts, q.max_attempts, q.lock_token::text AS lock_token, q.locked_until, q.last_error`,
          [name, limit, lease],
        );
        return r.rows.map(toJob).sort((a, b) => b.priority - a.priority);
      });
    },
    async complete(job, completeOptions = {}) {
      checkJob(job);
      await init(completeOptions.tx);
      const exec = completeOptions.tx ?? db;
      const r = await exec.query(
        `UPDATE ${s}.queue_jobs SET status = 'completed', completed_at = now(), updated_at = now(), lock_token = NULL, locked_until = NULL WHERE ${fenced}`,
        [job.id, job.lockToken],
      );
      if (r.rowCount === 0) throw leaseExpired(job.id);
    },
    async fail(job, error): Promise<FailOutcome> {
      checkJob(job);
      await init();
      const cur = await db.query<{ attempts: number }>(`SELECT attempts FROM ${s}.queue_jobs WHERE ${fenced}`, [job.id, job.lockToken]);
      const attempts = cur.rows[0]?.attempts;
      if (attempts === undefined) throw leaseExpired(job.id);
      const r = await db.query<{ status: string }>(
        `UPDATE ${s}.queue_jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'ready' END,
           run_at = now() + $3 * interval '1 millisecond', lock_token = NULL, locked_until = NULL, last_error = $4, updated_at = now()
         WHERE ${fenced} RETURNING status`,
        [job.id, job.lockToken, backoffDelay(attempts, backoff), errorText(error)],
      );
      if (!r.rows[0]) throw leaseExpired(job.id);
      return r.rows[0].status === 'dead' ? 'dead' : 'retry';
    },
    async release(job) {
      checkJob(job);
      await init();
      const r = await db.query(
        `UPDATE ${s}.queue_jobs SET status = 'ready', attempts = GREATEST(attempts - 1, 0), run_at = now(), lock_token = NULL, locked_until = NULL, updated_at = now()
         WHERE ${fenced}`,
        [job.id, job.lockToken],
      );
      if (r.rowCount === 0) throw leaseExpired(job.id);
    },
    async extend(job, extendMs = leaseMs) {
      checkJob(job);
      await init();
      const r = await db.query<{ locked_until: Date | string }>(
        `UPDATE ${s}.queue_jobs SET locked_until = clock_timestamp() + $3 * interval '1 millisecond' WHERE ${fenced} RETURNING locked_until`,
        [job.id, job.lockToken, extendMs],
      );
      if (!r.rows[0]) throw leaseExpired(job.id);
      return new Date(r.rows[0].locked_until);
    },
    async redrive(redriveOptions = {}) {
      await init();
      const r = await db.query(
        `UPDATE ${s}.queue_jobs SET status = 'ready', attempts = 0, run_at = now(), updated_at = now()
         WHERE queue = $1 AND status = 'dead' AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
        [name, redriveOptions.ids ? [...redriveOptions.ids] : null],
      );
      return r.rowCount;
    },
    async stats(): Promise<QueueStats> {
      await init();
      const r = await db.query<{ status: keyof QueueStats; n: string }>(
        `SELECT status, count(*) AS n FROM ${s}.queue_jobs WHERE queue = $1 GROUP BY status`,
        [name],
      );
      const out: QueueStats = { ready: 0, active: 0, completed: 0, dead: 0 };
      for (const row of r.rows) out[row.status] = Number(row.n);
      return out;
    },
    work(handler, workOptions = {}) {
      return startWorker(queue, db, handler, { leaseMs, ...workOptions });
    },
    async close() {
      closed = true;
      await closeClient();
    },
  };
  return queue;
}

function startWorker<P>(
  queue: PostgresQueue<P>,
  db: SqlExecutor,
  handler: (payload: P, ctx: WorkerContext<P>) => Promise<void>,
  options: WorkOptions & { leaseMs: number },
): Worker {
  const concurrency = options.concurrency ?? 1;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw invalidArgument(WHERE, 'concurrency must be a positive integer');
  const inFlight = new Map<string, { job: QueueJob<P>; abort: AbortController; done: Promise<void> }>();
  let running = true;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = null;
        resolve();
      }
      wake = done;
    });
  const report = (e: unknown, job?: QueueJob<P>) => options.onError?.(e, job as QueueJob<unknown> | undefined);

  const run = async (job: QueueJob<P>, abort: AbortController) => {
    const beat = setInterval(
      () => {
        queue.extend(job, options.leaseMs).catch((e) => {
          if (JobkitError.is(e, 'LEASE_EXPIRED')) abort.abort(e);
          else report(e, job);
        });
      },
      Math.max(10, Math.floor(options.leaseMs / 3)),
    );
    try {
      if (options.transactional) {
        await db.transaction(async (tx) => {
          await handler(job.payload, { job, signal: abort.signal, tx });
          await queue.complete(job, { tx });
        });
      } else {
        await handler(job.payload, { job, signal: abort.signal });
        await queue.complete(job);
      }
    } catch (error) {
      if (abort.signal.aborted) return; // released by stop() or lease lost: nothing left to fence
      report(error, job);
      await queue.fail(job, error).catch((e) => report(e, job));
    } finally {
      clearInterval(beat);
    }
  };

  const loop = (async () => {
    let errors = 0;
    while (running) {
      const free = concurrency - inFlight.size;
      if (free <= 0) {
        await sleep(pollIntervalMs);
        continue;
      }
      let jobs: QueueJob<P>[] = [];
      try {
        jobs = await queue.claim({ limit: free, leaseMs: options.leaseMs });
        errors = 0;
      } catch (error) {
        errors++;
        report(error);
        if (running) await sleep(backoffDelay(errors, { baseMs: pollIntervalMs, maxMs: 10_000 }));
        continue;
      }
      for (const job of jobs) {
        const abort = new AbortController();
        const entry = { job, abort, done: Promise.resolve() };
        entry.done = run(job, abort).finally(() => {
          inFlight.delete(job.id);
          wake?.();
        });
        inFlight.set(job.id, entry);
      }
      if (jobs.length === 0 && running) await sleep(pollIntervalMs);
    }
  })();

  return {
    get active() {
      return inFlight.size;
    },
    async stop(stopOptions = {}) {
      running = false;
      wake?.();
      await loop;
      const graceMs = stopOptions.graceMs ?? 10_000;
      const all = Promise.all([...inFlight.values()].map((e) => e.done));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
      clearTimeout(timer);
      // Past the grace period: abort and hand the jobs back so none stays `active`.
      await Promise.all(
        [...inFlight.values()].map(async ({ job, abort }) => {
          abort.abort(new JobkitError('ABORTED', `[${WHERE}] worker stopped`));
          await queue.release(job).catch((e) => report(e, job));
        }),
      );
    },
  };
}
