/** The tool and server names of a catalogue, for drawing search query sets from. */
import { readCatalogueFile } from '../../src/catalogue/store/reader.ts';
import { serverSlugOf } from '../../src/catalogue/slug.ts';
import type { CatalogueNames } from './query-sets.ts';

export async function catalogueNames(path: string): Promise<CatalogueNames> {
  const names: CatalogueNames = { tools: [], servers: [] };
  for await (const { server } of readCatalogueFile(path, { onInvalid: 'skip', warn: () => {} })) {
    for (const tool of server.tools) names.tools.push(tool.name);
    names.servers.push({ name: server.name, path: `/tools/${serverSlugOf(server)}/`, ...(server.package ? { packageId: server.package.identifier } : {}) });
  }
  return names;
}
