/**
 * The search index in parts. Pagefind holds a whole index in memory while it writes it,
 * about 28 KB a document: 2.8 GB for 100,000 tools, 14 GB for 500,000. So the catalogue's
 * documents go into bundles of at most SEARCH_BUNDLE_SIZE documents, written one after
 * another (so only one is in memory), and the search page merges them at query time with
 * Pagefind's `mergeIndex`, which ranks the results of all bundles together.
 *
 * Bundle 1 is `pagefind/` and also holds the editorial pages; bundle k is `pagefind-k/`.
 * Documents fill the bundles in the order they are written, `SEARCH_BUNDLE_SIZE` each, so
 * the number of bundles follows from the number of documents alone.
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

/** How many bundles `documents` catalogue documents make. */
export function bundleCount(documents: number, size: number): number {
  return Math.max(1, Math.ceil(documents / size));
}

/** The bundle of the n-th catalogue document (0-based), in the order they are written. */
export function bundleOfDocument(n: number, size: number): number {
  return Math.floor(n / size) + 1;
}

/** The URLs of the bundles after the first, for the search page to merge. */
export function extraBundleUrls(index: Pick<SiteIndex, 'servers' | 'toolCount'>, size: number): string[] {
  const count = bundleCount(index.toolCount + index.servers.length, size);
  return Array.from({ length: count - 1 }, (_, i) => withBase(`${bundleFolder(i + 2)}/`));
}
