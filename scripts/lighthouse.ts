/**
 * `npm run lighthouse [-- --site dist] [path ...]`
 *
 * Serves a built site on 127.0.0.1 and runs Lighthouse (its Node API, driving Debian's
 * Chromium at CHROMIUM_PATH or /usr/bin/chromium) on each path, on desktop and on mobile,
 * and prints the four scores and the layout shift of each. Without paths: the search page
 * with a query, the home page, and the first tool page and hub of the sitemap.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const { values, positionals } = parseArgs({ options: { site: { type: 'string', default: process.env.OUT_DIR ?? 'dist' } }, allowPositionals: true });

async function defaultPaths(root: string): Promise<string[]> {
  const sitemap = await readFile(join(root, 'sitemap-0.xml'), 'utf8').catch(() => '');
  const paths = [...sitemap.matchAll(/<loc>[^<]*?(\/tools\/[^<]+)<\/loc>/g)].map((match) => match[1]!);
  const tool = paths.find((path) => path.split('/').length === 5);
  const hub = paths.find((path) => path.split('/').length === 4);
  return ['/search/?q=get_file_info', '/', ...(tool ? [tool] : []), ...(hub ? [hub] : [])];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const site = await serveStatic(values.site!);
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  for (const path of positionals.length > 0 ? positionals : await defaultPaths(values.site!)) {
    for (const formFactor of ['desktop', 'mobile'] as const) {
      const result = await lighthouse(
        `${site.origin}${path}`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
        formFactor === 'desktop' ? desktopConfig : undefined,
      );
      const lhr = result!.lhr;
      const scores = CATEGORIES.map((category) => `${category} ${Math.round((lhr.categories[category]?.score ?? 0) * 100)}`).join(', ');
      console.log(`${path} (${formFactor}): ${scores}; CLS ${lhr.audits['cumulative-layout-shift']?.displayValue ?? '?'}`);
    }
  }
} finally {
  chrome.kill();
  await site.close();
}
