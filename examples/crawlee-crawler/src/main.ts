/**
 * One command: start the platform demo's simulated internet, crawl its careers pages with a
 * Crawlee `CheerioCrawler` (Jobkit parsing from each handler's `$`), store postings in PGlite with
 * a transactional outbox, relay the outbox to an in-memory broker and count the job events.
 *
 * Run: npx -y pnpm@10 --filter @jobkit/example-crawlee-crawler start [-- --companies 20]
 * @module
 */
import { parseArgs } from 'node:util';
import { connectPostgres, createOutboxRelay, createPostgresJobStore } from '@jobkit/adapters/postgres';
import { createMemoryBroker } from '@jobkit/core';
import { startSimInternet } from '../../job-search-platform/src/sim/server.js';
import { type CrawlSummary, crawlJobs } from './crawl.js';

const TOPIC = 'crawlee-job-events';

export interface RunResult {
  summary: CrawlSummary;
  /** Job events delivered through the outbox, by type (`job.created`…). */
  events: Map<string, number>;
  /** Stored postings' URLs. */
  stored: string[];
  /** The simulated world the crawl ran on. */
  world: Awaited<ReturnType<typeof startSimInternet>>['world'];
}

/** Crawl a simulated internet of `companies` companies end to end; everything closes before it resolves. */
export async function run(options: { companies?: number; seed?: number; log?: (line: string) => void } = {}): Promise<RunResult> {
  const sim = await startSimInternet({ seed: options.seed ?? 42, companies: options.companies ?? 20 });
  const db = await connectPostgres('memory://');
  const store = createPostgresJobStore({ client: db, schema: 'crawlee_demo', outbox: true });
  const broker = createMemoryBroker();
  const relay = createOutboxRelay({ client: db, broker, topic: TOPIC, schema: 'crawlee_demo', pollIntervalMs: 100 });
  const events = new Map<string, number>();
  try {
    const sub = await broker.subscribe(TOPIC, 'counter', async (m) => {
      const type = m.attributes.type ?? (JSON.parse(new TextDecoder().decode(m.data)) as { type?: string }).type ?? 'unknown';
      events.set(type, (events.get(type) ?? 0) + 1);
    });
    const summary = await crawlJobs({
      startUrls: sim.world.companies.map((c) => `https://${c.domain}/careers`),
      store,
      origin: sim.origin,
      now: new Date(`${sim.world.today}T12:00:00Z`),
      ...(options.log ? { log: options.log } : {}),
    });
    // Publish every outbox row, then let the broker deliver them.
    while ((await relay.runOnce()) > 0);
    await broker.idle();
    const stored: string[] = [];
    for (let after: string | null = null, first = true; first || after; first = false) {
      const page = await store.listJobs({ limit: 500, after });
      stored.push(...page.items.map((i) => i.job.url));
      after = page.next;
    }
    await sub.close();
    return { summary, events, stored, world: sim.world };
  } finally {
    await relay.stop();
    await broker.close();
    await store.close();
    await db.close();
    await sim.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // pnpm passes the `--` of `start -- --companies 64` through.
  const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  const { values } = parseArgs({ args, options: { companies: { type: 'string' }, seed: { type: 'string' } } });
  const started = Date.now();
  const r = await run({ companies: Number(values.companies ?? 20), seed: Number(values.seed ?? 42), log: (l) => console.log(l) });
  const s = r.summary;
  console.log(
    `\n${s.pages} pages crawled by Crawlee (${s.listings} careers/board pages, ${s.boards} ATS boards followed) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `stored: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged; ${s.lowQuality.size} under the quality bar; ${s.notJobs.size} not postings; ${s.failed} failed`,
  );
  console.log(`job events through the outbox: ${[...r.events].map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}`);
}
