/**
 * `node scripts/search-probe.ts <built site folder> [query ...]`
 *
 * Serves a built site on 127.0.0.1 and, in headless Chromium (Debian's, at
 * CHROMIUM_PATH or /usr/bin/chromium), opens its search page once per query with an
 * empty cache, and prints the size of the search index on disk, the bytes the page
 * downloaded from the index before its first result, and the time from navigation to the
 * first result. Without queries it searches the names of the first tools of the sitemap.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const [root, ...given] = process.argv.slice(2);
if (!root) throw new Error('usage: node scripts/search-probe.ts <built site folder> [query ...]');

async function folderBytes(path: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

const bundles = (await readdir(root)).filter((name) => /^pagefind(-\d+)?$/.test(name)).sort();
let indexBytes = 0;
let indexFiles = 0;
for (const bundle of bundles) {
  const { bytes, files } = await folderBytes(join(root, bundle));
  indexBytes += bytes;
  indexFiles += files;
}
console.log(`search index: ${bundles.length} bundle(s), ${indexFiles} files, ${(indexBytes / 2 ** 20).toFixed(1)} MiB on disk`);

let queries = given;
if (queries.length === 0) {
  // A few tool names from the site's own pages: the last path segment of tool URLs.
  const sitemap = await readFile(join(root, 'sitemap-0.xml'), 'utf8');
  const tools = [...sitemap.matchAll(/<loc>[^<]*\/tools\/[^/<]+\/([^/<]+)\/<\/loc>/g)].map((match) => match[1]!);
  queries = [tools[1], tools[Math.floor(tools.length / 2)], tools[tools.length - 1]].filter((q): q is string => !!q).map((slug) => slug.replaceAll('-', '_'));
}

const site = await serveStatic(root);
const browser = await launchChromium();
try {
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let downloaded = 0;
    let counting = true;
    page.on('response', async (response) => {
      if (!counting || !/\/pagefind(-\d+)?\//.test(new URL(response.url()).pathname)) return;
      downloaded += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    const started = performance.now();
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('#search-results li').first().waitFor({ timeout: 60_000 });
    const elapsed = performance.now() - started;
    counting = false;
    const first = await page.locator('#search-results li a').first().getAttribute('href');
    console.log(`query ${JSON.stringify(query)}: first result ${first} after ${elapsed.toFixed(0)} ms, ${(downloaded / 1024).toFixed(0)} KiB of index downloaded`);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
