/**
 * Checks a user's own policy, policy.json (the hosted gateway's v1) or
 * policy.intercept.yaml (Intercept), against its format and against one server's tools in
 * the catalogue, and decides sample calls with the format's evaluator.
 *
 * Problems, each with its place in the file (dotted path, line and column):
 * - errors: the file is not valid for its format (schema or Intercept's validation); a
 *   tool name the server does not have; a condition on an argument the tool's input
 *   schema does not declare (a `require` on it refuses every call, a `deny_if` never
 *   fires);
 * - warnings: a hidden name the server does not have; a limit that can never be reached
 *   (a tighter limit on the same count over a longer window is always reached first, or
 *   the tool is hidden); a `max` of 0; keys Intercept ignores.
 */
import { parseDocument, LineCounter } from 'yaml';
import { policySchema, type Limit, type Policy } from '../policy/schema.ts';
import { createEvaluator, type Decision } from '../policy/evaluate.ts';
import { applyDefaults, validateIntercept, INTERCEPT_WINDOWS, WILDCARD, type InterceptPolicy } from '../intercept/schema.ts';
import { createInterceptEngine, type InterceptDecision } from '../intercept/evaluate.ts';
import { parseInterceptFile, placeOf, positionIn } from '../intercept/yaml-file.ts';
import { schemaProperties } from '../policy/argument-guards.ts';
import { slugify } from '../slug.ts';
import type { Server } from '../schema/server.ts';

export type PolicyFormat = 'policy.json' | 'policy.intercept.yaml';

export interface PolicyProblem {
  severity: 'error' | 'warning';
  /** Dotted place in the file, e.g. `tools.delete_file.deny_if[0].path`. */
  place: string;
  line?: number;
  column?: number;
  message: string;
}

export interface PolicyCheck {
  format: PolicyFormat;
  problems: PolicyProblem[];
  /** The policy, when the file could be read as one (even with problems). */
  policy?: Policy;
  intercept?: InterceptPolicy;
}

const WINDOW_RANK: Readonly<Record<string, number>> = { minute: 0, hour: 1, day: 2 };

/** The format of a file, from its name, or else from its first character. */
export function formatOf(fileName: string, text: string): PolicyFormat {
  if (/\.ya?ml$/i.test(fileName)) return 'policy.intercept.yaml';
  if (/\.json$/i.test(fileName)) return 'policy.json';
  return text.trimStart().startsWith('{') ? 'policy.json' : 'policy.intercept.yaml';
}

export function checkPolicyText(fileName: string, text: string, server: Server): PolicyCheck {
  return formatOf(fileName, text) === 'policy.json' ? checkJson(text, server) : checkIntercept(text, server);
}

/** Where a path of keys lands in a JSON or YAML text (JSON is read as YAML for positions). */
function locator(text: string): (path: ReadonlyArray<string | number>) => { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  return (path) => positionIn(document, lineCounter, path);
}

function toolsByName(server: Server): Map<string, Server['tools'][number]> {
  return new Map(server.tools.map((tool) => [tool.name, tool]));
}

/** "Did you mean" for a name the server lacks: a tool whose slug is the same, if any. */
function suggestion(server: Server, name: string): string {
  const slug = slugify(name);
  const near = server.tools.find((tool) => slugify(tool.name) === slug);
  return near ? ` (did you mean ${JSON.stringify(near.name)}?)` : '';
}

function argumentProblem(tool: Server['tools'][number], path: string): string | undefined {
  const properties = schemaProperties(tool.inputSchema).map(([name]) => name);
  const declared = tool.inputSchema && typeof tool.inputSchema === 'object' && 'properties' in tool.inputSchema;
  if (!declared) return undefined;
  const argument = path.slice('args.'.length).split('.')[0]!;
  if (properties.includes(argument)) return undefined;
  const listed = properties.length === 0 ? 'it declares none' : `it declares ${properties.slice(0, 8).map((name) => JSON.stringify(name)).join(', ')}${properties.length > 8 ? ', ...' : ''}`;
  return `${JSON.stringify(tool.name)} has no argument ${JSON.stringify(argument)} in its input schema (${listed})`;
}

function checkJson(text: string, server: Server): PolicyCheck {
  const problems: PolicyProblem[] = [];
  const locate = locator(text);
  const problem = (severity: PolicyProblem['severity'], path: Array<string | number>, message: string): void => {
    const position = locate(path);
    problems.push({ severity, place: placeOf(path), ...(position ? { line: position.line, column: position.column } : {}), message });
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    problems.push({ severity: 'error', place: '(file)', message: `not JSON: ${(error as Error).message}` });
    return { format: 'policy.json', problems };
  }
  const parsed = policySchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problem('error', issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)), issue.message);
    return { format: 'policy.json', problems };
  }
  const policy = parsed.data;
  const tools = toolsByName(server);
  const hidden = new Set(policy.hide ?? []);
  for (const [index, name] of (policy.hide ?? []).entries()) {
    if (name !== '*' && !tools.has(name)) problem('warning', ['hide', index], `${server.id} has no tool named ${JSON.stringify(name)}${suggestion(server, name)}; hiding it does nothing`);
  }
  const allLimits = policy.all_tools?.limits ?? [];
  allLimits.forEach((limit, index) => limitWarnings(problem, ['all_tools', 'limits', index], limit, allLimits));
  for (const [name, rule] of Object.entries(policy.tools ?? {})) {
    const tool = tools.get(name);
    if (!tool) {
      problem('error', ['tools', name], `${server.id} has no tool named ${JSON.stringify(name)}${suggestion(server, name)}`);
      continue;
    }
    for (const list of ['require', 'deny_if'] as const) {
      (rule[list] ?? []).forEach((condition, index) => {
        const message = argumentProblem(tool, condition.path);
        if (message) problem('error', ['tools', name, list, index, 'path'], `${message}: ${list === 'require' ? 'this condition refuses every call' : 'this condition never refuses anything'}`);
      });
    }
    const limits = [...allLimits, ...(rule.limits ?? [])];
    (rule.limits ?? []).forEach((limit, index) => {
      const path = ['tools', name, 'limits', index];
      if (hidden.has(name) || hidden.has('*')) problem('warning', path, `${JSON.stringify(name)} is hidden, so this limit is never reached`);
      else limitWarnings(problem, path, limit, limits);
    });
  }
  return { format: 'policy.json', problems, policy };
}

/** A limit no call can reach, because a tighter one on the same count over a longer window comes first. */
function limitWarnings(
  problem: (severity: PolicyProblem['severity'], path: Array<string | number>, message: string) => void,
  path: Array<string | number>,
  limit: Limit,
  all: readonly Limit[],
): void {
  if (limit.max === 0) {
    problem('warning', path, `max is 0, so every call is refused: hide the tool instead, which also removes it from tools/list`);
    return;
  }
  const tighter = all.find((other) => other.counter === limit.counter && WINDOW_RANK[other.window]! > WINDOW_RANK[limit.window]! && other.max <= limit.max);
  if (tighter) {
    problem('warning', path, `this limit of ${limit.max} per ${limit.window} can never be reached: counter ${JSON.stringify(limit.counter)} allows only ${tighter.max} per ${tighter.window}`);
  }
}

function checkIntercept(text: string, server: Server): PolicyCheck {
  const file = parseInterceptFile(text);
  const problems: PolicyProblem[] = [
    ...file.errors.map((error) => ({ severity: 'error' as const, ...error })),
    ...file.unknownKeys.map((warning) => ({ severity: 'warning' as const, ...warning })),
  ];
  if (!file.policy) return { format: 'policy.intercept.yaml', problems };
  const policy = file.policy;
  const problem = (severity: PolicyProblem['severity'], path: Array<string | number>, message: string): void => {
    const position = file.locate(path);
    problems.push({ severity, place: placeOf(path), ...(position ? { line: position.line, column: position.column } : {}), message });
  };
  for (const error of validateIntercept(policy)) {
    const [place, ...rest] = error.split(': ');
    const path = rest.length > 0 ? pathOfPlace(place!) : undefined;
    if (path) problem('error', path, rest.join(': '));
    else problems.push({ severity: 'error', place: '(root)', message: error });
  }
  const tools = toolsByName(server);
  const hidden = new Set(policy.hide ?? []);
  for (const [index, name] of (policy.hide ?? []).entries()) {
    if (name !== WILDCARD && !tools.has(name)) problem('warning', ['hide', index], `${server.id} has no tool named ${JSON.stringify(name)}${suggestion(server, name)}; hiding it does nothing`);
  }
  const withDefaults = applyDefaults(policy);
  for (const [name, def] of Object.entries(policy.tools ?? {})) {
    const tool = tools.get(name);
    if (name !== WILDCARD && !tool) {
      problem('error', ['tools', name], `${server.id} has no tool named ${JSON.stringify(name)}${suggestion(server, name)}`);
      continue;
    }
    (def.rules ?? []).forEach((rule, ruleIndex) => {
      (rule.conditions ?? []).forEach((condition, conditionIndex) => {
        if (!condition.path.startsWith('args.')) return;
        const where = ['tools', name, 'rules', ruleIndex, 'conditions', conditionIndex, 'path'];
        if (tool) {
          const message = argumentProblem(tool, condition.path);
          if (message) problem('error', where, `${message}: this rule refuses every call`);
        } else {
          const lacking = server.tools.filter((each) => argumentProblem(each, condition.path) !== undefined);
          if (lacking.length === server.tools.length && server.tools.length > 0) problem('error', where, `no tool of ${server.id} has an argument ${JSON.stringify(condition.path.slice(5).split('.')[0])}: this wildcard rule refuses every call`);
        }
      });
      if ((hidden.has(name) || hidden.has(WILDCARD)) && (rule.rate_limit || rule.state)) {
        problem('warning', ['tools', name, 'rules', ruleIndex], `${JSON.stringify(name)} is hidden, so this limit is never reached`);
      }
    });
    interceptLimitWarnings(problem, name, withDefaults.tools?.[name]?.rules ?? []);
  }
  return { format: 'policy.intercept.yaml', problems, intercept: policy };
}

/** Within one tool, a counted limit over a window shorter than a tighter one is never reached. */
function interceptLimitWarnings(
  problem: (severity: PolicyProblem['severity'], path: Array<string | number>, message: string) => void,
  toolName: string,
  rules: NonNullable<InterceptPolicy['tools']>[string]['rules'] & object,
): void {
  const limits = rules.flatMap((rule, index) => {
    const state = rule.state;
    if (!state || state.increment_from || !(INTERCEPT_WINDOWS as readonly string[]).includes(state.window)) return [];
    const own = (rule.conditions ?? []).find((condition) => condition.path.endsWith(`.${state.counter}`) && (condition.op === 'lt' || condition.op === 'lte') && typeof condition.value === 'number');
    if (!own) return [];
    const max = Math.trunc(own.value as number) - (own.op === 'lt' ? 1 : 0);
    return [{ index, window: state.window, max }];
  });
  for (const limit of limits) {
    if (limit.max <= 0) {
      problem('warning', ['tools', toolName, 'rules', limit.index], 'this limit allows no call at all: every call is refused');
      continue;
    }
    const tighter = limits.find((other) => WINDOW_RANK[other.window]! > WINDOW_RANK[limit.window]! && other.max <= limit.max);
    if (tighter) problem('warning', ['tools', toolName, 'rules', limit.index], `this limit of ${limit.max} per ${limit.window} can never be reached: rules[${tighter.index}] allows only ${tighter.max} per ${tighter.window}`);
  }
}

/** `tools.x.rules[0].conditions[1]` -> ['tools', 'x', 'rules', 0, 'conditions', 1]; a tool name may hold dots. */
function pathOfPlace(place: string): Array<string | number> | undefined {
  const match = /^tools\.(.+?)\.rules\[(\d+)\](.*)$/.exec(place);
  if (!match) {
    const hide = /^hide\[(\d+)\]$/.exec(place);
    if (hide) return ['hide', Number(hide[1])];
    return place === 'hide' || place === 'version' || place === 'default' ? [place] : undefined;
  }
  const path: Array<string | number> = ['tools', match[1]!, 'rules', Number(match[2])];
  for (const part of match[3]!.matchAll(/\.([a-z_]+)|\[(\d+)\]/g)) path.push(part[1] ?? Number(part[2]));
  return path;
}

export interface CallVerdict {
  tool: string;
  allow: boolean;
  /** The reason's kind: policy.json's `reason`, or Intercept's rule name. */
  reason: string;
  message: string;
}

/** Decides calls in order with one evaluator, as one grant or one gateway would. */
export function decideCalls(check: PolicyCheck, calls: ReadonlyArray<{ tool: string; args?: unknown; at: Date }>): CallVerdict[] {
  if (check.policy) {
    const evaluator = createEvaluator(check.policy);
    return calls.map((call) => {
      const decision: Decision = evaluator.decide(call);
      return { tool: call.tool, allow: decision.allow, reason: decision.reason, message: decision.message };
    });
  }
  if (check.intercept) {
    const engine = createInterceptEngine(check.intercept);
    return calls.map((call) => {
      const decision: InterceptDecision = engine.handle(call);
      return { tool: call.tool, allow: decision.allow, reason: decision.allow ? 'allowed' : decision.rule || 'limit', message: decision.allow ? 'Allowed.' : decision.message };
    });
  }
  return [];
}
