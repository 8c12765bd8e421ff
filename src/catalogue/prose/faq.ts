/**
 * The questions on a tool page, answered for that tool: its kind and risk, its
 * parameters, what the recommended policy does to it, what happens past its limit, how to
 * allow it under conditions, whether its annotations hold, and how to enforce the policy.
 *
 * Plain text only: pages escape it. Every sentence that says what the policy does comes
 * with the claims that prove it, so the catalogue test can run each one against the
 * policy shown. Only fields of policy.json v1 are named (default, hide, tools, require,
 * deny_if, limits, counter, window, max, scope).
 *
 * What an answer says the policy does follows the recommendation's decision (disposition,
 * guards, limit, conditional example), the same data the summary is written from, so the
 * two never disagree and the guards are derived once per tool.
 */
import { safeArgs, setOwn, unsafeArgsList, type ArgumentGuard } from '../policy/argument-guards.ts';
import type { PolicyClaim } from '../policy/claims.ts';
import {
  CONDITIONAL_HOURLY_LIMIT,
  UNLIMITED_PROBE_CALLS,
  type ConditionalDecision,
  type ToolDecision,
} from '../policy/recommend-policy.ts';
import type { Limit } from '../policy/schema.ts';
import type { Category, Classification } from '../schema/classification.ts';
import { ANNOTATION_DEFAULTS, type AnnotationHint, type Tool } from '../schema/tool.ts';
import { policyFileName } from './enforcement.ts';
import { THREAT_OF_GUARD, guardGroups, refusalPhrase, requirementPhrase } from './guard-wording.ts';
import type { PolicyRecommendation, ToolPolicyRecommendation } from './policy-summary.ts';
import { capName, joinList, ordinal } from './text.ts';
import { parameterRows } from '../parameters.ts';
import { noParametersSentence } from './no-parameters.ts';

export interface FaqEntry {
  question: string;
  answer: string;
  /** Claims the answer makes about the recommended policy. */
  claims: PolicyClaim[];
  /** Claims the answer makes about the conditional example, when it describes one. */
  conditionalClaims?: PolicyClaim[];
}

export interface ToolFaqInput {
  serverName: string;
  serverId: string;
  tool: Tool;
  classification: Classification;
  /** The decision and its words: answers follow the decision, never the policy read back. */
  recommendation: ToolPolicyRecommendation;
  /**
   * The tool's URL slug within its server, collision suffix included (`get-item-2`), so
   * the download name the answer gives is the one the page offers; the name's own slug
   * when left out.
   */
  toolSlug?: string;
  /** The parameters come from a directory page, which lists them only in part. */
  reducedParameters?: boolean;
}

const MEANING_OF_CATEGORY: Readonly<Record<Category, string>> = {
  Read: 'tools that read or query data and change nothing',
  Write: 'tools that create or change state in a way that can be changed back',
  Execute: 'tools that run code, commands, workflows, builds or functions',
  Destructive: 'tools that delete, overwrite, revoke or terminate something for good',
  Financial: 'tools that move money, buy, refund, charge or change billing',
  Other: 'tools whose definition does not show which of the other kinds they belong to',
};

/** Parameters named in one answer before "and n more". */
const PARAMETERS_LISTED = 10;

/** The four hints and their MCP defaults, in the spec's order. */
const HINT_DEFAULTS = Object.entries(ANNOTATION_DEFAULTS) as [AnnotationHint, boolean][];

export function buildToolFaq(input: ToolFaqInput): FaqEntry[] {
  const { tool, classification, recommendation } = input;
  const { decision } = recommendation;
  const { guards, limit } = decision;
  const name = capName(tool.name);
  const server = capName(input.serverName);
  const refused = decision.disposition !== 'allowed';

  const entries: FaqEntry[] = [
    kindAndRisk(name, server, tool, classification, input.reducedParameters === true),
    whatThePolicyDoes(name, recommendation.recommended, decision),
    refused ? whenCalledAnyway(name, server, decision) : limit ? pastTheLimit(name, tool.name, limit, guards) : noLimit(name, tool.name, guards),
    refused
      ? classification.poisoned
        ? poisonedDefinition(name)
        : allowUnderConditions(name, decision.conditionalExample)
      : argumentChecks(name, tool.name, guards, limit !== undefined),
    annotationsAnswer(name, tool, classification),
    enforcement(name, input),
  ];
  return entries;
}

/** "the X MCP server", or the name alone when it already says MCP or server. */
function serverPhrase(server: string): string {
  return /\bmcp\b|\bserver$/i.test(server) ? server : `the ${server} MCP server`;
}

function kindAndRisk(name: string, server: string, tool: Tool, classification: Classification, reducedParameters: boolean): FaqEntry {
  const { category, risk, confidence } = classification;
  const rows = parameterRows(tool.inputSchema);
  const names = rows.map((row) => row.name);
  const required = new Set(rows.filter((row) => row.required).map((row) => row.name));
  const percent = Math.round(confidence * 100);
  const sentences = [
    `The ${name} tool of ${serverPhrase(server)} is in the ${category} category (${MEANING_OF_CATEGORY[category]}), with ${risk} risk, judging by its definition.`,
    `The classification has a confidence of ${percent}%${percent < 50 ? ', which is low: the definition says little or its signals disagree, so read the description and parameters yourself' : ''}.`,
  ];
  if (names.length === 0) {
    sentences.push(reducedParameters ? noParametersSentence(true) : 'Its input schema declares no parameters.');
  } else {
    const shown = names.slice(0, PARAMETERS_LISTED).map((param) => (required.has(param) ? `${capName(param, 40)} (required)` : capName(param, 40)));
    const rest = names.length - shown.length;
    const list = joinList(rest > 0 ? [...shown, `${rest} more`] : shown);
    const howMany = required.size === 0 ? 'none' : required.size === names.length ? 'all' : String(required.size);
    sentences.push(
      names.length === 1 ? `It takes one parameter: ${list}.` : `It takes ${names.length} parameters, ${howMany} of them required: ${list}.`,
    );
  }
  return { question: `What kind of tool is ${name}, and how risky is it?`, answer: sentences.join(' '), claims: [] };
}

function whatThePolicyDoes(name: string, recommended: PolicyRecommendation, decision: ToolDecision): FaqEntry {
  const { summary, claims } = recommended;
  const { limit } = decision;
  let detail: string;
  if (decision.disposition === 'hidden') {
    detail = `It sets default to deny and lists ${name} under hide: an agent connected through the gateway does not see the tool in tools/list, and a call to it by name is refused.`;
  } else if (decision.disposition === 'denied') {
    detail = `It sets default to deny and does not list ${name} under tools, so every call to it is refused.`;
  } else {
    detail = `It sets default to deny and lists only ${name} under tools, so this is the one tool the gateway lets through; every other tool of the server is refused.`;
    if (limit) detail += ` Its limits entry counts calls on the counter ${capName(limit.counter, 140)}, per grant, in windows of one UTC ${limit.window}.`;
  }
  return {
    question: `What does the recommended policy do with ${name}?`,
    answer: `${summary} ${detail}`,
    claims,
  };
}

function whenCalledAnyway(name: string, server: string, decision: ToolDecision): FaqEntry {
  const hidden = decision.disposition === 'hidden';
  const toolName = decision.tool;
  return {
    question: `What happens if an agent calls ${name} anyway?`,
    answer: hidden
      ? `The gateway refuses the call. With the recommended policy ${name} is hidden, so an agent does not find it in the tool list, and a call that names it all the same is refused before it reaches ${server}.`
      : `The gateway refuses the call before it reaches ${server}: the recommended policy does not list the tool, and its default is deny.`,
    claims: hidden ? [{ kind: 'hidden', tool: toolName }] : [{ kind: 'denied', tool: toolName, reason: 'default' }],
  };
}

const NEXT_WINDOW_EXAMPLE: Readonly<Record<Limit['window'], string>> = {
  minute: 'at 12:01:00 for calls made from 12:00:00 to 12:00:59',
  hour: 'at 13:00:00 for calls made from 12:00:00 to 12:59:59',
  day: 'at midnight UTC',
};

function pastTheLimit(name: string, toolName: string, limit: Limit, guards: readonly ArgumentGuard[]): FaqEntry {
  const next = ordinal(limit.max + 1);
  const args = safeArgs(guards);
  return {
    question: `What happens on the ${next} call to ${name} within one UTC ${limit.window}?`,
    answer:
      `The gateway refuses it. The recommended policy allows ${limit.max} calls to ${name} in one UTC ${limit.window} and refuses the ${next}. ` +
      `Windows follow the clock, not the first call: the count starts again at the next full ${limit.window} (${NEXT_WINDOW_EXAMPLE[limit.window]}). ` +
      'The count is kept per grant, so another connection with its own grant still has its full allowance.',
    claims: [
      { kind: 'rate-limit', tool: toolName, max: limit.max, window: limit.window, args },
      { kind: 'separate-grants', tool: toolName, max: limit.max, window: limit.window, args },
    ],
  };
}

function noLimit(name: string, toolName: string, guards: readonly ArgumentGuard[]): FaqEntry {
  return {
    question: `Is there a limit on how often ${name} can be called?`,
    answer:
      `Not in the recommended policy: a tool that only reads is allowed without a limit, so even the ${ordinal(UNLIMITED_PROBE_CALLS)} call within one UTC minute goes through. ` +
      `To cap it, add a limits entry to the rule of ${name} under tools, with a counter name, a window of minute, hour or day, a max, and scope grant; the call after the max-th in a window is then refused.`,
    claims: [{ kind: 'not-limited', tool: toolName, calls: UNLIMITED_PROBE_CALLS, window: 'minute', args: safeArgs(guards) }],
  };
}

function guardSentences(name: string, guards: readonly ArgumentGuard[]): string {
  return guardGroups(guards)
    .map((group) => {
      const threats = [...new Set(group.guards.map((guard) => THREAT_OF_GUARD[guard.kind]))];
      return `It refuses calls to ${name} ${group.phrase}, against ${joinList(threats)}.`;
    })
    .join(' ');
}

function guardClaims(toolName: string, guards: readonly ArgumentGuard[]): PolicyClaim[] {
  const claims: PolicyClaim[] = [{ kind: 'allowed', tool: toolName, args: safeArgs(guards) }];
  for (const guard of guards) {
    for (const args of unsafeArgsList(guards, guard)) {
      claims.push({ kind: 'denied', tool: toolName, args, reason: guard.placement, condition: guard.condition });
    }
  }
  return claims;
}

function argumentChecks(name: string, toolName: string, guards: readonly ArgumentGuard[], limited: boolean): FaqEntry {
  if (guards.length === 0) {
    return {
      question: `Does the policy check the arguments of ${name}?`,
      answer:
        `No. Its input schema has no parameter of the kinds the recommendation guards (a file path, a URL, a shell command, an SQL statement, a force flag), so the policy allows ${name} whatever its arguments${limited ? ', within its limit' : ''}. ` +
        'A condition under require or deny_if, for example op in with a list of allowed values for one parameter, narrows it further.',
      claims: [{ kind: 'no-argument-checks', tool: toolName }],
    };
  }
  const example = guards[0]!;
  const exampleArgs: Record<string, unknown> = {};
  setOwn(exampleArgs, example.param, example.safeValue);
  return {
    question: `Which arguments of ${name} does the policy check?`,
    answer:
      `${guardSentences(name, guards)} ` +
      `These are deny_if conditions: a call that trips none of them goes through, so ${capName(example.param, 40)} set to ${JSON.stringify(example.safeValue)} is allowed. An argument that is left out trips no deny_if condition.`,
    claims: [
      ...guardClaims(toolName, guards),
      { kind: 'allowed', tool: toolName, args: exampleArgs },
      { kind: 'allowed', tool: toolName, args: {} },
    ],
  };
}

function poisonedDefinition(name: string): FaqEntry {
  return {
    question: `Why is ${name} hidden whatever it does?`,
    answer:
      `Its definition contains text addressed to the AI model rather than a description for people (see the warning at the top of this page): an agent reads that text as part of its context and may follow it. ` +
      `No argument condition makes such text safe to read, so this page shows no conditional example. Have a person read the whole definition; if the text turns out to be harmless, list ${name} under tools with a tight limits entry, such as ${CONDITIONAL_HOURLY_LIMIT} calls a UTC hour.`,
    claims: [],
  };
}

function allowUnderConditions(name: string, example: ConditionalDecision | undefined): FaqEntry {
  if (!example) {
    return {
      question: `Can ${name} be allowed under conditions?`,
      answer:
        `Its input schema gives no parameter that a condition could check (such as a path, a URL, an amount or a confirmation flag), so this page shows no conditional example. ` +
        `To allow ${name} anyway, take it out of hide and list it under tools with a tight limits entry, such as ${CONDITIONAL_HOURLY_LIMIT} calls a UTC hour, and keep a person reviewing what it does.`,
      claims: [],
    };
  }
  const required = example.guards.filter((guard) => guard.placement === 'require');
  const refused = example.guards.filter((guard) => guard.placement === 'deny_if');
  const sentences = [
    `The conditional example lists ${name} under tools instead of hiding it${required.length > 0 ? `, with require conditions: it allows a call only when ${requirementPhrase(required)}, and refuses one where any of them is missing or different` : ''}.`,
  ];
  if (refused.length > 0) sentences.push(`Its deny_if conditions refuse calls ${refusalPhrase(refused)}.`);
  sentences.push(
    `A limits entry refuses the ${ordinal(example.limit.max + 1)} call within one UTC ${example.limit.window}, and every other tool stays refused.`,
  );
  return {
    question: `How can ${name} be allowed under conditions?`,
    answer: sentences.join(' '),
    claims: [],
    conditionalClaims: example.claims,
  };
}

function annotationsAnswer(name: string, tool: Tool, classification: Classification): FaqEntry {
  const annotations = tool.annotations ?? {};
  const given = HINT_DEFAULTS.filter(([key]) => typeof annotations[key] === 'boolean');
  const question = `Can the annotations of ${name} be trusted?`;
  const caveat =
    'Annotations are hints a server gives about its own tools, and nothing checks them: the classification here reads the name, description and input schema too, and a hint can raise the risk but never lower it.';
  if (given.length === 0) {
    return {
      question,
      answer: `The tool declares no behaviour hints, so the MCP defaults apply: not read-only, possibly destructive, not idempotent, and open to the outside world. ${caveat}`,
      claims: [],
    };
  }
  const stated = joinList(given.map(([key]) => `${key} ${String(annotations[key])}`));
  const contradictions = classification.contradictions ?? [];
  if (contradictions.length === 0) {
    return {
      question,
      answer: `The tool declares ${stated}, and nothing else in its definition contradicts that. ${caveat}`,
      claims: [],
    };
  }
  const details = contradictions.map((c) => sentenceEnd(c.explanation.trim()));
  return {
    question,
    answer: `Not here. The tool declares ${stated}, and the rest of its definition disagrees with ${contradictions.length === 1 ? `its ${contradictions[0]!.annotation}` : 'some of these'}: ${details.join(' ')} ${caveat}`,
    claims: [],
  };
}

function sentenceEnd(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function enforcement(name: string, input: ToolFaqInput): FaqEntry {
  const server = capName(input.serverName);
  return {
    question: `How do I enforce this policy for ${name} in the gateway?`,
    answer:
      `Download it as ${policyFileName(input.serverId, input.toolSlug ?? input.tool.name)} and attach it, in the MCP gateway, to the connection (the grant) through which the agent reaches ${server}. ` +
      `Point the agent at the gateway rather than at ${server}, so that every call to ${name} passes the policy first. ` +
      `Then make one call the policy allows and one it refuses, and check that the gateway treats each as the policy says.`,
    claims: [],
  };
}

