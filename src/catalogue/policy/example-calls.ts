/**
 * Worked example calls for a tool page: three to six calls made from the tool's input
 * schema, each decided at build time by both evaluators (policy.json's and Intercept's),
 * so that a reader sees what the recommended policy does before deploying it.
 *
 * The calls, in order, at most six:
 * - an ordinary call: every required argument with a plain value of its type, and every
 *   guarded argument with a value its guard lets through;
 * - for each guarded argument, the ordinary call with one value the guard refuses (for
 *   an array, in its first element), one row per guard kind and argument;
 * - the call that hits the limit (call `max + 1` within one UTC window), or, for a tool
 *   without one, the 100th call within one minute, which is still allowed;
 * - for a tool left refused, the same rows under the conditional example when there is
 *   one; otherwise a call with no arguments and a call to another tool.
 * Every decision comes from a fresh evaluator given the calls in order from the same
 * reference instant as the claims (claims.ts).
 */
import { createInterceptEngine, type InterceptDecision } from '../intercept/evaluate.ts';
import type { InterceptPolicy } from '../intercept/schema.ts';
import type { Tool } from '../schema/tool.ts';
import { requiredParameters, safeArgs, schemaProperties, setOwn, unsafeArgsList, type ArgumentGuard } from './argument-guards.ts';
import { REFERENCE_INSTANT } from './claims.ts';
import { createEvaluator, nextWindowStart, windowStart, type Decision } from './evaluate.ts';
import { UNLIMITED_PROBE_CALLS, type ToolDecision } from './recommend-policy.ts';
import type { Limit, Policy } from './schema.ts';

export const MAX_EXAMPLE_CALLS = 6;

export type ExampleCallKind = 'ordinary' | 'guard' | 'limit' | 'unlimited' | 'no-arguments' | 'other-tool';

export interface ExampleCall {
  kind: ExampleCallKind;
  /** Which policy decides it: the recommended one, or the conditional example. */
  policy: 'recommended' | 'conditional';
  /** The tool called (another tool's name for `other-tool`). */
  tool: string;
  args: Record<string, unknown>;
  /** The guard whose refused value the call carries. */
  guard?: ArgumentGuard;
  /** For `limit` and `unlimited`: the call's number within one UTC window, and the window. */
  callNumber?: number;
  limit?: Pick<Limit, 'max' | 'window'>;
  /** policy.json's decision. */
  decision: Decision;
  /** policy.intercept.yaml's decision. */
  intercept: InterceptDecision;
}

export interface ExamplePolicies {
  recommended: { policy: Policy; intercept: InterceptPolicy };
  conditional?: { policy: Policy; intercept: InterceptPolicy };
}

export function exampleCalls(tool: Tool, decision: ToolDecision, policies: ExamplePolicies, otherTool: string): ExampleCall[] {
  const ordinary = ordinaryArgs(tool.inputSchema, decision.guards);
  const rows: ExampleCall[] = [];
  if (decision.disposition === 'allowed') {
    rows.push(...guardedRows(tool.name, ordinary, decision.guards, decision.limit, 'recommended', policies.recommended));
  } else {
    rows.push(decide('ordinary', 'recommended', tool.name, ordinary, policies.recommended));
    const example = decision.conditionalExample;
    if (example && policies.conditional) {
      const conditionalArgs = ordinaryArgs(tool.inputSchema, example.guards);
      rows.push(...guardedRows(tool.name, conditionalArgs, example.guards, example.limit, 'conditional', policies.conditional));
    } else {
      rows.push(decide('no-arguments', 'recommended', tool.name, {}, policies.recommended));
    }
  }
  if (rows.length < 3) rows.push(decide('other-tool', 'recommended', otherTool, {}, policies.recommended));
  return rows.slice(0, MAX_EXAMPLE_CALLS);
}

/** The ordinary call, one refused value per guard kind and argument, then the limit. */
function guardedRows(
  name: string,
  ordinary: Record<string, unknown>,
  guards: readonly ArgumentGuard[],
  limit: Limit | undefined,
  which: ExampleCall['policy'],
  policies: { policy: Policy; intercept: InterceptPolicy },
): ExampleCall[] {
  const rows = [decide('ordinary', which, name, ordinary, policies)];
  const limitRow = limit ? limitCall(name, ordinary, limit, which, policies) : unlimitedCall(name, ordinary, which, policies);
  const room = MAX_EXAMPLE_CALLS - 2;
  const shown = new Set<string>();
  for (const guard of guards) {
    if (rows.length - 1 >= room) break;
    const key = `${guard.param}\u0000${guard.kind}`;
    if (shown.has(key)) continue;
    shown.add(key);
    const args = { ...ordinary };
    const unsafe = unsafeArgsList(guards, guard)[0]!;
    setOwn(args, guard.param, unsafe[guard.param]);
    if (!Object.hasOwn(unsafe, guard.param)) delete args[guard.param];
    rows.push({ ...decide('guard', which, name, args, policies), guard });
  }
  rows.push(limitRow);
  return rows;
}

function decide(kind: ExampleCallKind, which: ExampleCall['policy'], tool: string, args: Record<string, unknown>, policies: { policy: Policy; intercept: InterceptPolicy }): ExampleCall {
  const at = new Date(REFERENCE_INSTANT);
  return {
    kind,
    policy: which,
    tool,
    args,
    decision: createEvaluator(policies.policy).decide({ tool, args, at }),
    intercept: createInterceptEngine(policies.intercept).handle({ tool, args, at }),
  };
}

/** Call `max + 1` within one UTC window: the first call opens it, the rest come in its last millisecond. */
function limitCall(tool: string, args: Record<string, unknown>, limit: Limit, which: ExampleCall['policy'], policies: { policy: Policy; intercept: InterceptPolicy }): ExampleCall {
  const calls = limit.max + 1;
  const { decision, intercept } = repeat(tool, args, calls, limit.window, policies);
  return { kind: 'limit', policy: which, tool, args, callNumber: calls, limit: { max: limit.max, window: limit.window }, decision, intercept };
}

function unlimitedCall(tool: string, args: Record<string, unknown>, which: ExampleCall['policy'], policies: { policy: Policy; intercept: InterceptPolicy }): ExampleCall {
  const { decision, intercept } = repeat(tool, args, UNLIMITED_PROBE_CALLS, 'minute', policies);
  return { kind: 'unlimited', policy: which, tool, args, callNumber: UNLIMITED_PROBE_CALLS, limit: { max: UNLIMITED_PROBE_CALLS, window: 'minute' }, decision, intercept };
}

function repeat(tool: string, args: Record<string, unknown>, calls: number, window: Limit['window'], policies: { policy: Policy; intercept: InterceptPolicy }): { decision: Decision; intercept: InterceptDecision } {
  const evaluator = createEvaluator(policies.policy);
  const engine = createInterceptEngine(policies.intercept);
  const first = windowStart(window, REFERENCE_INSTANT);
  const last = nextWindowStart(window, REFERENCE_INSTANT) - 1;
  let decision: Decision | undefined;
  let intercept: InterceptDecision | undefined;
  for (let n = 1; n <= calls; n += 1) {
    const at = new Date(n === 1 ? first : last);
    decision = evaluator.decide({ tool, args, at });
    intercept = engine.handle({ tool, args, at });
  }
  return { decision: decision!, intercept: intercept! };
}

/**
 * Arguments for an ordinary call: the guards' safe values, and a plain value of its type
 * for every other required argument (the first of an `enum`, a `const`, "example",
 * 1, false, [] or {}).
 */
export function ordinaryArgs(inputSchema: unknown, guards: readonly ArgumentGuard[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  // The first 64 required names at most: an ordinary call stays small.
  const required = requiredParameters(inputSchema, 64);
  for (const [name, schema] of schemaProperties(inputSchema)) {
    if (!required.has(name)) continue;
    setOwn(args, name, plainValue(schema));
  }
  const safe = safeArgs(guards);
  for (const key of Object.keys(safe)) setOwn(args, key, safe[key]);
  return args;
}

function plainValue(schema: Record<string, unknown>): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== 'null') : schema.type;
  switch (type) {
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' && schema.minimum > 1 ? schema.minimum : 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return 'example';
  }
}
