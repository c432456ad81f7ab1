import { describe, expect, it } from 'vitest';
import { type Analytics, hasApplicationAnalytics } from '../ports/analytics.js';
import { runAnalyticsContract } from '../testing/analytics-contract.js';
import { createMemoryAnalytics } from './analytics.js';

runAnalyticsContract({ name: 'memory', create: () => createMemoryAnalytics() });

/** A third-party backend with job analytics only: the memory one without the application capability. */
function jobOnly(): Analytics {
  const { ingestApplicationEvents: _ingest, applicationStats: _stats, ...jobs } = createMemoryAnalytics({ name: 'job-only' });
  return jobs;
}

runAnalyticsContract({ name: 'memory (job analytics only)', create: jobOnly });

describe('ApplicationAnalytics capability', () => {
  it('is detected on the memory backend and absent on a job-only one', () => {
    expect(hasApplicationAnalytics(createMemoryAnalytics())).toBe(true);
    expect(hasApplicationAnalytics(jobOnly())).toBe(false);
  });
});
