import { describe, expect, it } from 'vitest';
import { JobkitError } from './errors.js';
import { cleanText, finalizeJob } from './job.js';
import type { JobDraft } from './schema/job-posting.js';

const draft = (over: Partial<JobDraft> = {}): JobDraft => ({
  url: 'https://acme.example/jobs/1',
  title: 'Engineer',
  company: { name: 'Acme' },
  locations: [{ raw: 'Oslo, Norway', city: 'Oslo', country: 'NO' }],
  workplaceType: null,
  employmentType: [],
  salary: { min: 1, max: 2, currency: 'EUR', period: 'year', raw: 'EUR 1-2' },
  description: { html: '<p>Do things.</p>', text: 'Do things.' },
  datePosted: null,
  validThrough: null,
  applyUrl: null,
  ats: null,
  source: 'json-ld',
  provenance: {},
  ...over,
});

describe('cleanText', () => {
  it('strips C0 controls except tab, LF and CR; replaces lone surrogates; keeps pairs', () => {
    expect(cleanText('Evil\u0000Engineer')).toBe('EvilEngineer');
    expect(cleanText('a\u0001\u0008\u000b\u000c\u000e\u001fb')).toBe('ab');
    expect(cleanText('keep\ttabs\nand\r\nbreaks')).toBe('keep\ttabs\nand\r\nbreaks');
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText('\udfffx')).toBe('\ufffdx');
    expect(cleanText('end\ud83d')).toBe('end\ufffd');
    expect(cleanText('\ude80\ud83d')).toBe('\ufffd\ufffd');
    expect(cleanText('rocket \ud83d\ude80')).toBe('rocket \ud83d\ude80');
    expect(cleanText('\u007f and \u0085 are not C0')).toBe('\u007f and \u0085 are not C0');
  });

  it('returns the same string when clean, and is linear on long input', () => {
    const clean = 'plain text '.repeat(1000);
    expect(cleanText(clean)).toBe(clean);
    const hostile = '\u0000\ud800'.repeat(500_000);
    const t0 = performance.now();
    expect(cleanText(hostile)).toBe('\ufffd'.repeat(500_000));
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('finalizeJob cleans every string field', () => {
  it('title, company, locations, salary raw, description, department, ats', () => {
    const job = finalizeJob(
      draft({
        title: 'Evil\u0000Engineer',
        company: { name: 'Ac\u0000me \udc00', domain: 'acme.example' },
        locations: [{ raw: 'Os\u0001lo', city: 'Os\u0000lo' }],
        salary: { min: 1, max: 2, currency: 'EUR', period: 'year', raw: '\ud800EUR 1-2' },
        description: { html: '<p>Do\u0000 things.</p>', text: 'Do\u0000 things.' },
        department: 'R&D\u0000',
        ats: { platform: 'greenhouse', boardToken: 'acme', jobId: '1\u0000' },
      }),
    );
    expect(job).toMatchObject({
      title: 'EvilEngineer',
      company: { name: 'Acme \ufffd' },
      locations: [{ raw: 'Oslo', city: 'Oslo' }],
      salary: { raw: '\ufffdEUR 1-2' },
      description: { html: '<p>Do things.</p>', text: 'Do things.' },
      department: 'R&D',
      ats: { jobId: '1' },
    });
  });

  it('a clean draft keeps its values; a title of only control characters fails validation', () => {
    const clean = draft();
    expect(finalizeJob(clean)).toMatchObject({ title: 'Engineer', company: { name: 'Acme' }, locations: clean.locations });
    try {
      finalizeJob(draft({ title: '\u0000\u0001' }));
      expect.unreachable('accepted a title of control characters');
    } catch (error) {
      expect(JobkitError.is(error, 'VALIDATION_FAILED')).toBe(true);
    }
  });
});
