/**
 * Site profiles declare their boards' canonical job URLs (`canonicalUrl`), registered into core's
 * `canonicalizeUrl` when the package loads: one posting, one id, however the board's links are
 * decorated. Other hosts are left alone.
 * @module
 */
import { canonicalizeUrl, canonicalUrlRules, urlHash } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { siteProfiles } from '../src/index.js';

describe('LinkedIn job URLs', () => {
  const id = '4012345678';

  it.each([
    [
      `https://www.linkedin.com/jobs/view/${id}/?refId=abc%3D%3D&trackingId=xyz%3D%3D&position=3&pageNum=0&trk=public_jobs_topcard-title`,
      `https://www.linkedin.com/jobs/view/${id}`,
    ],
    [`https://www.linkedin.com/jobs/view/${id}?position=1&pageNum=4`, `https://www.linkedin.com/jobs/view/${id}`],
    [
      `https://de.linkedin.com/jobs/view/senior-data-engineer-at-northwind-${id}?refId=q&trackingId=r&trk=public_jobs_jserp-result_search-card`,
      `https://de.linkedin.com/jobs/view/senior-data-engineer-at-northwind-${id}`,
    ],
    [`https://linkedin.com/comm/jobs/view/${id}?alertAction=viewjob&savedSearchId=1&refId=q`, `https://linkedin.com/comm/jobs/view/${id}`],
  ])('%s loses its tracking query', (url, canonical) => {
    expect(canonicalizeUrl(url)).toBe(canonical);
    expect(urlHash(url)).toBe(urlHash(canonical));
  });

  it('is declared by the linkedin site profile and registered under a site: id', () => {
    expect(siteProfiles.find((s) => s.id === 'linkedin')?.canonicalUrl?.canonicalize).toBeTypeOf('function');
    expect(canonicalUrlRules().map((r) => r.id)).toContain('site:linkedin');
  });

  it('leaves other LinkedIn pages and other hosts alone', () => {
    expect(canonicalizeUrl('https://www.linkedin.com/jobs/search/?keywords=engineer&position=2')).toBe(
      'https://www.linkedin.com/jobs/search?keywords=engineer&position=2',
    );
    expect(canonicalizeUrl(`https://careers.acme.example/jobs/view/${id}?position=3&pageNum=2`)).toBe(
      `https://careers.acme.example/jobs/view/${id}?pageNum=2&position=3`,
    );
    expect(canonicalizeUrl(`https://www.linkedin.com.evil.example/jobs/view/${id}?position=3`)).toContain('position=3');
  });
});
