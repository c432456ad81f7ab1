/**
 * parseJobPage contract: result shape, identity and quality through finalizeJob, ATS detection,
 * company domain rules, and warnings instead of throws for bad pages.
 */
import { readFileSync } from 'node:fs';
import { canonicalizeUrl, ParsedJobPageSchema, urlHash } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const DESC =
  '<p>Join the team that runs our checkout. You will design APIs, review code, keep services healthy and work closely with product and design on features our customers use every day.</p><ul><li>TypeScript and Node.js</li><li>PostgreSQL</li></ul>';

function jsonLdPage(fields: Record<string, unknown>): string {
  const posting = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: 'Checkout Engineer',
    description: DESC,
    datePosted: '2026-11-20',
    ...fields,
  };
  return `<!doctype html><html><head><title>Checkout Engineer</title><script type="application/ld+json">${JSON.stringify(posting)}</script></head><body><h1>Checkout Engineer</h1></body></html>`;
}

describe('parseJobPage', () => {
  it('returns a ParsedJobPage whose job went through finalizeJob', () => {
    const url = 'https://shop.example/careers/jobs/77-checkout-engineer?utm_source=newsletter&ref=x';
    const res = parseJobPage(
      jsonLdPage({
        hiringOrganization: {
          '@type': 'Organization',
          name: 'Shop Inc',
          sameAs: ['https://twitter.com/shop', 'https://www.shop-inc.example/about'],
        },
        jobLocation: { '@type': 'Place', address: { addressLocality: 'Toronto', addressRegion: 'ON', addressCountry: 'CA' } },
        baseSalary: { '@type': 'MonetaryAmount', currency: 'CAD', value: { minValue: 110000, maxValue: 130000, unitText: 'YEAR' } },
        employmentType: 'FULL_TIME',
      }),
      { url, now: NOW },
    );
    expect(ParsedJobPageSchema.parse(res)).toEqual(res);
    const job = res.job!;
    expect(job.url).toBe(canonicalizeUrl(url));
    expect(job.url).not.toContain('utm_source');
    expect(job.urlHash).toBe(urlHash(url));
    expect(job.id).toBe(`jk_${job.urlHash.slice(0, 24)}`);
    expect(job.quality.score).toBeGreaterThanOrEqual(70);
    expect(job.quality.breakdown.map((r) => r.rule)).toContain('salary');
    // sameAs: the first non-social URL names the employer's domain.
    expect(job.company.domain).toBe('shop-inc.example');
    expect(job.source).toBe('json-ld');
    for (const field of ['title', 'company', 'locations', 'salary', 'employmentType', 'description', 'datePosted'] as const) {
      expect(job.provenance[field], field).toBe('json-ld');
    }
  });

  it('is deterministic: same page, same job', () => {
    const html = jsonLdPage({ hiringOrganization: 'Shop Inc' });
    const a = parseJobPage(html, { url: 'https://shop.example/jobs/1-a', now: NOW });
    const b = parseJobPage(html, { url: 'https://shop.example/jobs/1-a', now: NOW });
    expect(a).toEqual(b);
  });

  it('company domain comes from the page URL on an employer site, never from an ATS host', () => {
    const own = parseJobPage(jsonLdPage({ hiringOrganization: 'Shop Inc' }), { url: 'https://careers.shop.co.uk/jobs/55-x', now: NOW })
      .job!;
    expect(own.company.domain).toBe('shop.co.uk');
    const hosted = parseJobPage(jsonLdPage({ hiringOrganization: 'Shop Inc' }), {
      url: 'https://jobs.ashbyhq.com/shop/0c3e2f4a-1111-4222-8333-944455556666',
      now: NOW,
    });
    expect(hosted.job!.company.domain).toBeUndefined();
    expect(hosted.ats).toMatchObject({ platform: 'ashby', boardToken: 'shop', jobId: '0c3e2f4a-1111-4222-8333-944455556666' });
    expect(hosted.job!.ats).toEqual({ platform: 'ashby', boardToken: 'shop', jobId: '0c3e2f4a-1111-4222-8333-944455556666' });
  });

  it('an embedded board on a company page is detected from the page markup', () => {
    const html = jsonLdPage({ hiringOrganization: 'Shop Inc' }).replace(
      '</body>',
      '<div id="grnhse_app"></div><script src="https://boards.greenhouse.io/embed/job_board/js?for=shopinc"></script></body>',
    );
    const res = parseJobPage(html, { url: 'https://shop.example/careers/?gh_jid=4455667', now: NOW });
    expect(res.ats?.platform).toBe('greenhouse');
  });

  it('uses the JSON-LD identifier as ATS job id when the URL has none', () => {
    const html = jsonLdPage({
      hiringOrganization: 'Shop Inc',
      identifier: { '@type': 'PropertyValue', name: 'Shop', value: 'R-1029' },
    }).replace('</body>', '<script src="https://boards.greenhouse.io/embed/job_board/js?for=shopinc"></script></body>');
    const res = parseJobPage(html, { url: 'https://shop.example/careers/checkout', now: NOW });
    expect(res.ats).toMatchObject({ platform: 'greenhouse', boardToken: 'shopinc', jobId: null });
    expect(res.job?.ats).toEqual({ platform: 'greenhouse', boardToken: 'shopinc', jobId: 'R-1029' });
  });

  it('a posting without a title gives job null and a warning, not a throw', () => {
    const res = parseJobPage(
      '<html><head><script type="application/ld+json">{"@type":"JobPosting","description":"x"}</script></head><body></body></html>',
      { url: 'https://shop.example/x', now: NOW },
    );
    expect(res.job).toBeNull();
    expect(res.warnings.length).toBeGreaterThan(0);
  });

  it('drops an invalid field with a warning instead of losing the posting', () => {
    const res = parseJobPage(jsonLdPage({ hiringOrganization: 'Shop Inc', datePosted: 'sometime soon' }), {
      url: 'https://shop.example/jobs/9-x',
      now: NOW,
    });
    expect(res.job?.datePosted).toBeNull();
    expect(res.warnings.join()).toMatch(/datePosted/);
  });

  it("structured data without an apply link takes the page's apply control, whether or not the page is read for other fields", () => {
    const url = 'https://shop.example/careers/jobs/77-checkout-engineer';
    const body =
      '<body><h1>Checkout Engineer</h1><a href="#top">Back to top</a><a href="/careers">Careers</a><p>Join us.</p><a class="btn" href="/careers/jobs/77/apply?src=page">Apply now</a></body>';
    const page = (fields: Record<string, unknown>) =>
      jsonLdPage({ hiringOrganization: 'Shop Inc', ...fields }).replace(/<body>.*<\/body>/, body);
    const place = { jobLocation: { '@type': 'Place', address: { addressLocality: 'Toronto', addressCountry: 'CA' } } };
    // Complete (no DOM is built) and incomplete (the visible page is read for the employment type).
    for (const fields of [{ ...place, employmentType: 'FULL_TIME' }, place]) {
      const job = parseJobPage(page(fields), { url, now: NOW }).job!;
      expect(job.applyUrl, JSON.stringify(fields)).toBe('https://shop.example/careers/jobs/77/apply?src=page');
      expect(job.provenance.applyUrl).toBe('heuristic');
    }
    // An apply control that points at the page itself is no application URL.
    const self = parseJobPage(page(place).replace('/careers/jobs/77/apply?src=page', '#apply-form'), { url, now: NOW }).job!;
    expect(self.applyUrl).toBeNull();
  });

  it('the parse-demo pages parse (shipped examples stay in sync)', () => {
    const html = readFileSync(new URL('../../../examples/parse-demo/pages/acme-greenhouse.html', import.meta.url), 'utf8');
    const res = parseJobPage(html, { url: 'https://boards.greenhouse.io/acmerobotics/jobs/4012345?gh_src=demo', now: NOW });
    expect(res.job?.title).toBeTruthy();
  });
});
