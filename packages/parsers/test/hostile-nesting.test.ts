/**
 * Deep nesting on the paths that build a full DOM: site-profile listing selectors in
 * `extractJobLinks` (Indeed, StepStone, … hosts) and microdata/RDFa in `parseJobPage`.
 * htmlparser2 keeps its open elements with `unshift`, so an uncapped DOM build is quadratic in
 * the depth: 50k unclosed `<div>`s on an Indeed URL took 5.3 s and 200k over 3 minutes.
 */

import { JobkitError } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { extractJobLinks, htmlToText, parseJobPage } from '../src/index.js';

/** CPU milliseconds of the fastest of two runs (waiting for a shared core is not work). */
function cpuMs(fn: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1_000);
  }
  return best;
}

/** 16x the nesting must cost at most ~40x the time (linear with slack for a loaded machine). */
function expectLinear(name: string, build: (depth: number) => string, run: (html: string) => unknown) {
  run(build(1_000));
  const small = build(12_500);
  const large = build(200_000);
  const t1 = cpuMs(() => run(small));
  const t16 = cpuMs(() => run(large));
  expect(t16 / Math.max(t1, 20), `${name}: ${t1.toFixed(0)} ms -> ${t16.toFixed(0)} ms`).toBeLessThan(40);
}

describe('deep nesting where a whole DOM is built', () => {
  it('extractJobLinks on site-profile hosts: linear, and links before the trap are kept', () => {
    const page = (depth: number) =>
      `<html><body><a href="/rc/clk?jk=abc123def">Data Engineer</a>${'<div>'.repeat(depth)}<a href="/rc/clk?jk=abc124">Late</a></body></html>`;
    for (const url of ['https://www.indeed.com/jobs?q=engineer', 'https://www.stepstone.de/jobs/elektriker']) {
      expectLinear(url, page, (html) => extractJobLinks(html, { url }));
    }
    const links = extractJobLinks(page(200_000), { url: 'https://www.indeed.com/jobs?q=engineer' });
    expect(links.map((l) => l.title)).toContain('Data Engineer');
  }, 120_000);

  it('parseJobPage with microdata and RDFa around the trap: linear', () => {
    const microdata = (depth: number) =>
      `<html><body><div itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">Deep Microdata Engineer</h1>${'<div itemscope>'.repeat(depth)}</div></body></html>`;
    const rdfa = (depth: number) =>
      `<html><body vocab="https://schema.org/" typeof="JobPosting"><h1 property="title">Deep RDFa Engineer</h1>${'<div property="x">'.repeat(depth)}</body></html>`;
    for (const [name, build] of [
      ['microdata', microdata],
      ['rdfa', rdfa],
    ] as const) {
      expectLinear(name, build, (html) => parseJobPage(html, { url: 'https://acme.example/jobs/1-deep' }));
    }
  }, 120_000);

  it('htmlToText: absurd nesting is read as flat text in linear time (200k <div>s took 4.3 s); non-strings are refused', () => {
    expectLinear('htmlToText <div>', (depth) => `${'<div>'.repeat(depth)}deep words`, htmlToText);
    expectLinear('htmlToText <a>', (depth) => '<a href="/x">word '.repeat(depth), htmlToText);
    expect(htmlToText(`${'<div>'.repeat(100_000)}deep &amp; words`)).toBe('deep & words');
    expect(htmlToText('<p>Hello <b>world</b></p><ul><li>one</li></ul>')).toBe('Hello world\n\n- one');
    for (const bad of [undefined, null, 5, {}]) {
      expect(() => htmlToText(bad as string)).toThrow(JobkitError);
    }
  }, 120_000);
});
