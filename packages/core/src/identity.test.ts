import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, contentHash, urlHash } from './identity.js';
import { JobkitError } from './errors.js';

describe('canonicalizeUrl', () => {
  it.each([
    ['https://Boards.Greenhouse.io/acme/jobs/123?gh_src=abc#apply', 'https://boards.greenhouse.io/acme/jobs/123'],
    ['https://job-boards.greenhouse.io/acme/jobs/123?gh_jid=123', 'https://boards.greenhouse.io/acme/jobs/123'],
    ['https://jobs.lever.co/acme/1b2c/apply?lever-source=LinkedIn', 'https://jobs.lever.co/acme/1b2c'],
    ['https://example.com/jobs/?utm_source=x&b=2&a=1&utm_medium=y', 'https://example.com/jobs?a=1&b=2'],
    ['https://EXAMPLE.com:443/careers//eng/', 'https://example.com/careers/eng'],
    ['https://example.com/', 'https://example.com/'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('rejects non-http and relative URLs with a typed error', () => {
    expect(() => canonicalizeUrl('/jobs/1')).toThrow(JobkitError);
    expect(() => canonicalizeUrl('javascript:alert(1)')).toThrowError(/only http/);
  });

  it('urlHash is the same for equivalent URLs', () => {
    expect(urlHash('https://example.com/a?utm_campaign=z')).toBe(urlHash('https://EXAMPLE.com/a#x'));
    expect(urlHash('https://example.com/a')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('contentHash', () => {
  it('is stable under key order and ignores volatile fields', () => {
    const a = { title: 'x', company: { name: 'A', domain: 'a.com' }, quality: { score: 1 }, fetchedAt: '2020' };
    const b = { company: { domain: 'a.com', name: 'A' }, title: 'x', quality: { score: 99 } };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash({ ...b, title: 'y' })).not.toBe(contentHash(b));
  });
});
