/**
 * Adds a server record to a catalogue file, or replaces the record with the same id in
 * place, rewriting the file atomically (streamed: the catalogue is never all in memory).
 * The change is recorded in the change log exactly as a pull records one; the pull state
 * is left alone, since it describes what the last pull of each source produced.
 */
import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readCatalogueStream } from '../store/reader.ts';
import { catalogueHeader } from '../store/writer.ts';
import type { FingerprintIndex } from '../changes/diff.ts';
import { readFingerprintIndex } from '../store/fingerprint-index.ts';
import { CatalogueError, describeLocation } from '../store/errors.ts';
import type { ReplacedServer } from '../changes/change-log.ts';
import { replacementConflict } from './identity.ts';
import type { CatalogueHeader } from '../schema/catalogue.ts';
import type { Server } from '../schema/server.ts';
import { Admission } from '../admission.ts';
import { openCatalogue } from '../store/format.ts';
import { lockFolder } from '../store/lock.ts';
import { publishCatalogue } from '../store/publish.ts';

/** What the change log names as the origin of a captured record. */
const CAPTURE_SOURCE = 'capture';

export interface AddResult {
  /** True when a record with the same id was replaced, false when the server was appended. */
  replaced: boolean;
  /** Servers in the catalogue afterwards. */
  servers: number;
}

export interface AddOptions {
  now?: () => Date;
  /**
   * The id of a record the capture may replace although it is another server (another
   * package, or a record that did not come from a capture): the user's say-so.
   */
  replace?: string | undefined;
}

export async function addToCatalogue(path: string, server: Server, options: AddOptions = {}): Promise<AddResult> {
  const out = resolve(path);
  const now = options.now ?? (() => new Date());
  const release = await lockFolder(dirname(out));
  const replacements: ReplacedServer[] = [];
  const publish = (header: CatalogueHeader, servers: Iterable<Server> | AsyncIterable<Server>, previous: FingerprintIndex = new Map()) =>
    publishCatalogue({ out, header, servers, previous, source: CAPTURE_SOURCE, now, tag: 'capture', replaced: () => replacements });
  try {
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      const admitted = new Admission({ onDuplicate: 'refuse' }).admit(server, { source: CAPTURE_SOURCE })!;
      await publish(catalogueHeader({ generated: now().toISOString(), source: CAPTURE_SOURCE }), [admitted]);
      return { replaced: false, servers: 1 };
    }

    const previous = await readFingerprintIndex(path);
    const { stream, format } = await openCatalogue(path);
    let header: CatalogueHeader | undefined;
    // A catalogue with a broken record is refused rather than silently rewritten without it.
    const records = readCatalogueStream(stream, {
      source: path,
      format,
      onInvalid: 'throw',
      onHeader: (value) => {
        header = value;
      },
    });
    const iterator = records[Symbol.asyncIterator]();
    let next = await iterator.next();
    if (!header) throw new CatalogueError(`${path}: no catalogue header`, { source: path });
    // The captured server claims its id and slug first: a record with its id is the one
    // it replaces, and any other record on its slug is refused.
    const admission = new Admission({ onDuplicate: 'refuse' });
    const captured = admission.reserve(server, `the captured server ${JSON.stringify(server.id)}`, 'give the capture another --id');
    let replaced = false;
    let count = 0;
    async function* merged(): AsyncGenerator<Server> {
      while (!next.done) {
        const { server: existing, location } = next.value;
        if (existing.id === server.id) {
          // A record of another server is replaced only when the user says so; refused,
          // the catalogue stays byte for byte as it was (nothing is renamed into place).
          const conflict = replacementConflict(existing, captured);
          if (conflict && options.replace !== server.id) {
            throw new CatalogueError(
              `${describeLocation(location)} (server ${JSON.stringify(existing.id)}): the captured server has this id but is not this record: ${conflict}. ` +
                `Give the capture another --id, or --replace ${existing.id} to replace the record`,
              location,
            );
          }
          if (conflict) replacements.push({ server: existing.id, reason: conflict });
          if (!replaced) {
            count += 1;
            yield captured;
          }
          replaced = true;
        } else {
          count += 1;
          yield admission.admit(existing, location)!;
        }
        next = await iterator.next();
      }
      if (!replaced) {
        count += 1;
        yield captured;
      }
    }
    await publish(header, merged(), previous);
    return { replaced, servers: count };
  } finally {
    await release();
  }
}
