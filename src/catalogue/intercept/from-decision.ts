/**
 * policy.intercept.yaml from the same decisions as policy.json (policy/recommend-policy.ts):
 * the same tools allowed, hidden or refused, the same guards and limits, in Intercept's
 * format, and more where that format can say more: a rule name and an `on_deny` message
 * for every rule, telling the agent why a call was refused and what to do instead, and
 * for a conditional example with an amount ceiling, a daily total summed from the amount.
 *
 * Where Intercept cannot say what policy.json says, the translation says so as data
 * (`InterceptGaps`), for the pages to put in words and for the tests to leave out of the
 * comparison of the two files:
 * - An Intercept condition fails when its argument is missing, and rules cannot be
 *   combined with "or"; so a refusal on an optional argument (policy.json's `deny_if`)
 *   becomes a requirement: the argument must be given, and be safe.
 * - Intercept's paths cannot reach an array element, so the per-element guards of an
 *   array argument, and the refusal of longer arrays, are left out.
 * - Intercept counts calls per gateway, not per grant; its counters live under the tool's
 *   name, and its validation splits a counter path at dots, so a tool whose name holds a
 *   dot cannot be given a limit.
 * - The key `"*"` holds Intercept's wildcard rules, so a tool named `*` cannot be listed;
 *   it stays refused by `default: deny`.
 *
 * `on_deny` messages never quote a tool name, and quote a parameter name only when it is a
 * plain identifier: the message goes to the agent, and catalogue text is untrusted.
 */
import type { ArgumentGuard } from '../policy/argument-guards.ts';
import { AMOUNT_CEILING, EXAMPLE_ROOT, EXAMPLE_TARGET_PREFIX, requiredParameters } from '../policy/argument-guards.ts';
import type { ConditionalDecision, ServerDecision, ToolDecision, ToolRuleDecision } from '../policy/recommend-policy.ts';
import type { Limit } from '../policy/schema.ts';
import { NO_DOT_DOT, NO_SHELL_METACHARACTERS, PUBLIC_WEB_URL, withoutWords } from './patterns.ts';
import { SQL_DESTRUCTIVE_WORDS, SQL_WRITE_WORDS } from '../policy/argument-guards.ts';
import { WILDCARD, type InterceptCondition, type InterceptPolicy, type InterceptRule } from './schema.ts';

/** A conditional example's daily total, as a multiple of the per-call ceiling. */
export const DAILY_TOTAL_CEILINGS = 10;

/** What policy.intercept.yaml cannot say as policy.json does, for one tool. */
export interface InterceptGaps {
  /** Guards left out (array elements, array length). */
  omittedGuards: ArgumentGuard[];
  /** Optional parameters the Intercept file requires to be given, because it refuses a value of them. */
  requiredToBeGiven: string[];
  /** The limit left out (the tool's name holds a dot). */
  omittedLimit: Limit | undefined;
  /** A tool named `*`, left out of `tools`. */
  wildcardName: boolean;
}

/** What policy.intercept.yaml says beyond policy.json, for one tool. */
export interface InterceptExtras {
  /** Rule names with no counterpart in policy.json. */
  rules: string[];
  /** A conditional example's daily total of an amount. */
  dailyTotal?: { param: string; max: number };
}

export interface InterceptToolTranslation {
  tool: string;
  /** Rules of the tool; empty for an allowed tool without guards or limit. */
  rules: InterceptRule[];
  gaps: InterceptGaps;
  extras: InterceptExtras;
}

export interface InterceptTranslation {
  policy: InterceptPolicy;
  /** One entry per tool that the policy lists, allows under conditions or leaves out. */
  tools: InterceptToolTranslation[];
}

const DESCRIPTION_OF_TOOL = 'Recommended starting policy for one MCP tool: allows or hides it, and refuses every other tool.';
const DESCRIPTION_OF_CONDITIONAL = 'Example: allows one MCP tool under conditions, and refuses every other tool.';
const DESCRIPTION_OF_SERVER = 'Recommended starting policy for every tool of one MCP server.';

export function interceptOfTool(decision: ToolDecision, inputSchema: unknown): InterceptTranslation {
  const translated = translateRule(decision, decision.guards, decision.limit, inputSchema, false);
  return {
    policy: policyOf(DESCRIPTION_OF_TOOL, [decision], [translated]),
    tools: [translated],
  };
}

export function interceptOfConditional(toolName: string, example: ConditionalDecision, inputSchema: unknown): InterceptTranslation {
  const decision: ToolRuleDecision = { tool: toolName, category: 'Other', disposition: 'allowed', guards: example.guards, limit: example.limit };
  const translated = translateRule(decision, example.guards, example.limit, inputSchema, true);
  return { policy: policyOf(DESCRIPTION_OF_CONDITIONAL, [decision], [translated]), tools: [translated] };
}

export function interceptOfServer(decision: ServerDecision, inputSchemaOf: (index: number) => unknown): InterceptTranslation {
  const translated = decision.tools.map((tool, index) => translateRule(tool, tool.guards, tool.limit, inputSchemaOf(index), false));
  return { policy: policyOf(DESCRIPTION_OF_SERVER, decision.tools, translated), tools: translated };
}

function policyOf(description: string, decisions: readonly ToolRuleDecision[], translated: readonly InterceptToolTranslation[]): InterceptPolicy {
  const hide = decisions.filter((decision) => decision.disposition === 'hidden').map((decision) => decision.tool);
  const tools: Record<string, { rules: InterceptRule[] }> = Object.create(null);
  decisions.forEach((decision, index) => {
    if (decision.disposition !== 'allowed' || translated[index]!.gaps.wildcardName) return;
    tools[decision.tool] = { rules: translated[index]!.rules };
  });
  return {
    version: '1',
    description,
    default: 'deny',
    ...(hide.length > 0 ? { hide } : {}),
    tools,
  };
}

function translateRule(
  decision: ToolRuleDecision,
  guards: readonly ArgumentGuard[],
  limit: Limit | undefined,
  inputSchema: unknown,
  conditional: boolean,
): InterceptToolTranslation {
  const gaps: InterceptGaps = { omittedGuards: [], requiredToBeGiven: [], omittedLimit: undefined, wildcardName: decision.tool === WILDCARD };
  const extras: InterceptExtras = { rules: [] };
  const rules: InterceptRule[] = [];
  if (decision.disposition !== 'allowed') return { tool: decision.tool, rules, gaps, extras };
  const required = requiredParameters(inputSchema);
  const names = new Set<string>();
  const add = (rule: InterceptRule): void => {
    let name = rule.name!;
    for (let n = 2; names.has(name); n += 1) name = `${rule.name} (${n})`;
    names.add(name);
    rules.push({ ...rule, name });
  };

  const urlParamsDone = new Set<string>();
  for (const guard of guards) {
    if (guard.element !== undefined || guard.kind === 'array-length') {
      gaps.omittedGuards.push(guard);
      continue;
    }
    if (guard.placement === 'deny_if' && !required.has(guard.param) && !gaps.requiredToBeGiven.includes(guard.param)) {
      gaps.requiredToBeGiven.push(guard.param);
    }
    if (guard.kind === 'url-scheme' || guard.kind === 'url-host') {
      if (urlParamsDone.has(guard.param)) continue;
      urlParamsDone.add(guard.param);
    }
    add(ruleOfGuard(guard));
  }

  const amount = guards.find((guard) => guard.kind === 'amount-ceiling');
  const dotted = decision.tool.includes('.');
  if (limit) {
    if (dotted) gaps.omittedLimit = limit;
    else {
      add({
        name: `${limit.max} calls per ${limit.window}`,
        rate_limit: `${limit.max}/${limit.window}`,
        on_deny: `This tool allows ${limit.max} calls per UTC ${limit.window} through this gateway. Wait for the next ${limit.window} before calling it again.`,
      });
    }
  }
  if (conditional && amount && !dotted) {
    const max = AMOUNT_CEILING * DAILY_TOTAL_CEILINGS;
    const counter = 'daily_total';
    const name = `daily total of ${shown(amount.param)}`;
    add({
      name,
      conditions: [{ path: `state.${decision.tool}.${counter}`, op: 'lte', value: max }],
      state: { counter, window: 'day', increment_from: `args.${amount.param}` },
      on_deny: `The total of ${shown(amount.param)} over today's calls (UTC) would pass ${max}. Stop, and ask a person to approve more.`,
    });
    extras.rules.push(name);
    extras.dailyTotal = { param: amount.param, max };
  }
  return { tool: decision.tool, rules, gaps, extras };
}

function ruleOfGuard(guard: ArgumentGuard): InterceptRule {
  const param = guard.param;
  const arg = shown(param);
  const rule = (name: string, condition: Omit<InterceptCondition, 'path'>, onDeny: string): InterceptRule => ({
    name,
    conditions: [{ path: `args.${param}`, ...condition }],
    on_deny: onDeny,
  });
  switch (guard.kind) {
    case 'path-traversal':
      return rule(`no ".." in ${arg}`, { op: 'regex', value: NO_DOT_DOT }, `Give ${arg} as a path without "..": paths may not climb out of the folder they start in.`);
    case 'path-root':
      return rule(`${arg} inside the allowed folder`, { op: 'regex', value: String(guard.condition.value) }, `Give ${arg} as a path under ${EXAMPLE_ROOT}; other locations are refused.`);
    case 'target-prefix':
      return rule(`${arg} starts with ${EXAMPLE_TARGET_PREFIX}`, { op: 'regex', value: String(guard.condition.value) }, `Only targets whose ${arg} starts with ${EXAMPLE_TARGET_PREFIX} may be acted on through this gateway. Ask a person for anything else.`);
    case 'url-scheme':
    case 'url-host':
      return rule(`public web address in ${arg}`, { op: 'regex', value: PUBLIC_WEB_URL }, `Give ${arg} as an http or https URL of a public host name. Local, private and metadata addresses, IP literals and file: URLs are refused.`);
    case 'shell-metacharacters':
      return rule(`plain command in ${arg}`, { op: 'regex', value: NO_SHELL_METACHARACTERS }, `Give ${arg} as one plain command: ; & | \` $ < > and line breaks are refused.`);
    case 'sql-write':
      return rule(`read-only SQL in ${arg}`, { op: 'regex', value: withoutWords(SQL_WRITE_WORDS) }, `This tool only reads: ${arg} may not hold INSERT, UPDATE, DELETE, CREATE, DROP or any other statement that writes.`);
    case 'sql-destructive':
      return rule(`no destructive SQL in ${arg}`, { op: 'regex', value: withoutWords(SQL_DESTRUCTIVE_WORDS) }, `${capitalised(arg)} may not hold DROP, TRUNCATE, DELETE, ALTER, GRANT or REVOKE. Ask a person to run such statements.`);
    case 'amount-ceiling':
      return rule(`${arg} at most ${AMOUNT_CEILING}`, { op: 'lte', value: guard.condition.value }, `Give ${arg} as a number no larger than ${String(guard.condition.value)}. Larger amounts need a person's approval.`);
    case 'confirm':
      return rule(`${arg} must be true`, { op: 'eq', value: true }, `Set ${arg} to true, and only once a person has confirmed this call.`);
    case 'dry-run':
      return rule(`${arg} must be true`, { op: 'eq', value: true }, `Set ${arg} to true: only dry runs are allowed. Show the result to a person before anything is applied.`);
    case 'no-force':
    case 'no-recursive':
      return rule(`${arg} must be false`, { op: 'eq', value: false }, `Give ${arg} as false. ${guard.kind === 'no-force' ? 'Forced' : 'Recursive'} operations are refused.`);
    case 'array-length':
      throw new Error('an array-length guard has no Intercept rule');
  }
}

const PLAIN_IDENTIFIER = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** A parameter name as an on_deny message may quote it: plain identifiers only. */
function shown(param: string): string {
  return PLAIN_IDENTIFIER.test(param) ? param : 'this argument';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
