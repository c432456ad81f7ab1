/**
 * Generic heuristics by page family, on hand-written pages (fixtures/pages/families) that
 * reproduce the structure of real sites without copying any: boards without a site profile,
 * CJK and right-to-left pages, government vacancy tables, small company pages, top-card chips,
 * client-rendered shells, counted result lists, and structured pages with gaps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, labelField } from '../src/heuristics/lang/index.js';
import { splitTitle } from '../src/heuristics/title.js';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const page = (name: string) => readFileSync(new URL(`./fixtures/pages/families/${name}`, import.meta.url), 'utf8');
const parse = (name: string, url: string) => parseJobPage(page(name), { url, now: NOW });

describe('heuristics: boards without a site profile', () => {
  it('takes the role and employer from title segments, never the board, a counter or a cookie banner', () => {
    const res = parse('board-segments-en.html', 'https://www.hirewave.example/jobs/view/8812');
    const job = res.job!;
    expect(job.title).toBe('Warehouse Shift Lead');
    expect(job.company.name).toBe('Pinecrest Logistics');
    expect(job.locations[0]).toMatchObject({ city: 'Leeds', country: 'GB' });
    expect(job.employmentType).toEqual(['full_time']);
    expect(job.applyUrl).toBe('https://apply.pinecrest-logistics.example/req/8812');
  });

  it('reads a Chinese board page: 「」 title segment, 薪资 chip, dl labels, 3天前', () => {
    const job = parse('board-cjk-zh.html', 'https://www.zhipin-like.example/job_detail/7781.html').job!;
    expect(job.title).toBe('数据分析师');
    expect(job.company.name).toBe('云杉智能科技有限公司');
    expect(job.employmentType).toEqual(['full_time']);
    expect(job.salary).toMatchObject({ min: 15_000, max: 25_000, currency: 'CNY', period: 'month' });
    expect(job.datePosted).toBe('2026-11-22');
    expect(job.description.text).toContain('SQL');
  });

  it('never takes a board slogan for the employer; numeric dates follow the site (day-first on .lk) with a warning', () => {
    const res = parse('board-slogan-lk.html', 'https://www.islandjobs.lk/job/55120');
    const job = res.job!;
    expect(job.title).toBe('Accounts Executive');
    expect(job.company.name).toBe('Lanka Tea Traders (Pvt) Ltd');
    expect(job.datePosted).toBe('2026-03-04');
    expect(job.validThrough).toBe('2026-04-05');
    expect(res.warnings.some((w) => /validThrough .*day-first.*\.lk/.test(w))).toBe(true);
  });

  it('reads unlabelled top-card chips next to "Role at Employer"', () => {
    const job = parse('top-card-chips-en.html', 'https://www.startuproles.example/jobs/4411').job!;
    expect(job.title).toBe('Platform Engineer');
    expect(job.company.name).toBe('Tidewater Robotics');
    expect(job.locations[0]).toMatchObject({ city: 'Lisbon', country: 'PT' });
    expect(job.workplaceType).toBe('remote');
    expect(job.employmentType).toEqual(['full_time']);
    expect(job.salary).toMatchObject({ min: 140_000, max: 170_000, currency: 'USD' });
  });
});

describe('heuristics: government and company pages', () => {
  it('reads a right-to-left vacancy table (labels in the header row, Arabic-Indic digits)', () => {
    const job = parse('gov-rtl-ar.html', 'https://www.gov-portal.example/vacancies/41').job!;
    expect(job.title).toBe('محاسب');
    expect(job.company.name).toBe('وزارة الزراعة');
    expect(job.locations[0]?.city).toBe('محافظة الزرقاء');
    expect(job.employmentType).toEqual(['contract']);
    expect(job.validThrough).toBe('2026-12-15');
    expect(job.applyUrl).toBe('https://eservices.gov-portal.example/apply?ad=41');
  });

  it('finds the opening under a generic "Jobs" heading and the legal name in logo and footer', () => {
    const job = parse('small-company-de.html', 'https://www.sonnenkorn.example/jobs').job!;
    expect(job.title).toBe('Verkäufer (m/w/d) in Teilzeit');
    expect(job.company.name).toBe('Bäckerei Sonnenkorn GmbH');
    expect(job.employmentType).toEqual(['part_time']);
    expect(job.salary).toMatchObject({ min: 15.5, max: 15.5, currency: 'EUR', period: 'hour' });
  });
});

describe('heuristics: pages that are not one posting', () => {
  it('names a client-rendered Workday shell and points to its board API', () => {
    const res = parse('shell-workday.html', 'https://acme.wd3.myworkdayjobs.com/en-US/External/job/Berlin/Senior-Payroll-Analyst_R-1234');
    expect(res.job).toBeNull();
    expect(res.warnings.join(' ')).toMatch(/Workday shell.*board API/);
    expect(res.warnings.join(' ')).not.toMatch(/does not look like a job posting/);
  });

  it('tells a counted result list from a posting', () => {
    const res = parse('listing-counted-ru.html', 'https://rabota-like.example/search/vacancy?text=inzhener');
    expect(res.job).toBeNull();
    expect(res.warnings.join(' ')).toMatch(/listing/);
  });
});

describe('structured pages with gaps', () => {
  it('fills what JSON-LD misses from the visible page and warns where they disagree', () => {
    const res = parse('structured-gaps-en.html', 'https://careers.northbridge-bio.example/jobs/lab-technician');
    const job = res.job!;
    expect(job.source).toBe('json-ld');
    // The page's own statement wins over the markup (issue 10: the value a person reads), with a warning.
    expect(job.employmentType).toEqual(['part_time']);
    expect(res.warnings.some((w) => /employment type full_time replaced by part_time/.test(w))).toBe(true);
    expect(job.salary).toMatchObject({ min: 27_000, max: 31_000, currency: 'GBP', period: 'year' });
    expect(job.provenance.salary).toBe('heuristic');
    expect(job.locations[0]?.city).toBe('Cambridge');
    expect(job.applyUrl).toBe('https://careers.northbridge-bio.example/careers/lab-technician/apply');
  });
});

describe('title splitting', () => {
  it.each([
    ['Senior Data Engineer | Acme Analytics | Jobboard', 'Senior Data Engineer', 'Acme Analytics'],
    ['Acme Analytics hiring Senior Data Engineer in Berlin | LinkedIn', 'Senior Data Engineer', 'Acme Analytics'],
    ['Job Application for Support Engineer at Orbit Labs', 'Support Engineer', 'Orbit Labs'],
    ['Вакансия Кладовщик в Самара, работа в компании ООО Вектор', 'Кладовщик', 'ООО Вектор'],
    ['株式会社ミナトの経理スタッフの求人情報｜転職サイト', '経理スタッフ', '株式会社ミナト'],
    ['「Java开发工程师招聘」_某某科技招聘-求职网', 'Java开发工程师', '某某科技'],
  ])('%s', (raw, title, company) => {
    const parts = splitTitle(raw);
    expect(parts.title).toBe(title);
    expect(parts.company).toBe(company);
  });

  it('keeps a heading whole: its hyphen is part of the role', () => {
    expect(splitTitle('Policy Adviser - Net Zero Buildings', undefined, undefined, true).title).toBe('Policy Adviser - Net Zero Buildings');
  });
});

describe('vocabularies', () => {
  it('has at least 15 languages, each with labels for location, company and salary', () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(15);
    for (const lang of LANGUAGES) {
      expect(lang.labels.location?.length, lang.code).toBeGreaterThan(0);
      expect(lang.labels.company?.length, lang.code).toBeGreaterThan(0);
      expect(lang.labels.salary?.length, lang.code).toBeGreaterThan(0);
      expect(lang.apply.length, lang.code).toBeGreaterThan(0);
    }
  });

  it.each([
    ['Standort:', 'location'],
    ['勤務地', 'location'],
    ['الراتب :', 'salary'],
    ['Работодатель', 'company'],
    ['Closing date for applications', 'validThrough'],
    ['آخر موعد لتقديم الطلبات', 'validThrough'],
    ['薪资', 'salary'],
    ['Sista ansökningsdag', 'validThrough'],
    ['Open & closing dates', 'applicationPeriod'],
    ['Job description', undefined],
  ])('label %j → %j', (label, field) => {
    expect(labelField(label)).toBe(field);
  });

  it('stays fast on hostile input (long labels, long titles)', () => {
    const long = `${'a '.repeat(100_000)}:`;
    const t0 = performance.now();
    labelField(long);
    splitTitle(`${'Role at '.repeat(20_000)}X`);
    splitTitle(`${'|'.repeat(50_000)} Role`);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
