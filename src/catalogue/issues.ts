/**
 * The one wording of a validation issue, for every zod schema of the project (catalogue
 * records and headers, change-log lines, package specs, tool arrays): messages that name
 * the field the same way wherever they come from.
 */
import type { z } from 'zod';

/** A zod issue path as people write it: `tools[3].inputSchema.type`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/**
 * `field "<path>": <message>`, with `whole` naming the value itself when the issue has no
 * path (`(header)`, `(line)`).
 */
export function describeIssue(issue: z.core.$ZodIssue, whole = '(value)'): string {
  return `field "${fieldPath(issue.path) || whole}": ${issue.message}`;
}
