/**
 * Node-only: streams catalogue records out of a file or any byte stream, one server at a
 * time, so that a catalogue of 500,000 tools never sits in one string.
 * The pure validation lives in parse-record.ts.
 */
import type { Readable } from 'node:stream';
import { parser } from 'stream-json';
import type { Token } from 'stream-json/parser.js';
import Assembler from 'stream-json/assembler.js';
import { CatalogueError, type RecordLocation } from './errors.ts';
import { openCatalogue, type CatalogueFormat } from './format.ts';
import { ndjsonRecords } from './ndjson-records.ts';
import { parseHeader, parseServerRecord } from './parse-record.ts';
import type { CatalogueHeader } from '../schema/catalogue.ts';
import type { Server } from '../schema/server.ts';

export type { CatalogueFormat };

export interface CatalogueRecord {
  server: Server;
  location: RecordLocation;
}

export interface ReadOptions {
  /** Name of the source for error messages (path or URL). */
  source: string;
  format: CatalogueFormat;
  /**
   * What to do with a record that breaks the schema: `throw` (default; a pull refuses the
   * whole catalogue) or `skip` (the build warns, names the record, and goes on).
   */
  onInvalid?: 'throw' | 'skip';
  /** Called with each skipped record's error when `onInvalid` is `skip`. */
  warn?: (error: CatalogueError) => void;
  /** Called once the header has been read. */
  onHeader?: (header: CatalogueHeader) => void;
}

/** Reads every server record of a catalogue stream, validated, in file order. */
export async function* readCatalogueStream(
  input: Readable,
  options: ReadOptions,
): AsyncGenerator<CatalogueRecord> {
  const records = options.format === 'ndjson' ? ndjsonValues(input, options) : jsonValues(input, options);
  for await (const { value, location } of records) {
    try {
      yield { server: parseServerRecord(value, location), location };
    } catch (error) {
      if (options.onInvalid !== 'skip' || !(error instanceof CatalogueError)) throw error;
      options.warn?.(error);
    }
  }
}

interface RawRecord {
  value: unknown;
  location: RecordLocation;
}

async function* ndjsonValues(input: Readable, options: ReadOptions): AsyncGenerator<RawRecord> {
  let sawHeader = false;
  const records = ndjsonRecords(input, {
    source: options.source,
    // A line that is not JSON is one more invalid record; the header line never is.
    onInvalidLine: (error, isHeader) => {
      if (isHeader || options.onInvalid !== 'skip') throw error;
      options.warn?.(error);
    },
  });
  for await (const { value, location, isHeader } of records) {
    if (isHeader) {
      // Parsed even without a listener (`f?.(x)` would skip evaluating x): a file of
      // another format must be refused.
      const header = parseHeader(value, location);
      options.onHeader?.(header);
      sawHeader = true;
      continue;
    }
    yield { value, location };
  }
  if (!sawHeader) {
    throw new CatalogueError(`${options.source}: empty catalogue (no header line)`, { source: options.source });
  }
}

async function* jsonValues(input: Readable, options: ReadOptions): AsyncGenerator<RawRecord> {
  const tokens = input.pipe(parser.asStream()) as AsyncIterable<Token>;
  input.on('error', (error) => (tokens as unknown as Readable).destroy(error));
  // The header is the top level's scalar fields; `servers` holds the records, each
  // assembled on its own so only one record is ever in memory.
  const header: Record<string, unknown> = {};
  let depth = 0;
  let key: string | undefined;
  let inServers = false;
  let index = 0;
  let record: Assembler | undefined;
  let headerChecked = false;
  const checkHeader = (): void => {
    if (headerChecked) return;
    headerChecked = true;
    const parsed = parseHeader(header, { source: options.source });
    options.onHeader?.(parsed);
  };
  try {
    for await (const token of tokens) {
      if (record) {
        record.consume(token);
        if (record.done) {
          yield { value: record.current, location: { source: options.source, index } };
          index += 1;
          record = undefined;
        }
        continue;
      }
      switch (token.name) {
        case 'startObject':
        case 'startArray':
          if (inServers && depth === 2) {
            record = new Assembler();
            record.consume(token);
            continue;
          }
          depth += 1;
          if (depth === 2 && key === 'servers' && token.name === 'startArray') {
            checkHeader();
            inServers = true;
          }
          break;
        case 'endObject':
        case 'endArray':
          depth -= 1;
          if (inServers && depth === 1) inServers = false;
          break;
        case 'keyValue':
          if (depth === 1) key = String(token.value);
          break;
        case 'stringValue':
        case 'numberValue':
        case 'trueValue':
        case 'falseValue':
        case 'nullValue':
          if (inServers && depth === 2) {
            yield { value: token.value ?? null, location: { source: options.source, index } };
            index += 1;
          } else if (depth === 1 && key !== undefined) {
            header[key] = token.name === 'numberValue' ? Number(token.value) : token.value;
          }
          break;
      }
    }
  } catch (error) {
    if (error instanceof CatalogueError) throw error;
    // A system error (ENOENT, ECONNRESET, ...) is the input failing, not the JSON.
    const cause = (error as NodeJS.ErrnoException).code ? 'could not read the catalogue' : 'invalid JSON';
    throw new CatalogueError(
      `${options.source}: ${cause} after ${index} record(s) (${(error as Error).message})`,
      { source: options.source, index },
    );
  }
  if (depth !== 0 || record) {
    throw new CatalogueError(`${options.source}: truncated JSON after ${index} record(s)`, {
      source: options.source,
      index,
    });
  }
  checkHeader();
}

/**
 * Opens a catalogue file and reads its records. The format comes from the file's content
 * (see `openCatalogue`), never from its name: a pull writes NDJSON whatever the file is
 * called, and any name must read back.
 */
export async function* readCatalogueFile(
  path: string,
  options: Omit<ReadOptions, 'source' | 'format'> & { format?: CatalogueFormat },
): AsyncGenerator<CatalogueRecord> {
  const { stream, format } = await openCatalogue(path, options.format);
  yield* readCatalogueStream(stream, { ...options, source: path, format });
}
