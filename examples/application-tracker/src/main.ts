/**
 * Starts the tracker and its HTTP server: `pnpm --filter @jobkit/example-application-tracker start`
 * (PORT, DATABASE_URL, PUBSUB_EMULATOR_HOST, CLICKHOUSE_URL are read from the environment).
 * @module
 */
import { createTracker } from './tracker.js';
import { createTrackerServer } from './http.js';

const tracker = await createTracker();
const server = createTrackerServer(tracker);
const port = Number(process.env.PORT ?? 3000);
server.listen(port, '127.0.0.1', () => {
  console.log(`application tracker on http://127.0.0.1:${port}`);
  console.log(`engines: ${JSON.stringify(tracker.engines.describe)}`);
});
const shutdown = async () => {
  server.close();
  await tracker.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
