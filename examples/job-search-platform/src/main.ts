/**
 * One command for the whole demo: start the simulated internet, ingest it, serve the API and the
 * page, print the URL and keep serving. `--once` ingests, prints a summary table and exits (CI);
 * `--mutate` runs a second ingestion after the world changed, showing created/updated/removed;
 * `--refresh <s>` keeps changing the world and re-ingesting every `s` seconds while serving.
 * Engines come from env vars alone (see `.env.example`).
 *
 *   tsx --conditions=source src/main.ts [--once] [--mutate] [--refresh 60] [--seed 42] [--port 3000]
 * @module
 */
import { parseArgs } from 'node:util';
import { startPlatform, type Platform } from './platform.js';
import type { IngestReport } from './ingest.js';

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
  const platform: Platform = await startPlatform({ seed, port, host: values.host, serve: !values.once });
  const e = platform.engines.describe;
  console.log(`engines: store=${e.store} broker=${e.broker} search=${e.search} analytics=${e.analytics}`);
  console.log(`simulated internet: ${platform.sim.origin} (${platform.sim.world.companies.length} companies, seed ${seed})`);
  let exitCode = 0;
  try {
    const first = await platform.ingest();
    console.log(formatReport('run 1', first));
    if (values.mutate) {
      const diff = platform.mutate();
      console.log(`world changed: +${diff.added} added, ~${diff.edited} edited, -${diff.removed} removed (${diff.removedFromBoards} from boards)`);
      console.log(formatReport('run 2', await platform.ingest()));
    }
    if (first.summary.jobs.created + first.summary.jobs.unchanged === 0) exitCode = 1;
  } catch (error) {
    console.error(error);
    exitCode = 1;
  }
  if (values.once || exitCode !== 0) {
    await platform.close();
    process.exit(exitCode);
  }
  console.log(`\nJob search platform: ${platform.url}/  (API ${platform.url}/api/v1/search?q=engineer, metrics ${platform.url}/metrics)`);
  let busy = false;
  const timer =
    refresh > 0
      ? setInterval(() => {
          // Skip a tick rather than overlap two runs on a slow machine.
          if (busy) return;
          busy = true;
          const diff = platform.mutate();
          console.log(`world changed: +${diff.added} added, ~${diff.edited} edited, -${diff.removed} removed`);
          platform
            .ingest()
            .then((r) => console.log(formatReport('refresh', r)))
            .catch((e: unknown) => console.error(e))
            .finally(() => (busy = false));
        }, refresh * 1000)
      : null;
  const stop = () => {
    if (timer) clearInterval(timer);
    void platform.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
