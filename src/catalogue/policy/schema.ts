import { z } from 'zod';

/** Calendar windows, aligned to UTC boundaries (a "minute" starts at :00 seconds). */
export const WINDOWS = ['minute', 'hour', 'day'] as const;
export const windowSchema = z.enum(WINDOWS);
export type LimitWindow = z.infer<typeof windowSchema>;

export const OPERATORS = [
  'eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'not_in', 'exists', 'regex', 'contains',
] as const;
export const operatorSchema = z.enum(OPERATORS);
export type Operator = z.infer<typeof operatorSchema>;

/** A rate limit. Limits with the same `counter` share one count. */
export const limitSchema = z
  .object({
    /** Counter name; limits that name the same counter share it. */
    counter: z.string().min(1).max(128),
    window: windowSchema,
    /** Calls allowed in one window; the call after the `max`-th is refused. */
    max: z.number().int().nonnegative(),
    /** Whose calls count together: one grant (a connection's credentials). */
    scope: z.literal('grant'),
  })
  .strict();
export type Limit = z.infer<typeof limitSchema>;

/** A condition on the call's arguments, e.g. `{ "path": "args.path", "op": "contains", "value": ".." }`. */
export const conditionSchema = z
  .object({
    /** `args.` followed by a dotted path into the arguments. */
    path: z.string().regex(/^args(\.[^.]+)+$/, { error: 'must be "args.<field>" (dotted)' }),
    op: operatorSchema,
    /** Any JSON; `exists` takes a boolean, `in`/`not_in` an array, `regex` a pattern. */
    value: z.json().optional(),
  })
  .strict()
  .superRefine((condition, ctx) => {
    const { op, value } = condition;
    const fail = (message: string): void => ctx.addIssue({ code: 'custom', path: ['value'], message });
    if ((op === 'in' || op === 'not_in') && !Array.isArray(value)) fail(`must be an array for "${op}"`);
    if (op === 'exists' && typeof value !== 'boolean') fail('must be true or false for "exists"');
    if (op === 'regex') {
      if (typeof value !== 'string') fail('must be a string pattern for "regex"');
      else {
        try {
          new RegExp(value, 'u');
        } catch {
          fail('must be a valid regular expression');
        }
      }
    }
    if (['lt', 'lte', 'gt', 'gte'].includes(op) && typeof value !== 'number') fail(`must be a number for "${op}"`);
    if (op !== 'exists' && value === undefined) fail(`is required for "${op}"`);
  });
export type Condition = z.infer<typeof conditionSchema>;

/** What applies to one tool. `{}` allows it under `default: "deny"`. */
export const toolRuleSchema = z
  .object({
    /** Every condition must hold, or the call is refused. */
    require: z.array(conditionSchema).optional(),
    /** Any condition that holds refuses the call. */
    deny_if: z.array(conditionSchema).optional(),
    limits: z.array(limitSchema).optional(),
  })
  .strict();
export type ToolRule = z.infer<typeof toolRuleSchema>;

/**
 * A tool name as a key of `tools` or an entry of `hide`: 1-128 characters. Counted in code
 * points, as JSON Schema's `maxLength` counts, not in UTF-16 units: the catalogue accepts
 * 128 characters of any script, and a name of 128 emoji must still be listable.
 */
const toolNameSchema = z
  .string()
  .min(1)
  .refine((name) => codePointLength(name) <= 128, { error: 'must be at most 128 characters' })
  .meta({ maxLength: 128 });

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * zod's record leaves a `__proto__` key out of its output and does not validate its value
 * (assigning it would replace the prototype of the object it builds). `__proto__` is a
 * valid MCP tool name, so its rule is validated here, carried through the record under a
 * stand-in key (which a policy may therefore not use; a catalogue never has NUL in a tool
 * name), and put back as an own property of a null-prototype object, where lookups such as
 * `tools.constructor` never reach `Object.prototype` either.
 */
const PROTO_KEY = '__proto__';
const PROTO_STAND_IN = '\u0000__proto__';

const toolsRecordSchema = z.record(toolNameSchema, toolRuleSchema);

const toolsSchema = z
  .preprocess((input, ctx) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
    if (Object.hasOwn(input, PROTO_STAND_IN)) {
      ctx.addIssue({ code: 'custom', input, path: [PROTO_STAND_IN], message: 'is not a tool name' });
    }
    if (!Object.hasOwn(input, PROTO_KEY)) return input;
    const copy: Record<string, unknown> = Object.create(null);
    for (const [key, value] of Object.entries(input)) {
      if (key !== PROTO_KEY) {
        copy[key] = value;
        continue;
      }
      const rule = toolRuleSchema.safeParse(value);
      if (rule.success) copy[PROTO_STAND_IN] = rule.data;
      for (const issue of rule.error?.issues ?? []) {
        ctx.addIssue({ ...issue, input: undefined, path: [PROTO_KEY, ...issue.path] } as never);
      }
    }
    return copy;
  }, toolsRecordSchema)
  .transform((tools) => {
    const out: Record<string, ToolRule> = Object.create(null);
    for (const [key, rule] of Object.entries(tools)) out[key === PROTO_STAND_IN ? PROTO_KEY : key] = rule;
    return out;
  });

const policyFields = {
  version: z.literal('1'),
  /** What happens to tools not listed under `tools`. */
  default: z.enum(['allow', 'deny']),
  /** Tool names removed from `tools/list` and refused when called; `"*"` hides all. */
  hide: z.array(toolNameSchema).optional(),
  /** Limits over every call, whatever the tool. */
  all_tools: z.object({ limits: z.array(limitSchema).optional() }).strict().optional(),
};

/**
 * policy.json, version "1". The parsed `tools` is a null-prototype object, so a tool named
 * `constructor` or `__proto__` is looked up like any other name.
 */
export const policySchema = z
  .object({ ...policyFields, tools: toolsSchema.optional() })
  .strict();
export type Policy = z.infer<typeof policySchema>;

/** The same shape for JSON Schema, which cannot express the `__proto__` handling above. */
const policyShapeForJsonSchema = z
  .object({ ...policyFields, tools: toolsRecordSchema.optional() })
  .strict();

/** The policy schema as JSON Schema, published at /schema/policy.v1.json. */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policyShapeForJsonSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'policy.v1.json',
    title: 'MCP gateway policy, version 1',
  };
}
