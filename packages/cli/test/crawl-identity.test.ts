/**
 * The `jobkit` bin against a local site where the same postings live at several URLs: a slug and a
 * bare id tied by rel=canonical, two careers pages of one Greenhouse job (`?gh_jid=` + the embed),
 * and a template that points every page's canonical at the listing (which must not merge them).
 * Also: `jobkit parse` on a URL that answers 503 once waits for the retry instead of exiting early.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobReader } from '@jobkit/core';
import { jobReader } from '@jobkit/parsers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atsJobUrl, createDedupingReader, sameSiteCanonical } from '../src/identity.js';
import { jobPage } from './site.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function jobkit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=@jobkit/source', CLI, ...args],
      { env: { ...process.env, JOBKIT_STORE: '', FORCE_COLOR: '0' }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const withHead = (page: string, head: string) => page.replace('</head>', `${head}</head>`);
const BACKEND = { title: 'Backend Engineer (Payments)', remote: false, city: 'Berlin', country: 'DE' };
const DESIGNER = { title: 'Senior Product Designer', remote: true, city: 'Lisbon', country: 'PT' };
const ANALYST = { title: 'Data Analyst', remote: false, city: 'Porto', country: 'PT' };
const GREENHOUSE_EMBED = '<script src="https://boards.greenhouse.io/embed/job_board/js?for=quokkafreight"></script>';

let origin = '';
let flaky = 0;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const html = (body: string, status = 200) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  switch (url.pathname) {
    case '/robots.txt':
      return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    // One posting, two paths; both pages name /roles/42 as canonical.
    case '/roles/42':
    case '/roles/42/backend-engineer-payments':
      return html(withHead(jobPage(origin, 'roles/42', BACKEND), '<link rel="canonical" href="/roles/42">'));
    // One Greenhouse job embedded on two pages of the careers site.
    case '/careers/design':
    case '/team/design-lead':
      return html(withHead(jobPage(origin, 'design', DESIGNER), GREENHOUSE_EMBED));
    // Broken template: every posting's canonical is the listing page. Two different jobs.
    case '/openings/analyst':
      return html(withHead(jobPage(origin, 'openings/analyst', ANALYST), '<link rel="canonical" href="/openings">'));
    case '/openings/backend':
      return html(withHead(jobPage(origin, 'openings/backend', BACKEND), '<link rel="canonical" href="/openings">'));
    case '/flaky':
      flaky += 1;
      return flaky === 1 ? html('busy', 503) : html(jobPage(origin, 'flaky', ANALYST));
    default:
      return html('<h1>Not found</h1>', 404);
  }
});

let dir = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'jobkit-identity-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('jobkit crawl: one posting, one row', () => {
  it('stores a job reached at two URLs once (rel=canonical, ATS job id), but never merges by a listing canonical', async () => {
    const store = join(dir, 'pg');
    const urls = [
      '/roles/42',
      '/roles/42/backend-engineer-payments',
      '/careers/design?gh_jid=4012345',
      '/team/design-lead?gh_jid=4012345',
      '/openings/analyst',
      '/openings/backend',
    ].map((p) => origin + p);
    const r = await jobkit(['crawl', ...urls, '--store', store, '--allow-private', '--json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([]);
    // Six pages, four postings (pages of one posting may both report "created" when they are
    // processed concurrently; the store holds one row).
    expect(out.store.stats.active).toBe(4);

    const listed = await jobkit(['search', '*', '--store', store, '--json']);
    const hits = JSON.parse(listed.stdout).hits as { job: { url: string } }[];
    const byUrl = hits.map((h) => h.job.url).sort();
    expect(byUrl).toEqual(
      [
        `${origin}/roles/42`,
        'https://boards.greenhouse.io/quokkafreight/jobs/4012345',
        `${origin}/openings/analyst`,
        `${origin}/openings/backend`,
      ].sort(),
    );

    // Crawling the other spellings again finds the stored rows unchanged.
    const again = await jobkit([
      'crawl',
      `${origin}/roles/42/backend-engineer-payments?utm_source=mail`,
      `${origin}/team/design-lead?gh_jid=4012345`,
      '--store',
      store,
      '--allow-private',
      '--json',
    ]);
    const second = JSON.parse(again.stdout);
    expect(second.summary.jobs).toMatchObject({ created: 0, unchanged: 2 });
    expect(second.store.stats.active).toBe(4);
  });

  it('builds ATS job URLs only when the platform reads the same board and id back', () => {
    expect(atsJobUrl('greenhouse', 'acme', '123')).toBe('https://boards.greenhouse.io/acme/jobs/123');
    expect(atsJobUrl('lever', 'nimbus', '7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6')).toBe(
      'https://jobs.lever.co/nimbus/7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6',
    );
    expect(atsJobUrl('workday', 'acme', '123')).toBeUndefined();
    expect(atsJobUrl('greenhouse', '../evil', '123')).toBeUndefined();
    const page = (href: string) => `<html><head><link rel="canonical" href="${href}"></head><body></body></html>`;
    expect(sameSiteCanonical(page('/jobs/1'), 'https://www.acme.example/jobs/1/slug')).toBe('https://www.acme.example/jobs/1');
    expect(sameSiteCanonical(page('https://acme.example/jobs/1'), 'https://www.acme.example/x/1')).toBe('https://acme.example/jobs/1');
    expect(sameSiteCanonical(page('https://other.example/jobs/1'), 'https://acme.example/jobs/1')).toBeUndefined();
    expect(sameSiteCanonical(page('/jobs'), 'https://acme.example/jobs/1')).toBeUndefined();
    expect(sameSiteCanonical(page('/'), 'https://acme.example/jobs/1')).toBeUndefined();
    expect(sameSiteCanonical(page('/careers'), 'https://acme.example/openings/analyst')).toBeUndefined();
    expect(sameSiteCanonical(page('/careers/analyst'), 'https://acme.example/en/careers/analyst')).toBe(
      'https://acme.example/careers/analyst',
    );
  });
});

describe('deduping reader: board rows and pages meet on one id', () => {
  it('keys a board API row with a careers-site URL and the crawled page of that job to the same posting', async () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const pageUrl = 'https://quokka-freight.example/careers/backend?gh_jid=4012345';
    const html = jobPage('https://quokka-freight.example', 'careers/backend', BACKEND).replace('</head>', `${GREENHOUSE_EMBED}</head>`);
    // A board API row: the same posting as the real parser reads it, under the careers-site URL the API gives.
    const parsed = jobReader.parseJobPage(html, { url: pageUrl, now }).job!;
    const row = { ...parsed, ats: { platform: 'greenhouse', boardToken: 'quokkafreight', jobId: '4012345' } };
    // The board client is the real one's contract: rows already finalized, as listBoardJobs returns them.
    const reader = createDedupingReader({
      ...jobReader,
      listBoardJobs: async () => ({ jobs: [row], advertisedTotal: 1, partial: false, warnings: [] }),
    } as JobReader);
    const board = await reader.listBoardJobs({ platform: 'greenhouse', boardToken: 'quokkafreight' }, { fetcher: undefined as never, now });
    const keyed = board.jobs[0]!;
    expect(keyed.url).toBe('https://boards.greenhouse.io/quokkafreight/jobs/4012345');
    expect(keyed.id).not.toBe(row.id);
    expect(keyed).toMatchObject({ title: row.title, company: row.company, description: row.description, ats: row.ats });
    expect(row.url.startsWith('https://quokka-freight.example/careers/backend')).toBe(true);

    const page = reader.parseJobPage(html, { url: pageUrl, now });
    expect(page.job?.id).toBe(keyed.id);
  });
});

describe('jobkit parse on a flaky URL', () => {
  it('waits for the retry after a 503 and prints the posting (the process does not exit early)', async () => {
    const r = await jobkit(['parse', `${origin}/flaky`, '--allow-private']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Data Analyst\n/);
    expect(flaky).toBe(2);
  });
});
