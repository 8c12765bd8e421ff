/**
 * The Pagefind index of a built site: tools and servers from the catalogue (see
 * src/site/search-document.ts), editorial pages from their built HTML. Documents go to
 * Pagefind's indexer many at a time: one at a time, the round trips to its process
 * dominate at 100,000 tools.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SiteData } from '../../src/site/site-data.ts';
import { serverSearchDocument, toolSearchDocument } from '../../src/site/search-document.ts';

/** Documents in flight at once. */
const IN_FLIGHT = 64;

export interface SearchIndexResult {
  tools: number;
  servers: number;
  outputPath: string;
}

function check(what: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new Error(`pagefind, ${what}: ${response.errors.join('; ')}`);
}

export async function buildSearchIndex(outDir: string, data: Pick<SiteData, 'index' | 'serverById'>): Promise<SearchIndexResult> {
  const { index, serverById } = data;
  const { index: search, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!search) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    let pending: Promise<void>[] = [];
    const add = async (url: string, content: string): Promise<void> => {
      pending.push(search.addHTMLFile({ url, content }).then((response) => check(url, response)));
      if (pending.length >= IN_FLIGHT) {
        const batch = pending;
        pending = [];
        await Promise.all(batch);
      }
    };
    for (const server of index.servers) {
      const record = serverById.get(server.id)!;
      for (const entry of server.tools) await add(entry.url, toolSearchDocument(entry, record.tools[entry.position]!));
      await add(server.url, serverSearchDocument(server, record.description));
    }
    await Promise.all(pending);
    for (const section of ['attacks', 'docs']) {
      check(section, await search.addDirectory({ path: outDir, glob: `${section}/**/*.html` }));
    }
    const outputPath = join(outDir, 'pagefind');
    check('write', await search.writeFiles({ outputPath }));
    return { tools: index.toolCount, servers: index.servers.length, outputPath };
  } finally {
    await pagefind.close();
  }
}
