/**
 * Closing dates stated as a countdown ("Sluit over twee dagen", "还有4天截止", "D-6"): read against
 * the page's reference time, never taken for a posting date. Hand-written pages in
 * fixtures/pages/families reproduce the family without copying any site.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const page = (name: string) => readFileSync(new URL(`./fixtures/pages/families/${name}`, import.meta.url), 'utf8');
const parse = (name: string, url: string) => parseJobPage(page(name), { url, now: NOW });

describe('closing countdowns on job pages', () => {
  it.each([
    ['countdown-nl.html', 'https://www.werkplein.example/vacature/40177', '2026-11-27'],
    ['countdown-zh.html', 'https://www.caipin.example/job/5520.html', '2026-11-29'],
    ['countdown-ko.html', 'https://www.jobplatform.example/recruit/99121', '2026-12-01'],
  ])('%s closes on %s, and the date records its reference time', (name, url, closes) => {
    const res = parse(name, url);
    expect(res.job?.validThrough).toBe(closes);
    expect(res.job?.datePosted ?? null).toBeNull();
    expect(res.job?.dateNotes?.validThrough?.reference).toMatch(/^2026-11-25T12:00/);
  });

  it('never takes a probation or contract term for a closing countdown', () => {
    const html = page('countdown-nl.html').replace(
      'Sluit over twee dagen',
      'Je proeftijd eindigt over twee maanden; het contract eindigt over 1 jaar.',
    );
    const job = parseJobPage(html, { url: 'https://www.werkplein.example/vacature/40177', now: NOW }).job!;
    expect(job.validThrough ?? null).toBeNull();
  });
});
