/**
 * parseJobPage throughput on generated ~80 KB job pages (structured: JSON-LD + heavy markup;
 * heuristic: no structured data), next to a bare htmlparser2 tokenize pass (the floor) over the
 * same pages in the same run. Prints pages/s and the ratio to the floor (median of rounds).
 * Also the cheerio path (`@jobkit/parsers/cheerio`) when the caller already holds `$`, as in a
 * Crawlee `CheerioCrawler` handler: the same pages loaded once in each cheerio mode, outside the clock.
 *
 * Run: npx -y pnpm@10 exec tsx --conditions=@jobkit/source --conditions=source bench/parse.ts
 * Targets: structured ≥ 0.3× the floor, heuristic ≥ 0.15×.
 * @module
 */

import { parseJobPage } from '@jobkit/parsers';
import { parseJobPage as parseLoadedPage } from '@jobkit/parsers/cheerio';
import { load } from 'cheerio';
import { Parser } from 'htmlparser2';
import { collectPageSignals } from '../packages/parsers/src/ats/signals.js';
import { scanPage } from '../packages/parsers/src/html/scan.js';

const PAGES_PER_KIND = 24;
const ROUNDS = 7;
const TARGET_BYTES = 80_000;
const NOW = new Date('2026-11-25T12:00:00Z');

/** Deterministic PRNG (mulberry32) so every run measures the same pages. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'team platform customers build ship reliable services design review data pipeline product engineers support growth scale quality security cloud latency mentor roadmap ownership testing deploy observability features users mobile payments search billing analytics infrastructure collaborate impact learning'.split(
    ' ',
  );
const TITLES = [
  'Senior Backend Engineer',
  'Product Designer',
  'Data Analyst',
  'Site Reliability Engineer',
  'Account Executive',
  'Staff Frontend Engineer',
  'Customer Success Manager',
  'Machine Learning Engineer',
];
const CITIES: Array<[string, string, string]> = [
  ['Berlin', 'BE', 'DE'],
  ['London', 'England', 'GB'],
  ['Austin', 'TX', 'US'],
  ['Paris', 'IDF', 'FR'],
  ['Madrid', 'MD', 'ES'],
  ['Toronto', 'ON', 'CA'],
];

function sentence(r: () => number, n = 14): string {
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
}

function description(r: () => number): string {
  const parts: string[] = [];
  for (let s = 0; s < 4; s++) {
    parts.push(`<h3>${['About the role', 'What you will do', 'What you bring', 'Benefits'][s]}</h3>`);
    parts.push(`<p>${sentence(r, 30)} ${sentence(r, 24)}</p><ul>`);
    for (let i = 0; i < 6; i++) parts.push(`<li>${sentence(r, 12)}</li>`);
    parts.push('</ul>');
  }
  return parts.join('');
}

/** Site chrome: navigation, mega menus, cards and footer, the bulk of a real 80 KB page. */
function chrome(r: () => number, fill: number): { header: string; footer: string } {
  const link = (i: number) =>
    `<li class="nav-item px-2 py-1 text-sm hover:underline"><a class="nav-link text-gray-700" href="/section-${i}/${WORDS[i % WORDS.length]}">${sentence(r, 2)}</a></li>`;
  const header = `<header class="site-header sticky top-0 z-50 bg-white shadow"><div class="container mx-auto flex items-center justify-between"><a class="logo" href="/"><img alt="Brand logo" src="/static/logo.svg" width="120" height="32"></a><nav aria-label="Main"><ul class="flex flex-wrap">${Array.from({ length: 40 }, (_, i) => link(i)).join('')}</ul></nav></div></header>`;
  const cards: string[] = [];
  let size = 0;
  for (let i = 0; size < fill; i++) {
    const card = `<div class="card rounded-lg border border-gray-200 p-4 m-2" data-card-id="c${i}" data-track="footer-card"><div class="card-body flex flex-col"><span class="badge inline-block bg-gray-100 text-xs">${WORDS[i % WORDS.length]}</span><p class="card-text text-gray-600 leading-relaxed">${sentence(r, 18)}</p><a class="card-link text-blue-600" href="/blog/post-${i}">Read more</a></div></div>`;
    cards.push(card);
    size += card.length;
  }
  const footer = `<section class="related grid grid-cols-3">${cards.join('')}</section><footer class="site-footer bg-gray-900 text-white"><div class="grid grid-cols-4">${Array.from({ length: 60 }, (_, i) => `<a class="footer-link block" href="/company/${i}">${sentence(r, 2)}</a>`).join('')}</div><p>&copy; 2026 Example Inc.</p></footer><script src="/static/app.${Math.floor(r() * 1e6)}.js" defer></script>`;
  return { header, footer };
}

function head(title: string, r: () => number, extra: string): string {
  const metas = Array.from({ length: 15 }, (_, i) => `<meta name="x-meta-${i}" content="${sentence(r, 4)}">`).join('');
  const styles = Array.from({ length: 6 }, (_, i) => `<link rel="stylesheet" href="/static/css/part-${i}.css">`).join('');
  const inline = `<script>window.__CONFIG__ = ${JSON.stringify({ env: 'prod', flags: Array.from({ length: 40 }, (_, i) => `flag_${i}`), build: Math.floor(r() * 1e9) })};</script>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} | Example Inc.</title><meta property="og:site_name" content="Example Inc.">${metas}${styles}${inline}${extra}</head>`;
}

function pad(html: string, _r: () => number, build: (fill: number) => string): string {
  return build(Math.max(0, TARGET_BYTES - html.length));
}

function structuredPage(seed: number): string {
  const r = rng(seed);
  const title = TITLES[seed % TITLES.length]!;
  const [city, region, country] = CITIES[seed % CITIES.length]!;
  const desc = description(r);
  const posting = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title,
    description: desc,
    datePosted: '2026-11-10',
    validThrough: '2027-01-31',
    employmentType: 'FULL_TIME',
    hiringOrganization: {
      '@type': 'Organization',
      name: 'Example Inc.',
      sameAs: 'https://www.example-inc.example',
      logo: 'https://www.example-inc.example/logo.png',
    },
    jobLocation: {
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: city, addressRegion: region, addressCountry: country },
    },
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: 'USD',
      value: { '@type': 'QuantitativeValue', minValue: 90000 + seed * 1000, maxValue: 130000 + seed * 1000, unitText: 'YEAR' },
    },
    identifier: { '@type': 'PropertyValue', name: 'Example', value: `REQ-${1000 + seed}` },
  };
  const h = head(title, r, `<script type="application/ld+json">${JSON.stringify(posting)}</script>`);
  const body = `<main class="job"><h1 class="job-title">${title}</h1><div class="job-description">${desc}</div><a class="btn" href="/jobs/${seed}/apply">Apply now</a></main>`;
  const draft = h + body;
  return pad(draft, r, (fill) => {
    const { header, footer } = chrome(r, fill - 9_000);
    return `${h}<body>${header}${body}${footer}</body></html>`;
  });
}

function heuristicPage(seed: number): string {
  const r = rng(seed + 10_000);
  const title = TITLES[seed % TITLES.length]!;
  const [city, , country] = CITIES[seed % CITIES.length]!;
  const h = head(title, r, '');
  const body = `<main class="job"><h1 class="job-title">${title}</h1><ul class="job-meta"><li>Location: ${city}, ${country}</li><li>Employment type: Full-time</li><li>Salary: $${90 + seed}k - $${130 + seed}k per year</li></ul><p class="posted">Posted <time datetime="2026-11-1${seed % 10}">recently</time></p><div class="job-description">${description(r)}</div><a class="btn" href="/jobs/${seed}/apply">Apply now</a></main>`;
  return pad(h + body, r, (fill) => {
    const { header, footer } = chrome(r, fill - 9_000);
    return `${h}<body>${header}${body}${footer}</body></html>`;
  });
}

function floorPass(html: string): void {
  const parser = new Parser({});
  parser.end(html);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function pagesPerSecond(pages: string[], fn: (html: string, i: number) => void, minMs = 400): number {
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < pages.length; i++) fn(pages[i]!, i);
    n += pages.length;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return (n / elapsed) * 1000;
}

function main(): void {
  const kinds = {
    structured: Array.from({ length: PAGES_PER_KIND }, (_, i) => structuredPage(i)),
    heuristic: Array.from({ length: PAGES_PER_KIND }, (_, i) => heuristicPage(i)),
  };
  const urls = kinds.structured.map((_, i) => `https://www.example-inc.example/careers/jobs/${1000 + i}-opening`);

  // Sanity: the pages parse into what they say, or the figures mean nothing.
  for (const [kind, pages] of Object.entries(kinds)) {
    const res = parseJobPage(pages[0]!, { url: urls[0]!, now: NOW });
    if (!res.job || res.source !== (kind === 'structured' ? 'json-ld' : 'heuristic')) {
      throw new Error(`bench page (${kind}) did not parse as expected: ${res.source} ${res.warnings.join('; ')}`);
    }
  }
  // PARSE_PROFILE=structured|heuristic: only parseJobPage on one kind, for `node --cpu-prof`.
  const only = process.env.PARSE_PROFILE as keyof typeof kinds | undefined;
  if (only) {
    const pages = kinds[only];
    for (let round = 0; round < 20; round++)
      pages.forEach((html, i) => {
        parseJobPage(html, { url: urls[i]!, now: NOW });
      });
    return;
  }
  const avgKb = (pages: string[]) => (pages.reduce((s, p) => s + p.length, 0) / pages.length / 1024).toFixed(1);
  console.log(
    `parseJobPage bench: ${PAGES_PER_KIND} pages per kind (structured ~${avgKb(kinds.structured)} KB, heuristic ~${avgKb(kinds.heuristic)} KB), ${ROUNDS} rounds, Node ${process.version}\n`,
  );

  const rows: Array<[string, string, number, number]> = [];
  for (const [kind, pages] of Object.entries(kinds)) {
    const floor: number[] = [];
    const parse: number[] = [];
    const scan: number[] = [];
    const signals: number[] = [];
    const viaHtmlparser2: number[] = [];
    const viaParse5: number[] = [];
    // The caller already holds `$`: loading is the crawler's cost, not the parser's.
    const loaded2 = pages.map((html) => load(html, { xml: { xmlMode: false, decodeEntities: true } }));
    const loaded5 = pages.map((html) => load(html));
    for (let round = 0; round < ROUNDS; round++) {
      floor.push(pagesPerSecond(pages, floorPass));
      parse.push(pagesPerSecond(pages, (html, i) => parseJobPage(html, { url: urls[i]!, now: NOW })));
      scan.push(pagesPerSecond(pages, (html) => scanPage(html)));
      signals.push(pagesPerSecond(pages, (html, i) => collectPageSignals(html, urls[i]!)));
      viaHtmlparser2.push(pagesPerSecond(pages, (_, i) => parseLoadedPage(loaded2[i]!, { url: urls[i]!, now: NOW })));
      viaParse5.push(pagesPerSecond(pages, (_, i) => parseLoadedPage(loaded5[i]!, { url: urls[i]!, now: NOW })));
    }
    const f = median(floor);
    rows.push([kind, 'htmlparser2 Parser, empty handlers (floor)', f, 1]);
    rows.push([kind, 'parseJobPage', median(parse), median(parse) / f]);
    rows.push([kind, '  of which: scanPage (JSON-LD/microdata/head pass)', median(scan), median(scan) / f]);
    rows.push([kind, '  of which: collectPageSignals (ATS pass)', median(signals), median(signals) / f]);
    rows.push([kind, 'cheerio path: parseJobPage($), $ held (htmlparser2)', median(viaHtmlparser2), median(viaHtmlparser2) / f]);
    rows.push([kind, 'cheerio path: parseJobPage($), $ held (parse5)', median(viaParse5), median(viaParse5) / f]);
  }
  const w = [11, 54, 10, 8];
  const line = (c: string[]) => c.map((x, i) => (i >= 2 ? x.padStart(w[i]!) : x.padEnd(w[i]!))).join('  ');
  console.log(line(['pages', 'method', 'pages/s', '× floor']));
  console.log(w.map((n) => '─'.repeat(n)).join('  '));
  for (const [kind, method, pps, ratio] of rows) console.log(line([kind, method, pps.toFixed(0), ratio.toFixed(2)]));
  const ratio = (kind: string) => rows.find((r) => r[0] === kind && r[1] === 'parseJobPage')![3];
  console.log(`\nstructured ratio ${ratio('structured').toFixed(2)} (target ≥ 0.30) ${ratio('structured') >= 0.3 ? 'OK' : 'BELOW TARGET'}`);
  console.log(`heuristic  ratio ${ratio('heuristic').toFixed(2)} (target ≥ 0.15) ${ratio('heuristic') >= 0.15 ? 'OK' : 'BELOW TARGET'}`);
}

main();
