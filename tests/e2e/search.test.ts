/**
 * In headless Chromium: open a tool page, then find it again through the search box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../support/build-site.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';

let site: StaticSite;
/** The same catalogue with its search index in one bundle per server. */
let bundled: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveStatic((await buildSite('tests/fixtures/minimal.ndjson')).outDir);
  bundled = await serveStatic((await buildSite('tests/fixtures/minimal.ndjson', { SEARCH_BUNDLE_SIZE: '1' })).outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await bundled?.close();
});

describe('search in a real browser', () => {
  it('finds a tool page again by its exact name, first', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}/tools/aws-serverless/sam-local-invoke/`);
    expect(await page.locator('h1').innerText()).toBe('sam_local_invoke');

    await page.fill('#site-search', 'sam_local_invoke');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=sam_local_invoke/);
    const first = page.locator('#search-results li').first();
    await first.waitFor();
    expect(await first.locator('a').getAttribute('href')).toBe('/tools/aws-serverless/sam-local-invoke/');
    expect(await first.innerText()).toContain('AWS Serverless');
    expect(await first.innerText()).toContain('High risk');
    expect(errors).toEqual([]);
  });

  it('finds a tool by words of its name and narrows results with the risk filter', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/search/?q=read+file`);
    await page.locator('#search-results li').first().waitFor();
    const all = await page.locator('#search-results li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(all).toEqual(expect.arrayContaining(['/tools/files/read-file-2/', '/tools/payments/read-file/']));

    await page.goto(`${site.origin}/search/?q=file&risk=Critical`);
    await page.locator('#search-results li').first().waitFor();
    const critical = await page.locator('#search-results li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(critical).toEqual(['/tools/files/delete-file/']);
  });

  it('copies the recommended policy with the copy button', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${site.origin}/tools/files/write-file/`);
    await page.click('#policy-json button.copy-policy');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const file = await (await fetch(`${site.origin}/tools/files/write-file/policy.json`)).text();
    expect(JSON.parse(copied)).toEqual(JSON.parse(file));
    await context.close();
  });

  it('finds tools in every bundle of an index split into bundles, ranked together', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const bundles = JSON.parse((await (await fetch(`${bundled.origin}/search/`)).text()).match(/data-search-bundles="([^"]*)"/)![1]!.replaceAll('&quot;', '"')) as string[];
    expect(bundles.length).toBeGreaterThan(1);
    await page.goto(`${bundled.origin}/search/?q=read+file`);
    await page.locator('#search-results li').first().waitFor();
    const all = await page.locator('#search-results li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(all).toEqual(expect.arrayContaining(['/tools/files/read-file-2/', '/tools/payments/read-file/']));
    await page.goto(`${bundled.origin}/search/?q=sam_local_invoke`);
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results li a').first().getAttribute('href')).toBe('/tools/aws-serverless/sam-local-invoke/');
    expect(errors).toEqual([]);
  });
});
