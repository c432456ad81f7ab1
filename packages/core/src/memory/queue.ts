/**
 * In-memory {@link WorkQueue}, the reference for `runWorkQueueContract`, and the pipeline's default
 * crawl queue when no durable queue is given.
 * Same semantics as the Postgres queue (priority, dedupe keys while waiting/running, fenced
 * leases, backoff retries, dead letter, redrive) but nothing survives the process, so a resume
 * works only within the process that holds the queue object. Claims cost O(k log n): ready jobs
 * sit in a heap, so a crawl of many thousand pages does not rescan every job ever held.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { type BackoffOptions, backoffDelay } from '../delivery/backoff.js';
import { invalidArgument, JobkitError } from '../errors.js';
import type { ClaimOptions, EnqueueOptions, FailOutcome, QueueJob, QueueJobStatus, QueueStats, WorkQueue } from '../ports/queue.js';

const WHERE = 'core/memory-queue';

export interface MemoryQueueOptions {
  /** Reported as `queue.name`. @default 'memory' */
  name?: string;
  /** @default 30000 */
  leaseMs?: number;
  /** @default 5 */
  maxAttempts?: number;
  /** Retry delays after `fail`. @default { baseMs: 1000, maxMs: 300000, jitter: 0.5 } */
  backoff?: BackoffOptions;
}

interface Entry<P> {
  id: string;
  seq: number;
  payload: P;
  priority: number;
  dedupeKey: string | null;
  runAt: number;
  attempts: number;
  maxAttempts: number;
  status: QueueJobStatus;
  lockToken: string | null;
  lockedUntil: number;
  lastError: string | null;
}

/** Claim order: higher priority first, then first in. */
const before = <P>(a: Entry<P>, b: Entry<P>) => a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq);

/** A binary min-heap in claim order. */
class ReadyHeap<P> {
  private items: Entry<P>[] = [];
  get size() {
    return this.items.length;
  }
  push(e: Entry<P>) {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): Entry<P> | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Create an in-memory work queue. */
export function createMemoryQueue<P = unknown>(options: MemoryQueueOptions = {}): WorkQueue<P> {
  for (const key of ['leaseMs', 'maxAttempts'] as const) {
    const v = options[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw invalidArgument(WHERE, `${key} must be a positive integer`);
  }
  const name = options.name ?? 'memory';
  const leaseMs = options.leaseMs ?? 30_000;
  const defaultMax = options.maxAttempts ?? 5;
  const backoff = { baseMs: 1000, maxMs: 300_000, jitter: 0.5, ...options.backoff };
  const jobs = new Map<string, Entry<P>>();
  const liveKeys = new Map<string, string>();
  // Every ready job is in exactly one of these: due ones in the heap, ones with a later runAt
  // (backoff, scheduled) in `delayed`. Active jobs are tracked for lease expiry.
  const ready = new ReadyHeap<P>();
  const delayed = new Set<Entry<P>>();
  const active = new Set<Entry<P>>();
  const makeReady = (e: Entry<P>) => {
    e.status = 'ready';
    e.lockToken = null;
    active.delete(e);
    if (e.runAt <= Date.now()) ready.push(e);
    else delayed.add(e);
  };
  let seq = 0;
  let closed = false;

  const open = () => {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] queue ${name} is closed`);
  };
  const held = (ref: Pick<QueueJob, 'id' | 'lockToken'>, now = Date.now()): Entry<P> => {
    const e = jobs.get(ref.id);
    if (!e || e.status !== 'active' || e.lockToken !== ref.lockToken || e.lockedUntil < now) {
      throw new JobkitError('LEASE_EXPIRED', `[${WHERE}] job ${ref.id}: lease expired or held by another worker`, {
        details: { jobId: ref.id },
      });
    }
    return e;
  };
  const finish = (e: Entry<P>, status: QueueJobStatus) => {
    active.delete(e);
    e.status = status;
    e.lockToken = null;
    if ((status === 'completed' || status === 'dead') && e.dedupeKey !== null && liveKeys.get(e.dedupeKey) === e.id)
      liveKeys.delete(e.dedupeKey);
  };
  const view = (e: Entry<P>): QueueJob<P> => ({
    id: e.id,
    queue: name,
    payload: e.payload,
    priority: e.priority,
    attempts: e.attempts,
    maxAttempts: e.maxAttempts,
    lockToken: e.lockToken!,
    lockedUntil: new Date(e.lockedUntil),
    lastError: e.lastError,
  });

  return {
    name,
    async enqueue(payload: P, opts: EnqueueOptions = {}) {
      open();
      // The same bounds as the Postgres queue (an integer priority column), so code moves between them.
      if (opts.maxAttempts !== undefined && (!Number.isInteger(opts.maxAttempts) || opts.maxAttempts < 1)) {
        throw invalidArgument(WHERE, 'maxAttempts must be a positive integer');
      }
      if (opts.priority !== undefined && !Number.isInteger(opts.priority)) throw invalidArgument(WHERE, 'priority must be an integer');
      if (opts.dedupeKey !== undefined && (typeof opts.dedupeKey !== 'string' || opts.dedupeKey === '')) {
        throw invalidArgument(WHERE, 'dedupeKey must be a non-empty string');
      }
      if (opts.runAt !== undefined && !(opts.runAt instanceof Date && !Number.isNaN(opts.runAt.getTime()))) {
        throw invalidArgument(WHERE, 'runAt must be a valid Date');
      }
      const key = opts.dedupeKey ?? null;
      if (key !== null && liveKeys.has(key)) return null;
      const id = randomUUID();
      const entry: Entry<P> = {
        id,
        seq: seq++,
        payload,
        priority: opts.priority ?? 0,
        dedupeKey: key,
        runAt: opts.runAt?.getTime() ?? Date.now(),
        attempts: 0,
        maxAttempts: opts.maxAttempts ?? defaultMax,
        status: 'ready',
        lockToken: null,
        lockedUntil: 0,
        lastError: null,
      };
      jobs.set(id, entry);
      makeReady(entry);
      if (key !== null) liveKeys.set(key, id);
      return id;
    },
    async claim(opts: ClaimOptions = {}) {
      open();
      const now = Date.now();
      const limit = opts.limit ?? 1;
      const lease = opts.leaseMs ?? leaseMs;
      if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(lease) || lease < 1)
        throw invalidArgument(WHERE, 'limit and leaseMs must be positive integers');
      for (const e of active) {
        // An expired lease means the holder died: the job is claimable again and the attempt counted.
        if (e.lockedUntil >= now) continue;
        if (e.attempts >= e.maxAttempts) {
          e.lastError = 'lease expired';
          finish(e, 'dead');
        } else makeReady(e);
      }
      for (const e of delayed) {
        if (e.runAt > now) continue;
        delayed.delete(e);
        ready.push(e);
      }
      const claimed: Entry<P>[] = [];
      while (claimed.length < limit && ready.size > 0) {
        const e = ready.pop()!;
        if (e.status === 'ready') claimed.push(e);
      }
      return claimed.map((e) => {
        active.add(e);
        e.status = 'active';
        e.attempts++;
        e.lockToken = randomUUID();
        e.lockedUntil = now + lease;
        return view(e);
      });
    },
    async complete(ref) {
      finish(held(ref), 'completed');
    },
    async fail(ref, error): Promise<FailOutcome> {
      const e = held(ref);
      e.lastError = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
      if (e.attempts >= e.maxAttempts) {
        finish(e, 'dead');
        return 'dead';
      }
      e.runAt = Date.now() + backoffDelay(e.attempts, backoff);
      makeReady(e);
      return 'retry';
    },
    async release(ref) {
      const e = held(ref);
      e.attempts = Math.max(0, e.attempts - 1);
      makeReady(e);
    },
    async extend(ref, ms) {
      const e = held(ref);
      e.lockedUntil = Date.now() + (ms ?? leaseMs);
      return new Date(e.lockedUntil);
    },
    async redrive(opts = {}) {
      let n = 0;
      const only = opts.ids ? new Set(opts.ids) : null;
      for (const e of jobs.values()) {
        if (e.status !== 'dead' || (only && !only.has(e.id))) continue;
        e.attempts = 0;
        e.runAt = Date.now();
        makeReady(e);
        if (e.dedupeKey !== null) liveKeys.set(e.dedupeKey, e.id);
        n++;
      }
      return n;
    },
    async stats(): Promise<QueueStats> {
      const s: QueueStats = { ready: 0, active: 0, completed: 0, dead: 0 };
      for (const e of jobs.values()) s[e.status]++;
      return s;
    },
    async close() {
      closed = true;
    },
  };
}
