/**
 * Prometheus metrics of the demo (prom-client, one registry per server so tests never collide):
 * requests by route and status, request latency, jobs ingested by outcome, search cache hits and
 * misses, plus Node's default process metrics.
 * @module
 */

import type { PipelineSummary } from '@jobkit/core';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface PlatformMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  latency: Histogram<'method' | 'route'>;
  jobsIngested: Counter<'outcome'>;
  ingestRuns: Counter;
  cacheHits: Counter;
  cacheMisses: Counter;
  /** 429s by the route they were aimed at. */
  rateLimited: Counter<'route'>;
  /** Count an ingestion run's outcomes. */
  recordIngest(summary: PipelineSummary): void;
}

/** Create the metrics on a fresh registry. */
export function createPlatformMetrics(options: { defaultMetrics?: boolean } = {}): PlatformMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'jobkit_demo_' });
  const registers = [registry];
  const jobsIngested = new Counter({
    name: 'jobkit_jobs_ingested_total',
    help: 'Job outcomes of ingestion runs',
    labelNames: ['outcome'] as const,
    registers,
  });
  const ingestRuns = new Counter({ name: 'jobkit_ingest_runs_total', help: 'Ingestion runs completed', registers });
  return {
    registry,
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    latency: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    jobsIngested,
    ingestRuns,
    cacheHits: new Counter({ name: 'jobkit_search_cache_hits_total', help: 'Searches answered from the LRU cache', registers }),
    cacheMisses: new Counter({ name: 'jobkit_search_cache_misses_total', help: 'Searches that went to the search engine', registers }),
    rateLimited: new Counter({
      name: 'http_rate_limited_total',
      help: 'Requests refused with 429',
      labelNames: ['route'] as const,
      registers,
    }),
    recordIngest(summary) {
      ingestRuns.inc();
      for (const [outcome, n] of Object.entries(summary.jobs)) jobsIngested.inc({ outcome }, n);
    },
  };
}
