import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverCareerPages } from '../src/index.js';
import type { VendorServer } from './fixtures/boards/server.js';
import { startVendorServer } from './fixtures/boards/server.js';

let server: VendorServer;
beforeAll(async () => {
  server = await startVendorServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

const html = (body: string) => ({
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html><head><title>Acme</title></head><body>${body}</body></html>`,
});

/** A company site: a "Karriere" nav link, a Lever footer link, a /jobs redirect to Greenhouse, a sitemap entry embedding Personio, a careers. subdomain linking Workable. */
function acmeSite() {
  server.on(
    'www.acme-corp.com/',
    html(`<nav><a href="/about">About us</a> <a href="/unternehmen/team"><span>Karriere</span></a> <a href="/blog">Blog</a></nav>
      <footer><a href="https://jobs.lever.co/acmecorp">Open roles</a> <a href="/press/careers-kit.pdf">Press kit</a></footer>`),
  );
  server.on(
    'www.acme-corp.com/unternehmen/team',
    html('<h1>Join us</h1><div id="grnhse_app"></div><script src="https://boards.greenhouse.io/embed/job_board/js?for=acmecorp"></script>'),
  );
  server.on('www.acme-corp.com/jobs', { status: 301, headers: { location: '/__host/boards.greenhouse.io/acmecorp' } });
  server.on('boards.greenhouse.io/acmecorp', html('<h1>Jobs at Acme</h1>'));
  server.on('www.acme-corp.com/sitemap.xml', {
    type: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://www.acme-corp.com/</loc></url>
      <url><loc>https://www.acme-corp.com/de/stellenangebote</loc></url>
      <url><loc>https://www.acme-corp.com/blog/how-we-hire-engineers</loc></url>
      <url><loc>https://other-site.com/careers</loc></url>
    </urlset>`,
  });
  server.on('www.acme-corp.com/de/stellenangebote', html('<iframe src="https://acmecorp.jobs.personio.de/?display=de"></iframe>'));
  server.on('careers.acme-corp.com/', html('<a href="https://apply.workable.com/acmecorp/">See all openings</a>'));
}

describe('discoverCareerPages', () => {
  it('finds career pages from homepage links, paths, subdomains and the sitemap, and the boards behind them', async () => {
    acmeSite();
    const res = await discoverCareerPages('www.acme-corp.com', { fetcher: server.fetcher });
    const byUrl = new Map(res.candidates.map((c) => [c.url, c.evidence]));
    expect(byUrl.get('https://www.acme-corp.com/unternehmen/team')).toEqual(
      expect.arrayContaining(['homepage link text "Karriere"', 'ATS detected: greenhouse']),
    );
    expect(byUrl.get('https://www.acme-corp.com/jobs')).toEqual(
      expect.arrayContaining(['conventional path /jobs', 'redirects to https://boards.greenhouse.io/acmecorp']),
    );
    expect(byUrl.get('https://www.acme-corp.com/de/stellenangebote')).toContain('sitemap.xml entry /de/stellenangebote');
    expect(byUrl.get('https://careers.acme-corp.com/')).toContain('conventional subdomain careers.acme-corp.com');
    // /careers answered 404 and jobs. does not exist: dropped. The PDF and the other site's sitemap entry were never candidates.
    expect(byUrl.has('https://www.acme-corp.com/careers')).toBe(false);
    expect(byUrl.has('https://jobs.acme-corp.com/')).toBe(false);
    expect([...byUrl.keys()].some((u) => u.endsWith('.pdf') || u.includes('other-site'))).toBe(false);
    expect(res.candidates[0]!.url).toBe('https://www.acme-corp.com/unternehmen/team');

    const boards = Object.fromEntries(res.boards.map((b) => [b.platform, b]));
    expect(boards.greenhouse).toMatchObject({ boardToken: 'acmecorp', url: 'https://boards.greenhouse.io/acmecorp', confidence: 0.97 });
    // `url` is the board link the match was read from; `foundOn` the page that carried it.
    expect(boards.lever).toMatchObject({
      boardToken: 'acmecorp',
      url: 'https://jobs.lever.co/acmecorp',
      foundOn: 'https://www.acme-corp.com/',
    });
    expect(boards.lever!.evidence[0]).toBe('found on homepage https://www.acme-corp.com/');
    expect(boards.personio).toMatchObject({ boardToken: 'acmecorp', foundOn: 'https://www.acme-corp.com/de/stellenangebote' });
    expect(boards.workable).toMatchObject({ boardToken: 'acmecorp', foundOn: 'https://careers.acme-corp.com/' });
    expect(res.boards[0]!.platform).toBe('greenhouse');
    expect(res.warnings.join('\n')).toMatch(/careers: HTTP 404/);
  });

  it('fetches at most maxFetches candidates', async () => {
    acmeSite();
    const res = await discoverCareerPages('https://www.acme-corp.com/', {
      fetcher: server.fetcher,
      maxFetches: 1,
      subdomains: false,
      sitemap: false,
    });
    // Homepage + the single strongest candidate.
    expect(server.requests.map((r) => r.url.href)).toEqual(['https://www.acme-corp.com/', 'https://www.acme-corp.com/unternehmen/team']);
    expect(res.boards.map((b) => b.platform).sort()).toEqual(['greenhouse', 'lever']);
  });

  it('still guesses paths when the homepage is down, and validates input', async () => {
    server.on('shop.example/jobs', html('<a href="https://jobs.ashbyhq.com/shopco">Jobs</a>'));
    const res = await discoverCareerPages('shop.example', { fetcher: server.fetcher, subdomains: false });
    expect(res.boards).toMatchObject([{ platform: 'ashby', boardToken: 'shopco' }]);
    await expect(discoverCareerPages('not a domain', { fetcher: server.fetcher })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const controller = new AbortController();
    controller.abort();
    await expect(discoverCareerPages('shop.example', { fetcher: server.fetcher, signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});
