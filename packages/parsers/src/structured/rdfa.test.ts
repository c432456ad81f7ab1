/**
 * RDFa (Lite) JobPosting: the reader's object shape, CURIE/prefix/vocab resolution, listing pages,
 * precedence after JSON-LD and microdata, and hostile markup (depth, prototype names, sizes).
 */
import { describe, expect, it } from 'vitest';
import { loadDom } from '../html/dom.js';
import { scanPage } from '../html/scan.js';
import { parseJobPage } from '../index.js';
import { isObject, type JsonObject } from './json-ld.js';
import { MAX_ITEM_DEPTH } from './microdata.js';
import { RDFA_LIMITS, readRdfa } from './rdfa.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const parse = (html: string, url = 'https://www.fjordlab.example/careers/backend-engineer-311') => parseJobPage(html, { url, now: NOW });
const DESC =
  'Fjordlab builds tide-prediction software for harbours. You will own the ingestion service, keep our Postgres fleet healthy and pair with the data team on new models.';

const RDFA_FULL = `<!doctype html><html lang="en"><head><title>Backend Engineer – Fjordlab</title>
<meta property="og:title" content="Careers at Fjordlab"></head><body>
<article vocab="https://schema.org/" typeof="JobPosting">
  <h1 property="title">Backend Engineer (Go)</h1>
  <div property="hiringOrganization" typeof="Organization">
    <span property="name">Fjordlab AS</span><link property="sameAs" href="https://www.fjordlab.example">
    <img property="logo" src="/assets/logo.svg" alt="">
  </div>
  <p property="jobLocation" typeof="Place"><span property="address" typeof="PostalAddress">
    <span property="streetAddress">Strandkaien 4</span>, <span property="postalCode">5013</span>
    <span property="addressLocality">Bergen</span><meta property="addressCountry" content="NO"></span></p>
  <meta property="employmentType" content="FULL_TIME">
  <div property="baseSalary" typeof="MonetaryAmount"><meta property="currency" content="NOK">
    <span property="value" typeof="QuantitativeValue"><meta property="minValue" content="720000">
      <meta property="maxValue" content="860000"><meta property="unitText" content="YEAR">720 000 – 860 000 kr per year</span></div>
  <p>Posted <time property="datePosted" datetime="2026-11-12">12 November</time>,
    open until <time property="validThrough" datetime="2027-01-15">15 January</time></p>
  <div property="description"><p>${DESC}</p><ul><li>Go and Postgres</li><li>On-call one week in six</li></ul><script>steal()</script></div>
</article></body></html>`;

/** Deepest chain of nested objects below `node`. */
function nesting(node: unknown, depth = 0): number {
  if (Array.isArray(node)) return Math.max(depth, ...node.map((v) => nesting(v, depth)));
  if (!isObject(node)) return depth;
  return Math.max(depth + 1, ...Object.values(node).map((v) => nesting(v, depth + 1)));
}

describe('RDFa JobPosting', () => {
  it('full posting: organization, address, MonetaryAmount/QuantitativeValue, dates, description HTML', () => {
    const res = parse(RDFA_FULL);
    expect(res.source).toBe('rdfa');
    const job = res.job!;
    expect(job.title).toBe('Backend Engineer (Go)');
    expect(job.company).toEqual({
      name: 'Fjordlab AS',
      domain: 'fjordlab.example',
      logoUrl: 'https://www.fjordlab.example/assets/logo.svg',
    });
    expect(job.locations).toEqual([expect.objectContaining({ raw: 'Bergen, NO', city: 'Bergen', country: 'NO', postalCode: '5013' })]);
    expect(job.employmentType).toEqual(['full_time']);
    expect(job.salary).toMatchObject({ min: 720000, max: 860000, currency: 'NOK', period: 'year' });
    expect(job.datePosted?.slice(0, 10)).toBe('2026-11-12');
    expect(job.validThrough?.slice(0, 10)).toBe('2027-01-15');
    expect(job.description.html).toContain('<li>Go and Postgres</li>');
    expect(job.description.html).not.toContain('steal');
    expect(job.description.text).toContain('tide-prediction software');
    expect(job.source).toBe('rdfa');
    expect(job.provenance).toMatchObject({
      title: 'rdfa',
      company: 'rdfa',
      locations: 'rdfa',
      salary: 'rdfa',
      datePosted: 'rdfa',
      description: 'rdfa',
    });
  });

  it('reads into the microdata object shape (nested items, local names)', () => {
    const { items, warnings } = readRdfa(loadDom(RDFA_FULL));
    expect(warnings).toEqual([]);
    expect(items).toHaveLength(1);
    const posting = items[0]!;
    expect(posting['@type']).toEqual(['JobPosting']);
    expect(posting.title).toBe('Backend Engineer (Go)');
    const org = posting.hiringOrganization as JsonObject;
    expect(org['@type']).toEqual(['Organization']);
    expect(org.sameAs).toBe('https://www.fjordlab.example');
    expect(org.logo).toBe('/assets/logo.svg');
    const salary = posting.baseSalary as JsonObject;
    expect((salary.value as JsonObject).minValue).toBe('720000');
    expect(posting.datePosted).toBe('2026-11-12');
    // og:title in the head names another vocabulary and sits outside the item.
    expect(Object.keys(posting)).not.toContain('og:title');
  });

  it('CURIEs: the initial schema: prefix, declared prefixes, xmlns:, full IRIs; other vocabularies ignored', () => {
    const html = `<html prefix="og: http://ogp.me/ns# s: https://schema.org/"><body xmlns:sdo="http://schema.org/">
      <div typeof="schema:JobPosting">
        <span property="og:title dc:title">Wrong: another vocabulary</span>
        <h1 property="schema:title">Harbour Pilot</h1>
        <span property="s:hiringOrganization" typeof="s:Organization"><span property="sdo:name">Bergen Port Authority</span></span>
        <span property="https://schema.org/jobLocation">Bergen, Norway</span>
        <meta property="http://schema.org/datePosted" content="2026-11-20">
        <div vocab="http://purl.org/dc/terms/"><span property="description">Wrong: dc:description</span></div>
        <div resource="#elsewhere"><span property="schema:employmentType">Wrong: another subject</span></div>
        <div property="schema:description">${DESC}</div>
      </div></body></html>`;
    const posting = readRdfa(loadDom(html)).items.find((i) => Array.isArray(i['@type']))!;
    expect(posting.title).toBe('Harbour Pilot');
    expect(posting.description).toBe(DESC);
    expect(posting.employmentType).toBeUndefined();
    const job = parse(html, 'https://bergenport.example/jobs/pilot').job!;
    expect(job.title).toBe('Harbour Pilot');
    expect(job.company.name).toBe('Bergen Port Authority');
    expect(job.locations[0]).toMatchObject({ city: 'Bergen', country: 'NO' });
    expect(job.datePosted?.slice(0, 10)).toBe('2026-11-20');
    expect(job.description.text).toBe(DESC);
  });

  it('legacy shape: organization inside the description, sibling salaryCurrency', () => {
    const html = `<div vocab="http://schema.org/" typeof="JobPosting"><h2 property="title">Software Engineer</h2>
      <span property="jobLocation" typeof="Place"><span property="address" typeof="PostalAddress"><span property="addressLocality">Tromsø</span> <span property="addressRegion">Troms</span></span></span>
      <span property="salaryCurrency">NOK</span> <span property="baseSalary">650000</span>
      <p property="description"><span property="hiringOrganization" typeof="Organization"><span property="name">Nordlys Data AS</span></span> seeks an engineer for in-house tools.</p>
      <span property="datePosted">2026-10-31</span></div>`;
    const job = parse(html, 'https://nordlys.example/jobs/software-engineer').job!;
    expect(job.company.name).toBe('Nordlys Data AS');
    // Canonical place: a Norwegian county is not kept as the region (one form per place).
    expect(job.locations[0]).toMatchObject({ raw: 'Tromsø, Troms', city: 'Tromsø', country: 'NO', display: 'Tromsø, Norway' });
    expect(job.salary).toMatchObject({ min: 650000, max: 650000, currency: 'NOK' });
    expect(job.description.text).toContain('seeks an engineer');
  });

  it('two postings on one page are a listing; one whose url is the page is that posting', () => {
    const item = (title: string, slug: string) =>
      `<li property="itemListElement" typeof="JobPosting"><a property="url" href="https://fjordlab.example/jobs/${slug}"><span property="title">${title}</span></a>
       <span property="hiringOrganization">Fjordlab AS</span><p property="description">${DESC}</p></li>`;
    const html = `<ul vocab="https://schema.org/" typeof="ItemList">${item('Backend Engineer', 'backend')}${item('Data Engineer', 'data')}</ul>`;
    const listing = parse(html, 'https://fjordlab.example/jobs');
    expect(listing.job).toBeNull();
    expect(listing.warnings.at(-1)).toBe('page has several RDFa JobPosting items (a listing page, not one posting)');
    const own = parse(html, 'https://fjordlab.example/jobs/data').job!;
    expect(own.title).toBe('Data Engineer');
  });

  it('comes after JSON-LD and microdata: fills their gaps, labelled rdfa', () => {
    const jsonld = JSON.stringify({ '@type': 'JobPosting', title: 'From JSON-LD', hiringOrganization: 'Fjordlab AS' });
    const html = `<html><head><script type="application/ld+json">${jsonld}</script></head><body>
      <div itemscope itemtype="https://schema.org/JobPosting"><meta itemprop="datePosted" content="2026-11-05"></div>
      <div vocab="https://schema.org/" typeof="JobPosting"><h1 property="title">From RDFa</h1><meta property="datePosted" content="2026-11-06">
        <span property="jobLocation">Oslo, Norway</span><div property="description">${DESC}</div></div></body></html>`;
    const res = parse(html);
    expect(res.source).toBe('json-ld');
    const job = res.job!;
    expect(job.title).toBe('From JSON-LD');
    expect(job.datePosted?.slice(0, 10)).toBe('2026-11-05');
    expect(job.locations[0]?.city).toBe('Oslo');
    expect(job.provenance).toMatchObject({ title: 'json-ld', datePosted: 'microdata', locations: 'rdfa', description: 'rdfa' });
  });

  it('the page scan notes RDFa JobPosting markup, and only that', () => {
    expect(scanPage('<div vocab="https://schema.org/" typeof="JobPosting"></div>').hasRdfaJob).toBe(true);
    expect(scanPage('<div typeof="schema:JobPosting"></div>').hasRdfaJob).toBe(true);
    expect(scanPage('<meta property="og:type" content="website"><div typeof="Organization"></div>').hasRdfaJob).toBe(false);
  });
});

describe('RDFa on hostile pages', () => {
  it('nested items stop at the microdata depth cap; the posting still parses', () => {
    const levels = 900;
    const html = `<div vocab="https://schema.org/" typeof="JobPosting"><h1 property="title">Depth Tester</h1>
      <span property="hiringOrganization">Fjordlab AS</span><div property="description">${DESC}</div>
      ${'<div property="subjectOf" typeof="CreativeWork">'.repeat(levels)}<span property="name">bottom</span>${'</div>'.repeat(levels)}</div>`;
    const { items } = readRdfa(loadDom(html));
    expect(items).toHaveLength(1);
    expect(nesting(items[0])).toBeLessThanOrEqual(MAX_ITEM_DEPTH + 2);
    const res = parse(html);
    expect(res.job?.title).toBe('Depth Tester');
  });

  it('property elements nested in each other share one work budget', () => {
    // Each level is a property of the posting whose text is the whole subtree below it.
    const levels = 400;
    const filler = '<i></i>'.repeat(10_000);
    const html = `<div vocab="https://schema.org/" typeof="JobPosting"><h1 property="title">Budget Tester</h1>
      <span property="hiringOrganization">Fjordlab AS</span><div property="description">${DESC}</div>
      ${Array.from({ length: levels }, (_, i) => `<div property="p${i}">`).join('')}${filler}${'</div>'.repeat(levels)}</div>`;
    const { items, warnings } = readRdfa(loadDom(html));
    expect(warnings.some((w) => /values skipped/.test(w))).toBe(true);
    expect(Object.keys(items[0]!).filter((k) => k.startsWith('p')).length).toBeLessThan(levels);
    const res = parse(html);
    expect(res.job?.title).toBe('Budget Tester');
    expect(res.warnings.some((w) => w.startsWith('rdfa: ') && /work cap/.test(w))).toBe(true);
  });

  it('__proto__ / constructor / prototype names change nothing', () => {
    const html = `<div vocab="https://schema.org/" prefix="__proto__: https://schema.org/" typeof="JobPosting __proto__">
      <h1 property="title">Proto Tester</h1><span property="__proto__">x</span><span property="constructor prototype">y</span>
      <span property="schema:__proto__" typeof="Organization"><span property="polluted">yes</span></span>
      <span property="__proto__:title">z</span>
      <span property="hiringOrganization">Fjordlab AS</span><div property="description">${DESC}</div></div>`;
    const { items } = readRdfa(loadDom(html));
    const posting = items[0]!;
    expect(Object.getPrototypeOf(posting)).toBeNull();
    expect(Object.keys(posting).sort()).toEqual(['@type', 'description', 'hiringOrganization', 'title']);
    expect(posting['@type']).toEqual(['JobPosting']);
    expect(posting.title).toBe('Proto Tester');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const job = parse(html).job!;
    expect(job.title).toBe('Proto Tester');
    expect(job.company.name).toBe('Fjordlab AS');
  });

  it('items past the cap are ignored, and so are their properties', () => {
    const html = `<div vocab="https://schema.org/" typeof="JobPosting"><h1 property="title">Real Title</h1>
      ${'<span property="subjectOf" typeof="Thing"></span>'.repeat(RDFA_LIMITS.maxItems)}
      <span property="about" typeof="Thing"><span property="title">Leaked Title</span></span></div>`;
    const { items, warnings } = readRdfa(loadDom(html));
    expect(items[0]!.title).toBe('Real Title');
    expect((items[0]!.subjectOf as unknown[]).length).toBe(RDFA_LIMITS.maxValuesPerName);
    expect(warnings).toContain(`2 RDFa items ignored (more than ${RDFA_LIMITS.maxItems}; ${RDFA_LIMITS.maxItems} read)`);
  });

  it('huge attribute values and name lists are bounded', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `n${i}`).join(' ');
    const html = `<div vocab="https://schema.org/" prefix="${'a: https://schema.org/ '.repeat(50_000)}" typeof="JobPosting">
      <meta property="title" content="${'T'.repeat(3_000_000)}"><span property="${names}">many</span>
      <div property="disambiguatingDescription" typeof="Thing" resource="${'r'.repeat(1_000_000)}"></div></div>`;
    const posting = readRdfa(loadDom(html)).items[0]!;
    expect((posting.title as string).length).toBe(RDFA_LIMITS.maxAttrValueChars);
    expect(Object.keys(posting).filter((k) => /^n\d+$/.test(k))).toHaveLength(RDFA_LIMITS.maxNames);
    expect(((posting.disambiguatingDescription as JsonObject)['@id'] as string).length).toBe(RDFA_LIMITS.maxIdChars);
  });
});

describe('RDFa places and employers given as links', () => {
  it('a jobLocation or hiringOrganization on a link is named by its text, not its IRI', () => {
    const html = `<!doctype html><html lang="de"><head><title>Backend Engineer – Fjordlab</title></head><body vocab="https://schema.org/">
      <article typeof="JobPosting"><h1 property="title">Backend Engineer</h1>
      <a property="hiringOrganization" href="https://www.fjordlab.example/about">Fjordlab</a>
      <p>Standort: <a property="jobLocation" href="https://www.wikidata.org/wiki/Q64">Berlin</a></p>
      <div property="description"><p>${DESC}</p></div></article></body></html>`;
    const job = parse(html).job!;
    expect(job.company.name).toBe('Fjordlab');
    expect(job.locations).toHaveLength(1);
    expect(job.locations[0]).toMatchObject({ city: 'Berlin', country: 'DE' });
  });

  it('a remote locality in RDFa gives the workplace and keeps the country', () => {
    const html = `<!doctype html><html lang="de"><head><title>Backend Engineer – Fjordlab</title></head><body vocab="https://schema.org/">
      <article typeof="JobPosting"><h1 property="title">Backend Engineer</h1><span property="hiringOrganization">Fjordlab</span>
      <div property="jobLocation" typeof="Place"><span property="address" typeof="PostalAddress"><span property="addressLocality">Remote</span>, <span property="addressCountry">Deutschland</span></span></div>
      <div property="description"><p>${DESC}</p></div></article></body></html>`;
    const job = parse(html).job!;
    expect(job.workplaceType).toBe('remote');
    expect(job.locations.map((l) => l.country)).toEqual(['DE']);
    expect(job.locations[0]?.city).toBeUndefined();
  });
});
