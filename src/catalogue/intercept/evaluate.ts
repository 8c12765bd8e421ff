/**
 * Intercept's decision on a tool call, as its Go code makes it (`internal/engine/` for
 * the rules, `internal/proxy/handler.go` and `internal/state/` for the counters), so
 * that every claim about a policy.intercept.yaml on this site is proven the way the
 * gateway would decide it.
 *
 * Two phases, as in the gateway:
 * 1. The engine: hidden tools first (`hide`, `"*"` hides all), then, under
 *    `default: deny`, a tool without a key under `tools` is refused (wildcard rules never
 *    rescue it). Then the tool's rules in order, then the wildcard `"*"` rules: a `deny`
 *    rule refuses; an `evaluate` rule refuses unless every condition holds. Counter
 *    conditions read the current window's count before this call.
 * 2. Reservation, only when the engine allowed the call: each rule with a `state` block
 *    (the tool's, then the wildcard's) adds its increment (or the number at
 *    `increment_from`) to its counter, if that stays within the limit its own `lt`/`lte`
 *    condition sets (`lte N` allows N, `lt N` allows N - 1). A refusal undoes the
 *    reservations this call already made. A rule without such a condition never counts.
 *    A missing or non-numeric `increment_from` refuses the call ("Internal policy
 *    error"). `upstreamError` undoes a call's reservations, as the gateway does when the
 *    server answers with a JSON-RPC error.
 *
 * Windows are calendar windows in UTC (the minute, hour or day that contains the call);
 * a count from an earlier window reads as 0.
 *
 * Conditions (`internal/engine/operators.go`): a missing argument fails every operator
 * except `exists` (`exists` also counts an explicit null as missing). Arguments are
 * walked through objects only: an array element cannot be addressed. `eq`, `in` and
 * `contains` on an array compare numbers as numbers and anything else by Go's `%v`
 * text, so the string "5" equals the number 5; `lt`/`lte`/`gt`/`gte` only compare
 * numbers; `regex` only matches strings, unanchored.
 */
import {
  applyDefaults,
  compareGoStrings,
  compileRe2,
  counterScope,
  goQuote,
  WILDCARD,
  type InterceptCondition,
  type InterceptPolicy,
  type InterceptRule,
  type InterceptWindow,
} from './schema.ts';

export interface InterceptCall {
  tool: string;
  /** The call's `arguments`; absent when the request has none. */
  args?: unknown;
  at: Date;
}

export interface InterceptDecision {
  allow: boolean;
  /** The rule that decided: its name, `(hidden)` or `(default deny)`; empty when allowed. */
  rule: string;
  /** What the agent is told (without the gateway's `[INTERCEPT POLICY DENIED]` prefix). */
  message: string;
  /** Which phase refused: the engine's rules, or a counter's reservation. */
  phase?: 'engine' | 'reserve';
  /** Counter increments made for this call, undone by `upstreamError`. */
  reservations: ReadonlyArray<{ key: string; amount: number }>;
}

/** What the engine alone decides: the rules, with counters read but never changed. */
export interface EngineDecision {
  allow: boolean;
  rule: string;
  message: string;
}

/** Reads `state.<scope>.<counter>`; `exists: false` when the store has no such key. */
export interface StateResolver {
  resolve(path: string, at: Date): { value: unknown; exists: boolean };
}

export interface InterceptEngine {
  /** The engine phase only (Intercept's `Engine.Evaluate`). */
  evaluate(call: InterceptCall): EngineDecision;
  /** The whole decision: the engine, then counter reservations (the proxy handler). */
  handle(call: InterceptCall): InterceptDecision;
  /** The server answered the call with a JSON-RPC error: its reservations are undone. */
  upstreamError(decision: InterceptDecision): void;
  /** Swaps the policy, as a reload does; counters are kept. */
  setPolicy(policy: InterceptPolicy): void;
  /** The hidden tool names, or null when nothing is hidden. */
  hiddenTools(): ReadonlySet<string> | null;
  visibleTools(names: readonly string[]): string[];
}

const WINDOW_MS: Readonly<Record<InterceptWindow, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

function windowStart(window: string, time: number): number {
  const size = WINDOW_MS[window as InterceptWindow] ?? 0;
  return size === 0 ? time : Math.floor(time / size) * size;
}

interface CounterRow {
  value: number;
  windowStart: number;
  window: string;
}

/**
 * The gateway's counter store, in memory: per key, the count of the window it was last
 * written in. Reading a key from an older window, or a key never written, gives 0, as
 * Intercept's SQLite and Redis stores do.
 */
export class MemoryCounterStore implements StateResolver {
  readonly #rows = new Map<string, CounterRow>();

  resolve(path: string, at: Date): { value: unknown; exists: boolean } {
    const row = this.#rows.get(path.slice('state.'.length));
    if (!row || row.windowStart !== windowStart(row.window, at.getTime())) return { value: 0, exists: true };
    return { value: row.value, exists: true };
  }

  /** Adds `amount` when the total stays within `limit`; false (and no change) otherwise. */
  reserve(key: string, amount: number, limit: number, window: string, at: Date): boolean {
    const start = windowStart(window, at.getTime());
    const row = this.#rows.get(key);
    const current = row && row.windowStart === start ? row.value : 0;
    if (current + amount > limit) return false;
    this.#rows.set(key, { value: current + amount, windowStart: start, window });
    return true;
  }

  /** Takes `amount` back, never below 0; a key never written is left alone. */
  rollback(key: string, amount: number): void {
    const row = this.#rows.get(key);
    if (row) row.value = Math.max(0, row.value - amount);
  }
}

export interface EngineOptions {
  /**
   * The counters. `null` is an engine without a store: every `state.` condition then
   * holds, whatever its operator, and nothing is counted (Intercept's `engine.New(cfg, nil)`).
   */
  store?: MemoryCounterStore | StateResolver | null;
}

/** A policy compiled once: rules with defaults applied, patterns compiled. */
interface Compiled {
  policy: InterceptPolicy;
  hidden: Set<string> | null;
  hideAll: boolean;
  patterns: Map<string, RegExp | null>;
}

function compile(policy: InterceptPolicy): Compiled {
  const withDefaults = applyDefaults(policy);
  const hide = withDefaults.hide ?? [];
  return {
    policy: withDefaults,
    hidden: hide.length > 0 ? new Set(hide) : null,
    hideAll: hide.includes(WILDCARD),
    patterns: new Map(),
  };
}

export function createInterceptEngine(policy: InterceptPolicy, options: EngineOptions = {}): InterceptEngine {
  let compiled = compile(policy);
  const store = options.store === undefined ? new MemoryCounterStore() : options.store;

  function toolsOf(): Record<string, { rules?: InterceptRule[] }> {
    return compiled.policy.tools ?? {};
  }

  /** The tool's rules with their counter scope, then the wildcard's (unless the tool is "*"). */
  function matchingRules(name: string): Array<{ rule: InterceptRule; scope: string }> {
    const tools = toolsOf();
    const own = Object.hasOwn(tools, name) ? (tools[name]!.rules ?? []) : [];
    const rules = own.map((rule) => ({ rule, scope: counterScope(name) }));
    if (name !== WILDCARD && Object.hasOwn(tools, WILDCARD)) {
      for (const rule of tools[WILDCARD]!.rules ?? []) rules.push({ rule, scope: counterScope(WILDCARD) });
    }
    return rules;
  }

  function evaluate(call: InterceptCall): EngineDecision {
    const name = call.tool;
    if (compiled.hidden && (compiled.hideAll || compiled.hidden.has(name))) {
      return { allow: false, rule: '(hidden)', message: `Tool ${goQuote(name)} is hidden by policy` };
    }
    if (compiled.policy.default === 'deny' && !Object.hasOwn(toolsOf(), name)) {
      return { allow: false, rule: '(default deny)', message: `Tool ${goQuote(name)} is not permitted by policy` };
    }
    for (const { rule } of matchingRules(name)) {
      const refused = { allow: false, rule: rule.name ?? '', message: rule.on_deny ?? '' };
      if (rule.action === 'deny') return refused;
      if (rule.action === 'evaluate' && !(rule.conditions ?? []).every((condition) => conditionHolds(condition, call))) {
        return refused;
      }
    }
    return { allow: true, rule: '', message: '' };
  }

  function conditionHolds(condition: InterceptCondition, call: InterceptCall): boolean {
    if (condition.path.startsWith('state.') && store === null) return true;
    const { value, exists } = resolve(condition.path, call);
    if (condition.op === 'exists') {
      if (typeof condition.value !== 'boolean') return false;
      return (exists && value !== null) === condition.value;
    }
    if (!exists) return false;
    return evalOp(condition.op, value, condition.value, (pattern) => patternOf(pattern));
  }

  function resolve(path: string, call: InterceptCall): { value: unknown; exists: boolean } {
    if (path.startsWith('args.')) return resolveArgs(call.args, path.slice('args.'.length));
    if (path.startsWith('state.')) return store ? store.resolve(path, call.at) : { value: undefined, exists: false };
    return { value: undefined, exists: false };
  }

  function patternOf(pattern: string): RegExp | null {
    if (!compiled.patterns.has(pattern)) {
      let regex: RegExp | null = null;
      try {
        regex = compileRe2(pattern);
      } catch {
        regex = null;
      }
      compiled.patterns.set(pattern, regex);
    }
    return compiled.patterns.get(pattern)!;
  }

  function handle(call: InterceptCall): InterceptDecision {
    const time = call.at.getTime();
    if (!Number.isFinite(time)) throw new RangeError('call.at is not a valid date');
    const engine = evaluate(call);
    if (!engine.allow) {
      return { ...engine, message: engine.message || `Denied by rule ${goQuote(engine.rule)}`, phase: 'engine', reservations: [] };
    }
    const allowed: InterceptDecision = { allow: true, rule: '', message: '', reservations: [] };
    if (!(store instanceof MemoryCounterStore)) return allowed;
    const reservations: Array<{ key: string; amount: number }> = [];
    const undo = (): void => {
      for (const { key, amount } of reservations) store.rollback(key, amount);
    };
    for (const { rule, scope } of matchingRules(call.tool)) {
      const state = rule.state;
      if (!state) continue;
      const key = `${scope}.${state.counter}`;
      const amount = incrementOf(rule, call.args);
      if (amount === undefined) {
        undo();
        return { allow: false, rule: '', message: 'Internal policy error', phase: 'reserve', reservations: [] };
      }
      const limit = limitOf(rule, scope);
      if (limit === undefined) continue;
      if (!store.reserve(key, amount, limit, state.window, call.at)) {
        undo();
        return {
          allow: false,
          rule: rule.name ?? '',
          message: rule.on_deny || `Rate limit exceeded for ${rule.name ?? ''}`,
          phase: 'reserve',
          reservations: [],
        };
      }
      reservations.push({ key, amount });
    }
    return { ...allowed, reservations };
  }

  return {
    evaluate,
    handle,
    upstreamError(decision) {
      if (!(store instanceof MemoryCounterStore)) return;
      for (const { key, amount } of decision.reservations) store.rollback(key, amount);
    },
    setPolicy(next) {
      compiled = compile(next);
    },
    hiddenTools: () => compiled.hidden,
    visibleTools: (names) => names.filter((name) => !(compiled.hidden && (compiled.hideAll || compiled.hidden.has(name)))),
  };
}

/** The amount a call adds to a rule's counter; undefined when `increment_from` has no number. */
function incrementOf(rule: InterceptRule, args: unknown): number | undefined {
  const state = rule.state!;
  if (!state.increment_from) return state.increment ?? 1;
  const { value, exists } = resolveArgs(args, state.increment_from.slice('args.'.length));
  if (!exists || typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.trunc(value);
}

/** The limit a rule's own `lt`/`lte` condition on its counter sets (`lt N` is N - 1). */
function limitOf(rule: InterceptRule, scope: string): number | undefined {
  const path = `state.${scope}.${rule.state!.counter}`;
  for (const condition of rule.conditions ?? []) {
    if (condition.path !== path || typeof condition.value !== 'number') continue;
    if (condition.op === 'lt') return Math.trunc(condition.value) - 1;
    if (condition.op === 'lte') return Math.trunc(condition.value);
  }
  return undefined;
}

/** Walks `a.b.c` through objects only (own keys); anything else is missing. */
export function resolveArgs(args: unknown, path: string): { value: unknown; exists: boolean } {
  let current: unknown = args;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return { value: undefined, exists: false };
    if (!Object.hasOwn(current, part)) return { value: undefined, exists: false };
    current = (current as Record<string, unknown>)[part];
  }
  return { value: current, exists: true };
}

/** One operator on a present value (Intercept's `evalOp`); an unknown operator is false. */
export function evalOp(op: string, actual: unknown, expected: unknown, patternOf: (pattern: string) => RegExp | null = compileOrNull): boolean {
  switch (op) {
    case 'eq':
      return goEqual(actual, expected);
    case 'neq':
      return !goEqual(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((item) => goEqual(actual, item));
    case 'not_in':
      return !(Array.isArray(expected) && expected.some((item) => goEqual(actual, item)));
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      if (!isNumber(actual) || !isNumber(expected)) return false;
      if (op === 'lt') return actual < expected;
      if (op === 'lte') return actual <= expected;
      if (op === 'gt') return actual > expected;
      return actual >= expected;
    }
    case 'regex': {
      if (typeof actual !== 'string' || typeof expected !== 'string') return false;
      const regex = patternOf(expected);
      return regex !== null && regex.test(actual);
    }
    case 'contains':
      if (typeof actual === 'string') return typeof expected === 'string' && actual.includes(expected);
      if (Array.isArray(actual)) return actual.some((item) => goEqual(item, expected));
      return false;
    default:
      return false;
  }
}

function compileOrNull(pattern: string): RegExp | null {
  try {
    return compileRe2(pattern);
  } catch {
    return null;
  }
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Numbers by value; anything else by Go's `%v` text (`"5"` equals 5, `true` equals
 * "true"). `actual` comes from the call's JSON, where every number is a float64;
 * `expected` from the policy's YAML, where a whole number is an int.
 */
export function goEqual(actual: unknown, expected: unknown): boolean {
  if (isNumber(actual) && isNumber(expected)) return actual === expected;
  return goFormat(actual) === goFormat(expected, 'yaml');
}

/**
 * Go's `%v` of a value decoded from JSON or YAML: `<nil>`, `true`, numbers in the
 * shortest form (an exponent from 1e+06 on, as Go prints a float64; integers from YAML
 * are printed whole, as Go prints an int), `[a b]` for lists, `map[k:v]` with sorted keys.
 */
export function goFormat(value: unknown, source: 'json' | 'yaml' = 'json'): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return source === 'yaml' && Number.isSafeInteger(value) ? value.toFixed(0) : goFloat(value);
  if (Array.isArray(value)) return `[${value.map((item) => goFormat(item, source)).join(' ')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort(compareGoStrings);
    return `map[${keys.map((key) => `${key}:${goFormat((value as Record<string, unknown>)[key], source)}`).join(' ')}]`;
  }
  return String(value);
}

/** Go's `%v` of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`): shortest digits, %e form outside 1e-4 <= |f| < 1e+06. */
function goFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  // Shortest digits, as JavaScript finds them too.
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  // Go's shortest %g uses an exponent when it is below -4 or at least 6.
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}
