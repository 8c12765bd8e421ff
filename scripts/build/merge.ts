/**
 * Assembles the output folders of N shards into one site. Shards render disjoint sets of
 * server, tool, name and browse pages, and each renders the same few site-wide pages
 * (home, indexes, editorial pages, assets). Entries are moved, not copied: a folder that
 * only one shard has is renamed into place in one step, which keeps the merge of a
 * 500,000-page site to seconds. Files that two shards both have must be the same bytes;
 * anything else means the shards were built from different catalogues or code.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PAGE_LIST, readPageList, writePageList } from './sitemap.ts';

/** What a shard leaves that is not part of the site: Astro's bundle, the list of pages. */
const NOT_SITE = new Set(['.prerender', PAGE_LIST]);

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function mergeInto(from: string, to: string, where: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (where === '' && NOT_SITE.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const path = `${where}${entry.name}`;
    if (!(await exists(target))) {
      await rename(source, target);
    } else if (entry.isDirectory()) {
      await mergeInto(source, target, `${path}/`);
    } else {
      const [a, b] = await Promise.all([readFile(source), readFile(target)]);
      if (!a.equals(b)) throw new Error(`${path}: the shards disagree on this file; were they built from the same catalogue and code?`);
    }
  }
}

/**
 * Moves the contents of every shard folder into `outDir`, which is emptied first, and
 * writes there the union of their page lists.
 */
export async function mergeShards(shardDirs: readonly string[], outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const dir of shardDirs) await mergeInto(dir, outDir, '');
  const lists = await Promise.all(shardDirs.map((dir) => readPageList(dir)));
  await writePageList(outDir, [...new Set(lists.flat())]);
}
