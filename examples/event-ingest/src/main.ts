/**
 * Starts the ingest API: `pnpm --filter @jobkit/example-event-ingest start` (PORT,
 * PUBSUB_EMULATOR_HOST, CLICKHOUSE_URL from the environment).
 * @module
 */
import { createIngestApp } from './app.js';

const app = await createIngestApp();
const port = Number(process.env.PORT ?? 3001);
app.server.listen(port, '127.0.0.1', () => {
  console.log(`event ingest on http://127.0.0.1:${port} (POST /events, GET /metrics)`);
  console.log(`engines: ${JSON.stringify(app.describe)}`);
});
const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
