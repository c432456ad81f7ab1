import { describe, expect, it } from 'vitest';
import { contentHash } from './identity.js';
import { DateNoteSchema, dateNotes, finalizeJob, normalizeDate, normalizeDateDetailed } from './job.js';
import type { JobDraft } from './schema/job-posting.js';

describe('normalizeDate: one form for every source', () => {
  // Each group: spellings of one value as sources write them (JSON-LD, ATS APIs, feeds, heuristics).
  const groups: [string, string[]][] = [
    [
      '2026-11-03T14:05:00Z',
      [
        '2026-11-03T14:05:00Z',
        '2026-11-03T14:05:00+00:00',
        '2026-11-03T14:05:00.000+00:00',
        '2026-11-03T10:05:00-04:00',
        '2026-11-03T19:35:00+0530',
        '2026-11-03T16:05:00+02',
        '2026-11-03 14:05:00',
        '2026-11-03T14:05Z',
        '2026-11-03t14:05:00.123z',
        'Tue, 03 Nov 2026 14:05:00 GMT',
      ],
    ],
    ['2026-11-03', ['2026-11-03', '2026-11-03T00:00:00', '2026-11-03T00:00', '2026-11-03 00:00:00.000']],
    ['2026-11-02T22:00:00Z', ['2026-11-03T00:00:00+02:00']],
  ];
  it.each(groups)('%s', (expected, inputs) => {
    for (const input of inputs) expect([input, normalizeDate(input)]).toEqual([input, expected]);
  });

  it('rejects what is no date, cheaply', () => {
    for (const bad of ['', 'soon', '2026-02-30', '2026-13-01', '2026-11-03T25:00:00Z', 'x'.repeat(100_000)])
      expect(normalizeDate(bad)).toBeNull();
  });
});

describe('finalizeJob dates', () => {
  const draft: JobDraft = {
    url: 'https://jobs.example.com/dates/1',
    title: 'Engineer',
    company: { name: 'Acme' },
    locations: [],
    workplaceType: null,
    employmentType: [],
    salary: null,
    description: { html: '', text: '' },
    datePosted: '2026-11-03T10:05:00.000-04:00',
    validThrough: '2026-12-31T00:00:00',
    applyUrl: null,
    ats: null,
    source: 'json-ld',
    provenance: {},
    fetchedAt: '2026-11-04T09:00:00.456+01:00',
  };
  it('normalizes datePosted, validThrough and fetchedAt whatever the source', () => {
    for (const source of ['json-ld', 'microdata', 'heuristic', 'site', 'ats-api'] as const) {
      const job = finalizeJob({ ...draft, source }, { now: new Date('2026-11-05T00:00:00Z') });
      expect([job.datePosted, job.validThrough, job.fetchedAt]).toEqual(['2026-11-03T14:05:00Z', '2026-12-31', '2026-11-04T08:00:00Z']);
    }
  });
  it("keeps the stated offset and the producer's relative-date reference in dateNotes, outside contentHash", () => {
    const job = finalizeJob(
      { ...draft, validThrough: '2026-11-08', dateNotes: { validThrough: { reference: '2026-11-05T08:00:00Z' } } },
      { now: new Date('2026-11-05T00:00:00Z') },
    );
    expect(job.dateNotes).toEqual({ datePosted: { offset: '-04:00' }, validThrough: { reference: '2026-11-05T08:00:00Z' } });
    const plain = finalizeJob({ ...draft, datePosted: '2026-11-03T14:05:00Z' }, { now: new Date('2026-11-05T00:00:00Z') });
    expect(plain.dateNotes).toBeUndefined();
    const later = finalizeJob(
      { ...draft, validThrough: '2026-11-08', dateNotes: { validThrough: { reference: '2026-11-06T08:00:00Z' } } },
      { now: new Date('2026-11-05T00:00:00Z') },
    );
    expect(contentHash(later)).toBe(contentHash(job));
  });
  it('keeps unknown dates null', () => {
    const job = finalizeJob({ ...draft, datePosted: null, validThrough: null });
    expect([job.datePosted, job.validThrough]).toEqual([null, null]);
  });
});

describe('date notes: what the one form loses', () => {
  it('keeps a stated non-zero offset, not Z or +00:00', () => {
    expect(normalizeDateDetailed('2026-11-03T10:05:00-04:00')).toEqual({ value: '2026-11-03T14:05:00Z', offset: '-04:00' });
    expect(normalizeDateDetailed('2026-11-03T19:35:00+0530')).toEqual({ value: '2026-11-03T14:05:00Z', offset: '+05:30' });
    expect(normalizeDateDetailed('2026-11-03T16:05:00+02')).toEqual({ value: '2026-11-03T14:05:00Z', offset: '+02:00' });
    for (const utc of ['2026-11-03T14:05:00Z', '2026-11-03T14:05:00.000+00:00', '2026-11-03 14:05:00', '2026-11-03'])
      expect(normalizeDateDetailed(utc)).toEqual({ value: normalizeDate(utc) });
    expect(normalizeDateDetailed('2026-11-03T00:00:00+02:00')).toEqual({ value: '2026-11-02T22:00:00Z', offset: '+02:00' });
    expect(normalizeDateDetailed('soon')).toBeNull();
  });

  it('collects offsets and relative-date references per field', () => {
    const ref = new Date('2026-12-05T09:30:12.345Z');
    expect(dateNotes({ datePosted: '2026-12-02', validThrough: '2027-01-31T23:59:00-05:00' }, { datePosted: ref })).toEqual({
      datePosted: { reference: '2026-12-05T09:30:12Z' },
      validThrough: { offset: '-05:00' },
    });
    expect(dateNotes({ datePosted: '2026-12-02T10:00:00Z', validThrough: null })).toBeUndefined();
    for (const note of Object.values(dateNotes({ datePosted: '2026-11-03T19:35:00+0530' }, { datePosted: '2026-11-04T00:00:00Z' })!))
      expect(DateNoteSchema.safeParse(note).success).toBe(true);
  });
});
