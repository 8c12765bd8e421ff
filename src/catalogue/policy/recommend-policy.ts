/**
 * Recommended policies as decisions: for one tool, or for all the tools of a server, what
 * the starting point does with each tool (allow, hide or leave refused), with which
 * argument guards and limit, the policy that does it, and the claims that prove it. The
 * words for a decision are written in prose/policy-summary.ts; nothing here is prose.
 *
 * By category:
 * - Read: allowed, no limit.
 * - Write: allowed, 30 calls a UTC minute.
 * - Execute: allowed, 10 calls a UTC minute.
 * - Other: allowed, 60 calls a UTC minute.
 * - Destructive and Financial: hidden and refused. When the schema gives a parameter to
 *   condition on, a second, conditional example allows the tool under `require` and
 *   `deny_if` conditions and at most 10 calls a UTC hour.
 *
 * The starting point follows `classification.category` alone, never `risk`. Annotations
 * reach it through the category (classify/classify-tool.ts): a Read tool that declares
 * `readOnlyHint: false` is classed Write, and a Read or Other tool that declares
 * `destructiveHint: true` (without `readOnlyHint: true`) is classed Write, or Destructive
 * when the rest of its definition already shows signs of destruction, as a Write tool
 * then is too; such a tool starts from the raised category. Only a risk above what the
 * category implies, which a classification supplied with the catalogue may carry
 * (classify/ensure-classified.ts keeps it), shows on the page without tightening the
 * starting point.
 *
 * Argument guards from the schema (argument-guards.ts) are derived once per tool. An
 * allowed tool gets those that refuse only attacks: a path that climbs with "..", a URL
 * at a local or metadata address or with a file-like scheme, a command with shell
 * metacharacters, SQL that writes from a tool that reads, `force: true`. The conditional
 * example gets all of them, permission guards too (`confirm: true`, a dry run, an amount
 * ceiling, no recursive delete).
 *
 * A per-tool policy uses `default: "deny"`, so it allows that one tool and nothing else.
 * Counter names are `<tool name>-per-minute` (or `-per-hour`), cut and suffixed with a
 * hash when that would pass the schema's 128 characters, and made unique within a server.
 * Every policy is validated against the schema before it is returned, and every decision
 * carries the claims that prove what it does (claims.ts).
 */
import type { Category, Classification } from '../schema/classification.ts';
import type { Server } from '../schema/server.ts';
import type { Tool } from '../schema/tool.ts';
import { confineToRoot, deriveGuards, safeArgs, SAFETY_KINDS, unsafeArgsList, type ArgumentGuard } from './argument-guards.ts';
import type { PolicyClaim } from './claims.ts';
import { policySchema, type Limit, type LimitWindow, type Policy, type ToolRule } from './schema.ts';
import { fnv1a32 } from '../hash.ts';

/**
 * What a recommendation does with a tool:
 * - `allowed`: listed under `tools`, with its guards and limit;
 * - `hidden`: listed under `hide`, so absent from tools/list and refused;
 * - `denied`: left unlisted, so refused by `default: "deny"`. This is a refused tool
 *   named "*", which `hide` cannot name: `hide: ["*"]` would hide every tool.
 */
export type Disposition = 'allowed' | 'hidden' | 'denied';

/** Categories left hidden (or, for "*", denied) by default. */
export type RefusedCategory = 'Destructive' | 'Financial';

/** What a recommendation decided for one tool, as it stands in a tool's or a server's policy. */
export interface ToolRuleDecision {
  /** The tool's name, as the catalogue spells it. */
  tool: string;
  category: Category;
  disposition: Disposition;
  /** The argument guards in the tool's rule; none unless the tool is allowed. */
  guards: readonly ArgumentGuard[];
  /** The tool's rate limit; none for a Read tool or a refused one. */
  limit: Limit | undefined;
}

/** The conditional example of a refused tool: how it could be allowed under conditions. */
export interface ConditionalDecision {
  /** Every guard the schema supports, permission guards included. */
  guards: readonly ArgumentGuard[];
  /** Calls a UTC hour. */
  limit: Limit;
  policy: Policy;
  claims: PolicyClaim[];
}

/** The recommendation for one tool, with a policy of its own. */
export interface ToolDecision extends ToolRuleDecision {
  policy: Policy;
  /** What the policy does to this tool and to every other, for the evaluator to prove. */
  claims: PolicyClaim[];
  /** For a hidden or denied tool whose schema gives something to condition on. */
  conditionalExample: ConditionalDecision | undefined;
}

/** How many tools of a server each part of its policy covers. */
export interface ServerCounts {
  /** Allowed tools without a limit (those of category Read). */
  unlimited: number;
  /** Allowed tools with a per-minute limit, by category in the order first met. */
  limited: Array<{ category: Category; tools: number; max: number }>;
  /** Allowed tools with at least one argument guard. */
  guarded: number;
  /** Hidden tools of the refused categories, by category (poisoned ones not included). */
  hidden: Record<RefusedCategory, number>;
  /** Hidden tools whose definitions are poisoned, of any category. */
  poisoned: number;
  /** Refused tools left unlisted instead of hidden (see `Disposition`). */
  denied: number;
  /** Poisoned tools left unlisted instead of hidden (a poisoned tool named "*"). */
  poisonedDenied: number;
}

/** The recommendation for all the tools of a server, in one policy. */
export interface ServerDecision {
  /** One decision per tool, in the server's order. */
  tools: ToolRuleDecision[];
  counts: ServerCounts;
  policy: Policy;
  claims: PolicyClaim[];
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
export const REFUSED_CATEGORIES: ReadonlySet<Category> = new Set<RefusedCategory>(['Destructive', 'Financial']);

/** Calls an hour in the conditional example of a refused tool. */
export const CONDITIONAL_HOURLY_LIMIT = 10;

/** Calls in one minute that a claim shows an unlimited tool takes. */
export const UNLIMITED_PROBE_CALLS = 100;

/** Guards that refuse nothing a legitimate call of an allowed tool needs. */
const ALLOWED_TOOL_GUARDS = new Set([...SAFETY_KINDS, 'no-force']);

const COUNTER_MAX = 128;

export function isRefusedCategory(category: Category): category is RefusedCategory {
  return REFUSED_CATEGORIES.has(category);
}

/**
 * The one place that tells allowed, hidden and denied apart: a tool of a refused category,
 * or one whose definition is poisoned, is hidden, unless it is "*" (hiding "*" would hide
 * every tool), which is left unlisted under default deny.
 */
export function dispositionOf(toolName: string, category: Category, poisoned = false): Disposition {
  if (!poisoned && !isRefusedCategory(category)) return 'allowed';
  return toolName === '*' ? 'denied' : 'hidden';
}

export function decideToolPolicy(tool: Tool, classification: Classification): ToolDecision {
  const name = tool.name;
  const { category } = classification;
  const poisoned = classification.poisoned === true;
  const disposition = dispositionOf(name, category, poisoned);
  const derived = guardsOf(tool, category);
  const probe = probeName(new Set([name]));

  if (disposition !== 'allowed') {
    return {
      tool: name,
      category,
      disposition,
      guards: [],
      limit: undefined,
      ...refusedPolicy(name, disposition, probe),
      // No argument condition makes a poisoned definition safe to read.
      conditionalExample: derived.length > 0 && !poisoned ? conditionalDecision(name, derived, probe) : undefined,
    };
  }

  const guards = derived.filter(isAllowedToolGuard);
  const perMinute = MINUTE_LIMIT_OF_CATEGORY[category];
  const limit = perMinute === undefined ? undefined : makeLimit(counterName(name, 'per-minute'), 'minute', perMinute);
  const policy = validated({ version: '1', default: 'deny', tools: toolsOf([[name, ruleOf(guards, limit)]]) });
  const claims: PolicyClaim[] = [...allowedToolClaims(name, guards, limit), { kind: 'other-tools-denied', probe }];
  return { tool: name, category, disposition, guards, limit, policy, claims, conditionalExample: undefined };
}

export function decideServerPolicy(server: Server, classify: (tool: Tool) => Classification): ServerDecision {
  const names = new Set(server.tools.map((tool) => tool.name));
  const usedCounters = new Set<string>();
  const tools: ToolRuleDecision[] = [];
  const hide: string[] = [];
  const entries: Array<[string, ToolRule]> = [];
  const claims: PolicyClaim[] = [];
  const counts: ServerCounts = { unlimited: 0, limited: [], guarded: 0, hidden: { Destructive: 0, Financial: 0 }, poisoned: 0, denied: 0, poisonedDenied: 0 };

  for (const tool of server.tools) {
    const classification = classify(tool);
    const { category } = classification;
    const poisoned = classification.poisoned === true;
    const disposition = dispositionOf(tool.name, category, poisoned);
    if (disposition !== 'allowed') {
      tools.push({ tool: tool.name, category, disposition, guards: [], limit: undefined });
      if (disposition === 'hidden') {
        hide.push(tool.name);
        if (poisoned) counts.poisoned += 1;
        else counts.hidden[category as RefusedCategory] += 1;
        claims.push({ kind: 'hidden', tool: tool.name });
      } else {
        if (poisoned) counts.poisonedDenied += 1;
        else counts.denied += 1;
        claims.push({ kind: 'denied', tool: tool.name, reason: 'default' });
      }
      continue;
    }
    const guards = guardsOf(tool, category).filter(isAllowedToolGuard);
    const perMinute = MINUTE_LIMIT_OF_CATEGORY[category];
    const limit =
      perMinute === undefined
        ? undefined
        : makeLimit(uniqueCounter(counterName(tool.name, 'per-minute'), usedCounters), 'minute', perMinute);
    tools.push({ tool: tool.name, category, disposition: 'allowed', guards, limit });
    entries.push([tool.name, ruleOf(guards, limit)]);
    claims.push(...allowedToolClaims(tool.name, guards, limit));
    if (guards.length > 0) counts.guarded += 1;
    if (limit) {
      let seen = counts.limited.find((entry) => entry.category === category);
      if (!seen) counts.limited.push((seen = { category, tools: 0, max: limit.max }));
      seen.tools += 1;
    } else {
      counts.unlimited += 1;
    }
  }
  claims.push({ kind: 'other-tools-denied', probe: probeName(names) });

  const policy = validated({
    version: '1',
    default: 'deny',
    ...(hide.length > 0 ? { hide } : {}),
    ...(entries.length > 0 ? { tools: toolsOf(entries) } : {}),
  });
  return { tools, counts, policy, claims };
}

function isAllowedToolGuard(guard: ArgumentGuard): boolean {
  return ALLOWED_TOOL_GUARDS.has(guard.kind);
}

/** Every guard the schema supports for this tool; callers keep the ones their rule uses. */
function guardsOf(tool: Tool, category: Category): ArgumentGuard[] {
  return deriveGuards(tool.inputSchema, {
    readOnly: category === 'Read',
    destructive: category === 'Destructive',
    toolText: `${tool.name} ${tool.title ?? ''} ${tool.description ?? ''}`,
  });
}

function refusedPolicy(name: string, disposition: 'hidden' | 'denied', probe: string): { policy: Policy; claims: PolicyClaim[] } {
  if (disposition === 'denied') {
    return {
      policy: validated({ version: '1', default: 'deny' }),
      claims: [
        { kind: 'denied', tool: name, reason: 'default' },
        { kind: 'other-tools-denied', probe },
      ],
    };
  }
  return {
    policy: validated({ version: '1', default: 'deny', hide: [name] }),
    claims: [
      { kind: 'hidden', tool: name },
      { kind: 'other-tools-denied', probe },
    ],
  };
}

function conditionalDecision(name: string, derived: readonly ArgumentGuard[], probe: string): ConditionalDecision {
  const guards = confineToRoot(derived);
  const limit = makeLimit(counterName(name, 'per-hour'), 'hour', CONDITIONAL_HOURLY_LIMIT);
  const policy = validated({ version: '1', default: 'deny', tools: toolsOf([[name, ruleOf(guards, limit)]]) });
  return {
    guards,
    limit,
    policy,
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
  return fitWithTail(toolName, `~${hashHex(toolName)}-${suffix}`);
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

/** The FNV-1a hash of a name as 8 hex digits. */
function hashHex(text: string): string {
  return fnv1a32(text).toString(16).padStart(8, '0');
}

/** A tool name the policy does not list, to show that other tools are refused. */
export function probeName(taken: ReadonlySet<string>): string {
  let probe = 'some_other_tool';
  for (let n = 2; taken.has(probe); n += 1) probe = `some_other_tool_${n}`;
  return probe;
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
