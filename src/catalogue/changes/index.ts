/**
 * Change detection between pulls: fingerprint-based diffs and the change log the site
 * reads. Node-only (reads files).
 */
import { access } from 'node:fs/promises';
import { readCatalogueStream } from '../catalogue-reader.ts';
import { CatalogueError, describeLocation } from '../errors.ts';
import { openCatalogueFile } from '../pull/format.ts';
import { indexServer, type FingerprintIndex, type ServerTools } from './diff.ts';
import { ndjsonLines } from '../ndjson-lines.ts';

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
  CHANGE_LOG_NAME,
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
 * always writes NDJSON whatever the file is called.
 *
 * The previous catalogue is only a baseline, so its records are not validated against the
 * full schema (classifications and all, the bulk of the time at 500,000 tools): only the
 * id and the fingerprinted fields are read, with the schema's one default applied. A record
 * without an id or tools is left out with a warning rather than blocking the pull that
 * replaces it.
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

  if (format === 'json') {
    const records = readCatalogueStream(stream, {
      source: path,
      format,
      onInvalid: 'skip',
      ...(options.warn ? { warn: options.warn } : {}),
    });
    for await (const { server } of records) indexServer(index, server);
    return index;
  }

  const lines = ndjsonLines(stream);
  let lineNumber = 0;
  let sawHeader = false;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    if (!sawHeader) {
      sawHeader = true;
      continue;
    }
    const location = { source: path, line: lineNumber };
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      options.warn?.(new CatalogueError(`${describeLocation(location)}: invalid JSON (${(error as Error).message})`, location));
      continue;
    }
    const server = baselineServer(record);
    if (server) indexServer(index, server);
    else options.warn?.(new CatalogueError(`${describeLocation(location)}: not a server record with an id and tools`, location));
  }
  return index;
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
