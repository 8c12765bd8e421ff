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

/** policy.json, version "1". */
export const policySchema = z
  .object({
    version: z.literal('1'),
    /** What happens to tools not listed under `tools`. */
    default: z.enum(['allow', 'deny']),
    /** Tool names removed from `tools/list` and refused when called; `"*"` hides all. */
    hide: z.array(z.string().min(1).max(128)).optional(),
    /** Limits over every call, whatever the tool. */
    all_tools: z.object({ limits: z.array(limitSchema).optional() }).strict().optional(),
    tools: z.record(z.string().min(1).max(128), toolRuleSchema).optional(),
  })
  .strict();
export type Policy = z.infer<typeof policySchema>;

/** The policy schema as JSON Schema, published at /schema/policy.v1.json. */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policySchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'policy.v1.json',
    title: 'MCP gateway policy, version 1',
  };
}
