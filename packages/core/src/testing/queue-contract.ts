/**
 * Contract suite for the {@link WorkQueue} port (vitest): claim order, dedupe keys, delayed jobs,
 * fenced leases, extend and release, retries with backoff, the dead letter and redrive, input
 * checks and `close()`. Every queue adapter runs it; cases an engine cannot serve are listed in
 * `skip` with a reason and show up as skipped tests.
 * @module
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BackoffOptions } from '../delivery/backoff.js';
import { JobkitError, type JobkitErrorCode } from '../errors.js';
import type { WorkQueue } from '../ports/queue.js';

/** The cases of the work-queue contract; keys of `skip`. */
export const QUEUE_CONTRACT_CASES = [
  'order',
  'dedupe',
  'delayed',
  'lease',
  'extend',
  'release',
  'retryAndDead',
  'holderDied',
  'jobMaxAttempts',
  'invalidInput',
  'closed',
] as const;
export type QueueContractCase = (typeof QUEUE_CONTRACT_CASES)[number];

/** What `create` must honour: each test asks for the lease, attempts and backoff it needs. */
export interface QueueContractSettings {
  /** Unique per created queue (`[a-z0-9_]`): a queue name or table prefix, so tests never share jobs. */
  namespace: string;
  /** Default lease per claim. */
  leaseMs: number;
  /** Default attempts per job. */
  maxAttempts: number;
  /** Retry delays after `fail`. */
  backoff: Required<BackoffOptions>;
}

export interface QueueContractOptions {
  /** Shown in the describe block, e.g. `memory` or `postgres`. */
  name: string;
  /** A fresh, empty queue with these settings; the suite closes it after the test. */
  create: (settings: QueueContractSettings) => WorkQueue<unknown> | Promise<WorkQueue<unknown>>;
  /** Cases this engine cannot serve, with the reason shown in the skipped test's name. */
  skip?: Partial<Record<QueueContractCase, string>>;
  /** Skip the whole suite with this reason (e.g. "DATABASE_URL is not set"). */
  skipAll?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const DEFAULTS = { leaseMs: 30_000, maxAttempts: 5, backoff: { baseMs: 1, maxMs: 1, jitter: 0 } } as const;
/** Lease used by the expiry cases, and how long they wait for it to lapse (engines keep their own clock). */
const SHORT_LEASE_MS = 150;
const PAST_LEASE_MS = 350;

const code = (c: JobkitErrorCode) => (e: unknown) => JobkitError.is(e, c);
let runCounter = 0;

/** Run the work-queue contract. Call at the top level of a vitest file. */
export function runWorkQueueContract(options: QueueContractOptions): void {
  const run = `${process.pid}_${(runCounter++).toString(36)}`;
  let n = 0;

  describe(`WorkQueue contract: ${options.name}`, () => {
    const opened: WorkQueue<unknown>[] = [];
    afterEach(async () => {
      for (const q of opened.splice(0)) await q.close();
    });

    async function open<P>(settings: Partial<Omit<QueueContractSettings, 'namespace'>> = {}): Promise<WorkQueue<P>> {
      const q = await options.create({ ...DEFAULTS, ...settings, namespace: `q_${run}_${++n}` });
      opened.push(q);
      return q as WorkQueue<P>;
    }

    function test(c: QueueContractCase, title: string, body: () => Promise<void>): void {
      const reason = options.skipAll ?? options.skip?.[c];
      if (reason !== undefined) {
        it.skip(`${c}: ${title} — skipped: ${reason}`, body);
        return;
      }
      it(`${c}: ${title}`, body, 20_000);
    }

    test('order', 'claims the highest priority first, then first in; payloads round-trip as JSON', async () => {
      const q = await open<{ n: number; tags?: string[] }>();
      await q.enqueue({ n: 1, tags: ['a', 'ü'] });
      await q.enqueue({ n: 2 }, { priority: 10 });
      await q.enqueue({ n: 3 });
      await q.enqueue({ n: 4 }, { priority: -1 });
      await q.enqueue({ n: 5 }, { priority: 10 });
      const order: number[] = [];
      for (let i = 0; i < 5; i++) {
        const [job] = await q.claim();
        expect(job).toMatchObject({ attempts: 1, lastError: null });
        order.push(job!.payload.n);
        if (job!.payload.n === 1) expect(job!.payload).toEqual({ n: 1, tags: ['a', 'ü'] });
      }
      expect(order).toEqual([2, 5, 1, 3, 4]);
      expect(await q.claim()).toEqual([]);
      expect(await q.stats()).toEqual({ ready: 0, active: 5, completed: 0, dead: 0 });
      const more = await open<number>();
      for (let i = 0; i < 4; i++) await more.enqueue(i, { priority: i % 2 });
      const batch = await more.claim({ limit: 3 });
      expect(batch).toHaveLength(3);
      expect(batch.slice(0, 2).map((j) => j.priority)).toEqual([1, 1]);
    });

    test('dedupe', 'a dedupe key is a no-op while its job waits or runs, and free again once it completed or died', async () => {
      const q = await open<string>({ maxAttempts: 1 });
      const id = await q.enqueue('first', { dedupeKey: 'k' });
      expect(typeof id).toBe('string');
      expect(await q.enqueue('again', { dedupeKey: 'k' })).toBeNull();
      const [job] = await q.claim();
      expect(job?.payload).toBe('first');
      expect(await q.enqueue('while running', { dedupeKey: 'k' })).toBeNull();
      await q.complete(job!);
      const second = await q.enqueue('after completion', { dedupeKey: 'k' });
      expect(second).not.toBeNull();
      expect(second).not.toBe(id);
      const [job2] = await q.claim();
      expect(await q.fail(job2!, new Error('poison'))).toBe('dead');
      expect(await q.enqueue('after death', { dedupeKey: 'k' })).not.toBeNull();
      expect(await q.stats()).toEqual({ ready: 1, active: 0, completed: 1, dead: 1 });
    });

    test('delayed', 'a job with a future runAt is not claimable until then', async () => {
      const q = await open<string>();
      await q.enqueue('later', { runAt: new Date(Date.now() + 300), priority: 5 });
      await q.enqueue('now');
      expect((await q.claim({ limit: 5 })).map((j) => j.payload)).toEqual(['now']);
      expect(await q.claim({ limit: 5 })).toEqual([]);
      await sleep(450);
      expect((await q.claim({ limit: 5 })).map((j) => j.payload)).toEqual(['later']);
    });

    test('lease', 'an expired lease is claimed again with the attempt counted, and the old holder is fenced out', async () => {
      const q = await open<string>({ leaseMs: SHORT_LEASE_MS });
      await q.enqueue('x');
      const [first] = await q.claim();
      expect(first!.lockedUntil.getTime()).toBeGreaterThan(Date.now() - 1000);
      expect(await q.claim()).toEqual([]);
      await sleep(PAST_LEASE_MS);
      const [second] = await q.claim({ leaseMs: 30_000 });
      expect(second?.id).toBe(first!.id);
      expect(second?.attempts).toBe(2);
      expect(second?.lockToken).not.toBe(first!.lockToken);
      await expect(q.complete(first!)).rejects.toSatisfy(code('LEASE_EXPIRED'));
      await expect(q.fail(first!, new Error('late'))).rejects.toSatisfy(code('LEASE_EXPIRED'));
      await expect(q.release(first!)).rejects.toSatisfy(code('LEASE_EXPIRED'));
      await expect(q.extend(first!)).rejects.toSatisfy(code('LEASE_EXPIRED'));
      await q.complete(second!);
      await expect(q.complete(second!)).rejects.toSatisfy(code('LEASE_EXPIRED'));
      expect(await q.stats()).toEqual({ ready: 0, active: 0, completed: 1, dead: 0 });
    });

    test('extend', 'extend pushes the lease out so the job is not claimed again', async () => {
      const q = await open<string>({ leaseMs: SHORT_LEASE_MS });
      await q.enqueue('long');
      const [job] = await q.claim();
      const until = await q.extend(job!, 5_000);
      expect(until).toBeInstanceOf(Date);
      expect(until.getTime()).toBeGreaterThan(job!.lockedUntil.getTime());
      await sleep(PAST_LEASE_MS);
      expect(await q.claim()).toEqual([]);
      await q.complete(job!);
      expect(await q.stats()).toMatchObject({ completed: 1, active: 0 });
    });

    test('release', 'release gives the job back without counting the attempt', async () => {
      const q = await open<string>();
      await q.enqueue('x');
      const [job] = await q.claim();
      await q.release(job!);
      expect(await q.stats()).toMatchObject({ ready: 1, active: 0 });
      const [again] = await q.claim();
      expect([again?.id, again?.attempts]).toEqual([job!.id, 1]);
      await expect(q.complete(job!)).rejects.toSatisfy(code('LEASE_EXPIRED'));
    });

    test(
      'retryAndDead',
      'fail retries after the backoff, dead-letters after maxAttempts; redrive revives with a fresh budget',
      async () => {
        const q = await open<{ poison: boolean }>({ maxAttempts: 2, backoff: { baseMs: 200, maxMs: 200, jitter: 0 } });
        const id = await q.enqueue({ poison: true });
        const [a] = await q.claim();
        expect(await q.fail(a!, new Error('bad 1'))).toBe('retry');
        expect(await q.claim()).toEqual([]); // still backing off
        await sleep(350);
        const [b] = await q.claim();
        expect(b).toMatchObject({ id, attempts: 2 });
        expect(b!.lastError).toContain('bad 1');
        expect(await q.fail(b!, new Error('bad 2'))).toBe('dead');
        expect(await q.claim()).toEqual([]);
        expect(await q.stats()).toEqual({ ready: 0, active: 0, completed: 0, dead: 1 });
        expect(await q.redrive({ ids: ['999999999'] })).toBe(0);
        expect(await q.redrive({ ids: [id!] })).toBe(1);
        const [c] = await q.claim();
        expect(c).toMatchObject({ id, attempts: 1, payload: { poison: true } });
        expect(c!.lastError).toContain('bad 2');
        await q.complete(c!);
        expect(await q.redrive()).toBe(0);
        expect(await q.stats()).toEqual({ ready: 0, active: 0, completed: 1, dead: 0 });
      },
    );

    test('holderDied', 'a job whose holder died on its last attempt is dead-lettered, not run again', async () => {
      const q = await open<string>({ maxAttempts: 1, leaseMs: SHORT_LEASE_MS });
      await q.enqueue('x');
      await q.enqueue('y');
      expect(await q.claim({ limit: 2 })).toHaveLength(2);
      await sleep(PAST_LEASE_MS);
      expect(await q.claim()).toEqual([]);
      expect(await q.stats()).toEqual({ ready: 0, active: 0, completed: 0, dead: 2 });
      expect(await q.redrive()).toBe(2);
      expect(await q.claim({ limit: 5 })).toHaveLength(2);
    });

    test('jobMaxAttempts', "a job's own maxAttempts overrides the queue's", async () => {
      const q = await open<string>({ maxAttempts: 5 });
      await q.enqueue('once', { maxAttempts: 1 });
      const [job] = await q.claim();
      expect(job?.maxAttempts).toBe(1);
      expect(await q.fail(job!, 'a string reason')).toBe('dead');
      expect(await q.stats()).toMatchObject({ dead: 1 });
    });

    test('invalidInput', 'bad options reject with INVALID_ARGUMENT and enqueue nothing', async () => {
      const q = await open<string>();
      await expect(q.enqueue('x', { maxAttempts: 0 })).rejects.toSatisfy(code('INVALID_ARGUMENT'));
      await expect(q.enqueue('x', { priority: 1.5 })).rejects.toSatisfy(code('INVALID_ARGUMENT'));
      await expect(q.claim({ limit: 0 })).rejects.toSatisfy(code('INVALID_ARGUMENT'));
      await expect(q.claim({ leaseMs: -1 })).rejects.toSatisfy(code('INVALID_ARGUMENT'));
      expect(await q.stats()).toEqual({ ready: 0, active: 0, completed: 0, dead: 0 });
    });

    test('closed', 'a closed queue refuses work with CLOSED', async () => {
      const q = await open<string>();
      await q.enqueue('x');
      await q.close();
      await expect(q.enqueue('y')).rejects.toSatisfy(code('CLOSED'));
      await expect(q.claim()).rejects.toSatisfy(code('CLOSED'));
    });
  });
}
