import { describe, expect, it } from 'vitest';
import { companyShapeIssues, DEFAULT_QUALITY_THRESHOLD, type ScorableJob, scoreQuality, titleShapeIssues } from './quality.js';

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

  it('breakdown maxima sum to 100, completeness points stay within each maximum, confidence entries only deduct', () => {
    const doubtful = {
      ...complete(),
      confidence: { title: { score: 0.5, reasons: ['heuristic'] }, salary: { score: 0.2, reasons: ['no pay period'] } },
    };
    for (const job of [complete(), thin(), doubtful, { ...complete(), title: '{{ job.title }}' }]) {
      const q = scoreQuality(job, { now });
      expect(q.breakdown.reduce((s, r) => s + r.max, 0)).toBe(100);
      for (const r of q.breakdown) {
        if (r.rule.startsWith('confidence:')) {
          expect(r.max).toBe(0);
          expect(r.points).toBeLessThan(0);
          expect(r.note).toBeTruthy();
        } else {
          expect(r.points).toBeGreaterThanOrEqual(0);
          expect(r.points).toBeLessThanOrEqual(r.max);
        }
      }
      expect(q.score).toBe(
        Math.max(
          0,
          q.breakdown.reduce((s, r) => s + r.points, 0),
        ),
      );
    }
  });

  const variants: [string, (j: ScorableJob) => ScorableJob][] = [
    ['thin', () => thin()],
    ['min > max', (j) => ({ ...j, salary: { min: 90_000, max: 70_000, currency: 'EUR', period: 'year' } })],
    ['no currency', (j) => ({ ...j, salary: { min: 70_000, max: 90_000, currency: null, period: 'year' } })],
    ['implausible hourly', (j) => ({ ...j, salary: { min: 70_000, max: 90_000, currency: 'EUR', period: 'hour' } })],
    ['city only', (j) => ({ ...j, locations: [{ raw: 'Berlin', city: 'Berlin' }] })],
    ['city and country', (j) => ({ ...j, locations: [{ raw: 'Berlin, DE', city: 'Berlin', country: 'DE' }] })],
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

  it('a remote posting needs no location', () => {
    const q = scoreQuality({ ...complete(), locations: [], workplaceType: 'remote' }, { now });
    expect(q.breakdown.find((r) => r.rule === 'location')!.points).toBe(15);
    expect(q.breakdown.find((r) => r.rule === 'google-required')!.note).toBeUndefined();
  });

  it('a correct, sparse posting passes: optional fields missing cost little, required ones a lot', () => {
    const sparse: ScorableJob = {
      ...complete(),
      salary: null,
      datePosted: null,
      validThrough: null,
      applyUrl: null,
      workplaceType: null,
      employmentType: [],
      locations: [{ raw: 'Lyon', city: 'Lyon' }],
      description: { html: '', text: words(40) },
    };
    const s = scoreQuality(sparse, { now }).score;
    expect(s).toBeGreaterThanOrEqual(DEFAULT_QUALITY_THRESHOLD + 10);
    // Losing the place costs more than losing salary and date together.
    const noPlace = scoreQuality({ ...sparse, locations: [] }, { now }).score;
    const noSalaryDate = scoreQuality({ ...complete(), salary: null, datePosted: null }, { now }).score;
    expect(s - noPlace).toBeGreaterThan(100 - noSalaryDate);
    expect(scoreQuality({ ...sparse, description: { html: '', text: 'Apply now.' } }, { now }).score).toBeLessThan(s - 10);
  });

  it('penalises a salary whose min is greater than its max', () => {
    const good = scoreQuality(complete(), { now });
    const bad = scoreQuality(variants[1]![1](complete()), { now });
    const rule = (q: typeof good) => q.breakdown.find((r) => r.rule === 'salary')!;
    expect(rule(bad).points).toBeLessThan(rule(good).points);
    expect(rule(bad).note).toMatch(/min > max/);
    expect(bad.score).toBeLessThan(good.score);
  });

  it('names the missing required fields (datePosted is scored under date)', () => {
    const q = scoreQuality({ ...thin(), description: { html: '', text: '' } }, { now });
    const rule = q.breakdown.find((r) => r.rule === 'google-required')!;
    expect(rule.note).toContain('description');
    expect(rule.note).toContain('jobLocation');
    expect(q.breakdown.find((r) => r.rule === 'date')!.note).toBe('no datePosted');
  });
});

const job = (title: string, patch: Partial<ScorableJob> = {}): ScorableJob => ({ ...complete(), title, ...patch });
const reasons = (title: string, ctx: Parameters<typeof titleShapeIssues>[1] = {}) => titleShapeIssues(title, ctx).map((i) => i.reason);

/** Families of bad titles (strings of our own; each family has members that differ in syntax, language and position). */
const BAD_TITLES: [family: string, reason: RegExp, titles: string[], patch?: Partial<ScorableJob>][] = [
  [
    'template placeholder',
    /placeholder/,
    [
      '{{ posting.name }}',
      '{{title}} – Careers',
      '${jobTitle}',
      'Role: %s',
      '%(position)s in Lyon',
      '{0} (m/w/d)',
      '<%= vacancy.title %>',
      '[[JOB_NAME]]',
      '__POSITION_TITLE__',
      'undefined',
      '[object Object]',
    ],
  ],
  [
    'counter',
    /counter/,
    [
      '3 notifications',
      '(12) Nachrichten',
      '57 new jobs',
      '99+ alerts',
      '(4)',
      '0 nouveaux messages',
      '8 件',
      '3件の通知',
      '5 条消息',
      '12 уведомлений',
    ],
  ],
  [
    'navigation / cookie / footer text',
    /navigation|cookie|footer|sign-in/,
    [
      'Skip to main content',
      'Stellenangebote',
      'Accept all',
      'We use cookies to improve your experience',
      '© 2025 Northwind Traders. All rights reserved.',
      'Iniciar sesión',
      'ログイン',
      'Back to search',
      'Sign in to apply',
      'URGENT HIRING!!!',
      'We’re hiring',
      'JOB OPENING',
    ],
  ],
  ['section heading', /section heading/, ['About the role', 'Ihr Profil', 'Profil recherché', 'Requisitos', '仕事内容', 'Similar jobs']],
  [
    "careers page's name",
    /careers page/,
    ['Careers at Northwind', 'Jobs | Contoso', 'Karriere bei Fabrikam', 'Northwind Careers', 'Open positions – Tailspin'],
  ],
  ['equals the company', /company name/, ['Fabrikam Ltd', 'FABRIKAM LTD.'], { company: { name: 'Fabrikam Ltd' } }],
  ["the site's name", /site's name/, ['Hirely', 'hirely'], { url: 'https://www.hirely.example/jobs/4411' }],
  [
    'company beside the role',
    /company name beside/,
    ['Payroll Specialist | Fabrikam Ltd', 'Fabrikam Ltd – Payroll Specialist', 'Payroll Specialist at Fabrikam Ltd'],
    { company: { name: 'Fabrikam Ltd' } },
  ],
  [
    "site's name beside the role",
    /site's name beside/,
    ['Payroll Specialist - Hirely', 'Payroll Specialist | hirely.example'],
    { url: 'https://jobs.hirely.example/view/88' },
  ],
  [
    'a place',
    /place/,
    ['Rotterdam', 'rotterdam', 'Verpleegkundige – Rotterdam', 'Verpleegkundige, Rotterdam', 'Nurse in Rotterdam'],
    { locations: [{ raw: 'Rotterdam, NL', city: 'Rotterdam', country: 'NL' }] },
  ],
  [
    'announcement wording',
    /announcement/,
    [
      'Vacancy: Site Electrician',
      'Wir suchen Elektriker (m/w/d)',
      'Stellenausschreibung – Sachbearbeitung Vergabe',
      '研究員の公募について',
      '招聘启事：会计',
      "We're hiring: Barista",
      'Convocatoria: Técnico de laboratorio',
    ],
  ],
  [
    'a sentence',
    /sentence|announcement/,
    [
      'We are looking for a motivated Barista to join our team.',
      'Nous recherchons un(e) technicien(ne) de maintenance',
      'Join our team as Line Cook',
      'This role supports our finance team with monthly closing tasks.',
    ],
  ],
  ['the department', /department/, ['Engineering', 'ENGINEERING'], { department: 'Engineering' }],
  [
    'generic page word beside the role',
    /generic page word/,
    [
      'Payroll Specialist - Job details',
      'Payroll Specialist | Careers',
      'Home > Jobs > Payroll Specialist',
      '物流スタッフ - 求人情報',
      'Stellenangebot | Lagerhelfer (m/w/d)',
      'Payroll Specialist｜Apply now',
    ],
  ],
  [
    'addresses the reader',
    /addresses the reader|announcement/,
    [
      'Join the Harbourside crew',
      'Join our growing team',
      'Your next challenge in logistics',
      'Werde Teil unseres Teams',
      'Rejoignez notre équipe commerciale',
      'Únete a nuestro equipo de ventas',
    ],
  ],
  [
    'recruitment announcement',
    /announcement/,
    ['化学系招聘博士后研究人员', '2026年公开招聘工作人员', 'कनिष्ठ लिपिक पदभरती', 'सहायक अभियंता भर्ती 2026'],
  ],
  [
    "a company's name",
    /company's name/,
    ['Harbourside Foods Inc', 'Northwind Traders Ltd.', 'Kestrel Logistik GmbH', '株式会社ひかり', 'Wektor Sp. z o.o.'],
  ],
  ['a reference number', /reference number/, ['Job #48213', 'REQ-00123', 'Requisition ID 77120', 'Stelle Nr. 1234']],
  ['a date or an amount', /date or an amount/, ['Posted 3 days ago', '12.11.2026', '€45,000 – €55,000', 'USD 120k per year']],
  ['truncated', /truncated/, ['Senior Software Engineer, Distributed Sys…', 'Lead Analyst for Regional Operations and...']],
  ['markup or URL', /markup or a URL/, ['<b>Line Cook</b>', 'Apply at https://apply.example/9', 'Chef – www.bistro.example']],
];

describe('title shapes', () => {
  it.each(BAD_TITLES)('%s: every member is flagged and keeps a complete posting below the threshold', (_family, reason, titles, patch) => {
    for (const title of titles) {
      const j = job(title, patch);
      const places = j.locations.flatMap((l) => [l.raw, l.city ?? '']);
      expect(
        reasons(title, { url: j.url, company: j.company.name, places, ...(j.department ? { department: j.department } : {}) }).join('; '),
        title,
      ).toMatch(reason);
      const q = scoreQuality(j, { now });
      expect(q.score, title).toBeLessThan(DEFAULT_QUALITY_THRESHOLD);
      const entry = q.breakdown.find((r) => r.rule === 'confidence:title');
      expect(entry?.note, title).toMatch(reason);
    }
  });

  it('untrusted titles (placeholder, counter, navigation, site name) stay below 50 whatever else the posting has', () => {
    for (const title of ['{{ posting.name }}', '14 notifications', 'Startseite', 'Hirely']) {
      const q = scoreQuality(job(title, { url: 'https://hirely.example/j/1' }), { now });
      expect(q.score, title).toBeLessThan(50);
      expect(q.breakdown.find((r) => r.rule === 'confidence:title')!.points).toBeLessThan(-50);
    }
  });

  it('all caps and a counter in front cost points but are reported, not fatal on their own', () => {
    expect(reasons('WAREHOUSE OPERATIVE NEEDED')).toContain('all caps');
    expect(reasons('(2) Senior Data Engineer')).toContain('starts with an unread counter');
    expect(scoreQuality(job('WAREHOUSE OPERATIVE NEEDED'), { now }).score).toBeGreaterThanOrEqual(DEFAULT_QUALITY_THRESHOLD);
  });

  it('ordinary titles in many languages and shapes have no issue', () => {
    const ctx = { url: 'https://careers.northwind.example/jobs/1', company: 'Northwind Traders', places: ['Lyon, France', 'Lyon'] };
    for (const title of [
      'Senior Backend Engineer',
      'Customer Success Manager (m/w/d)',
      'Careers Adviser',
      'QA',
      'C++ Developer',
      '3D Artist',
      '2nd Shift Forklift Operator',
      'Backend Engineer (India)',
      'Nurse - Night Shift',
      'Ingeniero/a de Datos',
      'Chargé(e) de mission RH',
      '前端工程师（React）',
      'محاسب أول',
      'Медицинская сестра',
      'Medewerker Klantenservice 32-40 uur',
      'Teilzeit Buchhalter (m/w/d)',
      'Data Scientist – Applied ML',
      'Jobs Coordinator, Youth Employment Programme',
      '911 Dispatcher',
      '24/7 Support Agent',
      'Head of Careers',
      'Job Coach',
      'Hiring Manager Assistant',
      '1st Line Support',
      'Sales Manager US',
      'Tour Guide',
      'Auxiliar de enfermería para turno de noche en residencia',
      'Home Care Assistant',
      'Engineer II - Platform',
      '$20/hr Warehouse Associate',
      'Career Development Advisor',
      '招聘专员',
      '高级招聘经理',
      'Joinery Apprentice',
      'Inclusion Officer',
      'AG Sales Representative',
      'Asistente de Ventas SA',
      'Account Manager SE',
      'Lab Assistant AS Level',
      'Search Engine Marketing Manager',
      'Job Centre Adviser (EO)',
    ]) {
      expect(titleShapeIssues(title, ctx), title).toEqual([]);
    }
  });

  it('reads at most a bounded prefix, so hostile titles cost linear time', () => {
    const hostile = ['%('.repeat(200_000), '{'.repeat(400_000), `${'a '.repeat(200_000)}|`, '1 '.repeat(200_000)];
    const t0 = performance.now();
    for (const h of hostile) titleShapeIssues(h, { company: h, siteNames: [h], places: [h] });
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('company shapes', () => {
  it.each([
    ['placeholder', '{{ company.name }}', /placeholder/],
    ['a job board', 'LinkedIn', /job board or ATS/],
    ['a board slogan', 'Jobs, vacancies and careers in Lanka', /slogan/],
    ['footer text', '© 2024 Tailspin. All rights reserved', /footer/],
    ['a site menu item', 'Investor Relations', /navigation/],
    ['a section heading', 'Über uns', /navigation/],
    ['a sentence', 'Help scale and monitor our backend services', /sentence/],
    ['a sentence with a full stop', 'We build tools for teams that ship every day.', /sentence/],
  ])('%s is flagged and keeps the posting below the threshold', (_name, company, reason) => {
    expect(
      companyShapeIssues(company)
        .map((i) => i.reason)
        .join('; '),
    ).toMatch(reason);
    expect(scoreQuality({ ...complete(), company: { name: company } }, { now }).score).toBeLessThan(DEFAULT_QUALITY_THRESHOLD);
  });

  it("a board's own vacancies name the board as employer without an issue", () => {
    expect(companyShapeIssues('LinkedIn', { url: 'https://careers.linkedin.com/jobs/123' })).toEqual([]);
    expect(companyShapeIssues('Greenhouse', { url: 'https://boards.greenhouse.io/greenhouse/jobs/77' })).toEqual([]);
    expect(companyShapeIssues('LinkedIn', { url: 'https://www.linkedin.com/jobs/view/backend-engineer-at-northwind-123' })).not.toEqual([]);
    expect(companyShapeIssues('Lever', { url: 'https://jobs.lever.co/northwind/5f1c' })).not.toEqual([]);
  });

  it('real employer names have no issue; a company Jobkit derived is not shape-checked', () => {
    for (const c of [
      'Acme GmbH',
      'Jobs & Talent Agency Ltd',
      'Drukarnia Wektor Sp. z o.o.',
      '株式会社ひかり',
      'Indeed Flex Staffing Partner Ltd',
      'Universidad Nacional del Norte',
      'Instituto de Química de Ribeirão Preto',
      'Ministerio de Trabajo y Economía Social',
      'Bank of the West Inc.',
    ])
      expect(companyShapeIssues(c), c).toEqual([]);
    const derived = scoreQuality({ ...complete(), company: { name: 'Linkedin' }, provenance: { company: 'derived' } }, { now });
    expect(derived.breakdown.some((r) => r.rule === 'confidence:company')).toBe(false);
  });
});

describe('confidence in the score', () => {
  const withConfidence = (confidence: ScorableJob['confidence'], base: ScorableJob = complete()): ScorableJob => ({ ...base, confidence });

  it('a posting without confidence info is scored as before; fully trusted confidence changes nothing', () => {
    expect(scoreQuality(complete(), { now }).score).toBe(100);
    const trusted = withConfidence({
      title: { score: 0.9, reasons: ['json-ld'] },
      company: { score: 0.95, reasons: ['ats-api'] },
      salary: { score: 0.8, reasons: ['site:x'] },
    });
    expect(scoreQuality(trusted, { now })).toEqual(scoreQuality(complete(), { now }));
  });

  it('a required field with low confidence costs more than a missing optional one', () => {
    const full = scoreQuality(complete(), { now }).score;
    const noSalary = scoreQuality({ ...complete(), salary: null }, { now }).score;
    for (const field of ['title', 'company'] as const) {
      const doubtful = scoreQuality(withConfidence({ [field]: { score: 0.45, reasons: ['heuristic', 'differs from the h1'] } }), {
        now,
      }).score;
      expect(full - doubtful, field).toBeGreaterThan(full - noSalary);
    }
  });

  it('the breakdown names the field that lowered the score and why, largest deduction first', () => {
    const q = scoreQuality(
      withConfidence({
        salary: { score: 0.35, reasons: ['no pay period'] },
        title: { score: 0.4, reasons: ['structured data contradicts the visible page'] },
      }),
      { now },
    );
    const entries = q.breakdown.filter((r) => r.rule.startsWith('confidence:'));
    expect(entries.map((r) => r.rule)).toEqual(['confidence:title', 'confidence:salary']);
    expect(entries[0]!.note).toMatch(/0\.40: structured data contradicts the visible page/);
    expect(entries[1]!.note).toMatch(/no pay period/);
  });

  it('confidence below the untrusted line on title or company keeps the score under 50', () => {
    for (const field of ['title', 'company'] as const) {
      const q = scoreQuality(withConfidence({ [field]: { score: 0.3, reasons: ['x'] } }), { now });
      expect(q.score, field).toBe(49);
      expect(q.breakdown.find((r) => r.rule === `confidence:${field}`)!.note).toMatch(/keeps the score below 50/);
    }
    expect(scoreQuality(withConfidence({ salary: { score: 0.1, reasons: ['x'] } }), { now }).score).toBeGreaterThanOrEqual(
      DEFAULT_QUALITY_THRESHOLD,
    );
  });

  it('confidence beside an absent field is doubt that it is really absent (the page states one the parser missed)', () => {
    const missed = withConfidence(
      { salary: { score: 0.2, reasons: ['not read, but the description states an amount ("3.400 € brutto")'] } },
      { ...complete(), salary: null },
    );
    const q = scoreQuality(missed, { now });
    const entry = q.breakdown.find((r) => r.rule === 'confidence:salary')!;
    expect(entry.note).toMatch(/absent; not read/);
    expect(q.score).toBeLessThan(DEFAULT_QUALITY_THRESHOLD);
    // Absent and confidently so (or no entry at all): only the small completeness cost.
    expect(
      scoreQuality(withConfidence({ salary: { score: 0.9, reasons: ['json-ld'] } }, { ...complete(), salary: null }), { now }).score,
    ).toBe(scoreQuality({ ...complete(), salary: null }, { now }).score);
  });
});
