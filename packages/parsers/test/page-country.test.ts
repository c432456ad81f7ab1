import { describe, expect, it } from 'vitest';
import { parseJobPage } from '../src/index.js';
import { pageCountryHint } from '../src/normalize/page-country.js';

const page = (lang: string, place: string) => `<!doctype html><html lang="${lang}"><head><title>Lagerist</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Warehouse Associate',
  description: 'Pick, pack and ship orders in our warehouse. Forklift experience is a plus.',
  datePosted: '2026-11-20',
  hiringOrganization: { '@type': 'Organization', name: 'Northwind Logistics' },
  jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: place } },
})}</script></head><body><h1>Warehouse Associate</h1></body></html>`;

describe('pageCountryHint', () => {
  it('reads the lang region first, then a country-code TLD; generic ccTLDs imply nothing', () => {
    expect(pageCountryHint('https://karriere.example.de/jobs/1', 'de-AT')).toEqual(['AT', 'DE']);
    expect(pageCountryHint('https://jobs.example.co.uk/1', 'en')).toEqual(['GB']);
    expect(pageCountryHint('https://startup.io/careers/1', 'en')).toEqual([]);
    expect(pageCountryHint('https://example.com/careers/1', 'en_US')).toEqual(['US']);
    expect(pageCountryHint('not a url', null)).toEqual([]);
  });

  it('a language of one country implies it when neither region nor TLD does; languages of several imply nothing', () => {
    expect(pageCountryHint('https://kango.example.com/jobs/508882', 'ja')).toEqual(['JP']);
    expect(pageCountryHint('https://robota.example.com/jobs/1', 'uk')).toEqual(['UA']);
    expect(pageCountryHint('https://careers.example.com/1', 'ko-KR')).toEqual(['KR']);
    expect(pageCountryHint('https://jobs.example.de/1', 'ja')).toEqual(['DE']);
    expect(pageCountryHint('https://careers.example.com/1', 'zh')).toEqual([]);
    expect(pageCountryHint('https://careers.example.com/1', 'es')).toEqual([]);
    expect(pageCountryHint('https://careers.example.com/1', 'en')).toEqual([]);
  });
});

describe('places named without a country take the country the page implies', () => {
  it('Paris is Paris, France on a .fr site and a US Paris on an en-US .com page', () => {
    const fr = parseJobPage(page('fr', 'Paris'), { url: 'https://emplois.example.fr/offres/42' }).job!;
    expect(fr.locations[0]).toMatchObject({ city: 'Paris', country: 'FR' });
    const us = parseJobPage(page('en-US', 'Paris'), { url: 'https://careers.example.com/jobs/42' }).job!;
    expect(us.locations[0]).toMatchObject({ city: 'Paris', country: 'US' });
  });

  it('a place that states its country keeps it whatever the page implies', () => {
    const job = parseJobPage(page('en-US', 'Berlin, Germany'), { url: 'https://careers.example.com/jobs/7' }).job!;
    expect(job.locations[0]).toMatchObject({ city: 'Berlin', country: 'DE' });
  });
});
