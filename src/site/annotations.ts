/** The four MCP annotation hints as a tool declares them, with the spec's defaults filled in. */
import { ANNOTATION_DEFAULTS, type AnnotationHint, type ToolAnnotations } from '../catalogue/schema/tool.ts';

export interface AnnotationRow {
  hint: AnnotationHint;
  /** What the server sent; undefined when it sent nothing (or null). */
  declared?: boolean;
  /** What a client must assume: the declared value, else the spec's default. */
  effective: boolean;
}

export function annotationRows(annotations: ToolAnnotations | undefined): AnnotationRow[] {
  return (Object.keys(ANNOTATION_DEFAULTS) as AnnotationHint[]).map((hint) => {
    const value = annotations && Object.hasOwn(annotations, hint) ? annotations[hint] : undefined;
    return typeof value === 'boolean'
      ? { hint, declared: value, effective: value }
      : { hint, effective: ANNOTATION_DEFAULTS[hint] };
  });
}
