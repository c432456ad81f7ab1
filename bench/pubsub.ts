/**
 * Broker throughput bench: publish and end-to-end (publish → handler → ack) msgs/s for the Pub/Sub
 * adapter on the emulator with and without publisher batching, the raw `@google-cloud/pubsub` client
 * as the same-run baseline, and the in-memory broker for comparison.
 *
 *   PUBSUB_EMULATOR_HOST=127.0.0.1:8085 npx -y pnpm@10 exec tsx --conditions=@jobkit/source bench/pubsub.ts
 *   env: BENCH_MESSAGES (default 20000), BENCH_ROUNDS (default 3; the median is printed)
 * @module
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Message } from '@google-cloud/pubsub';
import { createPubSubBroker } from '../packages/adapters/src/pubsub/index.js';
import type { Broker } from '../packages/core/src/index.js';
import { createMemoryBroker, encodeJson } from '../packages/core/src/index.js';

// The vendor SDK is a dependency of the adapters package, not of the workspace root.
const requireFromAdapters = createRequire(new URL('../packages/adapters/package.json', import.meta.url));
const { PubSub } = (await import(
  pathToFileURL(requireFromAdapters.resolve('@google-cloud/pubsub')).href
)) as typeof import('@google-cloud/pubsub');

const N = Number(process.env.BENCH_MESSAGES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHUNK = 1_000;
const projectId = process.env.PUBSUB_PROJECT_ID ?? 'jobkit-bench';
const run = Date.now().toString(36);
let seq = 0;

interface Figures {
  publish: number;
  endToEnd: number;
  duplicates: number;
}

const payload = (i: number) => encodeJson({ i, type: 'job.created', body: 'x'.repeat(200) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function benchBroker(make: () => Broker, ordered = true): Promise<Figures> {
  const broker = make();
  const topic = `bench-${run}-${seq++}`;
  const seen = new Set<string>();
  let duplicates = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const sub = await broker.subscribe(
    topic,
    `${topic}-sub`,
    async (m) => {
      if (seen.has(m.id)) duplicates++;
      seen.add(m.id);
      if (seen.size === N) resolveDone();
    },
    { maxInFlight: 1_000, ordered },
  );
  const messages = Array.from({ length: N }, (_, i) => ({ data: payload(i) }));
  const t0 = performance.now();
  const sends: Promise<string[]>[] = [];
  for (let i = 0; i < N; i += CHUNK) sends.push(broker.publish(topic, messages.slice(i, i + CHUNK)));
  await Promise.all(sends);
  const published = performance.now();
  await done;
  const consumed = performance.now();
  await sub.close();
  await broker.close();
  return { publish: N / ((published - t0) / 1000), endToEnd: N / ((consumed - t0) / 1000), duplicates };
}

/** The vendor client with no adapter in between: the floor the adapter is judged against. */
async function benchRaw(maxMessages: number, enableMessageOrdering = false): Promise<Figures> {
  const client = new PubSub({ projectId });
  const name = `bench-raw-${run}-${seq++}`;
  const [topic] = await client.createTopic(name);
  const [subscription] = await topic.createSubscription(`${name}-sub`, { enableMessageOrdering });
  const publisher = client.topic(name, { batching: { maxMessages, maxMilliseconds: 10 } });
  const seen = new Set<string>();
  let duplicates = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const sub = client.subscription(subscription.name, { flowControl: { maxMessages: 1_000, allowExcessMessages: false } });
  sub.on('message', (m: Message) => {
    if (seen.has(m.id)) duplicates++;
    seen.add(m.id);
    m.ack();
    if (seen.size === N) resolveDone();
  });
  sub.on('error', () => undefined);
  const messages = Array.from({ length: N }, (_, i) => Buffer.from(payload(i)));
  const t0 = performance.now();
  await Promise.all(messages.map((data) => publisher.publishMessage({ data })));
  const published = performance.now();
  await done;
  const consumed = performance.now();
  await sub.close();
  await client.close();
  return { publish: N / ((published - t0) / 1000), endToEnd: N / ((consumed - t0) / 1000), duplicates };
}

async function measure(label: string, once: () => Promise<Figures>): Promise<Figures> {
  const rounds: Figures[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await once());
  const f = {
    publish: median(rounds.map((x) => x.publish)),
    endToEnd: median(rounds.map((x) => x.endToEnd)),
    duplicates: rounds.reduce((a, x) => a + x.duplicates, 0),
  };
  console.log(
    `${label.padEnd(44)} publish ${Math.round(f.publish).toLocaleString('en').padStart(9)} msgs/s   end-to-end ${Math.round(f.endToEnd).toLocaleString('en').padStart(9)} msgs/s   duplicates ${f.duplicates}`,
  );
  return f;
}

console.log(`broker bench: ${N.toLocaleString('en')} messages × ${ROUNDS} rounds (median), ~230-byte JSON payloads\n`);
const memory = await measure('memory broker', () => benchBroker(() => createMemoryBroker()));

if (!process.env.PUBSUB_EMULATOR_HOST) {
  console.log('\nPUBSUB_EMULATOR_HOST not set: skipping the Pub/Sub emulator figures.');
} else {
  const client = () => new PubSub({ projectId });
  const rawBatched = await measure('raw @google-cloud/pubsub, maxMessages 1000', () => benchRaw(1_000));
  const rawOrdered = await measure('raw client, maxMessages 1000, ordered sub', () => benchRaw(1_000, true));
  const batched = await measure('adapter, batching maxMessages 1000', () =>
    benchBroker(() => createPubSubBroker({ client: client(), publishBatching: { maxMessages: 1_000 } })),
  );
  const unorderedSub = await measure('adapter, maxMessages 1000, unordered sub', () =>
    benchBroker(() => createPubSubBroker({ client: client(), publishBatching: { maxMessages: 1_000 } }), false),
  );
  const defaultBatch = await measure('adapter, batching maxMessages 100 (lib default)', () =>
    benchBroker(() => createPubSubBroker({ client: client(), publishBatching: { maxMessages: 100 } })),
  );
  const unbatched = await measure('adapter, no batching (maxMessages 1)', () =>
    benchBroker(() => createPubSubBroker({ client: client(), publishBatching: { maxMessages: 1, maxMilliseconds: 0 } })),
  );
  const r = (a: number, b: number) => (a / b).toFixed(2);
  console.log(`\nratios (publish / end-to-end):`);
  console.log(
    `  adapter ÷ raw, both ordered subs:       ${r(batched.publish, rawOrdered.publish)} / ${r(batched.endToEnd, rawOrdered.endToEnd)}`,
  );
  console.log(
    `  adapter ÷ raw, both unordered subs:     ${r(unorderedSub.publish, rawBatched.publish)} / ${r(unorderedSub.endToEnd, rawBatched.endToEnd)}`,
  );
  console.log(
    `  batched ÷ unbatched:                    ${r(batched.publish, unbatched.publish)} / ${r(batched.endToEnd, unbatched.endToEnd)}`,
  );
  console.log(
    `  unordered ÷ ordered subscription:       ${r(unorderedSub.publish, batched.publish)} / ${r(unorderedSub.endToEnd, batched.endToEnd)}`,
  );
  console.log(
    `  maxMessages 1000 ÷ 100:                 ${r(batched.publish, defaultBatch.publish)} / ${r(batched.endToEnd, defaultBatch.endToEnd)}`,
  );
  console.log(`  memory ÷ adapter batched:               ${r(memory.publish, batched.publish)} / ${r(memory.endToEnd, batched.endToEnd)}`);
  console.log(`  (baselines.md floors here: publish 39k default – 74k maxMessages 1000, end-to-end ~8k msgs/s)`);
}
