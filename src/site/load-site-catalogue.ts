/**
 * Node-only: reads the catalogue the site is built from. One bad server never stops the
 * build: a record that breaks the schema is skipped with a warning naming the line and
 * field, and a duplicate id or slug is skipped under the one admission rule (the first
 * record wins), which also classifies what is unclassified or stale.
 */
import { Admission } from '../catalogue/admission.ts';
import type { ClassifiedServer } from '../catalogue/schema/server.ts';
import { readCatalogueFile } from '../catalogue/store/reader.ts';

/** The admitted servers, classified, in file order, streamed; warnings go to `warnings`. */
export async function* admittedServers(path: string, warnings: string[]): AsyncGenerator<ClassifiedServer> {
  const admission = new Admission({ onDuplicate: 'skip', warn: (message) => warnings.push(message) });
  const records = readCatalogueFile(path, {
    onInvalid: 'skip',
    warn: (error) => warnings.push(`skipped invalid record: ${error.message}`),
  });
  for await (const { server, location } of records) {
    const admitted = admission.admit(server, location);
    if (admitted) yield admitted;
  }
}

export interface LoadedCatalogue {
  servers: ClassifiedServer[];
  warnings: string[];
}

/** Every admitted server in memory, for tests and tools that need the whole list. */
export async function loadSiteCatalogue(path: string): Promise<LoadedCatalogue> {
  const warnings: string[] = [];
  const servers: ClassifiedServer[] = [];
  for await (const server of admittedServers(path, warnings)) servers.push(server);
  return { servers, warnings };
}
