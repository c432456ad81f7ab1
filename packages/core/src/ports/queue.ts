/**
 * Work queue port: durable jobs with priority, dedupe keys, delayed runs, leases fenced by a lock
 * token, retries with backoff, a dead-letter state and redrive. Delivery is at-least-once: a job
 * whose worker dies runs again after its lease expires, so handlers must be idempotent (or write
 * their effect in the same transaction as `complete`, when the adapter supports it).
 * @module
 */

export interface EnqueueOptions {
  /** Higher runs first. @default 0 */
  priority?: number;
  /** While a job with this key is waiting or running, enqueueing the same key is a no-op. */
  dedupeKey?: string;
  /** Not claimable before this time. @default now */
  runAt?: Date;
  /** Attempts (including ones killed mid-run) before the job is dead-lettered. @default the queue's */
  maxAttempts?: number;
}

export type QueueJobStatus = 'ready' | 'active' | 'completed' | 'dead';

/** A claimed job. `lockToken` fences the lease: only the current holder may complete or fail it. */
export interface QueueJob<P = unknown> {
  id: string;
  queue: string;
  payload: P;
  priority: number;
  /** Attempts so far, including this one. */
  attempts: number;
  maxAttempts: number;
  lockToken: string;
  lockedUntil: Date;
  lastError: string | null;
}

export interface ClaimOptions {
  /** @default 1 */
  limit?: number;
  /** Lease length; extend it with `extend` for long jobs. @default the queue's lease */
  leaseMs?: number;
}

export type FailOutcome = 'retry' | 'dead';

export interface QueueStats {
  ready: number;
  active: number;
  completed: number;
  dead: number;
}

export interface WorkQueue<P = unknown> {
  readonly name: string;
  /** Returns the new job id, or null when a job with the same `dedupeKey` is already waiting/running. */
  enqueue(payload: P, options?: EnqueueOptions): Promise<string | null>;
  /** Claim up to `limit` runnable jobs, highest priority first; increments `attempts`. */
  claim(options?: ClaimOptions): Promise<QueueJob<P>[]>;
  /** @throws JobkitError `LEASE_EXPIRED` when the lease expired or another worker holds the job. */
  complete(job: Pick<QueueJob, 'id' | 'lockToken'>): Promise<void>;
  /** Schedule a retry with backoff, or dead-letter after `maxAttempts`. @throws JobkitError `LEASE_EXPIRED` */
  fail(job: Pick<QueueJob, 'id' | 'lockToken'>, error: unknown): Promise<FailOutcome>;
  /** Give a job back without counting the attempt (graceful shutdown). @throws JobkitError `LEASE_EXPIRED` */
  release(job: Pick<QueueJob, 'id' | 'lockToken'>): Promise<void>;
  /** Heartbeat: push the lease out by `leaseMs`. @throws JobkitError `LEASE_EXPIRED` */
  extend(job: Pick<QueueJob, 'id' | 'lockToken'>, leaseMs?: number): Promise<Date>;
  /** Move dead jobs back to ready with a fresh attempt budget; returns how many moved. */
  redrive(options?: { ids?: readonly string[] }): Promise<number>;
  stats(): Promise<QueueStats>;
  close(): Promise<void>;
}
