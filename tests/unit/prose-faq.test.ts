import { classificationOf } from '../support/classification.ts';
import { describe, expect, it } from 'vitest';
import { checkClaims, describeClaim, type PolicyClaim } from '../../src/catalogue/policy/claims.ts';
import type { Policy } from '../../src/catalogue/policy/schema.ts';
import { enforcementSteps, policyFileName } from '../../src/catalogue/prose/enforcement.ts';
import { buildToolFaq, type FaqEntry } from '../../src/catalogue/prose/faq.ts';
import { describeToolRecommendation } from '../../src/catalogue/prose/policy-summary.ts';
import { capName, joinList, ordinal } from '../../src/catalogue/prose/text.ts';
import { CATEGORIES, type Category, type Classification } from '../../src/catalogue/schema/classification.ts';
import type { Tool } from '../../src/catalogue/schema/tool.ts';

const TOOLS: Record<Category, Tool> = {
  Read: { name: 'read_file', inputSchema: { type: 'object', properties: { path: { type: 'string' }, head: { type: 'integer' } }, required: ['path'] } },
  Write: { name: 'create_issue', inputSchema: { type: 'object', properties: { title: { type: 'string' }, body: { type: 'string' } }, required: ['title'] } },
  Execute: { name: 'run_command', inputSchema: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] } },
  Destructive: {
    name: 'delete_branch',
    inputSchema: { type: 'object', properties: { branch: { type: 'string' }, force: { type: 'boolean' }, confirm: { type: 'boolean' } } },
    annotations: { readOnlyHint: true },
  },
  Financial: { name: 'create_refund', inputSchema: { type: 'object', properties: { amount: { type: 'number' }, charge_id: { type: 'string' } } } },
  Other: { name: 'frobnicate', inputSchema: { type: 'object', properties: {} } },
};

function faqFor(category: Category, tool: Tool = TOOLS[category], extra: Partial<Classification> = {}) {
  const cls = classificationOf(category, extra);
  const recommendation = describeToolRecommendation(tool, cls);
  const faq = buildToolFaq({ serverName: 'GitHub', serverId: 'github', tool, classification: cls, recommendation });
  return { faq, recommendation };
}

function failures(policy: Policy, claims: readonly PolicyClaim[]): string[] {
  const results = checkClaims(policy, claims);
  return claims.flatMap((claim, index) => (results[index]!.ok ? [] : [`${describeClaim(claim)}: ${results[index]!.detail}`]));
}

function allText(faq: readonly FaqEntry[]): string {
  return faq.map((entry) => `${entry.question}\n${entry.answer}`).join('\n');
}

describe('buildToolFaq', () => {
  it('says a directory listed no parameters instead of claiming the tool takes none', () => {
    const tool = TOOLS.Other;
    const cls = classificationOf('Other');
    const recommendation = describeToolRecommendation(tool, cls);
    const input = { serverName: 'GitHub', serverId: 'github', tool, classification: cls, recommendation };
    expect(allText(buildToolFaq(input))).toContain('declares no parameters');
    const reduced = allText(buildToolFaq({ ...input, reducedParameters: true }));
    expect(reduced).toContain('listed no parameters for it; the tool may still take some');
    expect(reduced).not.toContain('declares no parameters');
  });

  it.each(CATEGORIES)('%s: about six specific questions whose policy claims all hold', (category) => {
    const { faq, recommendation } = faqFor(category);
    const tool = TOOLS[category];
    expect(faq.length).toBeGreaterThanOrEqual(5);
    expect(faq.length).toBeLessThanOrEqual(7);
    for (const entry of faq) {
      expect(entry.question.endsWith('?')).toBe(true);
      expect(entry.question).toContain(tool.name);
      expect(entry.answer.length).toBeGreaterThan(40);
      expect(failures(recommendation.recommended.policy, entry.claims)).toEqual([]);
      if (entry.conditionalClaims) {
        expect(recommendation.conditionalExample).toBeDefined();
        expect(failures(recommendation.conditionalExample!.policy, entry.conditionalClaims)).toEqual([]);
      }
    }
    // The answer about the policy repeats the summary and carries all its claims.
    const policyEntry = faq.find((entry) => entry.question.startsWith('What does the recommended policy do'))!;
    expect(policyEntry.answer).toContain(recommendation.recommended.summary);
    expect(policyEntry.claims).toEqual(recommendation.recommended.claims);
    // Questions differ from one another.
    expect(new Set(faq.map((entry) => entry.question)).size).toBe(faq.length);
  });

  it.each(CATEGORIES)('%s: plain text that names only fields of policy.json v1', (category) => {
    const text = allText(faqFor(category).faq);
    expect(text).not.toMatch(/[<>`*]|\]\(|&[a-z]+;/);
    expect(text).not.toMatch(/rate_limit|\baction\b|\breason\b/);
    expect(text).toContain(category);
  });

  it('names the next call past the limit, and the window', () => {
    const { faq } = faqFor('Write');
    const entry = faq.find((e) => e.question.includes('31st call'))!;
    expect(entry.question).toBe('What happens on the 31st call to create_issue within one UTC minute?');
    expect(entry.claims).toContainEqual(expect.objectContaining({ kind: 'rate-limit', tool: 'create_issue', max: 30, window: 'minute' }));
    expect(entry.claims).toContainEqual(expect.objectContaining({ kind: 'separate-grants', max: 30 }));
    expect(faqFor('Execute').faq.some((e) => e.question.includes('11th call to run_command'))).toBe(true);
    expect(faqFor('Other').faq.some((e) => e.question.includes('61st call to frobnicate'))).toBe(true);
  });

  it('says a read tool has no limit, and proves it', () => {
    const entry = faqFor('Read').faq.find((e) => e.question.startsWith('Is there a limit'))!;
    expect(entry.answer).toContain('100th call');
    expect(entry.claims).toEqual([expect.objectContaining({ kind: 'not-limited', calls: 100 })]);
  });

  it('explains the argument checks it proves', () => {
    const entry = faqFor('Read').faq.find((e) => e.question.startsWith('Which arguments'))!;
    expect(entry.answer).toContain('whose path contains ".."');
    expect(entry.answer).toContain('path traversal');
    expect(entry.claims.some((claim) => claim.kind === 'denied')).toBe(true);
    const none = faqFor('Other').faq.find((e) => e.question.startsWith('Does the policy check'))!;
    expect(none.claims).toEqual([{ kind: 'no-argument-checks', tool: 'frobnicate' }]);
  });

  it('hides destructive tools and shows how to allow them under conditions', () => {
    const { faq, recommendation } = faqFor('Destructive');
    const anyway = faq.find((e) => e.question.startsWith('What happens if an agent calls'))!;
    expect(anyway.claims).toEqual([{ kind: 'hidden', tool: 'delete_branch' }]);
    const conditions = faq.find((e) => e.question.startsWith('How can delete_branch be allowed'))!;
    expect(conditions.answer).toContain('only when confirm is true');
    expect(conditions.answer).toContain('whose force is true');
    expect(conditions.answer).toContain('11th call within one UTC hour');
    expect(conditions.conditionalClaims).toEqual(recommendation.conditionalExample!.claims);
  });

  it('says when no conditional example is possible', () => {
    const tool: Tool = { name: 'drop_database', inputSchema: { type: 'object', properties: { name: { type: 'string' } } } };
    const { faq, recommendation } = faqFor('Destructive', tool);
    expect(recommendation.conditionalExample).toBeUndefined();
    const entry = faq.find((e) => e.question.startsWith('Can drop_database be allowed'))!;
    expect(entry.answer).toContain('no conditional example');
    expect(entry.conditionalClaims).toBeUndefined();
  });

  it('shows contradicted annotations', () => {
    const { faq } = faqFor('Destructive', TOOLS.Destructive, {
      contradictions: [{ annotation: 'readOnlyHint', claimed: true, explanation: 'The name starts with "delete", which removes data.' }],
    });
    const entry = faq.find((e) => e.question.startsWith('Can the annotations'))!;
    expect(entry.answer).toMatch(/^Not here\./);
    expect(entry.answer).toContain('disagrees with its readOnlyHint: The name starts with "delete", which removes data.');
    const plain = faqFor('Other').faq.find((e) => e.question.startsWith('Can the annotations'))!;
    expect(plain.answer).toContain('MCP defaults apply');
  });

  it('caps long or odd names in sentences, and keeps the real name in claims', () => {
    const long = `get_${'very_'.repeat(30)}long_name`.slice(0, 128);
    const tool: Tool = { name: long, inputSchema: { type: 'object', properties: {} } };
    const cls = classificationOf('Write');
    const recommendation = describeToolRecommendation(tool, cls);
    const faq = buildToolFaq({
      serverName: `Evil\u202eServer\nName ${'x'.repeat(300)}`,
      serverId: 'evil',
      tool,
      classification: cls,
      recommendation,
    });
    const text = allText(faq);
    expect(text).not.toContain(long);
    expect(text).toContain(`${long.slice(0, 79)}…`);
    expect(text).not.toMatch(/[\u202e]/);
    expect(faq.every((entry) => !entry.question.includes('\n'))).toBe(true);
    expect(recommendation.recommended.claims.some((claim) => 'tool' in claim && claim.tool === long)).toBe(true);
    for (const entry of faq) expect(failures(recommendation.recommended.policy, entry.claims)).toEqual([]);
  });

  it('handles a tool named __proto__', () => {
    const tool: Tool = { name: '__proto__', inputSchema: { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}, "url": {"type": "string"}}') } };
    for (const category of CATEGORIES) {
      const { faq, recommendation } = faqFor(category, tool);
      for (const entry of faq) {
        expect(failures(recommendation.recommended.policy, entry.claims), category).toEqual([]);
        if (entry.conditionalClaims) expect(failures(recommendation.conditionalExample!.policy, entry.conditionalClaims)).toEqual([]);
      }
    }
  });
});

describe('enforcementSteps and policyFileName', () => {
  it('gives 3 to 5 plain steps naming the server and tool', () => {
    for (const input of [{ serverName: 'GitHub', toolName: 'delete_branch' }, { serverName: 'GitHub' }]) {
      const steps = enforcementSteps(input);
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(steps.length).toBeLessThanOrEqual(5);
      expect(steps.join(' ')).toContain('GitHub');
      expect(steps.join(' ')).not.toMatch(/[<>`*]/);
    }
    expect(enforcementSteps({ serverName: 'GitHub', toolName: 'delete_branch' }).join(' ')).toContain('delete_branch');
  });

  it('names download files safely', () => {
    expect(policyFileName('github')).toBe('github.policy.json');
    expect(policyFileName('github', 'delete_branch')).toBe('github.delete-branch.policy.json');
    expect(policyFileName('github', '../../etc/passwd')).toBe('github.etc-passwd.policy.json');
    expect(policyFileName('github', '...')).toBe('github.tool.policy.json');
  });
});

describe('text helpers', () => {
  it('caps by code points with an ellipsis, never splitting a pair', () => {
    expect(capName('short')).toBe('short');
    expect(capName('😀'.repeat(100), 10)).toBe(`${'😀'.repeat(9)}…`);
    expect(capName('a\u0000b\u200bc')).toBe('a b c');
    expect(capName('\u200b')).toBe('(unnamed)');
  });

  it('joins lists and writes ordinals', () => {
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b'], 'or')).toBe('a or b');
    expect(joinList(['a', 'b', 'c'], 'and', true)).toBe('a, b, and c');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 31, 61, 101, 111].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '31st', '61st', '101st', '111th',
    ]);
  });
});
