import { z } from 'zod';
import { classificationSchema } from './classification.ts';

/**
 * MCP tool names SHOULD be 1-128 characters of `[A-Za-z0-9_.-]` (MCP spec, "Tool names");
 * real servers also send spaces and other letters, so the catalogue accepts any name of
 * 1-128 characters without control, format (bidi, zero-width) or unpaired surrogate
 * characters: those exist only to make two names look alike. Pages flag names that
 * break the spec's pattern. Unique within one server only.
 */
export const SPEC_TOOL_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;
export const ACCEPTED_TOOL_NAME_PATTERN = /^[^\p{Cc}\p{Cf}\p{Cs}]{1,128}$/u;

/** Display names: no control, format (bidi, zero-width) or unpaired surrogate characters. */
export const DISPLAY_NAME_PATTERN = /^[^\p{Cc}\p{Cf}\p{Cs}]+$/u;

/** A JSON object, kept as the server sent it (JSON Schema, `_meta`, ...). */
const jsonObject = z.record(z.string(), z.unknown());

/**
 * MCP `ToolAnnotations`: hints only, untrusted by the spec. Unknown keys are kept.
 * `null` (sent by some Python servers for unset hints) means the same as absent.
 */
export const annotationsSchema = z
  .object({
    title: z.string().max(1000).nullable().optional(),
    /** Default false by the MCP spec. */
    readOnlyHint: z.boolean().nullable().optional(),
    /** Default true by the MCP spec (meaningful only when not read-only). */
    destructiveHint: z.boolean().nullable().optional(),
    /** Default false by the MCP spec. */
    idempotentHint: z.boolean().nullable().optional(),
    /** Default true by the MCP spec. */
    openWorldHint: z.boolean().nullable().optional(),
  })
  .loose();
export type ToolAnnotations = z.infer<typeof annotationsSchema>;

/** What a client must assume for a hint the server did not declare (MCP spec, ToolAnnotations). */
export const ANNOTATION_DEFAULTS = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
} as const;
export type AnnotationHint = keyof typeof ANNOTATION_DEFAULTS;

/**
 * An MCP `Tool` exactly as `tools/list` returns it, plus the project's classification.
 * Unknown fields (`execution`, `icons`, ...) pass through untouched.
 */
export const toolSchema = z
  .object({
    name: z.string().regex(ACCEPTED_TOOL_NAME_PATTERN, {
      error: 'must be 1-128 characters without control, bidi or zero-width characters',
    }),
    title: z.string().max(1000).optional(),
    /** Third-party text; can be empty, long, or hostile. Capped at 1 MB. */
    description: z.string().max(1_000_000).optional(),
    /** JSON Schema of the arguments; MCP requires `type: "object"`. */
    inputSchema: jsonObject.default({ type: 'object' }),
    outputSchema: jsonObject.optional(),
    annotations: annotationsSchema.optional(),
    _meta: jsonObject.optional(),
    /** Added by the project (or the hosted service); absent in a raw catalogue. */
    classification: classificationSchema.optional(),
  })
  .loose();
export type Tool = z.infer<typeof toolSchema>;
export type ToolInput = z.input<typeof toolSchema>;
