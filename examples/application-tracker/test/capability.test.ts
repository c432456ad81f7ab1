import { type Analytics, createMemoryAnalytics, createMemoryBroker, JobkitError, type SqlExecutor } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { type AnalyticsConsumerOptions, startAnalyticsConsumer } from '../src/consumers.js';

describe('the tracker needs the ApplicationAnalytics capability', () => {
  it('refuses a job-only analytics backend before subscribing', async () => {
    const { ingestApplicationEvents: _i, applicationStats: _s, ...jobOnly } = createMemoryAnalytics({ name: 'job-only' });
    const broker = createMemoryBroker();
    const options = {
      db: {} as SqlExecutor,
      schema: 'tracker',
      broker,
      analytics: jobOnly as Analytics,
    } as unknown as AnalyticsConsumerOptions;
    await expect(startAnalyticsConsumer(options)).rejects.toSatisfy(
      (e) => JobkitError.is(e, 'INVALID_ARGUMENT') && /job-only lacks the ApplicationAnalytics capability/.test((e as Error).message),
    );
    await broker.close();
  });
});
