/**
 * The sitemap of a built site, from the pages in its output folder: one list for a full
 * build and for shards merged, so both give the same bytes. Written with the `sitemap`
 * package (the library @astrojs/sitemap uses), in files of at most 45,000 URLs under a
 * sitemap index, as search engines require at most 50,000 a file.
 */
import { createWriteStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { SitemapAndIndexStream, SitemapStream } from 'sitemap';

const URLS_PER_FILE = 45_000;

/** Page paths (`/`, `/tools/x/`), from every `index.html` below the folder, sorted by code point. */
export async function pagePaths(outDir: string, base = '/'): Promise<string[]> {
  const files = await readdir(outDir, { recursive: true });
  const paths: string[] = [];
  for (const file of files) {
    if (file !== 'index.html' && !file.endsWith('/index.html')) continue;
    // Tooling folders (Pagefind's, Astro's own) hold no pages.
    if (file.startsWith('pagefind/') || file.startsWith('_astro/') || file.startsWith('.')) continue;
    paths.push(`${base}${file.slice(0, -'index.html'.length)}`);
  }
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Writes sitemap-index.xml and sitemap-<n>.xml into the folder; returns how many files. */
export async function writeSitemap(outDir: string, siteUrl: string, base = '/'): Promise<number> {
  const paths = await pagePaths(outDir, base);
  const origin = new URL(siteUrl);
  const written: Promise<unknown>[] = [];
  let files = 0;
  const index = new SitemapAndIndexStream({
    limit: URLS_PER_FILE,
    getSitemapStream: (i: number) => {
      const name = `sitemap-${i}.xml`;
      const sitemap = new SitemapStream({ hostname: origin.href });
      const out = createWriteStream(join(outDir, name));
      sitemap.pipe(out);
      written.push(finished(out));
      files += 1;
      return [new URL(`${base}${name}`, origin).href, sitemap, out];
    },
  });
  const indexOut = createWriteStream(join(outDir, 'sitemap-index.xml'));
  index.pipe(indexOut);
  for (const path of paths) {
    if (!index.write({ url: new URL(path, origin).href })) await new Promise((resolve) => index.once('drain', resolve));
  }
  index.end();
  await finished(indexOut);
  await Promise.all(written);
  return files;
}
