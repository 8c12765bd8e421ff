/**
 * The change log's file beside the catalogue: where it lives and how it is read. What a
 * line means, and how a diff becomes one, is the domain's (changes/change-log.ts).
 */
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { ChangeLog, parseChangeLogLine, type ChangeEntry, type LoadChangeLogOptions, type PullRecord } from '../changes/change-log.ts';
import { ndjsonLines } from './ndjson-lines.ts';

/** The change log's file name, beside the catalogue. */
export const CHANGE_LOG_NAME = 'changes.ndjson';

/** The change log that belongs to a catalogue file. */
export function changeLogPathOf(cataloguePath: string): string {
  return join(dirname(cataloguePath), CHANGE_LOG_NAME);
}

/**
 * Reads a change log. A missing file is an empty log: a site built before its first pull
 * has no changes to show.
 */
export async function loadChangeLog(path: string, options: LoadChangeLogOptions = {}): Promise<ChangeLog> {
  const pulls: PullRecord[] = [];
  const entriesByPull: ChangeEntry[][] = [];
  let lineNumber = 0;
  try {
    for await (const line of ndjsonLines(createReadStream(path))) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      try {
        const { pull, entries } = parseChangeLogLine(line, `${path}, line ${lineNumber}`);
        pulls.push(pull);
        entriesByPull.push(entries);
      } catch (error) {
        if (options.onInvalid !== 'skip') throw error;
        options.warn?.((error as Error).message);
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new ChangeLog([], []);
    throw error;
  }
  return new ChangeLog(pulls, entriesByPull);
}
