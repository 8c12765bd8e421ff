import type { Readable } from 'node:stream';
import { CatalogueError, describeLocation, type RecordLocation } from './errors.ts';
import { ndjsonLines } from './ndjson-lines.ts';

/** One parsed line of an NDJSON catalogue, with where it sits. */
export interface NdjsonRecord {
  value: unknown;
  location: RecordLocation;
  /** The first non-blank line: the catalogue header, not a server. */
  isHeader: boolean;
}

export interface NdjsonRecordOptions {
  /** The file or URL, for messages. */
  source: string;
  /**
   * Called with a line that is not JSON. Without it such a line ends the stream with that
   * error; with it, the line is dropped (a header that is not JSON still counts as read)
   * and the stream goes on, unless the callback throws.
   */
  onInvalidLine?: ((error: CatalogueError, isHeader: boolean) => void) | undefined;
}

/**
 * The one NDJSON loop of the catalogue: blank lines skipped, every other line parsed as
 * JSON and located by its 1-based line number. The validating reader and the lighter
 * fingerprint read both sit on it, so they can never disagree on what a line is.
 */
export async function* ndjsonRecords(input: Readable, options: NdjsonRecordOptions): AsyncGenerator<NdjsonRecord> {
  let lineNumber = 0;
  let sawHeader = false;
  for await (const line of ndjsonLines(input)) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const location = { source: options.source, line: lineNumber };
    const isHeader = !sawHeader;
    sawHeader = true;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const invalid = new CatalogueError(`${describeLocation(location)}: invalid JSON (${(error as Error).message})`, location);
      if (!options.onInvalidLine) throw invalid;
      options.onInvalidLine(invalid, isHeader);
      continue;
    }
    yield { value, location, isHeader };
  }
}
