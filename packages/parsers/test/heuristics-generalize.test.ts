/**
 * Families of pages without structured data that real sites write in many variants: label rows
 * of inline spans, labels with a qualifier ("Consolidated salary"), closing dates stated in a
 * sentence, Taleo's "Country-Region-City", a shared "$" on a non-US page, a colon inside a value,
 * Turkish dotted capitals. Each page here is a small hand-written fixture (synthetic), not a
 * corpus page.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, labelField } from '../src/heuristics/lang/index.js';
import { countryFirst } from '../src/heuristics/location.js';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const html = (lang: string, title: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><header><nav><a href="/">Home</a></nav></header><main>${body}</main><footer>© 2026</footer></body></html>`;
const parse = (page: string, url: string) => parseJobPage(page, { url, now: NOW });

describe('label–value families', () => {
  it('splits a row of inline spans that each hold "Label：value"', () => {
    const page = html(
      'zh-CN',
      '仓库管理员-人才招聘-某某物流有限公司',
      '<h1>仓库管理员</h1><div class="info"><span>工作地点：江苏省苏州市</span><span>薪资：5000-8000元/月</span><span>发布日期：2026-11-12</span></div><h3>岗位职责</h3><p>负责仓库收发货及盘点工作。</p>',
    );
    const job = parse(page, 'https://www.mouwuliu.example.cn/job/12').job!;
    expect(job.salary).toMatchObject({ min: 5000, max: 8000, currency: 'CNY', period: 'month' });
    expect(job.datePosted).toBe('2026-11-12');
    expect(job.locations[0]?.raw).not.toContain('薪资');
  });

  it('reads labels with a qualifier before a known label, but not section headings', () => {
    expect(labelField('Consolidated salary')).toBe('salary');
    expect(labelField('Primary Location')).toBe('location');
    expect(labelField('Start date')).toBeUndefined();
    expect(labelField('About the company')).toBeUndefined();
  });

  it('reads a heading that is a label, with its block as the value (employer on the first line)', () => {
    const page = html(
      'en',
      'View job',
      '<h1>Warehouse Operator</h1><p>Pick and pack orders, run the forklift and keep the stock system right in our busy warehouse near the motorway.</p><h3>Type of employment</h3><p>Regular position</p><h3>Weekly working hours</h3><p>Full time (37 hours)</p><h3>Employer</h3><p>Nordlager ApS<br>Industrivej 4<br>DK 7400 Herning<br>Denmark</p><h3>How to apply</h3><p><a href="https://nordlager.example/apply/77">Application form</a></p>',
    );
    const job = parse(page, 'https://www.jobportal-example.dk/job/77/Warehouse-Operator').job!;
    expect(job.company.name).toBe('Nordlager ApS');
    expect(job.employmentType).toEqual(['full_time']);
  });

  it('never reads a list sentence ending in a label word as a label', () => {
    expect(labelField('Perform periodic database administration')).toBeUndefined();
    expect(labelField('Strong database experience')).not.toBe('company');
  });

  it('knows Marathi labels beside Hindi ones (same script, other words)', () => {
    expect(labelField('नोकरीचे ठिकाण')).toBe('location');
    expect(labelField('अर्ज करण्याची शेवटची तारीख')).toBe('validThrough');
    expect(labelField('वेतनश्रेणी')).toBe('salary');
  });

  it('folds the Turkish dotted capital İ so "İlan tarihi" is a known label', () => {
    expect(labelField('İlan tarihi:')).toBe('datePosted');
  });

  it('keeps a label whose value holds a colon ("Job Posting Nov 17, 2026, 9:00:00 AM")', () => {
    const page = html(
      'en',
      'Job Description - Night Nurse (2600123)',
      '<h1>Night Nurse</h1><table><tr><td><span class="subtitle">Primary Location</span><span> Canada-Alberta-Calgary</span></td></tr><tr><td><span class="subtitle">Job Posting</span><span> Nov 17, 2026, 9:00:00 AM</span></td></tr><tr><td><span class="subtitle">Unposting Date</span><span> Dec 3, 2026, 11:59:00 PM</span></td></tr></table><p>Wage: $41.20 per hour.</p><p>Provide nursing care on the night shift in a busy ward.</p><a href="/apply?job=2600123">Apply Online</a>',
    );
    const job = parse(page, 'https://health-example.taleo.net/careersection/ex/jobdetail.ftl?job=2600123').job!;
    expect(job.datePosted?.slice(0, 10)).toBe('2026-11-17');
    expect(job.validThrough?.slice(0, 10)).toBe('2026-12-03');
    expect(job.locations[0]).toMatchObject({ city: 'Calgary', country: 'CA' });
    // "$" on a Canadian posting is Canadian dollars.
    expect(job.salary).toMatchObject({ min: 41.2, currency: 'CAD', period: 'hour' });
  });
});

describe('title markup hints', () => {
  it('reads a title from a class hint when the page has no h1 (each hint tried on its own)', () => {
    const page = html(
      'en',
      'Job Description - Overnight Stocker - Seasonal (2600777)',
      '<table><tr><td><span class="titlepage">Overnight Stocker - Seasonal</span><span class="subtitle">-</span><span class="titlepage">(2600777)</span></td></tr></table><h3>Responsibilities</h3><p>Unload trucks and stock shelves overnight in our store. Keep aisles safe, clean and ready for the morning team. Rotate stock, check dates and report damaged goods to the shift lead. Help with seasonal resets and price changes when needed.</p><p>Location: Dayton, OH</p><p>Pay: $17.50 per hour</p><p>Schedule: Part-time</p><a href="/careersection/apply?job=2600777">Apply Online</a>',
    );
    expect(parse(page, 'https://retail-example.taleo.net/careersection/ex/jobdetail.ftl?job=2600777').job?.title).toBe(
      'Overnight Stocker - Seasonal',
    );
  });
});

describe('title families', () => {
  it('cuts hiring units and recruiting words around the role, in several scripts', async () => {
    const { splitTitle } = await import('../src/heuristics/title.js');
    expect(splitTitle('物理系招聘博士后研究人员', undefined, undefined, true).title).toBe('博士后研究人员');
    expect(splitTitle('理学研究科 特任助教（化学）の公募について', undefined, undefined, true).title).toBe('特任助教（化学）');
    expect(splitTitle('वरिष्ठ लिपिक (गट-क) पदभरती', undefined, undefined, true).title).toBe('वरिष्ठ लिपिक (गट-क)');
    expect(splitTitle('倉庫スタッフ（週2日～） - 求人情報', undefined, undefined, true).title).toBe('倉庫スタッフ（週2日～）');
  });

  it('never takes a recruiting banner for the role, but keeps a product name with "login" in it', async () => {
    const { plausibleTitle } = await import('../src/heuristics/title.js');
    expect(plausibleTitle('Join the Riverbend team')).toBe(false);
    expect(plausibleTitle('Werde Teil unseres Teams')).toBe(false);
    expect(plausibleTitle('Login.gov - Director')).toBe(true);
    expect(plausibleTitle('Sign in')).toBe(false);
  });

  it('reads the line before a block of label rows as the title when the page has no heading', () => {
    const page = html(
      'en',
      'Job Posting Details',
      '<div class="pc-h2">Warehouse Planner</div><table><tr><td>Job ID <font>20811</font></td><td>Location <font>Reno, Nevada</font></td></tr><tr><td>Position Type <font>Regular Full-Time</font></td></tr></table><p>Plan inbound and outbound flows for our distribution centre, agree slots with carriers, keep stock accurate and report weekly on capacity and service levels to the site manager.</p><a href="/apply?id=20811">Apply to job</a>',
    );
    const job = parse(page, 'https://careers.example-dc.com/jobDetails.do?jobPostId=20811').job!;
    expect(job.title).toBe('Warehouse Planner');
    expect(job.locations[0]).toMatchObject({ city: 'Reno' });
    expect(job.employmentType).toEqual(['full_time']);
  });
});

describe('dates in running text', () => {
  it('reads a closing date stated in a sentence, in several languages', () => {
    const cases: Array<[string, string, string, string, string]> = [
      [
        'nl',
        'https://www.bakkerij-voorbeeld.nl/vacatures/bakker',
        'Bakker (32-40 uur)',
        '<p>Locatie: Utrecht</p><p>Salaris: € 2.700 - € 3.100 bruto per maand</p><p>Je bakt brood en banket in onze ambachtelijke bakkerij.</p><p>Solliciteren? Mail je cv. Reageren kan tot 12 december 2026.</p><a href="/vacatures/bakker/solliciteer">Solliciteer nu</a>',
        '2026-12-12',
      ],
      [
        'en-NZ',
        'https://www.orchard-example.co.nz/careers/picker',
        'Orchard Hand',
        '<p>Location: Hastings</p><p>Pay: $26.50 per hour</p><p>Picking, pruning and thinning across our apple blocks.</p><p>Applications close Friday 18 December 2026.</p><a href="/careers/picker/apply">Apply now</a>',
        '2026-12-18',
      ],
      [
        'pt',
        'https://www.quinta-exemplo.pt/carreiras/adegueiro',
        'Adegueiro (m/f)',
        '<p>Local: Régua</p><p>Remuneração: 1.100 € brutos/mês</p><p>Apoio à adega durante a vindima.</p><p>Candidaturas até 31/01/2027 para rh@quinta-exemplo.pt</p><a href="/carreiras/adegueiro/candidatura">Candidatar</a>',
        '2027-01-31',
      ],
    ];
    for (const [lang, url, title, body, day] of cases) {
      const job = parse(html(lang, `${title} – Example`, `<h1>${title}</h1>${body}`), url).job;
      expect(job, url).toBeTruthy();
      expect(job!.validThrough?.slice(0, 10), url).toBe(day);
    }
  });

  it('does not take a duration after a deadline word for a date', () => {
    const page = html(
      'en',
      'Packer – Careers – Example Foods',
      '<h1>Packer</h1><p>Location: Leeds</p><p>Salary: £24,000 per year</p><p>We work to tight deadlines within 14 days of each order. Full-time role in our packing hall.</p><a href="/careers/packer/apply">Apply now</a>',
    );
    const job = parse(page, 'https://www.examplefoods.example/careers/packer').job;
    expect(job).toBeTruthy();
    expect(job!.validThrough).toBeNull();
  });
});

describe('salary families', () => {
  it('reads an amount with a currency code in running text (AED, NZD, SGD…)', () => {
    const page = html(
      'en',
      'Line Cook – Careers – Palm Kitchen',
      '<h1>Line Cook</h1><p>Dubai · Full-time</p><div class="description"><p>We cook Levantine food for 400 guests a day in our central kitchen and two branches.</p><ul><li>3 years in a busy kitchen</li><li>Food safety certificate</li><li>Salary AED 6,000 – 7,500 per month, visa provided</li></ul></div><a href="/careers/line-cook/apply">Apply</a>',
    );
    expect(parse(page, 'https://www.palmkitchen.example/careers/line-cook').job?.salary).toMatchObject({
      min: 6000,
      max: 7500,
      currency: 'AED',
      period: 'month',
    });
  });

  it('never turns a pay grade into money when the page country is known', () => {
    const page = html(
      'de',
      'Sachbearbeiter:in – Karriere – Stadtwerke Beispiel',
      '<h1>Sachbearbeiter:in (m/w/d)</h1><p>Entgelt: E 9 TVöD</p><p>Bewerbungsfrist: 10.12.2026</p><p>Wir suchen Verstärkung für die Verwaltung.</p>',
    );
    const job = parse(page, 'https://www.stadtwerke-beispiel.de/karriere/sachbearbeitung').job!;
    expect(job.salary).toBeNull();
    expect(job.validThrough).toBe('2026-12-10');
  });
});

describe('salary in running text: trailing currency words, company figures', () => {
  it('reads an amount followed by its currency word and skips revenue figures', async () => {
    const { salaryFrom } = await import('../src/heuristics/salary.js');
    expect(salaryFrom('Oferujemy: 7 200–8 400 zł brutto / mies. i pakiet medyczny')).toMatchObject({
      min: 7200,
      max: 8400,
      currency: 'PLN',
      period: 'month',
    });
    expect(salaryFrom('Our group has annual revenues of EUR 640 million and 3,000 staff.')).toBeUndefined();
    expect(salaryFrom('Founded 2015, raised $25M. Pay: $70,000 - $82,000 per year')).toMatchObject({
      min: 70_000,
      max: 82_000,
      currency: 'USD',
    });
  });
});

describe('articles and training pages are not postings', () => {
  it('does not take a magazine article about pay for a job', () => {
    const page = `<!doctype html><html lang="de"><head><title>Warum Gehälter kein Tabu sein sollten</title><meta property="og:type" content="article"><meta property="article:published_time" content="2024-03-02"></head><body><main><article><h1>Warum Gehälter kein Tabu sein sollten</h1><p>Mehr Gehalt: So verhandelst du richtig.</p><p>${'Viele Beschäftigte wissen nicht, was ihre Kolleginnen verdienen, und verhandeln deshalb schlechter. '.repeat(8)}</p></article></main></body></html>`;
    expect(parse(page, 'https://www.magazin-beispiel.de/karriere/gehalt-tabu').job).toBeNull();
  });
});

describe('workplace and place details', () => {
  it('reads an on-site statement in running text', async () => {
    const { workplaceInProse } = await import('../src/heuristics/vocabulary.js');
    expect(workplaceInProse('Please note: this role is fully on-site at our plant.')).toBe('onsite');
    expect(workplaceInProse('We offer 100% on-site work with free parking.')).toBe('onsite');
    expect(workplaceInProse('Our site team monitors remote sensors.')).toBeUndefined();
  });

  it('never takes a bare store number under a location label for a place', () => {
    const page = html(
      'en',
      'Stocker - Job details',
      '<h1>Night Stocker</h1><table><tr><td>Location #</td><td>1034</td></tr><tr><td>Location Name</td><td>Egg Harbor Township, NJ</td></tr></table><p>Unload trucks, stock shelves and keep aisles safe during the night shift in our home improvement store.</p><a href="/apply?req=1">Apply now</a>',
    );
    const job = parse(page, 'https://jobs.example-retail.com/jobdetails?jobid=881').job!;
    expect(job.locations[0]).toMatchObject({ city: 'Egg Harbor Township' });
  });
});

describe('a posting with a rail of other jobs', () => {
  it('stays one posting at its own job address, and a results page stays a list', () => {
    const rail = Array.from({ length: 8 }, (_, i) => `<li><a href="/jobs/${900 + i}/job">Other role ${i}</a></li>`).join('');
    const body = `<h1>Packaging Engineer</h1><p>Location: Yorkville, IL</p><h3>Responsibilities</h3><p>${'Own packaging specifications, run line trials with suppliers and sign off new formats for our confectionery lines. '.repeat(9)}</p><h3>Qualifications</h3><p>${'Degree in packaging or mechanical engineering and three years in fast-moving consumer goods. '.repeat(6)}</p><a href="/jobs/4262/job?mode=apply">Apply for this job online</a><h3>Similar jobs</h3><ul>${rail}</ul>`;
    const job = parse(html('en', 'Careers', body), 'https://jobs-example.icims.com/jobs/4262/job').job;
    expect(job?.title).toBe('Packaging Engineer');
    const list = html('en', 'Search results', `<h1>12 jobs</h1><ul>${rail}</ul>`);
    expect(parse(list, 'https://jobs-example.icims.com/jobs/search?pr=1').job).toBeNull();
  });
});

describe('remote statements among places', () => {
  it('keeps the places and drops "Virtual (100% Remote)" from the locations', () => {
    const page = html(
      'en',
      'Data Engineer | Join the Digital Service',
      '<h1>Data Engineer</h1><p>Location: Denver, CO; Austin, TX; Virtual (100% Remote)</p><h3>Responsibilities</h3><p>Build and run data pipelines for public services, review code and mentor two junior engineers on the team.</p><a href="https://www.usajobs.gov/job/123456">Apply on USAJOBS</a>',
    );
    const job = parse(page, 'https://digital-service.example.gov/join/data-engineer').job!;
    expect(job.locations.map((l) => l.city)).toEqual(['Denver', 'Austin']);
  });
});

describe('location shapes', () => {
  it('reads "Country-Region-City" widest first, and leaves hyphenated place names whole', () => {
    expect(countryFirst('United States-Ohio-Columbus')).toBe('Columbus, Ohio, United States');
    expect(countryFirst('Baden-Baden')).toBe('Baden-Baden');
    expect(countryFirst('Winston-Salem, NC')).toBe('Winston-Salem, NC');
  });
});

describe('vocabularies the issue requires', () => {
  const REQUIRED = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'zh', 'ja', 'ar', 'ru', 'hi', 'ko', 'th'];
  const FIELDS = ['title', 'company', 'location', 'salary', 'employment', 'workplace', 'datePosted', 'validThrough', 'apply'] as const;
  it.each(REQUIRED)('%s has labels for every field, apply words and workplace words', (code) => {
    const lang = LANGUAGES.find((l) => l.code === code);
    expect(lang, code).toBeDefined();
    for (const f of FIELDS) expect(lang!.labels[f]?.length ?? 0, `${code} ${f}`).toBeGreaterThan(0);
    expect(lang!.apply.length).toBeGreaterThan(0);
    for (const w of ['remote', 'hybrid', 'onsite'] as const) expect(lang!.workplace[w]?.length ?? 0, `${code} ${w}`).toBeGreaterThan(0);
  });
});
