import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeMoney } from '../src/heuristics/top-card.js';
import { spaceOr, splitTrimmed, stripTrailingBadge, stripTrailingBracket, stripTrailingWord, trimEndWhile } from '../src/text-scan.js';

// Each helper replaces a regex a ReDoS checker flags; it must do exactly what that regex did.
const text = fc.string({
  unit: fc.constantFrom('(', ')', '[', ']', ' ', '\t', '\n', 'a', 'B', ',', 'o', 'L', 'g', 'j', 's', '.', '-', '|', '–'),
  maxLength: 30,
});
const runs = { numRuns: 3000 };

describe('text-scan: same results as the regexes it replaces', () => {
  it('stripTrailingBadge = replace(/\\s*(?:\\([^()]{1,12}\\)|\\[[^\\]]{1,12}\\])$/)', () => {
    fc.assert(
      fc.property(text, (s) => stripTrailingBadge(s) === s.replace(/\s*(?:\([^()]{1,12}\)|\[[^\]]{1,12}\])$/, '')),
      runs,
    );
    expect(stripTrailingBadge('Acme Inc (S23)')).toBe('Acme Inc');
    expect(stripTrailingBadge('Dev [x[y]')).toBe('Dev');
    expect(stripTrailingBadge('Engineer (a much longer aside)')).toBe('Engineer (a much longer aside)');
  });
  it('stripTrailingBracket = replace(/\\s*\\([^)]{0,3}\\)$/)', () => {
    fc.assert(
      fc.property(text, (s) => stripTrailingBracket(s, '(', ')', 0, 3) === s.replace(/\s*\([^)]{0,3}\)$/, '')),
      runs,
    );
  });
  it('splitTrimmed = split(/\\s*,\\s*/)', () => {
    fc.assert(
      fc.property(text, (s) => JSON.stringify(splitTrimmed(s, ',')) === JSON.stringify(s.split(/\s*,\s*/))),
      runs,
    );
  });
  it('stripTrailingWord = replace(/\\s+(?:…)$/i) and replace(/\\s*(?:…)$/i)', () => {
    fc.assert(
      fc.property(text, (s) => stripTrailingWord(s, ['logo', 'lo', 'jobs', 's'], true) === s.replace(/\s+(?:logo|lo|jobs|s)$/i, '')),
      runs,
    );
    fc.assert(
      fc.property(text, (s) => stripTrailingWord(s, ['lo', 'logo', 'jobs', 's']) === s.replace(/\s*(?:lo|logo|jobs|s)$/i, '')),
      runs,
    );
  });
  it('trimEndWhile(spaceOr(…)) = replace(/[\\s…]+$/)', () => {
    fc.assert(
      fc.property(text, (s) => trimEndWhile(s, spaceOr(',.-|–')) === s.replace(/[\s,.|–-]+$/, '')),
      runs,
    );
  });
  it('stays linear on a long whitespace run', () => {
    const s = `${'\t'.repeat(200_000)}x`;
    const t0 = performance.now();
    splitTrimmed(s, ',');
    stripTrailingWord(s, ['jobs'], true);
    trimEndWhile(s, spaceOr(','));
    stripTrailingBadge(`${s})`);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
  it('looksLikeMoney = the single money regex it replaced', () => {
    const OLD =
      /(?:[$€£¥₹₽₩₪฿₺₫]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|INR|JPY|CNY|RMB|SGD|HKD|AED|SAR|QAR|JOD|EGP|PLN|BRL|MXN|ZAR|NZD|SEK|NOK|DKK|LKR|PKR|TRY|RUB|KRW|THB)\b|元|円|万|руб|zł|₴)\s?\d|\d[\d.,\s]*\s?(?:[kK]|万|千|元|円|€|zł|руб|₽|lpa|LPA|lakhs?)\b|\d[\d.,]*\s?(?:[$€£¥₹₽]|EUR|USD)/u;
    const money = fc.string({
      unit: fc.constantFrom('1', '0', ' ', '.', ',', 'k', 'K', '万', '€', '$', 'EUR', 'USD', 'lakh', 's', 'a', 'x', '\t', '-'),
      maxLength: 14,
    });
    fc.assert(
      fc.property(money, (s) => looksLikeMoney(s) === OLD.test(s)),
      runs,
    );
  });
});
