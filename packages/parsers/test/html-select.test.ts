/**
 * The indexed selector engine heuristics use must return exactly what a whole-document
 * css-select query returns, in document order; and the DOM built on the signal pass must equal
 * a standalone parse.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { selectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { collectPageSignals } from '../src/ats/signals.js';
import { workplaceInProse } from '../src/heuristics/vocabulary.js';
import { createDomBuilder, loadDom } from '../src/html/dom.js';
import { indexPage } from '../src/html/select.js';

const dir = new URL('./fixtures/pages/', import.meta.url);
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => [f, readFileSync(new URL(f, dir), 'utf8')] as const);

const SELECTORS = [
  '.app-title',
  '.job__title h1',
  'h1.section-header',
  '.posting-headline h2',
  '[data-ui="job-title"]',
  '#job-title',
  '#header .location',
  '.app-title + .location',
  '.posting-categories .location',
  '[data-automation-id="locations"]',
  '.location',
  '[class*="salary" i]',
  '[itemprop="description"]',
  '#content',
  'article',
  'main',
  'h1 + p',
  'h1',
  'li',
  'a',
  'div p',
  '[data-ui="JOB-TITLE" i]',
  '.Location',
  'body > *',
];

describe('indexPage', () => {
  it.each(pages)('matches css-select on %s', (_, html) => {
    const doc = loadDom(html);
    const index = indexPage(doc);
    for (const sel of SELECTORS) {
      expect(index.select(sel), sel).toEqual(selectAll<AnyNode, Element>(sel, doc));
    }
  });

  it('finds elements the index keys on, and none for absent tokens', () => {
    const doc = loadDom('<main><h1 class="job-title Big">Engineer</h1><p>Berlin</p><div data-ui="job-location">Paris</div></main>');
    const index = indexPage(doc);
    expect(index.select('h1 + p').map((e) => e.name)).toEqual(['p']);
    expect(index.select('.job-title').length).toBe(1);
    expect(index.select('.big').length).toBe(0);
    expect(index.select('[data-ui="JOB-LOCATION" i]').length).toBe(1);
    expect(index.select('.nowhere').length).toBe(0);
  });
});

describe('DOM built on the signal pass', () => {
  it.each(pages)('equals a standalone parse of %s', (_, html) => {
    const builder = createDomBuilder();
    collectPageSignals(html, 'https://example.com/jobs/1', { listeners: [builder.events] });
    const strip = (n: AnyNode): unknown => {
      const { parent: _p, prev: _pr, next: _n, children, ...rest } = n as unknown as Record<string, unknown> & { children?: AnyNode[] };
      return { ...rest, ...(children ? { children: children.map(strip) } : {}) };
    };
    expect(strip(builder.document())).toEqual(strip(loadDom(html)));
  });
});

describe('workplaceInProse', () => {
  it.each([
    ['a hybrid schedule with three office days in our Boston office', 'hybrid'],
    ['Homeoffice an zwei Tagen pro Woche und ein Deutschlandticket', 'hybrid'],
    ['Télétravail possible deux jours par semaine', 'hybrid'],
    ['This is a fully remote role across Europe', 'remote'],
    ['We build remote monitoring for hybrid cloud setups', undefined],
    ['Our office is in Madrid', undefined],
  ])('%s → %s', (text, expected) => {
    expect(workplaceInProse(text)).toBe(expected);
  });
});
