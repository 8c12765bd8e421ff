/**
 * policy.intercept.yaml from the decisions, on made-up tools: the complement patterns
 * refuse exactly what the policy.json patterns refuse, the rules and messages say what
 * policy.json says, the gaps are reported as data, and the example calls are decided by
 * both evaluators.
 */
import { describe, expect, it } from 'vitest';
import { classificationOf } from '../support/classification.ts';
import {
  LOCAL_HOST_PATTERN,
  RISKY_SCHEME_PATTERN,
  SHELL_METACHARACTER_PATTERN,
  SQL_DESTRUCTIVE_PATTERN,
  SQL_DESTRUCTIVE_WORDS,
  SQL_WRITE_PATTERN,
  SQL_WRITE_WORDS,
} from '../../src/catalogue/policy/argument-guards.ts';
import { decideServerPolicy, decideToolPolicy } from '../../src/catalogue/policy/recommend-policy.ts';
import { exampleCalls } from '../../src/catalogue/policy/example-calls.ts';
import { createInterceptEngine } from '../../src/catalogue/intercept/evaluate.ts';
import { interceptOfConditional, interceptOfServer, interceptOfTool } from '../../src/catalogue/intercept/from-decision.ts';
import { anyWordExcept, NO_DOT_DOT, NO_SHELL_METACHARACTERS, PUBLIC_WEB_URL, withoutWords } from '../../src/catalogue/intercept/patterns.ts';
import { compileRe2, re2Problem, validateIntercept } from '../../src/catalogue/intercept/schema.ts';
import { interceptYaml, parseInterceptFile } from '../../src/catalogue/intercept/yaml-file.ts';
import { formatDifferences } from '../../src/catalogue/prose/format-differences.ts';
import type { Tool } from '../../src/catalogue/schema/tool.ts';

function tool(name: string, properties: Record<string, unknown> = {}, required: string[] = []): Tool {
  return { name, description: '', inputSchema: { type: 'object', properties, required } };
}

const AT = new Date(Date.UTC(2026, 2, 10, 12, 34));

const STRINGS = [
  '', 'a', '.', '..', 'a..b', 'a.b.', '../../etc/passwd', 'notes/example.txt', '.hidden', 'x.', 'a...', 'é..',
  'ls -la', 'ls; id', 'ls && id', 'ls | id', 'ls `id`', 'ls $(id)', 'a > b', 'line\nbreak', 'tab\there',
  'SELECT 1', 'select * from updates', 'INSERT INTO t VALUES (1)', 'x;Delete from y', 'DROP', 'drop_table', 'a_drop',
  'SELECT 1; DROP TABLE users', 'truncate t', 'truncated', 'ALTER TABLE t', 'GrAnT all', 'revoke', 'copy', 'vacuum',
  'éDROP', 'ßdelete', '1delete', 'delete1', 'upsert', 'merge into', 'replace', 'attach',
];

describe('complement patterns, in a form RE2 accepts', () => {
  it('refuse exactly what the policy.json patterns refuse', () => {
    const pairs: Array<[string, (text: string) => boolean]> = [
      [NO_DOT_DOT, (text) => !text.includes('..')],
      [NO_SHELL_METACHARACTERS, (text) => !new RegExp(SHELL_METACHARACTER_PATTERN, 'u').test(text)],
      [withoutWords(SQL_WRITE_WORDS), (text) => !new RegExp(SQL_WRITE_PATTERN, 'u').test(text)],
      [withoutWords(SQL_DESTRUCTIVE_WORDS), (text) => !new RegExp(SQL_DESTRUCTIVE_PATTERN, 'u').test(text)],
    ];
    for (const [pattern, expected] of pairs) {
      expect(re2Problem(pattern), pattern).toBeUndefined();
      const regex = compileRe2(pattern);
      for (const text of STRINGS) expect(regex.test(text), `${JSON.stringify(text)} against ${pattern.slice(0, 40)}`).toBe(expected(text));
    }
  });

  it('anyWordExcept matches every word of the alphabet but the excluded ones', () => {
    const regex = compileRe2(`(?i)^${anyWordExcept(['ab', 'abc', 'b'], 'abc')}$`);
    const words = ['a', 'b', 'c', 'aa', 'ab', 'ac', 'ba', 'abc', 'abcc', 'abca', 'bb', 'cab', 'AB', 'Ac'];
    for (const word of words) expect(regex.test(word), word).toBe(!['ab', 'abc', 'b'].includes(word.toLowerCase()));
    expect(regex.test('')).toBe(false);
  });

  it('allows only web URLs to a named public host, refusing every URL policy.json refuses', () => {
    const url = compileRe2(PUBLIC_WEB_URL);
    const refused = [
      'file:///etc/passwd', 'FILE:///etc/passwd', 'gopher://example.com:6379/_', 'ftp://example.com/', 'http://localhost:8080/admin',
      'http://LOCALHOST/', 'http://app.localhost/', 'http://127.0.0.1/', 'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/', 'http://[::1]/', 'http://2130706433/', 'http://0x7f.0.0.1/', 'http://user@127.0.0.1/',
    ];
    for (const value of refused) {
      const byJson = new RegExp(RISKY_SCHEME_PATTERN, 'u').test(value) || new RegExp(LOCAL_HOST_PATTERN, 'u').test(value);
      expect(byJson, value).toBe(true);
      expect(url.test(value), value).toBe(false);
    }
    for (const value of ['https://example.com/', 'http://docs.example.org/a?b#c', 'https://user@api.example.io:8443/x', 'https://example.com']) {
      expect(url.test(value), value).toBe(true);
    }
  });
});

describe('policy.intercept.yaml from a decision', () => {
  it('an allowed tool with guards: a named rule with a message per guard, and its rate limit', () => {
    const runCommand = tool('run_command', { command: { type: 'string' }, cwd: { type: 'string' } }, ['command']);
    const decision = decideToolPolicy(runCommand, classificationOf('Execute'));
    const { policy, tools } = interceptOfTool(decision, runCommand.inputSchema);
    expect(policy.default).toBe('deny');
    const rules = policy.tools!.run_command!.rules!;
    expect(rules.map((rule) => rule.name)).toEqual(['plain command in command', 'no ".." in cwd', '10 calls per minute']);
    expect(rules[2]).toMatchObject({ rate_limit: '10/minute' });
    for (const rule of rules) expect(rule.on_deny!.length, rule.name).toBeGreaterThan(40);
    // cwd is optional: Intercept cannot make its rule apply only when it is given.
    expect(tools[0]!.gaps.requiredToBeGiven).toEqual(['cwd']);
    expect(validateIntercept(policy)).toEqual([]);

    const engine = createInterceptEngine(policy);
    expect(engine.handle({ tool: 'run_command', args: { command: 'ls -la', cwd: 'src' }, at: AT }).allow).toBe(true);
    expect(engine.handle({ tool: 'run_command', args: { command: 'ls; id', cwd: 'src' }, at: AT })).toMatchObject({ allow: false, rule: 'plain command in command' });
    expect(engine.handle({ tool: 'run_command', args: { command: 'ls', cwd: '../..' }, at: AT })).toMatchObject({ allow: false, rule: 'no ".." in cwd' });
    expect(engine.handle({ tool: 'run_command', args: { command: 'ls' }, at: AT })).toMatchObject({ allow: false, rule: 'no ".." in cwd' });
    expect(engine.handle({ tool: 'other', args: {}, at: AT }).message).toBe('Tool "other" is not permitted by policy');
  });

  it('a hidden tool is hidden; its conditional example adds a daily total of the amount', () => {
    const pay = tool('send_payment', { amount: { type: 'number' }, to: { type: 'string' } }, ['amount', 'to']);
    const decision = decideToolPolicy(pay, classificationOf('Financial'));
    expect(interceptOfTool(decision, pay.inputSchema).policy).toMatchObject({ hide: ['send_payment'], tools: {} });
    const example = interceptOfConditional('send_payment', decision.conditionalExample!, pay.inputSchema);
    expect(example.tools[0]!.extras.dailyTotal).toEqual({ param: 'amount', max: 1000 });
    expect(validateIntercept(example.policy)).toEqual([]);
    const engine = createInterceptEngine(example.policy);
    // Ten payments of 100 in ten different hours pass; the eleventh would take the day past 1000.
    for (let hour = 0; hour < 10; hour += 1) {
      const at = new Date(Date.UTC(2026, 2, 10, hour, 5));
      expect(engine.handle({ tool: 'send_payment', args: { amount: 100, to: 'x' }, at }).allow, `hour ${hour}`).toBe(true);
    }
    const eleventh = engine.handle({ tool: 'send_payment', args: { amount: 100, to: 'x' }, at: new Date(Date.UTC(2026, 2, 10, 11, 5)) });
    expect(eleventh).toMatchObject({ allow: false, rule: 'daily total of amount' });
    expect(engine.handle({ tool: 'send_payment', args: { amount: 100, to: 'x' }, at: new Date(Date.UTC(2026, 2, 11, 0, 0)) }).allow).toBe(true);
    expect(engine.handle({ tool: 'send_payment', args: { amount: 101, to: 'x' }, at: new Date(Date.UTC(2026, 2, 11, 1, 0)) })).toMatchObject({ allow: false, rule: 'amount at most 100' });
    expect(formatDifferences(example.tools, decision.conditionalExample!.guards).join(' ')).toContain('adds up amount over each UTC day');
  });

  it('reports what it cannot say: array elements, a limit on a dotted name, a tool named *', () => {
    const readMany = tool('files.read_many', { paths: { type: 'array', items: { type: 'string' } } }, ['paths']);
    const decision = decideToolPolicy(readMany, classificationOf('Write'));
    const { policy, tools } = interceptOfTool(decision, readMany.inputSchema);
    expect(tools[0]!.gaps.omittedGuards.length).toBeGreaterThan(0);
    expect(tools[0]!.gaps.omittedLimit).toMatchObject({ max: 30, window: 'minute' });
    expect(policy.tools!['files.read_many']!.rules).toEqual([]);
    expect(validateIntercept(policy)).toEqual([]);
    const sentences = formatDifferences(tools, decision.guards).join(' ');
    expect(sentences).toContain('cannot reach array elements');
    expect(sentences).toContain('files.read_many');

    const star = { ...tool('*'), classification: classificationOf('Read') };
    const server = { id: 's', name: 'S', tools: [star, { ...tool('list'), classification: classificationOf('Read') }], provenance: [] } as never;
    const hub = decideServerPolicy(server, (t) => (t as typeof star).classification);
    const translation = interceptOfServer(hub, () => ({}));
    expect(Object.keys(translation.policy.tools!)).toEqual(['list']);
    expect(translation.tools[0]!.gaps.wildcardName).toBe(true);
  });

  it('writes YAML that reads back to the same policy, with hostile names quoted', () => {
    const names = ['a: b', '- x', '#comment', 'yes', '"quoted"', '__proto__', 'constructor', 'ünïcode', '1e3'];
    const server = {
      id: 'hostile',
      name: 'Hostile',
      provenance: [],
      tools: names.map((name) => ({ ...tool(name, { path: { type: 'string' } }, ['path']), classification: classificationOf('Write') })),
    } as never;
    const hub = decideServerPolicy(server, (t) => (t as { classification: ReturnType<typeof classificationOf> }).classification);
    const translation = interceptOfServer(hub, () => ({ type: 'object', properties: { path: { type: 'string' } }, required: ['path'] }));
    const yaml = interceptYaml(translation.policy);
    const parsed = parseInterceptFile(yaml);
    expect(parsed.errors).toEqual([]);
    expect(Object.keys(parsed.policy!.tools!).sort()).toEqual([...names].sort());
    expect(validateIntercept(parsed.policy!)).toEqual([]);
    expect(JSON.parse(JSON.stringify(parsed.policy))).toEqual(JSON.parse(JSON.stringify(translation.policy)));
  });
});

describe('example calls', () => {
  it('an allowed tool: the ordinary call, one refused value per guard, and the call over the limit', () => {
    const fetchUrl = tool('fetch_url', { url: { type: 'string' }, timeout: { type: 'integer' } }, ['url', 'timeout']);
    const decision = decideToolPolicy(fetchUrl, classificationOf('Write'));
    const translation = interceptOfTool(decision, fetchUrl.inputSchema);
    const calls = exampleCalls(fetchUrl, decision, { recommended: { policy: decision.policy, intercept: translation.policy } }, 'some_other_tool');
    expect(calls.map((call) => call.kind)).toEqual(['ordinary', 'guard', 'guard', 'limit']);
    expect(calls[0]!.args).toEqual({ url: 'https://example.com/', timeout: 1 });
    expect(calls[0]!.decision.allow && calls[0]!.intercept.allow).toBe(true);
    expect(calls[1]!.args.url).toBe('file:///etc/passwd');
    for (const call of calls.slice(1)) {
      expect(call.decision.allow, call.kind).toBe(false);
      expect(call.intercept.allow, call.kind).toBe(false);
    }
    expect(calls[3]).toMatchObject({ callNumber: 31, limit: { max: 30, window: 'minute' } });
    expect(calls[3]!.decision.reason).toBe('limit');
  });

  it('a hidden tool: refused as hidden, then the conditional example at work', () => {
    const remove = tool('remove_file', { path: { type: 'string' } }, ['path']);
    const decision = decideToolPolicy(remove, classificationOf('Destructive'));
    const example = interceptOfConditional('remove_file', decision.conditionalExample!, remove.inputSchema);
    const calls = exampleCalls(
      remove,
      decision,
      {
        recommended: { policy: decision.policy, intercept: interceptOfTool(decision, remove.inputSchema).policy },
        conditional: { policy: decision.conditionalExample!.policy, intercept: example.policy },
      },
      'some_other_tool',
    );
    expect(calls[0]).toMatchObject({ kind: 'ordinary', policy: 'recommended' });
    expect(calls[0]!.decision.reason).toBe('hidden');
    expect(calls[0]!.intercept.rule).toBe('(hidden)');
    expect(calls[1]).toMatchObject({ kind: 'ordinary', policy: 'conditional', args: { path: '/path/to/allowed/root/notes/example.txt' } });
    expect(calls[1]!.decision.allow).toBe(true);
    const refusedPaths = calls.filter((call) => call.kind === 'guard').map((call) => call.args.path);
    expect(refusedPaths).toContain('/etc/passwd');
    expect(calls.at(-1)).toMatchObject({ kind: 'limit', callNumber: 11 });
    expect(calls.length).toBeLessThanOrEqual(6);
  });

  it('a tool without guards, limit or conditional example still shows three calls', () => {
    const list = tool('list_things');
    const decision = decideToolPolicy(list, classificationOf('Read'));
    const calls = exampleCalls(list, decision, { recommended: { policy: decision.policy, intercept: interceptOfTool(decision, list.inputSchema).policy } }, 'some_other_tool');
    expect(calls.map((call) => call.kind)).toEqual(['ordinary', 'unlimited', 'other-tool']);
    expect(calls[1]!.decision.allow).toBe(true);
    expect(calls[2]!.decision.allow || calls[2]!.intercept.allow).toBe(false);
  });
});
