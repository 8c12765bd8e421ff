/**
 * Node-only: reads the catalogue the site is built from. Invalid records are skipped
 * with a warning that names them, so one bad server never stops the build; the rules:
 * - a record that breaks the schema is skipped (the warning names the line and field);
 * - a second record with an id or slug already seen is skipped (the first one wins);
 * - tools without a classification are classified here, with the one engine.
 */
import { readCatalogueFile } from '../catalogue/store/reader.ts';
import { ensureClassified } from '../catalogue/classify/ensure-classified.ts';
import { describeLocation } from '../catalogue/store/errors.ts';
import { serverSlugOf } from '../catalogue/slug.ts';
import type { ClassifiedServer } from './site-index.ts';

export interface LoadedCatalogue {
  servers: ClassifiedServer[];
  warnings: string[];
}

export async function loadSiteCatalogue(path: string): Promise<LoadedCatalogue> {
  const warnings: string[] = [];
  const servers: ClassifiedServer[] = [];
  const seenIds = new Set<string>();
  const seenSlugs = new Set<string>();
  const records = readCatalogueFile(path, {
    onInvalid: 'skip',
    warn: (error) => warnings.push(`skipped invalid record: ${error.message}`),
  });
  for await (const { server, location } of records) {
    const slug = serverSlugOf(server);
    if (seenIds.has(server.id) || seenSlugs.has(slug)) {
      warnings.push(
        `skipped duplicate server: ${describeLocation(location)} repeats the id or slug "${server.id}" of an earlier record`,
      );
      continue;
    }
    seenIds.add(server.id);
    seenSlugs.add(slug);
    servers.push(ensureClassified(server) as ClassifiedServer);
  }
  return { servers, warnings };
}
