import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { finalizeJob } from '../job.js';
import { type JobDraft, JobPostingSchema, LocationSchema, SalarySchema } from './job-posting.js';
import { jobPostingJsonSchema } from './json-schema.js';

const now = new Date('2024-06-15T12:00:00Z');
const draft: JobDraft = {
  url: 'https://jobs.example.com/acme/1',
  title: 'Data Engineer',
  company: { name: 'Acme' },
  locations: [{ raw: 'Berlin, Germany', city: 'Berlin', country: 'DE' }],
  workplaceType: 'hybrid',
  employmentType: ['full_time'],
  salary: { min: 60_000, max: 80_000, currency: 'EUR', period: 'year' },
  description: { html: '<p>Build pipelines.</p>', text: 'Build pipelines.' },
  datePosted: '2024-06-01',
  validThrough: null,
  applyUrl: null,
  ats: null,
  source: 'heuristic',
  provenance: { title: 'heuristic' },
};
const job = finalizeJob(draft, { now });

describe('JobPostingSchema', () => {
  it('accepts a finalized job', () => {
    expect(JobPostingSchema.safeParse(job).success).toBe(true);
  });

  it.each([['de'], ['DEU'], ['Germany'], ['D'], ['']])('rejects country %j', (country) => {
    expect(LocationSchema.safeParse({ raw: 'x', country }).success).toBe(false);
    expect(JobPostingSchema.safeParse({ ...job, locations: [{ raw: 'x', country }] }).success).toBe(false);
  });

  it.each([['usd'], ['US'], ['EURO'], ['$'], ['']])('rejects currency %j', (currency) => {
    const salary = { min: 1, max: 2, currency, period: 'year' };
    expect(SalarySchema.safeParse(salary).success).toBe(false);
    expect(JobPostingSchema.safeParse({ ...job, salary }).success).toBe(false);
  });

  it('rejects a negative salary, unknown enums and a bad date', () => {
    expect(JobPostingSchema.safeParse({ ...job, salary: { ...job.salary!, min: -1 } }).success).toBe(false);
    expect(JobPostingSchema.safeParse({ ...job, workplaceType: 'office' }).success).toBe(false);
    expect(JobPostingSchema.safeParse({ ...job, employmentType: ['FULL_TIME'] }).success).toBe(false);
    expect(JobPostingSchema.safeParse({ ...job, datePosted: 'yesterday' }).success).toBe(false);
  });
});

describe('jobPostingJsonSchema', () => {
  const schema = jobPostingJsonSchema();

  it('is a draft 2020-12 object schema requiring the core fields', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'url', 'urlHash', 'title', 'company', 'locations', 'description', 'source', 'quality']),
    );
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['salary', 'datePosted', 'provenance']));
  });

  it('compiles under a JSON Schema validator and agrees with zod', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(JSON.stringify(job)))).toBe(true);
    expect(validate({ ...job, locations: [{ raw: 'x', country: 'Germany' }] })).toBe(false);
    expect(validate({ ...job, salary: { ...job.salary!, currency: 'usd' } })).toBe(false);
    const { title: _t, ...untitled } = job;
    expect(validate(untitled)).toBe(false);
  });

  it('returns a fresh copy each call', () => {
    const a = jobPostingJsonSchema();
    (a as Record<string, unknown>).type = 'string';
    expect(jobPostingJsonSchema().type).toBe('object');
  });
});
