/**
 * Node-only: writes a catalogue as NDJSON, atomically. The new file is written beside the
 * old one and renamed over it, so a reader (or a failed write) never sees half a file.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { CATALOGUE_FORMAT_VERSION, type CatalogueHeader } from './schema/catalogue.ts';
import type { Server } from './schema/server.ts';

export function catalogueHeader(fields: Omit<CatalogueHeader, 'format' | 'version'>): CatalogueHeader {
  return { format: 'mcp-tool-catalogue', version: CATALOGUE_FORMAT_VERSION, ...fields };
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
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const out = createWriteStream(temporary, { encoding: 'utf8' });
  // Without a listener, a write still in flight when the stream is destroyed below would
  // raise an unhandled 'error' and end the process; the error is rethrown from here instead.
  let failure: Error | undefined;
  out.on('error', (error) => {
    failure ??= error;
  });
  try {
    const write = async (line: string): Promise<void> => {
      if (failure) throw failure;
      if (!out.write(line)) await once(out, 'drain');
    };
    await write(`${JSON.stringify(header)}\n`);
    for await (const server of servers) await write(`${JSON.stringify(server)}\n`);
    out.end();
    await finished(out);
    await rename(temporary, path);
  } catch (error) {
    out.destroy();
    // The file may still be being opened: remove it only once the stream has let go of it,
    // or it would appear after the removal.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await rm(temporary, { force: true });
    throw error;
  }
}
