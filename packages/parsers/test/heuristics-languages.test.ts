/**
 * Vocabularies of languages met on real boards (Korean label rows with an application period,
 * Ukrainian "Label: value" facts): hand-written pages in fixtures/pages/families reproduce the
 * families without copying any site.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const page = (name: string) => readFileSync(new URL(`./fixtures/pages/families/${name}`, import.meta.url), 'utf8');
const parse = (name: string, url: string) => parseJobPage(page(name), { url, now: NOW });

describe('Korean label rows', () => {
  it('reads 근무 지역 / 채용 형태 / 급여조건, and a 접수 기간 period closes at its end', () => {
    const job = parse('period-ko.html', 'https://www.recruit-board.example/view/5521').job!;
    expect(job.title).toBe('품질관리 담당자');
    expect(job.employmentType).toEqual(['full_time']);
    expect(job.locations[0]?.raw).toContain('창원');
    expect(job.salary).toMatchObject({ min: 36_000_000, max: 42_000_000, currency: 'KRW' });
    expect(job.validThrough).toBe('2026-12-10');
    expect(job.datePosted).toBe('2026-11-20');
  });
});

describe('tab-separated label rows', () => {
  it('reads "label<TAB>value" lines of a plain-text copy of a posting (an image ad)', () => {
    const job = parse('tabrows-ko.html', 'https://www.board.example/zf_user/jobs/relay/view-detail?rec_idx=8812').job!;
    expect(job.employmentType).toEqual(['full_time']);
    expect(job.locations[0]?.raw).toContain('성남');
  });
});

describe('Ukrainian facts', () => {
  it('reads Місто / Зарплата / Умови й вимоги / Дата публікації', () => {
    const job = parse('board-uk.html', 'https://www.robota-poruch.example/jobs/77812').job!;
    expect(job.title).toBe('Комірник');
    expect(job.locations[0]?.raw).toContain('Дніпро');
    expect(job.employmentType).toEqual(['full_time']);
    expect(job.salary).toMatchObject({ min: 18_000, max: 22_000, currency: 'UAH' });
    expect(job.datePosted).toBe('2026-11-20');
  });
});

describe('Swiss pay in running text', () => {
  it("reads a currency code glued to an amount with apostrophe thousands (CHF98'000 - 118'000)", () => {
    const job = parse('salary-ch.html', 'https://www.alpfeld.example/stellen/4410').job!;
    expect(job.salary).toMatchObject({ min: 98_000, max: 118_000, currency: 'CHF' });
  });
});
