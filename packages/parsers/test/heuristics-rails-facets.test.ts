/**
 * Page chrome that repeats posting vocabulary: a search sidebar's contract filters and facet
 * counts, a "jobs nearby" rail of linked cards under a posting, and a facility page listing its
 * openings. Hand-written pages in fixtures/pages/families reproduce the families (Japanese
 * medical boards) without copying any site.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const page = (name: string) => readFileSync(new URL(`./fixtures/pages/families/${name}`, import.meta.url), 'utf8');
const parse = (name: string, url: string) => parseJobPage(page(name), { url, now: NOW });

describe('search filters beside a posting', () => {
  it('takes the employment type the posting states, not the filter options or facet counts', () => {
    const job = parse('facets-ja.html', 'https://www.yakuzaishi-navi.example/job/88120/').job!;
    expect(job.title).toBe('【川崎駅】調剤薬局の薬剤師（正社員）');
    expect(job.employmentType).toEqual(['full_time']);
  });
});

describe('linked cards on a page: rail or list', () => {
  it('keeps a posting that states its facts before a rail of nearby jobs', () => {
    const res = parse('rail-ja.html', 'https://www.kango-job.example/jobs/7731');
    expect(res.job?.title).toBe('【府中市】訪問看護ステーションの看護師');
    expect(res.job?.employmentType).toEqual(['full_time']);
    // Its own pay states no amount; the rail cards' pay belongs to other postings.
    expect(res.job?.salary ?? null).toBeNull();
  });

  it('still reads the same cards without a posting above them as a list', () => {
    expect(parse('rail-list-ja.html', 'https://www.kango-job.example/jobs/area/fuchu').job).toBeNull();
  });

  it('reads a facility page with an apply link per opening as a list', () => {
    expect(parse('facility-ja.html', 'https://www.kaigo-navi.example/fac/551/').job).toBeNull();
  });
});
