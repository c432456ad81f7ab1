/**
 * Real-markup variants of the English-market boards that the synthetic reproductions missed,
 * each with a minimal page written for this test (never a bench page): SEEK's country hosts
 * (`au.seek.com`, `nz.seek.com`), LinkedIn guest pages whose "similar jobs" rail shows pay for
 * other postings, company money ("$80 million in funding") in a description, and the page state
 * boards embed in a script (`window._initialData`, `window.SEEK_REDUX_DATA`) when the markup only
 * carries hashed classes.
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

describe('page state assigned in a script', () => {
  it('reads Indeed’s window._initialData when the markup has only hashed classes', () => {
    const res = parseJobPage(page('indeed-initial-data.html'), { url: 'https://ca.indeed.com/viewjob?jk=0a1b2c3d4e5f6a7b', now: NOW });
    expect(res.source).toBe('site');
    expect(res.job?.provenance.title).toBe('site:indeed');
    expect(res.job?.title).toBe('Night Shift Pharmacist');
    expect(res.job?.company?.name).toBe('Maplecrest Pharmacy Group');
    expect(res.job?.locations[0]).toMatchObject({ city: 'Hamilton' });
    expect(res.job?.employmentType).toEqual(['part_time']);
    expect(res.job?.salary).toMatchObject({ min: 62, max: 68, currency: 'CAD', period: 'hour' });
    expect(res.job?.description.text).toContain('night premium');
  });

  it('reads SEEK’s window.SEEK_REDUX_DATA on a page that has not rendered', () => {
    const res = parseJobPage(page('seek-redux.html'), { url: 'https://www.seek.com.au/job/81112222', now: NOW });
    expect(res.source).toBe('site');
    expect(res.job?.title).toBe('Senior Data Engineer');
    expect(res.job?.company?.name).toBe('Banksia Analytics');
    expect(res.job?.locations[0]).toMatchObject({ city: 'Brisbane' });
    expect(res.job?.workplaceType).toBe('hybrid');
    expect(res.job?.employmentType).toEqual(expect.arrayContaining(['contract']));
    expect(res.job?.salary).toMatchObject({ min: 900, max: 1050, currency: 'AUD', period: 'day' });
    expect(res.job?.datePosted).toBe('2026-08-07');
  });

  it('ignores a name that is compared, not assigned, and JSON that is cut short', () => {
    const html = (script: string) =>
      `<html><head><title>Cook - Acme Diner - Reno, NV - Indeed.com</title></head><body><h1 class="jobsearch-JobInfoHeader-title">Line Cook</h1><div data-testid="inlineHeader-companyName">Acme Diner</div><div id="jobDescriptionText"><p>Prep and cook on the line for our breakfast service, weekends included.</p></div><script>${script}</script></body></html>`;
    for (const script of [
      'if (window._initialData == null) {}',
      'window._initialData={"jobInfoWrapperModel":{"jobInfoModel":{"jobInfoHeaderModel":{"jobTitle":"Broken',
    ]) {
      const res = parseJobPage(html(script), { url: 'https://www.indeed.com/viewjob?jk=1234567890abcdef', now: NOW });
      expect(res.job?.title).toBe('Line Cook');
      expect(res.job?.company?.name).toBe('Acme Diner');
    }
  });
});

describe('LinkedIn pages saved while signed in (unified top card)', () => {
  it('reads the 2024 top card: description line, preference pills, #job-details', () => {
    const res = parseJobPage(page('linkedin-unified-2024.html'), { url: 'https://www.linkedin.com/jobs/view/3999000111/', now: NOW });
    expect(res.job?.provenance.title).toBe('site:linkedin');
    expect(res.job?.title).toBe('Data Platform Engineer');
    expect(res.job?.company?.name).toBe('Pemberton Freight');
    expect(res.job?.locations.map((l) => l.city)).toEqual(['Leeds']);
    expect(res.job?.workplaceType).toBe('hybrid');
    expect(res.job?.employmentType).toEqual(['full_time']);
    expect(res.job?.salary).toMatchObject({ min: 55_000, max: 65_000, currency: 'GBP', period: 'year' });
    expect(res.job?.description.text).toContain('Kafka');
  });

  it('reads the 2022 top card: company, bullet place, workplace type and job insight', () => {
    const res = parseJobPage(page('linkedin-unified-2022.html'), { url: 'https://www.linkedin.com/jobs/view/3111222333/', now: NOW });
    expect(res.job?.title).toBe('Support Engineer');
    expect(res.job?.company?.name).toBe('Quillon Systems');
    expect(res.job?.locations[0]).toMatchObject({ city: 'Toronto', country: 'CA' });
    expect(res.job?.workplaceType).toBe('remote');
    expect(res.job?.employmentType).toEqual(['contract']);
    expect(res.job?.salary ?? null).toBeNull();
  });
});

describe('US boards without a profile before: Dice, ZipRecruiter, Monster', () => {
  it('reads a Dice job page by its data-cy hooks, not the similar-jobs pay', () => {
    const res = parseJobPage(page('dice.html'), { url: 'https://www.dice.com/job-detail/5f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', now: NOW });
    expect(res.job?.provenance.title).toBe('site:dice');
    expect(res.job?.title).toBe('Senior Site Reliability Engineer');
    expect(res.job?.company?.name).toBe('Larchmont Data Systems');
    expect(res.job?.locations[0]).toMatchObject({ city: 'Raleigh', country: 'US' });
    expect(res.job?.workplaceType).toBe('hybrid');
    expect(res.job?.employmentType).toEqual(['full_time']);
    expect(res.job?.salary).toMatchObject({ min: 145_000, max: 165_000, currency: 'USD', period: 'year' });
    expect(res.job?.datePosted).toBe('2026-08-08');
  });

  it('reads a ZipRecruiter job page and its "Employer hiring Role in Place" title', () => {
    const res = parseJobPage(page('ziprecruiter.html'), {
      url: 'https://www.ziprecruiter.com/c/Harbor-Lane-Dental/Job/Dental-Hygienist/-in-Tacoma,WA?jid=4a5b6c7d8e9f0a1b',
      now: NOW,
    });
    expect(res.job?.provenance.title).toBe('site:ziprecruiter');
    expect(res.job?.title).toBe('Dental Hygienist');
    expect(res.job?.company?.name).toBe('Harbor Lane Dental');
    expect(res.job?.locations[0]).toMatchObject({ city: 'Tacoma' });
    expect(res.job?.employmentType).toEqual(['part_time']);
    expect(res.job?.salary).toMatchObject({ min: 48, max: 56, currency: 'USD', period: 'hour' });
  });

  it('owns only the boards’ hosts', () => {
    expect(sitesForHost('www.dice.com').map((s) => s.id)).toEqual(['dice']);
    expect(sitesForHost('www.ziprecruiter.co.uk').map((s) => s.id)).toEqual(['ziprecruiter']);
    expect(sitesForHost('www.monster.com').map((s) => s.id)).toEqual(['monster']);
    expect(sitesForHost('dice.example')).toEqual([]);
    expect(sitesForHost('www.monsterindia.com').map((s) => s.id)).not.toContain('monster');
  });
});

describe('Glassdoor estimates', () => {
  it('never takes Glassdoor’s own estimate for pay, even when the JSON-LD leaves the salary empty', () => {
    const res = parseJobPage(page('glassdoor-estimate.html'), {
      url: 'https://www.glassdoor.com/job-listing/data-analyst-fenwick-analytics-JV_IC1148170_KO0,12_KE13,30.htm?jl=1009988776',
      now: NOW,
    });
    expect(res.job?.title).toBe('Data Analyst');
    expect(res.job?.company?.name).toBe('Fenwick Analytics');
    expect(res.job?.salary ?? null).toBeNull();
  });
});

describe('LinkedIn guest apply', () => {
  it('takes the employer URL of the sign-up modal’s "apply on the company website" link, and nothing from a sign-in-only modal', () => {
    const card = (modal: string) =>
      `<html><head><title>Larkspur Foods hiring Line Supervisor in Boise, ID | LinkedIn</title></head><body><section class="top-card-layout"><h1 class="top-card-layout__title">Line Supervisor</h1><a class="topcard__org-name-link" href="https://www.linkedin.com/company/larkspur-foods">Larkspur Foods</a><span class="topcard__flavor topcard__flavor--bullet">Boise, ID</span><button class="sign-up-modal__outlet">Apply</button>${modal}</section><div class="show-more-less-html__markup"><p>Run a packing line of twelve on the early shift and own its safety walk.</p></div></body></html>`;
    const direct = card(
      '<div class="sign-up-modal"><div class="sign-up-modal__direct-apply-on-company-site">Or apply on the <a class="sign-up-modal__company_webiste" href="https://www.linkedin.com/jobs/view/externalApply/4100200300?url=https%3A%2F%2Fjobs.larkspur.example%2F5521&urlHash=AbCd&trk=public_jobs_apply-link-offsite_sign-up-modal-sign-up-later">company website</a>.</div></div>',
    );
    const url = 'https://www.linkedin.com/jobs/view/line-supervisor-at-larkspur-foods-4100200300';
    expect(parseJobPage(direct, { url, now: NOW }).job?.applyUrl).toBe('https://jobs.larkspur.example/5521');
    const wall = card(
      '<div class="contextual-sign-in-modal"><h2>Join or sign in to find your next job</h2><form><input type="email"></form></div>',
    );
    expect(parseJobPage(wall, { url, now: NOW }).job?.applyUrl ?? null).toBeNull();
  });
});
