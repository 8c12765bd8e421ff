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
import { copyFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { loadSiteConfig } from '../../src/config/site-config.ts';
import { admittedServers } from '../../src/site/load-site-catalogue.ts';
import { SiteIndexBuilder } from '../../src/site/site-index.ts';
import { serverSearchDocument, toolSearchDocument } from '../../src/site/search-document.ts';
import { VocabularyBuilder, VOCABULARY_FILE } from '../../src/site/search-vocabulary.ts';
import { fileOfSitePath } from './paths.ts';
import { bundleCount, bundleFolder, bundleOfDocument, bundleSize } from '../../src/site/search-bundles.ts';

/** Document writes in flight at once. */
const WRITES_IN_FLIGHT = 512;

function check(what: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new Error(`pagefind, ${what}: ${response.errors.join('; ')}`);
}

/**
 * Streams the catalogue and writes each tool's and server's search document under
 * `<scratch>/<bundle>/`, laid out as the site is, dropping each record once written. Run
 * in a child process of its own (scripts/build.ts), so that nothing of the catalogue is
 * in memory when Pagefind, the larger of the two, starts. Returns the counts.
 */
export async function writeSearchDocuments(scratch: string, cataloguePath: string): Promise<{ bundles: number; tools: number; servers: number }> {
  const size = bundleSize();
  const warnings: string[] = [];
  const builder = new SiteIndexBuilder();
  const vocabulary = new VocabularyBuilder();
  let documents = 0;
  let tools = 0;
  let servers = 0;
  const pending: Promise<void>[] = [];
  for await (const server of admittedServers(cataloguePath, warnings)) {
    const entry = builder.add(server);
    for (const tool of entry.tools) vocabulary.add(tool.name);
    vocabulary.add(`${entry.name} ${entry.id} ${entry.packageLabel ?? ''}`);
    const pages: [string, string][] = entry.tools.map((tool) => [tool.url, toolSearchDocument(tool, server.tools[tool.position]!)]);
    pages.push([entry.url, serverSearchDocument(entry, server.description)]);
    for (const [i, [url, html]] of pages.entries()) {
      const path = fileOfSitePath(join(scratch, String(bundleOfDocument(documents + i, size))), `${url}index.html`);
      pending.push(mkdir(join(path, '..'), { recursive: true }).then(() => writeFile(path, html)));
    }
    // Writes overlap across servers, a bounded number at a time.
    if (pending.length >= WRITES_IN_FLIGHT) await Promise.all(pending.splice(0));
    documents += pages.length;
    tools += entry.toolCount;
    servers += 1;
  }
  await Promise.all(pending);
  await writeFile(join(scratch, VOCABULARY_FILE), vocabulary.toJson());
  return { bundles: bundleCount(documents, size), tools, servers };
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
  // The words of every name, for the search page to correct a typo with.
  await mkdir(join(outDir, 'search'), { recursive: true });
  await copyFile(join(scratch, VOCABULARY_FILE), join(outDir, 'search', VOCABULARY_FILE));
}

/** `node scripts/build/search-index.ts <scratch>`: writes the documents of the configured catalogue, prints the counts. */
if (import.meta.main) {
  console.log(JSON.stringify(await writeSearchDocuments(process.argv[2]!, loadSiteConfig(process.env).cataloguePath)));
}
