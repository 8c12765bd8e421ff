/**
 * Recommended policies: a starting point for one tool, or for all the tools of a server,
 * from the tool's classification and input schema.
 *
 * By category (PRODUCT.md, "The policy format"):
 * - Read: allowed, no limit.
 * - Write: allowed, 30 calls a UTC minute.
 * - Execute: allowed, 10 calls a UTC minute.
 * - Other: allowed, 60 calls a UTC minute.
 * - Destructive and Financial: hidden and refused. When the schema gives a parameter to
 *   condition on, a second, conditional example allows the tool under `require` and
 *   `deny_if` conditions and at most 10 calls a UTC hour.
 * The limits follow the category only; a risk raised by annotations shows on the page but
 * does not tighten the starting point.
 *
 * Argument guards from the schema (argument-guards.ts) are added to every tool that is
 * allowed: a path that climbs with "..", a URL at a local or metadata address or with a
 * file-like scheme, a command with shell metacharacters, SQL that writes from a tool
 * that reads, `force: true`. The conditional example adds the permission guards too
 * (`confirm: true`, a dry run, an amount ceiling, no recursive delete).
 *
 * A per-tool policy uses `default: "deny"`, so it allows that one tool and nothing else.
 * Counter names are `<tool name>-per-minute` (or `-per-hour`), cut and suffixed with a
 * hash when that would pass the schema's 128 characters, and made unique within a server.
 * Every policy is validated against the schema before it is returned, and every summary
 * comes with the claims that prove it (claims.ts).
 */
import type { Category, Classification } from '../schema/classification.ts';
import type { Server } from '../schema/server.ts';
import type { Tool } from '../schema/tool.ts';
import { capName, count, joinList, ordinal } from '../prose/text.ts';
import {
  deriveGuards,
  refusalPhrase,
  safeArgs,
  SAFETY_KINDS,
  unsafeArgsList,
  type ArgumentGuard,
} from './argument-guards.ts';
import type { PolicyClaim } from './claims.ts';
import { policySchema, type Limit, type LimitWindow, type Policy, type ToolRule } from './schema.ts';

export interface PolicyRecommendation {
  policy: Policy;
  /** One plain-text sentence on what the policy does; proven by `claims`. */
  summary: string;
  claims: PolicyClaim[];
}

export interface ToolPolicyRecommendation {
  recommended: PolicyRecommendation;
  /** For a tool left refused: an example of allowing it under conditions, when the schema allows one. */
  conditionalExample?: PolicyRecommendation;
}

/** The per-minute limit each allowed category starts with; none for Read. */
export const MINUTE_LIMIT_OF_CATEGORY: Readonly<Record<Category, number | undefined>> = {
  Read: undefined,
  Write: 30,
  Execute: 10,
  Other: 60,
  Destructive: undefined,
  Financial: undefined,
};

/** Categories left hidden and refused by default. */
export const REFUSED_CATEGORIES: ReadonlySet<Category> = new Set(['Destructive', 'Financial']);

/** Calls an hour in the conditional example of a refused tool. */
export const CONDITIONAL_HOURLY_LIMIT = 10;

/** Calls in one minute that a claim shows an unlimited tool takes. */
export const UNLIMITED_PROBE_CALLS = 100;

/** Guards that refuse nothing a legitimate call of an allowed tool needs. */
const ALLOWED_TOOL_GUARDS = new Set([...SAFETY_KINDS, 'no-force']);

const COUNTER_MAX = 128;

export function recommendToolPolicy(tool: Tool, classification: Classification): ToolPolicyRecommendation {
  const name = tool.name;
  const shown = capName(name);
  const guards = guardsOf(tool, classification.category);
  const probe = probeName(new Set([name]));

  if (REFUSED_CATEGORIES.has(classification.category)) {
    const recommended = refusedRecommendation(name, shown, probe);
    const conditional = guards.length > 0 ? conditionalRecommendation(name, shown, guards, probe) : undefined;
    return conditional ? { recommended, conditionalExample: conditional } : { recommended };
  }

  const allowedGuards = guards.filter((guard) => ALLOWED_TOOL_GUARDS.has(guard.kind));
  const perMinute = MINUTE_LIMIT_OF_CATEGORY[classification.category];
  const limit = perMinute === undefined ? undefined : makeLimit(counterName(name, 'per-minute'), 'minute', perMinute);
  const rule = ruleOf(allowedGuards, limit);
  const policy = validated({ version: '1', default: 'deny', tools: toolsOf([[name, rule]]) });
  const clauses = [`allows ${shown}`];
  if (allowedGuards.length > 0) clauses.push(`refuses calls ${refusalPhrase(allowedGuards)}`);
  if (limit) clauses.push(`refuses the ${ordinal(limit.max + 1)} call within one UTC ${limit.window}`);
  clauses.push('refuses every other tool');
  const claims: PolicyClaim[] = [
    ...allowedToolClaims(name, allowedGuards, limit),
    { kind: 'other-tools-denied', probe },
  ];
  return { recommended: { policy, summary: sentence(clauses), claims } };
}

export function recommendServerPolicy(server: Server, classify: (tool: Tool) => Classification): PolicyRecommendation {
  const names = new Set(server.tools.map((tool) => tool.name));
  const usedCounters = new Set<string>();
  const hide: string[] = [];
  const entries: Array<[string, ToolRule]> = [];
  const claims: PolicyClaim[] = [];
  const hiddenCount = { Destructive: 0, Financial: 0 };
  let refusedUnhidden = 0;
  let readCount = 0;
  const limited = new Map<Category, { tools: number; max: number }>();
  let guardedTools = 0;

  for (const tool of server.tools) {
    const { category } = classify(tool);
    if (REFUSED_CATEGORIES.has(category)) {
      if (tool.name === '*') {
        // Hiding "*" would hide every tool: this one is left unlisted, so refused.
        refusedUnhidden += 1;
        claims.push({ kind: 'denied', tool: tool.name, reason: 'default' });
      } else {
        hide.push(tool.name);
        hiddenCount[category as 'Destructive' | 'Financial'] += 1;
        claims.push({ kind: 'hidden', tool: tool.name });
      }
      continue;
    }
    const guards = guardsOf(tool, category).filter((guard) => ALLOWED_TOOL_GUARDS.has(guard.kind));
    const perMinute = MINUTE_LIMIT_OF_CATEGORY[category];
    const limit =
      perMinute === undefined
        ? undefined
        : makeLimit(uniqueCounter(counterName(tool.name, 'per-minute'), usedCounters), 'minute', perMinute);
    entries.push([tool.name, ruleOf(guards, limit)]);
    claims.push(...allowedToolClaims(tool.name, guards, limit));
    if (guards.length > 0) guardedTools += 1;
    if (limit) {
      const seen = limited.get(category) ?? { tools: 0, max: limit.max };
      seen.tools += 1;
      limited.set(category, seen);
    } else {
      readCount += 1;
    }
  }
  const probe = probeName(names);
  claims.push({ kind: 'other-tools-denied', probe });

  const policy = validated({
    version: '1',
    default: 'deny',
    ...(hide.length > 0 ? { hide } : {}),
    ...(entries.length > 0 ? { tools: toolsOf(entries) } : {}),
  });

  const clauses: string[] = [];
  if (readCount > 0) clauses.push(`allows ${count(readCount, 'read tool')} without a limit`);
  if (limited.size > 0) {
    const parts = [...limited].map(([category, { max }], index) =>
      `${index === 0 ? `${max} calls a UTC minute` : max} for each ${category === 'Other' ? 'tool classed Other' : `${category} tool`}`,
    );
    const total = [...limited.values()].reduce((sum, { tools }) => sum + tools, 0);
    clauses.push(`allows ${readCount > 0 ? `${total} more` : count(total, 'tool')} within per-minute limits (${joinList(parts)})`);
  }
  if (guardedTools > 0) clauses.push(`refuses risky arguments to ${count(guardedTools, 'tool')}`);
  const hiddenTotal = hiddenCount.Destructive + hiddenCount.Financial;
  if (hiddenTotal > 0) {
    const kinds = joinList(
      (['Destructive', 'Financial'] as const).filter((c) => hiddenCount[c] > 0).map((c) => c.toLowerCase()),
      'or',
    );
    clauses.push(`hides ${count(hiddenTotal, `${kinds} tool`)}`);
  }
  if (refusedUnhidden > 0) clauses.push('refuses the destructive or financial tool named "*" without hiding it (hiding "*" would hide every tool)');
  clauses.push(server.tools.length === 0 ? 'refuses every tool, as the catalogue lists none for this server' : 'refuses any tool it does not list');
  return { policy, summary: sentence(clauses), claims };
}

/** The argument guards in the recommended policy of a tool of this category (none when it is refused). */
export function recommendedGuards(tool: Tool, category: Category): ArgumentGuard[] {
  if (REFUSED_CATEGORIES.has(category)) return [];
  return guardsOf(tool, category).filter((guard) => ALLOWED_TOOL_GUARDS.has(guard.kind));
}

/** The argument guards in the conditional example of a refused tool (none for other categories). */
export function conditionalGuards(tool: Tool, category: Category): ArgumentGuard[] {
  return REFUSED_CATEGORIES.has(category) ? guardsOf(tool, category) : [];
}

function guardsOf(tool: Tool, category: Category): ArgumentGuard[] {
  return deriveGuards(tool.inputSchema, {
    readOnly: category === 'Read',
    toolText: `${tool.name} ${tool.title ?? ''} ${tool.description ?? ''}`,
  });
}

function refusedRecommendation(name: string, shown: string, probe: string): PolicyRecommendation {
  if (name === '*') {
    // `hide: ["*"]` would mean every tool; the tool is refused by `default` instead.
    return {
      policy: validated({ version: '1', default: 'deny' }),
      summary: `Refuses every call to ${shown} and to every other tool.`,
      claims: [
        { kind: 'denied', tool: name, reason: 'default' },
        { kind: 'other-tools-denied', probe },
      ],
    };
  }
  return {
    policy: validated({ version: '1', default: 'deny', hide: [name] }),
    summary: `Hides ${shown} from the tool list and refuses every call to it and to every other tool.`,
    claims: [
      { kind: 'hidden', tool: name },
      { kind: 'other-tools-denied', probe },
    ],
  };
}

function conditionalRecommendation(
  name: string,
  shown: string,
  guards: readonly ArgumentGuard[],
  probe: string,
): PolicyRecommendation {
  const limit = makeLimit(counterName(name, 'per-hour'), 'hour', CONDITIONAL_HOURLY_LIMIT);
  const policy = validated({ version: '1', default: 'deny', tools: toolsOf([[name, ruleOf(guards, limit)]]) });
  const required = guards.filter((guard) => guard.placement === 'require');
  const refused = guards.filter((guard) => guard.placement === 'deny_if');
  const clauses = [
    required.length > 0 ? `allows ${shown} only when ${joinList(required.map((guard) => guard.requires!))}` : `allows ${shown}`,
  ];
  if (refused.length > 0) clauses.push(`refuses calls ${refusalPhrase(refused)}`);
  clauses.push(`refuses the ${ordinal(limit.max + 1)} call within one UTC hour`);
  clauses.push('refuses every other tool');
  return {
    policy,
    summary: sentence(clauses),
    claims: [...allowedToolClaims(name, guards, limit), { kind: 'other-tools-denied', probe }],
  };
}

/**
 * The claims behind "allows X", each guard's refusals, and the limit or, for a tool
 * without one, that it takes many calls in one minute.
 */
function allowedToolClaims(name: string, guards: readonly ArgumentGuard[], limit: Limit | undefined): PolicyClaim[] {
  const args = safeArgs(guards);
  const claims: PolicyClaim[] = [{ kind: 'allowed', tool: name, args }];
  for (const guard of guards) {
    for (const unsafe of unsafeArgsList(guards, guard)) {
      claims.push({ kind: 'denied', tool: name, args: unsafe, reason: guard.placement, condition: guard.condition });
    }
  }
  if (limit) claims.push({ kind: 'rate-limit', tool: name, max: limit.max, window: limit.window, args });
  else claims.push({ kind: 'not-limited', tool: name, calls: UNLIMITED_PROBE_CALLS, window: 'minute', args });
  return claims;
}

function ruleOf(guards: readonly ArgumentGuard[], limit: Limit | undefined): ToolRule {
  const require = guards.filter((guard) => guard.placement === 'require').map((guard) => guard.condition);
  const denyIf = guards.filter((guard) => guard.placement === 'deny_if').map((guard) => guard.condition);
  return {
    ...(require.length > 0 ? { require } : {}),
    ...(denyIf.length > 0 ? { deny_if: denyIf } : {}),
    ...(limit ? { limits: [limit] } : {}),
  };
}

/** A `tools` map on a null-prototype object: `__proto__` and `constructor` are plain keys. */
function toolsOf(entries: ReadonlyArray<readonly [string, ToolRule]>): Record<string, ToolRule> {
  const tools: Record<string, ToolRule> = Object.create(null);
  for (const [name, rule] of entries) tools[name] = rule;
  return tools;
}

function makeLimit(counter: string, window: LimitWindow, max: number): Limit {
  return { counter, window, max, scope: 'grant' };
}

/**
 * `<tool name>-<suffix>`, within the schema's 128 characters: a longer name keeps its
 * first characters (whole code points) and gains a hash of the full name, so two long
 * names with the same beginning still get different counters.
 */
export function counterName(toolName: string, suffix: string): string {
  const plain = `${toolName}-${suffix}`;
  if (plain.length <= COUNTER_MAX) return plain;
  return fitWithTail(toolName, `~${fnv1a(toolName)}-${suffix}`);
}

/** Adds `-2`, `-3`, ... to a counter name already used in this policy. */
function uniqueCounter(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n += 1) candidate = fitWithTail(name, `-${n}`);
  used.add(candidate);
  return candidate;
}

/** `text` cut at a code point boundary so that `text + tail` fits the schema. */
function fitWithTail(text: string, tail: string): string {
  let prefix = '';
  for (const point of text) {
    if (prefix.length + point.length + tail.length > COUNTER_MAX) break;
    prefix += point;
  }
  return `${prefix}${tail}`;
}

/** 32-bit FNV-1a over UTF-16 units, as 8 hex digits: stable across runs and machines. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A tool name the policy does not list, to show that other tools are refused. */
function probeName(taken: ReadonlySet<string>): string {
  let probe = 'some_other_tool';
  for (let n = 2; taken.has(probe); n += 1) probe = `some_other_tool_${n}`;
  return probe;
}

function sentence(clauses: readonly string[]): string {
  const text = joinList(clauses, 'and', true);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Every recommended policy passes the one schema, or the build stops here. */
function validated(policy: Policy): Policy {
  const result = policySchema.safeParse(policy);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`recommended policy does not validate at ${issue.path.join('.')}: ${issue.message}`);
  }
  return policy;
}
