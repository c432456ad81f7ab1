/**
 * Job-board site profiles: every profile over its own fixture page (pages written for these
 * tests, reproducing each board's markup), the host index (never consulted on foreign hosts),
 * the `<title>` fallbacks and the localized date reading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanPage } from '../src/html/scan.js';
import { parseJobPage } from '../src/index.js';
import { siteForPage, siteProfiles, sitesForHost } from '../src/sites/registry.js';
import { placeFirst, siteDate } from '../src/sites/text.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const page = (name: string) => readFileSync(join(__dirname, 'fixtures/sites', name), 'utf8');

interface Case {
  site: string;
  file: string;
  url: string;
  title: string;
  company: string;
  cities: string[];
  country?: string;
  workplace?: 'remote' | 'hybrid' | 'onsite' | null;
  employment?: string[];
  salary?: { min: number | null; max: number | null; currency: string | null; period: string | null } | null;
  datePosted?: string | null;
  applyUrl?: string | null;
}

const CASES: Case[] = [
  {
    site: 'linkedin',
    file: 'linkedin.html',
    url: 'https://de.linkedin.com/jobs/view/senior-data-engineer-at-nordlicht-energy-4012345678',
    title: 'Senior Data Engineer',
    company: 'Nordlicht Energy',
    cities: ['Hamburg'],
    country: 'DE',
    employment: ['full_time'],
    datePosted: '2026-02-15',
    applyUrl: 'https://careers.nordlicht-energy.example/jobs/881',
    salary: null,
  },
  {
    site: 'indeed',
    file: 'indeed.html',
    url: 'https://www.indeed.com/viewjob?jk=4f1b2c3d4e5f6a7b',
    title: 'Warehouse Shift Lead',
    company: 'Brightline Logistics',
    cities: ['Columbus'],
    country: 'US',
    employment: ['full_time'],
    salary: { min: 21, max: 24, currency: 'USD', period: 'hour' },
    datePosted: '2026-02-24',
  },
  {
    site: 'glassdoor',
    file: 'glassdoor.html',
    url: 'https://www.glassdoor.co.uk/job-listing/clinical-research-associate-pennine-trials-JV_IC2826_KO0,27_KE28,42.htm?jl=1009876543',
    title: 'Clinical Research Associate',
    company: 'Pennine Trials Ltd',
    cities: ['Manchester'],
    salary: { min: 32000, max: 38000, currency: 'GBP', period: 'year' },
    applyUrl: 'https://pennine-trials.example/careers/cra-manchester',
  },
  {
    site: 'stepstone',
    file: 'stepstone.html',
    url: 'https://www.stepstone.de/stellenangebote--Werkstudent-Controlling-m-w-d-Rosenheim-Alpenmilch-Molkerei-GmbH--12345678-inline.html',
    title: 'Werkstudent Controlling (m/w/d)',
    company: 'Alpenmilch Molkerei GmbH',
    cities: ['Rosenheim'],
    workplace: 'hybrid',
    employment: ['part_time'],
    datePosted: '2026-02-26',
    salary: null,
  },
  {
    site: 'naukri',
    file: 'naukri.html',
    url: 'https://www.naukri.com/job-listings-backend-developer-java-spring-kaveri-fintech-solutions-bengaluru-3-to-6-years-200226012345',
    title: 'Backend Developer - Java Spring',
    company: 'Kaveri Fintech Solutions',
    cities: ['Bengaluru', 'Pune'],
    workplace: 'hybrid',
    employment: ['full_time'],
    salary: { min: 1_200_000, max: 1_800_000, currency: 'INR', period: 'year' },
    datePosted: '2026-02-27',
  },
  {
    site: 'seek',
    file: 'seek.html',
    url: 'https://www.seek.com.au/job/81234567',
    title: 'Registered Nurse - Theatres',
    company: 'Westmead Day Surgery',
    cities: ['Parramatta'],
    employment: ['part_time'],
    salary: { min: 48, max: 55, currency: 'AUD', period: 'hour' },
    datePosted: '2026-02-25',
    applyUrl: 'https://www.seek.com.au/job/81234567/apply',
  },
  {
    site: 'xing',
    file: 'xing.html',
    url: 'https://www.xing.com/jobs/muenchen-werkstudent-data-engineering-152547463',
    title: 'Werkstudent Data Engineering (all genders)',
    company: 'Mediaplus Gruppe',
    cities: ['Munich'],
    workplace: 'hybrid',
    employment: ['part_time'],
    salary: { min: 15, max: 17, currency: 'EUR', period: 'hour' },
    datePosted: '2026-02-24',
  },
  {
    site: 'zhipin',
    file: 'zhipin.html',
    url: 'https://www.zhipin.com/job_detail/a1b2c3d4e5f6g7h8.html',
    title: 'Java开发工程师',
    company: '云栖数智科技有限公司',
    cities: ['Hangzhou'],
    salary: { min: 20_000, max: 35_000, currency: 'CNY', period: 'month' },
    datePosted: '2026-02-24',
  },
  {
    site: '51job',
    file: '51job.html',
    url: 'https://jobs.51job.com/shanghai-pdxq/128765432.html',
    title: '数据分析师',
    company: '上海澜海商贸有限公司',
    cities: ['Shanghai'],
    salary: { min: 10_000, max: 15_000, currency: 'CNY', period: 'month' },
    datePosted: '2026-02-20',
  },
  {
    site: 'bayt',
    file: 'bayt.html',
    url: 'https://www.bayt.com/en/saudi-arabia/jobs/site-engineer-civil-4987654/',
    title: 'Site Engineer - Civil',
    company: 'Al Noor Contracting Co.',
    cities: ['Riyadh'],
    country: 'SA',
    employment: ['full_time'],
    salary: { min: 9_000, max: 12_000, currency: 'SAR', period: 'month' },
    datePosted: '2026-02-26',
  },
  {
    site: 'hh',
    file: 'hh.html',
    url: 'https://kazan.hh.ru/vacancy/99887766',
    title: 'Инженер-сметчик',
    company: 'ООО СтройВолга',
    cities: ['Казань'],
    workplace: 'hybrid',
    employment: ['full_time'],
    salary: { min: 85_000, max: 110_000, currency: 'RUB', period: 'month' },
    datePosted: '2026-02-20',
    applyUrl: 'https://kazan.hh.ru/applicant/vacancy_response?vacancyId=99887766',
  },
  {
    site: 'reed',
    file: 'reed.html',
    url: 'https://www.reed.co.uk/jobs/site-manager/55677889',
    title: 'Site Manager',
    company: 'Pennine Build Ltd',
    cities: ['Leeds'],
    employment: ['full_time'],
    salary: { min: 48_000, max: 55_000, currency: 'GBP', period: 'year' },
    datePosted: '2026-02-27',
    applyUrl: 'https://www.reed.co.uk/jobs/55677889/apply',
  },
  {
    site: 'topjobs',
    file: 'topjobs.html',
    url: 'https://www.topjobs.lk/employer/JobAdvertismentServlet?rid=0&ac=CDSLTD&jc=0009988776&ec=CDSLTD',
    title: 'Senior Software Engineer - Java',
    company: 'Ceylon Digital Systems (Pvt) Ltd',
    cities: ['Kandy'],
    datePosted: '2026-02-03',
  },
  {
    site: 'doda',
    file: 'doda.html',
    url: 'https://doda.jp/DodaFront/View/JobSearchDetail/j_jid__3001112223/',
    title: '社内SE（インフラ）',
    company: '株式会社みなと物流',
    cities: ['神奈川県横浜市中区'],
    workplace: 'hybrid',
    employment: ['full_time'],
    salary: { min: 5_000_000, max: 7_000_000, currency: 'JPY', period: 'year' },
    datePosted: '2026-02-10',
  },
  {
    site: 'jobthai',
    file: 'jobthai.html',
    url: 'https://www.jobthai.com/th/company/job/7766554',
    title: 'วิศวกรซ่อมบำรุง',
    company: 'บริษัท ชลบุรีพาร์ท จำกัด',
    cities: ['อำเภอศรีราชา ชลบุรี'],
    employment: ['full_time'],
    salary: { min: 30_000, max: 40_000, currency: 'THB', period: 'month' },
    datePosted: '2026-02-12',
  },
  {
    site: 'usajobs',
    file: 'usajobs.html',
    url: 'https://www.usajobs.gov/job/845566778',
    title: 'Park Ranger (Interpretation)',
    company: 'National Park Service',
    cities: ['Moab', 'Springdale'],
    workplace: 'onsite',
    employment: ['full_time'],
    salary: { min: 49_025, max: 63_733, currency: 'USD', period: 'year' },
    datePosted: '2026-02-09',
    applyUrl: 'https://www.usajobs.gov/job/845566778/apply',
  },
];

describe('site profiles', () => {
  it.each(CASES)('$site reads its board page', (c) => {
    const res = parseJobPage(page(c.file), { url: c.url, now: NOW });
    const job = res.job!;
    expect(job, res.warnings.join('; ')).not.toBeNull();
    expect(res.source).toBe('site');
    expect(job.title).toBe(c.title);
    expect(job.company.name).toBe(c.company);
    // A board is never the employer's domain.
    expect(job.company.domain).toBeUndefined();
    expect(job.locations.map((l) => l.city)).toEqual(c.cities);
    if (c.country) expect(job.locations[0]?.country).toBe(c.country);
    if (c.workplace !== undefined) expect(job.workplaceType).toBe(c.workplace);
    if (c.employment) expect(job.employmentType).toEqual(c.employment);
    if (c.salary !== undefined) {
      if (c.salary === null) expect(job.salary).toBeNull();
      else expect(job.salary).toMatchObject(c.salary);
    }
    if (c.datePosted !== undefined) expect(job.datePosted).toBe(c.datePosted);
    if (c.applyUrl !== undefined) expect(job.applyUrl).toBe(c.applyUrl);
    expect(job.description.text.length).toBeGreaterThan(30);
    expect(job.provenance.title).toBe(`site:${c.site}`);
    expect(job.provenance.company).toBe(`site:${c.site}`);
  });

  it('reads closing dates day first where the board writes them so', () => {
    const top = parseJobPage(page('topjobs.html'), { url: CASES.find((c) => c.site === 'topjobs')!.url, now: NOW }).job!;
    expect(top.validThrough).toBe('2026-02-17');
    const reed = parseJobPage(page('reed.html'), { url: CASES.find((c) => c.site === 'reed')!.url, now: NOW }).job!;
    expect(reed.validThrough).toBe('2026-03-14');
    const usa = parseJobPage(page('usajobs.html'), { url: CASES.find((c) => c.site === 'usajobs')!.url, now: NOW }).job!;
    expect(usa.validThrough).toBe('2026-02-23');
  });

  it('never reads navigation, notification counters or the platform name as the posting', () => {
    for (const c of CASES) {
      const job = parseJobPage(page(c.file), { url: c.url, now: NOW }).job!;
      expect(job.title).not.toMatch(/notification|sign in|log ?in|anmelden|登录/i);
      expect(job.company.name).not.toMatch(/^(?:linkedin|indeed|glassdoor|stepstone|naukri|seek|xing|boss直聘|前程无忧|bayt)(?:\.com)?$/i);
    }
  });

  it('every profile has an id, a name, hosts and at least title and company selectors', () => {
    const ids = new Set<string>();
    for (const s of siteProfiles) {
      expect(s.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(ids.has(s.id)).toBe(false);
      ids.add(s.id);
      expect(s.hosts.length).toBeGreaterThan(0);
      expect(s.fields.title?.length ?? 0).toBeGreaterThan(0);
      expect(s.fields.company?.length ?? s.embedded?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

describe('site profiles on hostile pages', () => {
  it('a board page with 5,000 criteria rows and a 200,000-character title stays bounded', () => {
    const rows =
      '<li class="description__job-criteria-item"><h3 class="description__job-criteria-subheader">Employment type</h3><span class="description__job-criteria-text">Full-time</span></li>'.repeat(
        5_000,
      );
    const title = `${'Acme hiring '.repeat(10_000)} in ${'x in '.repeat(20_000)}`;
    const html = `<html><head><title>${title} | LinkedIn</title></head><body><h1 class="top-card-layout__title">Welder</h1><a class="topcard__org-name-link">Acme</a><ul>${rows}</ul></body></html>`;
    const t0 = performance.now();
    const res = parseJobPage(html, { url: 'https://www.linkedin.com/jobs/view/4012345678', now: NOW });
    expect(performance.now() - t0).toBeLessThan(8_000);
    expect(res.job?.title).toBe('Welder');
    expect(res.job?.employmentType).toEqual(['full_time']);
  });
});

describe('site docs', () => {
  it('docs/sites.md has a row for every profile', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/sites.md'), 'utf8');
    for (const s of siteProfiles) expect(doc, s.id).toContain(`| \`${s.id}\` |`);
  });
});

describe('site host index', () => {
  it('finds a board on every country host and subdomain', () => {
    expect(sitesForHost('de.indeed.com').map((s) => s.id)).toEqual(['indeed']);
    expect(sitesForHost('www.indeed.co.uk').map((s) => s.id)).toEqual(['indeed']);
    expect(sitesForHost('www.glassdoor.com.au').map((s) => s.id)).toEqual(['glassdoor']);
    expect(sitesForHost('de.linkedin.com').map((s) => s.id)).toEqual(['linkedin']);
    expect(sitesForHost('www.stepstone.at').map((s) => s.id)).toEqual(['stepstone']);
    expect(sitesForHost('www.seek.co.nz').map((s) => s.id)).toEqual(['seek']);
    expect(sitesForHost('jobs.51job.com').map((s) => s.id)).toEqual(['51job']);
  });

  it('never matches a foreign host that only looks like a board', () => {
    for (const host of [
      'acme.example',
      'notindeed.com',
      'indeed-jobs.example',
      'linkedin.com.evil.example',
      'seek.example',
      'myglassdoor.io',
      'xing.com.attacker.net',
    ]) {
      expect(sitesForHost(host), host).toEqual([]);
    }
  });

  it('is never consulted on a foreign host, even when the page copies a board’s markup', () => {
    const res = parseJobPage(page('linkedin.html'), { url: 'https://careers.acme.example/jobs/view/4012345678', now: NOW });
    expect(res.source).not.toBe('site');
    for (const source of Object.values(res.job?.provenance ?? {})) expect(source).not.toMatch(/^site:/);
  });

  it('reads only single-posting pages on a board host (a search page is not a posting)', () => {
    const scan = scanPage(page('linkedin.html'));
    expect(siteForPage('https://www.linkedin.com/jobs/search?keywords=data', scan)).toBeNull();
    expect(siteForPage('https://www.linkedin.com/jobs/view/4012345678', scan)?.id).toBe('linkedin');
    expect(siteForPage('https://www.seek.com.au/jobs?keywords=nurse', scan)).toBeNull();
  });
});

describe('title fallbacks', () => {
  it('reads LinkedIn’s "Employer hiring Role in Place" and "Role | Employer | LinkedIn" titles when the top card is missing', () => {
    const bare = (title: string) =>
      `<html><head><title>${title}</title></head><body><nav><a href="/notifications">0 notifications</a></nav><div class="show-more-less-html__markup"><p>We build tools for the freight industry and are hiring a careful engineer to join us.</p></div></body></html>`;
    const a = parseJobPage(bare('Hafenlogistik GmbH hiring Platform Engineer in Test in Bremen, Germany | LinkedIn'), {
      url: 'https://www.linkedin.com/jobs/view/4019999999',
      now: NOW,
    }).job!;
    expect([a.title, a.company.name, a.locations[0]?.city]).toEqual(['Platform Engineer in Test', 'Hafenlogistik GmbH', 'Bremen']);
    const b = parseJobPage(bare('Product Designer | Kielwind AG | LinkedIn'), {
      url: 'https://www.linkedin.com/jobs/view/4018888888',
      now: NOW,
    }).job!;
    expect([b.title, b.company.name]).toEqual(['Product Designer', 'Kielwind AG']);
  });
});

describe('board location lines', () => {
  it.each([
    ['Hybrid remote in Berlin', 'Berlin (Hybrid)'],
    ['Remote in Austin, TX 78701', 'Austin, TX 78701 (Remote)'],
    ['Télétravail partiel à Paris (75)', 'Paris (75) (Hybrid)'],
    ['Teletrabajo en Madrid', 'Madrid (Remote)'],
    ['Hamburg', 'Hamburg'],
  ])('%s → %s', (text, want) => expect(placeFirst(text)).toBe(want));
});

describe('site dates', () => {
  it.each([
    ['2 weeks ago', '2026-02-15'],
    ['Posted 30+ days ago', '2026-01-30'],
    ['Active 3 days ago', '2026-02-26'],
    ['Just posted', '2026-03-01'],
    ['3天前', '2026-02-26'],
    ['昨天', '2026-02-28'],
    ['منذ 3 أيام', '2026-02-26'],
    ['3 дня назад', '2026-02-26'],
    ['há 2 semanas', '2026-02-15'],
    ['02-20发布', '2026-02-20'],
    ['12-28发布', '2025-12-28'],
    ['更新于：2026-02-24', '2026-02-24'],
  ])('%s → %s', (text, want) => {
    expect(siteDate(text, NOW)).toBe(want);
  });

  it('reads numeric dates in the site’s order', () => {
    expect(siteDate('05/03/2026', NOW, 'dmy')).toBe('2026-03-05');
    expect(siteDate('05/03/2026', NOW, 'mdy')).toBe('2026-05-03');
    expect(siteDate('31/02/2026', NOW, 'dmy')).toBeUndefined();
  });
});
