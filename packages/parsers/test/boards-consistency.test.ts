import type { JobPosting } from '@jobkit/core';
import { createStaticFetcher } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { listBoardJobs, parseEmploymentType, parseJobPage, parseLocation, parseSalary } from '../src/index.js';

// One consistent form: a job read from a board API comes out normalized as the same job read from
// its page (JSON-LD here), field by field: title (markup, entities, whitespace), places (the
// location normalizer's city/region/country), employment and workplace enums, pay (structured or
// through parseSalary with payField), dates (UTC ISO with the stated offset, relative dates with
// their reference time in dateNotes) and the cleaned description text.

const NOW = new Date('2026-03-01T00:00:00Z');

async function board(
  platform: string,
  token: string,
  url: string,
  body: unknown,
  extra: Record<string, unknown> = {},
): Promise<JobPosting> {
  const fetcher = createStaticFetcher({ [url]: { body: body as object } });
  const res = await listBoardJobs({ platform, boardToken: token, ...extra }, { fetcher, now: NOW, details: false });
  expect(res.jobs).toHaveLength(1);
  return res.jobs[0]!;
}

async function page(url: string, ld: Record<string, unknown>, h1: string): Promise<JobPosting> {
  const json = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    hiringOrganization: { '@type': 'Organization', name: 'Acme' },
    ...ld,
  });
  const html = `<html><head><title>${h1}</title><script type="application/ld+json">${json}</script></head><body><h1>${h1}</h1></body></html>`;
  const parsed = (await parseJobPage(html, { url, now: NOW })) as unknown as { job?: JobPosting } & JobPosting;
  return parsed.job ?? parsed;
}

/** The fields both readings normalize: what a consumer compares across sources. */
const form = (j: JobPosting) => ({
  title: j.title,
  places: j.locations.map((l) => [l.city ?? null, l.region ?? null, l.country ?? null]),
  employmentType: j.employmentType,
  salary: j.salary && [j.salary.min, j.salary.max, j.salary.currency, j.salary.period],
  datePosted: j.datePosted,
  dateNotes: j.dateNotes ?? null,
  description: j.description.text,
});

describe('a job read from a board API and from its page come out in one form', () => {
  it('greenhouse: escaped title and HTML, place label, employment metadata, pay in cents, an offset date', async () => {
    const b = await board('greenhouse', 'acme', 'https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true', {
      jobs: [
        {
          id: 4001,
          title: '  Senior R&amp;D   Engineer ',
          absolute_url: 'https://job-boards.greenhouse.io/acme/jobs/4001',
          location: { name: 'Berlin, Germany' },
          updated_at: '2026-02-20T10:00:00-05:00',
          content: '&lt;p&gt;Build &lt;b&gt;things&lt;/b&gt;.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;/ul&gt;',
          metadata: [{ name: 'Employment Type', value: 'Full-time', value_type: 'single_select' }],
          pay_input_ranges: [{ min_cents: 7_000_000, max_cents: 9_000_000, currency_type: 'EUR', title: 'Annual salary' }],
        },
      ],
    });
    const p = await page(
      'https://job-boards.greenhouse.io/acme/jobs/4001',
      {
        title: 'Senior R&D Engineer',
        datePosted: '2026-02-20T10:00:00-05:00',
        employmentType: 'FULL_TIME',
        jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Berlin', addressCountry: 'Germany' } },
        baseSalary: {
          '@type': 'MonetaryAmount',
          currency: 'EUR',
          value: { '@type': 'QuantitativeValue', minValue: 70000, maxValue: 90000, unitText: 'YEAR' },
        },
        description: '<p>Build <b>things</b>.</p><ul><li>Go</li></ul>',
      },
      'Senior R&amp;D Engineer',
    );
    expect(form(b)).toEqual(form(p));
    expect(b.title).toBe('Senior R&D Engineer');
    expect(b.dateNotes?.datePosted?.offset).toBe('-05:00');
  });

  it('lever: markup in the title, a US place label, epoch-ms date, structured pay and workplace', async () => {
    const b = await board('lever', 'acme', 'https://api.lever.co/v0/postings/acme?mode=json&skip=0&limit=100', [
      {
        id: 'abc',
        text: 'Backend Engineer <b>(Go)</b>',
        hostedUrl: 'https://jobs.lever.co/acme/abc',
        createdAt: Date.parse('2026-02-10T08:00:00Z'),
        categories: { location: 'Austin, TX', commitment: 'Full-time' },
        workplaceType: 'hybrid',
        salaryRange: { min: '150000', max: 120000, currency: 'USD', interval: 'per-year-salary' },
        description: '<p>Write Go.</p>',
      },
    ]);
    const p = await page(
      'https://jobs.lever.co/acme/abc',
      {
        title: 'Backend Engineer (Go)',
        datePosted: '2026-02-10T08:00:00Z',
        employmentType: 'FULL_TIME',
        jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Austin', addressRegion: 'TX' } },
        baseSalary: {
          '@type': 'MonetaryAmount',
          currency: 'USD',
          value: { '@type': 'QuantitativeValue', minValue: 120000, maxValue: 150000, unitText: 'YEAR' },
        },
        description: '<p>Write Go.</p>',
      },
      'Backend Engineer (Go)',
    );
    expect(form(b)).toEqual(form(p));
    expect(b.workplaceType).toBe('hybrid');
  });

  it('workday: a relative posted date is an ISO day with its reference time, as on pages', async () => {
    const b = await board(
      'workday',
      'acme/External',
      'https://acme.wd1.myworkdayjobs.com/wday/cxs/acme/External/jobs',
      {
        total: 1,
        jobPostings: [{ title: 'Nurse', externalPath: '/job/Boston/Nurse_R1', locationsText: 'Boston, MA', postedOn: 'Posted 3 Days Ago' }],
      },
      { host: 'acme.wd1.myworkdayjobs.com' },
    );
    expect(b.datePosted).toBe('2026-02-26');
    expect(b.dateNotes).toEqual({ datePosted: { reference: '2026-03-01T00:00:00Z' } });
    expect(form(b).places).toEqual(parseLocation('Boston, MA').locations.map((l) => [l.city ?? null, l.region ?? null, l.country ?? null]));
  });

  it('breezy: a free-text pay field goes through parseSalary as a pay field; labels through the enum normalizers', async () => {
    const pay = '$0.05 - $0.06 / hour';
    const b = await board('breezy', 'acme', 'https://acme.breezy.hr/json', [
      {
        id: 'b1',
        name: 'Data Labeler',
        url: 'https://acme.breezy.hr/p/b1-data-labeler',
        published_date: '2026-02-01T08:00:00.000Z',
        type: { id: 'partTime', name: 'Part-Time' },
        location: { city: 'Lisbon', country: { name: 'Portugal', id: 'PT' }, name: 'Lisbon, PT', is_remote: false },
        salary: pay,
      },
    ]);
    const s = parseSalary(pay, { payField: true })!;
    expect(b.salary && [b.salary.min, b.salary.max, b.salary.currency, b.salary.period]).toEqual([s.min, s.max, s.currency, s.period]);
    expect(b.employmentType).toEqual(parseEmploymentType('Part-Time'));
    expect(b.locations.map((l) => [l.city, l.country])).toEqual([['Lisbon', 'PT']]);
  });
});
