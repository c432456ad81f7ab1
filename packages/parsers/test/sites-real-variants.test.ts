/**
 * Real-markup variants of the English-market boards that the synthetic reproductions missed,
 * each with a minimal page written for this test (never a bench page): SEEK's country hosts
 * (`au.seek.com`, `nz.seek.com`), LinkedIn guest pages whose "similar jobs" rail shows pay for
 * other postings, and company money ("$80 million in funding") in a description.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { salaryFrom } from '../src/heuristics/salary.js';
import { parseJobPage } from '../src/index.js';
import { sitesForHost } from '../src/sites/registry.js';

const NOW = new Date('2026-08-10T00:00:00Z');
const page = (name: string) => readFileSync(join(__dirname, 'fixtures/sites-real', name), 'utf8');

describe('SEEK country hosts', () => {
  it('owns au.seek.com and nz.seek.com as it owns seek.com.au', () => {
    expect(sitesForHost('au.seek.com').map((s) => s.id)).toEqual(['seek']);
    expect(sitesForHost('nz.seek.com').map((s) => s.id)).toEqual(['seek']);
    expect(sitesForHost('seek.com.example')).toEqual([]);
  });

  it('reads a posting on nz.seek.com with New Zealand dollars', () => {
    const res = parseJobPage(page('seek-country-host.html'), { url: 'https://nz.seek.com/job/70112233', now: NOW });
    expect(res.source).toBe('site');
    expect(res.job?.provenance.title).toBe('site:seek');
    expect(res.job?.title).toBe('Site Reliability Engineer');
    expect(res.job?.company?.name).toBe('Kōwhai Payments');
    expect(res.job?.locations[0]?.city).toMatch(/^Wellington/);
    expect(res.job?.workplaceType).toBe('hybrid');
    expect(res.job?.employmentType).toEqual(['full_time']);
    expect(res.job?.salary).toMatchObject({ min: 125_000, max: 140_000, currency: 'NZD', period: 'year' });
    expect(res.job?.applyUrl).toBe('https://nz.seek.com/job/70112233/apply');
  });
});

describe('pay that is not this posting’s', () => {
  it('skips a similar-jobs rail’s salary and company funding in the description', () => {
    const res = parseJobPage(page('linkedin-rail-funding.html'), {
      url: 'https://au.linkedin.com/jobs/view/staff-platform-engineer-at-tidewater-health-4400000000',
      now: NOW,
    });
    expect(res.job?.title).toBe('Staff Platform Engineer');
    expect(res.job?.company?.name).toBe('Tidewater Health');
    expect(res.job?.locations.map((l) => l.city)).toEqual(['Brisbane']);
    expect(res.job?.workplaceType).toBe('hybrid');
    expect(res.job?.salary ?? null).toBeNull();
  });

  it('reads magnitudes after an amount as company money unless a pay period follows', () => {
    expect(salaryFrom('Backed by nearly $100 million in funding, we are growing.')).toBeUndefined();
    expect(salaryFrom('We closed a €2 billion fund last year.')).toBeUndefined();
    expect(salaryFrom('Backed by $100 million in funding. Pay: $95,000 – $110,000 per year.')).toMatchObject({
      min: 95_000,
      max: 110_000,
      currency: 'USD',
      period: 'year',
    });
    expect(salaryFrom('Gaji IDR 12 million per month')).toMatchObject({ min: 12_000_000, currency: 'IDR', period: 'month' });
  });
});
