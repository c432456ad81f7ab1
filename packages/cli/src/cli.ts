/**
 * Process wrapper of the `jobkit` bin: wires stdio, turns SIGINT/SIGTERM into an abort (a second
 * signal exits at once) and sets the exit code without cutting piped output short.
 * @module
 */
import { main } from './main.js';

const controller = new AbortController();
let signalled = false;
const onSignal = (sig: NodeJS.Signals) => {
  if (signalled) process.exit(130);
  signalled = true;
  process.stderr.write(`\n${sig}: stopping after the tasks in flight (press again to quit now)\n`);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }, controller.signal);
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
