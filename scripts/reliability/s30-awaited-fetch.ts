/**
 * S30: an awaited request holds the process. A plain child script awaits 10 fetches (100 with --full)
 * to one local host that answers each request 503 first (half with `Retry-After: 1`, half leaving the
 * fetcher's own backoff) and 200 after, while the fetcher's per-host token bucket spaces them out.
 * Pass: the child exits 0 only after every fetch settled, all of them 200 (lost = 0).
 *   npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s30-awaited-fetch.ts [--full]
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FULL, report, spawnChild } from './common.js';

const count = FULL ? 100 : 10;
const seen = new Map<string, number>();
let requests = 0;
const server = createServer((req, res) => {
  requests += 1;
  const i = new URL(req.url ?? '/', 'http://x').searchParams.get('i') ?? '';
  const n = (seen.get(i) ?? 0) + 1;
  seen.set(i, n);
  if (n > 1) {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`job ${i}`);
    return;
  }
  res.writeHead(503, Number(i) % 2 === 0 ? { 'retry-after': '1' } : {}).end('busy');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

const started = Date.now();
const { child, exited } = await spawnChild('./s30-child.ts', { S30_URL: `http://127.0.0.1:${port}/jobs`, S30_COUNT: String(count) });
let out = '';
child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
const code = await exited;
server.close();
const line = out.trim().split('\n').pop() ?? '{}';
const result = JSON.parse(line) as { settled?: number; ok?: number; failed?: number };
const settled = result.settled ?? 0;
const ok = result.ok ?? 0;
report(
  's30-awaited-fetch',
  {
    fetches: count,
    settled,
    ok,
    failed: result.failed ?? count - settled,
    lost: count - ok,
    requests,
    exitCode: code ?? 'signal',
    ms: Date.now() - started,
  },
  code === 0 && settled === count && ok === count,
);
