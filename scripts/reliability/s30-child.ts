/**
 * S30 child: a plain script (no server, no timers of its own) that awaits COUNT fetches to one
 * rate-limited URL through the guarded fetcher. On exit it prints how many settled, so a process
 * that exits while callers still await (unref'd waits) shows up as settled < count.
 * @module
 */
import { createHttpFetcher } from '../../packages/adapters/src/http/index.js';

const url = process.env.S30_URL ?? '';
const count = Number(process.env.S30_COUNT ?? 10);
let settled = 0;
let ok = 0;
let failed = 0;
process.on('exit', (code) => {
  process.stdout.write(`${JSON.stringify({ settled, ok, failed, count, code })}\n`);
});

const fetcher = createHttpFetcher({
  allowPrivateNetworks: ['127.0.0.1/32'],
  robots: false,
  hostRequestsPerSecond: 5,
  hostBurst: 1,
  retries: 3,
  retryMinDelayMs: 200,
  retryMaxDelayMs: 1_000,
});
const results = await Promise.allSettled(
  Array.from({ length: count }, (_, i) => fetcher.fetch(`${url}?i=${i}`).finally(() => (settled += 1))),
);
for (const r of results) {
  if (r.status === 'fulfilled' && r.value.status === 200) ok += 1;
  else failed += 1;
}
await fetcher.close();
