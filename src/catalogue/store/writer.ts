/**
 * Node-only: writes a catalogue as NDJSON, atomically. The new file is staged beside the
 * old one, flushed to disk and renamed over it, so a reader (or a failed write, or a crash
 * just after the rename) never sees half a file.
 */
import { CATALOGUE_FORMAT_VERSION, type CatalogueHeader } from '../schema/catalogue.ts';
import type { Server } from '../schema/server.ts';
import { commit, discard, stageFile } from './atomic.ts';

export function catalogueHeader(fields: Omit<CatalogueHeader, 'format' | 'version'>): CatalogueHeader {
  return { format: 'mcp-tool-catalogue', version: CATALOGUE_FORMAT_VERSION, ...fields };
}

async function* catalogueLines(
  header: CatalogueHeader,
  servers: Iterable<Server> | AsyncIterable<Server>,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for await (const server of servers) yield `${JSON.stringify(server)}\n`;
}

/**
 * Writes `servers` as NDJSON to a staging file beside `path`, flushed to disk, and returns
 * the staging path, for a caller that renames it in together with other files. On any
 * error nothing is left behind.
 */
export function stageCatalogue(
  path: string,
  header: CatalogueHeader,
  servers: Iterable<Server> | AsyncIterable<Server>,
  tag = 'catalogue',
): Promise<string> {
  return stageFile(path, catalogueLines(header, servers), { tag });
}

/**
 * Writes `servers` to `path` as NDJSON (header line, then one server a line).
 * Returns once the file is in place; on any error the previous file is untouched.
 */
export async function writeCatalogueAtomically(
  path: string,
  header: CatalogueHeader,
  servers: Iterable<Server> | AsyncIterable<Server>,
): Promise<void> {
  const staged = await stageCatalogue(path, header, servers);
  try {
    await commit([[staged, path]]);
  } catch (error) {
    await discard([staged]);
    throw error;
  }
}
