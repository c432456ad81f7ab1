/**
 * Human-readable rendering of postings, ATS matches and crawl summaries. Only the CLI's own
 * wording lives here; `--json` output is the SDK's data as is.
 * @module
 */
import type { AtsMatch, JobPosting, Location, ParsedJobPage, Salary } from '@jobkit/core';

const PERIOD: Record<string, string> = { hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year' };

/** `USD 120,000–150,000 / year`, or the raw text when the range could not be read. */
function formatSalary(s: Salary | null): string {
  if (!s) return '—';
  const n = (v: number | null) => (v === null ? '?' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  if (s.min === null && s.max === null) return s.raw ?? '—';
  const range = s.min === s.max || s.max === null ? n(s.min) : s.min === null ? `up to ${n(s.max)}` : `${n(s.min)}–${n(s.max)}`;
  return [s.currency, range, s.period ? `/ ${PERIOD[s.period] ?? s.period}` : ''].filter(Boolean).join(' ');
}

function formatLocation(l: Location): string {
  const parts = [l.city, l.region, l.country].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(', ') : l.raw;
}

function formatLocations(job: JobPosting): string {
  return job.locations.length > 0 ? job.locations.map(formatLocation).join(' · ') : '—';
}

export function formatAts(ats: AtsMatch | null): string {
  if (!ats) return 'none detected';
  const ids = [ats.boardToken ? `board ${ats.boardToken}` : null, ats.jobId ? `job ${ats.jobId}` : null].filter(Boolean).join(', ');
  return `${ats.platform}${ids ? ` (${ids})` : ''}, confidence ${ats.confidence.toFixed(2)}`;
}

const dateOnly = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** The multi-line summary `jobkit parse` prints. */
export function formatParsedPage(page: ParsedJobPage, url: string): string {
  const lines: string[] = [];
  const field = (label: string, value: string) => lines.push(`  ${label.padEnd(12)} ${value}`);
  const job = page.job;
  if (!job) {
    lines.push(`No job posting found on ${url}`);
  } else {
    lines.push(job.title, '');
    field('Company', job.company.domain ? `${job.company.name} (${job.company.domain})` : job.company.name);
    field('Locations', formatLocations(job));
    field('Workplace', job.workplaceType ?? '—');
    field('Employment', job.employmentType.length > 0 ? job.employmentType.join(', ') : '—');
    field('Salary', formatSalary(job.salary));
    field('Posted', dateOnly(job.datePosted));
    field('Valid until', dateOnly(job.validThrough));
    if (job.department) field('Department', job.department);
    field('Apply', job.applyUrl ?? '—');
    field('URL', job.url);
    field('Source', page.source ?? job.source);
  }
  field('ATS', formatAts(page.ats));
  if (job) {
    lines.push('', `  Quality      ${job.quality.score}/100`);
    const width = Math.max(...job.quality.breakdown.map((r) => r.rule.length), 4);
    for (const r of job.quality.breakdown) {
      lines.push(`    ${r.rule.padEnd(width)}  ${`${r.points}/${r.max}`.padStart(5)}${r.note ? `  ${r.note}` : ''}`);
    }
  }
  if (page.warnings.length > 0) {
    lines.push('', '  Warnings');
    for (const w of page.warnings) lines.push(`    - ${w}`);
  }
  return lines.join('\n');
}

/** One search hit: title line, details line, URL line. */
export function formatHit(index: number, job: JobPosting): string {
  const details = [
    job.company.name,
    formatLocations(job),
    job.workplaceType,
    job.salary ? formatSalary(job.salary) : null,
    job.datePosted ? `posted ${dateOnly(job.datePosted)}` : null,
  ]
    .filter((p): p is string => Boolean(p) && p !== '—')
    .join(' · ');
  const n = `${index}.`.padEnd(4);
  return `${n}${job.title}\n    ${details}\n    ${job.url}`;
}
