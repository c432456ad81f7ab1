/**
 * The web page in a real browser (playwright-core driving Debian's Chromium): search with a typo,
 * click a facet, open a job (sanitized description, apply link), view the stats charts, and save
 * screenshots under the OS temp dir. Skipped with a named reason when /usr/bin/chromium is missing.
 * @module
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPlatform, type Platform } from '../src/platform.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (apt-get install -y chromium)`;

let p: Platform;
let browser: Browser;

describe.skipIf(skip !== null)(`web page in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  beforeAll(async () => {
    p = await startPlatform({ seed: 5, companies: 30, namespace: `t_browser_${process.pid}`, dropOnClose: true });
    const report = await p.ingest();
    expect(report.errors).toEqual([]);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  it('searches with a typo, filters by a facet, opens a job and shows stats', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${p.url}/`);
    await page.locator('#results .result').first().waitFor();

    // A typo still finds engineers.
    await page.fill('#q', 'enginer');
    await page.click('#search-button');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent?.includes('enginer'));
    const count = async () => Number(/^(\d+)/.exec((await page.textContent('#result-count')) ?? '')?.[1]);
    const typoFound = await count();
    expect(typoFound).toBeGreaterThan(0);
    const titles = await page.locator('#results .job-title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toMatch(/engineer/i);
    expect(await page.locator('#results mark').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('enginer');

    // Click the "Remote" workplace facet: fewer results, all remote.
    const remote = page.locator('input[data-facet="workplaceType"][data-value="remote"]');
    await remote.check();
    await page.waitForFunction((before) => {
      const n = Number(/^(\d+)/.exec(document.querySelector('#result-count')?.textContent ?? '')?.[1]);
      return n > 0 && n < before;
    }, typoFound);
    for (const meta of await page.locator('#results .meta').allTextContents()) expect(meta).toContain('Remote');
    expect(new URL(page.url()).searchParams.getAll('workplace')).toEqual(['remote']);

    // Open the first job: detail with description and apply link.
    const firstTitle = (await page.locator('#results .job-title').first().textContent())!;
    await page.locator('#results .job-title').first().click();
    await page.locator('#detail-title').waitFor();
    expect(await page.textContent('#detail-title')).toBe(firstTitle);
    expect(await page.locator('#detail .description p').count()).toBeGreaterThan(0);
    const apply = page.locator('#apply-link');
    expect(await apply.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await apply.getAttribute('rel')).toContain('noopener');
    await page.screenshot({ path: join(tmpdir(), 'jobkit-demo-search.png'), fullPage: false });

    // Stats view: the charts render as SVG.
    await page.click('#tab-stats');
    await page.locator('#chart-time svg rect').first().waitFor();
    expect(await page.locator('#chart-salary svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart-remote svg rect').count()).toBe(4);
    expect(await page.locator('#stat-cards .card').count()).toBe(5);
    await page.screenshot({ path: join(tmpdir(), 'jobkit-demo-stats.png'), fullPage: true });

    expect(problems).toEqual([]);
    await page.close();
  });
});
