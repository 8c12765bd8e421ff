/**
 * Fingerprints of tool definitions, for telling when a server changed a tool between two
 * pulls (the signature of a rug pull). Only what a model reads and what decides a call's
 * arguments counts: name, title, description, input schema and annotations. The
 * classification, `_meta` and `outputSchema` do not, so re-classifying a catalogue or a
 * server touching its metadata is not reported as a changed definition.
 */
import { createHash } from 'node:crypto';

/** The fields of a tool a fingerprint covers, in the order change reports list them. */
export const FINGERPRINT_FIELDS = ['name', 'title', 'description', 'inputSchema', 'annotations'] as const;
export type FingerprintField = (typeof FINGERPRINT_FIELDS)[number];

/** The part of a tool a fingerprint reads; any catalogue or MCP tool fits. */
export type FingerprintInput = { readonly [K in FingerprintField]?: unknown };

/**
 * JSON with object keys sorted (by UTF-16 code units, recursively), no whitespace, and
 * `undefined` members left out: two definitions that differ only in key order or
 * formatting give the same text. Array order is kept: it is meaningful in JSON Schema
 * (`enum`, `required`, `prefixItems`).
 */
export function canonicalJson(value: unknown): string {
  const text = canonical(value);
  // `undefined` (or a function) at the top has no JSON form; hashing it as `null` would
  // make "absent" equal "null", so it is spelled out instead.
  return text ?? 'undefined';
}

function canonical(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonical(item) ?? 'null').join(',')}]`;
  }
  const object = value as Record<string, unknown>;
  const members: string[] = [];
  // Own enumerable keys only, read directly: a key named `__proto__` from JSON.parse is
  // data like any other and must be hashed, not treated as a prototype.
  for (const key of Object.keys(object).sort()) {
    const member = canonical(object[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** sha256 (hex) of the canonical JSON of the tool's name, title, description, inputSchema and annotations. */
export function toolFingerprint(tool: FingerprintInput): string {
  return sha256Hex(
    canonicalJson({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      annotations: tool.annotations,
    }),
  );
}

/** Hex characters kept of each per-field hash inside a digest (48 bits). */
const FIELD_HASH_LENGTH = 12;
const FINGERPRINT_LENGTH = 64;

/**
 * A tool's fingerprint followed by a short hash of each fingerprinted field, as one string
 * (64 + 5 × 12 hex characters). An index of half a million tools keeps one short string
 * per tool, yet a changed fingerprint can still say which fields changed without the old
 * definition at hand. A 48-bit field hash can only hide a change in one field if two
 * different values collide, about one chance in 2.8 × 10^14 per changed field.
 */
export type ToolDigest = string;

export function toolDigest(tool: FingerprintInput): ToolDigest {
  // Each field is canonicalised once and serves both its own hash and the whole
  // fingerprint: the members below are in sorted key order, so the text is exactly
  // canonicalJson() of the five fields.
  const texts = FINGERPRINT_FIELDS.map((field) => canonical(tool[field]));
  let members = '';
  for (const i of SORTED_FIELD_ORDER) {
    const text = texts[i];
    if (text !== undefined) members += `${members ? ',' : ''}"${FINGERPRINT_FIELDS[i]}":${text}`;
  }
  let digest = sha256Hex(`{${members}}`);
  for (const text of texts) digest += sha256Hex(text ?? 'undefined').slice(0, FIELD_HASH_LENGTH);
  return digest;
}

/** Indexes of FINGERPRINT_FIELDS in sorted key order (annotations, description, inputSchema, name, title). */
const SORTED_FIELD_ORDER = FINGERPRINT_FIELDS.map((field, i) => [field, i] as const)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([, i]) => i);

/** The fingerprint part of a digest. */
export function fingerprintOfDigest(digest: ToolDigest): string {
  return digest.slice(0, FINGERPRINT_LENGTH);
}

/** The fields whose hashes differ between two digests of the same tool, in FINGERPRINT_FIELDS order. */
export function changedFields(previous: ToolDigest, next: ToolDigest): FingerprintField[] {
  const fields: FingerprintField[] = [];
  FINGERPRINT_FIELDS.forEach((field, i) => {
    const start = FINGERPRINT_LENGTH + i * FIELD_HASH_LENGTH;
    if (previous.slice(start, start + FIELD_HASH_LENGTH) !== next.slice(start, start + FIELD_HASH_LENGTH)) {
      fields.push(field);
    }
  });
  return fields;
}
