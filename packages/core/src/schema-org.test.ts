import { describe, expect, it } from 'vitest';
import { finalizeJob } from './job.js';
import type { JobDraft } from './schema/job-posting.js';
import { toSchemaOrgJobPosting, validateGoogleJobPosting } from './schema-org.js';

const now = new Date('2024-06-15T12:00:00Z');
const text = 'We build data pipelines. '.repeat(40);

function draft(over: Partial<JobDraft> = {}): JobDraft {
  return {
    url: 'https://boards.example.com/acme/jobs/123',
    title: 'Senior Backend Engineer',
    company: { name: 'Acme', domain: 'acme.example', logoUrl: 'https://acme.example/logo.png' },
    locations: [{ raw: 'San Francisco, CA 94105', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' }],
    workplaceType: 'onsite',
    employmentType: ['full_time', 'contract'],
    salary: { min: 120_000, max: 150_000, currency: 'USD', period: 'year' },
    description: { html: `<p>${text}</p>`, text },
    datePosted: '2024-06-01',
    validThrough: '2024-08-01T00:00:00Z',
    applyUrl: 'https://boards.example.com/acme/jobs/123',
    ats: { platform: 'greenhouse', boardToken: 'acme', jobId: '4012345' },
    source: 'json-ld',
    provenance: {},
    ...over,
  };
}

describe('toSchemaOrgJobPosting', () => {
  it('emits Google-valid JSON-LD for a complete job, with nothing recommended missing', () => {
    const ld = toSchemaOrgJobPosting(finalizeJob(draft(), { now }));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: 'Senior Backend Engineer',
      description: `<p>${text}</p>`,
      datePosted: '2024-06-01',
      validThrough: '2024-08-01T00:00:00Z',
      employmentType: ['FULL_TIME', 'CONTRACTOR'],
      hiringOrganization: { '@type': 'Organization', name: 'Acme', sameAs: 'https://acme.example', logo: 'https://acme.example/logo.png' },
      jobLocation: {
        '@type': 'Place',
        address: {
          '@type': 'PostalAddress',
          addressLocality: 'San Francisco',
          addressRegion: 'CA',
          postalCode: '94105',
          addressCountry: 'US',
        },
      },
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'USD',
        value: { '@type': 'QuantitativeValue', minValue: 120_000, maxValue: 150_000, unitText: 'YEAR' },
      },
      identifier: { '@type': 'PropertyValue', name: 'Acme', value: '4012345' },
      directApply: true,
    });
    expect(ld.jobLocationType).toBeUndefined();
    expect(validateGoogleJobPosting(ld)).toEqual({ valid: true, missingRequired: [], missingRecommended: [], errors: [] });
    // Survives a JSON round trip (what a page embeds).
    expect(validateGoogleJobPosting(JSON.parse(JSON.stringify(ld))).valid).toBe(true);
  });

  it('marks remote jobs TELECOMMUTE with applicant countries and no fake office', () => {
    const job = finalizeJob(
      draft({
        workplaceType: 'remote',
        locations: [
          { raw: 'Remote (US)', country: 'US' },
          { raw: 'Remote - CA', country: 'CA' },
        ],
      }),
      { now },
    );
    const ld = toSchemaOrgJobPosting(job);
    expect(ld.jobLocationType).toBe('TELECOMMUTE');
    expect(ld.applicantLocationRequirements).toEqual([
      { '@type': 'Country', name: 'US' },
      { '@type': 'Country', name: 'CA' },
    ]);
    expect(ld.jobLocation).toBeUndefined();
    expect(validateGoogleJobPosting(ld)).toMatchObject({ valid: true, missingRequired: [] });
  });

  it.each([
    ['hour', 'HOUR'],
    ['day', 'DAY'],
    ['week', 'WEEK'],
    ['month', 'MONTH'],
    ['year', 'YEAR'],
  ] as const)('maps a %s salary to unitText %s; single amounts use value', (period, unit) => {
    const ld = toSchemaOrgJobPosting(finalizeJob(draft({ salary: { min: 30, max: 30, currency: 'EUR', period } }), { now }));
    expect(ld.baseSalary).toEqual({
      '@type': 'MonetaryAmount',
      currency: 'EUR',
      value: { '@type': 'QuantitativeValue', value: 30, unitText: unit },
    });
  });

  it('uses Jobkit id as identifier and directApply false when applying elsewhere', () => {
    const job = finalizeJob(draft({ ats: null, applyUrl: 'https://apply.example.net/x' }), { now });
    const ld = toSchemaOrgJobPosting(job);
    expect(ld.identifier).toMatchObject({ value: job.id });
    expect(ld.directApply).toBe(false);
  });

  it('lists what a thin job is missing', () => {
    const job = finalizeJob(
      draft({ locations: [], workplaceType: null, employmentType: [], salary: null, datePosted: null, validThrough: null }),
      { now },
    );
    const report = validateGoogleJobPosting(toSchemaOrgJobPosting(job));
    expect(report.valid).toBe(false);
    expect(report.missingRequired.sort()).toEqual(['datePosted', 'jobLocation']);
    expect(report.missingRecommended.sort()).toEqual(['baseSalary', 'employmentType', 'jobLocationType', 'validThrough']);
    expect(report.errors).toEqual([]);
  });
});

describe('validateGoogleJobPosting', () => {
  it('reports every required property of an empty JobPosting', () => {
    const r = validateGoogleJobPosting({ '@type': 'JobPosting' });
    expect(r.valid).toBe(false);
    expect(r.missingRequired.sort()).toEqual(['datePosted', 'description', 'hiringOrganization', 'jobLocation', 'title']);
  });

  it('wants applicantLocationRequirements for a remote job without a location', () => {
    const r = validateGoogleJobPosting({
      '@type': 'JobPosting',
      title: 'T',
      description: 'D',
      datePosted: '2024-01-01',
      hiringOrganization: { name: 'A' },
      jobLocationType: 'TELECOMMUTE',
    });
    expect(r.missingRequired).toEqual(['jobLocation']);
    expect(r.missingRecommended).toContain('applicantLocationRequirements');
  });

  it.each([
    ['not an object', 'nope', /JSON-LD object/],
    ['wrong type', { '@type': 'Event' }, /@type/],
    ['bad date', { datePosted: 'someday' }, /datePosted/],
    ['validThrough before datePosted', { datePosted: '2024-06-01', validThrough: '2024-01-01' }, /before/],
    ['unknown employment type', { employmentType: 'Vollzeit' }, /employmentType/],
    [
      'salary without currency',
      { baseSalary: { '@type': 'MonetaryAmount', value: { minValue: 1, maxValue: 2, unitText: 'YEAR' } } },
      /currency/,
    ],
    ['salary min > max', { baseSalary: { currency: 'USD', value: { minValue: 5, maxValue: 2, unitText: 'YEAR' } } }, /minValue/],
    ['bad unitText', { baseSalary: { currency: 'USD', value: { value: 5, unitText: 'FORTNIGHT' } } }, /unitText/],
    ['location without address', { jobLocation: { '@type': 'Place' } }, /address/],
    ['organization without name', { hiringOrganization: { '@type': 'Organization' } }, /hiringOrganization/],
    ['HTML in title', { title: '<b>Engineer</b>' }, /title/],
  ])('flags %s', (_name, patch, message) => {
    const base = {
      '@type': 'JobPosting',
      title: 'T',
      description: 'D',
      datePosted: '2024-01-01',
      hiringOrganization: { name: 'A' },
      jobLocation: { address: { addressCountry: 'US' } },
    };
    const input = typeof patch === 'string' ? patch : { ...base, ...patch };
    const r = validateGoogleJobPosting(input);
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(message);
  });
});
