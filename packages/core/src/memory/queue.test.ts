/**
 * In-memory work queue: the shared contract (claim order, dedupe, leases, retries, dead letter,
 * redrive), and that claims stay correct across many thousand jobs held (the heap replaced a full
 * rescan per claim).
 * @module
 */
import { describe, expect, it } from 'vitest';
import { runWorkQueueContract } from '../testing/queue-contract.js';
import { createMemoryQueue } from './queue.js';

runWorkQueueContract({
  name: 'memory',
  create: ({ namespace, leaseMs, maxAttempts, backoff }) => createMemoryQueue({ name: namespace, leaseMs, maxAttempts, backoff }),
});

describe('createMemoryQueue', () => {
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
