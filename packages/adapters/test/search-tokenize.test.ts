/**
 * The shared search tokenizer (`@jobkit/core` search/tokenize.ts) and query words: folding, tech
 * names, stop-words, short words, highlight spans, and linear time on hostile text.
 */

import {
  foldText,
  highlightField,
  indexTerms,
  isExpandable,
  MAX_QUERY_TOKENS,
  normalizeSearchQuery,
  queryTokens,
  tokenize,
  typoBudget,
} from '@jobkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('search tokenizer', () => {
  it('folds case, marks and letters NFKD keeps whole', () => {
    expect(tokenize('Zürich ZURICH zurich')).toEqual(['zurich', 'zurich', 'zurich']);
    expect(tokenize('Straße STRAẞE Øresund Æble Œuvre Łódź Đakovo Þór')).toEqual([
      'strasse',
      'strasse',
      'oresund',
      'aeble',
      'oeuvre',
      'lodz',
      'dakovo',
      'thor',
    ]);
    expect(tokenize('Développeur Île-de-France São Paulo')).toEqual(['developpeur', 'ile', 'de', 'france', 'sao', 'paulo']);
    // Full-width and ligature forms fold through NFKD.
    expect(tokenize('Ｄａｔａ ﬁnance')).toEqual(['data', 'finance']);
  });

  it('keeps tech names as words, and compounds with their words for the index', () => {
    expect(tokenize('C++, C#, F# and .NET; Node.js, Vue.js, ASP.NET, CI/CD.')).toEqual([
      'c++',
      'c#',
      'f#',
      'and',
      '.net',
      'node.js',
      'vue.js',
      'asp.net',
      'ci/cd',
    ]);
    expect(indexTerms('Node.js CI/CD c++')).toEqual(['node.js', 'node', 'js', 'ci/cd', 'ci', 'cd', 'c++']);
    // A sentence end is not a compound; c++ has no part `c`.
    expect(tokenize('We ship. Then rest.')).toEqual(['we', 'ship', 'then', 'rest']);
    expect(indexTerms('c++')).not.toContain('c');
  });

  it('drops stop-words beside other words, keeps a query of only stop-words, caps the words', () => {
    expect(queryTokens('Engineer in the Berlin office')).toEqual(['engineer', 'berlin', 'office']);
    expect(queryTokens('the')).toEqual(['the']);
    expect(queryTokens('of the')).toEqual(['of', 'the']);
    expect(queryTokens('data data engineer')).toEqual(['data', 'engineer']);
    expect(queryTokens(Array.from({ length: 40 }, (_, i) => `w${i}x`).join(' '))).toHaveLength(MAX_QUERY_TOKENS);
    expect(normalizeSearchQuery({ q: '*' }).tokens).toEqual([]);
    expect(normalizeSearchQuery({ q: 'a' }).tokens).toEqual(['a']);
    expect(normalizeSearchQuery({ q: 'x' }).dropTokens).toBe(true);
  });

  it('lets only words of 3+ plain characters expand; typo budget by length', () => {
    for (const t of ['c', 'go', 'ai', 'c++', '.net', 'node.js', 'the']) expect(isExpandable(t), t).toBe(false);
    for (const t of ['eng', 'data', 'kubernetes']) expect(isExpandable(t), t).toBe(true);
    expect([typoBudget('eng'), typoBudget('data'), typoBudget('engineer'), typoBudget('c++'), typoBudget('with')]).toEqual([0, 1, 2, 0, 0]);
  });

  it('folding is idempotent and tokenizing folded text changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const folded = foldText(s);
        expect(foldText(folded)).toBe(folded);
        expect(tokenize(folded)).toEqual(tokenize(s));
      }),
      { numRuns: 300 },
    );
  });

  it('highlights accented words, compounds and tech names in the original text', () => {
    const h = highlightField('description', 'Stack: Node.js & C++ in Zürich <b>', new Set(['node', 'c++', 'zurich']));
    expect(h?.snippet).toBe('Stack: <mark>Node.js</mark> &amp; <mark>C++</mark> in <mark>Zürich</mark> &lt;b&gt;');
    expect(h?.matchedTokens).toEqual(['Node.js', 'C++', 'Zürich']);
  });

  it('stays linear on hostile text (long compounds, symbol runs, marks)', () => {
    const hostile = [
      'a.'.repeat(100_000),
      'c+'.repeat(100_000),
      `x${'\u0301'.repeat(100_000)}`,
      '#'.repeat(200_000),
      `${'ab/'.repeat(60_000)}`,
    ];
    const started = performance.now();
    for (const text of hostile) {
      indexTerms(text);
      queryTokens(text);
    }
    // Generous budget for a loaded machine: a super-linear pass would take minutes.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('embedded search: hostile queries stay bounded', () => {
  it('answers a long query of unknown words quickly, dropping words', async () => {
    const { createEmbeddedSearchIndex } = await import('@jobkit/adapters/embedded-search');
    const { bulkSearchJob } = await import('@jobkit/core/testing');
    const index = createEmbeddedSearchIndex({ highlights: false });
    await index.upsert(Array.from({ length: 300 }, (_, i) => bulkSearchJob(i)));
    const words = Array.from({ length: 40 }, (_, i) => `zqx${'abcdefghij'[i % 10]}${i}vwlmnop`);
    const started = performance.now();
    const none = await index.search({ q: words.join(' ') });
    const some = await index.search({ q: `welder apprentice ${words.join(' ')}` });
    // Generous budget for a loaded machine; the work is bounded by MAX_QUERY_TOKENS candidate lookups.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(none.found).toBe(0);
    expect(none.droppedTokens).toEqual([]);
    expect(some.found).toBe(30);
    expect(some.droppedTokens).toHaveLength(14);
    await index.close();
  });
});
