/**
 * The sitemap of a built site, from the list of pages Astro rendered (`.pages.txt`, which
 * astro.config.mjs writes and the merge of shards unites): the same sitemap for a whole
 * build and for shards merged. Written with the `sitemap` package (the library
 * @astrojs/sitemap uses), in files of at most 45,000 URLs under a sitemap index, as search
 * engines take at most 50,000 a file.
 */
import { createWriteStream } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { SitemapAndIndexStream, SitemapStream } from 'sitemap';

const URLS_PER_FILE = 45_000;

/** The page list's file name in an output folder; not part of the site. */
export const PAGE_LIST = '.pages.txt';

export async function readPageList(outDir: string): Promise<string[]> {
  const text = await readFile(join(outDir, PAGE_LIST), 'utf8');
  return text.split('\n').filter((line) => line !== '');
}

export async function writePageList(outDir: string, paths: readonly string[]): Promise<void> {
  const sorted = [...paths].sort();
  await writeFile(join(outDir, PAGE_LIST), sorted.length > 0 ? `${sorted.join('\n')}\n` : '');
}

/**
 * The HTML pages among Astro's rendered paths (`/tools/x/`, `/` for home, relative to the
 * base): not the error page, and not files such as `/tools/x/policy.json/` or
 * `/llms.txt/`, whose last segment has a dot (a slug never has one).
 */
export function sitemapPaths(rendered: readonly string[]): string[] {
  return rendered
    .filter((path) => !/(^|\/)404\/?$/.test(path) && !/\.[^/]*\/?$/.test(path))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Writes sitemap-index.xml and sitemap-<n>.xml into the folder from its page list, which
 * it then removes; returns how many sitemap files.
 */
export async function writeSitemap(outDir: string, siteUrl: string, base = '/'): Promise<number> {
  const paths = sitemapPaths(await readPageList(outDir));
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
    if (!index.write({ url: new URL(`${base}${path.slice(1)}`, origin).href })) await new Promise((resolve) => index.once('drain', resolve));
  }
  index.end();
  await finished(indexOut);
  await Promise.all(written);
  await rm(join(outDir, PAGE_LIST), { force: true });
  return files;
}
