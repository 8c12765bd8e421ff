/**
 * The search index in parts. Pagefind holds a whole index in memory while it writes it,
 * about 28 KB a document: 2.8 GB for 100,000 tools, 14 GB for 500,000. So the catalogue's
 * documents go into bundles of at most SEARCH_BUNDLE_SIZE documents, written one after
 * another (so only one is in memory), and the search page merges them at query time with
 * Pagefind's `mergeIndex`, which ranks the results of all bundles together.
 *
 * Bundle 1 is `pagefind/` and also holds the editorial pages; bundle k is `pagefind-k/`.
 * Servers are cut into contiguous runs of the slug-sorted list, a server never split.
 */
import type { SiteIndex } from './site-index.ts';
import { withBase } from './urls.ts';

const DEFAULT_BUNDLE_SIZE = 50_000;

/** Documents a bundle takes; SEARCH_BUNDLE_SIZE overrides it (tests use a small one). */
export function bundleSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SEARCH_BUNDLE_SIZE;
  if (raw === undefined || raw === '') return DEFAULT_BUNDLE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) throw new Error(`SEARCH_BUNDLE_SIZE=${JSON.stringify(raw)}: expected a positive integer`);
  return size;
}

/** The folder of bundle k, relative to the site root. */
export function bundleFolder(k: number): string {
  return k === 1 ? 'pagefind' : `pagefind-${k}`;
}

/** The bundle of each server id; a server's tools and hub are documents of its bundle. */
export function assignBundles(index: Pick<SiteIndex, 'servers'>, size: number): Map<string, number> {
  const assignment = new Map<string, number>();
  let bundle = 1;
  let inBundle = 0;
  for (const server of index.servers) {
    const documents = server.toolCount + 1;
    if (inBundle > 0 && inBundle + documents > size) {
      bundle += 1;
      inBundle = 0;
    }
    assignment.set(server.id, bundle);
    inBundle += documents;
  }
  return assignment;
}

/** How many bundles the index makes. */
export function bundleCount(index: Pick<SiteIndex, 'servers'>, size: number): number {
  return Math.max(1, ...assignBundles(index, size).values());
}

/** The URLs of the bundles after the first, for the search page to merge. */
export function extraBundleUrls(index: Pick<SiteIndex, 'servers'>, size: number): string[] {
  return Array.from({ length: bundleCount(index, size) - 1 }, (_, i) => withBase(`${bundleFolder(i + 2)}/`));
}
