/**
 * Builds the Pagefind index after `astro build`: tools and servers from the catalogue
 * (see src/site/search-document.ts), editorial pages from their built HTML.
 * Usage: node scripts/build-search-index.ts [outDir]
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { loadSiteData } from '../src/site/site-data.ts';
import { serverSearchDocument, toolSearchDocument } from '../src/site/search-document.ts';

const outDir = process.argv[2] ?? process.env.OUT_DIR ?? 'dist';
const { index, serverById } = await loadSiteData();

const { index: search, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!search) throw new Error(`pagefind: ${errors.join('; ')}`);

function check(what: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new Error(`pagefind, ${what}: ${response.errors.join('; ')}`);
}

for (const entry of index.toolByPath.values()) {
  const tool = serverById.get(entry.serverId)!.tools[entry.position]!;
  check(entry.url, await search.addHTMLFile({ url: entry.url, content: toolSearchDocument(entry, tool) }));
}
for (const server of index.servers) {
  const description = serverById.get(server.id)!.description;
  check(server.url, await search.addHTMLFile({ url: server.url, content: serverSearchDocument(server, description) }));
}
for (const section of ['attacks', 'docs']) {
  check(section, await search.addDirectory({ path: outDir, glob: `${section}/**/*.html` }));
}
check('write', await search.writeFiles({ outputPath: join(outDir, 'pagefind') }));
await pagefind.close();
console.log(`search index: ${index.toolCount} tools, ${index.servers.length} servers, written to ${join(outDir, 'pagefind')}`);
