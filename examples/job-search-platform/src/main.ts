/**
 * One command for the whole demo: start the simulated internet, ingest it, serve the API and the
 * page, print the URL and keep serving. `--once` ingests, prints a summary table and exits (CI);
 * `--mutate` runs a second ingestion after the world changed, showing created/updated/removed;
 * `--refresh <s>` keeps changing the world and re-ingesting every `s` seconds while serving.
 * Engines come from env vars alone (see `.env.example`). Ctrl-C (SIGINT) or SIGTERM at any point,
 * start-up and ingestion included, closes the server, engines, fetcher and simulated internet and
 * exits 0; repeated signals (pnpm and tsx relay the terminal's) do not cut that short, and a
 * shutdown stuck past 10 s exits 1.
 *
 *   tsx --conditions=@jobkit/source src/main.ts [--once] [--mutate] [--refresh 60] [--seed 42] [--port 3000]
 * @module
 */
import { parseArgs } from 'node:util';
import type { IngestReport } from './ingest.js';
import { type Platform, startPlatform } from './platform.js';

const SHUTDOWN_DEADLINE_MS = 10_000;
const OUTCOMES = ['created', 'updated', 'unchanged', 'rejected', 'removed'] as const;

/** The summary table printed after each run. */
export function formatReport(title: string, report: IngestReport): string {
  const rows = Object.entries(report.bySource).sort(([a], [b]) => a.localeCompare(b));
  const header = ['source', ...OUTCOMES];
  const body = rows.map(([k, c]) => [k, ...OUTCOMES.map((o) => String(c[o]))]);
  body.push(['total', ...OUTCOMES.map((o) => String(report.summary.jobs[o]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const s = report.summary;
  const boards = report.discovered.filter((d) => d.source && typeof d.source === 'object').length;
  return [
    `${title}: ${report.discovered.length} companies, ${boards} ATS boards + ${report.discovered.length - boards} careers pages, ${s.pages} pages, ${s.errors} errors, ${s.durationMs} ms`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      once: { type: 'boolean', default: false },
      mutate: { type: 'boolean', default: false },
      refresh: { type: 'string', default: '0' },
      seed: { type: 'string', default: '42' },
      port: { type: 'string', default: process.env.PORT ?? '3000' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    },
  });
  const seed = Number(values.seed);
  const port = Number(values.port);
  const refresh = Number(values.refresh);
  if (!Number.isInteger(seed) || !Number.isInteger(port) || port < 0 || port > 65535 || !(refresh === 0 || refresh >= 5)) {
    console.error('usage: main.ts [--once] [--mutate] [--refresh <seconds ≥ 5>] [--seed <int>] [--port <0-65535>]');
    process.exit(2);
  }
  let platform: Platform | undefined;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    if (timer) clearInterval(timer);
    // Still starting: the start-up path closes the platform once startPlatform returns.
    if (!platform) return;
    const deadline = setTimeout(() => {
      console.error(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const running = await startPlatform({ seed, port, host: values.host, serve: !values.once });
  platform = running;
  if (stopping) {
    await running.close();
    process.exit(0);
  }
  const e = running.engines.describe;
  console.log(`engines: store=${e.store} broker=${e.broker} search=${e.search} analytics=${e.analytics}`);
  console.log(`simulated internet: ${running.sim.origin} (${running.sim.world.companies.length} companies, seed ${seed})`);
  let exitCode = 0;
  try {
    const first = await running.ingest();
    console.log(formatReport('run 1', first));
    if (values.mutate) {
      const diff = running.mutate();
      console.log(
        `world changed: +${diff.added} added, ~${diff.edited} edited, -${diff.removed} removed (${diff.removedFromBoards} from boards)`,
      );
      console.log(formatReport('run 2', await running.ingest()));
    }
    if (first.summary.jobs.created + first.summary.jobs.unchanged === 0) exitCode = 1;
  } catch (error) {
    // Ingestion cut short by Ctrl-C closing the engines is not a failure to report.
    if (stopping) return;
    console.error(error);
    exitCode = 1;
  }
  if (stopping) return;
  if (values.once || exitCode !== 0) {
    await running.close();
    process.exit(exitCode);
  }
  console.log(`\nJob search platform: ${running.url}/  (API ${running.url}/api/v1/search?q=engineer, metrics ${running.url}/metrics)`);
  let busy = false;
  timer =
    refresh > 0
      ? setInterval(() => {
          // Skip a tick rather than overlap two runs on a slow machine.
          if (busy) return;
          busy = true;
          const diff = running.mutate();
          console.log(`world changed: +${diff.added} added, ~${diff.edited} edited, -${diff.removed} removed`);
          running
            .ingest()
            .then((r) => console.log(formatReport('refresh', r)))
            .catch((e: unknown) => {
              if (!stopping) console.error(e);
            })
            .finally(() => (busy = false));
        }, refresh * 1000)
      : null;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
