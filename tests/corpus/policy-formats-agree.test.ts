/**
 * The two files of every recommendation say the same thing: for every tool of the bundled
 * catalogue, under its own classification and under every category, and for every server,
 * policy.intercept.yaml (written, then read back as a user copies it, and validated with
 * Intercept's rules) gives the same verdict as policy.json on the same sample calls.
 *
 * The sample calls are those of the policy's claims (claims.ts): an ordinary call, each
 * value a guard refuses, a missing required argument, the call sequences of limits, a
 * tool the policy does not list, a hidden tool. Each sequence runs from a fresh pair of
 * evaluators, call by call.
 *
 * Left out of the comparison, because one format cannot say it (the pages say so in
 * words, prose/format-differences.ts): calls refused by a guard Intercept cannot express
 * (array elements), the limits of tools whose name holds a dot, and calls Intercept
 * refuses by a rule policy.json has no counterpart for (a daily total of an amount), and
 * a boolean given as text ("true"), which Intercept compares by its text and so accepts.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { classificationOf } from '../support/classification.ts';
import { readCatalogueFile } from '../../src/catalogue/store/reader.ts';
import { classifyTool } from '../../src/catalogue/classify/classify-tool.ts';
import { REFERENCE_INSTANT, type PolicyClaim } from '../../src/catalogue/policy/claims.ts';
import { createEvaluator, jsonEqual, nextWindowStart, windowStart } from '../../src/catalogue/policy/evaluate.ts';
import { decideServerPolicy, decideToolPolicy } from '../../src/catalogue/policy/recommend-policy.ts';
import { sampleArgs } from '../../src/catalogue/policy/sample-args.ts';
import type { Policy } from '../../src/catalogue/policy/schema.ts';
import { createInterceptEngine } from '../../src/catalogue/intercept/evaluate.ts';
import {
  interceptOfConditional,
  interceptOfServer,
  interceptOfTool,
  type InterceptTranslation,
} from '../../src/catalogue/intercept/from-decision.ts';
import { validateIntercept, type InterceptPolicy } from '../../src/catalogue/intercept/schema.ts';
import { interceptYaml, parseInterceptFile } from '../../src/catalogue/intercept/yaml-file.ts';
import { CATEGORIES, type Classification } from '../../src/catalogue/schema/classification.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';
import type { Tool } from '../../src/catalogue/schema/tool.ts';

const CATALOGUE = fileURLToPath(new URL('../../content/catalogue/catalogue.ndjson', import.meta.url));
const LISTED_FAILURES = 30;

interface Tally {
  policies: number;
  calls: number;
  /** Calls left out of the comparison, by reason. */
  leftOut: Record<string, number>;
  failures: string[];
}

interface Call {
  tool: string;
  args: unknown;
  at: number;
  grant?: string;
}

/** The calls of one claim, in order; none for claims that are not about calls. */
function callsOf(policy: Policy, claim: PolicyClaim): Call[] {
  const args = (tool: string, given: unknown): unknown => given ?? sampleArgs(policy, tool) ?? {};
  switch (claim.kind) {
    case 'allowed':
    case 'denied':
      return [{ tool: claim.tool, args: args(claim.tool, claim.args), at: REFERENCE_INSTANT }];
    case 'hidden':
      return [{ tool: claim.tool, args: {}, at: REFERENCE_INSTANT }];
    case 'other-tools-denied':
      return [{ tool: claim.probe, args: {}, at: REFERENCE_INSTANT }];
    case 'rate-limit':
    case 'not-limited': {
      const count = claim.kind === 'rate-limit' ? claim.max + 1 : claim.calls;
      const first = windowStart(claim.window, REFERENCE_INSTANT);
      const last = nextWindowStart(claim.window, REFERENCE_INSTANT) - 1;
      const calls = Array.from({ length: count }, (_, n) => ({ tool: claim.tool, args: args(claim.tool, claim.args), at: n === 0 ? first : last }));
      if (claim.kind === 'rate-limit') calls.push({ ...calls[0]!, at: last + 1 });
      return calls;
    }
    default:
      return [];
  }
}

/** Runs one claim's calls through both files and records each disagreement not explained by a known gap. */
function compare(tally: Tally, where: string, policy: Policy, translation: InterceptTranslation, intercept: InterceptPolicy, claims: readonly PolicyClaim[]): void {
  const omittedConditions = translation.tools.flatMap((tool) => tool.gaps.omittedGuards.map((guard) => ({ tool: tool.tool, condition: guard.condition })));
  const unlimited = new Set(translation.tools.filter((tool) => tool.gaps.omittedLimit).map((tool) => tool.tool));
  const extraRules = new Set(translation.tools.flatMap((tool) => tool.extras.rules));
  const leaveOut = (reason: string): void => {
    tally.leftOut[reason] = (tally.leftOut[reason] ?? 0) + 1;
  };
  for (const claim of claims) {
    const calls = callsOf(policy, claim);
    if (calls.length === 0) continue;
    const evaluator = createEvaluator(policy);
    const engine = createInterceptEngine(intercept);
    for (const [index, call] of calls.entries()) {
      const at = new Date(call.at);
      const json = evaluator.decide({ tool: call.tool, args: call.args, at });
      const yaml = engine.handle({ tool: call.tool, args: call.args, at });
      tally.calls += 1;
      if (json.allow === yaml.allow) continue;
      if (!json.allow && json.condition && omittedConditions.some((omitted) => omitted.tool === call.tool && jsonEqual(omitted.condition, json.condition))) {
        leaveOut('a guard on array elements');
        continue;
      }
      if (unlimited.has(call.tool) && json.reason === 'limit' && yaml.allow) {
        leaveOut('a limit on a tool whose name holds a dot');
        continue;
      }
      if (!json.allow && json.reason === 'require' && typeof json.condition?.value === 'boolean' && argumentAt(call.args, json.condition.path) === String(json.condition.value)) {
        leaveOut('a boolean given as text');
        continue;
      }
      if (!yaml.allow && extraRules.has(yaml.rule)) {
        leaveOut('a daily total');
        continue;
      }
      tally.failures.push(
        `${where}: call ${index + 1} of ${calls.length} to ${call.tool} with ${JSON.stringify(call.args)}: policy.json ${json.allow ? 'allows' : `refuses (${json.message})`}, policy.intercept.yaml ${yaml.allow ? 'allows' : `refuses (${yaml.message})`}`,
      );
      break;
    }
  }
}

function argumentAt(args: unknown, path: string): unknown {
  const key = path.slice('args.'.length);
  return args !== null && typeof args === 'object' && Object.hasOwn(args, key) ? (args as Record<string, unknown>)[key] : undefined;
}

/** The Intercept file as a user copies it: YAML text, read back, and valid for Intercept. */
function copied(tally: Tally, where: string, translation: InterceptTranslation): InterceptPolicy | undefined {
  tally.policies += 1;
  const parsed = parseInterceptFile(interceptYaml(translation.policy));
  if (!parsed.policy) {
    tally.failures.push(`${where}: YAML does not read back: ${parsed.errors.map((error) => error.message).join('; ')}`);
    return undefined;
  }
  const errors = validateIntercept(parsed.policy);
  if (errors.length > 0) {
    tally.failures.push(`${where}: not valid for Intercept: ${errors.join('; ')}`);
    return undefined;
  }
  return parsed.policy;
}

function compareServer(tally: Tally, server: Server, classify: (tool: Tool) => Classification, label: string): void {
  for (const tool of server.tools) {
    const where = `${server.id} / ${tool.name}${label}`;
    const decision = decideToolPolicy(tool, classify(tool));
    const translation = interceptOfTool(decision, tool.inputSchema);
    const intercept = copied(tally, where, translation);
    if (intercept) compare(tally, where, decision.policy, translation, intercept, decision.claims);
    if (decision.conditionalExample) {
      const example = interceptOfConditional(tool.name, decision.conditionalExample, tool.inputSchema);
      const exampleIntercept = copied(tally, `${where} (conditional example)`, example);
      if (exampleIntercept) compare(tally, `${where} (conditional example)`, decision.conditionalExample.policy, example, exampleIntercept, decision.conditionalExample.claims);
    }
  }
  const hub = decideServerPolicy(server, classify);
  const translation = interceptOfServer(hub, (index) => server.tools[index]!.inputSchema);
  const intercept = copied(tally, `${server.id} (server policy${label})`, translation);
  if (intercept) compare(tally, `${server.id} (server policy${label})`, hub.policy, translation, intercept, hub.claims);
}

function report(tally: Tally): string {
  const more = tally.failures.length > LISTED_FAILURES ? `\n... and ${tally.failures.length - LISTED_FAILURES} more` : '';
  return `${tally.failures.length} disagreements over ${tally.policies} policies and ${tally.calls} calls:\n${tally.failures.slice(0, LISTED_FAILURES).join('\n')}${more}`;
}

describe('policy.json and policy.intercept.yaml agree on every recommendation of the bundled catalogue', () => {
  const servers: Server[] = [];

  beforeAll(async () => {
    for await (const { server } of readCatalogueFile(CATALOGUE, { onInvalid: 'skip', warn: () => {} })) servers.push(server);
  }, 300_000);

  it('every tool as classified, and every server', () => {
    const tally: Tally = { policies: 0, calls: 0, leftOut: {}, failures: [] };
    for (const server of servers) compareServer(tally, server, (tool) => tool.classification ?? classifyTool(tool, server), '');
    console.info(`policy formats: ${tally.policies} policy pairs, ${tally.calls} calls compared; left out: ${JSON.stringify(tally.leftOut)}`);
    expect(tally.failures, report(tally)).toEqual([]);
    expect(tally.calls).toBeGreaterThan(tally.policies);
  }, 600_000);

  // Every tool is compared as classified above; this adds every category, on every fourth
  // server (a fixed sample, by catalogue order) so the suite stays within minutes.
  it('the tools of every fourth server under every category, so that every kind of guard and conditional example is compared', () => {
    const tally: Tally = { policies: 0, calls: 0, leftOut: {}, failures: [] };
    for (const category of CATEGORIES) {
      const classification = classificationOf(category);
      servers.forEach((server, index) => {
        if (index % 4 === 0) compareServer(tally, server, () => classification, ` as ${category}`);
      });
    }
    console.info(`policy formats, every category: ${tally.policies} policy pairs, ${tally.calls} calls compared; left out: ${JSON.stringify(tally.leftOut)}`);
    expect(tally.failures, report(tally)).toEqual([]);
    expect(tally.policies).toBeGreaterThan(servers.length);
  }, 600_000);
});
