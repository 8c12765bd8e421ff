/**
 * The policy highlighter gives Shiki's bytes: every recommended policy of the bundled
 * catalogue (tool, conditional example, server) and policies built from hostile strings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Admission } from '../../src/catalogue/admission.ts';
import type { ClassifiedServer } from '../../src/catalogue/schema/server.ts';
import { readCatalogueFile } from '../../src/catalogue/store/reader.ts';
import { describeServerRecommendation, describeToolRecommendation } from '../../src/catalogue/prose/policy-summary.ts';
import { highlight } from '../../src/site/highlight.ts';
import { highlightJson } from '../../src/site/highlight-json.ts';
import { policyJson } from '../../src/site/policy-files.ts';

const servers: ClassifiedServer[] = [];

beforeAll(async () => {
  const admission = new Admission({ onDuplicate: 'skip' });
  for await (const { server, location } of readCatalogueFile('content/catalogue/catalogue.ndjson', {})) {
    const admitted = admission.admit(server, location);
    if (admitted) servers.push(admitted);
  }
});

async function mismatches(documents: Iterable<string>): Promise<string[]> {
  const found: string[] = [];
  for (const json of documents) {
    const text = json.trimEnd();
    if ((await highlight(text, 'json')) !== highlightJson(text)) found.push(text.slice(0, 200));
  }
  return found;
}

describe('the policy highlighter', () => {
  it("matches Shiki on every policy of the bundled catalogue", async () => {
    const documents = new Set<string>();
    for (const server of servers) {
      documents.add(policyJson(describeServerRecommendation(server, (tool) => (tool as (typeof server.tools)[number]).classification).policy));
      for (const tool of server.tools) {
        const recommendation = describeToolRecommendation(tool, tool.classification);
        documents.add(policyJson(recommendation.recommended.policy));
        if (recommendation.conditionalExample) documents.add(policyJson(recommendation.conditionalExample.policy));
      }
    }
    expect(documents.size).toBeGreaterThan(1000);
    expect(await mismatches(documents)).toEqual([]);
  });

  it('matches Shiki on names and values made to trip it', async () => {
    const strange = ['x"y', 'back\\slash', '<script>&amp;', 'tab\there', 'nl\nx', '\u2028\u2029', '🎉', 'lone \ud800', '\u0001\u001b', ' ', '"', '\\"', '}', ': ,'];
    const documents = strange.flatMap((value) => [
      { version: '1', default: 'deny', hide: [value] },
      { version: '1', default: 'deny', tools: { [value]: { deny_if: [{ path: `args.${value}`, op: 'contains', value }] } } },
      { version: '1', default: 'allow', all_tools: { limits: [{ counter: value, window: 'day', max: 1e21, scope: 'grant' }] } },
      { a: [[], {}, [{}]], n: -1.5e-7, t: true, f: false, z: null, s: value },
    ]);
    expect(await mismatches(documents.map((document) => policyJson(document)))).toEqual([]);
  });
});
