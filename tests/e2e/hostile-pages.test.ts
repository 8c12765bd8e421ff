/**
 * In headless Chromium, under the shipped Content-Security-Policy: every page of a site
 * built from the hostile catalogue opens without a dialog, a console error (a CSP
 * violation is one), a page error, or a request anywhere but the site itself; and the
 * DOM the browser parsed holds no element, handler or link that came from the catalogue.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildSite } from '../support/build-site.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';
import { writeHostileCatalogue, SEARCH_PROBE_WORD } from '../fixtures/hostile/generate.ts';
import { TOOL_PAGES } from '../fixtures/hostile/expected.ts';
import { tempDir } from '../support/temp-dir.ts';

let site: StaticSite;
let browser: Browser;
let paths: string[];

/** Everything a page did that it must not: collected per context, asserted empty. */
interface Incidents {
  dialogs: string[];
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  failedResponses: string[];
}

const NONE: Incidents = { dialogs: [], consoleErrors: [], pageErrors: [], foreignRequests: [], failedResponses: [] };

async function watchedContext(): Promise<{ context: BrowserContext; incidents: Incidents }> {
  const incidents = structuredClone(NONE);
  const context = await browser.newContext();
  const origin = new URL(site.origin);
  // Anything not for the site is refused before it leaves, and recorded.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === origin.host && url.protocol === origin.protocol) return route.continue();
    incidents.foreignRequests.push(route.request().url().slice(0, 200));
    return route.abort();
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.host !== origin.host) incidents.foreignRequests.push(request.url().slice(0, 200));
  });
  context.on('response', (response) => {
    if (response.status() >= 400) incidents.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  context.on('page', (page) => watch(page, incidents));
  return { context, incidents };
}

function watch(page: Page, incidents: Incidents): void {
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') incidents.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => incidents.pageErrors.push(`${page.url()}: ${error.message}`));
}

/** What the parsed DOM holds that the site itself never writes. */
function domFindings(): string[] {
  const findings: string[] = [];
  for (const script of document.querySelectorAll('script')) {
    const module = script.type === 'module' && script.getAttribute('src')?.startsWith('/_astro/') && script.text === '';
    // The theme script is classic on purpose: it runs before the first paint.
    const theme = script.getAttributeNames().join() === 'src' && script.getAttribute('src') === '/theme.js' && script.text === '';
    if (!module && !theme && script.type !== 'application/ld+json') findings.push(`script: ${script.outerHTML.slice(0, 120)}`);
  }
  if (document.querySelectorAll('script[type="application/ld+json"]').length > 1) findings.push('several JSON-LD blocks');
  // The site's own <details> (the phone menu, Intercept policies, FAQ answers, collapsed
  // server policies) and its brand icon carry its classes; the catalogue adds none.
  if (document.querySelectorAll('a.brand > img[src="/favicon.svg"]').length !== 1) findings.push('brand icon missing or repeated');
  const foreign = 'img:not(a.brand > img[src="/favicon.svg"]), svg, iframe, frame, object, embed, style, base, details:not(.intercept-policy, .menu, .compact), textarea, b, i, math, important, fragment, component, meta[http-equiv]';
  for (const element of document.querySelectorAll(foreign)) findings.push(`element: ${element.outerHTML.slice(0, 120)}`);
  for (const element of document.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      if (/^on|^(style|srcdoc|formaction|autofocus)$/i.test(name)) findings.push(`attribute ${name} on <${element.localName}>`);
    }
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (!['http:', 'https:'].includes(link.protocol)) findings.push(`link: ${link.getAttribute('href')}`);
  }
  for (const form of document.querySelectorAll('form')) {
    if (form.getAttribute('action') !== '/search/') findings.push(`form: ${form.getAttribute('action')}`);
  }
  if (document.querySelectorAll('body').length !== 1 || document.querySelectorAll('title').length !== 1) findings.push('extra body or title');
  return findings;
}

beforeAll(async () => {
  const dir = await tempDir('hostile-catalogue');
  const catalogue = join(dir, 'hostile.ndjson');
  await writeHostileCatalogue(catalogue);
  const { outDir } = await buildSite(catalogue);
  paths = (await readdir(outDir, { recursive: true }))
    .filter((file) => file.endsWith('.html'))
    .map((file) => (file === '404.html' ? '/404.html' : `/${file.replace(/(^|\/)index\.html$/, '$1')}`))
    .sort();
  site = await serveStatic(outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a hostile catalogue in a real browser', () => {
  it('opens every page with no dialog, console error, page error, foreign request or foreign element', async () => {
    expect(paths.length).toBeGreaterThan(Object.keys(TOOL_PAGES).length);
    const { context, incidents } = await watchedContext();
    const findings: string[] = [];
    const queue = [...paths];
    // A few tabs at once keep the visit of every page well under the test's time limit.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const page = await context.newPage();
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          const url = `${site.origin}${path}`;
          try {
            const response = await page.goto(url, { waitUntil: 'load' });
            if (response?.status() !== 200) findings.push(`${path}: status ${response?.status()}`);
            // Module scripts have run by `load`; give any handler a chance to fire.
            await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
            for (const finding of await page.evaluate(domFindings)) findings.push(`${path}: ${finding}`);
            if (page.url() !== url) findings.push(`${path}: went on to ${page.url()}`);
          } catch (error) {
            // A page that navigates itself away (a meta refresh, a script) ends here.
            findings.push(`${path}: ${(error as Error).message.split('\n')[0]}`);
          }
        }
        await page.close();
      }),
    );
    await context.close();
    expect({ findings: [...new Set(findings)], ...incidents }).toEqual({ findings: [], ...NONE });
  });

  it('searches under the Content-Security-Policy and shows hostile names as text', async () => {
    const { context, incidents } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/search/?q=${SEARCH_PROBE_WORD}`);
    const probe = 'markup/b-zanzibar-b-img-src-x-onerror-alert-search';
    const link = page.locator(`#search-results li a[href="/tools/${probe}/"]`);
    await link.waitFor();
    expect(await link.innerText()).toBe(TOOL_PAGES[probe]);
    expect(await page.locator('#search-results li').first().innerText()).toContain('<script>alert("search summary")</script>');

    await page.goto(`${site.origin}/search/?q=script+alert`);
    await page.locator('#search-results li').first().waitFor();
    const results = await page
      .locator('#search-results li a')
      .evaluateAll((links) => links.map((a) => [a.getAttribute('href'), (a as HTMLElement).innerText]));
    const tools = results.filter(([href]) => href!.startsWith('/tools/') && href!.split('/').length === 5);
    expect(tools.length).toBeGreaterThan(1);
    for (const [href, text] of tools) expect(text, href!).toBe(TOOL_PAGES[href!.slice('/tools/'.length, -1)]);
    const findings = await page.evaluate(domFindings);

    // Bidi controls stay inside their own result text, and a 1 MB description neither
    // shows in full nor widens the page.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.origin}/search/?q=bidi_text`);
    const bidi = page.locator('#search-results li').first();
    await bidi.waitFor();
    expect(await bidi.locator('code[dir="auto"] > bdi').count()).toBe(1);
    expect(await bidi.locator('div.note[dir="auto"] > bdi').innerText()).toContain('\u202E');
    await page.goto(`${site.origin}/search/?q=huge_description`);
    const huge = page.locator('#search-results li a[href="/tools/big/huge-description/"]');
    await huge.waitFor();
    const layout = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(layout.scroll).toBeLessThanOrEqual(layout.client);
    for (const summary of await page.locator('#search-results li div.note').allInnerTexts()) expect([...summary].length).toBeLessThanOrEqual(300);
    await context.close();
    expect({ findings, ...incidents }).toEqual({ findings: [], ...NONE });
  });
});
