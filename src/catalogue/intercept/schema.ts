/**
 * The policy file of Intercept, the open-source MCP gateway (`PolicyLayer/Intercept`,
 * documented in its POLICY.md), as this project reads and writes it: the shapes, the
 * defaults the gateway applies on load (`applyDefaults`, with the `rate_limit`
 * shorthand), and its validation, with the gateway's own messages so that a problem
 * reads the same here as in `intercept validate`.
 *
 * Intercept reads YAML without a strict mode: keys it does not know are ignored. That is
 * how a typo (`on-deny`) silently does nothing, so `unknownKeys` reports them for
 * `check-policy` to warn about, while validation, like the gateway, lets them pass.
 */

export const INTERCEPT_WINDOWS = ['minute', 'hour', 'day'] as const;
export type InterceptWindow = (typeof INTERCEPT_WINDOWS)[number];

export const INTERCEPT_OPERATORS = [
  'eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists',
] as const;

export interface InterceptCondition {
  /** `args.<field>` (dotted, objects only) or `state.<tool>.<counter>`. */
  path: string;
  op: string;
  value?: unknown;
}

export interface InterceptState {
  counter: string;
  window: string;
  /** Added per allowed call; 0 or absent means 1. */
  increment?: number;
  /** `args.<field>`: add the call's own number instead (a spend total). */
  increment_from?: string;
}

export interface InterceptRule {
  name?: string;
  /** `evaluate` (the default): every condition must hold. `deny`: refuses every call. */
  action?: string;
  /** Shorthand `<N>/<minute|hour|day>`, expanded on load into a condition and a state. */
  rate_limit?: string;
  conditions?: InterceptCondition[];
  on_deny?: string;
  state?: InterceptState;
}

export interface InterceptToolDef {
  rules?: InterceptRule[];
}

export interface InterceptPolicy {
  version: string;
  description?: string;
  /** `allow` (the default) or `deny`: what happens to tools not listed under `tools`. */
  default?: string;
  /** Tools removed from tools/list and refused; `"*"` hides all. */
  hide?: string[];
  /** By tool name; the key `"*"` holds rules applied to every call after the tool's own. */
  tools?: Record<string, InterceptToolDef>;
}

/** The key of wildcard rules, and the scope their counters live in. */
export const WILDCARD = '*';
export const GLOBAL_SCOPE = '_global';

const RATE_LIMIT_FORMAT = /^[+-]?[0-9]+$/;

/** `5/hour` -> { count: 5, window: 'hour' }, or the gateway's error message. */
export function parseRateLimit(text: string): { count: number; window: InterceptWindow } | { error: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { error: `rate_limit must be in the format "N/window" (e.g. "5/hour"), got ${goQuote(text)}` };
  const countText = text.slice(0, slash);
  const window = text.slice(slash + 1);
  const count = RATE_LIMIT_FORMAT.test(countText) ? Number(countText) : Number.NaN;
  if (!Number.isSafeInteger(count) || count <= 0) return { error: `rate_limit count must be a positive integer, got ${goQuote(countText)}` };
  if (!isWindow(window)) return { error: `rate_limit window must be "minute", "hour", or "day", got ${goQuote(window)}` };
  return { count, window };
}

function isWindow(text: unknown): text is InterceptWindow {
  return typeof text === 'string' && (INTERCEPT_WINDOWS as readonly string[]).includes(text);
}

/** The scope of a tool's counters: its name, or `_global` for wildcard rules. */
export function counterScope(toolName: string): string {
  return toolName === WILDCARD ? GLOBAL_SCOPE : toolName;
}

/**
 * The policy as the gateway holds it after loading: `default` filled in, each
 * `rate_limit` turned into a counter condition and a state block (when it stands alone),
 * `action` filled in, and an `increment` of 0 made 1. The input is not changed.
 */
export function applyDefaults(policy: InterceptPolicy): InterceptPolicy {
  const tools: Record<string, InterceptToolDef> = Object.create(null);
  for (const [toolName, def] of Object.entries(policy.tools ?? {})) {
    tools[toolName] = { rules: (def?.rules ?? []).map((rule) => ruleWithDefaults(toolName, rule)) };
  }
  return { ...policy, default: policy.default || 'allow', tools };
}

function ruleWithDefaults(toolName: string, input: InterceptRule): InterceptRule {
  const rule: InterceptRule = { ...input };
  if (rule.rate_limit) {
    const standsAlone = (rule.conditions ?? []).length === 0 && rule.state === undefined && rule.action !== 'deny';
    const parsed = parseRateLimit(rule.rate_limit);
    if (standsAlone && !('error' in parsed)) {
      const counter = `_rate_${parsed.window}`;
      rule.action = 'evaluate';
      rule.conditions = [{ path: `state.${counterScope(toolName)}.${counter}`, op: 'lte', value: parsed.count }];
      rule.state = { counter, window: parsed.window, increment: 1 };
      if (!rule.on_deny) rule.on_deny = `Rate limit of ${parsed.count} per ${parsed.window} reached. Try again later.`;
      delete rule.rate_limit;
    }
  }
  if (!rule.action) rule.action = 'evaluate';
  if (rule.state && !rule.state.increment) rule.state = { ...rule.state, increment: 1 };
  return rule;
}

/**
 * Every problem the gateway would report for this policy (after `applyDefaults`), with
 * its messages and its order: version, default, hide, then the tools by name.
 */
export function validateIntercept(input: InterceptPolicy): string[] {
  const policy = applyDefaults(input);
  const errors: string[] = [];
  if (policy.version !== '1') errors.push(`version must be "1", got ${goQuote(String(policy.version ?? ''))}`);
  if (policy.default !== 'allow' && policy.default !== 'deny') {
    errors.push(`default must be "allow" or "deny", got ${goQuote(String(policy.default))}`);
  }
  const seen = new Set<string>();
  for (const [index, entry] of (policy.hide ?? []).entries()) {
    if (typeof entry !== 'string' || entry.trim() === '') {
      errors.push(`hide[${index}]: entry must not be empty`);
      continue;
    }
    if (seen.has(entry)) errors.push(`hide: duplicate entry ${goQuote(entry)}`);
    seen.add(entry);
  }
  const tools = policy.tools ?? {};
  for (const toolName of Object.keys(tools).sort(compareGoStrings)) {
    const rules = tools[toolName]!.rules ?? [];
    const counters = new Map<string, number>();
    for (const [index, rule] of rules.entries()) {
      if (rule.state === undefined) continue;
      const counter = rule.state.counter ?? '';
      const previous = counters.get(counter);
      if (previous !== undefined) {
        errors.push(`tools.${toolName}.rules[${index}]: duplicate state counter ${goQuote(counter)} (also used by rules[${previous}])`);
      } else counters.set(counter, index);
    }
    for (const [index, rule] of rules.entries()) errors.push(...validateRule(policy, `tools.${toolName}.rules[${index}]`, rule));
  }
  return errors;
}

function validateRule(policy: InterceptPolicy, prefix: string, rule: InterceptRule): string[] {
  const errors: string[] = [];
  if (rule.rate_limit) {
    // The shorthand was not expanded: say why, and nothing else about this rule.
    const parsed = parseRateLimit(rule.rate_limit);
    if ('error' in parsed) errors.push(`${prefix}: ${parsed.error}`);
    if ((rule.conditions ?? []).length > 0 || rule.state !== undefined) {
      errors.push(`${prefix}: rate_limit cannot be combined with conditions or state; use separate rules or the full syntax instead`);
    }
    if (rule.action === 'deny') errors.push(`${prefix}: rate_limit cannot be used with action "deny"`);
    return errors;
  }
  if (!rule.name) errors.push(`${prefix}: rule must have a name`);
  const conditions = rule.conditions ?? [];
  if (rule.action !== 'evaluate' && rule.action !== 'deny') {
    errors.push(`${prefix}: action must be "evaluate" or "deny", got ${goQuote(String(rule.action))}`);
  }
  if (rule.action === 'deny' && conditions.length > 0) errors.push(`${prefix}: deny rules must not have conditions`);
  if (rule.action === 'evaluate' && conditions.length === 0) errors.push(`${prefix}: evaluate rules must have at least one condition`);
  for (const [index, condition] of conditions.entries()) {
    for (const error of conditionProblems(condition)) errors.push(`${prefix}.conditions[${index}]: ${error}`);
  }
  if (rule.state) {
    const state = rule.state;
    if (!state.counter) errors.push(`${prefix}.state: counter must not be empty`);
    if (!isWindow(state.window)) errors.push(`${prefix}.state: window must be "minute", "hour", or "day", got ${goQuote(String(state.window ?? ''))}`);
    if (state.increment_from !== undefined && state.increment_from !== '' && !String(state.increment_from).startsWith('args.')) {
      errors.push(`${prefix}.state: increment_from must start with "args.", got ${goQuote(String(state.increment_from))}`);
    }
  }
  for (const condition of conditions) {
    if (typeof condition.path !== 'string' || !condition.path.startsWith('state.')) continue;
    const parts = splitN(condition.path, '.', 3);
    if (parts.length < 3) continue;
    const [, stateTool, counter] = parts as [string, string, string];
    if (!hasStateBlock(policy, stateTool, counter)) {
      errors.push(`${prefix}: condition references state.${stateTool}.${counter} but no matching state block found`);
    }
  }
  return errors;
}

/** Go's `strings.SplitN`: at most `n` parts, the last holding the rest. */
function splitN(text: string, separator: string, n: number): string[] {
  const parts = text.split(separator);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}

function hasStateBlock(policy: InterceptPolicy, stateTool: string, counter: string): boolean {
  const tools = policy.tools ?? {};
  const def = Object.hasOwn(tools, stateTool) ? tools[stateTool] : stateTool === GLOBAL_SCOPE ? tools[WILDCARD] : undefined;
  return (def?.rules ?? []).some((rule) => rule.state !== undefined && rule.state.counter === counter);
}

/** Every problem of one condition, in the gateway's words and order (path, operator, value). */
export function conditionProblems(condition: InterceptCondition): string[] {
  const { path, op, value } = condition;
  const problems: string[] = [];
  if (typeof path !== 'string' || (!path.startsWith('args.') && !path.startsWith('state.'))) {
    problems.push(`path must start with "args." or "state.", got ${goQuote(String(path ?? ''))}`);
  }
  if (!(INTERCEPT_OPERATORS as readonly string[]).includes(op)) {
    problems.push(`unknown operator ${goQuote(String(op ?? ''))}`);
    return problems;
  }
  switch (op) {
    case 'in':
    case 'not_in':
      if (!Array.isArray(value)) problems.push(`operator ${goQuote(op)} requires a list value`);
      break;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`operator ${goQuote(op)} requires a numeric value`);
      break;
    case 'exists':
      if (typeof value !== 'boolean') problems.push('operator "exists" requires a boolean value');
      break;
    case 'regex': {
      if (typeof value !== 'string') {
        problems.push('regex value must be a string');
        break;
      }
      const problem = re2Problem(value);
      if (problem !== undefined) problems.push(`invalid regex ${goQuote(value)}: ${problem}`);
      break;
    }
    default:
      break;
  }
  return problems;
}

/**
 * Why Go's RE2 would refuse a pattern, as far as this project can tell without RE2:
 * look-around and backreferences, which RE2 does not have, and anything JavaScript
 * cannot compile either. Undefined when the pattern is fine.
 */
export function re2Problem(pattern: string): string | undefined {
  if (/\(\?<?[=!]/.test(pattern)) return 'invalid or unsupported Perl syntax: look-around';
  if (/\\[1-9]|\\k</.test(pattern)) return 'invalid escape sequence: backreference';
  try {
    compileRe2(pattern);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/**
 * A JavaScript regular expression that matches as the RE2 pattern does, unanchored like
 * Go's `MatchString`. RE2 syntax JavaScript spells differently is rewritten: leading
 * flags `(?i)`, `(?s)`, `(?m)`; `\A` and `\z`; `(?P<name>`; one-letter Unicode classes
 * (`\pL`); POSIX classes inside brackets (`[[:alpha:]]`); `\Q...\E`; and escaped
 * punctuation (`\-`), which JavaScript's `u` mode refuses outside brackets.
 */
export function compileRe2(pattern: string): RegExp {
  let flags = 'u';
  let body = pattern;
  const leading = /^\(\?([ims]+)\)/.exec(body);
  if (leading) {
    flags += [...new Set(leading[1])].join('');
    body = body.slice(leading[0].length);
  }
  return new RegExp(re2ToJavaScript(body), flags);
}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

/** Characters `u` mode lets a backslash escape; any other escaped punctuation is written as a code point. */
const JS_ESCAPABLE = new Set('^$\\.*+?()[]{}|/');

function re2ToJavaScript(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const character = pattern[index]!;
    if (character === '\\') {
      const next = pattern[index + 1];
      if (next === undefined) return out + '\\';
      index += 1;
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', index + 1);
        const quoted = pattern.slice(index + 1, end < 0 ? undefined : end);
        out += [...quoted].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
        index = end < 0 ? pattern.length : end + 1;
        continue;
      }
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'z') out += '$';
      else if ((next === 'p' || next === 'P') && /[A-Z]/.test(pattern[index + 1] ?? '')) {
        out += `\\${next}{${pattern[index + 1]}}`;
        index += 1;
      } else if (/[0-9A-Za-z]/.test(next)) out += `\\${next}`;
      else if (JS_ESCAPABLE.has(next) || (inClass && next === '-')) out += `\\${next}`;
      else out += `\\u{${next.codePointAt(0)!.toString(16)}}`;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(index));
      if (posix && POSIX_CLASSES[posix[2]!] && posix[1] === '') {
        out += POSIX_CLASSES[posix[2]!];
        index += posix[0].length - 1;
        continue;
      }
      if (character === ']') inClass = false;
      out += character;
      continue;
    }
    if (character === '[') {
      inClass = true;
      out += character;
      // A `]` or `^]` right after the bracket is a literal in RE2.
      if (pattern[index + 1] === '^') {
        out += '^';
        index += 1;
      }
      if (pattern[index + 1] === ']') {
        out += '\\]';
        index += 1;
      }
      continue;
    }
    if (character === '(' && pattern.startsWith('(?P<', index)) {
      out += '(?<';
      index += 3;
      continue;
    }
    out += character;
  }
  return out;
}

/** Go's `%q` for the strings this project meets: JSON quoting is the same for printable text. */
export function goQuote(text: string): string {
  return JSON.stringify(text);
}

/** Go sorts strings by bytes (UTF-8), which is code point order, not UTF-16 order. */
export function compareGoStrings(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const difference = left[index]!.codePointAt(0)! - right[index]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** The first problem of one condition, or undefined when it has none. */
export function validateCondition(condition: InterceptCondition): string | undefined {
  return conditionProblems(condition)[0];
}
