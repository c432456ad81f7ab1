/**
 * Starts the tracker and its HTTP server: `pnpm --filter @jobkit/example-application-tracker start`
 * (PORT, DATABASE_URL, PUBSUB_EMULATOR_HOST, CLICKHOUSE_URL are read from the environment).
 * Ctrl-C (SIGINT) or SIGTERM, also during start-up, stops the server, drains the tracker (relay,
 * consumers, engines) and exits 0; a repeated signal (pnpm and tsx relay the terminal's) does not
 * cut that short, and a shutdown stuck past 10 s exits 1.
 * @module
 */
import type { AddressInfo } from 'node:net';
import { createTrackerServer } from './http.js';
import { createTracker, type Tracker } from './tracker.js';

const SHUTDOWN_DEADLINE_MS = 10_000;
let tracker: Tracker | undefined;
let server: ReturnType<typeof createTrackerServer> | undefined;
let stopping = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: shutting down…`);
  // Still starting: the start-up path below closes what it started once createTracker returns.
  if (!tracker) return;
  const deadline = setTimeout(() => {
    console.error(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  try {
    if (server) {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      // Open SSE streams would hold close() forever.
      server.closeAllConnections();
      await closed;
    }
    await tracker?.close();
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.on('SIGINT', (s) => void shutdown(s));
process.on('SIGTERM', (s) => void shutdown(s));

tracker = await createTracker();
if (stopping) {
  // A signal arrived while the engines were starting: shut down what started.
  await tracker.close();
  process.exit(0);
}
server = createTrackerServer(tracker);
const port = Number(process.env.PORT ?? 3000);
server.listen(port, '127.0.0.1', () => {
  console.log(`application tracker on http://127.0.0.1:${(server!.address() as AddressInfo).port}`);
  console.log(`engines: ${JSON.stringify(tracker!.engines.describe)}`);
});
