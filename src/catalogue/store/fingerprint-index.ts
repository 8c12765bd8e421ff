/**
 * The previous catalogue as a change-detection baseline: every tool's fingerprint, read
 * without the full validation a pull or a build does.
 */
import { access } from 'node:fs/promises';
import { indexServer, type FingerprintIndex, type ServerTools } from '../changes/diff.ts';
import { CatalogueError, describeLocation } from './errors.ts';
import { openCatalogue } from './format.ts';
import { ndjsonRecords } from './ndjson-records.ts';
import { readCatalogueStream } from './reader.ts';
import { packageIdentity } from '../schema/server.ts';

/**
 * Streams a catalogue file into a fingerprint index; a missing file gives an empty index
 * (so a first pull records every tool as added).
 *
 * The previous catalogue is only a baseline, so its NDJSON records are not validated
 * against the full schema (classifications and all, the bulk of the time at 500,000
 * tools): only the id and the fingerprinted fields are read, with the schema's one default
 * applied. A record without an id or tools is left out with a warning rather than
 * blocking the pull that replaces it.
 */
export async function readFingerprintIndex(
  path: string,
  options: {
    warn?: (error: CatalogueError) => void;
    signal?: AbortSignal;
    /** Filled with each server's package identity (`npm:@scope/name`, or undefined). */
    packages?: Map<string, string | undefined>;
  } = {},
): Promise<FingerprintIndex> {
  const index: FingerprintIndex = new Map();
  try {
    await access(path);
  } catch {
    return index;
  }
  const { stream, format } = await openCatalogue(path);
  const stop = (): void => {
    stream.destroy(new Error(`${path}: reading the previous catalogue was cancelled`));
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  stream.once('close', () => options.signal?.removeEventListener('abort', stop));
  const warn = options.warn ?? (() => {});

  if (format === 'json') {
    const records = readCatalogueStream(stream, { source: path, format, onInvalid: 'skip', warn });
    for await (const { server } of records) {
      indexServer(index, server);
      options.packages?.set(server.id, packageIdentity(server.package));
    }
    return index;
  }

  for await (const { value, location, isHeader } of ndjsonRecords(stream, { source: path, onInvalidLine: warn })) {
    if (isHeader) continue;
    const server = baselineServer(value);
    if (server) {
      indexServer(index, server);
      options.packages?.set(server.id, packageOf(value));
    }
    else warn(new CatalogueError(`${describeLocation(location)}: not a server record with an id and tools`, location));
  }
  return index;
}

/** The package identity of a raw record, read as leniently as the rest of the baseline. */
function packageOf(record: unknown): string | undefined {
  const pkg = (record as { package?: { registry?: unknown; identifier?: unknown } }).package;
  return pkg && typeof pkg.registry === 'string' && typeof pkg.identifier === 'string'
    ? packageIdentity({ registry: pkg.registry, identifier: pkg.identifier })
    : undefined;
}

/** The id and tools of a record, with tools' `inputSchema` defaulted as the schema does. */
function baselineServer(record: unknown): ServerTools | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const { id, tools } = record as { id?: unknown; tools?: unknown };
  if (typeof id !== 'string' || !Array.isArray(tools)) return undefined;
  const named: ServerTools['tools'][number][] = [];
  for (const tool of tools) {
    if (tool === null || typeof tool !== 'object' || typeof (tool as { name?: unknown }).name !== 'string') return undefined;
    const t = tool as ServerTools['tools'][number];
    named.push(t.inputSchema === undefined ? { ...t, inputSchema: { type: 'object' } } : t);
  }
  return { id, tools: named };
}
