/** The four MCP annotation hints as a tool declares them, with the spec's defaults filled in. */
import type { ToolAnnotations } from '../catalogue/schema/tool.ts';

export const HINT_DEFAULTS = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
} as const;

export type HintName = keyof typeof HINT_DEFAULTS;

export interface AnnotationRow {
  hint: HintName;
  /** What the server sent; undefined when it sent nothing (or null). */
  declared?: boolean;
  /** What a client must assume: the declared value, else the spec's default. */
  effective: boolean;
}

export function annotationRows(annotations: ToolAnnotations | undefined): AnnotationRow[] {
  return (Object.keys(HINT_DEFAULTS) as HintName[]).map((hint) => {
    const value = annotations && Object.hasOwn(annotations, hint) ? annotations[hint] : undefined;
    return typeof value === 'boolean'
      ? { hint, declared: value, effective: value }
      : { hint, effective: HINT_DEFAULTS[hint] };
  });
}
