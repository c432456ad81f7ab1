/**
 * Child process for the "an awaited request holds the process" test: a plain script with nothing but
 * the fetcher keeping it alive. It awaits `count` fetches to one rate-limited URL (argv) and reports on
 * exit how many settled; an early exit (unref'd timers) shows as settled < count.
 * @module
 */
import { createHttpFetcher } from '@jobkit/adapters/http';

const [url = '', countArg = '10'] = process.argv.slice(2);
const count = Number(countArg);
let settled = 0;
let ok = 0;
process.on('exit', () => {
  process.stdout.write(`${JSON.stringify({ settled, ok, count })}\n`);
});

const fetcher = createHttpFetcher({
  allowPrivateNetworks: ['127.0.0.1/32'],
  robots: false,
  // One request every 25 ms and backoffs of 50-100 ms: both are waits a caller is awaiting.
  hostRequestsPerSecond: 40,
  hostBurst: 1,
  retries: 3,
  retryMinDelayMs: 50,
  retryMaxDelayMs: 100,
});
await Promise.all(
  Array.from({ length: count }, async (_, i) => {
    const res = await fetcher.fetch(`${url}?i=${i}`).finally(() => (settled += 1));
    if (res.status === 200) ok += 1;
  }),
);
await fetcher.close();
