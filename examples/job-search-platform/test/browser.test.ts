/**
 * The web page in a real browser (playwright-core driving Debian's Chromium): typo search and
 * cards (posted-ago with the date on hover, place, workplace, pay), disjunctive facet checkboxes,
 * URL state (open job and Stats tab survive reload and back), numbered pages with an out-of-range
 * page moved to the last one, clear filters, no stale detail after an empty search, errors as a
 * sentence, keyboard navigation, the phone layout (results first, filters in a drawer) and the
 * stats view. Screenshots go to `test/artifacts/` (git-ignored). Skipped with a named reason when
 * /usr/bin/chromium is missing.
 * @module
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '../src/platform.js';

// The page callbacks below run in Chromium, not Node. The Node program has no DOM lib (a lib
// reference here would give every package the DOM globals), so the few browser names they use
// are declared for this module only.
interface PageElement {
  textContent: string | null;
  hidden: boolean;
  getBoundingClientRect(): { left: number; right: number };
}
type HTMLElement = PageElement;
declare const document: {
  querySelector(selector: string): PageElement | null;
  getElementById(id: string): PageElement | null;
  activeElement: unknown;
};
declare const location: { href: string };
declare const window: { innerWidth: number };
declare function getComputedStyle(element: unknown): { fontSize: string };

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (apt-get install -y chromium)`;
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

let p: Platform;
let browser: Browser;

/** A page that records script errors (a failed 400 fetch is logged by Chromium and allowed when asked). */
async function open(viewport = { width: 1400, height: 1000 }, allow: RegExp | null = null) {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !(allow && allow.test(m.text()))) problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}

const count = async (page: Page) => Number(/^([\d,]+)/.exec((await page.textContent('#result-count')) ?? '')?.[1]?.replace(/,/g, ''));
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
/** Wait until the result count reads something other than `before`. */
const countChange = (page: Page, before: string | null) =>
  page.waitForFunction((b) => {
    const t = document.querySelector('#result-count')?.textContent ?? '';
    return t !== b && /^\d/.test(t);
  }, before);

describe.skipIf(skip !== null)(`web page in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    p = await startPlatform({ seed: 5, companies: 20, namespace: `t_browser_${process.pid}`, dropOnClose: true });
    const report = await p.ingest();
    expect(report.errors).toEqual([]);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  it('searches with a typo; cards show posted-ago, place, workplace and pay; facets stay disjunctive', async () => {
    const { page, problems } = await open();
    await page.goto(`${p.url}/`);
    await page.locator('#results .result').first().waitFor();
    const all = await count(page);

    // A typo still finds engineers.
    await page.fill('#q', 'enginer');
    await page.click('#search-button');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent?.includes('enginer'));
    const typoFound = await count(page);
    expect(typoFound).toBeGreaterThan(0);
    expect(typoFound).toBeLessThan(all);
    for (const t of await page.locator('#results .job-title').allTextContents()) expect(t).toMatch(/engineer/i);
    expect(await page.locator('#results mark').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('enginer');
    expect(await page.getAttribute('#result-count', 'aria-live')).toBe('polite');

    // Cards: how long ago (date on hover), a place, and pay written in the posting's currency and period.
    const posted = page.locator('#results .result time.posted').first();
    expect(await posted.textContent()).toMatch(/^(Today|Yesterday|\d+ (days|weeks|months|years) ago|Last (week|month|year)|Posted .+)$/);
    expect(await posted.getAttribute('title')).toMatch(/^Posted \w{3} \d{1,2}, \d{4}/);
    expect(await posted.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(await page.locator('#results .result .place').count()).toBeGreaterThan(0);
    const pays = await page.locator('#results .pay').allTextContents();
    expect(pays.length).toBeGreaterThan(0);
    for (const pay of pays.map((t) => t.split(' · ≈ ')[0]!))
      expect(pay).toMatch(
        /^(From |Up to )?(\p{Sc}|[A-Z]{2,3}\p{Sc}?|[A-Z]{3}\s)[\d.,]+k?(–[\d.,]+k?)? (an hour|a day|a week|a month|a year)$/u,
      );

    // A comparable yearly figure beside pay in another currency or period, when the API computes one.
    const api = (await (await fetch(`${p.url}/api/v1/search?q=enginer`)).json()) as {
      hits: { salary: { currency: string | null; period: string | null; annualized?: { currency: string } } | null }[];
    };
    const differs = api.hits.filter(
      (h) => h.salary?.annualized && (h.salary.annualized.currency !== h.salary.currency || h.salary.period !== 'year'),
    ).length;
    expect(await page.locator('#results .pay .annual').count()).toBe(differs);

    // Disjunctive facets: ticking Hybrid keeps Remote and Onsite visible with their counts.
    const facetCount = async (value: string) =>
      Number(await page.locator(`label.facet:has(input[data-facet="workplaceType"][data-value="${value}"]) .count`).textContent());
    const remoteCount = await facetCount('remote');
    const hybridCount = await facetCount('hybrid');
    expect(remoteCount).toBeGreaterThan(0);
    expect(hybridCount).toBeGreaterThan(0);
    let before = await page.textContent('#result-count');
    await page.locator('input[data-facet="workplaceType"][data-value="hybrid"]').check();
    await countChange(page, before);
    expect(await count(page)).toBe(hybridCount);
    for (const other of ['remote', 'onsite']) {
      await expect(page.locator(`input[data-facet="workplaceType"][data-value="${other}"]`).isVisible()).resolves.toBe(true);
    }
    expect(await facetCount('remote')).toBe(remoteCount); // counted without the workplace filter itself
    before = await page.textContent('#result-count');
    await page.locator('input[data-facet="workplaceType"][data-value="remote"]').check();
    await countChange(page, before);
    expect(await count(page)).toBe(hybridCount + remoteCount);
    expect(new URL(page.url()).searchParams.getAll('workplace').sort()).toEqual(['hybrid', 'remote']);
    for (const w of await page.locator('#results .workplace').allTextContents()) expect(['Hybrid', 'Remote']).toContain(w);
    expect(await page.locator('#results .workplace').count()).toBe(await page.locator('#results .result').count());
    await shot(page, 'desktop-facets');

    // Clear filters: back to every "enginer" hit, the query kept.
    before = await page.textContent('#result-count');
    await page.click('#clear-filters');
    await countChange(page, before);
    expect(await count(page)).toBe(typoFound);
    expect(new URL(page.url()).searchParams.getAll('workplace')).toEqual([]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('enginer');
    expect(await page.locator('#clear-filters').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the open job and the Stats tab in the URL: reload and back work; the desktop uses its width', async () => {
    const { page, problems } = await open();
    await page.goto(`${p.url}/?q=engineer`);
    await page.locator('#results .result').first().waitFor();
    // Without a job open the results column takes the room next to the filters.
    expect((await page.locator('#results-column').boundingBox())!.width).toBeGreaterThan(900);

    // Keyboard: arrow down moves between results, Enter opens one.
    await page.locator('#results .job-title').first().focus();
    await page.keyboard.press('ArrowDown');
    const second = page.locator('#results .job-title').nth(1);
    expect(await second.evaluate((e) => e === document.activeElement)).toBe(true);
    const title = (await second.textContent())!;
    const id = (await second.getAttribute('data-id'))!;
    await page.keyboard.press('Enter');
    await page.locator('#detail-title').waitFor();
    expect(await page.textContent('#detail-title')).toBe(title);
    expect(new URL(page.url()).searchParams.get('job')).toBe(id);
    // Descriptions come as paragraphs, lists or plain text depending on the source: check it rendered text.
    expect(((await page.locator('#detail .description').textContent()) ?? '').trim().length).toBeGreaterThan(40);
    const apply = page.locator('#apply-link');
    expect(await apply.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await apply.getAttribute('rel')).toContain('noopener');
    await shot(page, 'desktop-detail');

    // Reload: the same job is open.
    await page.reload();
    await page.locator('#detail-title').waitFor();
    expect(await page.textContent('#detail-title')).toBe(title);
    // Back: the job closes, the search stays.
    await page.goBack();
    await page.waitForFunction(() => (document.getElementById('detail') as HTMLElement).hidden);
    expect(new URL(page.url()).searchParams.get('job')).toBeNull();
    expect(new URL(page.url()).searchParams.get('q')).toBe('engineer');
    // Forward again, then a search that finds nothing leaves no stale detail behind.
    await page.goForward();
    await page.locator('#detail-title').waitFor();
    await page.fill('#q', 'qqzzxxvvkk');
    await page.click('#search-button');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent?.startsWith('0 jobs'));
    expect(await page.locator('#detail').isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get('job')).toBeNull();
    expect(await page.locator('#results .empty').count()).toBe(1);

    // A word nothing matches is dropped, and the page says so.
    await page.fill('#q', 'engineer qqzzxxvvkk');
    await page.click('#search-button');
    await page.locator('#result-note').waitFor({ state: 'visible' });
    expect(await page.textContent('#result-note')).toContain('qqzzxxvvkk');
    expect(await count(page)).toBeGreaterThan(0);

    // Stats tab in the URL: reload keeps it, back leaves it.
    await page.click('#tab-stats');
    expect(new URL(page.url()).searchParams.get('view')).toBe('stats');
    await page.locator('#chart-time svg rect').first().waitFor();
    await page.reload();
    await page.locator('#chart-time svg rect').first().waitFor();
    expect(await page.locator('#view-stats').isVisible()).toBe(true);
    expect(await page.locator('#stat-cards .card').count()).toBe(5);
    // Median days open is computed (nothing has closed in a fresh world: open postings answer).
    const median = await page.locator('#stat-cards .card', { hasText: 'Median days open' }).locator('.value').textContent();
    expect(median).toMatch(/^\d+$/);
    // Axes: values on the time chart, a year on its first date; readable text size.
    const axis = await page.locator('#chart-time svg text').allTextContents();
    expect(axis).toContain('0');
    expect(axis.some((t) => /\b20\d\d\b/.test(t))).toBe(true);
    const fontPx = await page
      .locator('#chart-time svg text')
      .first()
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(12);
    expect(await page.locator('#chart-salary svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart-remote svg rect').count()).toBeGreaterThanOrEqual(4);
    // Top companies: most jobs first, ties by name.
    const companyRows = await page.locator('#chart-companies svg text').allTextContents();
    const pairs: [string, number][] = [];
    for (let i = 0; i + 1 < companyRows.length; i += 2) pairs.push([companyRows[i]!, Number(companyRows[i + 1])]);
    expect(pairs.length).toBeGreaterThan(1);
    const sorted = [...pairs].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'));
    expect(pairs).toEqual(sorted);
    await shot(page, 'stats', true);
    await page.goBack();
    await page.waitForFunction(() => !(document.getElementById('view-search') as HTMLElement).hidden);
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('moves an out-of-range page to the last page and shows page numbers', async () => {
    const { page, problems } = await open();
    await page.goto(`${p.url}/?page=999`);
    await page.locator('#results .result').first().waitFor();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') !== '999');
    const last = Number(new URL(page.url()).searchParams.get('page'));
    const found = await count(page);
    expect(last).toBe(Math.ceil(found / 20));
    expect(await page.textContent('#pager [aria-current="page"]')).toBe(String(last));
    expect(await page.locator('#pager a.page', { hasText: /^1$/ }).count()).toBe(1);
    // Past the end of an empty search: page 1, not a page that cannot exist.
    await page.goto(`${p.url}/?q=qqzzxxvvkk&page=7`);
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent?.startsWith('0 jobs'));
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    await page.goto(`${p.url}/?page=999`);
    await page.locator('#pager [aria-current="page"]').waitFor();
    // Page 1 by its number.
    await page.locator('#pager a.page', { hasText: /^1$/ }).click();
    await page.waitForFunction(() => document.querySelector('#pager [aria-current="page"]')?.textContent === '1');
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows API errors as a sentence without internal module prefixes', async () => {
    const res = await fetch(`${p.url}/api/v1/search?ats=nosuch`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INVALID_ARGUMENT');
    expect(body.error.message).not.toMatch(/\[[\w/.-]+\]/);
    const job = (await (await fetch(`${p.url}/api/v1/jobs/jk_000000000000000000000000`)).json()) as {
      error: { code: string; message: string };
    };
    expect(job.error.code).toBe('NOT_FOUND');

    const { page, problems } = await open(undefined, /status of 40\d/);
    await page.goto(`${p.url}/?ats=nosuch`);
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent?.startsWith('Some search settings'));
    const sentence = (await page.textContent('#result-count'))!;
    expect(sentence).toMatch(/^Some search settings are not valid .*\. Change them and try again\.$/);
    expect(sentence).not.toMatch(/\[[\w/.-]+\]/);
    await page.goto(`${p.url}/?job=jk_000000000000000000000000`);
    await page.waitForFunction(() => document.querySelector('#detail .error')?.textContent?.includes('no longer available'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('on a phone puts the results first and opens the filters in a drawer', async () => {
    const { page, problems } = await open({ width: 390, height: 844 });
    await page.goto(`${p.url}/`);
    await page.locator('#results .result').first().waitFor();
    const results = (await page.locator('#results').boundingBox())!;
    expect(results.width).toBeGreaterThan(330);
    expect(results.y).toBeLessThan(844);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.getAttribute('#filters-toggle', 'aria-expanded')).toBe('false');
    // In the flow, the results come before the filters' toggle... and the filters are out of it.
    const cardTop = (await page.locator('#results .result').first().boundingBox())!.y;
    expect(cardTop).toBeLessThan(600);
    await shot(page, 'phone-results');

    await page.click('#filters-toggle');
    await page.locator('#filters').waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const r = document.getElementById('filters')!.getBoundingClientRect();
      return r.left >= 0 && r.right <= window.innerWidth;
    });
    expect(await page.getAttribute('#filters-toggle', 'aria-expanded')).toBe('true');
    const before = await page.textContent('#result-count');
    await page.locator('input[data-facet="workplaceType"][data-value="remote"]').check();
    await countChange(page, before);
    await shot(page, 'phone-drawer');
    await page.keyboard.press('Escape');
    await page.locator('#filters').waitFor({ state: 'hidden' });
    expect(await page.textContent('#filters-toggle')).toBe('Filters (1)');
    expect(new URL(page.url()).searchParams.getAll('workplace')).toEqual(['remote']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
