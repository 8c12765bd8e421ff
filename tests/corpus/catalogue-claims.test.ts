/**
 * The proof that every page tells the truth about its policy: for every tool of the
 * bundled catalogue, the recommended policy (and the conditional example) validates,
 * and every claim of its summary and of its FAQ holds when the evaluator runs it; the
 * same for every server hub's policy. Claims are checked on the policy as a user copies
 * it (JSON text parsed again), not on the object in memory.
 */
import { classificationOf } from '../support/classification.ts';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueFile } from '../../src/catalogue/store/reader.ts';
import { classifyTool } from '../../src/catalogue/classify/classify-tool.ts';
import { checkClaims, describeClaim, type PolicyClaim } from '../../src/catalogue/policy/claims.ts';
import { policySchema, type Policy } from '../../src/catalogue/policy/schema.ts';
import { buildToolFaq } from '../../src/catalogue/prose/faq.ts';
import { describeServerRecommendation, describeToolRecommendation } from '../../src/catalogue/prose/policy-summary.ts';
import { CATEGORIES, type Classification } from '../../src/catalogue/schema/classification.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';
import type { Tool } from '../../src/catalogue/schema/tool.ts';

const CATALOGUE = fileURLToPath(new URL('../../content/catalogue/catalogue.ndjson', import.meta.url));

/** Failures listed in a report; the count covers them all. */
const LISTED_FAILURES = 40;

interface Tally {
  tools: number;
  policies: number;
  claims: number;
  failures: string[];
}

function newTally(): Tally {
  return { tools: 0, policies: 0, claims: 0, failures: [] };
}

/** Validates a policy as copied (JSON text parsed again) and checks each distinct claim on it. */
function prove(tally: Tally, where: string, policy: Policy, claims: readonly PolicyClaim[]): void {
  tally.policies += 1;
  const copied = JSON.parse(JSON.stringify(policy)) as Policy;
  const valid = policySchema.safeParse(copied);
  if (!valid.success) {
    tally.failures.push(`${where}: policy does not validate: ${valid.error.issues[0]?.message}`);
    return;
  }
  const seen = new Set<string>();
  const distinct = claims.filter((claim) => {
    const key = JSON.stringify(claim);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const results = checkClaims(copied, distinct);
  tally.claims += distinct.length;
  distinct.forEach((claim, index) => {
    const result = results[index]!;
    if (!result.ok) tally.failures.push(`${where}: ${describeClaim(claim)}: ${result.detail}`);
  });
}

function proveServer(tally: Tally, server: Server, classify: (tool: Tool) => Classification, label = ''): void {
  for (const tool of server.tools) {
    tally.tools += 1;
    const classification = classify(tool);
    const where = `${server.id} / ${tool.name}${label}`;
    const recommendation = describeToolRecommendation(tool, classification);
    const faq = buildToolFaq({ serverName: server.name, serverId: server.id, tool, classification, recommendation });
    if (faq.length < 5) tally.failures.push(`${where}: only ${faq.length} FAQ entries`);
    const { recommended, conditionalExample } = recommendation;
    prove(tally, where, recommended.policy, [...recommended.claims, ...faq.flatMap((entry) => entry.claims)]);
    const conditionalClaims = faq.flatMap((entry) => entry.conditionalClaims ?? []);
    if (conditionalExample) {
      prove(tally, `${where} (conditional example)`, conditionalExample.policy, [...conditionalExample.claims, ...conditionalClaims]);
    } else if (conditionalClaims.length > 0) {
      tally.failures.push(`${where}: the FAQ makes claims about a conditional example that does not exist`);
    }
  }
  const hub = describeServerRecommendation(server, classify);
  prove(tally, `${server.id} (server policy${label})`, hub.policy, hub.claims);
}

function report(tally: Tally): string {
  const listed = tally.failures.slice(0, LISTED_FAILURES).join('\n');
  const more = tally.failures.length > LISTED_FAILURES ? `\n... and ${tally.failures.length - LISTED_FAILURES} more` : '';
  return `${tally.failures.length} failures over ${tally.tools} tools, ${tally.policies} policies and ${tally.claims} claims:\n${listed}${more}`;
}

describe('claims of every page of the bundled catalogue', () => {
  const servers: Server[] = [];
  let skipped = 0;

  beforeAll(async () => {
    for await (const { server } of readCatalogueFile(CATALOGUE, { onInvalid: 'skip', warn: () => (skipped += 1) })) {
      servers.push(server);
    }
  }, 300_000);

  it('reads the catalogue', () => {
    expect(skipped).toBe(0);
    expect(servers.length).toBeGreaterThan(0);
  });

  it('every tool as classified: policies validate and every summary, FAQ and hub claim holds', () => {
    const tally = newTally();
    const started = performance.now();
    for (const server of servers) {
      proveServer(tally, server, (tool) => tool.classification ?? classifyTool(tool, server));
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`catalogue claims: ${tally.tools} tools, ${tally.policies} policies, ${tally.claims} claims in ${seconds} s`);
    expect(tally.failures, report(tally)).toEqual([]);
    expect(tally.tools).toBe(servers.reduce((sum, server) => sum + server.tools.length, 0));
  });

  it('every tool under every category: the recommendations hold whatever the classifier says', () => {
    const tally = newTally();
    const started = performance.now();
    for (const category of CATEGORIES) {
      const classification = classificationOf(category);
      for (const server of servers) proveServer(tally, server, () => classification, ` as ${category}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`catalogue claims, every category: ${tally.tools} tool recommendations, ${tally.policies} policies, ${tally.claims} claims in ${seconds} s`);
    expect(tally.failures, report(tally)).toEqual([]);
  }, 300_000);
});
