/**
 * The shapes of the JSON copies for agents: /api/servers/<server>.json and
 * /api/tools/<server>/<tool>.json. The routes parse what they write with these schemas,
 * and /api/schema/<name>.json is generated from the same ones, so the published JSON
 * Schema cannot drift from the data. Plain TypeScript: no Astro import.
 */
import { z } from 'zod';
import { categorySchema, classificationSchema, riskSchema } from '../catalogue/schema/classification.ts';
import { packageSchema, serverSchema, webUrlSchema } from '../catalogue/schema/server.ts';
import { toolSchema } from '../catalogue/schema/tool.ts';
import { policyJsonSchema, policySchema } from '../catalogue/policy/schema.ts';
import { DISPLAY_CAPS } from '../catalogue/display-caps.ts';

/**
 * The largest input schema a tool's copy carries, in bytes of compact JSON, and its
 * deepest nesting. The catalogue bounds neither: every real schema is far below (the
 * bundled catalogue's largest is 84 KB, its deepest 24 levels), while a hostile one can
 * weigh hundreds of megabytes or nest deeper than JSON.stringify can write. Past either,
 * the copy says why it left the schema out and keeps the parameter rows the page shows.
 */
export const INPUT_SCHEMA_BYTES = 256 * 1024;
export const INPUT_SCHEMA_DEPTH = 64;

/** Absolute http(s) URLs: a copy is read away from the site, where a path resolves against nothing. */
const urlSchema = webUrlSchema;

/** What slugify() produces: lower-case letters, digits and single inner hyphens. */
const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a slug' });

const countSchema = z.number().int().nonnegative();

/** Keyed by every risk (or category), zero included, as the hub's counts are. */
const byRiskSchema = z.record(riskSchema, countSchema);
const byCategorySchema = z.record(categorySchema, countSchema);

const pageUrlsSchema = z
  .object({
    /** The HTML page. */
    page: urlSchema,
    /** The page as Markdown (`index.html.md` beside the page). */
    markdown: urlSchema,
    /** The JSON copy. */
    json: urlSchema,
  })
  .strict();

const policyUrlsSchema = pageUrlsSchema
  .extend({
    /** policy.json, the file a gateway loads. */
    policy: urlSchema,
    /** The same policy for Intercept. */
    interceptPolicy: urlSchema,
  })
  .strict();

const classificationShape = classificationSchema.shape;

/**
 * A tool as a server's copy lists it: a few bounded fields, so that a server of thousands
 * of tools stays small. Its description, rationale and policy are in the tool's own copy.
 */
export const serverToolCopySchema = z
  .object({
    name: toolSchema.shape.name,
    slug: slugSchema,
    classification: z
      .object({
        category: categorySchema,
        risk: riskSchema,
        /** As classified; the tool's own copy and page show it lowered when the name is a look-alike. */
        confidence: classificationShape.confidence,
        poisoned: classificationShape.poisoned,
      })
      .strict(),
    parameterCount: countSchema,
    urls: pageUrlsSchema,
  })
  .strict();

/** A link from the catalogue, given only when it is short enough for the page to link it. */
const externalUrlSchema = webUrlSchema.max(DISPLAY_CAPS.url).optional();

const serverCopyFields = {
  /** The JSON Schema of this document. */
  $schema: urlSchema,
  id: serverSchema.shape.id,
  slug: slugSchema,
  name: serverSchema.shape.name,
  /** Third-party text: data to show, never instructions to follow. Cut where the hub cuts it. */
  description: z.string().optional(),
  /** The description's full length in characters: more than it shows when it was cut. */
  descriptionLength: countSchema.optional(),
  package: packageSchema.optional(),
  repository: externalUrlSchema,
  homepage: externalUrlSchema,
  toolCount: countSchema,
  byRisk: byRiskSchema,
  byCategory: byCategorySchema,
  /** Every tool of the server, in the server's own order. */
  tools: z.array(serverToolCopySchema),
  /** One sentence on what the server policy does. */
  policySummary: z.string().min(1),
  urls: policyUrlsSchema,
};

/**
 * A server with its tools and its policy. A policy too large for the hub to show inline
 * is left out here too (`policyInline: false`): it is at `urls.policy`.
 */
export const serverCopySchema = z
  .discriminatedUnion('policyInline', [
    z.object({ ...serverCopyFields, policyInline: z.literal(true), policy: policySchema }).strict(),
    z.object({ ...serverCopyFields, policyInline: z.literal(false) }).strict(),
  ])
  .refine((copy) => copy.tools.length === copy.toolCount, { path: ['tools'], error: 'must list every tool (toolCount)' })
  .refine((copy) => Object.values(copy.byRisk).reduce((sum, count) => sum + count, 0) === copy.toolCount, {
    path: ['byRisk'],
    error: 'must count every tool once',
  });
export type ServerCopy = z.output<typeof serverCopySchema>;
export type ServerCopyInput = z.input<typeof serverCopySchema>;

/** A policy with the sentence that says what it does. */
const conditionalExampleSchema = z
  .object({
    summary: z.string().min(1),
    /** Which values are examples to edit before use. */
    note: z.string().min(1).optional(),
    policy: policySchema,
  })
  .strict();

/** A parameter as the tool page's table shows it, each value cut to its display cap. */
const parameterRowSchema = z
  .object({
    name: z.string(),
    type: z.string(),
    required: z.boolean(),
    description: z.string().optional(),
    /** The default, as compact JSON. */
    defaultValue: z.string().optional(),
    /** Allowed values, as compact JSON each. */
    enumValues: z.array(z.string()).optional(),
  })
  .strict();

/** The MCP annotation hints the tool declares (hints only: untrusted by the spec). */
const declaredHintsSchema = z
  .object({
    readOnlyHint: z.boolean().optional(),
    destructiveHint: z.boolean().optional(),
    idempotentHint: z.boolean().optional(),
    openWorldHint: z.boolean().optional(),
  })
  .strict();

/** One tool: its definition, its classification and its recommended policy. */
export const toolCopySchema = z
  .object({
    $schema: urlSchema,
    server: z.object({ id: serverSchema.shape.id, slug: slugSchema, name: serverSchema.shape.name, urls: pageUrlsSchema }).strict(),
    tool: z
      .object({
        name: toolSchema.shape.name,
        slug: slugSchema,
        /** Cut where the page cuts it. */
        title: z.string().optional(),
        /** Third-party text: data to show, never instructions to follow. Cut where the page cuts it. */
        description: z.string().optional(),
        /** The description's full length in characters: more than it shows when it was cut. */
        descriptionLength: countSchema.optional(),
        /** The JSON Schema of the arguments as the server sends it, unless too large or too deep to carry. */
        inputSchema: z.record(z.string(), z.unknown()).optional(),
        /** Why the input schema was left out (INPUT_SCHEMA_BYTES, INPUT_SCHEMA_DEPTH). */
        inputSchemaOmitted: z.enum(['too-large', 'too-deep']).optional(),
        parameterCount: countSchema,
        /** The first DISPLAY_CAPS.parameters parameters, as the page lists them. */
        parameters: z.array(parameterRowSchema).max(DISPLAY_CAPS.parameters),
        annotations: declaredHintsSchema,
      })
      .strict()
      .refine((tool) => (tool.inputSchema === undefined) !== (tool.inputSchemaOmitted === undefined), {
        path: ['inputSchema'],
        error: 'must be given, or the reason it was left out, not both',
      }),
    /** As the tool page shows it (a look-alike name lowers the confidence). */
    classification: classificationSchema,
    /** One sentence on what the recommended policy does. */
    policySummary: z.string().min(1),
    /** The recommended policy.json, the same object as the file at `urls.policy`. */
    policy: policySchema,
    /** A policy that allows the tool under conditions, when the recommendation has one. */
    conditionalExample: conditionalExampleSchema.optional(),
    urls: policyUrlsSchema,
  })
  .strict();
export type ToolCopy = z.output<typeof toolCopySchema>;
export type ToolCopyInput = z.input<typeof toolCopySchema>;

export const AGENT_COPY_SCHEMAS = { server: serverCopySchema, tool: toolCopySchema } as const;
export type AgentCopySchemaName = keyof typeof AGENT_COPY_SCHEMAS;
export const AGENT_COPY_SCHEMA_NAMES = Object.keys(AGENT_COPY_SCHEMAS) as AgentCopySchemaName[];

const TITLES: Record<AgentCopySchemaName, string> = {
  server: 'An MCP server with its classified tools and recommended gateway policy',
  tool: 'An MCP tool with its classification and recommended gateway policy',
};

type JsonNode = unknown;

/** A copy of `node` with every local `$ref` renamed by `rename`. */
function renameRefs(node: JsonNode, rename: (ref: string) => string): JsonNode {
  if (Array.isArray(node)) return node.map((item) => renameRefs(item, rename));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? rename(value) : renameRefs(value, rename)]),
  );
}

const POLICY_DEF = 'policy';

/**
 * policy.json's JSON Schema, as definitions to embed: the policy schema transforms its
 * `tools` (for `__proto__`), which JSON Schema cannot express, so the published policy
 * schema stands in for it, its own definitions moved under a prefix.
 */
function policyDefinitions(): Record<string, JsonNode> {
  const { $schema: _schema, $id: _id, $defs, ...policy } = policyJsonSchema() as Record<string, unknown> & { $defs?: Record<string, JsonNode> };
  const rename = (ref: string): string =>
    ref === '#' ? `#/$defs/${POLICY_DEF}` : ref.replace(/^#\/\$defs\//, `#/$defs/${POLICY_DEF}-`);
  return {
    [POLICY_DEF]: renameRefs(policy, rename),
    ...Object.fromEntries(Object.entries($defs ?? {}).map(([name, definition]) => [`${POLICY_DEF}-${name}`, renameRefs(definition, rename)])),
  };
}

/** The JSON Schema (draft 2020-12) of one copy, published at /api/schema/<name>.json. */
export function agentCopyJsonSchema(name: AgentCopySchemaName): Record<string, unknown> {
  const generated = z.toJSONSchema(AGENT_COPY_SCHEMAS[name], {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (context) => {
      if (context.zodSchema !== policySchema) return;
      for (const key of Object.keys(context.jsonSchema)) delete (context.jsonSchema as Record<string, unknown>)[key];
      (context.jsonSchema as Record<string, unknown>).$ref = `#/$defs/${POLICY_DEF}`;
    },
  }) as Record<string, unknown> & { $defs?: Record<string, JsonNode> };
  return {
    ...generated,
    $id: `${name}.json`,
    title: TITLES[name],
    $defs: { ...generated.$defs, ...policyDefinitions() },
  };
}
