/**
 * The Pagefind index of a built site: tools and servers from the catalogue (see
 * src/site/search-document.ts), editorial pages from their built HTML, in bundles of at
 * most SEARCH_BUNDLE_SIZE documents written one after another (src/site/search-bundles.ts).
 *
 * The catalogue's documents are written to a scratch folder, laid out as the site is, and
 * indexed with one `addDirectory`: Pagefind then parses them in parallel inside its own
 * process. Sent one by one over its API instead, the round trips and the one-at-a-time
 * parsing took 50 of the 74 seconds of a 100,000-tool index.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { loadSiteData, type SiteData } from '../../src/site/site-data.ts';
import { serverSearchDocument, toolSearchDocument } from '../../src/site/search-document.ts';
import { withBase } from '../../src/site/urls.ts';
import { assignBundles, bundleFolder, bundleSize } from '../../src/site/search-bundles.ts';


function check(what: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new Error(`pagefind, ${what}: ${response.errors.join('; ')}`);
}

/** The file of a page's search document: `/tools/x/` under the base becomes `tools/x/index.html`. */
function documentPath(root: string, url: string): string {
  return join(root, url.slice(withBase('').length), 'index.html');
}

/** Writes the documents of each bundle's servers under `<root>/<bundle>/`, laid out as the site. */
async function writeDocuments(root: string, data: Pick<SiteData, 'index' | 'serverById'>, bundleOf: Map<string, number>): Promise<void> {
  for (const server of data.index.servers) {
    const record = data.serverById.get(server.id)!;
    const folder = join(root, String(bundleOf.get(server.id)));
    const documents: [string, string][] = server.tools.map((entry) => [entry.url, toolSearchDocument(entry, record.tools[entry.position]!)]);
    documents.push([server.url, serverSearchDocument(server, record.description)]);
    await Promise.all(
      documents.map(async ([url, html]) => {
        const path = documentPath(folder, url);
        await mkdir(join(path, '..'), { recursive: true });
        await writeFile(path, html);
      }),
    );
  }
}

/**
 * Writes the catalogue's search documents under `scratch`, one folder per bundle, and
 * returns how many bundles. Run in a child process of its own (see `main` below), so that
 * the catalogue it loads is gone before Pagefind, the larger of the two, starts.
 */
export async function writeSearchDocuments(scratch: string, data: Pick<SiteData, 'index' | 'serverById'>): Promise<number> {
  const bundleOf = assignBundles(data.index, bundleSize());
  await writeDocuments(scratch, data, bundleOf);
  return Math.max(1, ...bundleOf.values());
}

/** Indexes the documents of each bundle (and, in bundle 1, the editorial pages), one bundle at a time. */
export async function indexBundles(scratch: string, outDir: string, bundles: number): Promise<void> {
  for (let bundle = 1; bundle <= bundles; bundle += 1) {
    // A fresh Pagefind process per bundle: one finished bundle's memory is given back.
    const { index: search, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!search) throw new Error(`pagefind: ${errors.join('; ')}`);
    try {
      const documents = join(scratch, String(bundle));
      if (await stat(documents).then(() => true, () => false)) {
        check(`catalogue documents, bundle ${bundle}`, await search.addDirectory({ path: documents }));
      }
      if (bundle === 1) {
        for (const section of ['attacks', 'docs']) {
          check(section, await search.addDirectory({ path: outDir, glob: `${section}/**/*.html` }));
        }
      }
      check('write', await search.writeFiles({ outputPath: join(outDir, bundleFolder(bundle)) }));
    } finally {
      await pagefind.close();
    }
    await rm(join(scratch, String(bundle)), { recursive: true, force: true });
  }
}

/** `node scripts/build/search-index.ts <scratch>`: loads the site data, writes the documents, prints the bundle count. */
if (import.meta.main) {
  const data = await loadSiteData({ ...process.env, SHARD: undefined });
  console.log(JSON.stringify({ bundles: await writeSearchDocuments(process.argv[2]!, data), tools: data.index.toolCount, servers: data.index.servers.length }));
}
