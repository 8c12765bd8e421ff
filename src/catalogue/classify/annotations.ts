/**
 * MCP tool annotations, read as the untrusted hints the spec says they are. Only values
 * the server actually sent count as evidence: a default (ANNOTATION_DEFAULTS in the tool
 * schema, which the page shows for hints left out) is no claim by the author.
 */
import { ANNOTATION_DEFAULTS, type AnnotationHint } from '../schema/tool.ts';

export interface DeclaredHints {
  /** Whether the tool carried an `annotations` object at all. */
  present: boolean;
  readOnly: boolean | undefined;
  destructive: boolean | undefined;
  idempotent: boolean | undefined;
  openWorld: boolean | undefined;
}

function flag(annotations: object, key: string): boolean | undefined {
  if (!Object.hasOwn(annotations, key)) return undefined;
  const value = (annotations as Record<string, unknown>)[key];
  // `null` (sent by some servers for unset hints) and non-booleans are no claim.
  return typeof value === 'boolean' ? value : undefined;
}

const HINTS = Object.keys(ANNOTATION_DEFAULTS) as AnnotationHint[];

/**
 * Whether an annotations object holds all four hints at exactly the spec's defaults
 * (readOnlyHint false, destructiveHint true, idempotentHint false, openWorldHint true).
 * An author who meant it cannot be told from an SDK that filled them in, and either way
 * the block tells a client nothing it would not assume without it.
 */
export function isSeededDefaults(annotations: unknown): boolean {
  if (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)) return false;
  return HINTS.every((hint) => Object.hasOwn(annotations, hint) && (annotations as Record<string, unknown>)[hint] === ANNOTATION_DEFAULTS[hint]);
}

const NO_HINTS = { readOnly: undefined, destructive: undefined, idempotent: undefined, openWorld: undefined } as const;

/** The hints a server declared; anything that is not a boolean is treated as absent. */
export function declaredHints(annotations: unknown): DeclaredHints {
  if (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)) {
    return { present: false, ...NO_HINTS };
  }
  // The block some SDKs put on every tool whose author declared nothing (mcp-go's
  // `NewTool` does) says nothing.
  if (isSeededDefaults(annotations)) return { present: true, ...NO_HINTS };
  return {
    present: true,
    readOnly: flag(annotations, 'readOnlyHint'),
    destructive: flag(annotations, 'destructiveHint'),
    idempotent: flag(annotations, 'idempotentHint'),
    openWorld: flag(annotations, 'openWorldHint'),
  };
}

/**
 * The author explicitly claims destructive updates: `destructiveHint: true` sent, on a
 * tool not declared read-only (the spec gives destructiveHint meaning only then).
 */
export function claimsDestructive(declared: DeclaredHints): boolean {
  return declared.destructive === true && declared.readOnly !== true;
}
