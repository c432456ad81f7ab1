/**
 * The ReDoS checker behind `pnpm check:regex` (scripts/check-regex.ts): it must find regexes the
 * way the compiler sees them and fail on a vulnerable one, or CI proves nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles, checkPatterns, findRegexes } from '../../../scripts/check-regex.js';

const dir = mkdtempSync(join(tmpdir(), 'jobkit-check-regex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check-regex', () => {
  it('finds literals and RegExp constructions with constant patterns, not regexes in strings or comments', () => {
    const src = [
      "const SEP = '\\\\s*,';",
      'const WORD = /[a-z]+/;',
      '// const commented = /(a+)+$/;',
      "const inString = '/(a+)+$/';",
      'export const a = /^x+$/gi;',
      "export const b = new RegExp(`${SEP}\\\\s*$`, 'g');",
      "export const c = RegExp(WORD.source + '|b');",
      'export const d = (s: string) => new RegExp(s);',
      "export const e = new RegExp(['x', 'y'].join('|'));",
    ].join('\n');
    const found = findRegexes('x.ts', src);
    expect(found.map((r) => [r.kind, r.source, r.flags, r.line])).toEqual([
      ['literal', '[a-z]+', '', 2],
      ['literal', '^x+$', 'gi', 5],
      ['constructor', '\\s*,\\s*$', 'g', 6],
      ['constructor', '[a-z]+|b', '', 7],
      ['dynamic', null, '', 8],
      ['constructor', 'x|y', '', 9],
    ]);
  });

  it('calls exponential and polynomial patterns vulnerable, linear ones safe', async () => {
    const verdicts = await checkPatterns(
      [
        { source: '^(a|a)*$', flags: '' },
        { source: '[;,\\s]+$', flags: '' },
        { source: '^[a-z]+$', flags: 'i' },
      ],
      { cache: false },
    );
    const [exp, poly, safe] = [...verdicts.values()];
    expect(exp).toMatchObject({ status: 'vulnerable', complexity: 'exponential' });
    expect(poly).toMatchObject({ status: 'vulnerable', complexity: '2nd degree polynomial' });
    expect(safe).toMatchObject({ status: 'safe' });
  });

  it('reports a vulnerable regex in a file with its location', async () => {
    const bad = join(dir, 'bad.ts');
    const good = join(dir, 'good.ts');
    writeFileSync(bad, "export const ok = /^\\d+$/;\nexport const trimEnd = (s: string) => s.replace(/\\s+$/, '');\n");
    writeFileSync(good, 'export const ok = /^[a-z]{1,5}$/;\n');
    const report = await checkFiles([bad, good], { cache: false });
    expect(report.vulnerable).toHaveLength(1);
    expect(report.vulnerable[0]).toMatchObject({ line: 2, source: '\\s+$' });
    expect(report.vulnerable[0]!.file).toMatch(/bad\.ts$/);
    expect((await checkFiles([good], { cache: false })).vulnerable).toEqual([]);
  });
});
