/**
 * Change detection between pulls: fingerprint-based diffs and the change log the site
 * reads. Node-only (reads files).
 */
import { access } from 'node:fs/promises';
import { readCatalogueStream } from '../catalogue-reader.ts';
import type { CatalogueError } from '../errors.ts';
import { openCatalogueFile } from '../pull/format.ts';
import { indexServer, type FingerprintIndex } from './diff.ts';

export {
  ChangeDetector,
  diffCatalogues,
  fingerprintIndex,
  fingerprintIndexAsync,
  indexServer,
  splitToolKey,
  toolKey,
  type CatalogueDiff,
  type ChangeKind,
  type DiffCounts,
  type FingerprintIndex,
  type ServerTools,
  type ToolChange,
} from './diff.ts';
export {
  ChangeLog,
  changeLogLine,
  loadChangeLog,
  parseChangeLogLine,
  type ChangeEntry,
  type LastChange,
  type LoadChangeLogOptions,
  type PullRecord,
} from './change-log.ts';

/**
 * Streams a catalogue file into a fingerprint index; a missing file gives an empty index
 * (so a first pull records every tool as added). The format is sniffed, since the writer
 * always writes NDJSON whatever the file is called. Records that no longer validate are
 * left out with a warning: the previous catalogue is only a baseline, and refusing it
 * would block the pull that replaces it.
 */
export async function readFingerprintIndex(
  path: string,
  options: { warn?: (error: CatalogueError) => void; signal?: AbortSignal } = {},
): Promise<FingerprintIndex> {
  const index: FingerprintIndex = new Map();
  try {
    await access(path);
  } catch {
    return index;
  }
  const { stream, format } = await openCatalogueFile(path, 'sniff');
  const stop = (): void => {
    stream.destroy(new Error(`${path}: reading the previous catalogue was cancelled`));
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  stream.once('close', () => options.signal?.removeEventListener('abort', stop));
  const records = readCatalogueStream(stream, {
    source: path,
    format,
    onInvalid: 'skip',
    ...(options.warn ? { warn: options.warn } : {}),
  });
  for await (const { server } of records) indexServer(index, server);
  return index;
}
