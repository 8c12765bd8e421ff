/**
 * Docker's MCP registry lists tool arguments as `{name, type, desc, optional}` instead of
 * JSON Schema. This turns such a list (and the registry's occasional `parameters` map)
 * into the `inputSchema` an MCP server would have sent.
 */

type JsonObject = Record<string, unknown>;

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/** `"string | number"` and `["string","array"]` become a JSON Schema type list. */
function jsonSchemaType(type: unknown): string | string[] | undefined {
  const names = (Array.isArray(type) ? type : typeof type === 'string' ? type.split('|') : [])
    .map((name) => String(name).trim().toLowerCase())
    .filter((name) => JSON_TYPES.has(name));
  if (names.length === 0) return undefined;
  return names.length === 1 ? names[0] : names;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function property(argument: JsonObject): JsonObject {
  const schema: JsonObject = {};
  const type = jsonSchemaType(argument.type);
  if (type) schema.type = type;
  const description = argument.desc ?? argument.description;
  if (typeof description === 'string' && description !== '') schema.description = description;
  if (isObject(argument.items)) schema.items = argument.items;
  if (Array.isArray(argument.enum)) schema.enum = argument.enum;
  if (argument.default !== undefined) schema.default = argument.default;
  return schema;
}

/** An argument is required unless it says `optional: true` or `required: false`. */
function isRequired(argument: JsonObject): boolean {
  return argument.optional !== true && argument.required !== false;
}

export function inputSchemaFromArguments(list: unknown): JsonObject {
  const properties: JsonObject = Object.create(null);
  const required: string[] = [];
  for (const argument of Array.isArray(list) ? list : []) {
    if (!isObject(argument) || typeof argument.name !== 'string' || argument.name === '') continue;
    if (Object.hasOwn(properties, argument.name)) continue;
    properties[argument.name] = property(argument);
    if (isRequired(argument)) required.push(argument.name);
  }
  return {
    type: 'object',
    properties: { ...properties },
    ...(required.length > 0 ? { required } : {}),
  };
}

/** The registry's `parameters` form: a map of name to schema with `required: true` inside. */
export function inputSchemaFromParameters(parameters: unknown): JsonObject {
  if (!isObject(parameters)) return { type: 'object', properties: {} };
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    if (!isObject(value)) continue;
    const { required: isRequiredFlag, ...schema } = value;
    properties[name] = schema;
    if (isRequiredFlag === true) required.push(name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}
