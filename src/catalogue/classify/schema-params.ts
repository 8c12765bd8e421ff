/**
 * Reads the parameters of an input schema, defensively: the schema is third-party JSON
 * that may be no object at all, nest without end, point at itself through `$ref`, or
 * carry keys such as `__proto__`. Only own properties are read, the walk is bounded in
 * depth and size, and nothing here throws on odd shapes.
 */
import { splitName } from './split-name.ts';
import { asText } from './text.ts';

export interface Param {
  /** The property name as the schema spells it. */
  name: string;
  /** Its words, lower-case (`filePath` gives `file`, `path`). */
  words: string[];
  /** The description, at most MAX_PARAM_DESCRIPTION characters, or undefined. */
  description: string | undefined;
  type: string | undefined;
  required: boolean;
  /** 0 for top-level properties, 1 inside a top-level object or array, ... */
  depth: number;
  /** The first string values of its `enum`, lower-case, when it has one. */
  enumValues: string[] | undefined;
}

const MAX_PARAMS = 64;
const MAX_DEPTH = 3;
const MAX_PARAM_DESCRIPTION = 400;
const MAX_REF_HOPS = 8;
const MAX_BRANCHES = 8;
const MAX_ENUM_VALUES = 16;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, never one inherited through `__proto__` or the prototype chain. */
function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Resolves a local `#/...` JSON pointer inside the root schema; anything else is unknown. */
function resolveRef(root: JsonObject, ref: string): JsonObject | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node)) return undefined;
    node = own(node, key);
  }
  return isObject(node) ? node : undefined;
}

/**
 * Follows `$ref` hops to the schema they point at. A cycle of references ends at the hop
 * limit; one that resolves to a schema containing itself is cut by the depth limit.
 */
function dereference(root: JsonObject, schema: JsonObject): JsonObject | undefined {
  let node: JsonObject | undefined = schema;
  for (let hops = 0; node && hops < MAX_REF_HOPS; hops += 1) {
    const ref = asText(own(node, '$ref'));
    if (ref === undefined) return node;
    node = resolveRef(root, ref);
  }
  return undefined;
}

function typeOf(schema: JsonObject): string | undefined {
  const type = own(schema, 'type');
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((item): item is string => typeof item === 'string' && item !== 'null');
  return undefined;
}

function enumOf(schema: JsonObject): string[] | undefined {
  const values = own(schema, 'enum');
  if (!Array.isArray(values)) return undefined;
  const strings: string[] = [];
  for (const value of values.slice(0, MAX_ENUM_VALUES)) {
    if (typeof value === 'string') strings.push(value.slice(0, 64).toLowerCase());
  }
  return strings.length > 0 ? strings : undefined;
}

function requiredNames(schema: JsonObject): ReadonlySet<string> {
  const required = own(schema, 'required');
  if (!Array.isArray(required)) return new Set();
  return new Set(required.filter((item): item is string => typeof item === 'string'));
}

/** The parameters of an input schema, top level first, then nested ones. */
export function paramsOf(inputSchema: unknown): Param[] {
  if (!isObject(inputSchema)) return [];
  const params: Param[] = [];
  // Breadth first, so top-level parameters are kept when the budget runs out.
  let level: JsonObject[] = [inputSchema];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && params.length < MAX_PARAMS; depth += 1) {
    const next: JsonObject[] = [];
    for (const container of level) {
      for (const schema of objectSchemasOf(inputSchema, container)) {
        const properties = own(schema, 'properties');
        if (!isObject(properties)) continue;
        const required = requiredNames(schema);
        for (const name in properties) {
          if (params.length >= MAX_PARAMS) break;
          if (!Object.hasOwn(properties, name)) continue;
          const raw = own(properties, name);
          const property = isObject(raw) ? dereference(inputSchema, raw) ?? raw : undefined;
          const description = property ? asText(own(property, 'description')) : undefined;
          params.push({
            name,
            words: splitName(name),
            description: description === undefined ? undefined : description.slice(0, MAX_PARAM_DESCRIPTION),
            type: property ? typeOf(property) : undefined,
            required: required.has(name),
            depth,
            enumValues: property ? enumOf(property) : undefined,
          });
          if (property) next.push(property);
        }
      }
    }
    level = next;
  }
  return params;
}

/**
 * The object schemas a container stands for: itself, its array `items`, and the branches
 * of `allOf`/`anyOf`/`oneOf`, each dereferenced.
 */
function objectSchemasOf(root: JsonObject, container: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const add = (value: unknown): void => {
    if (!isObject(value) || found.length >= MAX_BRANCHES) return;
    const schema = dereference(root, value);
    if (schema && !found.includes(schema)) found.push(schema);
  };
  add(container);
  add(own(container, 'items'));
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const branches = own(container, key);
    if (Array.isArray(branches)) for (const branch of branches.slice(0, MAX_BRANCHES)) add(branch);
  }
  return found;
}
