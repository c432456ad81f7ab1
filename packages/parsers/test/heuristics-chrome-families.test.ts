/**
 * Generic page families seen on real boards and company pages (kept locally, unlicensed), each
 * reproduced by a hand-written page under fixtures/pages/families: one apply address repeated in
 * a sticky header, the body and the footer; postcodes in brackets beside the place; dates of
 * "jobs nearby" / "recommended" cards.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaDescriptionFacts } from '../src/heuristics/top-card.js';
import { parseJobPage, parseLocation } from '../src/index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const page = (name: string) => readFileSync(new URL(`./fixtures/pages/families/${name}`, import.meta.url), 'utf8');
const parse = (name: string, url: string) => parseJobPage(page(name), { url, now: NOW });

describe('heuristics: one apply address repeated is one apply link', () => {
  it('a posting whose apply URL sits in a sticky bar, the body and the footer (tracking tag, slash, fragment) is a posting', () => {
    const res = parse('apply-repeated-en.html', 'https://careers.marlow-instruments.example/positions/4471');
    expect(res.job?.title).toBe('Field Service Technician');
    expect(res.job?.applyUrl).toMatch(/^https:\/\/careers\.marlow-instruments\.example\/positions\/4471\/apply/);
  });

  it('three different apply addresses still make a result list', () => {
    const html = page('apply-repeated-en.html')
      .replace('/positions/4471/apply/', '/positions/4472/apply')
      .replace('4471/apply#form', '4473/apply');
    expect(parseJobPage(html, { url: 'https://careers.marlow-instruments.example/positions', now: NOW }).job).toBeNull();
  });
});

describe('heuristics: dates of other postings are not the posting date', () => {
  const url = 'https://www.carehire.example/jobs/30917';
  it('a rail of nearby jobs (linked card headings) and whole-link recommended tiles keep their <time> to themselves', () => {
    // The posting's own "Posted 4 days ago" comes after the <time> elements in the reading order.
    expect(parse('date-rail-en.html', url).job?.datePosted).toBe('2026-11-21');
  });

  it('the employer is the segment after the role in "<Role> - <Employer> - <Place>", not the place', () => {
    expect(parse('date-rail-en.html', url).job?.company.name).toBe('Ashgrove Health');
  });

  it('a posting that states no date gets none, even from an unnamed rail of linked cards', () => {
    const html = page('date-rail-en.html').replace('<p>Posted 4 days ago</p>', '').replace('<div class="jobs-nearby">', '<div>');
    expect(parseJobPage(html, { url, now: NOW }).job?.datePosted).toBeNull();
  });

  it("a labelled posted date inside a similar-jobs rail is skipped too; the posting's own <time> is read", () => {
    const html = page('date-rail-en.html')
      .replace('<p>Posted 4 days ago</p>', '<p>Listed <time datetime="2026-11-19">19 Nov</time></p>')
      .replace('<div class="rec-panel">', '<div class="similar-jobs"><dl><dt>Posted</dt><dd>01/09/2026</dd></dl>');
    expect(parseJobPage(html, { url, now: NOW }).job?.datePosted).toBe('2026-11-19');
  });
});

describe('heuristics: the site header h1 is not the posting title', () => {
  const url = 'https://karriere.stadtwerke-lindenau.example/stellen/elektroniker-betriebstechnik';
  it('an h1 in <header> that the <title> does not repeat loses to the <title> segment', () => {
    const job = parse('banner-h1-de.html', url).job!;
    expect(job.title).toBe('Elektroniker für Betriebstechnik (m/w/d)');
    expect(job.company.name).toBe('Stadtwerke Lindenau');
  });

  it('the same in a role=banner block; an h1 in the header that the <title> repeats stays the title', () => {
    const banner = page('banner-h1-de.html').replace('<header>', '<div class="kopf" role="banner">').replace('</header>', '</div>');
    expect(parseJobPage(banner, { url, now: NOW }).job?.title).toBe('Elektroniker für Betriebstechnik (m/w/d)');
    const own = page('banner-h1-de.html')
      .replace('<h1>Karriereportal der Stadtwerke Lindenau</h1>', '<h1>Elektroniker für Betriebstechnik (m/w/d)</h1>')
      .replace(/<p class="stellentitel">[^<]*<\/p>/, '');
    expect(parseJobPage(own, { url, now: NOW }).job?.title).toBe('Elektroniker für Betriebstechnik (m/w/d)');
  });
});

describe('heuristics: facts stated only in the meta description', () => {
  const url = 'https://www.career-portal.example/recruit/40912';
  it('a Korean board page gives 근무형태, 등록일 and 마감일 from its meta description when the body has none', () => {
    const job = parse('meta-description-ko.html', url).job!;
    expect(job.employmentType).toEqual(['full_time']);
    expect(job.datePosted).toBe('2026-11-18');
    expect(job.validThrough).toBe('2026-12-15');
  });

  it('the employer is the title segment left between the role and the site name, not the host brand', () => {
    // "<Role> 채용 - <Employer> | <Site>": before, the career word and the site were dropped and the
    // one segment left was lost, so the employer became the host's name ("Career Portal").
    expect(parse('meta-description-ko.html', url).job?.company.name).toBe('누리온소프트');
    const html = page('meta-description-ko.html').replace(/누리온소프트/g, '한결물산');
    expect(parseJobPage(html, { url, now: NOW }).job?.company.name).toBe('한결물산');
  });

  it('the body wins over the meta description', () => {
    const html = page('meta-description-ko.html').replace(
      '<h2>주요업무</h2>',
      '<dl><dt>고용형태</dt><dd>계약직</dd><dt>접수마감</dt><dd>2026.12.01</dd></dl><h2>주요업무</h2>',
    );
    const job = parseJobPage(html, { url, now: NOW }).job!;
    expect(job.employmentType).toEqual(['contract']);
    expect(job.validThrough).toBe('2026-12-01');
  });

  it('reads pairs in other languages and keeps a date whose year follows a comma; unlabelled text gives nothing', () => {
    expect(metaDescriptionFacts('Pipe Fitter job in Perth. Job type: Full time, Closing date: Dec 31, 2026 | Posted: 2 Dec 2026')).toEqual({
      employment: 'Full time',
      validThrough: 'Dec 31, 2026',
      datePosted: '2 Dec 2026',
    });
    expect(metaDescriptionFacts('雇用形態：正社員 / 勤務地：大阪市')).toEqual({ employment: '正社員' });
    expect(metaDescriptionFacts('We are hiring a full-time welder in Perth, apply today')).toEqual({});
    expect(metaDescriptionFacts(undefined)).toEqual({});
  });
});

describe('normalize: a postcode in brackets beside the place goes with its brackets', () => {
  it.each([
    ['(04524) 서울 중구 세종대로 110', '서울 중구 세종대로 110', '04524'],
    ['부산 해운대구 (48058)', '부산 해운대구', '48058'],
    ['Санкт-Петербург (190000)', 'Saint Petersburg', '190000'],
    ['Toulouse [31000]', 'Toulouse', '31000'],
    ['大阪府大阪市北区（530-0001）', '大阪府大阪市北区', '530-0001'],
    ['〒530-0001 大阪府大阪市北区', '大阪府大阪市北区', '530-0001'],
    ['Hamburg (20095), Deutschland', 'Hamburg', '20095'],
  ])('%s', (text, city, postalCode) => {
    const [loc] = parseLocation(text).locations;
    expect(loc).toMatchObject({ city, postalCode });
    expect(loc!.display).not.toMatch(/[()[\]（）]/);
  });

  it('a French département number and a bracketed note are not postcodes', () => {
    expect(parseLocation('Nantes (44)').locations[0]).toMatchObject({ city: 'Nantes', country: 'FR' });
    expect(parseLocation('Berlin (2 Stellen)').locations[0]?.postalCode).toBeUndefined();
  });
});
