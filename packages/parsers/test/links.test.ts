/**
 * extractJobLinks over career pages, ATS boards and listings: only posting links, absolute,
 * canonical, de-duplicated; navigation, paging, login, social, mailto, anchors and assets out.
 */
import { readFileSync } from 'node:fs';
import { JobkitError } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { extractJobLinks } from '../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');

describe('extractJobLinks', () => {
  it('company careers page: posting links only, canonical and de-duplicated', () => {
    const links = extractJobLinks(fixture('listing.html'), { url: 'https://orbit-labs.example/careers' });
    expect(links).toEqual([
      { url: 'https://orbit-labs.example/careers/jobs/1041-senior-frontend-engineer', title: 'Senior Frontend Engineer' },
      { url: 'https://orbit-labs.example/careers/jobs/1042-platform-engineer', title: 'Platform Engineer' },
      { url: 'https://orbit-labs.example/careers/jobs/1043-product-manager-imagery', title: 'Product Manager, Imagery' },
      { url: 'https://orbit-labs.example/careers/jobs/1044-data-scientist', title: 'Data Scientist' },
      { url: 'https://orbit-labs.example/careers/jobs/1045-ux-researcher', title: 'UX Researcher' },
      { url: 'https://orbit-labs.example/careers/jobs/1046-office-manager', title: 'Office Manager' },
    ]);
  });

  it('Greenhouse board: job URLs kept, department filters and the board itself dropped', () => {
    const html = `<html><body><div id="main"><h1>Current openings at Acme</h1>
      <select><option>All departments</option></select>
      <section class="level-0"><h3>Engineering</h3>
        <div class="opening"><a data-mapped="true" href="/acme/jobs/4012345">Backend Engineer</a><span class="location">Berlin</span></div>
        <div class="opening"><a href="https://job-boards.greenhouse.io/acme/jobs/4012346?gh_src=abc">Frontend Engineer</a></div>
        <div class="opening"><a href="/acme/jobs/4012345#app">Backend Engineer (apply)</a></div>
      </section>
      <a href="/acme">All jobs</a> <a href="https://www.greenhouse.io/privacy">Privacy</a> <a href="/acme?departments=123">Engineering only</a>
      </div></body></html>`;
    const links = extractJobLinks(html, { url: 'https://boards.greenhouse.io/acme' });
    expect(links).toEqual([
      { url: 'https://boards.greenhouse.io/acme/jobs/4012345', title: 'Backend Engineer' },
      { url: 'https://boards.greenhouse.io/acme/jobs/4012346', title: 'Frontend Engineer' },
    ]);
  });

  it('Lever board and company links to other ATSs (gh_jid, Ashby, Workable)', () => {
    const html = `<html><body>
      <div class="filter-bar"><a href="https://jobs.lever.co/nimbus?team=Engineering">Engineering</a><a href="https://jobs.lever.co/nimbus?location=London">London</a></div>
      <div class="posting"><a class="posting-title" href="https://jobs.lever.co/nimbus/7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6"><h5>Staff Data Engineer</h5></a>
        <a class="posting-btn-submit" href="https://jobs.lever.co/nimbus/7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6/apply">Apply</a></div>
      <a href="https://acme.example/careers/?gh_jid=555123">Designer</a>
      <a href="https://jobs.ashbyhq.com/quill/0c3e2f4a-1111-4222-8333-944455556666">Support Lead</a>
      <a href="https://apply.workable.com/brightly/j/3A1B2C4D5E/">Customer Success Manager</a>
      <a href="https://apply.workable.com/brightly/">Brightly jobs</a>
      <a href="https://www.linkedin.com/company/nimbus">LinkedIn</a> <a href="https://www.linkedin.com/jobs/view/3801234567">Same role on LinkedIn</a>
      <a href="mailto:jobs@nimbus.example">Mail</a> <a href="javascript:void(0)">Menu</a> <a href="/logo.png">Logo</a>
      </body></html>`;
    const links = extractJobLinks(html, { url: 'https://jobs.lever.co/nimbus' });
    expect(links.map((l) => l.url)).toEqual([
      'https://jobs.lever.co/nimbus/7d0f6f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6',
      'https://acme.example/careers?gh_jid=555123',
      'https://jobs.ashbyhq.com/quill/0c3e2f4a-1111-4222-8333-944455556666',
      'https://apply.workable.com/brightly/j/3A1B2C4D5E',
      'https://www.linkedin.com/jobs/view/3801234567',
    ]);
    expect(links[0]!.title).toBe('Staff Data Engineer');
  });

  it('JSON-LD ItemList and JobPosting urls on a listing, with <base href>', () => {
    const itemList = {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, url: 'https://jobs.example/job-listing/welder-acme-JV_1.htm?jl=1001' },
        {
          '@type': 'ListItem',
          position: 2,
          item: { '@type': 'JobPosting', title: 'Crane operator', url: 'https://jobs.example/job-listing/crane-acme-JV_2.htm?jl=1002' },
        },
      ],
    };
    const html = `<html><head><base href="https://www.stellen.example/de/"><script type="application/ld+json">${JSON.stringify(itemList)}</script></head><body>
      <a href="stellenangebote/elektriker-m-w-d-8812">Elektriker (m/w/d)</a>
      <a href="stellenangebote/">Alle Stellenangebote</a> <a href="stellenangebote?seite=2">Weiter</a>
      <a href="/de/stellenangebote/kategorie/handwerk">Handwerk</a>
      </body></html>`;
    const links = extractJobLinks(html, { url: 'https://www.stellen.example/de/suche' });
    expect(links).toEqual([
      { url: 'https://jobs.example/job-listing/welder-acme-JV_1.htm?jl=1001', title: null },
      { url: 'https://jobs.example/job-listing/crane-acme-JV_2.htm?jl=1002', title: 'Crane operator' },
      { url: 'https://www.stellen.example/de/stellenangebote/elektriker-m-w-d-8812', title: 'Elektriker (m/w/d)' },
    ]);
  });

  it('French and Spanish career sites', () => {
    const html = `<ul><li><a href="/carrieres/offres/developpeur-full-stack-h-f">Développeur Full Stack H/F</a></li>
      <li><a href="/carrieres/offres/">Toutes nos offres</a></li>
      <li><a href="https://sol.example/empleo/analista-de-datos">Analista de Datos</a></li>
      <li><a href="https://sol.example/empleo/buscar?q=madrid">Buscar</a></li></ul>`;
    expect(extractJobLinks(html, { url: 'https://lumiere.example/carrieres' }).map((l) => l.url)).toEqual([
      'https://lumiere.example/carrieres/offres/developpeur-full-stack-h-f',
      'https://sol.example/empleo/analista-de-datos',
    ]);
  });

  it('rejects bad arguments with INVALID_ARGUMENT', () => {
    expect(() => extractJobLinks(null as unknown as string, { url: 'https://a.example' })).toThrowError(/parsers\/links/);
    for (const url of ['/careers', 'ftp://a.example/jobs', '']) {
      try {
        extractJobLinks('<a href="/jobs/1">x</a>', { url });
        expect.unreachable();
      } catch (error) {
        expect(JobkitError.is(error, 'INVALID_ARGUMENT')).toBe(true);
      }
    }
  });
});
