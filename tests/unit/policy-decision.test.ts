/**
 * Recommendations as data: what decideToolPolicy and decideServerPolicy decide (the
 * disposition, guards, limit and conditional example of each tool), and that the summary
 * and the FAQ are written from that one decision instead of deriving it again.
 */
import { classificationOf } from '../support/classification.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as argumentGuards from '../../src/catalogue/policy/argument-guards.ts';
import { checkClaims } from '../../src/catalogue/policy/claims.ts';
import {
  CONDITIONAL_HOURLY_LIMIT,
  decideServerPolicy,
  decideToolPolicy,
  dispositionOf,
  type ToolDecision,
} from '../../src/catalogue/policy/recommend-policy.ts';
import { buildToolFaq } from '../../src/catalogue/prose/faq.ts';
import { describeServerDecision, describeToolDecision, describeToolRecommendation } from '../../src/catalogue/prose/policy-summary.ts';
import { CATEGORIES, type Category } from '../../src/catalogue/schema/classification.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';
import type { Tool } from '../../src/catalogue/schema/tool.ts';

// The real deriveGuards, wrapped so that a test can count how often guards are derived.
vi.mock('../../src/catalogue/policy/argument-guards.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/catalogue/policy/argument-guards.ts')>();
  return { ...actual, deriveGuards: vi.fn(actual.deriveGuards) };
});
const deriveGuards = vi.mocked(argumentGuards.deriveGuards);

function tool(name: string, properties: Record<string, unknown> = {}): Tool {
  return { name, inputSchema: { type: 'object', properties } };
}

function server(tools: Tool[]): Server {
  return { id: 'test-server', name: 'Test Server', provenance: [{ source: 'test', retrieved: '2026-01-01' }], tools } as Server;
}

/** Parameters for every kind of guard: safety guards and permission guards alike. */
const GUARDED = tool('manage_files', {
  path: { type: 'string' },
  url: { type: 'string' },
  force: { type: 'boolean' },
  confirm: { type: 'boolean' },
  recursive: { type: 'boolean' },
  amount: { type: 'number' },
});
const PERMISSION_KINDS = ['confirm', 'no-recursive', 'amount-ceiling'];

function faqOf(decision: ToolDecision, subject: Tool = GUARDED) {
  const recommendation = describeToolDecision(decision);
  const faq = buildToolFaq({
    serverName: 'Test Server',
    serverId: 'test-server',
    tool: subject,
    classification: classificationOf(decision.category),
    recommendation,
  });
  return { recommendation, faq };
}

// A block body: a function returned from beforeEach would run as a cleanup hook.
beforeEach(() => {
  deriveGuards.mockClear();
});

describe('decideToolPolicy', () => {
  const expected: Record<Category, { disposition: string; max?: number }> = {
    Read: { disposition: 'allowed' },
    Write: { disposition: 'allowed', max: 30 },
    Execute: { disposition: 'allowed', max: 10 },
    Other: { disposition: 'allowed', max: 60 },
    Destructive: { disposition: 'hidden' },
    Financial: { disposition: 'hidden' },
  };

  it.each(CATEGORIES)('%s: disposition, guards and limit', (category) => {
    const decision = decideToolPolicy(GUARDED, classificationOf(category));
    const { disposition, max } = expected[category];
    expect(decision.tool).toBe('manage_files');
    expect(decision.category).toBe(category);
    expect(decision.disposition).toBe(disposition);
    if (max === undefined) expect(decision.limit).toBeUndefined();
    else expect(decision.limit).toEqual({ counter: 'manage_files-per-minute', window: 'minute', max, scope: 'grant' });
    if (disposition === 'allowed') {
      // Only the guards that refuse attacks; no permission guard on an allowed tool.
      expect(decision.guards.map((guard) => guard.kind)).toEqual(['path-traversal', 'url-scheme', 'url-host', 'no-force']);
      expect(decision.policy.tools?.manage_files).toBeDefined();
      expect(decision.conditionalExample).toBeUndefined();
    } else {
      expect(decision.guards).toEqual([]);
      expect(decision.policy).toEqual({ version: '1', default: 'deny', hide: ['manage_files'] });
      expect(decision.claims[0]).toEqual({ kind: 'hidden', tool: 'manage_files' });
    }
    expect(checkClaims(decision.policy, decision.claims).every((result) => result.ok)).toBe(true);
  });

  it('gives a refused tool a conditional example with every guard and an hourly limit', () => {
    const { conditionalExample } = decideToolPolicy(GUARDED, classificationOf('Financial'));
    expect(conditionalExample).toBeDefined();
    const kinds = conditionalExample!.guards.map((guard) => guard.kind);
    expect(kinds).toEqual(expect.arrayContaining(PERMISSION_KINDS));
    expect(conditionalExample!.limit).toEqual({
      counter: 'manage_files-per-hour',
      window: 'hour',
      max: CONDITIONAL_HOURLY_LIMIT,
      scope: 'grant',
    });
    expect(conditionalExample!.policy.tools?.manage_files?.limits).toEqual([conditionalExample!.limit]);
    expect(checkClaims(conditionalExample!.policy, conditionalExample!.claims).every((result) => result.ok)).toBe(true);
    expect(decideToolPolicy(tool('drop_everything'), classificationOf('Destructive')).conditionalExample).toBeUndefined();
  });

  it('leaves a refused tool named "*" denied, not hidden', () => {
    for (const category of ['Destructive', 'Financial'] as const) {
      const decision = decideToolPolicy(tool('*', { path: { type: 'string' } }), classificationOf(category));
      expect(decision.disposition).toBe('denied');
      expect(decision.policy).toEqual({ version: '1', default: 'deny' });
      expect(decision.claims[0]).toEqual({ kind: 'denied', tool: '*', reason: 'default' });
      expect(decision.conditionalExample).toBeDefined();
    }
    expect(dispositionOf('*', 'Read')).toBe('allowed');
    expect(dispositionOf('delete', 'Destructive')).toBe('hidden');
  });
});

describe('decideServerPolicy', () => {
  it('records a decision per tool and the counts the summary words', () => {
    const categories: Record<string, Category> = {
      read_a: 'Read',
      fetch: 'Read',
      write_a: 'Write',
      run: 'Execute',
      write_b: 'Write',
      drop: 'Destructive',
      pay: 'Financial',
      '*': 'Destructive',
    };
    const tools = Object.keys(categories).map((name) => tool(name, name === 'fetch' ? { url: { type: 'string' } } : {}));
    const decision = decideServerPolicy(server(tools), (t) => classificationOf(categories[t.name]!));
    expect(decision.tools.map(({ tool: name, disposition }) => `${name}:${disposition}`)).toEqual([
      'read_a:allowed',
      'fetch:allowed',
      'write_a:allowed',
      'run:allowed',
      'write_b:allowed',
      'drop:hidden',
      'pay:hidden',
      '*:denied',
    ]);
    expect(decision.tools.find((t) => t.tool === 'fetch')!.guards.map((guard) => guard.kind)).toEqual(['url-scheme', 'url-host']);
    expect(decision.tools.find((t) => t.tool === 'run')!.limit?.max).toBe(10);
    expect(decision.counts).toEqual({
      unlimited: 2,
      limited: [
        { category: 'Write', tools: 2, max: 30 },
        { category: 'Execute', tools: 1, max: 10 },
      ],
      guarded: 1,
      hidden: { Destructive: 1, Financial: 1 },
      poisoned: 0,
      denied: 1,
      poisonedDenied: 0,
    });
    expect(decision.policy.hide).toEqual(['drop', 'pay']);
    expect(describeServerDecision(decision).summary).toBe(
      'Allows 2 read tools without a limit, allows 3 more within per-minute limits (30 calls a UTC minute for each Write tool and 10 for each Execute tool), refuses risky arguments to 1 tool, hides 2 destructive or financial tools, refuses the destructive or financial tool named "*" without hiding it (hiding "*" would hide every tool), and refuses any tool it does not list.',
    );
  });
});

describe('one decision, read by the summary and the FAQ', () => {
  it('derives the guards once per tool, for the policy, the summary and the FAQ together', () => {
    for (const category of CATEGORIES) {
      deriveGuards.mockClear();
      const recommendation = describeToolRecommendation(GUARDED, classificationOf(category));
      buildToolFaq({ serverName: 'S', serverId: 's', tool: GUARDED, classification: classificationOf(category), recommendation });
      expect(deriveGuards, category).toHaveBeenCalledTimes(1);
    }
  });

  it('derives the guards once per allowed tool of a server, and not for refused ones', () => {
    const categories: Category[] = ['Read', 'Destructive', 'Write', 'Financial'];
    const tools = categories.map((_, index) => tool(`t${index}`, { path: { type: 'string' } }));
    decideServerPolicy(server(tools), (t) => classificationOf(categories[Number(t.name.slice(1))]!));
    expect(deriveGuards).toHaveBeenCalledTimes(2);
  });

  it('words the guards of the decision, not guards derived again', () => {
    // A decision whose guard is renamed after the fact: anything that derived guards from
    // the tool again would still say "path".
    const decision = decideToolPolicy(tool('read_file', { path: { type: 'string' } }), classificationOf('Read'));
    const renamed: ToolDecision = { ...decision, guards: decision.guards.map((guard) => ({ ...guard, param: 'renamed' })) };
    const { recommendation, faq } = faqOf(renamed, tool('read_file', { path: { type: 'string' } }));
    expect(recommendation.decision).toBe(renamed);
    expect(recommendation.recommended.summary).toContain('whose renamed contains ".."');
    const checks = faq.find((entry) => entry.question.startsWith('Which arguments'))!;
    expect(checks.answer).toContain('whose renamed contains ".."');
    expect(faq.map((entry) => entry.answer).join(' ')).not.toContain('whose path');
  });

  it('answers from the disposition: hidden and denied tools get different answers', () => {
    const hidden = faqOf(decideToolPolicy(GUARDED, classificationOf('Destructive'))).faq;
    const star = tool('*', { path: { type: 'string' } });
    const denied = faqOf(decideToolPolicy(star, classificationOf('Destructive')), star).faq;
    const anyway = (faq: typeof hidden) => faq.find((entry) => entry.question.startsWith('What happens if an agent calls'))!;
    expect(anyway(hidden).claims).toEqual([{ kind: 'hidden', tool: 'manage_files' }]);
    expect(anyway(denied).claims).toEqual([{ kind: 'denied', tool: '*', reason: 'default' }]);
    const policyAnswer = (faq: typeof hidden) => faq.find((entry) => entry.question.startsWith('What does the recommended policy do'))!.answer;
    expect(policyAnswer(hidden)).toContain('under hide');
    expect(policyAnswer(denied)).toContain('does not list * under tools');
  });

  it('shows the conditional example from the decision, with its guards and hourly limit', () => {
    const decision = decideToolPolicy(GUARDED, classificationOf('Destructive'));
    const { recommendation, faq } = faqOf(decision);
    expect(recommendation.conditionalExample!.policy).toBe(decision.conditionalExample!.policy);
    expect(recommendation.conditionalExample!.claims).toBe(decision.conditionalExample!.claims);
    expect(recommendation.conditionalExample!.summary).toBe(
      'Allows manage_files only when path starts with /path/to/allowed/root/, confirm is true and amount is at most 100, refuses calls whose path contains ".." or whose url uses file: or another non-web scheme or points at localhost, 169.254.169.254 or another loopback, link-local or metadata address or whose force or recursive is true, refuses the 11th call within one UTC hour, and refuses every other tool.',
    );
    const conditions = faq.find((entry) => entry.question.startsWith('How can manage_files be allowed'))!;
    expect(conditions.conditionalClaims).toBe(decision.conditionalExample!.claims);
    expect(conditions.answer).toContain('only when path starts with /path/to/allowed/root/, confirm is true and amount is at most 100');
  });
});
