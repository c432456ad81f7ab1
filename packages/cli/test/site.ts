/**
 * A tiny careers site on `node:http` (127.0.0.1, random port) for the CLI crawl tests: a careers
 * page linking to two complete job pages (JSON-LD), one thin page that fails the quality bar and
 * one link that 404s. Written for these tests; no third-party pages.
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestSite {
  origin: string;
  /** Requests served, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export interface Posting {
  title: string;
  remote: boolean;
  city: string;
  country: string;
}

const POSTINGS: Record<string, Posting> = {
  'backend-engineer': { title: 'Backend Engineer (Payments)', remote: false, city: 'Berlin', country: 'DE' },
  'product-designer': { title: 'Senior Product Designer', remote: true, city: 'Lisbon', country: 'PT' },
};

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A complete JSON-LD job page of Quokka Freight (passes the default quality bar). */
export function jobPage(origin: string, slug: string, p: Posting): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: p.title,
    url: `${origin}/jobs/${slug}`,
    datePosted: daysAgo(3),
    validThrough: daysAgo(-60),
    employmentType: 'FULL_TIME',
    hiringOrganization: { '@type': 'Organization', name: 'Quokka Freight', sameAs: 'https://quokka-freight.example' },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: p.city, addressCountry: p.country } },
    ...(p.remote ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: p.country } } : {}),
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: 'EUR',
      value: { '@type': 'QuantitativeValue', minValue: 70000, maxValue: 90000, unitText: 'YEAR' },
    },
    description:
      `<p>Quokka Freight moves pallets across Europe with software we write ourselves. As ${p.title} you will shape how shippers book and track loads.</p>` +
      '<h3>What you will do</h3><ul><li>Design and ship features end to end with a small team.</li><li>Talk to customers every week and turn what you learn into plans.</li>' +
      '<li>Review designs and code, and help colleagues grow.</li></ul><h3>What we offer</h3><ul><li>A fair salary band published up front.</li>' +
      '<li>Thirty days of paid vacation, a learning budget and flexible hours.</li><li>Modern equipment and a calm, written-first culture.</li></ul>',
  };
  return `<!doctype html><html><head><title>${p.title} – Quokka Freight</title>
<script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><h1>${p.title}</h1>${ld.description}</body></html>`;
}

const THIN = `<!doctype html><html><head><title>Logistics Intern</title><script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Logistics Intern',
  hiringOrganization: { '@type': 'Organization', name: 'Quokka Freight' },
})}</script></head><body><h1>Logistics Intern</h1></body></html>`;

const careers = (origin: string) => `<!doctype html><html><head><title>Careers at Quokka Freight</title></head><body>
<h1>Open positions</h1><ul>
<li><a href="${origin}/jobs/backend-engineer">Backend Engineer (Payments)</a></li>
<li><a href="/jobs/product-designer">Senior Product Designer</a></li>
<li><a href="/jobs/logistics-intern">Logistics Intern (Summer)</a></li>
<li><a href="/jobs/closed-role">Operations Manager</a></li>
</ul></body></html>`;

/** Start the site; `close()` it in `afterAll`. */
export async function startSite(): Promise<TestSite> {
  const hits = new Map<string, number>();
  let origin = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (path === '/robots.txt') return void (res.writeHead(200, { 'content-type': 'text/plain' }), res.end('User-agent: *\nAllow: /\n'));
    if (path === '/careers') return html(200, careers(origin));
    const m = /^\/jobs\/([a-z-]+)$/.exec(path);
    const posting = m ? POSTINGS[m[1]!] : undefined;
    if (m && posting) return html(200, jobPage(origin, m[1]!, posting));
    if (path === '/jobs/logistics-intern') return html(200, THIN);
    html(404, '<!doctype html><html><body><h1>Not found</h1></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))) };
}
