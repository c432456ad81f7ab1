/**
 * Process wrapper of the `jobkit` bin: wires stdio, turns SIGINT/SIGTERM into an abort (a second
 * signal exits at once) and sets the exit code without cutting piped output short.
 * @module
 */
import { main } from './main.js';

/**
 * Signals this close together are one Ctrl-C: pnpm and tsx relay the terminal's SIGINT to a
 * process that already received it, and that echo must not count as "press again to quit now".
 */
const ECHO_MS = 500;

const controller = new AbortController();
let signalledAt: number | undefined;
const onSignal = (sig: NodeJS.Signals) => {
  const now = performance.now();
  if (signalledAt !== undefined) {
    if (now - signalledAt < ECHO_MS) return;
    process.exit(130);
  }
  signalledAt = now;
  process.stderr.write(`\n${sig}: stopping after the tasks in flight (press again to quit now)\n`);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await main(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env },
  controller.signal,
);
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
