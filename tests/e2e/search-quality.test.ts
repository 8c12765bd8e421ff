/**
 * A small version of `npm run search-quality`, on a site built from every sixth server of
 * the bundled catalogue: query sets drawn with a fixed seed, typed into the real search
 * page in headless Chromium, and the hit-rate targets asserted. Times are printed, not
 * asserted (they belong to the benchmark, not to a test). Also the search page's contract.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, ROOT } from '../support/build-site.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';
import { buildQuerySets } from '../../scripts/search-quality/query-sets.ts';
import { formatReport, measureSearch, type QualityReport } from '../../scripts/search-quality/measure.ts';
import { catalogueNames } from '../../scripts/search-quality/catalogue-names.ts';
import { tempDir } from '../support/temp-dir.ts';

let site: StaticSite;
let browser: Browser;
let catalogue: string;

beforeAll(async () => {
  const lines = (await readFile(join(ROOT, 'content/catalogue/catalogue.ndjson'), 'utf8')).trimEnd().split('\n');
  catalogue = join(await tempDir('search-quality'), 'catalogue.ndjson');
  await writeFile(catalogue, `${[lines[0]!, ...lines.slice(1).filter((_, index) => index % 6 === 0)].join('\n')}\n`);
  site = await serveStatic((await buildSite(catalogue)).outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('search quality, as people type', () => {
  let report: QualityReport;

  beforeAll(async () => {
    const queries = buildQuerySets(await catalogueNames(catalogue), 15, 1);
    report = await measureSearch(browser, site.origin, queries);
    console.info(`search quality (every sixth bundled server):\n${formatReport(report)}`);
  });

  const rate = (set: keyof QualityReport['sets'], at: 'top3' | 'top5'): number => report.sets[set][at] / report.sets[set].queries;

  it('finds every exact name, and every server by its name or package, in the first three', () => {
    expect(report.sets.exact.queries).toBeGreaterThan(10);
    expect(rate('exact', 'top3')).toBe(1);
    expect(rate('server', 'top3')).toBe(1);
  });

  it('finds names from their tail, their words apart and their other naming styles, 95% in the first three', () => {
    expect(rate('tail_', 'top3')).toBeGreaterThanOrEqual(0.95);
    expect(rate('tail-space', 'top3')).toBeGreaterThanOrEqual(0.95);
    expect(rate('style', 'top3')).toBeGreaterThanOrEqual(0.95);
  });

  it('finds names with one typo, 90% in the first five', () => {
    expect(report.sets.typo.queries).toBeGreaterThan(10);
    expect(rate('typo', 'top5')).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the search page contract', () => {
  it('runs /search/?q= on load, marks the list busy, and lists results in rank order, the exact name first', async () => {
    const page = await browser.newPage();
    const [query] = buildQuerySets(await catalogueNames(catalogue), 1, 7).filter((each) => each.set === 'exact');
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(query!.text)}`);
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' && document.querySelectorAll('#search-results > li').length > 0);
    const first = page.locator('#search-results > li').first();
    expect(await first.locator('a').first().locator('code').innerText()).toBe(query!.text);
    expect(await first.locator('a').first().getAttribute('href')).toMatch(/^\/tools\/[^/]+\/[^/]+\/$/);
    await page.close();
  });

  it('updates the address as the reader types, and says when the filters exclude everything', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/search/`);
    await page.fill('#search-query', 'get');
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' && document.querySelectorAll('#search-results > li').length > 0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('get');
    expect(await page.locator('#search-status').innerText()).toMatch(/^\d[\d,]* results?\b/);
    // Then how many are tools and how many servers, with the right grammar.
    await page.waitForFunction(() => /\(\d[\d,]* tools?(, \d[\d,]* MCP servers?)?\)/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.fill('input[name="server"]', 'no-such-server-at-all');
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' && /No server is called/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await page.locator('#search-results > li').count()).toBe(0);
    await page.close();
  });
});

describe('the header search box on every page', () => {
  it('shows a misspelt tool under the box as the reader types, opens it with the arrow keys and Enter, and closes on Escape', async () => {
    const typo = buildQuerySets(await catalogueNames(catalogue), 5, 3).find((query) => query.set === 'typo')!;
    const target = (typo.target as { name: string }).name;
    const page = await browser.newPage();
    await page.goto(`${site.origin}/`);
    await page.locator('#site-search').pressSequentially(typo.text, { delay: 5 });
    const option = page.locator('#site-search-results [role="option"]').filter({ hasText: target }).first();
    await option.waitFor({ timeout: 15_000 });
    expect(await page.locator('#site-search').getAttribute('aria-expanded')).toBe('true');
    expect(page.url()).toBe(`${site.origin}/`);

    await page.keyboard.press('Escape');
    expect(await page.locator('#site-search-results').isHidden()).toBe(true);
    expect(await page.locator('#site-search').getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('ArrowDown');
    await option.waitFor();
    const options = await page.locator('#site-search-results [role="option"]').allInnerTexts();
    const position = options.findIndex((text) => text.includes(target));
    for (let step = 0; step <= position; step += 1) await page.keyboard.press('ArrowDown');
    const chosen = await page.locator('#site-search').getAttribute('aria-activedescendant');
    expect(await page.locator(`#${chosen}`).innerText()).toContain(target);
    await Promise.all([page.waitForURL(/\/tools\/[^/]+\/[^/]+\/$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe(target);
    await page.close();
  });
});
