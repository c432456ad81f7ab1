/**
 * Generic heuristics on board pages no profile knows, in the shapes real captures have (pages
 * written for this test): a top card beside a sign-in modal full of hidden text, a place chip
 * made of a link and loose text ("<a>Perth WA</a> (Hybrid)"), an advertiser named only by a
 * `data-automation` hook, and `<title>` segments that are a country, a way of working or
 * "<what> Job in <Place>", never the employer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-08-10T00:00:00Z');
const page = (name: string) => readFileSync(join(__dirname, 'fixtures/heuristics-real', name), 'utf8');

describe('board pages without a site profile', () => {
  it('finds the top card beside a sign-in modal and reads its place chip', () => {
    const res = parseJobPage(page('board-signin-modal.html'), { url: 'https://www.pronet.example/jobs/view/4001002003', now: NOW });
    expect(res.source).toBe('heuristic');
    expect(res.job?.title).toBe('Grid Analyst');
    expect(res.job?.company?.name).toBe('Wharfedale Energy');
    expect(res.job?.locations[0]).toMatchObject({ city: 'Leeds', country: 'GB' });
    // "posted-time-ago" carries "time", a job-type icon hint; its text is an age.
    expect(res.job?.datePosted).toBe('2026-08-07');
  });

  it('reads the advertiser hook and a link-plus-text place chip; title segments are not the employer', () => {
    const res = parseJobPage(page('board-advertiser-au.html'), { url: 'https://au.jobads.example/job/77001234', now: NOW });
    expect(res.job?.title).toBe('Field Service Technician');
    expect(res.job?.company?.name).toBe('Quokka Lifts');
    expect(res.job?.locations[0]?.raw).toContain('Perth');
    expect(res.job?.workplaceType).toBe('hybrid');
  });

  it('never takes a country, a way of working or "… Job in <Place>" from the title as the employer', () => {
    // The same page without its advertiser hook: the title segments are all that is left.
    const html = page('board-advertiser-au.html').replace(/<span[^>]*data-automation="advertiser-name"[^>]*>[^<]*<\/span>/, '');
    const res = parseJobPage(html, { url: 'https://au.jobads.example/job/77001234', now: NOW });
    expect(res.job?.title).toBe('Field Service Technician');
    expect(res.job?.company?.name ?? '').not.toMatch(/australia|hybrid|job in/i);
  });

  it('keeps a posting with a sign-up modal a posting: legal links tracked as "apply-link" are no apply links, "company website" and "X hiring" are no employer', () => {
    const res = parseJobPage(page('board-signup-modal-legal.html'), { url: 'https://www.pronet.example/jobs/view/4002003004', now: NOW });
    expect(res.job?.title).toBe('Controls Engineer');
    expect(res.job?.company?.name).toBe('Brightwater Robotics');
    // The "Location:" line is a sentence; the top card names the place.
    expect(res.job?.locations[0]).toMatchObject({ city: 'Austin', country: 'US' });
    expect(res.job?.employmentType).toEqual(['full_time']);
  });

  it('reads "Camberwell VIC 3124" as an Australian town, so a bare "$" is AUD on a .com board', () => {
    const res = parseJobPage(page('board-au-town-state.html'), { url: 'https://www.workboard.example/viewjob?id=5512', now: NOW });
    expect(res.job?.locations[0]).toMatchObject({ city: 'Camberwell', country: 'AU' });
    expect(res.job?.salary).toMatchObject({ min: 130_000, max: 160_000, currency: 'AUD', period: 'year' });
  });
});
