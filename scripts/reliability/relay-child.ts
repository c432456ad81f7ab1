/**
 * Child process for S1: an outbox relay publishing to the table broker until it is killed.
 * env: DATABASE_URL, SCHEMA, BATCH, LEASE_MS, DRAIN=1 (exit once nothing is pending).
 */
import { createOutboxRelay } from '../../packages/adapters/src/postgres/index.js';
import { connect, sleep, tableBroker } from './common.js';

const schema = process.env.SCHEMA!;
const db = await connect(process.env.DATABASE_URL, 4);
await db.query('SELECT 1'); // warm the pool so the kill window covers real relay work
const relay = createOutboxRelay({
  client: db,
  broker: tableBroker(db, schema),
  schema,
  topic: 'reliability',
  batchSize: Number(process.env.BATCH ?? 50),
  leaseMs: Number(process.env.LEASE_MS ?? 2000),
  pollIntervalMs: 20,
  backoff: { baseMs: 10, maxMs: 200 },
});
process.on('SIGTERM', () => {
  void relay
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
relay.start();
console.log('ready');
if (process.env.DRAIN === '1') {
  for (;;) {
    await sleep(100);
    const m = await relay.metrics();
    if (m.pendingCount === 0) break;
  }
  await relay.stop();
  await db.close();
  process.exit(0);
}
