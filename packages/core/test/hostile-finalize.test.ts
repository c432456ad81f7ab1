/**
 * finalizeJob and scoreQuality at the argument boundary: oversized short text fields are cut to
 * JOB_TEXT_LIMITS with a warning (never failing the posting), options are read once inside a
 * guard, and a throwing getter is INVALID_ARGUMENT with its error as cause.
 */
import { describe, expect, it } from 'vitest';
import { finalizeJob, JOB_TEXT_LIMITS, type JobDraft, JobPostingSchema, scoreQuality } from '../src/index.js';
import { contractJob } from '../src/testing/index.js';
import { expectInvalid, throwingGetter } from './hostile-helpers.js';

/** A valid draft (the posting the store contract uses, without what finalizeJob derives). */
function draft(over: Partial<JobDraft> = {}): JobDraft {
  const { id: _id, urlHash: _hash, quality: _quality, ...base } = contractJob(1);
  return { ...base, ...over } as JobDraft;
}

const boom = new Error('getter boom');
const throwing = (key: string, base: object = {}) => throwingGetter(key, boom, base);

describe('finalizeJob: oversized short fields are cut, not fatal', () => {
  it('a 1 MB title, company, department and location parts fit the schema, each cut warned', () => {
    const mb = 'Engineer '.repeat(120_000);
    const warnings: string[] = [];
    const job = finalizeJob(
      draft({
        title: mb,
        company: { name: mb },
        department: mb,
        locations: [{ raw: mb, city: mb, region: mb, postalCode: '1'.repeat(1_000) }],
      }),
      { warnings },
    );
    expect(job.title.length).toBeLessThanOrEqual(JOB_TEXT_LIMITS.title);
    expect(job.title.endsWith('…')).toBe(true);
    expect(job.title.startsWith('Engineer Engineer')).toBe(true);
    expect(job.company.name.length).toBeLessThanOrEqual(JOB_TEXT_LIMITS.companyName);
    expect(job.department!.length).toBeLessThanOrEqual(JOB_TEXT_LIMITS.department);
    const loc = job.locations[0]!;
    expect(loc.raw.length).toBeLessThanOrEqual(JOB_TEXT_LIMITS.locationRaw);
    expect(loc.city!.length).toBeLessThanOrEqual(JOB_TEXT_LIMITS.city);
    expect(loc.region!.length).toBeLessThanOrEqual(JOB_TEXT_LIMITS.region);
    expect(loc.postalCode!.length).toBeLessThanOrEqual(JOB_TEXT_LIMITS.postalCode);
    expect(JobPostingSchema.safeParse(job).success).toBe(true);
    expect(warnings).toHaveLength(7);
    expect(warnings[0]).toMatch(/^title cut to 500 characters/);
  });

  it('a cut never splits a surrogate pair, and a title at the limit is kept whole', () => {
    const emoji = '😀'.repeat(400);
    const job = finalizeJob(draft({ title: emoji }));
    expect(() => encodeURIComponent(job.title)).not.toThrow(); // throws on a lone surrogate
    expect(job.title).not.toContain('\uFFFD');
    const exact = 'x'.repeat(JOB_TEXT_LIMITS.title);
    const warnings: string[] = [];
    expect(finalizeJob(draft({ title: exact }), { warnings }).title).toBe(exact);
    expect(warnings).toEqual([]);
  });

  it('the schema refuses what finalizeJob would have cut', () => {
    const job = finalizeJob(draft());
    expect(JobPostingSchema.safeParse({ ...job, title: 'x'.repeat(JOB_TEXT_LIMITS.title + 1) }).success).toBe(false);
  });

  it('time grows linearly with the title length', () => {
    const time = (n: number) => {
      const d = draft({ title: 'a '.repeat(n / 2) });
      const t = performance.now();
      for (let i = 0; i < 3; i++) finalizeJob(d);
      return performance.now() - t;
    };
    time(10_000);
    const small = Math.max(time(250_000), 1);
    expect(time(4_000_000) / small).toBeLessThan(40);
  });
});

describe('finalizeJob / scoreQuality options and getters', () => {
  it.each(['now', 'pay', 'warnings'])('a throwing finalizeJob options.%s getter is INVALID_ARGUMENT with its cause', (key) => {
    expectInvalid(key, () => finalizeJob(draft(), throwing(key) as never), boom);
  });

  it('a throwing draft getter is INVALID_ARGUMENT with its cause', () => {
    expectInvalid('title', () => finalizeJob(throwing('title', draft()) as never), boom);
  });

  it.each([
    ['now: string', { now: '2026-01-01' }],
    ['now: Invalid Date', { now: new Date(Number.NaN) }],
    ['pay: string', { pay: 'USD' }],
    ['warnings: string', { warnings: 'x' }],
    ['options: number', 3],
  ])('finalizeJob %s is INVALID_ARGUMENT', (name, options) => {
    expectInvalid(name, () => finalizeJob(draft(), options as never));
  });

  it('a throwing pay field getter is read once, inside the guard', () => {
    expectInvalid('pay.baseCurrency', () => finalizeJob(draft(), { pay: throwing('baseCurrency') as never }), boom);
  });

  it('scoreQuality: options and job', () => {
    const now = new Date('2026-10-01T00:00:00Z');
    const job = finalizeJob(draft(), { now });
    expectInvalid('now getter', () => scoreQuality(job, throwing('now') as never), boom);
    expectInvalid('now: string', () => scoreQuality(job, { now: 'today' } as never));
    expectInvalid('job null', () => scoreQuality(null as never));
    expectInvalid('job {}', () => scoreQuality({} as never));
    expectInvalid('job getter', () => scoreQuality(throwing('title', job) as never), boom);
    expect(scoreQuality(job, { now }).score).toBe(job.quality.score);
  });
});
