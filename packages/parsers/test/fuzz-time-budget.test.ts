/**
 * Property-based time budget (issue 13, S29): on random and adversarial text every public parser
 * and normalizer finishes within a fixed allowance plus a budget per KB of input. A regex or scan
 * that backtracks polynomially blows the budget by orders of magnitude at these sizes (the cases
 * issue 13 reported took 5 to 60 s at 60 KB to 2 MB), while linear code stays far inside it even
 * on a loaded 2-core machine. Sizes stay ≤ ~150 KB so the file runs in a few seconds; the
 * 1 KB → 2 MB growth curve is `scripts/reliability/s29-linear-time.ts`.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  detectAts,
  extractJobLinks,
  htmlToText,
  normalizeCountry,
  normalizeCurrency,
  parseDate,
  parseEmploymentType,
  parseJobPage,
  parseLocation,
  parseWorkplaceType,
  sanitizeDescription,
} from '../src/index.js';

const URL_ = 'https://acme.example/jobs/42-fuzz';
/** Fixed allowance (first-call warm-up, GC) plus this much per KB: ~10x what linear code needs here. */
const BASE_MS = 250;
const MS_PER_KB = 3;

/** CPU milliseconds of this process (GC threads included) one call takes: waiting for a shared core is not work. */
function cpuMs(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1_000;
}

/**
 * Time one call; over budget, measure once more and keep the faster run, so one GC pause does
 * not fail the test (a superlinear call is over budget both times).
 */
function withinBudget(
  fn: () => unknown,
  chars: number,
  baseMs = BASE_MS,
  msPerKb = MS_PER_KB,
): { ok: boolean; ms: number; budget: number } {
  const budget = baseMs + (msPerKb * chars) / 1024;
  let ms = cpuMs(fn);
  if (ms > budget) ms = Math.min(ms, cpuMs(fn));
  return { ok: ms <= budget, ms, budget };
}

/** Pieces that made regexes backtrack: whitespace, currency symbols, digits, separators, tag and JSON punctuation. */
const PIECES = [
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '  ',
  '$',
  '€',
  '$1',
  '1',
  '9,',
  '1.',
  "1'",
  ',',
  ';',
  ',]',
  ',}',
  '"',
  '\\"',
  '<',
  '<a',
  '<div>',
  '</',
  '>',
  '{',
  '[',
  '#',
  '?',
  '/',
  '|',
  ' - ',
  ' or ',
  ' and ',
  'k',
  'a',
  'yyyyy',
  '@',
  ':',
  '&amp;',
  '(',
  ')',
  'remote',
  'Vollzeit',
  '★',
  '\u0000',
  '\ud800',
];

/** A piece repeated thousands of times between short random text: the shape ReDoS attacks take. */
const hostileText = fc
  .record({
    head: fc.string({ maxLength: 8 }),
    pieces: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }),
    times: fc.integer({ min: 500, max: 8_000 }),
    tail: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('x', 'yyyyy', '\u0000', ']]>', '-->', '1', 'K0')),
  })
  .map(({ head, pieces, times, tail }) => head + pieces.join('').repeat(times) + tail);

/** Random text of any UTF-16 content (lone surrogates, controls included), short or long. */
const randomText = fc.oneof(fc.string({ unit: 'binary', maxLength: 2_000 }), fc.string({ unit: 'grapheme-ascii', maxLength: 50_000 }));

const anyText = fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: randomText });

/** Percent-encoded, lone surrogates dropped (`encodeURIComponent` throws on them). */
const uriSafe = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''));

const FIELDS = [
  'title',
  'description',
  'baseSalary',
  'salaryValue',
  'jobLocation',
  'employmentType',
  'datePosted',
  'url',
  'hiringOrganization',
  'raw',
] as const;

/** A page carrying `text` in one JSON-LD field, as a JSON-LD block's raw tail, or in markup. */
function page(field: (typeof FIELDS)[number], text: string): string {
  const base: Record<string, unknown> = {
    '@type': 'JobPosting',
    title: 'Fuzz Engineer',
    description: 'Build things with us. '.repeat(5),
    hiringOrganization: 'Acme',
  };
  if (field === 'raw') {
    return `<html><head><script type="application/ld+json">${JSON.stringify(base)}${text}</script></head><body><h1>${text.slice(0, 5_000)}</h1><a href="/jobs/${uriSafe(text.slice(0, 50))}">${text.slice(0, 2_000)}</a></body></html>`;
  }
  const value =
    field === 'salaryValue'
      ? {
          '@type': 'MonetaryAmount',
          currency: 'USD',
          value: { '@type': 'QuantitativeValue', minValue: text, maxValue: text, unitText: text },
        }
      : text;
  const key = field === 'salaryValue' ? 'baseSalary' : field;
  const ld = JSON.stringify({ ...base, [key]: value });
  return `<html><head><script type="application/ld+json">${ld}</script></head><body><div itemscope itemtype="https://schema.org/JobPosting"><span itemprop="baseSalary">${text.slice(0, 20_000)}</span></div></body></html>`;
}

function assertBudget<T>(name: string, arb: fc.Arbitrary<T>, run: (input: T) => unknown, size: (input: T) => number, numRuns: number) {
  // Warm up first: lazy set-up (chrono-node builds its locale parsers on first use, ~300 ms) and
  // JIT compilation are one-off costs, not growth with input size.
  for (const input of fc.sample(arb, { numRuns: 3, seed: 7 })) run(input);
  fc.assert(
    fc.property(arb, (input) => {
      const r = withinBudget(() => run(input), size(input));
      if (!r.ok) throw new Error(`${name}: ${r.ms.toFixed(0)} ms on ${size(input)} chars (budget ${r.budget.toFixed(0)} ms)`);
    }),
    { numRuns, seed: Number(process.env.FUZZ_SEED ?? 1313), endOnFailure: true },
  );
}

describe('time budget per KB on random and adversarial input', () => {
  beforeAll(() => {
    // chrono-node (parseDate) builds each locale's parsers on first use: ~0.5 s once per process.
    for (const text of ['\u{1020ec}\u{7fba1}', 'vor 3 Tagen', 'x'.repeat(50)]) for (let i = 0; i < 3; i++) parseDate(text);
  });

  it('parseJobPage and extractJobLinks, hostile text in every JSON-LD field and in markup', () => {
    const arb = fc.record({ field: fc.constantFrom(...FIELDS), text: anyText }).map(({ field, text }) => page(field, text));
    assertBudget(
      'parseJobPage',
      arb,
      (html) => parseJobPage(html, { url: URL_ }),
      (html) => html.length,
      20,
    );
    assertBudget(
      'extractJobLinks',
      arb,
      (html) => extractJobLinks(html, { url: URL_ }),
      (html) => html.length,
      10,
    );
  });

  it('deep nesting: arrays, objects and elements', () => {
    const arb = fc
      .record({
        open: fc.constantFrom('[', '{"a":', '<div>', '<span><b>', '<a href="/jobs/1">'),
        depth: fc.integer({ min: 1_000, max: 12_000 }),
        json: fc.boolean(),
      })
      .map(({ open, depth, json }) =>
        json && !open.startsWith('<')
          ? `<script type="application/ld+json">${open.repeat(depth)}</script><h1>Deep</h1>`
          : `<html><body>${open.repeat(depth)}<h1>Deep</h1></body></html>`,
      );
    assertBudget(
      'parseJobPage (deep)',
      arb,
      (html) => parseJobPage(html, { url: URL_ }),
      (html) => html.length,
      6,
    );
    assertBudget(
      'extractJobLinks (deep)',
      arb,
      (html) => extractJobLinks(html, { url: URL_ }),
      (html) => html.length,
      5,
    );
  });

  it('detectAts on hostile URLs and pages', () => {
    const arb = fc.record({ path: hostileText, html: fc.option(anyText, { nil: undefined }) });
    assertBudget(
      'detectAts',
      arb,
      ({ path, html }) =>
        // Past 8,192 characters a URL is INVALID_ARGUMENT (hostile-ats-arguments.test.ts), so the encoded path stays below it.
        detectAts({
          url: `https://boards.greenhouse.io/${uriSafe(path.slice(0, 4_000)).slice(0, 8_000)}`,
          ...(html === undefined ? {} : { html }),
        }),
      ({ path, html }) => Math.min(path.length, 4_000) * 3 + (html?.length ?? 0),
      15,
    );
  });

  it('exported normalizers and description sanitizing', () => {
    const normalizers: Array<[string, (text: string) => unknown]> = [
      ['parseLocation', parseLocation],
      ['parseEmploymentType', parseEmploymentType],
      ['parseDate', (t) => parseDate(t, { now: new Date('2026-01-01T00:00:00Z') })],
      ['parseWorkplaceType', parseWorkplaceType],
      ['normalizeCountry', normalizeCountry],
      ['normalizeCurrency', normalizeCurrency],
      ['sanitizeDescription', sanitizeDescription],
      ['htmlToText', htmlToText],
    ];
    for (const [name, fn] of normalizers) assertBudget(name, anyText, fn, (t) => t.length, 8);
  });

  it('the budget catches a quadratic function (the test can fail)', () => {
    // Rescans the rest of a whitespace run at every position: the shape of `/\s+$/` on a long run.
    const quadratic = (text: string) => {
      let n = 0;
      for (let i = 0; i < text.length; i++) for (let j = i; j < text.length && text[j] === ' '; j++) n++;
      return n;
    };
    const linear = (text: string) => {
      let n = 0;
      for (let i = 0; i < text.length; i++) if (text[i] === ' ') n++;
      return n;
    };
    // Same budget shape, scaled down so the check itself stays quick: 1 ms + 0.1 ms/KB.
    const spaces = ' '.repeat(3_000);
    linear(spaces);
    const slow = withinBudget(() => quadratic(spaces), spaces.length, 1, 0.1);
    const fast = withinBudget(() => linear(spaces), spaces.length, 1, 0.1);
    expect(slow, `quadratic took ${slow.ms.toFixed(1)} ms`).toMatchObject({ ok: false });
    expect(fast, `linear took ${fast.ms.toFixed(1)} ms`).toMatchObject({ ok: true });
  });
});
