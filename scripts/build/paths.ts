import { join, resolve } from 'node:path';
import { withBase } from '../../src/site/urls.ts';

/** The project's root folder. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Where a local sharded build keeps its shards: inside the project, as Astro requires. */
export const SHARDS_DIR = resolve(ROOT, '.build');

/** The file in `outDir` of a site path under the base: `/tools/x/index.html.md` (encoded as urls.ts makes it). */
export function fileOfSitePath(outDir: string, path: string): string {
  return join(outDir, decodeURIComponent(path.slice(withBase('').length)));
}
