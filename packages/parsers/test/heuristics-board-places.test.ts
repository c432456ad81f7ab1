/**
 * Job-board families seen on real boards that host other employers' ads: the place of work
 * stated only in prose ("Place of work is …", "Arbeitsort ist …") or only in the employer's
 * address block under an "Employer" heading, and an off-site application link labelled
 * "Application form". Every page here is a small hand-written fixture (synthetic).
 */

import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { markerLocation } from '../src/heuristics/location.js';
import { preparePage } from '../src/heuristics/page.js';
import { scanPage } from '../src/html/scan.js';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><title>Lab Technician - Board</title></head><body><header><nav><a href="/">Home</a><a href="/employers">Employers</a></nav></header><main><h1>Lab Technician</h1>${body}</main><footer>© 2026</footer></body></html>`;
const parse = (html: string) => parseJobPage(html, { url: 'https://jobs.board.example/job/123', now: NOW }).job!;
const description =
  '<h3>Responsibilities</h3><p>You will run samples, keep the lab records and order supplies. Full time position, apply by sending your CV.</p>';

describe('places stated outside a location label', () => {
  it('reads the town of a "Place of work is <street>, <town> <district>" sentence', () => {
    const job = parse(
      page('en', `${description}<p>The team is friendly.<br/>Place of work is Vestergade 12, Odense C<br/>Contact us for questions.</p>`),
    );
    expect(job.locations.map((l) => l.raw)).toEqual(['Odense']);
  });

  it('reads "<Employer> in <Town> is looking for" prose, also inside a page-wide <form>', () => {
    const html = page('en', `<form id="aspnetForm">${description}<p>Nordlys ApS in Vejle is looking for two lab technicians.</p></form>`);
    expect(parse(html).locations[0]?.raw).toBe('Vejle');
  });

  it('reads "Arbeitsort ist …" in German prose', () => {
    const job = parse(
      page('de', `<h3>Ihre Aufgaben</h3><p>Sie betreuen Proben und Geräte im Labor.</p><p>Arbeitsort ist Hauptstraße 4, Bielefeld</p>`),
    );
    expect(job.locations[0]?.raw).toBe('Bielefeld');
  });

  it('reads the town from the postal line of an Employer address block', () => {
    const job = parse(
      page('en', `${description}<div><h3>Employer</h3><p>Nordlys Foods ApS<br/>Havnevej 7<br/>DK 4000 Roskilde<br/>Denmark<br/></p></div>`),
    );
    expect(job.company?.name).toBe('Nordlys Foods ApS');
    expect(job.locations[0]?.raw).toContain('Roskilde');
    expect(job.locations[0]?.country).toBe('DK');
  });

  it('keeps a labelled location over the employer address', () => {
    const job = parse(
      page(
        'en',
        `<dl><dt>Location</dt><dd>Aalborg</dd></dl>${description}<div><h3>Employer</h3><p>Nordlys Foods ApS<br/>Havnevej 7<br/>DK 4000 Roskilde<br/>Denmark</p></div>`,
      ),
    );
    expect(job.locations.map((l) => l.raw)).toEqual(['Aalborg']);
  });

  it('finds no place when the prose names none', () => {
    const job = parse(page('en', `${description}<p>Place of work is flexible</p>`));
    expect(job.locations).toEqual([]);
  });
});

describe('apply links labelled as a form', () => {
  it('takes an off-site "Application form" link under "How to apply"', () => {
    const job = parse(
      page(
        'en',
        `${description}<h3>How to apply</h3><ul><li>Online: <a href="https://careers.nordlys.example/apply?id=9">Application form</a></li></ul>`,
      ),
    );
    expect(job.applyUrl).toBe('https://careers.nordlys.example/apply?id=9');
  });

  it('takes a German "Bewerbungsformular" link', () => {
    const job = parse(
      page(
        'de',
        `<h3>Ihre Aufgaben</h3><p>Sie betreuen Proben.</p><a href="https://karriere.example.de/form/5">Zum Bewerbungsformular</a>`,
      ),
    );
    expect(job.applyUrl).toBe('https://karriere.example.de/form/5');
  });
});

describe('posting cues past indented markup', () => {
  it('reads Dutch assignment wording after deeply indented server-rendered markup', () => {
    const pad = ' '.repeat(400);
    const blocks = Array.from({ length: 12 }, () => `<div>${pad}<span>${pad}</span>${pad}</div>`).join('');
    const html = `<!doctype html><html lang="nl"><head><title>Data Engineer - Gemeente Zwolle | Opdrachtbord</title></head><body><main><h1>Data Engineer</h1>${blocks}<p>Voor onze eindklant zijn wij op zoek naar een Data Engineer.</p><button>Reageer op deze opdracht</button></main></body></html>`;
    const r = parseJobPage(html, { url: 'https://www.opdrachtbord.example/opdrachten/4411', now: NOW });
    expect(r.job?.title).toBe('Data Engineer');
  });
});

describe('a posting published as one image', () => {
  it('reads role and employer from the alt text of the ad image when the page has no heading', () => {
    const skills = Array.from({ length: 40 }, (_, i) => `직종 선택 : IT개발·데이터 > 직무·직업 > 분야${i}`).join(' ');
    const html = `<!doctype html><html lang="ko"><head><title>채용공고 상세</title></head><body><div class="user_content"><table><tr><td><img src="https://img.example.kr/ad/hana-2026.png" alt=" 한빛은행 | 2027년 상반기 신입행원 「디지털」부문 채용 "></td></tr><tr><td style="display:block; height: 0; font-size: 0; overflow:hidden;">한빛은행 | 2027년 상반기 신입행원 「디지털」부문 채용 업종 은행 ${skills} 고용형태 정규직 근무지 주소 (04500) 서울 중구 세종대로 1</td></tr></table></div></body></html>`;
    const r = parseJobPage(html, { url: 'https://www.board.example.kr/zf_user/jobs/relay/view?rec_idx=123', now: NOW });
    expect(r.job?.title).toContain('신입행원');
    expect(r.job?.title).not.toContain('한빛은행');
    expect(r.job?.company?.name).toBe('한빛은행');
  });
});

describe('a fixed end stated in the description', () => {
  const post = (extra: string) =>
    parse(
      page(
        'en',
        `<dl><dt>Weekly working hours</dt><dd>Full time (37 hours)</dd><dt>Type of employment</dt><dd>${extra}</dd></dl><h3>Responsibilities</h3><p>You will run samples and keep the lab records. The appointment is limited to two years and the position ends on 30.6.2028.</p>`,
      ),
    );

  it('adds temporary to a full-time label when the position ends on a date', () => {
    expect(post('Regular position').employmentType).toEqual(expect.arrayContaining(['full_time', 'temporary']));
  });

  it('keeps a label that says the job is permanent', () => {
    expect(post('Permanent').employmentType).not.toContain('temporary');
  });
});

describe('a place beside a map-marker icon', () => {
  it('reads the text after an icon-font map marker', () => {
    const job = parse(
      page(
        'en',
        `${description}<p>Questions? Ask our recruiter.</p><div><div class="d-flex"><i class="fas fa-map-marker-alt"></i><div class="pl-4" tooltip="Where the assignment is">Oudemirdum</div></div><div class="d-flex"><i class="fas fa-clock"></i><div>36 hours</div></div></div>`,
      ),
    );
    expect(job.locations[0]?.raw).toBe('Oudemirdum');
  });

  const marker = (body: string) => {
    const html = `<html><body><main>${body}</main></body></html>`;
    return markerLocation(preparePage(parseDocument(html), { url: 'https://board.example/job/1', scan: scanPage(html) }));
  };

  it('takes the short text after the marker icon', () => {
    expect(marker('<div><i class="fas fa-map-marker-alt"></i><div>Oudemirdum</div></div>')).toBe('Oudemirdum');
    expect(marker('<p><span class="bi bi-geo-alt"></span> Sneek</p>')).toBe('Sneek');
  });

  it('skips a marker followed by a number, and pages without a marker', () => {
    expect(marker('<div><i class="fa-map-pin"></i><span>Postbus 12345</span></div>')).toBeUndefined();
    expect(marker('<div><i class="fa-clock"></i><span>Sneek</span></div>')).toBeUndefined();
  });
});
