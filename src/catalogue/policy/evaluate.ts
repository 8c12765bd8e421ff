/**
 * A reference evaluator for policy.json v1: what the gateway does with one call.
 *
 * The site uses it to prove what its pages say about a policy (claims.ts); it is the
 * executable reading of the format, so every choice below is deliberate.
 *
 * Order of a decision (the first step that refuses wins):
 * 1. `hide`: a tool whose exact name is listed, or any tool when `"*"` is listed, is
 *    refused (`hidden`), even if `tools` lists it. Names are compared exactly (case and
 *    all), never as patterns; only the single entry `"*"` is special.
 * 2. listing: a tool with a rule under `tools` (an own key: `constructor` or `__proto__`
 *    are names like any other) goes on to its rule. A tool without one is refused
 *    (`default`) under `default: "deny"` and goes on, with no rule, under `"allow"`.
 *    So `{}` allows a tool under `default: "deny"`.
 * 3. `require`: every condition must hold, or the call is refused (`require`, naming the
 *    first condition that does not hold).
 * 4. `deny_if`: the first condition that holds refuses the call (`deny_if`).
 * 5. limits: the limits of `all_tools.limits`, then those of the tool's rule, are checked
 *    all together: if any one would be exceeded the call is refused (`limit`, naming the
 *    first such limit) and no counter moves. Only an allowed call is counted, so a refused
 *    call (for any reason) never uses up anyone's allowance.
 *
 * Conditions. `path` is `args.` then dotted keys; each key is looked up as an own property
 * only (never through the prototype: `args.constructor` or `args.__proto__` resolve only
 * when the arguments really carry such a key); inside an array only a canonical index
 * (`0`, `1`, ... not `01` or `length`) resolves. A path that does not resolve is
 * "missing"; a key present with `null` is not missing. A condition on a missing path does
 * not hold, whatever its operator, except `exists: false`, which holds exactly then. So
 * in `require` a missing argument refuses the call, and in `deny_if` it refuses nothing
 * (unless the condition is `exists: false`).
 * - `eq` / `neq`: deep JSON equality (objects by their own keys in any order, arrays in
 *   order, numbers by value); `neq` holds when the argument is present and not equal.
 * - `lt` / `lte` / `gt` / `gte`: only between numbers; a string such as "5" never holds.
 * - `in` / `not_in`: the argument equals (deeply) one / none of the listed values.
 * - `exists`: `true` holds when the path resolves, `false` when it does not.
 * - `regex`: the pattern (compiled with the `u` flag, unanchored unless it says `^`/`$`)
 *   matches the argument; only strings can match.
 * - `contains`: a string argument contains the value as a substring (the value must be a
 *   string), or an array argument has an element deeply equal to the value; anything
 *   else does not hold.
 *
 * Limits. A counter is a named count of allowed calls within one grant. Every limit that
 * names the same counter reads the same count, whichever tool or `all_tools` it sits
 * under; a call counts once per counter even when several applicable limits name it.
 * A limit with window `minute`, `hour` or `day` reads the calls counted since the start of
 * the current UTC minute, hour or day (calendar boundaries, not a sliding window): a
 * limit of 10 a minute allows 10 calls at 12:00:59.999 and an 11th at 12:01:00.000.
 * `max` calls are allowed in a window; the next is refused; `max: 0` refuses every call.
 * Counts are exact for calls given in any time order. Grants never share counts.
 *
 * `visibleTools` is `tools/list` through the gateway: it drops hidden tools only. A tool
 * refused by `default: "deny"` stays visible, as the format says nothing else.
 */
import type { Condition, Limit, LimitWindow, Policy, ToolRule } from './schema.ts';
import { policySchema, WINDOWS } from './schema.ts';

export interface PolicyCall {
  tool: string;
  args?: unknown;
  at: Date;
  /** Whose calls count together; default `"default"`. */
  grant?: string;
}

export type DenyReason = 'hidden' | 'default' | 'require' | 'deny_if' | 'limit';

export interface Decision {
  allow: boolean;
  reason: 'allowed' | DenyReason;
  message: string;
  condition?: Condition;
  limit?: Limit;
}

export interface Evaluator {
  decide(call: PolicyCall): Decision;
  visibleTools(names: readonly string[]): string[];
}

export const DEFAULT_GRANT = 'default';

const WINDOW_MS: Readonly<Record<LimitWindow, number>> = {
  minute: 60_000,
  hour: 3_600_000,
  // A UTC day is always 86,400,000 ms in ECMAScript time (no leap seconds).
  day: 86_400_000,
};

/** The start, in ms since the epoch, of the UTC window that contains `time`. */
export function windowStart(window: LimitWindow, time: number): number {
  const size = WINDOW_MS[window];
  return Math.floor(time / size) * size;
}

/** The first instant of the next window after the one that contains `time`. */
export function nextWindowStart(window: LimitWindow, time: number): number {
  return windowStart(window, time) + WINDOW_MS[window];
}

const MISSING: unique symbol = Symbol('missing');

interface CompiledCondition {
  condition: Condition;
  keys: string[];
  regex?: RegExp;
}

interface CompiledRule {
  require: CompiledCondition[];
  denyIf: CompiledCondition[];
  /** `all_tools.limits`, then the rule's own. */
  limits: Limit[];
  /** The distinct counters of `limits`: each is counted once per allowed call. */
  counters: string[];
}

/** Allowed calls per window start (ms since the epoch), one map per window kind. */
type CounterBuckets = Record<LimitWindow, Map<number, number>>;

/**
 * A policy validated and compiled once (regular expressions built, rules indexed), from
 * which any number of evaluators with fresh counters can be made. It is a snapshot:
 * changing the policy object afterwards changes nothing here.
 */
export interface CompiledPolicy {
  readonly [COMPILED]: true;
  readonly defaultDecision: 'allow' | 'deny';
  readonly hidden: ReadonlySet<string>;
  readonly hideAll: boolean;
  /** What applies to a tool without a rule under `default: "allow"`. */
  readonly unlisted: CompiledRule;
  readonly rules: ReadonlyMap<string, CompiledRule>;
}

const COMPILED: unique symbol = Symbol('compiled policy');

/**
 * Validates the policy (a gateway refuses an invalid one: so does this) and compiles it.
 * Throws a TypeError naming the first problem.
 */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const parsed = policySchema.safeParse(policy);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TypeError(`invalid policy at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const valid = parsed.data;
  const hidden = new Set(valid.hide ?? []);
  const globalLimits = valid.all_tools?.limits ?? [];
  const rules = new Map<string, CompiledRule>();
  for (const [name, rule] of Object.entries(valid.tools ?? {})) rules.set(name, compileRule(rule, globalLimits));
  return {
    [COMPILED]: true,
    defaultDecision: valid.default,
    hidden,
    hideAll: hidden.has('*'),
    unlisted: compileRule({}, globalLimits),
    rules,
  };
}

function isCompiled(policy: Policy | CompiledPolicy): policy is CompiledPolicy {
  return (policy as Partial<CompiledPolicy>)[COMPILED] === true;
}

/**
 * A decider with its own counters, for a policy (validated here; throws a TypeError when
 * invalid) or a policy compiled once with `compilePolicy`.
 */
export function createEvaluator(policy: Policy | CompiledPolicy): Evaluator {
  const { defaultDecision, hidden, hideAll, unlisted, rules } = isCompiled(policy) ? policy : compilePolicy(policy);
  // grant -> counter -> window kind -> window start -> allowed calls counted.
  const counts = new Map<string, Map<string, CounterBuckets>>();

  const isHidden = (name: string): boolean => hideAll || hidden.has(name);

  function decide(call: PolicyCall): Decision {
    const time = call.at.getTime();
    if (!Number.isFinite(time)) throw new RangeError('call.at is not a valid date');
    const tool = call.tool;
    if (isHidden(tool)) {
      return deny('hidden', hideAll ? 'The policy hides every tool ("*").' : `The policy hides ${tool}.`);
    }
    const listed = rules.get(tool);
    if (listed === undefined && defaultDecision === 'deny') {
      return deny('default', `${tool} is not listed under tools and the default is deny.`);
    }
    const rule = listed ?? unlisted;
    for (const compiled of rule.require) {
      if (!holds(compiled, call.args)) {
        return { ...deny('require', `Required: ${describeCondition(compiled.condition)}.`), condition: compiled.condition };
      }
    }
    for (const compiled of rule.denyIf) {
      if (holds(compiled, call.args)) {
        return { ...deny('deny_if', `Refused because ${describeCondition(compiled.condition)}.`), condition: compiled.condition };
      }
    }
    const limits = rule.limits;
    if (limits.length === 0) return allowed();
    const grant = call.grant ?? DEFAULT_GRANT;
    let counters = counts.get(grant);
    for (const limit of limits) {
      const used = counters?.get(limit.counter)?.[limit.window].get(windowStart(limit.window, time)) ?? 0;
      if (used + 1 > limit.max) {
        return {
          ...deny('limit', `Counter ${limit.counter} allows ${limit.max} calls per UTC ${limit.window}; this would be call ${used + 1}.`),
          limit,
        };
      }
    }
    if (counters === undefined) {
      counters = new Map();
      counts.set(grant, counters);
    }
    for (const counter of rule.counters) {
      let buckets = counters.get(counter);
      if (buckets === undefined) {
        buckets = { minute: new Map(), hour: new Map(), day: new Map() };
        counters.set(counter, buckets);
      }
      // Every window is counted, so a counter shared by limits of different windows agrees.
      for (const window of WINDOWS) {
        const start = windowStart(window, time);
        const bucket = buckets[window];
        bucket.set(start, (bucket.get(start) ?? 0) + 1);
      }
    }
    return allowed();
  }

  return {
    decide,
    visibleTools: (names) => names.filter((name) => !isHidden(name)),
  };
}

/** A fresh evaluator over a sequence of calls, in the order given. */
export function evaluateCalls(policy: Policy | CompiledPolicy, calls: readonly PolicyCall[]): Decision[] {
  const evaluator = createEvaluator(policy);
  return calls.map((call) => evaluator.decide(call));
}

function allowed(): Decision {
  return { allow: true, reason: 'allowed', message: 'Allowed.' };
}

function deny(reason: DenyReason, message: string): Decision {
  return { allow: false, reason, message };
}

function compileRule(rule: ToolRule, globalLimits: readonly Limit[]): CompiledRule {
  const limits = [...globalLimits, ...(rule.limits ?? [])];
  return {
    require: (rule.require ?? []).map(compileCondition),
    denyIf: (rule.deny_if ?? []).map(compileCondition),
    limits,
    counters: [...new Set(limits.map((limit) => limit.counter))],
  };
}

function compileCondition(condition: Condition): CompiledCondition {
  return {
    condition,
    keys: conditionKeys(condition.path),
    ...(condition.op === 'regex' ? { regex: new RegExp(condition.value as string, 'u') } : {}),
  };
}

/** The keys after `args.`; the schema guarantees the shape. */
export function conditionKeys(path: string): string[] {
  return path.split('.').slice(1);
}

const CANONICAL_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** The value at `keys` inside `args`, by own properties only; MISSING when it does not resolve. */
export function resolvePath(args: unknown, keys: readonly string[]): unknown {
  let current: unknown = args;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return MISSING;
    if (Array.isArray(current)) {
      if (!CANONICAL_INDEX.test(key)) return MISSING;
      const index = Number(key);
      if (index >= current.length) return MISSING;
      current = current[index];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, key)) return MISSING;
      current = (current as Record<string, unknown>)[key];
    }
    if (current === undefined) return MISSING;
  }
  return current;
}

/** Whether a condition holds for these arguments (see the module comment). */
export function conditionHolds(condition: Condition, args: unknown): boolean {
  return holds(compileCondition(condition), args);
}

function holds(compiled: CompiledCondition, args: unknown): boolean {
  const { condition } = compiled;
  const actual = resolvePath(args, compiled.keys);
  if (condition.op === 'exists') return (actual !== MISSING) === condition.value;
  if (actual === MISSING) return false;
  const expected = condition.value;
  switch (condition.op) {
    case 'eq':
      return jsonEqual(actual, expected);
    case 'neq':
      return !jsonEqual(actual, expected);
    case 'lt':
      return isNumber(actual) && isNumber(expected) && actual < expected;
    case 'lte':
      return isNumber(actual) && isNumber(expected) && actual <= expected;
    case 'gt':
      return isNumber(actual) && isNumber(expected) && actual > expected;
    case 'gte':
      return isNumber(actual) && isNumber(expected) && actual >= expected;
    case 'in':
      return Array.isArray(expected) && expected.some((item) => jsonEqual(actual, item));
    case 'not_in':
      return Array.isArray(expected) && !expected.some((item) => jsonEqual(actual, item));
    case 'regex':
      return typeof actual === 'string' && compiled.regex!.test(actual);
    case 'contains':
      if (typeof actual === 'string') return typeof expected === 'string' && actual.includes(expected);
      if (Array.isArray(actual)) return actual.some((item) => jsonEqual(item, expected));
      return false;
  }
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Deep equality of JSON values: own enumerable keys in any order, arrays in order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => jsonEqual(item, other[index]));
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

const OPERATOR_WORDS: Readonly<Record<Condition['op'], string>> = {
  eq: 'equals',
  neq: 'does not equal',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is greater than',
  gte: 'is at least',
  in: 'is one of',
  not_in: 'is none of',
  exists: 'exists',
  regex: 'matches the pattern',
  contains: 'contains',
};

/** A condition in plain words, e.g. `args.path contains ".."`. */
export function describeCondition(condition: Condition): string {
  if (condition.op === 'exists') return `${condition.path} ${condition.value ? 'is given' : 'is not given'}`;
  return `${condition.path} ${OPERATOR_WORDS[condition.op]} ${JSON.stringify(condition.value)}`;
}
