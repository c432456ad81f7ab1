import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listBoardJobs } from '../src/index.js';
import type { VendorServer } from './fixtures/boards/server.js';
import { startVendorServer } from './fixtures/boards/server.js';
import * as v from './fixtures/boards/vendors-more.js';

const NOW = new Date('2026-03-01T00:00:00Z');
let server: VendorServer;
beforeAll(async () => {
  server = await startVendorServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

const list = (platform: string, boardToken: string, extra: Record<string, unknown> = {}) =>
  listBoardJobs({ platform, boardToken }, { fetcher: server.fetcher, now: NOW, ...extra });

describe('smartrecruiters', () => {
  it('pages by offset up to totalFound and maps location/remote/type; description from the detail', async () => {
    const all = Array.from({ length: 130 }, (_, i) => v.smartrecruitersPosting(i));
    server.on('api.smartrecruiters.com/v1/companies/Acme/postings', (req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      const limit = Number(req.url.searchParams.get('limit'));
      return { json: { offset, limit, totalFound: 130, content: all.slice(offset, offset + limit) } };
    });
    server.fallback = (req) =>
      req.url.pathname.endsWith('/postings/744000000') ? { json: v.smartrecruitersDetail } : { json: { id: 'x', jobAd: { sections: {} } } };
    const res = await list('smartrecruiters', 'Acme');
    expect(res).toMatchObject({ advertisedTotal: 130, partial: false });
    expect(res.jobs).toHaveLength(130);
    expect(res.jobs[0]).toMatchObject({
      company: { name: 'Acme Logistics' },
      locations: [{ city: 'Austin', region: 'TX', country: 'US' }],
      workplaceType: 'onsite',
      employmentType: ['part_time'],
      department: 'Operations',
      datePosted: '2026-02-03T10:15:00Z',
      applyUrl: 'https://jobs.smartrecruiters.com/Acme/744000000-warehouse-associate?oga=true',
      // No pay field: the description line is read, and marked as a heuristic.
      salary: { min: 18, max: 22, currency: 'USD', period: 'hour' },
      provenance: { salary: 'heuristic', workplaceType: 'ats-api', employmentType: 'ats-api' },
    });
    expect(res.jobs[0]!.description.html).toContain('<h3>Qualifications</h3>');
    expect(res.jobs[1]!.workplaceType).toBe('remote');
  });

  it('reports a listing that ends before totalFound as partial', async () => {
    server.on('api.smartrecruiters.com/v1/companies/Acme/postings', (req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      return {
        json: {
          offset,
          limit: 100,
          totalFound: 150,
          content: offset === 0 ? Array.from({ length: 100 }, (_, i) => v.smartrecruitersPosting(i)) : [],
        },
      };
    });
    const res = await list('smartrecruiters', 'Acme', { details: false });
    expect(res.partial).toBe(true);
    expect(res.warnings).toContain('read 100 of 150 advertised jobs');
  });
});

describe('workable', () => {
  it('maps telecommuting, visible locations, sections', async () => {
    server.on('apply.workable.com/api/v1/widget/accounts/acme', { json: v.workable });
    const res = await list('workable', 'acme');
    expect(res.jobs[0]).toMatchObject({
      company: { name: 'Acme Studio' },
      workplaceType: 'remote',
      locations: [{ city: 'Athens', country: 'GR', display: 'Athens, Attica, Greece' }],
      employmentType: ['full_time'],
      datePosted: '2026-02-11',
      salary: { min: 40000, max: 50000, currency: 'EUR', period: 'year' },
      provenance: { workplaceType: 'ats-api', salary: 'heuristic' },
    });
    // telecommuting=false is not evidence of on-site.
    expect(res.jobs[1]).toMatchObject({
      workplaceType: null,
      locations: [{ city: 'Athens', country: 'GR' }],
      employmentType: ['part_time'],
    });
  });
});

describe('recruitee', () => {
  it('maps salary with period, hybrid flag, employment code; skips unpublished offers', async () => {
    server.on('acme.recruitee.com/api/offers/', { json: v.recruitee });
    const res = await list('recruitee', 'acme');
    expect(res.jobs).toHaveLength(1);
    expect(res.jobs[0]).toMatchObject({
      company: { name: 'Acme BV' },
      salary: { min: 4000, max: 5500, currency: 'EUR', period: 'month' },
      workplaceType: 'hybrid',
      employmentType: ['full_time'],
      locations: [{ city: 'Amsterdam', country: 'NL', display: 'Amsterdam, North Holland, Netherlands' }],
      applyUrl: 'https://acme.recruitee.com/o/sales-lead/c/new',
      provenance: { salary: 'ats-api', workplaceType: 'ats-api' },
    });
    expect(res.jobs[0]!.datePosted).toMatch(/^2026-01-20/);
  });
});

describe('personio', () => {
  it('reads the XML feed: offices, schedule, description sections, dates', async () => {
    server.on('acme.jobs.personio.de/xml', { type: 'application/xml; charset=utf-8', body: v.personioXml });
    const res = await list('personio', 'acme');
    expect(res).toMatchObject({ advertisedTotal: 2, partial: false });
    const [a, b] = res.jobs;
    expect(a).toMatchObject({
      url: 'https://acme.jobs.personio.de/job/1523',
      company: { name: 'Acme GmbH' },
      locations: [{ city: 'Munich', country: 'DE' }, { city: 'Berlin' }],
      employmentType: ['full_time'],
      department: 'Engineering',
      datePosted: '2026-02-02T08:00:00Z',
      salary: { min: 60000, max: 75000, currency: 'EUR', period: 'year' },
      provenance: { salary: 'heuristic', employmentType: 'ats-api' },
    });
    expect(a!.description.html).toContain('<h3>Deine Aufgaben</h3><ul><li>Code &amp; Reviews</li></ul>');
    expect(b).toMatchObject({ company: { name: 'acme' }, provenance: { company: 'derived' } });
    expect(b!.employmentType).toContain('part_time');
  });
});

describe('bamboohr', () => {
  it('maps list + detail: locationType, compensation text, totalCount', async () => {
    server.on('acme.bamboohr.com/careers/list', { json: v.bamboohrList });
    server.on('acme.bamboohr.com/careers/42/detail', { json: v.bamboohrDetail('42') });
    server.on('acme.bamboohr.com/careers/43/detail', { json: v.bamboohrDetail('43') });
    const res = await list('bamboohr', 'acme');
    expect(res).toMatchObject({ advertisedTotal: 2, partial: false });
    expect(res.jobs[0]).toMatchObject({
      workplaceType: 'hybrid',
      salary: { min: 70000, max: 85000, currency: 'USD', period: 'year' },
      locations: [{ city: 'Denver', region: 'CO', country: 'US', postalCode: '80202' }],
      employmentType: ['full_time'],
      datePosted: '2026-02-09',
      provenance: { salary: 'ats-api', workplaceType: 'ats-api' },
    });
    expect(res.jobs[1]).toMatchObject({ workplaceType: 'remote', employmentType: ['contract'], locations: [{ country: 'CA' }] });
  });
});

describe('breezy', () => {
  it('maps is_remote, nested location, free-text salary field', async () => {
    server.on('acme.breezy.hr/json', { json: v.breezy });
    const res = await list('breezy', 'acme');
    expect(res.jobs[0]).toMatchObject({
      company: { name: 'Acme Lda' },
      workplaceType: 'remote',
      locations: [{ city: 'Lisbon', country: 'PT', display: 'Lisbon, Portugal' }],
      salary: { min: 35000, max: 45000, currency: 'EUR', period: 'year' },
      employmentType: ['full_time'],
      datePosted: '2026-02-15T14:00:00Z',
      provenance: { salary: 'ats-api', workplaceType: 'ats-api' },
    });
  });
});

describe('teamtailor', () => {
  it('pages the RSS feed to completion and reads tt: elements', async () => {
    server.on('acme.teamtailor.com/jobs.rss', (req) => {
      const page = Number(req.url.searchParams.get('page') ?? '1');
      return { type: 'application/rss+xml', body: v.teamtailorRss(page, 100, 230) };
    });
    const res = await list('teamtailor', 'acme');
    expect(res.jobs).toHaveLength(230);
    expect(server.requests.map((r) => r.url.searchParams.get('page'))).toEqual([null, '2', '3']);
    expect(res.jobs[0]).toMatchObject({
      title: 'Barista & Host',
      ats: { jobId: '5000' },
      workplaceType: 'hybrid',
      department: 'Cafe',
      locations: [{ city: 'Stockholm', country: 'SE' }],
      provenance: { workplaceType: 'ats-api' },
    });
    expect(res.jobs[0]!.datePosted).toMatch(/^2026-02-02/);
    expect(res.jobs[1]!.workplaceType).toBe('onsite');
  });
});

describe('pinpoint', () => {
  it('maps compensation fields, workplace_type; hidden pay stays hidden', async () => {
    server.on('acme.pinpointhq.com/postings.json', { json: v.pinpoint });
    const res = await list('pinpoint', 'acme');
    expect(res.jobs[0]).toMatchObject({
      url: 'https://acme.pinpointhq.com/en/postings/88-finance-analyst',
      salary: { min: 42000, max: 48000, currency: 'GBP', period: 'year' },
      workplaceType: 'hybrid',
      employmentType: ['full_time'],
      department: 'Finance',
      locations: [{ city: 'Manchester', country: 'GB' }],
      validThrough: '2026-03-31T22:59:00Z',
    });
    expect(res.jobs[1]).toMatchObject({ url: 'https://acme.pinpointhq.com/en/postings/89-hidden', salary: null, workplaceType: 'remote' });
  });
});

describe('rippling', () => {
  it('pages the v2 API by totalPages and maps pay and workplace', async () => {
    server.on('api.rippling.com/platform/api/ats/v2/board/acme/jobs', (req) => ({
      json: v.ripplingV2(Number(req.url.searchParams.get('page'))),
    }));
    const res = await list('rippling', 'acme');
    expect(res).toMatchObject({ advertisedTotal: 3, partial: false });
    expect(res.jobs).toHaveLength(3);
    expect(res.jobs[0]).toMatchObject({
      company: { name: 'Acme Inc' },
      salary: { min: 65000, max: 80000, currency: 'USD', period: 'year' },
      workplaceType: 'remote',
      employmentType: ['full_time'],
      locations: [{ city: 'New York', region: 'NY', country: 'US' }],
      datePosted: '2026-02-18T15:00:00Z',
    });
    expect(res.jobs[1]!.workplaceType).toBe('onsite');
  });

  it('falls back to the v1 list when v2 is missing', async () => {
    server.on('api.rippling.com/platform/api/ats/v1/board/acme/jobs', { json: v.ripplingV1 });
    const res = await list('rippling', 'acme');
    expect(res.jobs).toHaveLength(1);
    expect(res.jobs[0]).toMatchObject({
      workplaceType: 'remote',
      locations: [{ country: 'US' }],
      provenance: { workplaceType: 'heuristic' },
    });
    expect(res.warnings.join()).toMatch(/v2 board API unavailable/);
  });
});

describe('dover', () => {
  it('resolves slug → id, follows next, skips sample jobs', async () => {
    server.on('app.dover.com/api/v1/careers-page-slug/acme', { json: v.doverSlug });
    server.on('app.dover.com/api/v1/careers-page/cp-77/jobs', (req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      return { json: v.doverPage(offset, offset === 0 ? 'https://app.dover.com/api/v1/careers-page/cp-77/jobs?limit=300&offset=2' : null) };
    });
    const res = await list('dover', 'acme');
    expect(res.jobs.map((j) => j.ats?.jobId)).toEqual(['d-0', 'd-1', 'd-2']);
    expect(res).toMatchObject({ advertisedTotal: 3, partial: false });
    expect(res.jobs[0]).toMatchObject({
      url: 'https://app.dover.com/apply/acme/d-0',
      company: { name: 'Acme AI' },
      workplaceType: 'remote',
      locations: [{ city: 'San Francisco', region: 'CA', country: 'US' }],
    });
    expect(res.jobs[1]!.workplaceType).toBe('onsite');
  });
});
