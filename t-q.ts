import { launchChromium } from './tests/support/browser.ts';
import { serveStatic } from './tests/support/static-server.ts';
const site = await serveStatic('dist');
const browser = await launchChromium();
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`${site.origin}/search/`);
for (const q of process.argv.slice(2)) {
  await page.fill('#search-query', '');
  await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false');
  await page.fill('#search-query', q);
  await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false');
  console.log(q, '|', await page.locator('#search-status').innerText(), '|', (await page.locator('#search-results > li a code').allInnerTexts()).slice(0, 5));
}
await browser.close(); await site.close();
