/**
 * Bench: overhead of the guarded HTTP fetcher (`@jobkit/adapters/http`) over bare undici `fetch`
 * against a local 80 KB page, plain and gzip, at concurrency 1/16/64. The baseline is measured in
 * the same run; read the ratio, not the absolute numbers (shared VM).
 * Run: npx -y pnpm@10 exec tsx --conditions=@jobkit/source bench/http-fetch.ts
 * @module
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createHttpFetcher } from '../packages/adapters/src/http/index.js';

// The root has no dependency on undici; borrow the adapters package's copy (the one the fetcher uses).
interface UndiciLike {
  Agent: new (options: { connections: number }) => { close(): Promise<void> };
  fetch: (url: string, init: { dispatcher: unknown; headers: Record<string, string> }) => Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>;
}
const undici = createRequire(new URL('../packages/adapters/package.json', import.meta.url))('undici') as UndiciLike;
const { Agent, fetch: undiciFetch } = undici;

const ROUND_MS = Number(process.env.ROUND_MS ?? 1000);
const page = Buffer.from(
  `<!doctype html><html><head><meta charset="utf-8"><title>Job</title></head><body>${'<p>Senior engineer, Zürich — build pipelines. '.repeat(1750)}</p></body></html>`,
);
const gz = gzipSync(page);

const server = createServer((req, res) => {
  if (req.url === '/gzip') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gz);
  else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function rate(concurrency: number, once: () => Promise<number>): Promise<number> {
  const deadline = performance.now() + ROUND_MS;
  let done = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const n = await once(); // not `bytes += await …`: that reads `bytes` before the await and loses updates
        bytes += n;
        done += 1;
      }
    }),
  );
  if (bytes < done * page.byteLength) throw new Error('short body');
  return done / (ROUND_MS / 1000);
}

console.log(`page ${page.byteLength} B (gzip ${gz.byteLength} B), median of alternating ${ROUND_MS} ms rounds`);
console.log('variant | conc | undici req/s | guarded req/s | ratio');
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const path of ['/plain', '/gzip']) {
  for (const concurrency of [1, 16, 64]) {
    const agent = new Agent({ connections: concurrency });
    const fetcher = createHttpFetcher({
      allowPrivateNetworks: ['127.0.0.1/32'],
      robots: false,
      hostConcurrency: concurrency,
      hostRequestsPerSecond: Infinity,
    });
    const base: number[] = [];
    const guarded: number[] = [];
    // Alternate short rounds so load from other processes hits both variants alike; report medians.
    for (let round = 0; round < ROUNDS; round++) {
      base.push(
        await rate(concurrency, async () => {
          const res = await undiciFetch(`${origin}${path}`, { dispatcher: agent, headers: { 'accept-encoding': 'gzip' } });
          return (await res.arrayBuffer()).byteLength;
        }),
      );
      guarded.push(await rate(concurrency, async () => (await fetcher.fetch(`${origin}${path}`)).body.byteLength));
    }
    await agent.close();
    await fetcher.close();
    const b = median(base);
    const g = median(guarded);
    console.log(`${path.slice(1)} | ${concurrency} | ${b.toFixed(0)} | ${g.toFixed(0)} | ${(g / b).toFixed(2)}`);
  }
}
server.close();
