/**
 * MCP tool annotations, read as the untrusted hints the spec says they are. Only values
 * the server actually sent count as evidence; the spec's defaults (readOnlyHint false,
 * destructiveHint true, idempotentHint false, openWorldHint true) fill the rest for
 * display, because a default is no claim by the author.
 */
import { ANNOTATION_DEFAULTS } from '../schema/tool.ts';

export interface DeclaredHints {
  /** Whether the tool carried an `annotations` object at all. */
  present: boolean;
  readOnly: boolean | undefined;
  destructive: boolean | undefined;
  idempotent: boolean | undefined;
  openWorld: boolean | undefined;
}

export interface EffectiveHints {
  readOnly: boolean;
  destructive: boolean;
  idempotent: boolean;
  openWorld: boolean;
}

export const MCP_HINT_DEFAULTS: Readonly<EffectiveHints> = {
  readOnly: ANNOTATION_DEFAULTS.readOnlyHint,
  destructive: ANNOTATION_DEFAULTS.destructiveHint,
  idempotent: ANNOTATION_DEFAULTS.idempotentHint,
  openWorld: ANNOTATION_DEFAULTS.openWorldHint,
};

function flag(annotations: object, key: string): boolean | undefined {
  if (!Object.hasOwn(annotations, key)) return undefined;
  const value = (annotations as Record<string, unknown>)[key];
  // `null` (sent by some servers for unset hints) and non-booleans are no claim.
  return typeof value === 'boolean' ? value : undefined;
}

/** The hints a server declared; anything that is not a boolean is treated as absent. */
export function declaredHints(annotations: unknown): DeclaredHints {
  if (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)) {
    return { present: false, readOnly: undefined, destructive: undefined, idempotent: undefined, openWorld: undefined };
  }
  return {
    present: true,
    readOnly: flag(annotations, 'readOnlyHint'),
    destructive: flag(annotations, 'destructiveHint'),
    idempotent: flag(annotations, 'idempotentHint'),
    openWorld: flag(annotations, 'openWorldHint'),
  };
}

/** The hints after the MCP defaults. */
export function effectiveHints(declared: DeclaredHints): EffectiveHints {
  return {
    readOnly: declared.readOnly ?? MCP_HINT_DEFAULTS.readOnly,
    destructive: declared.destructive ?? MCP_HINT_DEFAULTS.destructive,
    idempotent: declared.idempotent ?? MCP_HINT_DEFAULTS.idempotent,
    openWorld: declared.openWorld ?? MCP_HINT_DEFAULTS.openWorld,
  };
}

/**
 * The author explicitly claims destructive updates: `destructiveHint: true` sent, on a
 * tool not declared read-only (the spec gives destructiveHint meaning only then).
 */
export function claimsDestructive(declared: DeclaredHints): boolean {
  return declared.destructive === true && declared.readOnly !== true;
}
