/**
 * Text cleaning at the parser boundary: NUL and other C0 controls are stripped and lone
 * surrogates replaced in every string field, on every path a posting takes (JSON-LD, microdata,
 * heuristics, board clients), because a single such character makes PostgreSQL reject the whole
 * batch the posting is written with.
 */
import { createStaticFetcher, type JobPosting } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { listBoardJobs, parseJobPage } from '../src/index.js';

const URL_ = 'https://acme.example/jobs/123-evil';
const DESC = 'Build and run the services behind our product with a small, friendly team. '.repeat(4);

/** Every string in a value, with its path. */
function strings(value: unknown, path = '$', out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) strings(v, `${path}[${i}]`, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A string a UTF-8 text column accepts: no C0 control but tab/LF/CR, no lone surrogate. */
function assertStoreSafe(job: JobPosting | null | undefined) {
  expect(job).toBeTruthy();
  for (const [path, s] of strings(job)) {
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), `${path} holds a control character: ${JSON.stringify(s.slice(0, 80))}`).toBe(
      false,
    );
    expect(LONE_SURROGATE.test(s), `${path} holds a lone surrogate: ${JSON.stringify(s.slice(0, 80))}`).toBe(false);
    // UTF-8 round trip is lossless only for well-formed text.
    expect(Buffer.from(s, 'utf8').toString('utf8')).toBe(s);
  }
}

const jsonLd = (body: object) =>
  `<html><head><script type="application/ld+json">${JSON.stringify(body)}</script></head><body></body></html>`;

describe('text cleaning at the parser boundary', () => {
  it('JSON-LD: NUL, C0 controls and lone surrogates in every field', () => {
    const page = jsonLd({
      '@type': 'JobPosting',
      title: 'Evil\u0000Engineer\u0007',
      description: `<p>${DESC}\u0000 with a \ud800 lone high and \udfff lone low surrogate</p>`,
      hiringOrganization: { name: 'Ev\u0001il \udc00Corp', sameAs: 'https://evil.example' },
      jobLocation: { address: { addressLocality: 'Os\u0000lo', addressRegion: '\ud83dOslo', addressCountry: 'NO' } },
      department: 'R&D\u001f',
      baseSalary: { currency: 'NOK', value: { value: '650000', unitText: 'YEAR\u0000' } },
      identifier: { value: 'id\u0000-7' },
    });
    const res = parseJobPage(page, { url: URL_ });
    assertStoreSafe(res.job);
    expect(res.job!.title).toBe('EvilEngineer');
    expect(res.job!.company.name).toBe('Evil \ufffdCorp');
    expect(res.job!.locations[0]).toMatchObject({ city: 'Oslo', region: '\ufffdOslo', country: 'NO' });
    expect(res.job!.description.text).toContain('with a \ufffd lone high and \ufffd lone low surrogate');
    // Clean text passes through unchanged: the emoji's surrogate pair is kept whole.
    const emoji = parseJobPage(
      jsonLd({ '@type': 'JobPosting', title: 'Rocket \ud83d\ude80 Engineer', description: DESC, hiringOrganization: 'Acme' }),
      { url: URL_ },
    );
    expect(emoji.job!.title).toBe('Rocket \ud83d\ude80 Engineer');
  });

  it('microdata and heuristics paths are cleaned too', () => {
    const micro = `<div itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">Nul\u0000l Engineer \ud800</h1>
      <span itemprop="hiringOrganization">Acme\u0002</span><p itemprop="description">${DESC}\u0000</p></div>`;
    const m = parseJobPage(micro, { url: URL_ });
    assertStoreSafe(m.job);
    expect(m.job!.title).toBe('Null Engineer \ufffd');
    const plain = `<html><head><title>Backend\u0000 Engineer \udbff - Acme</title></head><body><main><h1>Backend\u0000 Engineer \udbff</h1>
      <p>${DESC}</p><p>Apply now to join Acme\u0000.</p><h2>Requirements</h2><ul><li>TypeScript\u0000</li><li>SQL</li></ul></main></body></html>`;
    const h = parseJobPage(plain, { url: URL_ });
    if (h.job) assertStoreSafe(h.job);
  });

  it('a title of nothing but control characters is no title, not an empty string in the store', () => {
    const res = parseJobPage(jsonLd({ '@type': 'JobPosting', title: '\u0000\u0001', description: DESC, hiringOrganization: 'Acme' }), {
      url: URL_,
    });
    if (res.job) {
      assertStoreSafe(res.job);
      expect(res.job.title.length).toBeGreaterThan(0);
    } else {
      expect(res.warnings.join('\n')).toMatch(/title/);
    }
  });

  it('board client mapping (Greenhouse API) cleans the same fields', async () => {
    const body = {
      jobs: [
        {
          id: 7,
          title: 'Evil\u0000Engineer',
          absolute_url: 'https://job-boards.greenhouse.io/acme/jobs/7',
          updated_at: '2026-02-10T12:00:00Z',
          company_name: 'Acme\u0000 \ud800Corp',
          location: { name: 'Ber\u0000lin, Germany' },
          content: '&lt;p&gt;Build things\u0000 \udfff here.&lt;/p&gt;',
          departments: [{ id: 1, name: 'Eng\u0008ineering' }],
          offices: [],
          metadata: [],
        },
        {
          id: 8,
          title: 'Clean Engineer',
          absolute_url: 'https://job-boards.greenhouse.io/acme/jobs/8',
          company_name: 'Acme',
          location: { name: 'Berlin' },
          content: '&lt;p&gt;Fine.&lt;/p&gt;',
        },
      ],
      meta: { total: 2 },
    };
    const fetcher = createStaticFetcher(
      {},
      { fallback: (req) => (new URL(req.url).pathname === '/v1/boards/acme/jobs' ? { body } : { status: 404, body: 'not found' }) },
    );
    const res = await listBoardJobs(
      { platform: 'greenhouse', boardToken: 'acme' },
      { fetcher, details: false, now: new Date('2026-03-01T00:00:00Z') },
    );
    expect(res.jobs).toHaveLength(2);
    for (const job of res.jobs) assertStoreSafe(job);
    const evil = res.jobs.find((j) => j.url.endsWith('/7'))!;
    expect(evil.title).toBe('EvilEngineer');
    expect(evil.company.name).toBe('Acme \ufffdCorp');
    expect(evil.description.text).toBe('Build things \ufffd here.');
    expect(evil.department).toBe('Engineering');
  });
});

describe('warnings quoting page text are clean too', () => {
  it('a JSON-LD parse error and a bad date quote no NUL or lone surrogate', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"JobPosting",\u0000\ud800 broken</script>
      <script type="application/ld+json">${JSON.stringify({ '@type': 'JobPosting', title: 'Dated', description: DESC, hiringOrganization: 'Acme', datePosted: '\u0000\ud83d no date', employmentType: 'x\u0000\udc00' })}</script></head></html>`;
    const res = parseJobPage(html, { url: URL_ });
    expect(res.job?.title).toBe('Dated');
    expect(res.warnings.join('\n')).toMatch(/not valid JSON/);
    expect(res.warnings.join('\n')).toMatch(/is not a date/);
    for (const w of res.warnings) {
      expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(w), JSON.stringify(w)).toBe(false);
      expect(LONE_SURROGATE.test(w), JSON.stringify(w)).toBe(false);
    }
  });
});
