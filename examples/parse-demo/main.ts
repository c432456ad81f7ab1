/**
 * Parse demo: runs `parseJobPage` over the pages in `pages/` (written for this project) and
 * prints title, company, location, workplace, salary, ATS and quality for each. Ctrl-C (SIGINT) or
 * SIGTERM stops after the page in hand, prints what was parsed and exits 0.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { JobPosting } from '@jobkit/core';
import { parseJobPage } from '@jobkit/parsers';

/** Where each shipped page "lives", so identity and ATS detection have a real URL to work with. */
export const DEMO_PAGES: Record<string, string> = {
  'acme-greenhouse.html': 'https://boards.greenhouse.io/acmerobotics/jobs/4012345?gh_src=demo',
  'nimbus-lever.html': 'https://jobs.lever.co/nimbusdata/7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6',
  'kraftwerk-microdata.html': 'https://kraftwerk-energie.example/karriere/werkstudent-softwareentwicklung',
  'lumiere-paris.html': 'https://lumiere-sante.example/carrieres/developpeur-full-stack',
  'sol-madrid.html': 'https://sol-logistica.example/empleo/analista-de-datos',
  'orbit-careers-listing.html': 'https://orbit-labs.example/careers',
};

const NOW = new Date('2026-11-25T12:00:00Z');

function salaryText(job: JobPosting): string {
  const s = job.salary;
  if (!s) return '';
  const fmt = (n: number | null) => (n === null ? '?' : n >= 10_000 ? `${Math.round(n / 1000)}k` : String(n));
  const range = s.min === s.max ? fmt(s.min) : `${fmt(s.min)}–${fmt(s.max)}`;
  return `${s.currency ?? ''} ${range}${s.period ? `/${s.period}` : ''}`.trim();
}

/** Parse every demo page (or those before `signal` aborts) into printable rows. */
export async function runDemo(signal?: AbortSignal): Promise<Array<Record<string, string>>> {
  const dir = fileURLToPath(new URL('./pages/', import.meta.url));
  const rows: Array<Record<string, string>> = [];
  for (const [file, url] of Object.entries(DEMO_PAGES)) {
    if (signal?.aborted) break;
    const html = await readFile(dir + file, 'utf8');
    const { job, ats, source, warnings } = parseJobPage(html, { url, now: NOW });
    rows.push({
      page: file,
      title: job?.title ?? `(no job: ${warnings[0] ?? 'not a job page'})`,
      company: job?.company.name ?? '',
      location: job?.locations.map((l) => [l.city, l.country].filter(Boolean).join(', ') || l.raw).join(' / ') ?? '',
      workplace: job?.workplaceType ?? '',
      salary: job ? salaryText(job) : '',
      ats: ats ? `${ats.platform}${ats.boardToken ? `:${ats.boardToken}` : ''}` : '',
      source: source ?? '',
      quality: job ? String(job.quality.score) : '',
    });
  }
  return rows;
}

function printTable(rows: Array<Record<string, string>>): void {
  const cols = ['title', 'company', 'location', 'workplace', 'salary', 'ats', 'source', 'quality'];
  const clip = (s: string) => (s.length > 34 ? `${s.slice(0, 33)}…` : s);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => clip(r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(cols));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(cols.map((c) => clip(r[c] ?? ''))));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const controller = new AbortController();
  // `on`, not `once`: pnpm and tsx relay the terminal's SIGINT, and a second one must not kill the run.
  const stop = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) console.log(`\n${signal}: stopping after the current page`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Parsing ${Object.keys(DEMO_PAGES).length} demo pages (Ctrl-C stops after the current one)`);
  printTable(await runDemo(controller.signal));
  process.exit(0);
}
