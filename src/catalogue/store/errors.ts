import type { z } from 'zod';
import { fieldPath } from '../issues.ts';

/** Where a record sits in its source, for error messages people can act on. */
export interface RecordLocation {
  /** File path or URL of the catalogue. */
  source: string;
  /** 1-based line (NDJSON) or array index (JSON) of the record. */
  line?: number;
  index?: number;
}

/** An invalid catalogue record: the message names the source, the record and the field. */
export class CatalogueError extends Error {
  readonly location: RecordLocation;
  constructor(message: string, location: RecordLocation) {
    super(message);
    this.name = 'CatalogueError';
    this.location = location;
  }
}

export function describeLocation(location: RecordLocation): string {
  if (location.line !== undefined) return `${location.source}, line ${location.line}`;
  if (location.index !== undefined) return `${location.source}, servers[${location.index}]`;
  return location.source;
}

function quoteName(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Names are third-party text: cut them short and make control characters visible;
  // JSON.stringify leaves bidi, zero-width and tag characters raw, and a terminal would
  // reorder or hide them, so they are escaped too.
  const short = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return ` ${JSON.stringify(short).replace(/[\p{Cf}\u2028\u2029]/gu, (char) => {
    const code = char.codePointAt(0)!.toString(16);
    return code.length > 4 ? `\\u{${code}}` : `\\u${code.padStart(4, '0')}`;
  })}`;
}

/**
 * Turns a zod issue path inside a server record into words:
 * `["tools", 3, "name"]` on a record becomes `tool "read_file" (tools[3]), field "name"`.
 */
export function describeField(record: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let fieldStart = 0;
  if (path[0] === 'tools' && typeof path[1] === 'number') {
    const tools = (record as { tools?: unknown[] } | null)?.tools;
    const tool = Array.isArray(tools) ? (tools[path[1]] as { name?: unknown } | undefined) : undefined;
    parts.push(`tool${quoteName(tool?.name)} (tools[${path[1]}])`);
    fieldStart = 2;
  }
  const field = fieldPath(path.slice(fieldStart));
  if (field) parts.push(`field "${field}"`);
  return parts.join(', ') || 'the record';
}

/** One readable sentence per zod issue, each naming the source, the record and the field. */
export function formatRecordIssues(
  record: unknown,
  error: z.ZodError,
  location: RecordLocation,
): string {
  const id = (record as { id?: unknown } | null)?.id;
  const head = `${describeLocation(location)} (server${quoteName(id) || ' without an id'})`;
  return error.issues
    .slice(0, 10)
    .map((issue) => `${head}: ${describeField(record, issue.path)}: ${issue.message}`)
    .join('\n');
}
