import { catalogueHeaderSchema, type CatalogueHeader } from '../schema/catalogue.ts';
import { serverSchema, type Server } from '../schema/server.ts';
import { describeIssue } from '../issues.ts';
import { CatalogueError, describeLocation, formatRecordIssues, type RecordLocation } from './errors.ts';

/** Validates one server record; throws a CatalogueError that names the record and field. */
export function parseServerRecord(value: unknown, location: RecordLocation): Server {
  const result = serverSchema.safeParse(value);
  if (!result.success) {
    throw new CatalogueError(formatRecordIssues(value, result.error, location), location);
  }
  return result.data;
}

/** Validates a catalogue header (the first NDJSON line, or the JSON top level). */
export function parseHeader(value: unknown, location: RecordLocation): CatalogueHeader {
  const result = catalogueHeaderSchema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => describeIssue(issue, '(header)')).join('; ');
    throw new CatalogueError(`${describeLocation(location)} (catalogue header): ${detail}`, location);
  }
  return result.data;
}

/** Parses one NDJSON line, naming the line when it is not JSON. */
export function parseJsonLine(line: string, location: RecordLocation): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new CatalogueError(
      `${describeLocation(location)}: invalid JSON (${(error as Error).message})`,
      location,
    );
  }
}
