import { describe, expect, it } from 'vitest';
import { parseJobPage } from '../src/index.js';

const page = (posted: string) => `<!doctype html><html lang="en"><head><title>Backend Engineer - Acme</title></head><body>
<main><h1>Backend Engineer</h1><p>Acme GmbH</p><p>Location: Berlin, Germany</p><p>${posted}</p>
<h2>About the role</h2><p>You will build and run the services behind our job search, working with a team of eight
engineers on APIs, data pipelines and search. We offer a permanent full-time contract and a learning budget.</p>
<p>Requirements: three years with TypeScript or Go, SQL, and care for tests.</p>
<a href="/apply/123">Apply now</a></main></body></html>`;

describe('relative dates keep the reference time they were resolved against', () => {
  const now = new Date('2026-11-20T10:15:30Z');
  it('a relative posted date records its reference in dateNotes', () => {
    const r = parseJobPage(page('Posted 3 days ago'), { url: 'https://careers.acme.example/jobs/123', now });
    expect(r.job?.datePosted).toBe('2026-11-17');
    expect(r.job?.dateNotes?.datePosted?.reference).toBe('2026-11-20T10:15:30Z');
  });
  it('an absolute date records none', () => {
    const r = parseJobPage(page('Posted on 17 November 2026'), { url: 'https://careers.acme.example/jobs/123', now });
    expect(r.job?.datePosted).toBe('2026-11-17');
    expect(r.job?.dateNotes?.datePosted).toBeUndefined();
  });
});

describe('a relative date the page adds to structured data keeps its reference', () => {
  it('JSON-LD without datePosted, page says "Posted 2 days ago"', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Backend Engineer',
      hiringOrganization: { '@type': 'Organization', name: 'Acme GmbH' },
      description: 'You will build and run the services behind our job search with a team of eight engineers.',
    });
    const html = page('Posted 2 days ago').replace('</head>', `<script type="application/ld+json">${ld}</script></head>`);
    const r = parseJobPage(html, { url: 'https://careers.acme.example/jobs/123', now: new Date('2026-11-20T10:15:30Z') });
    expect(r.source).toBe('json-ld');
    expect(r.job?.datePosted).toBe('2026-11-18');
    expect(r.job?.dateNotes?.datePosted?.reference).toBe('2026-11-20T10:15:30Z');
  });
});
