/** `@jobkit/parsers/cheerio`: what it accepts, what it rejects, and that it never loads cheerio itself. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { JobkitError } from '@jobkit/core';
import { load } from 'cheerio';
import { Document, Element, Text } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { detectAts, extractJobLinks, parseJobPage } from '../src/cheerio/index.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Senior Welder – Acme Fabrication</title>
<script src="https://boards.greenhouse.io/embed/job_board/js?for=acmefab"></script></head>
<body><main><h1>Senior Welder</h1><p>Acme Fabrication · Dayton, OH · Full-time</p>
<p>We build steel frames for warehouses and need a certified welder for our day shift. You will read blueprints,
set up MIG and TIG equipment, and inspect finished joints with the quality team.</p>
<p>Pay: $24 – $31 per hour.</p><a href="/jobs/4411/apply">Apply now</a></main>
<ul class="more"><li><a href="/jobs/4412-machinist">Machinist</a></li><li><a href="/jobs/4413-painter">Painter</a></li></ul></body></html>`;
const URL_ = 'https://acmefab.com/jobs/4411-senior-welder';

describe('@jobkit/parsers/cheerio', () => {
  it('parses a posting from $, from its Document and from an Element', () => {
    const $ = load(PAGE);
    const a = parseJobPage($, { url: URL_ });
    expect(a.job?.title).toBe('Senior Welder');
    expect(a.job?.applyUrl).toBe('https://acmefab.com/jobs/4411/apply');
    expect(parseJobPage(parseDocument(PAGE), { url: URL_ }).job?.title).toBe('Senior Welder');
    const main = $('main')[0]!;
    expect(parseJobPage(main, { url: URL_ }).job?.title).toBe('Senior Welder');
  });

  it('finds job links and the ATS from the loaded document', () => {
    const $ = load(PAGE, { xml: { xmlMode: false } });
    const urls = extractJobLinks($, { url: URL_ }).map((l) => l.url);
    expect(urls).toEqual(expect.arrayContaining(['https://acmefab.com/jobs/4412-machinist', 'https://acmefab.com/jobs/4413-painter']));
    expect(detectAts({ url: URL_, $ })).toMatchObject({ platform: 'greenhouse', boardToken: 'acmefab' });
    expect(detectAts({ url: 'https://jobs.lever.co/acme/123' })).toMatchObject({ platform: 'lever' });
  });

  it('leaves the caller’s tree untouched', () => {
    const $ = load(PAGE);
    const before = $.html();
    parseJobPage($, { url: URL_ });
    extractJobLinks($, { url: URL_ });
    expect($.html()).toBe(before);
  });

  it('rejects HTML text, other values and bad URLs with INVALID_ARGUMENT', () => {
    const $ = load(PAGE);
    for (const bad of [PAGE, null, 42, {}, { type: 'text', children: [] }, () => 1]) {
      expect(() => parseJobPage(bad as never, { url: URL_ })).toThrow(JobkitError);
      expect(() => extractJobLinks(bad as never, { url: URL_ })).toThrow(/INVALID_ARGUMENT|expected a loaded cheerio/);
    }
    expect(() => parseJobPage($, { url: 'ftp://x.test/a' })).toThrow(JobkitError);
    expect(() => extractJobLinks($, { url: '/jobs' })).toThrow(JobkitError);
    expect(() => detectAts({ url: 'not a url', $ })).toThrow(JobkitError);
    expect(() => detectAts({ url: URL_, $: 'html' as never })).toThrow(JobkitError);
  });

  it('reads a 50k-deep tree without overflowing the stack, within a time budget', () => {
    // Built by hand: htmlparser2 itself takes seconds to parse such nesting.
    let node: Element | Text = new Text('deep');
    for (let i = 0; i < 50_000; i++) node = new Element('div', {}, [node]);
    const doc = new Document([new Element('html', {}, [new Element('body', {}, [node])])]);
    const started = performance.now();
    const r = parseJobPage(doc, { url: URL_ });
    expect(r.job).toBeNull();
    expect(extractJobLinks(doc, { url: URL_ })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('importing @jobkit/parsers or its cheerio subpath loads no cheerio (cheerio hidden as if not installed)', async () => {
    const run = promisify(execFile);
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    // The adapters' import-isolation hook makes the listed packages look uninstalled.
    const hook = fileURLToPath(new URL('../../adapters/test/fixtures/hide-vendors.mjs', import.meta.url));
    const importWith = async (code: string) =>
      run(process.execPath, ['--conditions=@jobkit/source', '--import', 'tsx', '--import', hook, '--input-type=module', '-e', code], {
        cwd,
        env: { ...process.env, JOBKIT_HIDE: 'cheerio,parse5,parse5-htmlparser2-tree-adapter' },
        timeout: 60_000,
      });
    const { stdout } = await importWith(
      `const a = await import('@jobkit/parsers'); const b = await import('@jobkit/parsers/cheerio'); console.log(Object.keys(a).length, Object.keys(b).length);`,
    );
    const [a, b] = stdout.trim().split(/\s+/).map(Number);
    expect(a).toBeGreaterThan(10);
    expect(b).toBe(3);
    // The hook really hides cheerio, so the test above can fail.
    await expect(importWith(`await import('cheerio');`)).rejects.toThrow(/hidden by the import-isolation test/);
  });
});
