/**
 * extractJobLinks on listing pages of many kinds and languages (fixtures written for these tests,
 * reproducing the structure of real boards, portals and careers indexes): posting links only, no
 * navigation, company, save, filter or social links, and the list's next page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractJobLinks } from '../src/index.js';

const page = (name: string) => readFileSync(join(__dirname, 'fixtures/listings', name), 'utf8');
const sitesPage = (name: string) => readFileSync(join(__dirname, 'fixtures/sites', name), 'utf8');

describe('extractJobLinks on listings', () => {
  it('government portal: ?id= detail links in a table inside a page-wide form, Arabic "next"', () => {
    const links = extractJobLinks(page('gov-portal-ar.html'), { url: 'https://www.csb.gov.example/ar/Announcements.aspx' });
    expect(links.map((l) => l.url)).toEqual(
      [20931, 20932, 20935, 20940].map((id) => `https://www.csb.gov.example/ar/VacancyDetails.aspx?id=${id}`),
    );
    expect(links[0]!.title).toBe('مهندس مدني');
    expect(links.nextPage).toBe('https://www.csb.gov.example/ar/Announcements.aspx?page=2');
  });

  it('careers index: one page per job under /recruit/, site pages and navigation left out', () => {
    const links = extractJobLinks(page('careers-index-ja.html'), { url: 'https://www.miyako-seika.example/recruit/' });
    expect(links.map((l) => l.url)).toEqual(
      ['seizou', 'hanbai', 'tsuhan'].map((s) => `https://www.miyako-seika.example/recruit/${s}.html`),
    );
    expect(links.nextPage).toBeNull();
  });

  it('board result cards with opaque ids: titles kept; company, save, filter, SEO and social links dropped', () => {
    const links = extractJobLinks(page('board-cards-de.html'), {
      url: 'https://www.jobportal-sued.example/suche?q=elektriker&ort=stuttgart',
    });
    expect(links.map((l) => l.url)).toEqual(
      ['a8f3k2', 'b7d2m9', 'c1q5x8', 'd4w6z3'].map((id) => `https://www.jobportal-sued.example/anzeige/${id}`),
    );
    expect(links.map((l) => l.title)).toContain('Elektroniker für Betriebstechnik (m/w/d)');
    expect(links.nextPage).toBe('https://www.jobportal-sued.example/suche?q=elektriker&ort=stuttgart&seite=2');
  });

  it('BOSS直聘 result list: job_detail links, not company pages; 下一页', () => {
    const links = extractJobLinks(page('board-zh.html'), { url: 'https://www.zhipin.com/web/geek/job?query=java&city=101210100' });
    expect(links.map((l) => l.url)).toEqual([
      'https://www.zhipin.com/job_detail/9f8e7d6c5b4a3f2e1d.html',
      'https://www.zhipin.com/job_detail/8e7d6c5b4a3f2e1d0c.html',
      'https://www.zhipin.com/job_detail/7d6c5b4a3f2e1d0c9b.html',
    ]);
    expect(links.nextPage).toBe('https://www.zhipin.com/web/geek/job?query=java&city=101210100&page=2');
  });

  it('a job page links to similar jobs but has no next page', () => {
    const links = extractJobLinks(sitesPage('linkedin.html'), {
      url: 'https://de.linkedin.com/jobs/view/senior-data-engineer-at-nordlicht-energy-4012345678',
    });
    expect(links.map((l) => l.url)).toEqual([
      'https://de.linkedin.com/jobs/view/data-engineer-at-kielwind-4011111111',
      'https://de.linkedin.com/jobs/view/analytics-engineer-at-hafenlogistik-4012222222',
    ]);
    expect(links.nextPage).toBeNull();
  });

  it.each([
    ['rel=next link', '<head><link rel="next" href="/jobs?page=3"></head>', 'https://a.example/jobs?page=3'],
    ['Weiter', '<div class="pagination"><a href="/stellen?seite=2">Weiter</a></div>', 'https://a.example/stellen?seite=2'],
    ['Suivant', '<ul class="pager"><li><a href="/offres?p=2">Suivant »</a></li></ul>', 'https://a.example/offres?p=2'],
    ['Siguiente', '<nav aria-label="Paginación"><a href="/empleos/2">Siguiente</a></nav>', 'https://a.example/empleos/2'],
    ['次へ', '<div class="pager"><a href="/kyujin?page=2">次へ</a></div>', 'https://a.example/kyujin?page=2'],
    ['Далее', '<div class="pager"><a href="/vacancies?page=1">Далее</a></div>', 'https://a.example/vacancies?page=1'],
    [
      'arrow in a pager',
      '<div class="pagination"><a href="/jobs?page=1">‹</a><a href="/jobs?page=3">›</a></div>',
      'https://a.example/jobs?page=3',
    ],
    [
      'aria-label on an icon',
      '<nav role="navigation" aria-label="pagination"><a href="/jobs?start=10" aria-label="Next Page"><svg></svg></a></nav>',
      'https://a.example/jobs?start=10',
    ],
    [
      'numbered pager only',
      '<div class="pagination"><a class="active" href="/jobs?page=2">2</a><a href="/jobs?page=3">3</a></div>',
      'https://a.example/jobs?page=3',
    ],
  ])('next page: %s', (_, html, want) => {
    expect(
      extractJobLinks(`<html>${html}<body><a href="/jobs/123-welder">Welder</a></body></html>`, { url: 'https://a.example/jobs?page=2' })
        .nextPage,
    ).toBe(want);
  });

  it('no next page: previous-only pagers, disabled controls and "next" links to the page itself', () => {
    for (const html of [
      '<div class="pagination"><a href="/jobs?page=1">Previous</a></div>',
      '<div class="pagination"><a class="next disabled" href="/jobs?page=3">Next</a></div>',
      '<div class="pagination"><a href="/jobs?page=2">Next</a></div>',
      '<p>Read the next article</p><a href="/blog">Next steps in your career</a>',
    ]) {
      expect(extractJobLinks(`<html><body>${html}</body></html>`, { url: 'https://a.example/jobs?page=2' }).nextPage, html).toBeNull();
    }
  });

  it('keeps working for callers that treat the result as a plain array', () => {
    const links = extractJobLinks('<a href="/jobs/1234-nested">Nested</a>', { url: 'https://acme.example/careers' });
    expect(links).toEqual([{ url: 'https://acme.example/jobs/1234-nested', title: 'Nested' }]);
    expect(Object.keys(links)).toEqual(['0']);
    expect(JSON.stringify(links)).toBe('[{"url":"https://acme.example/jobs/1234-nested","title":"Nested"}]');
  });

  it('government notices published as PDFs, and a Polish careers index', () => {
    const rows = ['Junior Engineer (Civil)', 'Staff Nurse', 'Assistant Accountant', 'Driver']
      .map((t, i) => `<tr><td>${i + 1}</td><td><a href="/uploads/notices/2026/advt-${1040 + i}.pdf">${t}</a></td><td>28/02/2026</td></tr>`)
      .join('');
    const gov = extractJobLinks(
      `<html><head><title>Recruitment | District Council</title></head><body><nav><a href="/uploads/rti.pdf">RTI Act</a></nav><table>${rows}</table><footer><a href="/uploads/annual-report-2025.pdf">Annual report</a></footer></body></html>`,
      { url: 'https://district.gov.example/recruitment' },
    );
    expect(gov.map((l) => l.url)).toEqual(
      [1040, 1041, 1042, 1043].map((n) => `https://district.gov.example/uploads/notices/2026/advt-${n}.pdf`),
    );
    const offers = ['specjalista-ds-plac', 'magazynier', 'kierowca-kat-c']
      .map((s) => `<div class="offer"><a href="/kariera/${s}">${s.replace(/-/g, ' ')}</a></div>`)
      .join('');
    const pl = extractJobLinks(
      `<html><head><title>Kariera – Wisła Logistyka</title></head><body><nav><a href="/kariera/o-nas">O nas</a></nav>${offers}</body></html>`,
      { url: 'https://wisla.example/kariera' },
    );
    expect(pl.map((l) => l.url)).toEqual(
      ['specjalista-ds-plac', 'magazynier', 'kierowca-kat-c'].map((s) => `https://wisla.example/kariera/${s}`),
    );
  });

  it('script-linked table rows and data-href cards (portals without anchors)', () => {
    const rows = ['Agronomist', 'Veterinary Officer', 'Data Clerk']
      .map(
        (t, i) =>
          `<tr onclick="window.location.href='VacancyView.aspx?VacancyID=${3300 + i}'"><td>${i + 1}</td><td>${t}</td><td>Ministry of Agriculture</td></tr>`,
      )
      .join('');
    const gov = extractJobLinks(`<html><head><title>Current Vacancies</title></head><body><table>${rows}</table></body></html>`, {
      url: 'https://recruit.gov.example/Vacancies.aspx',
    });
    expect(gov.map((l) => [l.url, l.title])).toEqual([
      ['https://recruit.gov.example/VacancyView.aspx?VacancyID=3300', 'Agronomist'],
      ['https://recruit.gov.example/VacancyView.aspx?VacancyID=3301', 'Veterinary Officer'],
      ['https://recruit.gov.example/VacancyView.aspx?VacancyID=3302', 'Data Clerk'],
    ]);
    const cards = ['Barista', 'Shift Supervisor', 'Store Manager']
      .map((t, i) => `<div class="job-card" data-href="/careers/positions/${700 + i}"><h3>${t}</h3><p>Lisbon</p></div>`)
      .join('');
    const co = extractJobLinks(`<html><body>${cards}</body></html>`, { url: 'https://cafe.example/careers' });
    expect(co.map((l) => l.url)).toEqual([700, 701, 702].map((n) => `https://cafe.example/careers/positions/${n}`));
  });

  it('a static site with one page per role (`/jobs/developer.html`) among prose, apply and mail links', () => {
    const html = `<html><head><title>Student Roles · Campus Developers</title></head><body>
      <div class="sidebar"><nav><a href="/">Home</a><a href="/jobs/index.html">Student Roles</a><a href="/apply.html">Apply</a></nav></div>
      <div class="content"><h1>Student Roles</h1><p>Questions? <a href="mailto:devs@campus.example">devs@campus.example</a> or read <a href="/apply.md">How to Apply</a>.</p>
      <h2>Developer</h2><p>Build apps. <a href="/jobs/developer.html">Developer Details</a></p>
      <h2>Designer</h2><p>Design apps. <a href="/jobs/designer.html">Designer Details</a></p>
      <h2>Course TA</h2><p>Teach. <a href="/jobs/courseta.html">Course TA Details</a></p></div></body></html>`;
    expect(extractJobLinks(html, { url: 'https://devs.campus.example/jobs/index.html' }).map((l) => l.url)).toEqual(
      ['developer', 'designer', 'courseta'].map((s) => `https://devs.campus.example/jobs/${s}.html`),
    );
  });

  it('a blog or news index of repeated cards is not a job list', () => {
    const cards = ['how-to-write-a-cv', 'salary-negotiation-tips', 'remote-work-in-2026', 'interview-questions-guide']
      .map((s) => `<article class="post"><h2><a href="/ratgeber/${s}">${s.replace(/-/g, ' ')}</a></h2></article>`)
      .join('');
    expect(
      extractJobLinks(`<html><head><title>Karriere-Ratgeber</title></head><body>${cards}</body></html>`, {
        url: 'https://magazin.example/ratgeber',
      }),
    ).toEqual([]);
  });

  it('stays bounded on a page of 5,000 repeated cards (generous budget: the machine is shared)', () => {
    const cards = Array.from(
      { length: 5_000 },
      (_, i) => `<div class="card"><a href="/anzeige/x${i}k">Job ${i}</a><a href="/firma/f${i}">Firma</a></div>`,
    ).join('');
    const t0 = performance.now();
    const links = extractJobLinks(`<html><head><title>Jobs</title></head><body>${cards}</body></html>`, {
      url: 'https://board.example/suche',
    });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(links.length).toBeGreaterThan(4_000);
  });
});
