/**
 * Structured data against the visible page (structured/reconcile.ts through parseJobPage): each
 * family of markup that omits or contradicts what the page shows, with the value a person reads,
 * its provenance and the warning. Pages are small hand-written fixtures, not bench pages.
 */
import { describe, expect, it } from 'vitest';
import { siteBrand } from '../src/heuristics/site.js';
import { scanPage } from '../src/html/scan.js';
import { parseJobPage } from '../src/index.js';
import { isThinDescription, stripTitleAppendix, structuredDoubts } from '../src/structured/reconcile.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const URL_ = 'https://careers.orbit-freight.example/jobs/311-route-planner';
const LONG =
  'Orbit Freight moves groceries for two hundred shops across the region every night. As a route planner you will build the evening plans, balance driver hours, ' +
  'talk to depot leads about late orders and keep an eye on fuel use. You will work with a team of six planners and report to the head of operations.';

interface PageOptions {
  head?: string;
  body: string;
  posting: Record<string, unknown>;
}

function page({ head = '<title>Route Planner | Orbit Freight</title>', body, posting }: PageOptions): string {
  const ld = { '@context': 'https://schema.org', '@type': 'JobPosting', datePosted: '2026-11-18', ...posting };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>${body}</body></html>`;
}
const parse = (html: string, url = URL_) => parseJobPage(html, { url, now: NOW });
const org = (name: string) => ({ '@type': 'Organization', name });
const place = { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Leeds', addressCountry: 'GB' } };

describe('a stub structured description', () => {
  const body = `<main><h1>Route Planner</h1><p class="job-meta">Leeds · Full-time · Hybrid</p><div class="description"><p>${LONG}</p><p>Salary: £34,000 - £38,000 per year.</p></div><a class="btn" href="/jobs/311-route-planner/apply">Apply now</a></main>`;
  const posting = {
    title: 'Route Planner',
    description: '<p>Route Planner</p>',
    hiringOrganization: org('Orbit Freight'),
    jobLocation: place,
    employmentType: 'FULL_TIME',
  };

  it('reads salary, workplace and description from the page, marked heuristic', () => {
    const res = parse(page({ body, posting }));
    const job = res.job!;
    expect(res.source).toBe('json-ld');
    expect(job.description.text).toContain('two hundred shops');
    expect(job.provenance.description).toBe('heuristic');
    expect(job.salary).toMatchObject({ min: 34_000, max: 38_000, currency: 'GBP', period: 'year' });
    expect(job.provenance.salary).toBe('heuristic');
    expect(job.workplaceType).toBe('hybrid');
    expect(job.provenance.title).toBe('json-ld');
    expect(res.warnings.some((w) => /description is a stub/.test(w))).toBe(true);
  });

  it('keeps a full structured description and does not need the page', () => {
    const res = parse(page({ body, posting: { ...posting, description: `<p>${LONG}</p>` } }));
    expect(res.job!.provenance.description).toBe('json-ld');
    expect(res.job!.provenance.title).toBe('json-ld');
  });
});

describe('a structured title the page states differently', () => {
  const body = (h1: string) => `<main><h1>${h1}</h1><div class="description"><p>${LONG}</p></div></main>`;
  const base = { description: `<p>${LONG}</p>`, hiringOrganization: org('Orbit Freight'), jobLocation: place };

  it('takes the h1 when the head states it too and it names the same role (shorter markup title)', () => {
    const res = parse(
      page({
        head: '<title>Route Planner, Night Shift | Orbit Freight</title>',
        body: body('Route Planner, Night Shift'),
        posting: { ...base, title: 'Route Planner' },
      }),
    );
    expect(res.job!.title).toBe('Route Planner, Night Shift');
    expect(res.job!.provenance.title).toBe('heuristic');
    expect(res.warnings.some((w) => /title "Route Planner" replaced by the page's h1/.test(w))).toBe(true);
  });

  it('takes the h1 over a markup title with a requisition code and place appended', () => {
    const res = parse(
      page({
        head: '<title>Route Planner | Orbit Freight</title><meta property="og:title" content="Route Planner">',
        body: body('Route Planner'),
        posting: { ...base, title: 'Route Planner - Leeds (REQ-2291)' },
      }),
    );
    expect(res.job!.title).toBe('Route Planner');
  });

  it('keeps the markup title when the h1 names something else (a slogan)', () => {
    const res = parse(
      page({
        head: '<title>Move the North with us | Orbit Freight</title>',
        body: body('Move the North with us'),
        posting: { ...base, title: 'Route Planner' },
      }),
    );
    expect(res.job!.title).toBe('Route Planner');
    expect(res.job!.provenance.title).toBe('json-ld');
  });
});

describe('a structured title with a code or place appended', () => {
  it.each([
    ['Data Engineer (R-104233)', 'Data Engineer'],
    ['Data Engineer - REQ 2291', 'Data Engineer'],
    ['Data Engineer - Leeds', 'Data Engineer'],
    ['Data Engineer, Leeds', 'Data Engineer'],
    ['Data Engineer - Leeds (R-1042)', 'Data Engineer'],
    ['Data Engineer - 2024-117', 'Data Engineer'],
    // Not codes or the posting's places: kept.
    ['Engineer II', 'Engineer II'],
    ['Level 3 Support Engineer', 'Level 3 Support Engineer'],
    ['Software Engineer - Payments', 'Software Engineer - Payments'],
    ['Controller (m/w/d)', 'Controller (m/w/d)'],
    ['Nurse (Band 5)', 'Nurse (Band 5)'],
    ['Sales Manager - Leeds Office', 'Sales Manager - Leeds Office'],
    ['Leeds', 'Leeds'],
  ])('%s → %s', (title, role) => {
    expect(stripTitleAppendix(title, ['Leeds', 'United Kingdom']).title).toBe(role);
  });

  it.each([
    ['[Orbit Freight] Route Planner', 'Route Planner'],
    ['Orbit Freight - Route Planner', 'Route Planner'],
    ['Orbit Freight: Route Planner', 'Route Planner'],
    ['Route Planner | Orbit Freight', 'Route Planner'],
    ['Route Planner at Orbit Freight', 'Route Planner'],
    // The employer's name inside the role, or another name, stays.
    ['Orbit Freight Driver', 'Orbit Freight Driver'],
    ['Route Planner - Orbit Freight Rail', 'Route Planner - Orbit Freight Rail'],
    ['Route Planner: Night Shift', 'Route Planner: Night Shift'],
  ])('the employer around the role: %s → %s', (title, role) => {
    expect(stripTitleAppendix(title, [], 'Orbit Freight Ltd').title).toBe(role);
  });

  it('keeps the role even when the head repeats the appendix, and reads "(Remote)" as remote', () => {
    const body = `<main><h1>Route Planner</h1><div class="description"><p>${LONG}</p></div></main>`;
    const res = parse(
      page({
        head: '<title>Route Planner - Leeds (R-2291) | Orbit Freight</title>',
        body,
        posting: {
          title: 'Route Planner - Leeds (R-2291)',
          description: `<p>${LONG}</p>`,
          hiringOrganization: org('Orbit Freight'),
          jobLocation: place,
        },
      }),
    );
    expect(res.job!.title).toBe('Route Planner');
    expect(res.job!.provenance.title).toBe('json-ld');
    const remote = parse(
      page({
        head: '<title>Route Planner (Remote) | Orbit Freight</title>',
        body,
        posting: { title: 'Route Planner (Remote)', description: `<p>${LONG}</p>`, hiringOrganization: org('Orbit Freight') },
      }),
    );
    expect(remote.job!.title).toBe('Route Planner');
    expect(remote.job!.workplaceType).toBe('remote');
  });
});

describe('hiringOrganization the page does not show as the employer', () => {
  const body = `<main><h1>Route Planner</h1><div class="company-name">Orbit Freight</div><div class="description"><p>${LONG}</p></div></main>`;
  const base = { title: 'Route Planner', description: `<p>${LONG}</p>`, jobLocation: place };

  it('replaces the platform (a board or ATS name) with the page employer', () => {
    const res = parse(page({ body, posting: { ...base, hiringOrganization: org('StepStone') } }));
    expect(res.job!.company.name).toBe('Orbit Freight');
    expect(res.job!.provenance.company).toBe('heuristic');
    expect(res.warnings.some((w) => /hiringOrganization "StepStone" is the platform/.test(w))).toBe(true);
  });

  it('replaces a name the page never shows when the head names the page employer', () => {
    const res = parse(page({ body, posting: { ...base, hiringOrganization: org('Placeholder Logistics Client') } }));
    expect(res.job!.company.name).toBe('Orbit Freight');
  });

  it('keeps a structured employer the page shows, and another form of the same name', () => {
    const shown = `<main><h1>Route Planner</h1><div class="description"><p>${LONG}</p><p>Orbit Freight Holdings plc is an equal opportunity employer.</p></div></main>`;
    expect(
      parse(page({ body: shown, posting: { ...base, hiringOrganization: org('Orbit Freight Holdings plc') } })).job!.company.name,
    ).toBe('Orbit Freight Holdings plc');
    expect(parse(page({ body, posting: { ...base, hiringOrganization: org('Orbit Freight Ltd') } })).job!.company.name).toBe(
      'Orbit Freight Ltd',
    );
  });
});

describe('workplace and employment type the page states', () => {
  const meta = (text: string) =>
    `<main><h1>Route Planner</h1><p class="job-meta">${text}</p><div class="description"><p>${LONG}</p></div></main>`;
  const base = {
    title: 'Route Planner',
    description: '<p>Route Planner</p>',
    hiringOrganization: org('Orbit Freight'),
    jobLocation: place,
  };

  it('refines TELECOMMUTE to the hybrid the page states', () => {
    const res = parse(
      page({ body: meta('Leeds · Hybrid · Full-time'), posting: { ...base, jobLocationType: 'TELECOMMUTE', employmentType: 'FULL_TIME' } }),
    );
    expect(res.job!.workplaceType).toBe('hybrid');
    expect(res.job!.provenance.workplaceType).toBe('heuristic');
  });

  it('reads "Homeoffice möglich" as hybrid', () => {
    const body = `<main><h1>Route Planner</h1><p>Leeds · <span class="workplace-type">Vollzeit, Homeoffice möglich</span></p><div class="description"><p>${LONG}</p></div></main>`;
    const res = parse(page({ body, posting: { ...base, employmentType: 'FULL_TIME' } }));
    expect(res.job!.workplaceType).toBe('hybrid');
  });

  it("takes the page's part-time over a templated FULL_TIME", () => {
    const res = parse(page({ body: meta('Leeds · Part-time, 20 hours'), posting: { ...base, employmentType: 'FULL_TIME' } }));
    expect(res.job!.employmentType).toEqual(['part_time']);
    expect(res.job!.provenance.employmentType).toBe('heuristic');
    expect(res.warnings.some((w) => /employment type full_time replaced by part_time/.test(w))).toBe(true);
  });

  it('adds the fixed term the page states to the structured hours', () => {
    const body = `<main><h1>Route Planner</h1><ul class="facts"><li><strong>Contract type:</strong> Full-time, fixed-term contract (12 months)</li><li><strong>Location:</strong> Leeds</li></ul><div class="description"><p>${LONG}</p></div></main>`;
    const res = parse(page({ body, posting: { ...base, employmentType: 'FULL_TIME' } }));
    expect(res.job!.employmentType).toEqual(['full_time', 'temporary']);
  });
});

describe('apply links that are the page itself', () => {
  const posting = {
    title: 'Route Planner',
    description: `<p>${LONG}</p>`,
    hiringOrganization: org('Orbit Freight'),
    jobLocation: place,
    employmentType: 'FULL_TIME',
  };

  it('an in-page anchor to the form below is no apply URL', () => {
    const body = `<main><h1>Route Planner</h1><a class="btn" href="#application">Apply</a><div id="application"><form action="/jobs/311/applications" method="post"><button>Submit application</button></form></div></main>`;
    const res = parse(page({ body, posting }));
    expect(res.job!.applyUrl).toBeNull();
    expect(res.job!.provenance.applyUrl).toBeUndefined();
  });

  it('directApply with the posting URL is no apply URL; a different url is', () => {
    expect(
      parse(page({ body: '<main><h1>Route Planner</h1></main>', posting: { ...posting, directApply: true } })).job!.applyUrl,
    ).toBeNull();
    const elsewhere = parse(
      page({
        body: '<main><h1>Route Planner</h1></main>',
        posting: { ...posting, directApply: true, url: 'https://apply.orbit-freight.example/311' },
      }),
    );
    expect(elsewhere.job!.applyUrl).toBe('https://apply.orbit-freight.example/311');
  });

  it('an apply link to another page is kept', () => {
    const res = parse(
      page({ body: `<main><h1>Route Planner</h1><a class="btn" href="/jobs/311-route-planner/apply">Apply now</a></main>`, posting }),
    );
    expect(res.job!.applyUrl).toBe('https://careers.orbit-freight.example/jobs/311-route-planner/apply');
  });
});

describe('structuredDoubts (head metadata only)', () => {
  const fields = { title: 'Route Planner', company: { name: 'Orbit Freight' }, description: { html: '', text: LONG } };
  const doubts = (head: string, f: Parameters<typeof structuredDoubts>[0] = fields) => {
    const scan = scanPage(`<html><head>${head}</head><body></body></html>`);
    return structuredDoubts(f, scan, siteBrand(URL_, scan));
  };

  it('has none for a complete posting the head agrees with', () => {
    expect(doubts('<title>Route Planner | Orbit Freight</title>')).toEqual([]);
    expect(doubts('<title>Route Planner</title><meta property="og:site_name" content="Orbit Freight">')).toEqual([]);
  });

  it('names a stub description, a title the head does not contain, an employer it does not name', () => {
    expect(doubts('<title>Route Planner | Orbit Freight</title>', { ...fields, description: { html: '', text: 'Route Planner' } })).toEqual(
      ['description'],
    );
    expect(
      doubts('<title>Senior Route Planner | Orbit Freight</title><meta property="og:title" content="Planner">', {
        ...fields,
        title: 'Route Planner (R-1)',
      }),
    ).toEqual(['title']);
    expect(doubts('<title>Route Planner</title>')).toEqual(['company']);
    expect(doubts('<title>Route Planner | Orbit Freight</title>', { ...fields, company: { name: 'LinkedIn' } })).toEqual(['company']);
  });

  it('treats a description cut with an ellipsis as thin', () => {
    expect(isThinDescription(`${LONG.slice(0, 400)}…`)).toBe(true);
    expect(isThinDescription(LONG)).toBe(false);
    expect(isThinDescription(undefined)).toBe(true);
  });
});

describe('several JSON-LD blocks', () => {
  const one = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: 'Route Planner',
    datePosted: '2026-11-18',
    hiringOrganization: org('Orbit Freight'),
  };
  const html = (...blocks: object[]) =>
    `<!doctype html><html><head><title>Route Planner | Orbit Freight</title>${blocks.map((b) => `<script type="application/ld+json">${JSON.stringify(b)}</script>`).join('')}</head><body><h1>Route Planner</h1><p>${LONG}</p></body></html>`;

  it('that describe one posting (an SEO plugin beside an ATS embed) give that posting, from the fullest block', () => {
    const res = parse(
      html(
        { ...one, description: `<p>${LONG}</p>` },
        {
          ...one,
          description: `<p>${LONG}</p>`,
          jobLocation: place,
          employmentType: 'FULL_TIME',
          identifier: { '@type': 'PropertyValue', value: 'RP-311' },
        },
      ),
    );
    expect(res.job?.title).toBe('Route Planner');
    expect(res.job?.locations[0]?.city).toBe('Leeds');
    expect(res.job?.employmentType).toEqual(['full_time']);
  });

  it('with different titles or URLs are a listing', () => {
    expect(parse(html({ ...one, description: LONG }, { ...one, title: 'Depot Manager', description: LONG })).job).toBeNull();
    expect(
      parse(
        html(
          { ...one, description: LONG, url: 'https://careers.orbit-freight.example/jobs/1' },
          { ...one, description: LONG, url: 'https://careers.orbit-freight.example/jobs/2' },
        ),
      ).job,
    ).toBeNull();
  });
});

describe('a deadline the page states against the markup validThrough', () => {
  it('keeps the deadline the page states when the page is read (here: no employment type in the markup)', () => {
    const text = `<p>${LONG}</p><p>Closing date: 15 December 2026.</p>`;
    const body = `<main><h1>Route Planner</h1><div class="description">${text}</div></main>`;
    const res = parse(
      page({
        body,
        posting: {
          title: 'Route Planner',
          description: text,
          hiringOrganization: org('Orbit Freight'),
          jobLocation: place,
          validThrough: '2027-01-31',
        },
      }),
    );
    expect(res.warnings.some((w) => /validThrough 2027-01-31 replaced by the deadline the page states/.test(w))).toBe(true);
    expect(res.job!.validThrough?.slice(0, 10)).toBe('2026-12-15');
    expect(res.job!.provenance.validThrough).toBe('heuristic');
  });

  it('keeps the markup validThrough when the page states no deadline', () => {
    const body = `<main><h1>Route Planner</h1><div class="description"><p>${LONG}</p></div></main>`;
    const res = parse(
      page({
        body,
        posting: {
          title: 'Route Planner',
          description: `<p>${LONG}</p>`,
          hiringOrganization: org('Orbit Freight'),
          validThrough: '2027-01-31',
        },
      }),
    );
    expect(res.job!.validThrough?.slice(0, 10)).toBe('2027-01-31');
    expect(res.job!.provenance.validThrough).toBe('json-ld');
  });
});
