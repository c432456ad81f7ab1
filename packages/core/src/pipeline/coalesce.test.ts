import { describe, expect, it } from 'vitest';
import { JobkitError } from '../errors.js';
import { createMemoryJobStore } from '../memory/job-store.js';
import type { JobStore } from '../ports/job-store.js';
import type { JobPosting } from '../schema/job-posting.js';
import { contractJob } from '../testing/job-store-contract.js';
import { createCoalescer } from './coalesce.js';
import { createPageUpserter } from './process-task.js';

const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);

describe('createCoalescer isolate', () => {
  it('splits a failed batch so only the items that fail alone reject', async () => {
    const batches: number[][] = [];
    const c = createCoalescer<number, number>(
      async (items) => {
        batches.push(items);
        if (items.includes(13) || items.includes(40) || items.includes(41))
          throw new JobkitError('STORE_FAILED', 'bad item', { retryable: false });
        return items.map((n) => n * 2);
      },
      { maxItems: 64, isolate: (e) => JobkitError.is(e) && !e.retryable },
    );
    const results = await settle(Array.from({ length: 64 }, (_, i) => c.add(i)));
    const rejected = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(rejected).toEqual([13, 40, 41]);
    expect(results[12]).toEqual({ status: 'fulfilled', value: 24 });
    expect(batches.length).toBeLessThanOrEqual(1 + 3 * 2 * 6);
  });

  it('a sink failing as a whole costs about 2·log2(batch) flushes even when isolate accepts its errors', async () => {
    let calls = 0;
    const c = createCoalescer<number, number>(
      async () => {
        calls++;
        throw new Error('ECONNREFUSED');
      },
      { maxItems: 256, isolate: () => true },
    );
    const results = await settle(Array.from({ length: 256 }, (_, i) => c.add(i)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(calls).toBeLessThanOrEqual(2 * 8 + 1);
  });

  it('without isolate, or for errors it declines, the whole batch rejects as before', async () => {
    let calls = 0;
    const c = createCoalescer<number, number>(
      async () => {
        calls++;
        throw new JobkitError('STORE_FAILED', 'connection lost', { retryable: true });
      },
      { maxItems: 16, isolate: (e) => JobkitError.is(e) && !e.retryable },
    );
    const results = await settle(Array.from({ length: 16 }, (_, i) => c.add(i)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(calls).toBe(1);
  });
});

describe('createPageUpserter', () => {
  const pages = (n: number) => Array.from({ length: n }, (_, i) => contractJob(90_000 + i));

  it('gives each coalesced page its own result: a change, or the store’s refusal', async () => {
    const store = createMemoryJobStore();
    const upserter = createPageUpserter(store, { maxItems: 50 });
    const jobs = pages(50).map((j, i) => (i === 7 ? { ...j, company: { ...j.company, name: 'Nul\u0000Corp' } } : j));
    const results = await Promise.all(jobs.map((j) => upserter.add(j)));
    expect(results.filter((r) => 'kind' in r).map((r) => (r as { kind: string }).kind)).toEqual(Array(49).fill('created'));
    const refused = results[7]!;
    expect(refused).toMatchObject({ job: { id: jobs[7]!.id }, reason: expect.stringMatching(/company\.name holds a NUL byte/) });
    expect((await store.stats()).total).toBe(49);
  });

  it('a store that throws for one bad row has the batch split; an outage fails every page', async () => {
    const inner = createMemoryJobStore();
    let calls = 0;
    let down = false;
    const strict: JobStore = {
      ...inner,
      name: 'strict',
      async upsertJobs(jobs, options) {
        calls++;
        if (down) throw new JobkitError('STORE_FAILED', 'connection terminated', { retryable: true });
        const bad = jobs.find((j: JobPosting) => j.title.includes('poison'));
        if (bad) throw new JobkitError('STORE_FAILED', `value too long in ${bad.url}`, { retryable: false });
        return inner.upsertJobs(jobs, options);
      },
    };
    const upserter = createPageUpserter(strict, { maxItems: 32 });
    const jobs = pages(32).map((j, i) => (i === 20 ? { ...j, title: 'poison pill' } : j));
    const results = await settle(jobs.map((j) => upserter.add(j)));
    expect(results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []))).toEqual([20]);
    expect(calls).toBeLessThanOrEqual(1 + 2 * 5);
    expect((await inner.stats()).total).toBe(31);

    down = true;
    calls = 0;
    const outage = await settle(pages(8).map((j) => upserter.add(j)));
    expect(outage.every((r) => r.status === 'rejected')).toBe(true);
    expect(calls).toBe(1);
  });
});
