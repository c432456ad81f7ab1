/**
 * Delivery modes of a pipeline run, without a crawl: publish-after-upsert through a broker (no
 * relay), direct application, and the drain giving up with a typed error when a consumer never
 * catches up. The outbox mode runs end to end in packages/adapters/test/pipeline.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { jobEvent } from '../delivery/events.js';
import type { JobkitError } from '../errors.js';
import { createMemoryAnalytics } from '../memory/analytics.js';
import { createMemoryBroker } from '../memory/broker.js';
import type { Analytics } from '../ports/analytics.js';
import type { JobEvent } from '../schema/events.js';
import { contractJob } from '../testing/job-store-contract.js';
import { createJobDelivery } from './delivery.js';

const events = (n: number) => Array.from({ length: n }, (_, i) => jobEvent('job.created', contractJob(i + 1)) as JobEvent);
const companies = async (a: Analytics) => (await a.topCompanies({ limit: 100 })).reduce((sum, r) => sum + r.jobs, 0);

describe('pipeline delivery', () => {
  it('publish mode: events go through the broker and settle waits until the consumer applied each', async () => {
    const broker = createMemoryBroker();
    const analytics = createMemoryAnalytics();
    const errors: JobkitError[] = [];
    const run = createJobDelivery({ analytics, broker, topic: 'jobs-test', subscriptionPrefix: 'jobs-test', drainTimeoutMs: 5_000 }).forRun(
      (e) => errors.push(e),
    );
    try {
      await run.start();
      await run.propagate(events(3));
      await run.propagate(events(5).slice(3));
      await run.settle({ aborted: false });
      expect(await companies(analytics)).toBe(5);
    } finally {
      await run.stop();
      await broker.close();
    }
    expect(errors).toEqual([]);
  });

  it('direct mode: events are applied without a broker before settle resolves', async () => {
    const analytics = createMemoryAnalytics();
    const delivery = createJobDelivery({ analytics, topic: 'jobs-test', subscriptionPrefix: 'jobs-test', drainTimeoutMs: 5_000 });
    const run = delivery.forRun(() => undefined);
    await run.start();
    await Promise.all([run.propagate(events(2)), run.propagate(events(4).slice(2))]);
    await run.settle({ aborted: false });
    expect(await companies(analytics)).toBe(4);
    await run.stop();
  });

  it('a consumer that never catches up ends the drain with BROKER_FAILED after drainTimeoutMs', async () => {
    const broker = createMemoryBroker();
    const failing: Analytics = {
      ...createMemoryAnalytics(),
      async ingestJobEvents() {
        throw new Error('engine down');
      },
    };
    const errors: Array<[string, string]> = [];
    const run = createJobDelivery({
      analytics: failing,
      broker,
      topic: 'jobs-test',
      subscriptionPrefix: 'jobs-test',
      drainTimeoutMs: 200,
    }).forRun((e, source) => errors.push([e.code, source]));
    try {
      await run.start();
      await run.propagate(events(1));
      const started = Date.now();
      await run.settle({ aborted: false });
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    } finally {
      await run.stop();
      await broker.close();
    }
    expect(errors).toContainEqual(['BROKER_FAILED', 'drain']);
    // Each failed delivery is reported too, with the consumer's own code.
    expect(errors).toContainEqual(['ANALYTICS_FAILED', 'consumer']);
  });

  it('an aborted run does not wait for the consumers', async () => {
    const broker = createMemoryBroker();
    const memory = createMemoryAnalytics();
    const slow: Analytics = {
      ...memory,
      ingestJobEvents: async (e, o) => (await new Promise((r) => setTimeout(r, 1_000)), memory.ingestJobEvents(e, o)),
    };
    const errors: JobkitError[] = [];
    const run = createJobDelivery({
      analytics: slow,
      broker,
      topic: 'jobs-test',
      subscriptionPrefix: 'jobs-test',
      drainTimeoutMs: 60_000,
    }).forRun((e) => errors.push(e));
    await run.start();
    await run.propagate(events(1));
    const started = Date.now();
    await run.settle({ aborted: true });
    expect(Date.now() - started).toBeLessThan(500);
    expect(await companies(memory)).toBe(0);
    await run.stop();
    await broker.close();
    expect(errors).toEqual([]);
  });
});
