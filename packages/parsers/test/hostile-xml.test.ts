/**
 * Hostile XML in the feeds and sitemaps the parsers read (sitemap.xml in discovery, Personio
 * XML and Teamtailor RSS in boards, all through `boards/xml.ts`): deep nesting must neither
 * overflow the stack nor cost time quadratic in the depth, and DTD entities are never expanded.
 */
import { createStaticFetcher } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { descendants, parseXml } from '../src/boards/xml.js';
import { discoverCareerPages } from '../src/index.js';

/** CPU milliseconds of the fastest of three runs (waiting for a shared core is not work). */
function cpuMs(fn: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1_000);
  }
  return best;
}

const urlset = (inner: string) => `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${inner}</urlset>`;
const entry = (path: string) => `<url><loc>https://www.acme.example${path}</loc></url>`;

describe('XML feeds and sitemaps: bounded work', () => {
  it('a sitemap nested 100k deep is read without a stack overflow; entries before the trap still count', async () => {
    const body = urlset(`${entry('/karriere')}${'<url>'.repeat(100_000)}<loc>https://www.acme.example/deep/jobs</loc>`);
    const fetcher = createStaticFetcher({
      'https://www.acme.example/sitemap.xml': { headers: { 'content-type': 'application/xml' }, body },
    });
    const found = await discoverCareerPages('www.acme.example', { fetcher, maxFetches: 0, subdomains: false });
    expect(found.candidates.map((c) => c.url)).toContain('https://www.acme.example/karriere');
  });

  it('deep nesting, with and without text at every level, grows linearly (16x input <= 40x time)', () => {
    for (const unit of ['<a>', '<a>text ', '<x:item><![CDATA[c]]>', '<a><b/>']) {
      const doc = (n: number) => urlset(`${entry('/jobs')}${unit.repeat(n)}`);
      const small = doc(2_000);
      const large = doc(32_000);
      const t1 = cpuMs(() => parseXml(small));
      const t16 = cpuMs(() => parseXml(large));
      expect(t16 / Math.max(t1, 5), `${unit}: ${t1.toFixed(1)} ms -> ${t16.toFixed(1)} ms`).toBeLessThan(40);
      expect(descendants(parseXml(large), 'loc').map((n) => n.text)).toEqual(['https://www.acme.example/jobs']);
    }
  });

  it('250k unmatched closing tags and 100k sibling entries stay linear', () => {
    const closers = (n: number) => urlset(`${'<a>'.repeat(200)}${'</b>'.repeat(n)}`);
    const t1 = cpuMs(() => parseXml(closers(15_625)));
    const t16 = cpuMs(() => parseXml(closers(250_000)));
    expect(t16 / Math.max(t1, 5)).toBeLessThan(40);
    const wide = parseXml(urlset(entry('/jobs/1').repeat(100_000)));
    expect(descendants(wide, 'loc')).toHaveLength(100_000);
  });

  it('text of an element below the depth cap counts in its ancestor; text is the same as a flat document', () => {
    const nested = parseXml(
      `<rss><channel><item><description>${'<p>'.repeat(50)}deep text${'</p>'.repeat(50)}</description></item></channel></rss>`,
    );
    const description = descendants(nested, 'description')[0];
    expect(description?.text).toBe('deep text');
    const mixed = parseXml('<r> a <b> b <c>c</c> </b><![CDATA[ <d> ]]><!-- no --> e </r>');
    expect(mixed?.text).toBe('a  b c  <d>  e');
    expect(mixed?.children.map((c) => [c.name, c.text])).toEqual([['b', 'b c']]);
  });

  it('DTD entities are not expanded (no billion laughs); the five XML entities and character references are', () => {
    const lol = [
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
    ].join('');
    const doc = `<?xml version="1.0"?><!DOCTYPE urlset [${lol}]><urlset><url><loc>&lol9;https://www.acme.example/jobs?a=1&amp;b=&#50;</loc></url></urlset>`;
    const t = cpuMs(() => parseXml(doc));
    expect(t).toBeLessThan(500);
    expect(descendants(parseXml(doc), 'loc')[0]?.text).toBe('&lol9;https://www.acme.example/jobs?a=1&b=2');
  });
});

describe('discoverCareerPages: a hostile homepage', () => {
  it('200k unclosed elements cost linear time (16x input <= 40x time; was 15 s), links before them still count', async () => {
    const run = async (n: number) => {
      const body = `<html><body><a href="/karriere">Karriere</a>${'<div>'.repeat(n)}<a href="/jobs">Jobs</a></body></html>`;
      const fetcher = createStaticFetcher({ 'https://www.acme.example/': { headers: { 'content-type': 'text/html' }, body } });
      const c0 = process.cpuUsage();
      const found = await discoverCareerPages('www.acme.example', { fetcher, maxFetches: 0, subdomains: false, sitemap: false });
      const c = process.cpuUsage(c0);
      return { ms: (c.user + c.system) / 1_000, urls: found.candidates.map((x) => x.url) };
    };
    await run(1_000);
    const small = await run(12_500);
    const large = await run(200_000);
    expect(large.ms / Math.max(small.ms, 10), `${small.ms.toFixed(0)} ms -> ${large.ms.toFixed(0)} ms`).toBeLessThan(40);
    expect(large.urls).toContain('https://www.acme.example/karriere');
  }, 60_000);
});
