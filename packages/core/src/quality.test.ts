import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_THRESHOLD, scoreQuality, type ScorableJob } from './quality.js';

const now = new Date('2024-06-15T12:00:00Z');
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 17}`).join(' ');

function complete(): ScorableJob {
  return {
    url: 'https://jobs.example.com/acme/123',
    title: 'Senior Backend Engineer',
    company: { name: 'Acme GmbH', domain: 'acme.example' },
    locations: [{ raw: 'Berlin, Germany', city: 'Berlin', region: 'Berlin', country: 'DE' }],
    workplaceType: 'hybrid',
    employmentType: ['full_time'],
    salary: { min: 70_000, max: 90_000, currency: 'EUR', period: 'year' },
    description: { html: `<p>${words(200)}</p>`, text: words(200) },
    datePosted: '2024-06-01',
    validThrough: '2024-08-01',
    applyUrl: 'https://jobs.example.com/acme/123/apply',
    ats: null,
    source: 'json-ld',
    provenance: {},
  };
}

function thin(): ScorableJob {
  return {
    ...complete(),
    title: 'Engineer',
    locations: [],
    workplaceType: null,
    salary: null,
    description: { html: '<p>Join us.</p>', text: 'Join us.' },
    datePosted: null,
    validThrough: null,
  };
}

describe('scoreQuality', () => {
  it('scores a complete posting at or above the threshold (full marks here)', () => {
    const q = scoreQuality(complete(), { now });
    expect(q.score).toBeGreaterThanOrEqual(DEFAULT_QUALITY_THRESHOLD);
    expect(q.score).toBe(100);
  });

  it('scores a thin posting below the threshold', () => {
    expect(scoreQuality(thin(), { now }).score).toBeLessThan(DEFAULT_QUALITY_THRESHOLD);
  });

  it('breakdown maxima sum to 100 and points stay within each maximum', () => {
    for (const job of [complete(), thin()]) {
      const q = scoreQuality(job, { now });
      expect(q.breakdown.reduce((s, r) => s + r.max, 0)).toBe(100);
      for (const r of q.breakdown) {
        expect(r.points).toBeGreaterThanOrEqual(0);
        expect(r.points).toBeLessThanOrEqual(r.max);
      }
      expect(q.score).toBe(q.breakdown.reduce((s, r) => s + r.points, 0));
    }
  });

  const variants: [string, (j: ScorableJob) => ScorableJob][] = [
    ['thin', () => thin()],
    ['min > max', (j) => ({ ...j, salary: { min: 90_000, max: 70_000, currency: 'EUR', period: 'year' } })],
    ['no currency', (j) => ({ ...j, salary: { min: 70_000, max: 90_000, currency: null, period: 'year' } })],
    ['implausible hourly', (j) => ({ ...j, salary: { min: 70_000, max: 90_000, currency: 'EUR', period: 'hour' } })],
    ['city only', (j) => ({ ...j, locations: [{ raw: 'Berlin', city: 'Berlin' }] })],
    ['city and country', (j) => ({ ...j, locations: [{ raw: 'Berlin, DE', city: 'Berlin', country: 'DE' }] })],
    ['remote without location', (j) => ({ ...j, locations: [], workplaceType: 'remote' })],
    ['old', (j) => ({ ...j, datePosted: '2022-01-01', validThrough: null })],
    ['expired', (j) => ({ ...j, validThrough: '2024-06-01' })],
    ['future', (j) => ({ ...j, datePosted: '2024-12-01' })],
    ['shouty title', (j) => ({ ...j, title: 'SENIOR ENGINEER NEEDED' })],
    ['junk title', (j) => ({ ...j, title: 'Careers' })],
    ['title with URL', (j) => ({ ...j, title: 'Engineer https://x.example' })],
    ['lorem ipsum', (j) => ({ ...j, description: { html: '', text: `Lorem ipsum ${words(200)}` } })],
    ['mostly numbers', (j) => ({ ...j, description: { html: '', text: '1 2 3 4 5 6 7 8 9 0 '.repeat(40) } })],
  ];

  it.each(variants)('every point withheld has a note (%s)', (_name, change) => {
    const q = scoreQuality(change(complete()), { now });
    for (const r of q.breakdown) if (r.points < r.max) expect(r.note, r.rule).toBeTruthy();
    expect(q.score).toBeLessThan(100);
  });

  it('penalises a salary whose min is greater than its max', () => {
    const good = scoreQuality(complete(), { now });
    const bad = scoreQuality(variants[1]![1](complete()), { now });
    const rule = (q: typeof good) => q.breakdown.find((r) => r.rule === 'salary')!;
    expect(rule(bad).points).toBeLessThan(rule(good).points);
    expect(rule(bad).note).toMatch(/min > max/);
    expect(bad.score).toBeLessThan(good.score);
  });

  it('names the missing Google-required fields', () => {
    const rule = scoreQuality(thin(), { now }).breakdown.find((r) => r.rule === 'google-required')!;
    expect(rule.note).toContain('datePosted');
    expect(rule.note).toContain('jobLocation');
  });
});
