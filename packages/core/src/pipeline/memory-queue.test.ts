/**
 * In-memory crawl queue: claim order, dedupe, leases, retries, dead letter and redrive — and that
 * claims stay correct across many thousand jobs held (the heap replaced a full rescan per claim).
 * @module
 */
import { describe, expect, it } from 'vitest';
import { createMemoryQueue } from './memory-queue.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('createMemoryQueue', () => {
  it('claims by priority, then first in; dedupes while waiting or running', async () => {
    const q = createMemoryQueue<string>();
    await q.enqueue('a');
    await q.enqueue('b', { priority: 1 });
    await q.enqueue('c');
    expect(await q.enqueue('d', { dedupeKey: 'k' })).not.toBeNull();
    expect(await q.enqueue('d2', { dedupeKey: 'k' })).toBeNull();
    await q.enqueue('e', { priority: 2 });
    const claimed = await q.claim({ limit: 10 });
    expect(claimed.map((j) => j.payload)).toEqual(['e', 'b', 'a', 'c', 'd']);
    expect(await q.enqueue('d3', { dedupeKey: 'k' })).toBeNull();
    await q.complete(claimed[4]!);
    expect(await q.enqueue('d4', { dedupeKey: 'k' })).not.toBeNull();
    expect(await q.stats()).toEqual({ ready: 1, active: 4, completed: 1, dead: 0 });
  });

  it('holds delayed and backed-off jobs until due; release gives the attempt back', async () => {
    const q = createMemoryQueue<string>({ backoff: { baseMs: 40, maxMs: 40, jitter: 0 } });
    await q.enqueue('later', { runAt: new Date(Date.now() + 60) });
    await q.enqueue('now');
    const [job] = await q.claim({ limit: 5 });
    expect(job?.payload).toBe('now');
    expect(await q.fail(job!, new Error('boom'))).toBe('retry');
    expect(await q.claim({ limit: 5 })).toEqual([]);
    await sleep(70);
    const again = await q.claim({ limit: 5 });
    // Same priority: first enqueued first, whatever the delays were.
    expect(again.map((j) => [j.payload, j.attempts])).toEqual([
      ['later', 1],
      ['now', 2],
    ]);
    await q.release(again[0]!);
    const [released] = await q.claim();
    expect([released?.payload, released?.attempts]).toEqual(['later', 1]);
  });

  it('re-claims expired leases, fences the old holder and dead-letters after maxAttempts; redrive revives', async () => {
    const q = createMemoryQueue<string>({ maxAttempts: 2 });
    await q.enqueue('x');
    const [first] = await q.claim({ leaseMs: 10 });
    await sleep(20);
    const [second] = await q.claim({ leaseMs: 10 });
    expect(second?.attempts).toBe(2);
    await expect(q.complete(first!)).rejects.toMatchObject({ code: 'LEASE_EXPIRED' });
    await sleep(20);
    expect(await q.claim()).toEqual([]);
    expect(await q.stats()).toEqual({ ready: 0, active: 0, completed: 0, dead: 1 });
    expect(await q.redrive()).toBe(1);
    const [revived] = await q.claim();
    expect([revived?.payload, revived?.attempts]).toEqual(['x', 1]);
    await q.complete(revived!);
    expect(await q.stats()).toEqual({ ready: 0, active: 0, completed: 1, dead: 0 });
  });

  it('serves 20,000 jobs in claim order with discoveries jumping the line', async () => {
    const q = createMemoryQueue<number>();
    for (let i = 0; i < 20_000; i++) await q.enqueue(i, { dedupeKey: String(i) });
    const seen: number[] = [];
    for (;;) {
      const batch = await q.claim({ limit: 16 });
      if (batch.length === 0) break;
      for (const j of batch) {
        seen.push(j.payload);
        // A "careers page" every 1000 tasks discovers one urgent task.
        if (j.payload >= 0 && j.payload % 1000 === 0) await q.enqueue(-1 - j.payload, { priority: 1 });
        await q.complete(j);
      }
    }
    expect(seen).toHaveLength(20_020);
    const regular = seen.filter((n) => n >= 0);
    expect(regular).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
    // Each discovery is claimed in the next round, ahead of older regular jobs.
    for (let k = 0; k < 20; k++) {
      const at = seen.indexOf(-1 - k * 1000);
      expect(at - seen.indexOf(k * 1000)).toBeLessThanOrEqual(16);
    }
    expect(await q.stats()).toEqual({ ready: 0, active: 0, completed: 20_020, dead: 0 });
  });
});
