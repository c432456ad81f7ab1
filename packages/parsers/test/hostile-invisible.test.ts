/**
 * Invisible format characters in the text a page states: a soft hyphen or word joiner inside a
 * word defeats matching and search ("Soft\u00adware Engineer" is not found by "software"; a
 * place "Ber\u2060lin" is not resolved), and bidi overrides can display a title in another order
 * than it reads. Titles, names and labels drop them; ZWJ/ZWNJ, which scripts need, stay.
 */
import { describe, expect, it } from 'vitest';
import { extractJobLinks, parseJobPage } from '../src/index.js';

const URL_ = 'https://acme.example/jobs/5-invisible';
const DESC = 'Build and run the services behind our product with a small, friendly team. '.repeat(4);
const ld = (posting: Record<string, unknown>) =>
  `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'JobPosting', description: DESC, ...posting })}</script></head><body></body></html>`;

describe('invisible format characters', () => {
  it('JSON-LD title, employer and place: soft hyphens, word joiners, bidi controls and BOMs are dropped', () => {
    const { job } = parseJobPage(
      ld({
        title: '\ufeffSenior Soft\u00adware Engi\u2060neer \u202eQA\u202c \u2066(m/w/d)\u2069',
        hiringOrganization: { '@type': 'Organization', name: 'Ac\u00adme\u200e GmbH' },
        jobLocation: 'Ber\u2060lin, Ger\u00admany',
      }),
      { url: URL_ },
    );
    expect(job?.title).toBe('Senior Software Engineer QA (m/w/d)');
    expect(job?.company.name).toBe('Acme GmbH');
    expect(job?.locations[0]).toMatchObject({ city: 'Berlin', country: 'DE' });
  });

  it('ZWJ and ZWNJ are kept (Persian and Indic scripts need them)', () => {
    const { job } = parseJobPage(ld({ title: 'کارشناس\u200cارشد نرم‌افزار', hiringOrganization: 'Acme' }), { url: URL_ });
    expect(job?.title).toBe('کارشناس\u200cارشد نرم‌افزار');
  });

  it('link titles on listing pages drop them too', () => {
    const links = extractJobLinks('<a href="/jobs/12-data">Data \u00adEngi\u2060neer\u202e</a>', { url: 'https://acme.example/careers' });
    expect(links.map((l) => l.title)).toEqual(['Data Engineer']);
  });
});
