/**
 * Heuristic extraction over hand-written pages without structured data: ATS-like markup,
 * German/French/Spanish pages, plain company pages, and pages that are not a posting.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const page = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');

interface Expect {
  title: string;
  company: string;
  domain?: string;
  city?: string;
  country?: string;
  workplaceType?: 'remote' | 'hybrid' | 'onsite' | null;
  employmentType?: string[];
  salary?: { min: number; max: number; currency: string; period: string | null };
  datePosted?: string;
  applyUrl?: string | null;
  department?: string;
  descriptionIncludes: string;
}

const JOBS: Array<[file: string, url: string, expected: Expect]> = [
  [
    'greenhouse-like.html',
    'https://boards.greenhouse.io/acmerobotics/jobs/4012345',
    {
      title: 'Senior Backend Engineer',
      company: 'Acme Robotics',
      city: 'Berlin',
      country: 'DE',
      salary: { min: 85_000, max: 105_000, currency: 'EUR', period: 'year' },
      // "#app" anchors the form on the page itself: no application URL of its own.
      applyUrl: null,
      descriptionIncludes: 'event-driven services',
    },
  ],
  [
    'lever-like.html',
    'https://jobs.lever.co/nimbusdata/7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6',
    {
      title: 'Staff Data Engineer',
      company: 'Nimbus Data',
      city: 'London',
      country: 'GB',
      workplaceType: 'hybrid',
      employmentType: ['full_time'],
      department: 'Engineering – Data Platform',
      applyUrl: 'https://jobs.lever.co/nimbusdata/7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6/apply',
      descriptionIncludes: 'forecast demand',
    },
  ],
  [
    'workable-like.html',
    'https://apply.workable.com/brightly/j/3A1B2C4D5E/',
    {
      title: 'Customer Success Manager',
      company: 'Brightly',
      city: 'Lisbon',
      country: 'PT',
      workplaceType: 'remote',
      employmentType: ['full_time'],
      department: 'Customer Success',
      descriptionIncludes: 'portfolio of about sixty clinics',
    },
  ],
  [
    'german.html',
    'https://kraftwerk-energie.example/karriere/werkstudent-softwareentwicklung',
    {
      title: 'Werkstudent (m/w/d) Softwareentwicklung',
      company: 'Kraftwerk Energie GmbH',
      domain: 'kraftwerk-energie.example',
      city: 'Munich',
      country: 'DE',
      employmentType: ['part_time'],
      salary: { min: 18, max: 18, currency: 'EUR', period: 'hour' },
      datePosted: '2026-11-12',
      applyUrl: 'https://kraftwerk-energie.example/karriere/bewerbung?stelle=werkstudent-softwareentwicklung',
      descriptionIncludes: 'Anlagenüberwachung',
    },
  ],
  [
    'french.html',
    'https://lumiere-sante.example/carrieres/developpeur-full-stack',
    {
      title: 'Développeur Full Stack H/F',
      company: 'Lumière Santé',
      city: 'Paris',
      country: 'FR',
      workplaceType: 'hybrid',
      employmentType: ['full_time'],
      salary: { min: 45_000, max: 55_000, currency: 'EUR', period: 'year' },
      applyUrl: 'https://lumiere-sante.example/carrieres/developpeur-full-stack/postuler',
      descriptionIncludes: 'téléconsultation',
    },
  ],
  [
    'spanish.html',
    'https://sol-logistica.example/empleo/analista-de-datos',
    {
      title: 'Analista de Datos',
      company: 'Sol Logística',
      city: 'Madrid',
      country: 'ES',
      workplaceType: 'remote',
      employmentType: ['full_time'],
      salary: { min: 30_000, max: 38_000, currency: 'EUR', period: 'year' },
      applyUrl: 'https://sol-logistica.example/empleo/analista-de-datos/solicitud',
      descriptionIncludes: 'previsión de demanda',
    },
  ],
  [
    'plain-company.html',
    'https://rosewood-bakery.example/careers/head-baker',
    {
      title: 'Head Baker',
      company: 'Rosewood Bakery',
      domain: 'rosewood-bakery.example',
      city: 'Portland',
      employmentType: ['full_time'],
      datePosted: '2026-11-20',
      applyUrl: null,
      descriptionIncludes: 'sourdough',
    },
  ],
  [
    'salary-in-text.html',
    'https://fernhill.example/careers/product-designer',
    {
      title: 'Product Designer',
      company: 'Fernhill Labs',
      salary: { min: 95_000, max: 115_000, currency: 'USD', period: 'year' },
      applyUrl: 'https://fernhill.example/careers/product-designer/apply',
      descriptionIncludes: 'mobile onboarding',
    },
  ],
  [
    'personio-like.html',
    'https://polarstern.jobs.personio.de/job/1234567',
    {
      title: 'Backend Developer (Java)',
      company: 'Polarstern Software',
      employmentType: ['full_time'],
      applyUrl: 'https://polarstern.jobs.personio.de/job/1234567/apply',
      descriptionIncludes: 'ferry operators',
    },
  ],
  [
    'relative-date-remote.html',
    'https://quillwork.example/jobs/sre-4471',
    {
      title: 'Site Reliability Engineer',
      company: 'Quillwork',
      workplaceType: 'remote',
      datePosted: '2026-11-22',
      applyUrl: 'https://quillwork.example/jobs/sre-4471/apply',
      descriptionIncludes: 'game days',
    },
  ],
];

describe('heuristics: job pages without structured data', () => {
  it.each(JOBS)('%s', (file, url, e) => {
    const res = parseJobPage(page(file), { url, now: NOW });
    expect(res.warnings.filter((w) => !w.startsWith('no description'))).toEqual([]);
    expect(res.source).toBe('heuristic');
    const job = res.job!;
    expect(job).not.toBeNull();
    expect(job.source).toBe('heuristic');
    expect(job.title).toBe(e.title);
    expect(job.company.name).toBe(e.company);
    if (e.domain) expect(job.company.domain).toBe(e.domain);
    if (e.city) expect(job.locations[0]?.city).toBe(e.city);
    if (e.country) expect(job.locations[0]?.country).toBe(e.country);
    if (e.workplaceType !== undefined) expect(job.workplaceType).toBe(e.workplaceType);
    if (e.employmentType) expect(job.employmentType).toEqual(e.employmentType);
    if (e.salary) expect(job.salary).toMatchObject(e.salary);
    if (e.datePosted) expect(job.datePosted?.slice(0, 10)).toBe(e.datePosted);
    if (e.applyUrl !== undefined) expect(job.applyUrl).toBe(e.applyUrl);
    if (e.department) expect(job.department).toBe(e.department);
    expect(job.description.text).toContain(e.descriptionIncludes);
    expect(job.provenance.title).toBe('heuristic');
    expect(job.provenance.description).toBe('heuristic');
  });

  it('strips scripts, event handlers and javascript: links from descriptions', () => {
    const job = parseJobPage(page('greenhouse-like.html'), { url: 'https://boards.greenhouse.io/acmerobotics/jobs/4012345', now: NOW })
      .job!;
    expect(job.description.html).not.toMatch(/<script|onclick|javascript:/i);
    expect(job.description.text).not.toContain('window.evil');
    expect(job.description.html).toContain('<li>');
  });

  it('recognises the ATS from the URL and keeps its job id', () => {
    const res = parseJobPage(page('greenhouse-like.html'), { url: 'https://boards.greenhouse.io/acmerobotics/jobs/4012345', now: NOW });
    expect(res.ats?.platform).toBe('greenhouse');
    expect(res.job?.ats).toEqual({ platform: 'greenhouse', boardToken: 'acmerobotics', jobId: '4012345' });
  });

  it('company domain is not credited to the ATS host', () => {
    const job = parseJobPage(page('lever-like.html'), {
      url: 'https://jobs.lever.co/nimbusdata/7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6',
      now: NOW,
    }).job!;
    expect(job.company.domain).toBeUndefined();
  });
});

describe('heuristics: pages that are not one posting', () => {
  const NOT_JOBS: Array<[file: string, url: string, reason: RegExp]> = [
    ['listing.html', 'https://orbit-labs.example/careers', /listing/],
    ['login.html', 'https://talent.example/jobs/123/view', /login/],
    ['not-found.html', 'https://orbit-labs.example/careers/jobs/999-gone', /not found/i],
    ['expired.html', 'https://nordlicht.example/karriere/stellen/vertrieb-123', /nicht mehr verfügbar/],
  ];
  it.each(NOT_JOBS)('%s → job null', (file, url, reason) => {
    const res = parseJobPage(page(file), { url, now: NOW });
    expect(res.job).toBeNull();
    expect(res.source).toBeNull();
    expect(res.warnings.join(' | ')).toMatch(reason);
  });

  it('a company homepage without a posting → job null', () => {
    const html = `<html><head><title>Orbit Labs – Satellite imagery for everyone</title></head><body>
      <h1>See the planet change, every day</h1><p>Orbit Labs turns satellite images into maps and alerts.</p>
      <p><a href="/pricing">Pricing</a> <a href="/careers">Careers</a></p></body></html>`;
    const res = parseJobPage(html, { url: 'https://orbit-labs.example/', now: NOW });
    expect(res.job).toBeNull();
    expect(res.warnings.length).toBeGreaterThan(0);
  });
});
