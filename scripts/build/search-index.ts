/**
 * The Pagefind index of a built site: tools and servers from the catalogue (see
 * src/site/search-document.ts), editorial pages from their built HTML.
 *
 * The catalogue's documents are written to a scratch folder, laid out as the site is, and
 * indexed with one `addDirectory`: Pagefind then parses them in parallel inside its own
 * process. Sent one by one over its API instead, the round trips and the one-at-a-time
 * parsing took 50 of the 74 seconds of a 100,000-tool index.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SiteData } from '../../src/site/site-data.ts';
import { serverSearchDocument, toolSearchDocument } from '../../src/site/search-document.ts';
import { withBase } from '../../src/site/urls.ts';

export interface SearchIndexResult {
  tools: number;
  servers: number;
  outputPath: string;
}

function check(what: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new Error(`pagefind, ${what}: ${response.errors.join('; ')}`);
}

/** The file of a page's search document: `/tools/x/` under the base becomes `tools/x/index.html`. */
function documentPath(root: string, url: string): string {
  return join(root, url.slice(withBase('').length), 'index.html');
}

async function writeDocuments(root: string, data: Pick<SiteData, 'index' | 'serverById'>): Promise<void> {
  for (const server of data.index.servers) {
    const record = data.serverById.get(server.id)!;
    const documents: [string, string][] = server.tools.map((entry) => [entry.url, toolSearchDocument(entry, record.tools[entry.position]!)]);
    documents.push([server.url, serverSearchDocument(server, record.description)]);
    await Promise.all(
      documents.map(async ([url, html]) => {
        const path = documentPath(root, url);
        await mkdir(join(path, '..'), { recursive: true });
        await writeFile(path, html);
      }),
    );
  }
}

export async function buildSearchIndex(outDir: string, data: Pick<SiteData, 'index' | 'serverById'>): Promise<SearchIndexResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'search-documents-'));
  try {
    await writeDocuments(scratch, data);
    const { index: search, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!search) throw new Error(`pagefind: ${errors.join('; ')}`);
    try {
      check('catalogue documents', await search.addDirectory({ path: scratch }));
      for (const section of ['attacks', 'docs']) {
        check(section, await search.addDirectory({ path: outDir, glob: `${section}/**/*.html` }));
      }
      const outputPath = join(outDir, 'pagefind');
      check('write', await search.writeFiles({ outputPath }));
      return { tools: data.index.toolCount, servers: data.index.servers.length, outputPath };
    } finally {
      await pagefind.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
