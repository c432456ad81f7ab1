/**
 * Load script for the ingest API: a bounded pool of `fetch` loops POSTs batches for a fixed time,
 * then waits until every accepted event is in ClickHouse. Prints accepted events/s and request
 * latency percentiles at the API, and rows/s landing in ClickHouse. Starts its own in-process
 * service (chDB + memory broker, or whatever the environment selects).
 *
 *   pnpm --filter @jobkit/example-event-ingest load            # defaults below
 *   DURATION_S=10 CONCURRENCY=32 BATCH=100 pnpm … load
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createIngestApp } from './src/app.js';

const DURATION_S = Number(process.env.DURATION_S ?? 10);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const BATCH = Number(process.env.BATCH ?? 100);

const app = await createIngestApp({
  database: `ingest_load_${randomUUID().slice(0, 8)}`,
  dropOnClose: true,
  maxRows: 20_000,
  flushIntervalMs: 200,
  maxInFlight: 256,
});
await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/events`;
console.log(`engines: ${JSON.stringify(app.describe)}; ${CONCURRENCY} connections × batches of ${BATCH} for ${DURATION_S}s`);

const channels = ['web', 'ios', 'android', 'email'];
const names = ['page_view', 'click', 'signup', 'purchase'];
let seq = 0;
const body = () =>
  JSON.stringify({
    events: Array.from({ length: BATCH }, () => {
      const i = seq++;
      return {
        event_id: `load-${i}`,
        event_name: names[i % names.length],
        channel: channels[i % channels.length],
        campaign_id: `cmp-${i % 50}`,
        user_id: `u-${i % 10_000}`,
        timestamp: Math.floor(Date.now() / 1000) - (i % 3600),
        tags: ['load'],
        metadata: { i },
      };
    }),
  });

const latencies: number[] = [];
let accepted = 0;
let failed = 0;
const started = performance.now();
const deadline = started + DURATION_S * 1000;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < deadline) {
      const payload = body();
      const t = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
      const json = (await res.json()) as { accepted?: number };
      latencies.push(performance.now() - t);
      if (res.status === 202) accepted += json.accepted ?? 0;
      else failed += 1;
    }
  }),
);
const apiSeconds = (performance.now() - started) / 1000;

// Rows landing: time from the first request until ClickHouse holds every accepted event.
for (;;) {
  const { events } = await app.pipeline.counts();
  if (events >= accepted) break;
  await new Promise((r) => setTimeout(r, 100));
}
const landedSeconds = (performance.now() - started) / 1000;
const metrics = await app.pipeline.metrics({ consistency: 'exact', fromMs: 0, toMs: Date.now() + 86_400_000 });

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
console.log(`requests: ${latencies.length} (${failed} failed) in ${apiSeconds.toFixed(1)}s`);
console.log(`accepted: ${accepted} events, ${(accepted / apiSeconds).toFixed(0)} events/s at the API`);
console.log(`latency per request (${BATCH} events): p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);
console.log(
  `landed: ${accepted} rows in ClickHouse after ${landedSeconds.toFixed(1)}s → ${(accepted / landedSeconds).toFixed(0)} rows/s end to end`,
);
console.log(`GET /metrics total_count = ${metrics.total_count} (expected ${accepted}), unique_users = ${metrics.unique_users}`);
await app.close();
if (metrics.total_count !== accepted) process.exitCode = 1;
