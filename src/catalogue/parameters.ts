import { capText, DISPLAY_CAPS } from './display-caps.ts';

/**
 * Reads a tool's `inputSchema` into parameter rows: the table on tool pages, the counts in
 * the facts strip and the FAQ all come from here, so they agree. The schema is third-party
 * JSON: only own properties are read, values of the wrong type are ignored, and names,
 * descriptions, types and values are cut to the display caps (display-caps.ts).
 */

export interface ParameterRow {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  /** The default, as compact JSON. */
  defaultValue?: string;
  /** Allowed values, as compact JSON each. */
  enumValues?: string[];
}

type JsonObject = Record<string, unknown>;

const MAX_VALUE_LENGTH = DISPLAY_CAPS.parameterValue;
const MAX_ENUM_VALUES = DISPLAY_CAPS.enumValues;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function compactJson(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = '(unreadable value)';
  }
  return json.length > MAX_VALUE_LENGTH ? `${json.slice(0, MAX_VALUE_LENGTH)}…` : json;
}

/** `"string"`, `"string | null"`, `"array of string"`, `"object"`, or what `$ref`/`anyOf` say. */
export function describeType(schema: unknown, depth = 0): string {
  if (!isObject(schema) || depth > 3) return 'any';
  const type = own(schema, 'type');
  if (typeof type === 'string') {
    const items = own(schema, 'items');
    return type === 'array' && isObject(items) ? `array of ${describeType(items, depth + 1)}` : type;
  }
  if (Array.isArray(type)) return type.filter((t) => typeof t === 'string').join(' | ') || 'any';
  const ref = own(schema, '$ref');
  if (typeof ref === 'string') return `see ${ref.slice(0, 60)}`;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = own(schema, key);
    if (Array.isArray(options)) {
      return [...new Set(options.slice(0, 6).map((option) => describeType(option, depth + 1)))].join(' | ');
    }
  }
  if (Array.isArray(own(schema, 'enum'))) return 'enum';
  return 'any';
}

export function parameterRows(inputSchema: unknown): ParameterRow[] {
  if (!isObject(inputSchema)) return [];
  const properties = own(inputSchema, 'properties');
  if (!isObject(properties)) return [];
  const requiredList = own(inputSchema, 'required');
  const required = new Set(Array.isArray(requiredList) ? requiredList.filter((n) => typeof n === 'string') : []);
  return Object.keys(properties).map((name) => {
    const schema = own(properties, name);
    const row: ParameterRow = {
      name: capText(name, DISPLAY_CAPS.parameterName),
      type: capText(describeType(schema), DISPLAY_CAPS.parameterType),
      required: required.has(name),
    };
    if (isObject(schema)) {
      const description = own(schema, 'description');
      if (typeof description === 'string' && description.trim() !== '') row.description = capText(description, DISPLAY_CAPS.parameterDescription);
      if (Object.hasOwn(schema, 'default')) row.defaultValue = compactJson(schema.default);
      const values = own(schema, 'enum');
      if (Array.isArray(values)) row.enumValues = values.slice(0, MAX_ENUM_VALUES).map(compactJson);
    }
    return row;
  });
}
