import { readFileSync } from 'node:fs';
import { canonicalizeUrl, finalizeJob, jobIdFromUrlHash, urlHash } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { atsPlatforms } from '../src/index.js';
import { identityVariants } from './fixtures/identity/variants.js';

/**
 * Job ids are permanent: stores key postings by them. `pins.json` holds, for 345 vendor URLs from
 * the test fixtures (every ATS, look-alike hosts too), the ids of six variants each (tracking
 * parameters, `/apply` suffixes, host case, ports, fragments), computed before the vendor URL
 * rules moved from core into the ATS definitions. Nothing here may ever change.
 */
const pins = JSON.parse(readFileSync(new URL('./fixtures/identity/pins.json', import.meta.url), 'utf8')) as [string, string[]][];

describe('job identity of vendor URLs', () => {
  it('keeps every pinned id', () => {
    const changed: string[] = [];
    for (const [url, ids] of pins) {
      identityVariants(url).forEach((variant, i) => {
        const id = jobIdFromUrlHash(urlHash(variant)).slice(3);
        if (id !== ids[i]) changed.push(variant);
      });
    }
    expect(pins.length).toBeGreaterThan(300);
    expect(changed).toEqual([]);
  });

  it('keeps the ids finalizeJob gives', () => {
    for (const [url, ids] of pins.slice(0, 40)) {
      const job = finalizeJob({
        url: identityVariants(url)[1]!,
        title: 'Engineer',
        company: { name: 'Acme' },
        locations: [],
        workplaceType: null,
        employmentType: [],
        salary: null,
        description: { html: '<p>Build things.</p>', text: 'Build things.' },
        datePosted: null,
        validThrough: null,
        applyUrl: null,
        ats: null,
        source: 'ats-api',
        provenance: {},
      });
      expect(job.id).toBe(`jk_${ids[1]}`);
    }
  });

  it('covers every ATS that existed when the ids were pinned', () => {
    const covered = new Set<string>();
    for (const [url] of pins) {
      for (const def of atsPlatforms) if (def.matchUrl(new URL(url))) covered.add(def.id);
    }
    // The 30 platforms of the pin date; a newer one's URLs had no ids before it, so nothing to keep.
    expect(covered.size).toBeGreaterThanOrEqual(30);
  });

  it('collapses the vendor variants of one posting', () => {
    const id = (u: string) => jobIdFromUrlHash(urlHash(u));
    expect(id('https://job-boards.greenhouse.io/acme/jobs/123?gh_src=x&foo=1')).toBe(id('https://boards.greenhouse.io/acme/jobs/123'));
    expect(id('https://jobs.lever.co/acme/0b2e5a54-8c1f-4f7e-9d55-3f0a4b1d2c3e/apply?lever-source=LinkedIn')).toBe(
      id('https://jobs.lever.co/acme/0b2e5a54-8c1f-4f7e-9d55-3f0a4b1d2c3e'),
    );
    expect(id('https://jobs.ashbyhq.com/acme/0b2e5a54-8c1f-4f7e-9d55-3f0a4b1d2c3e/application')).toBe(
      id('https://jobs.ashbyhq.com/acme/0b2e5a54-8c1f-4f7e-9d55-3f0a4b1d2c3e'),
    );
    expect(canonicalizeUrl('https://Boards.Greenhouse.io/acme/jobs/123?gh_src=abc#apply')).toBe(
      'https://boards.greenhouse.io/acme/jobs/123',
    );
    expect(canonicalizeUrl('https://job-boards.greenhouse.io/acme/jobs/123?gh_jid=123')).toBe('https://boards.greenhouse.io/acme/jobs/123');
    expect(canonicalizeUrl('https://jobs.lever.co/acme/1b2c/apply?lever-source=LinkedIn')).toBe('https://jobs.lever.co/acme/1b2c');
    expect(id('https://apply.workable.com/acme/j/ABC123/apply/')).toBe(id('https://apply.workable.com/acme/j/ABC123/'));
    // Look-alike hosts get no vendor rule.
    expect(id('https://job-boards.greenhouse.io.evil.com/acme/jobs/123')).not.toBe(
      id('https://boards.greenhouse.io.evil.com/acme/jobs/123'),
    );
  });
});
