/**
 * Pages saved with Windows line ends (CR LF) or old Mac ones (CR): text and descriptions read them
 * as LF, as HTML's input preprocessing does, so the string path (htmlparser2 keeps CR) and a parse5
 * DOM (which normalizes) give the same posting.
 */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseJobPage as parseLoaded } from '../src/cheerio/index.js';
import { loadDom, textOf } from '../src/html/dom.js';
import { sanitizeDescription } from '../src/html/sanitize.js';
import { parseJobPage } from '../src/index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const URL_ = 'https://careers.harbor-tools.example/jobs/77';

describe('CR LF line ends', () => {
  it('textOf and sanitizeDescription read CR LF and lone CR as LF', () => {
    expect(textOf(loadDom('<p>one\r\ntwo\rthree</p>'))).toBe(' one\ntwo\nthree');
    const d = sanitizeDescription('<p>Line one\r\nline two</p>\r\n<ul>\r\n<li>Go</li>\r\n</ul>');
    expect(d.html).not.toContain('\r');
    expect(d.text).not.toContain('\r');
  });

  it('a CR LF page parses the same from its text and from a parse5 DOM', () => {
    const html = [
      '<!DOCTYPE html><html lang="en-US"><head><title>Tool Maker - Harbor Tools</title></head><body>',
      '<table><tr><td><h1>Tool Maker</h1></td></tr>',
      '<tr><td>Location:</td><td>Tacoma, WA</td></tr>',
      '<tr><td>Posted:</td><td>posted 3/11/2026  </td></tr></table>',
      '<div class="description"><p>Harbor Tools makes hand tools for boat builders.</p>',
      '<p>You will set up and run our CNC mills, check parts against drawings and keep the shop floor safe and tidy.</p>',
      '<ul><li>Three years of machining</li><li>Reading drawings</li></ul></div>',
      '<a href="/jobs/77/apply">Apply now</a></body></html>',
    ].join('\r\n');
    const fromText = parseJobPage(html, { url: URL_, now: NOW });
    const fromParse5 = parseLoaded(load(html), { url: URL_, now: NOW });
    expect(fromText.job).not.toBeNull();
    expect(fromText.job!.description.html).not.toContain('\r');
    expect(fromParse5).toEqual(fromText);
  });
});
