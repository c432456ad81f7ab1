/**
 * One table-driven suite for every ATS: hosted URL cases (board and job), lookalike negatives,
 * and company-page fixtures, one `fixtures/ats/<id>.cases.ts` per platform. A platform without
 * a cases file fails the suite; so does a cases file without a platform.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AtsMatchSchema, JobkitError } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import type { AtsPlatformId } from '../src/ats/index.js';
import {
  ATS_PLATFORM_IDS,
  atsPlatforms,
  atsPlatformTable,
  collectPageSignals,
  detectAts,
  detectAtsCandidates,
  detectAtsFromSignals,
  getAtsPlatform,
} from '../src/ats/index.js';
import { type PlatformCases, UUID_A } from './fixtures/ats/case.js';

/** Every `fixtures/ats/<id>.cases.ts`, by platform id (see fixtures/ats/case.ts). */
const CASES_DIR = new URL('./fixtures/ats/', import.meta.url);
const table: Record<string, PlatformCases> = Object.fromEntries(
  await Promise.all(
    readdirSync(CASES_DIR)
      .filter((f) => f.endsWith('.cases.ts'))
      .sort()
      .map(
        async (f) =>
          [f.slice(0, -'.cases.ts'.length), ((await import(new URL(f, CASES_DIR).href)) as { cases: PlatformCases }).cases] as const,
      ),
  ),
);

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/ats/${name}`, import.meta.url)), 'utf8');

describe('ATS registry', () => {
  it('lists at least 30 unique platforms, each with a cases file', () => {
    const ids = atsPlatforms.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect([...ids].sort()).toEqual([...ATS_PLATFORM_IDS].sort());
    // A cases file for a platform that is not registered is a forgotten definition or a typo.
    expect(Object.keys(table).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const cases = (table as Record<string, PlatformCases | undefined>)[id];
      expect(cases, `no test cases for ${id}`).toBeDefined();
      expect(cases!.urls.filter((c) => c.jobId === null).length, `${id}: board URL case`).toBeGreaterThanOrEqual(1);
      expect(cases!.urls.filter((c) => c.jobId !== null).length, `${id}: job URL case`).toBeGreaterThanOrEqual(1);
      expect(cases!.negatives.length, `${id}: negatives`).toBeGreaterThanOrEqual(1);
    }
  });

  it('has company-page fixtures for at least 12 platforms', () => {
    const withPages = Object.entries(table).filter(([, c]) => (c.pages?.length ?? 0) > 0);
    expect(withPages.length).toBeGreaterThanOrEqual(12);
  });

  it('atsPlatformTable mirrors the registry for the docs', () => {
    const rows = atsPlatformTable();
    expect(rows).toHaveLength(atsPlatforms.length);
    for (const row of rows) {
      const def = getAtsPlatform(row.id)!;
      expect(row).toMatchObject({ name: def.name, url: true, embed: def.detects.embed, boardApi: def.detects.boardApi });
      // boardApi is claimed exactly when a builder exists.
      expect(typeof def.boardApiUrl === 'function').toBe(row.boardApi);
    }
    expect(rows.filter((r) => r.embed).length).toBeGreaterThanOrEqual(12);
  });
});

describe.each(Object.entries(table) as Array<[AtsPlatformId, PlatformCases]>)('%s', (id, cases) => {
  it.each(cases.urls)('hosted URL $url', (c) => {
    const m = detectAts({ url: c.url });
    expect(m).not.toBeNull();
    expect(AtsMatchSchema.parse(m)).toEqual(m);
    expect({ platform: m!.platform, boardToken: m!.boardToken, jobId: m!.jobId }).toEqual({
      platform: id,
      boardToken: c.token,
      jobId: c.jobId,
    });
    expect(m!.confidence).toBeGreaterThanOrEqual(c.minConfidence ?? 0.95);
    if (c.minConfidence === undefined) expect(m!.confidence).toBe(c.jobId !== null ? 1 : 0.97);
    expect(m!.evidence.some((e) => e.startsWith('page url '))).toBe(true);
    if (c.evidence !== undefined) expect(m!.evidence.join('\n')).toContain(c.evidence);
  });

  it.each(cases.negatives)('not fooled by %s', (url) => {
    expect(detectAts({ url })).toBeNull();
  });

  const pages = cases.pages ?? [];
  it.runIf(pages.length > 0).each(pages)('company page: $name', (p) => {
    const m = detectAts({ url: p.url, html: fixture(p.fixture) });
    expect(m?.platform).toBe(id);
    expect(m!.boardToken).toBe(p.token);
    if (p.jobId !== undefined) expect(m!.jobId).toBe(p.jobId);
    expect(m!.confidence).toBeGreaterThanOrEqual(p.minConfidence);
    expect(m!.confidence).toBeLessThanOrEqual(p.maxConfidence ?? 0.95);
    expect(m!.evidence.join('\n')).toContain(p.evidence);
  });
});

describe('detectAts ranking', () => {
  it('an embed with a board token beats a footer link to another ATS', () => {
    const all = detectAtsCandidates('https://acme.com/careers', collectPageSignals(fixture('mixed.html'), 'https://acme.com/careers'));
    expect(all.map((m) => m.platform)).toEqual(['greenhouse', 'lever']);
    expect(all[0]!.boardToken).toBe('acme');
    expect(all[1]!.boardToken).toBe('sisterco');
  });

  it('a job page on an ATS host beats links on the page', () => {
    const m = detectAts({ url: `https://jobs.lever.co/acme/${UUID_A}`, html: fixture('mixed.html') });
    expect(m).toMatchObject({ platform: 'lever', boardToken: 'acme', jobId: UUID_A, confidence: 1 });
  });

  it('a plain company page with lookalike links detects nothing', () => {
    expect(detectAts({ url: 'https://acme.com/careers', html: fixture('none.html') })).toBeNull();
  });

  it('links never set the page job id', () => {
    const m = detectAts({ url: 'https://acme.com/careers', html: fixture('lever.html') });
    expect(m?.jobId).toBeNull();
  });

  it('detectAtsFromSignals reuses one pass', () => {
    const signals = collectPageSignals(fixture('bamboohr.html'), 'https://acme.com/careers');
    expect(detectAtsFromSignals('https://acme.com/careers', signals)?.boardToken).toBe('acme');
    expect(detectAtsFromSignals(new URL('https://acme.com/careers'), null)).toBeNull();
  });
});

describe('collectPageSignals', () => {
  it('resolves relative URLs against <base> and keeps metas, inline scripts and data attributes', () => {
    const s = collectPageSignals(
      `<base href="https://cdn.acme.com/sub/"><meta name="Description" content="Jobs"><script src="a.js"></script>
       <a href="../careers">c</a><a href="javascript:void(0)">x</a><form action="/apply"></form>
       <script>window.x = 1</script><body data-tenant="acme">`,
      'https://acme.com/',
    );
    expect(s.scripts).toEqual(['https://cdn.acme.com/sub/a.js']);
    expect(s.anchors).toEqual(['https://cdn.acme.com/careers']);
    expect(s.forms).toEqual(['https://cdn.acme.com/apply']);
    expect(s.metas).toEqual([{ name: 'description', content: 'Jobs' }]);
    expect(s.inlineScripts).toEqual(['window.x = 1']);
    expect(s.attributes).toContainEqual({ tag: 'body', name: 'data-tenant', value: 'acme' });
    expect(s.truncated).toBe(false);
  });

  it('bounds hostile input: 100k nested elements, huge attribute lists, endless links and scripts', () => {
    const head = '<script src="https://boards.greenhouse.io/embed/job_board/js?for=acme"></script>';
    const nested = '<div>'.repeat(100_000);
    const manyAttrs = `<div ${Array.from({ length: 100_000 }, (_, i) => `data-a${i}="v"`).join(' ')}></div>`;
    const links = Array.from({ length: 5000 }, (_, i) => `<a href="/j/${i}">j</a>`).join('');
    const bigScript = `<script>${'x'.repeat(2_000_000)}</script>`;
    const html = head + nested + manyAttrs + links + bigScript;
    const s = collectPageSignals(html, 'https://acme.com/');
    expect(s.truncated).toBe(true);
    expect(s.anchors.length).toBe(1000);
    expect(s.attributes.length).toBeLessThanOrEqual(1000);
    expect(s.inlineScripts.join('').length).toBeLessThanOrEqual(65_536);
    expect(detectAtsFromSignals('https://acme.com/', s)?.boardToken).toBe('acme');

    const tenMb = `${head}${'<p>filler text '.repeat(800_000)}`;
    expect(tenMb.length).toBeGreaterThan(10_000_000);
    const t = collectPageSignals(tenMb, 'https://acme.com/');
    expect(t.truncated).toBe(true);
    expect(t.scripts).toHaveLength(1);
  });
});

describe('board API URLs', () => {
  it('build from a detected match, using the host hint where the token is not enough', () => {
    const wd = getAtsPlatform('workday')!;
    const url = new URL('https://acme.wd5.myworkdayjobs.com/en-US/External/job/X/Y_R1');
    const m = wd.matchUrl(url)!;
    expect(wd.boardApiUrl!(m.boardToken!, { host: m.host })).toBe('https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs');
    expect(() => wd.boardApiUrl!('acme/External')).toThrow(/\[parsers\/ats\] workday: boardApiUrl needs hints.host/);
    expect(() => wd.boardApiUrl!('acme', { host: m.host })).toThrow(/board token must look like \{tenant\}\/\{site\}/);
    expect(getAtsPlatform('greenhouse')!.boardApiUrl!('acme', { host: 'job-boards.eu.greenhouse.io' })).toBe(
      'https://boards-api.eu.greenhouse.io/v1/boards/acme/jobs?content=true',
    );
    expect(getAtsPlatform('lever')!.boardApiUrl!('AcmeCorp')).toBe('https://api.lever.co/v0/postings/AcmeCorp?mode=json');
  });

  it('round-trip: every board API URL is recognised as the same platform and token', () => {
    for (const def of atsPlatforms) {
      if (!def.boardApiUrl) continue;
      const hosted = table[def.id]!.urls.find((c) => c.token !== null && c.jobId === null)!;
      const m = def.matchUrl(new URL(hosted.url))!;
      const api = def.boardApiUrl(m.boardToken!, { host: m.host });
      const back = detectAts({ url: api });
      expect(back?.platform, `${def.id} ${api}`).toBe(def.id);
      expect(back?.boardToken, `${def.id} ${api}`).toBe(m.boardToken);
    }
  });
});

describe('invalid arguments', () => {
  it.each([
    ['non-string url', { url: 42 }],
    ['relative url', { url: '/careers' }],
    ['non-http url', { url: 'javascript:alert(1)' }],
    ['missing input', undefined],
    ['non-string html', { url: 'https://acme.com/', html: 3 }],
  ])('%s → INVALID_ARGUMENT', (_, input) => {
    let err: unknown;
    try {
      detectAts(input as never);
    } catch (e) {
      err = e;
    }
    expect(JobkitError.is(err, 'INVALID_ARGUMENT')).toBe(true);
    expect((err as Error).message).toMatch(/^\[parsers\/ats\]/);
  });

  it('collectPageSignals and detectAtsFromSignals validate too', () => {
    expect(() => collectPageSignals('<p>', 'relative/path')).toThrow(/\[parsers\/ats\]/);
    expect(() => detectAtsFromSignals('nope', null)).toThrow(/\[parsers\/ats\]/);
  });
});
