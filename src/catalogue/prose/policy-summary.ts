/**
 * The one sentence shown with each recommended policy, written from the decision
 * (policy/recommend-policy.ts) rather than read back from the policy: what the tool's
 * disposition is, which guards and limit apply, and that every other tool is refused.
 * Each sentence travels with the decision's claims, which prove it.
 *
 * Plain text only: pages escape it. Tool names are capped for sentences (text.ts).
 */
import type { PolicyClaim } from '../policy/claims.ts';
import {
  decideServerPolicy,
  decideToolPolicy,
  type ConditionalDecision,
  type ServerDecision,
  type ToolDecision,
} from '../policy/recommend-policy.ts';
import type { Limit, Policy } from '../policy/schema.ts';
import type { Classification } from '../schema/classification.ts';
import type { Server } from '../schema/server.ts';
import type { Tool } from '../schema/tool.ts';
import { refusalPhrase, requirementPhrase } from './guard-wording.ts';
import { capName, count, joinList, ordinal } from './text.ts';

export interface PolicyRecommendation {
  policy: Policy;
  /** One plain-text sentence on what the policy does; proven by `claims`. */
  summary: string;
  claims: PolicyClaim[];
}

export interface ToolPolicyRecommendation {
  /** What was decided; the FAQ reads this rather than the policy. */
  decision: ToolDecision;
  recommended: PolicyRecommendation;
  /** For a tool left refused: an example of allowing it under conditions, when the schema allows one. */
  conditionalExample?: PolicyRecommendation;
}

export interface ServerPolicyRecommendation extends PolicyRecommendation {
  decision: ServerDecision;
}

/** The decision for a tool, with its words: what a tool page shows. */
export function describeToolRecommendation(tool: Tool, classification: Classification): ToolPolicyRecommendation {
  return describeToolDecision(decideToolPolicy(tool, classification));
}

export function describeToolDecision(decision: ToolDecision): ToolPolicyRecommendation {
  const recommended = { policy: decision.policy, summary: toolSummary(decision), claims: decision.claims };
  const example = decision.conditionalExample;
  if (!example) return { decision, recommended };
  return {
    decision,
    recommended,
    conditionalExample: { policy: example.policy, summary: conditionalSummary(decision.tool, example), claims: example.claims },
  };
}

/** The decision for a server, with its words: what a server hub shows. */
export function describeServerRecommendation(
  server: Server,
  classify: (tool: Tool) => Classification,
): ServerPolicyRecommendation {
  return describeServerDecision(decideServerPolicy(server, classify));
}

export function describeServerDecision(decision: ServerDecision): ServerPolicyRecommendation {
  return { policy: decision.policy, summary: serverSummary(decision), claims: decision.claims, decision };
}

export function toolSummary(decision: ToolDecision): string {
  const shown = capName(decision.tool);
  switch (decision.disposition) {
    case 'hidden':
      return `Hides ${shown} from the tool list and refuses every call to it and to every other tool.`;
    case 'denied':
      return `Refuses every call to ${shown} and to every other tool.`;
    case 'allowed': {
      // Every guard of an allowed tool is a deny_if condition.
      const clauses = [`allows ${shown}`];
      if (decision.guards.length > 0) clauses.push(`refuses calls ${refusalPhrase(decision.guards)}`);
      if (decision.limit) clauses.push(limitClause(decision.limit));
      clauses.push('refuses every other tool');
      return sentence(clauses);
    }
  }
}

export function conditionalSummary(toolName: string, example: ConditionalDecision): string {
  const shown = capName(toolName);
  const required = example.guards.filter((guard) => guard.placement === 'require');
  const refused = example.guards.filter((guard) => guard.placement === 'deny_if');
  const clauses = [required.length > 0 ? `allows ${shown} only when ${requirementPhrase(required)}` : `allows ${shown}`];
  if (refused.length > 0) clauses.push(`refuses calls ${refusalPhrase(refused)}`);
  clauses.push(limitClause(example.limit));
  clauses.push('refuses every other tool');
  return sentence(clauses);
}

export function serverSummary(decision: ServerDecision): string {
  const { counts } = decision;
  const clauses: string[] = [];
  // Only Read tools are allowed without a limit.
  if (counts.unlimited > 0) clauses.push(`allows ${count(counts.unlimited, 'read tool')} without a limit`);
  if (counts.limited.length > 0) {
    const parts = counts.limited.map(({ category, max }, index) =>
      `${index === 0 ? `${max} calls a UTC minute` : max} for each ${category === 'Other' ? 'tool classed Other' : `${category} tool`}`,
    );
    const total = counts.limited.reduce((sum, { tools }) => sum + tools, 0);
    clauses.push(`allows ${counts.unlimited > 0 ? `${total} more` : count(total, 'tool')} within per-minute limits (${joinList(parts)})`);
  }
  if (counts.guarded > 0) clauses.push(`refuses risky arguments to ${count(counts.guarded, 'tool')}`);
  const hiddenTotal = counts.hidden.Destructive + counts.hidden.Financial;
  if (hiddenTotal > 0) {
    const kinds = joinList(
      (['Destructive', 'Financial'] as const).filter((c) => counts.hidden[c] > 0).map((c) => c.toLowerCase()),
      'or',
    );
    clauses.push(`hides ${count(hiddenTotal, `${kinds} tool`)}`);
  }
  if (counts.poisoned > 0) clauses.push(`hides ${count(counts.poisoned, 'tool')} whose ${counts.poisoned === 1 ? 'definition addresses' : 'definitions address'} the AI model`);
  // A denied tool is a refused or poisoned one named "*" (see Disposition).
  if (counts.denied > 0) clauses.push('refuses the destructive or financial tool named "*" without hiding it (hiding "*" would hide every tool)');
  if (counts.poisonedDenied > 0) clauses.push('refuses the tool named "*", whose definition addresses the AI model, without hiding it (hiding "*" would hide every tool)');
  clauses.push(decision.tools.length === 0 ? 'refuses every tool, as the catalogue lists none for this server' : 'refuses any tool it does not list');
  return sentence(clauses);
}

function limitClause(limit: Limit): string {
  return `refuses the ${ordinal(limit.max + 1)} call within one UTC ${limit.window}`;
}

function sentence(clauses: readonly string[]): string {
  const text = joinList(clauses, 'and', true);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
