import { classificationOf } from '../support/classification.ts';
import { describe, expect, it } from 'vitest';
import {
  LOCAL_HOST_PATTERN,
  RISKY_SCHEME_PATTERN,
  SHELL_METACHARACTER_PATTERN,
  SQL_DESTRUCTIVE_PATTERN,
  SQL_WRITE_PATTERN,
  ARRAY_ELEMENTS_CHECKED,
  deriveGuards,
  nameWords,
} from '../../src/catalogue/policy/argument-guards.ts';
import { checkClaim, checkClaims, describeClaim, type PolicyClaim } from '../../src/catalogue/policy/claims.ts';
import { createEvaluator } from '../../src/catalogue/policy/evaluate.ts';
import { counterName } from '../../src/catalogue/policy/recommend-policy.ts';
import { sampleArgs } from '../../src/catalogue/policy/sample-args.ts';
import { policySchema, type Policy } from '../../src/catalogue/policy/schema.ts';
import {
  describeServerRecommendation,
  describeToolRecommendation,
  type PolicyRecommendation,
} from '../../src/catalogue/prose/policy-summary.ts';
import type { Category } from '../../src/catalogue/schema/classification.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';
import type { Tool } from '../../src/catalogue/schema/tool.ts';

function tool(name: string, properties: Record<string, unknown> = {}, required: string[] = []): Tool {
  return { name, inputSchema: { type: 'object', properties, required } };
}

function expectProven(recommendation: PolicyRecommendation): void {
  expect(policySchema.safeParse(recommendation.policy).success).toBe(true);
  expect(recommendation.claims.length).toBeGreaterThan(0);
  const results = checkClaims(recommendation.policy, recommendation.claims);
  const failures = recommendation.claims
    .map((claim, index) => ({ claim, result: results[index]! }))
    .filter(({ result }) => !result.ok)
    .map(({ claim, result }) => `${describeClaim(claim)}: ${result.detail}`);
  expect(failures).toEqual([]);
}

const readFile = tool('read_file', { path: { type: 'string' } }, ['path']);
const createIssue = tool('create_issue', { title: { type: 'string' }, body: { type: 'string' } });
const runCommand = tool('run_command', { command: { type: 'string' }, cwd: { type: 'string' } });
const deleteFile = tool('delete_file', { path: { type: 'string' }, recursive: { type: 'boolean' }, confirm: { type: 'boolean' } });
const sendPayment = tool('send_payment', { amount: { type: 'number' }, recipient: { type: 'string' } });
const frobnicate = tool('frobnicate', { level: { type: 'integer' } });

describe('describeToolRecommendation by category', () => {
  it('Read: allowed with {} when the schema gives nothing to guard, no limit', () => {
    const { recommended, conditionalExample } = describeToolRecommendation(tool('list_issues', { state: { type: 'string' } }), classificationOf('Read'));
    expect(recommended.policy).toEqual({ version: '1', default: 'deny', tools: { list_issues: {} } });
    expect(recommended.summary).toBe('Allows list_issues and refuses every other tool.');
    expect(conditionalExample).toBeUndefined();
    expectProven(recommended);
    expect(recommended.claims).toContainEqual(expect.objectContaining({ kind: 'not-limited', tool: 'list_issues' }));
  });

  it('Read with a path: refuses ".." and still allows the tool', () => {
    const { recommended } = describeToolRecommendation(readFile, classificationOf('Read'));
    expect(recommended.policy.tools!.read_file).toEqual({
      deny_if: [{ path: 'args.path', op: 'contains', value: '..' }],
    });
    expect(recommended.summary).toBe('Allows read_file, refuses calls whose path contains "..", and refuses every other tool.');
    expectProven(recommended);
  });

  it('Write: 30 calls a UTC minute', () => {
    const { recommended } = describeToolRecommendation(createIssue, classificationOf('Write'));
    expect(recommended.policy).toEqual({
      version: '1',
      default: 'deny',
      tools: { create_issue: { limits: [{ counter: 'create_issue-per-minute', window: 'minute', max: 30, scope: 'grant' }] } },
    });
    expect(recommended.summary).toBe(
      'Allows create_issue, refuses the 31st call within one UTC minute, and refuses every other tool.',
    );
    expectProven(recommended);
  });

  it('Execute: 10 calls a UTC minute and no shell metacharacters in the command', () => {
    const { recommended } = describeToolRecommendation(runCommand, classificationOf('Execute'));
    const rule = recommended.policy.tools!.run_command!;
    expect(rule.limits).toEqual([{ counter: 'run_command-per-minute', window: 'minute', max: 10, scope: 'grant' }]);
    expect(rule.deny_if).toEqual([
      { path: 'args.command', op: 'regex', value: SHELL_METACHARACTER_PATTERN },
      { path: 'args.cwd', op: 'contains', value: '..' },
    ]);
    expect(recommended.summary).toContain('refuses the 11th call within one UTC minute');
    expectProven(recommended);
  });

  it('Other: 60 calls a UTC minute', () => {
    const { recommended } = describeToolRecommendation(frobnicate, classificationOf('Other'));
    expect(recommended.policy.tools!.frobnicate!.limits![0]!.max).toBe(60);
    expect(recommended.summary).toBe('Allows frobnicate, refuses the 61st call within one UTC minute, and refuses every other tool.');
    expectProven(recommended);
  });

  it('Destructive: hidden and refused, with a conditional example from the schema', () => {
    const { recommended, conditionalExample } = describeToolRecommendation(deleteFile, classificationOf('Destructive'));
    expect(recommended.policy).toEqual({ version: '1', default: 'deny', hide: ['delete_file'] });
    expect(recommended.summary).toBe('Hides delete_file from the tool list and refuses every call to it and to every other tool.');
    expectProven(recommended);
    expect(conditionalExample).toBeDefined();
    expect(conditionalExample!.policy.tools!.delete_file).toEqual({
      require: [
        { path: 'args.path', op: 'regex', value: '^/path/to/allowed/root/' },
        { path: 'args.confirm', op: 'eq', value: true },
      ],
      deny_if: [
        { path: 'args.path', op: 'contains', value: '..' },
        { path: 'args.recursive', op: 'eq', value: true },
      ],
      limits: [{ counter: 'delete_file-per-hour', window: 'hour', max: 10, scope: 'grant' }],
    });
    expect(conditionalExample!.summary).toBe(
      'Allows delete_file only when path starts with /path/to/allowed/root/ and confirm is true, refuses calls whose path contains ".." or whose recursive is true, refuses the 11th call within one UTC hour, and refuses every other tool.',
    );
    expectProven(conditionalExample!);
  });

  it('Financial: hidden, with an amount ceiling in the conditional example', () => {
    const { recommended, conditionalExample } = describeToolRecommendation(sendPayment, classificationOf('Financial'));
    expect(recommended.policy.hide).toEqual(['send_payment']);
    expect(conditionalExample!.policy.tools!.send_payment!.require).toEqual([{ path: 'args.amount', op: 'lte', value: 100 }]);
    expect(conditionalExample!.summary).toContain('only when amount is at most 100');
    expectProven(recommended);
    expectProven(conditionalExample!);
    // The ceiling holds for numbers only: "50" as a string is refused, as is a missing amount.
    const evaluator = createEvaluator(conditionalExample!.policy);
    const at = new Date('2026-01-01T00:00:00Z');
    expect(evaluator.decide({ tool: 'send_payment', args: { amount: '50' }, at }).reason).toBe('require');
    expect(evaluator.decide({ tool: 'send_payment', args: {}, at }).reason).toBe('require');
  });

  it('gives no conditional example when the schema has nothing to condition on', () => {
    const result = describeToolRecommendation(tool('terminate_instance', { instance_id: { type: 'string' } }), classificationOf('Destructive'));
    expect(result.conditionalExample).toBeUndefined();
    expectProven(result.recommended);
  });

  it('guards URLs against file-like schemes and local or metadata hosts', () => {
    const { recommended } = describeToolRecommendation(tool('fetch', { url: { type: 'string' } }), classificationOf('Read'));
    expectProven(recommended);
    const evaluator = createEvaluator(recommended.policy);
    const at = new Date('2026-01-01T00:00:00Z');
    const verdict = (url: string): string => evaluator.decide({ tool: 'fetch', args: { url }, at }).reason;
    for (const safe of [
      'https://example.com/',
      'https://api.github.com/repos/a/b',
      'http://example.com:8080/x?y=1#z',
      'https://docs.localhost-cloud.com/',
      'https://127-0-0-1.example.com/',
      'https://metadata.example.com/',
      '/relative/path',
      'example.com/page',
    ]) {
      expect(verdict(safe), safe).toBe('allowed');
    }
    for (const unsafe of [
      'file:///etc/passwd',
      ' File://etc/passwd',
      'gopher://x:70/',
      'http://localhost/',
      'http://LocalHost:3000',
      'localhost:8080',
      'http://foo.localhost/',
      'http://127.0.0.1:9000/',
      'http://127.1/',
      'http://0.0.0.0/',
      'http://169.254.169.254/latest/meta-data/iam/',
      'http://metadata.google.internal/',
      'http://metadata/',
      'http://100.100.100.200/',
      'http://[::1]/',
      'http://[fd00:ec2::254]/',
      'http://2130706433/',
      'http://0x7f000001/',
      'http://0177.0.0.1/',
      'http://user:pass@127.0.0.1/',
      'http:\\\\127.0.0.1\\',
      '//127.0.0.1/',
    ]) {
      expect(verdict(unsafe), unsafe).toBe('deny_if');
    }
  });

  it('keeps the guard patterns linear on long hostile input', () => {
    // Not a speed target: a backtracking pattern takes minutes on this input, a linear one
    // milliseconds, so the generous bound only tells the two apart.
    const long = 'a'.repeat(200_000);
    for (const pattern of [LOCAL_HOST_PATTERN, RISKY_SCHEME_PATTERN, SHELL_METACHARACTER_PATTERN, SQL_WRITE_PATTERN]) {
      const started = performance.now();
      new RegExp(pattern, 'u').test(`${long}:${long}@${long}`);
      expect(performance.now() - started, pattern).toBeLessThan(5_000);
    }
  });

  it('guards SQL by keyword, on whole words only', () => {
    const write = new RegExp(SQL_WRITE_PATTERN, 'u');
    const destructive = new RegExp(SQL_DESTRUCTIVE_PATTERN, 'u');
    expect(write.test('SELECT updated_at, deleted FROM created_items')).toBe(false);
    expect(write.test('select 1; Update t set a = 2')).toBe(true);
    expect(destructive.test('INSERT INTO t VALUES (1)')).toBe(false);
    expect(destructive.test('drop table t')).toBe(true);
    const readSql = describeToolRecommendation(tool('run_query', { sql: { type: 'string' } }), classificationOf('Read'));
    expect(readSql.recommended.policy.tools!.run_query!.deny_if![0]!.value).toBe(SQL_WRITE_PATTERN);
    const execSql = describeToolRecommendation(tool('execute_sql', { sql: { type: 'string' } }), classificationOf('Execute'));
    expect(execSql.recommended.policy.tools!.execute_sql!.deny_if![0]!.value).toBe(SQL_DESTRUCTIVE_PATTERN);
    expectProven(readSql.recommended);
    expectProven(execSql.recommended);
  });

  it('checks every element of an array of paths, and refuses arrays too long to check', () => {
    const readMany = tool('read_many_files', { paths: { type: 'array', items: { type: 'string' } } });
    const { recommended } = describeToolRecommendation(readMany, classificationOf('Read'));
    const denyIf = recommended.policy.tools!.read_many_files!.deny_if!;
    expect(denyIf.slice(0, 2)).toEqual([
      { path: 'args.paths.0', op: 'contains', value: '..' },
      { path: 'args.paths.1', op: 'contains', value: '..' },
    ]);
    expect(denyIf.at(-1)).toEqual({ path: `args.paths.${ARRAY_ELEMENTS_CHECKED}`, op: 'exists', value: true });
    expect(recommended.summary).toBe(
      `Allows read_many_files, refuses calls whose paths has an element that contains ".." or has more than ${ARRAY_ELEMENTS_CHECKED} elements, and refuses every other tool.`,
    );
    expectProven(recommended);
    // Each element, the last checked one included, is refused on its own.
    const evaluator = createEvaluator(recommended.policy);
    const at = new Date(Date.UTC(2026, 0, 1));
    const last = Array.from({ length: ARRAY_ELEMENTS_CHECKED }, (_, index) => (index === ARRAY_ELEMENTS_CHECKED - 1 ? '../x' : `a${index}.txt`));
    expect(evaluator.decide({ tool: 'read_many_files', args: { paths: last }, at }).reason).toBe('deny_if');
    expect(evaluator.decide({ tool: 'read_many_files', args: { paths: ['a.txt', 'b.txt'] }, at }).allow).toBe(true);
    expect(evaluator.decide({ tool: 'read_many_files', args: { paths: [...last.slice(0, -1), 'ok.txt', '../y'] }, at }).allow).toBe(false);
    // URLs in an array get both URL guards per element.
    const fetchMany = describeToolRecommendation(tool('fetch_pages', { urls: { type: 'array', items: { type: 'string' } } }), classificationOf('Read'));
    expect(fetchMany.recommended.policy.tools!.fetch_pages!.deny_if!.slice(0, 2).map((c) => c.path)).toEqual(['args.urls.0', 'args.urls.0']);
    expectProven(fetchMany.recommended);
  });

  it('anchors paths to a root to edit in the conditional example, so that /etc/passwd is refused', () => {
    const { recommended, conditionalExample } = describeToolRecommendation(
      tool('remove_file', { path: { type: 'string' } }),
      classificationOf('Destructive'),
    );
    expect(recommended.policy.hide).toEqual(['remove_file']);
    const policy = conditionalExample!.policy;
    const evaluator = createEvaluator(policy);
    const at = new Date(Date.UTC(2026, 0, 1));
    const decide = (path: unknown) => evaluator.decide({ tool: 'remove_file', args: { path }, at });
    expect(decide('/etc/passwd')).toMatchObject({ allow: false, reason: 'require' });
    expect(decide('relative.txt')).toMatchObject({ allow: false, reason: 'require' });
    expect(decide('/path/to/allowed/root/../../etc/passwd')).toMatchObject({ allow: false, reason: 'deny_if' });
    expect(decide('/path/to/allowed/root/old.log').allow).toBe(true);
    expectProven(conditionalExample!);
    // The allowed starting point of a tool that reads keeps relative paths working.
    const read = describeToolRecommendation(tool('read_file', { path: { type: 'string' } }), classificationOf('Read'));
    expect(read.recommended.policy.tools!.read_file!.require).toBeUndefined();
  });

  it('confines a destructive tool without a path to targets named with a prefix to edit', () => {
    const deleteBranch = tool('delete_branch', { owner: { type: 'string', enum: ['me'] }, branch_name: { type: 'string' }, reason: { type: 'string' } }, ['owner', 'branch_name']);
    const { conditionalExample } = describeToolRecommendation(deleteBranch, classificationOf('Destructive'));
    expect(conditionalExample!.policy.tools!.delete_branch!.require).toEqual([{ path: 'args.branch_name', op: 'regex', value: '^scratch-' }]);
    expect(conditionalExample!.summary).toContain('only when branch_name starts with scratch-');
    expectProven(conditionalExample!);
    // An optional target, or a Financial tool, gets no prefix guard.
    expect(describeToolRecommendation(tool('delete_tag', { tag: { type: 'string' } }), classificationOf('Destructive')).conditionalExample).toBeUndefined();
    expect(describeToolRecommendation(tool('refund', { id: { type: 'string' } }, ['id']), classificationOf('Financial')).conditionalExample).toBeUndefined();
  });

  it('reads parameter names in any case style and skips fixed or unaddressable ones', () => {
    expect(nameWords('filePath')).toEqual(['file', 'path']);
    expect(nameWords('baseURL')).toEqual(['base', 'url']);
    expect(nameWords('output_dir')).toEqual(['output', 'dir']);
    const guards = deriveGuards(
      {
        type: 'object',
        properties: {
          filePath: { type: 'string' },
          'a.path': { type: 'string' },
          file_id: { type: 'string' },
          mode: { type: 'string', enum: ['path', 'url'] },
          command: { type: 'string', enum: ['view', 'create'] },
          paths: { type: 'array', items: { type: 'string' } },
          webhookUrl: { type: ['string', 'null'] },
          force: { type: 'boolean' },
        },
      },
      { readOnly: false, toolText: '' },
    );
    expect(guards.map((guard) => `${guard.param}:${guard.kind}`)).toEqual([
      'filePath:path-traversal',
      'filePath:path-root',
      ...Array.from({ length: ARRAY_ELEMENTS_CHECKED }, () => 'paths:path-traversal'),
      'paths:array-length',
      'webhookUrl:url-scheme',
      'webhookUrl:url-host',
      'force:no-force',
    ]);
  });

  it('survives hostile input schemas', () => {
    for (const inputSchema of [
      { type: 'object', properties: null },
      { type: 'object', properties: [] },
      { type: 'object', properties: { path: null, url: 'string', command: [] } },
      { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}, "constructor": {"type": "string"}}') },
    ]) {
      const result = describeToolRecommendation({ name: 't', inputSchema } as Tool, classificationOf('Write'));
      expectProven(result.recommended);
    }
  });
});

describe('names that are hostile to JavaScript objects or to the schema', () => {
  it('handles tool and parameter names such as __proto__ and constructor', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      for (const category of ['Read', 'Write', 'Destructive'] as const) {
        const proto = tool(name, JSON.parse('{"__proto__": {"type": "string"}, "path": {"type": "string"}, "confirm": {"type": "boolean"}}'));
        const { recommended, conditionalExample } = describeToolRecommendation(proto, classificationOf(category));
        expectProven(recommended);
        if (conditionalExample) expectProven(conditionalExample);
        // What a user copies: JSON text, parsed again, behaves the same.
        const copied = JSON.parse(JSON.stringify(recommended.policy)) as Policy;
        const parsed = policySchema.parse(copied);
        expect(Object.keys(parsed.tools ?? {})).toEqual(Object.keys(recommended.policy.tools ?? {}));
        for (const claim of recommended.claims) expect(checkClaim(copied, claim).ok, `${name} ${category} ${describeClaim(claim)}`).toBe(true);
      }
    }
  });

  it('keeps counter names within 128 characters and distinct for long names', () => {
    const a = `${'x'.repeat(120)}a`;
    const b = `${'x'.repeat(120)}b`;
    const emoji = '😀'.repeat(128);
    for (const name of [a, b, emoji, 'y'.repeat(128)]) {
      const counter = counterName(name, 'per-minute');
      expect(counter.length, name).toBeLessThanOrEqual(128);
      expect(counter.endsWith('-per-minute')).toBe(true);
      expect(/\p{Cs}/u.test(counter)).toBe(false);
    }
    expect(counterName(a, 'per-minute')).not.toBe(counterName(b, 'per-minute'));
    expect(counterName('read_file', 'per-minute')).toBe('read_file-per-minute');
    const { recommended } = describeToolRecommendation(tool(emoji), classificationOf('Write'));
    expectProven(recommended);
  });

  it('never hides "*" for a tool literally named "*"', () => {
    const { recommended } = describeToolRecommendation(tool('*'), classificationOf('Destructive'));
    expect(recommended.policy.hide).toBeUndefined();
    expectProven(recommended);
    const server = makeServer([tool('*'), tool('list_things')], { '*': 'Destructive', list_things: 'Read' });
    const policy = describeServerRecommendation(server, (t) => classificationOf(server.categories[t.name]!));
    expect(policy.policy.hide).toBeUndefined();
    expectProven(policy);
  });
});

type TestServer = Server & { categories: Record<string, Category> };

function makeServer(tools: Tool[], categories: Record<string, Category>): TestServer {
  return {
    id: 'test-server',
    name: 'Test Server',
    provenance: [{ source: 'test', retrieved: '2026-01-01' }],
    tools,
    categories,
  };
}

describe('describeServerRecommendation', () => {
  it('lists allowed tools with their rules, hides destructive and financial ones, refuses the rest', () => {
    const tools = [readFile, createIssue, runCommand, deleteFile, sendPayment, frobnicate];
    const categories: Record<string, Category> = {
      read_file: 'Read',
      create_issue: 'Write',
      run_command: 'Execute',
      delete_file: 'Destructive',
      send_payment: 'Financial',
      frobnicate: 'Other',
    };
    const server = makeServer(tools, categories);
    const recommendation = describeServerRecommendation(server, (t) => classificationOf(categories[t.name]!));
    expect(recommendation.policy.default).toBe('deny');
    expect(recommendation.policy.hide).toEqual(['delete_file', 'send_payment']);
    expect(Object.keys(recommendation.policy.tools!)).toEqual(['read_file', 'create_issue', 'run_command', 'frobnicate']);
    expect(recommendation.summary).toBe(
      'Allows 1 read tool without a limit, allows 3 more within per-minute limits (30 calls a UTC minute for each Write tool, 10 for each Execute tool and 60 for each tool classed Other), refuses risky arguments to 2 tools, hides 2 destructive or financial tools, and refuses any tool it does not list.',
    );
    expectProven(recommendation);
  });

  it('stays valid and provable for hundreds of tools, with one counter per tool', () => {
    const tools: Tool[] = [];
    const categories: Record<string, Category> = {};
    const cycle: Category[] = ['Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other'];
    for (let i = 0; i < 600; i += 1) {
      const name = i < 4 ? ['__proto__', 'constructor', 'toString', 'valueOf'][i]! : `tool_${i}_${'z'.repeat(i % 130)}`.slice(0, 128);
      tools.push(tool(name, i % 3 === 0 ? { path: { type: 'string' } } : {}));
      categories[name] = cycle[i % cycle.length]!;
    }
    const server = makeServer(tools, categories);
    const recommendation = describeServerRecommendation(server, (t) => classificationOf(categories[t.name]!));
    const counters = Object.values(recommendation.policy.tools!).flatMap((rule) => rule.limits ?? []).map((l) => l.counter);
    expect(new Set(counters).size).toBe(counters.length);
    expect(Object.keys(recommendation.policy.tools!)).toContain('__proto__');
    expectProven(recommendation);
  });

  it('says so for a server without tools', () => {
    const recommendation = describeServerRecommendation(makeServer([], {}), () => classificationOf('Read'));
    expect(recommendation.policy).toEqual({ version: '1', default: 'deny' });
    expect(recommendation.summary).toBe('Refuses every tool, as the catalogue lists none for this server.');
    expectProven(recommendation);
  });
});

describe('checkClaim detects false claims', () => {
  const write = describeToolRecommendation(createIssue, classificationOf('Write')).recommended;
  const destructive = describeToolRecommendation(deleteFile, classificationOf('Destructive')).recommended;
  const refutations: Array<[string, Policy, PolicyClaim]> = [
    ['a rate limit with the wrong max (too high)', write.policy, { kind: 'rate-limit', tool: 'create_issue', max: 31, window: 'minute' }],
    ['a rate limit with the wrong max (too low)', write.policy, { kind: 'rate-limit', tool: 'create_issue', max: 10, window: 'minute' }],
    ['a rate limit with the wrong window', write.policy, { kind: 'rate-limit', tool: 'create_issue', max: 30, window: 'hour' }],
    ['an unlimited claim on a limited tool', write.policy, { kind: 'not-limited', tool: 'create_issue', calls: 31, window: 'minute' }],
    ['an allowed claim on a hidden tool', destructive.policy, { kind: 'allowed', tool: 'delete_file' }],
    ['a visible claim on a hidden tool', destructive.policy, { kind: 'visible', tool: 'delete_file' }],
    ['a hidden claim on an allowed tool', write.policy, { kind: 'hidden', tool: 'create_issue' }],
    ['a denial with the wrong reason', destructive.policy, { kind: 'denied', tool: 'delete_file', reason: 'default' }],
    ['a denial of an allowed call', write.policy, { kind: 'denied', tool: 'create_issue', reason: 'limit' }],
    ['other tools refused under default allow', { version: '1', default: 'allow' }, { kind: 'other-tools-denied', probe: 'x' }],
    ['other tools refused with a listed probe', write.policy, { kind: 'other-tools-denied', probe: 'create_issue' }],
    ['no argument checks on a guarded tool', describeToolRecommendation(readFile, classificationOf('Read')).recommended.policy, { kind: 'no-argument-checks', tool: 'read_file' }],
    ['grants shared when they are not', write.policy, { kind: 'separate-grants', tool: 'create_issue', max: 29, window: 'minute' }],
    [
      'a refusal by another condition',
      describeToolRecommendation(runCommand, classificationOf('Execute')).recommended.policy,
      { kind: 'denied', tool: 'run_command', args: { command: 'ls; id' }, reason: 'deny_if', condition: { path: 'args.cwd', op: 'contains', value: '..' } },
    ],
    ['separate grants on a tool without a limit', { version: '1', default: 'allow' }, { kind: 'separate-grants', tool: 't', max: 1, window: 'minute' }],
    ['any claim on an invalid policy', { version: '2' } as unknown as Policy, { kind: 'allowed', tool: 't' }],
  ];
  it.each(refutations)('%s', (_label, policy, claim) => {
    const result = checkClaim(policy, claim);
    expect(result.ok).toBe(false);
    expect(result.detail).not.toBe('');
  });

  it('accepts the true versions of the same claims', () => {
    expect(checkClaim(write.policy, { kind: 'rate-limit', tool: 'create_issue', max: 30, window: 'minute' }).ok).toBe(true);
    expect(checkClaim(write.policy, { kind: 'separate-grants', tool: 'create_issue', max: 30, window: 'minute' }).ok).toBe(true);
    expect(checkClaim(destructive.policy, { kind: 'denied', tool: 'delete_file', reason: 'hidden' }).ok).toBe(true);
    expect(checkClaim(write.policy, { kind: 'no-argument-checks', tool: 'create_issue' }).ok).toBe(true);
  });

  it('sees a coarser limit that would pass for a finer one', () => {
    const policy: Policy = {
      version: '1',
      default: 'deny',
      tools: {
        t: {
          limits: [
            { counter: 'm', window: 'minute', max: 5, scope: 'grant' },
            { counter: 'h', window: 'hour', max: 5, scope: 'grant' },
          ],
        },
      },
    };
    expect(checkClaim(policy, { kind: 'rate-limit', tool: 't', max: 5, window: 'minute' }).ok).toBe(false);
  });
});

describe('sampleArgs', () => {
  const policyWith = (rule: NonNullable<Policy['tools']>[string]): Policy => ({ version: '1', default: 'deny', tools: { t: rule } });

  it('satisfies require and avoids deny_if', () => {
    const policy = policyWith({
      require: [
        { path: 'args.mode', op: 'in', value: ['safe', 'dry'] },
        { path: 'args.n', op: 'lt', value: 5 },
        { path: 'args.opts.confirm', op: 'eq', value: true },
        { path: 'args.env', op: 'not_in', value: ['prod'] },
        { path: 'args.tags', op: 'contains', value: 'ok' },
      ],
      deny_if: [
        { path: 'args.mode', op: 'eq', value: 'safe' },
        { path: 'args.reason', op: 'exists', value: false },
        { path: 'args.path', op: 'contains', value: '..' },
      ],
    });
    const args = sampleArgs(policy, 't');
    expect(args).not.toBeNull();
    expect(createEvaluator(policy).decide({ tool: 't', args, at: new Date() }).allow).toBe(true);
  });

  it('returns null rather than guess when no value fits', () => {
    const policy = policyWith({ require: [{ path: 'args.code', op: 'regex', value: '^[A-Z]{3}-\\d{4}$' }] });
    expect(sampleArgs(policy, 't')).toBeNull();
    const claim = checkClaim(policy, { kind: 'allowed', tool: 't' });
    expect(claim.ok).toBe(false);
    expect(checkClaim(policy, { kind: 'allowed', tool: 't', args: { code: 'ABC-1234' } }).ok).toBe(true);
  });
});
