/**
 * Per-field confidence: evidence from the page raises or lowers it, bad shapes cap it, and the
 * quality gate follows. Pages are small and written here (each case a family member, not a copy
 * of a corpus page).
 */
import { DEFAULT_QUALITY_THRESHOLD, type JobDraft } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { scanPage } from '../html/scan.js';
import { parseJobPage } from '../index.js';
import { assessConfidence, atsApiConfidence, firstH1 } from './index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const DESC =
  '<p>Our depot team keeps deliveries moving across the region. You will plan routes, load vans, check stock against orders and help new colleagues settle in. Training is paid and shifts are agreed a month ahead.</p>';

function jsonLdPage(posting: Record<string, unknown>, head: string, body: string): string {
  const node = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    description: DESC,
    datePosted: '2026-11-20',
    hiringOrganization: { '@type': 'Organization', name: 'Kestrel Logistics' },
    jobLocation: { '@type': 'Place', address: { addressLocality: 'Leeds', addressCountry: 'GB' } },
    ...posting,
  };
  return `<!doctype html><html><head>${head}<script type="application/ld+json">${JSON.stringify(node)}</script></head><body>${body}</body></html>`;
}

function draft(patch: Partial<JobDraft> = {}): JobDraft {
  return {
    url: 'https://careers.kestrel-logistics.example/jobs/41',
    title: 'Depot Operative',
    company: { name: 'Kestrel Logistics' },
    locations: [{ raw: 'Leeds', city: 'Leeds' }],
    workplaceType: null,
    employmentType: [],
    salary: null,
    description: { html: DESC, text: DESC.replace(/<[^>]+>/g, '') },
    datePosted: null,
    validThrough: null,
    applyUrl: null,
    ats: null,
    source: 'heuristic',
    provenance: { title: 'heuristic', company: 'heuristic', locations: 'heuristic', description: 'heuristic' },
    ...patch,
  };
}
const evidence = (html: string, warnings: string[] = []) => ({ scan: scanPage(html), html, warnings });

describe('confidence from page evidence', () => {
  it('structured title that the h1 and og:title agree with is trusted and passes', () => {
    const html = jsonLdPage(
      { title: 'Depot Operative' },
      '<title>Depot Operative | Kestrel Logistics</title><meta property="og:title" content="Depot Operative">',
      '<h1>Depot Operative</h1>',
    );
    const { job, warnings } = parseJobPage(html, { url: 'https://careers.kestrel-logistics.example/jobs/41', now: NOW });
    expect(job!.confidence!.title!.score).toBeGreaterThanOrEqual(0.9);
    expect(job!.confidence!.title!.reasons.join(' ')).toMatch(/agrees with h1/);
    expect(warnings.some((w) => /confidence lowered/.test(w))).toBe(false);
    expect(job!.quality.score).toBeGreaterThanOrEqual(DEFAULT_QUALITY_THRESHOLD);
  });

  it('structured title that the visible page contradicts loses confidence, says why and adds a warning', () => {
    const html = jsonLdPage(
      { title: 'Warehouse Supervisor' },
      '<title>Kestrel Logistics</title>',
      '<h1>Night Shift Delivery Driver (Class 2)</h1><p>Drive our vans overnight.</p>',
    );
    const { job, warnings } = parseJobPage(html, { url: 'https://careers.kestrel-logistics.example/jobs/41', now: NOW });
    const title = job!.confidence!.title!;
    expect(title.score).toBeLessThan(0.75);
    expect(title.reasons.join(' ')).toMatch(/contradicts the visible page/);
    expect(warnings.some((w) => /title/.test(w) && (/confidence lowered/.test(w) || /differs from the page's/.test(w)))).toBe(true);
    const entry = job!.quality.breakdown.find((r) => r.rule === 'confidence:title');
    // 32 points: enough to keep an otherwise complete posting below the gate.
    expect(entry?.points).toBeLessThanOrEqual(-30);
  });

  it('a JSON-LD employer the page never shows is doubted; one the page shows is not', () => {
    const url = 'https://careers.kestrel-logistics.example/jobs/41';
    const hidden = jsonLdPage(
      { title: 'Depot Operative', hiringOrganization: { '@type': 'Organization', name: 'Template Co' } },
      '<title>Depot Operative</title>',
      '<h1>Depot Operative</h1><p>Join Kestrel Logistics.</p>',
    );
    const shown = jsonLdPage(
      { title: 'Depot Operative', hiringOrganization: { '@type': 'Organization', name: 'Kestrel & Sons' } },
      '<title>Depot Operative</title>',
      '<h1>Depot Operative</h1><p>Join Kestrel &amp; Sons.</p>',
    );
    const h = parseJobPage(hidden, { url, now: NOW }).job!.confidence!.company!;
    expect(h.score).toBeLessThan(0.75);
    expect(h.reasons.join(' ')).toMatch(/only in the JSON-LD/);
    expect(parseJobPage(shown, { url, now: NOW }).job!.confidence!.company!.score).toBeGreaterThanOrEqual(0.85);
  });

  it('a chrome h1 ("Careers") is not evidence against a structured title', () => {
    const html = jsonLdPage({ title: 'Depot Operative' }, '<title>Careers</title>', '<h1>Careers</h1>');
    const { job } = parseJobPage(html, { url: 'https://careers.kestrel-logistics.example/jobs/41', now: NOW });
    expect(job!.confidence!.title!.score).toBeGreaterThanOrEqual(0.85);
  });

  it('a template placeholder served as structured data never passes the gate', () => {
    for (const title of ['{{ vacancy.title }}', '${position}', 'Job %s']) {
      const html = jsonLdPage({ title }, '<title>Kestrel Logistics careers</title>', `<h1>${title}</h1>`);
      const { job } = parseJobPage(html, { url: 'https://careers.kestrel-logistics.example/jobs/41', now: NOW });
      // Refusing the page outright would also keep it out; today the posting is returned and gated.
      expect(job, title).not.toBeNull();
      expect(job!.confidence!.title!.score, title).toBeLessThanOrEqual(0.05);
      expect(job!.quality.score, title).toBeLessThan(50);
    }
  });

  it('a heuristic title gains from independent agreement and loses when it is only part of the h1', () => {
    const agreeing =
      '<html><head><title>Depot Operative – Kestrel Logistics</title><meta property="og:title" content="Depot Operative"></head><body><h1>Depot Operative</h1></body></html>';
    const partial = '<html><head><title>Kestrel Logistics</title></head><body><h1>Depot Operative Night Shift Team Lead</h1></body></html>';
    const a = assessConfidence(draft(), evidence(agreeing)).title!;
    const p = assessConfidence(draft(), evidence(partial)).title!;
    expect(a.score).toBeGreaterThanOrEqual(0.8);
    expect(p.score).toBeLessThan(0.6);
    expect(p.reasons).toContain('a shorter part of the h1');
    // The h1 wraps the role in announcement wording: the shorter title is the role itself.
    for (const h1 of ['Vacancy: Depot Operative', 'Depot Operative の募集', 'Depot Operative – संविदा आधारित भर्ती']) {
      expect(assessConfidence(draft(), evidence(`<h1>${h1}</h1>`)).title!.score, h1).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('a title that is the h1 plus the employer or a place is doubted (a <title> suffix kept)', () => {
    const html =
      '<html><head><title>Depot Operative - Leeds | Kestrel Logistics</title></head><body><h1>Depot Operative</h1></body></html>';
    for (const title of ['Depot Operative - Leeds', 'Depot Operative at Kestrel Logistics']) {
      const c = assessConfidence(draft({ title }), evidence(html)).title!;
      expect(c.score, title).toBeLessThanOrEqual(0.3);
    }
    expect(assessConfidence(draft({ title: 'Depot Operative - Night Shifts' }), evidence(html)).title!.score).toBeGreaterThan(0.3);
  });

  it("the site's own name or a board's name as the title is untrusted", () => {
    const html =
      '<html><head><title>Pathfinder Jobs</title><meta property="og:site_name" content="Pathfinder Jobs"></head><body><h1>Pathfinder Jobs</h1></body></html>';
    const c = assessConfidence(draft({ url: 'https://www.pathfinderjobs.example/job/9', title: 'Pathfinder Jobs' }), evidence(html));
    expect(c.title!.score).toBeLessThan(0.35);
    const board = assessConfidence(
      draft({ url: 'https://www.pathfinderjobs.example/job/9', company: { name: 'Pathfinder Jobs' } }),
      evidence(html),
    );
    expect(board.company!.score).toBeLessThan(0.35);
  });

  it('short roles made of board words are not slogans; a long slogan is', () => {
    const html =
      '<html><head><title>Pathfinder Jobs</title><meta property="og:site_name" content="Pathfinder Jobs"></head><body><h1>x</h1></body></html>';
    const url = 'https://www.pathfinderjobs.example/job/9';
    for (const title of ['Talent Recruiter', 'Online Search Specialist', 'Recruitment Consultant']) {
      expect(assessConfidence(draft({ url, title }), evidence(html)).title!.score, title).toBeGreaterThan(0.35);
    }
    expect(assessConfidence(draft({ url, title: 'Jobs, vacancies and careers online' }), evidence(html)).title!.score).toBeLessThan(0.35);
  });

  it("a heuristic title that differs from the page's own role heading is doubted; a careers slogan h1 is no evidence", () => {
    const other = assessConfidence(draft({ title: 'Innovation Specialist' }), evidence('<h1>Regional Depot Manager</h1>')).title!;
    expect(other.score).toBeLessThanOrEqual(0.35);
    expect(other.reasons.join(' ')).toMatch(/differs from the page's h1/);
    for (const h1 of ['Work with us', 'Trabalhe Conosco', 'Wir suchen Verstärkung!', 'Kestrel Logistics']) {
      expect(assessConfidence(draft(), evidence(`<h1>${h1}</h1>`)).title!.score, h1).toBeGreaterThan(0.55);
    }
  });

  it('a field the description states but the posting lacks is doubted as absent (amount, workplace word, deadline)', () => {
    const text = (body: string) => ({ description: { html: `<p>${body}</p>`, text: body } });
    const filler = 'Load and unload vans, scan parcels, keep the depot tidy and work with the night team on busy weeks. ';
    const cases: [string, 'salary' | 'workplaceType' | 'validThrough'][] = [
      ['Wynagrodzenie: 8 000 – 9 500 zł brutto miesięcznie.', 'salary'],
      ['Pay: €3.400 to €4.000 gross a month.', 'salary'],
      ['月給25万円〜30万円', 'salary'],
      ['Hybrid: Tuesdays to Thursdays in the depot office.', 'workplaceType'],
      ['Bis zu zwei Tage pro Woche mobiles Arbeiten.', 'workplaceType'],
      ['Praca hybrydowa, 2 dni w biurze.', 'workplaceType'],
      ['Closing date: 18 December 2026.', 'validThrough'],
      ['Bewerbungsfrist: 15.12.2026', 'validThrough'],
      ['Reageren kan tot 15 december.', 'validThrough'],
      ["Candidatures jusqu'au 3 janvier.", 'validThrough'],
    ];
    for (const [body, field] of cases) {
      const c = assessConfidence(draft(text(filler + body)), evidence('<h1>Depot Operative</h1>'));
      expect(c[field]?.score, body).toBeLessThan(0.35);
      expect(c[field]?.reasons[0], body).toMatch(/^not read, but the description/);
    }
    // Nothing stated, or the field was read: no entry for an absent field.
    const plain = assessConfidence(
      draft(
        text(
          `${filler}We value safety and teamwork; a deadline-driven pace is normal. You migrated a data centre into a hybrid cloud environment.`,
        ),
      ),
      evidence('<h1>Depot Operative</h1>'),
    );
    expect([plain.salary, plain.workplaceType, plain.validThrough]).toEqual([undefined, undefined, undefined]);
    const read = assessConfidence(
      draft({
        ...text(`${filler}Pay: €3.400 gross a month.`),
        salary: { min: 3400, max: 3400, currency: 'EUR', period: 'month' },
        provenance: { ...draft().provenance, salary: 'heuristic' },
      }),
      evidence('<h1>Depot Operative</h1>'),
    );
    expect(read.salary!.score).toBeGreaterThanOrEqual(0.7);
  });

  it('a fixed-term contract the description states but the employment type leaves out is doubted', () => {
    const body = 'Load and unload vans at the Leeds depot. This is a fixed-term contract for 12 months.';
    const base = { description: { html: `<p>${body}</p>`, text: body } };
    const lacking = assessConfidence(
      draft({ ...base, employmentType: ['full_time'], provenance: { ...draft().provenance, employmentType: 'heuristic' } }),
      evidence('<h1>Depot Operative</h1>'),
    ).employmentType!;
    expect(lacking.score).toBeLessThanOrEqual(0.4);
    expect(lacking.reasons[0]).toMatch(/fixed-term/);
    expect(assessConfidence(draft(base), evidence('<h1>Depot Operative</h1>')).employmentType?.score).toBeLessThan(0.35);
    const stated = assessConfidence(
      draft({ ...base, employmentType: ['full_time', 'temporary'], provenance: { ...draft().provenance, employmentType: 'heuristic' } }),
      evidence('<h1>Depot Operative</h1>'),
    ).employmentType!;
    expect(stated.score).toBeGreaterThanOrEqual(0.7);
  });

  it('description cues count as whole words only, also after the same letters inside a word earlier on', () => {
    const text = (body: string) => ({ description: { html: `<p>${body}</p>`, text: body } });
    const h1 = evidence('<h1>Depot Operative</h1>');
    // "undeadlined" and "prefixed-terms" hold the cue letters inside words; the stated phrase comes later.
    const later = assessConfidence(
      draft(text('Undeadlined shifts, prefixed-terms and rota notes. This is a fixed-term contract. Applications close 12 March 2027.')),
      h1,
    );
    expect(later.validThrough?.reasons[0]).toMatch(/Applications close 12 March/);
    expect(later.employmentType?.reasons[0]).toMatch(/"fixed-term"/);
    const inside = assessConfidence(draft(text('Undeadlined 12 shifts, prefixed-terms, nonbefristeter Ablauf, CDDs 5.')), h1);
    expect([inside.validThrough, inside.employmentType]).toEqual([undefined, undefined]);
  });

  it('a company that is a unit (institute, faculty, chair) of the body the site is named after is doubted', () => {
    const page = (site: string) =>
      `<html><head><meta property="og:site_name" content="${site}"></head><body><h1>Depot Operative</h1></body></html>`;
    for (const name of ['Instituto de Química Analítica', 'Faculty of Engineering', 'Lehrstuhl für Logistik']) {
      const c = assessConfidence(draft({ company: { name } }), evidence(page('Northern State University'))).company!;
      expect(c.score, name).toBeLessThanOrEqual(0.4);
    }
    // The site is the unit's own, or not a larger body: no doubt.
    expect(
      assessConfidence(
        draft({ company: { name: 'Instituto Nacional de Estadística' } }),
        evidence(page('Instituto Nacional de Estadística')),
      ).company!.score,
    ).toBeGreaterThanOrEqual(0.7);
    expect(
      assessConfidence(draft({ company: { name: 'Department of Health' } }), evidence(page('GOV.UK'))).company!.score,
    ).toBeGreaterThanOrEqual(0.7);
  });

  it('a location that is only a workplace word is doubted; beside real places it is not', () => {
    const only = assessConfidence(
      draft({ locations: [{ raw: 'Virtual (100% Remote)', city: 'Virtual (100% Remote)' }] }),
      evidence('<h1>Depot Operative</h1>'),
    ).locations!;
    expect(only.score).toBeLessThanOrEqual(0.3);
    const beside = assessConfidence(
      draft({
        locations: [
          { raw: 'Remote', city: 'Remote' },
          { raw: 'Leeds', city: 'Leeds', country: 'GB' },
        ],
      }),
      evidence('<h1>Depot Operative</h1>'),
    ).locations!;
    expect(beside.score).toBeGreaterThanOrEqual(0.7);
  });

  it('normalizer doubts lower the field they name', () => {
    const c = assessConfidence(
      draft({ validThrough: '2026-03-04', provenance: { ...draft().provenance, validThrough: 'heuristic' } }),
      evidence('<h1>Depot Operative</h1>', ['validThrough "04/03/2026" could be day-first or month-first; read day-first (lang en-GB)']),
    );
    expect(c.validThrough!.score).toBeLessThan(0.5);
    expect(c.validThrough!.reasons.join(' ')).toMatch(/day-first or month-first/);
  });

  it('a salary without a period, or "$" read as USD on a page from another dollar country, is doubtful', () => {
    const base = { provenance: { ...draft().provenance, salary: 'heuristic' as const } };
    const withPeriod = assessConfidence(
      draft({ ...base, salary: { min: 30_000, max: 34_000, currency: 'GBP', period: 'year' } }),
      evidence('<h1>Depot Operative</h1>'),
    ).salary!;
    const noPeriod = assessConfidence(
      draft({ ...base, salary: { min: 30_000, max: 34_000, currency: 'GBP', period: null } }),
      evidence('<h1>Depot Operative</h1>'),
    ).salary!;
    expect(noPeriod.score).toBeLessThan(withPeriod.score);
    expect(noPeriod.reasons).toContain('no pay period');
    // A two-digit amount without a period is a number misread as pay ("GS15", "6 Wochen Urlaub").
    const tiny = assessConfidence(
      draft({ ...base, salary: { min: 15, max: 15, currency: 'USD', period: null } }),
      evidence('<h1>Depot Operative</h1>'),
    ).salary!;
    expect(tiny.score).toBeLessThan(0.35);
    const usdOnCa = assessConfidence(
      draft({ ...base, url: 'https://emplois.transport-nord.ca/poste/5', salary: { min: 24, max: 27, currency: 'USD', period: 'hour' } }),
      evidence('<html lang="fr-CA"><h1>Depot Operative</h1></html>'),
    ).salary!;
    expect(usdOnCa.score).toBeLessThan(0.5);
    const usdOnUs = assessConfidence(
      draft({ ...base, url: 'https://jobs.northline.example/p/5', salary: { min: 24, max: 27, currency: 'USD', period: 'hour' } }),
      evidence('<html lang="en-US"><h1>Depot Operative</h1></html>'),
    ).salary!;
    expect(usdOnUs.score).toBeGreaterThanOrEqual(0.7);
  });

  it('board API postings trust vendor fields and a board-token company, and still catch bad titles', () => {
    const d = draft({
      source: 'ats-api',
      provenance: { title: 'ats-api', company: 'derived', salary: 'heuristic' },
      salary: { min: 1, max: 2, currency: 'EUR', period: 'year' },
    });
    const c = atsApiConfidence(d);
    expect(c.title!.score).toBeGreaterThanOrEqual(0.9);
    expect(c.company!.score).toBeGreaterThanOrEqual(0.75);
    expect(c.salary!.score).toBeLessThan(0.75);
    expect(atsApiConfidence({ ...d, title: '{{title}}' }).title!.score).toBeLessThanOrEqual(0.05);
  });
});

describe('firstH1', () => {
  it('reads the first heading with nested tags and entities', () => {
    expect(firstH1('<body><h1 class="x"><span>Depot</span> Operative &amp; Driver</h1><h1>Other</h1>')).toBe('Depot Operative & Driver');
    expect(firstH1('<h2>No h1</h2>')).toBeUndefined();
    expect(firstH1('<h1>unterminated')).toBeUndefined();
  });

  it('is bounded on hostile input', () => {
    const hostile = `${'<h1 '.repeat(100_000)}${'x'.repeat(1_000_000)}`;
    const t0 = performance.now();
    firstH1(hostile);
    firstH1(`<h1>${'<b>'.repeat(500_000)}`);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
