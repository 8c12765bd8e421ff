/**
 * In headless Chromium: what a visitor meets first. The theme follows the system and the
 * toggle's choice survives a reload without a flash; the tool page's policy is on the
 * first screen; a hub's table filters and sorts in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../support/build-site.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveStatic((await buildSite('tests/fixtures/minimal.ndjson')).outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const background = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('themes', () => {
  it('follows the system setting when the reader has not chosen', async () => {
    const light = await browser.newPage({ colorScheme: 'light' });
    const dark = await browser.newPage({ colorScheme: 'dark' });
    await light.goto(`${site.origin}/`);
    await dark.goto(`${site.origin}/`);
    expect(await background(light)).toBe('rgb(251, 251, 253)');
    expect(await background(dark)).toBe('rgb(14, 17, 22)');
    // Code follows the theme too: the dark stylesheet recolours the policy's tokens.
    await light.goto(`${site.origin}/tools/files/write-file/`);
    await dark.goto(`${site.origin}/tools/files/write-file/`);
    const tokenColour = (page: Page) => page.locator('#policy-json pre span.line span').nth(1).evaluate((node) => getComputedStyle(node).color);
    expect(await tokenColour(light)).not.toBe(await tokenColour(dark));
    await light.close();
    await dark.close();
  });

  it('remembers the toggle and applies it before the first paint of the next page', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${site.origin}/tools/files/`);
    const toggle = page.locator('button.theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background(page)).toBe('rgb(14, 17, 22)');

    // On the next page the theme is set by a blocking script in <head>: the first
    // DOMContentLoaded already sees it, before any module script runs.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as unknown as { themeAtParse: string }).themeAtParse = document.documentElement.dataset.theme ?? '';
      });
    });
    await page.goto(`${site.origin}/`);
    expect(await page.evaluate(() => (window as unknown as { themeAtParse: string }).themeAtParse)).toBe('dark');
    expect(await background(page)).toBe('rgb(14, 17, 22)');

    await page.locator('button.theme-toggle').click();
    await page.reload();
    expect(await background(page)).toBe('rgb(251, 251, 253)');
    await context.close();
  });
});

describe('the tool page first screen', () => {
  const policyCardBox = async (width: number, height: number) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${site.origin}/tools/aws-serverless/sam-local-invoke/`);
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const boxes = { name: await box('h1'), risk: await box('.tool-head .badge'), summary: await box('.summary-line'), copy: await box('#policy-json button.copy-policy'), policy: await box('#policy-json pre') };
    await page.close();
    return boxes;
  };

  it('shows the name, risk, what it does and the policy with its copy button above the fold at 1280 x 800', async () => {
    const boxes = await policyCardBox(1280, 800);
    for (const [part, box] of Object.entries(boxes)) expect(box.y + box.height, part).toBeLessThanOrEqual(800);
  });

  it('brings the policy and its copy button within one and a half screens at 360 x 740', async () => {
    const boxes = await policyCardBox(360, 740);
    for (const part of ['name', 'risk', 'summary'] as const) expect(boxes[part].y + boxes[part].height, part).toBeLessThanOrEqual(740);
    expect(boxes.policy.y).toBeLessThan(740 * 1.5);
    expect(boxes.copy.y + boxes.copy.height).toBeLessThanOrEqual(740 * 1.5);
  });

  it('keeps the header to one row on a phone, with the search box and a menu that opens the site links', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.origin}/tools/files/`);
    const header = (await page.locator('header.site').boundingBox())!;
    expect(header.height).toBeLessThan(70);
    expect(await page.locator('#site-search').isVisible()).toBe(true);
    expect(await page.locator('nav.full').isVisible()).toBe(false);
    await page.locator('details.menu summary').click();
    await page.locator('details.menu a', { hasText: 'By risk' }).click();
    await page.waitForURL(/\/risk\/$/);
    await page.close();
  });
});

describe('a hub table', () => {
  it('filters by category and risk and sorts by column, without reloading', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/tools/files/`);
    const names = () => page.locator('#hub-tools tbody tr:not([hidden]) td:first-child').allInnerTexts();
    expect(await names()).toHaveLength(4);
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));

    await page.selectOption('select[data-filter="category"]', 'Read');
    expect((await names()).sort()).toEqual(['read-file', 'read_file']);
    expect(await page.locator('[data-filter-status]').innerText()).toBe('2 of 4 tools shown');
    await page.selectOption('select[data-filter="category"]', '');
    await page.selectOption('select[data-filter="risk"]', 'Critical');
    expect(await names()).toEqual(['delete_file']);
    await page.selectOption('select[data-filter="risk"]', '');

    await page.locator('#hub-tools th button', { hasText: 'Risk' }).click();
    await page.locator('#hub-tools th button', { hasText: 'Risk' }).click();
    expect((await names())[0]).toBe('delete_file');
    expect(await page.locator('#hub-tools th', { hasText: 'Risk' }).getAttribute('aria-sort')).toBe('descending');
    // Still the same document: nothing reloaded.
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
    await page.close();
  });
});
