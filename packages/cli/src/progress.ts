/**
 * Crawl progress on stderr: a cli-progress bar when stderr is a terminal, nothing otherwise
 * (logs and pipes get the final summary only).
 * @module
 */
import cliProgress from 'cli-progress';
import type { CliIo } from './command.js';

export interface Progress {
  update(done: number, total: number, counts: { stored: number; errors: number }): void;
  stop(): void;
}

const NOOP: Progress = { update: () => undefined, stop: () => undefined };

/** A bar on TTY stderr, unless `--json` asked for quiet machine output. */
export function createProgress(io: CliIo, enabled: boolean): Progress {
  if (!enabled || !io.stderr.isTTY) return NOOP;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WriteStream,
      format: 'crawl [{bar}] {value}/{total} tasks | {stored} stored | {errors} errors | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, counts) {
      if (!started) {
        bar.start(total, done, counts);
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(done, counts);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
