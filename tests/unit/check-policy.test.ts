/**
 * check-policy: a user's own policy, in either format, against its format and a server's
 * tools, with each problem at its place in the file; and the command line around it.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkPolicyText, decideCalls } from '../../src/catalogue/policy-check/check-policy.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';
import { ROOT, shellEnv } from '../support/build-site.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);

const server: Server = {
  id: 'files',
  name: 'Files',
  provenance: [{ source: 'test', retrieved: '2026-11-01', license: 'MIT' }],
  tools: [
    { name: 'read_file', inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } },
    { name: 'delete_file', inputSchema: { type: 'object', properties: { path: { type: 'string' }, recursive: { type: 'boolean' } } } },
  ],
} as Server;

const json = (policy: unknown): string => `${JSON.stringify(policy, null, 2)}\n`;

describe('checking a policy.json', () => {
  it('accepts a valid policy for the server, and decides calls with its evaluator', () => {
    const check = checkPolicyText('p.json', json({ version: '1', default: 'deny', hide: ['delete_file'], tools: { read_file: { deny_if: [{ path: 'args.path', op: 'contains', value: '..' }] } } }), server);
    expect(check.problems).toEqual([]);
    const at = new Date(Date.UTC(2026, 0, 1));
    const verdicts = decideCalls(check, [
      { tool: 'read_file', args: { path: 'a.txt' }, at },
      { tool: 'read_file', args: { path: '../x' }, at },
      { tool: 'delete_file', args: {}, at },
    ]);
    expect(verdicts.map((verdict) => [verdict.allow, verdict.reason])).toEqual([[true, 'allowed'], [false, 'deny_if'], [false, 'hidden']]);
  });

  it('refuses a tool the server does not have, naming it with its line', () => {
    const text = json({ version: '1', default: 'deny', tools: { read_file: {}, 'read-file': {}, drop_everything: {} } });
    const { problems } = checkPolicyText('p.json', text, server);
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => [problem.place, problem.line, problem.message])).toEqual([
      ['tools.read-file', 6, 'files has no tool named "read-file" (did you mean "read_file"?)'],
      ['tools.drop_everything', 7, 'files has no tool named "drop_everything"'],
    ]);
  });

  it('refuses a condition on an argument the schema lacks, and warns of limits no call reaches', () => {
    const text = json({
      version: '1',
      default: 'deny',
      tools: {
        read_file: {
          require: [{ path: 'args.filename', op: 'exists', value: true }],
          limits: [
            { counter: 'reads', window: 'minute', max: 100, scope: 'grant' },
            { counter: 'reads', window: 'day', max: 50, scope: 'grant' },
          ],
        },
      },
    });
    const { problems } = checkPolicyText('p.json', text, server);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', place: 'tools.read_file.require[0].path', message: expect.stringContaining('no argument "filename"') }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', place: 'tools.read_file.limits[0]', message: expect.stringContaining('can never be reached') }));
  });

  it('reports schema errors at their place, and a file that is not JSON', () => {
    const { problems } = checkPolicyText('p.json', json({ version: '1', default: 'maybe' }), server);
    expect(problems[0]).toMatchObject({ severity: 'error', place: 'default', line: 3 });
    expect(checkPolicyText('p.json', '{ "version": ', server).problems[0]!.message).toMatch(/^not JSON/);
  });
});

describe('checking a policy.intercept.yaml', () => {
  const yaml = (body: string): string => `version: "1"\ndefault: deny\n${body}`;

  it('accepts a valid policy and decides calls as Intercept would', () => {
    const text = yaml('tools:\n  read_file:\n    rules:\n      - name: "two a minute"\n        rate_limit: 2/minute\n');
    const check = checkPolicyText('p.yaml', text, server);
    expect(check.problems).toEqual([]);
    const at = new Date(Date.UTC(2026, 0, 1, 10, 0, 30));
    const verdicts = decideCalls(check, [1, 2, 3].map(() => ({ tool: 'read_file', args: { path: 'a' }, at })));
    expect(verdicts.map((verdict) => verdict.allow)).toEqual([true, true, false]);
    expect(verdicts[2]!.message).toBe('Rate limit of 2 per minute reached. Try again later.');
  });

  it('refuses an unknown tool and an unknown argument, and warns of keys Intercept ignores', () => {
    const text = yaml([
      'tools:',
      '  read_fil:',
      '    rules: []',
      '  delete_file:',
      '    rules:',
      '      - name: "only logs"',
      '        conditions:',
      '          - path: "args.file"',
      '            op: "regex"',
      '            value: "^logs/"',
      '        on-deny: "logs only"',
      '',
    ].join('\n'));
    const { problems } = checkPolicyText('p.intercept.yaml', text, server);
    expect(problems).toContainEqual({ severity: 'error', place: 'tools.read_fil', line: 4, column: 3, message: 'files has no tool named "read_fil"' });
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', place: 'tools.delete_file.rules[0].conditions[0].path', line: 10, message: expect.stringContaining('no argument "file"') }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', place: 'tools.delete_file.rules[0].on-deny', line: 13 }));
  });

  it("reports Intercept's own validation errors at their rule", () => {
    const text = yaml('tools:\n  read_file:\n    rules:\n      - name: "x"\n        rate_limit: 5/week\n');
    const { problems } = checkPolicyText('p.yaml', text, server);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', place: 'tools.read_file.rules[0]', line: 6, message: 'rate_limit window must be "minute", "hour", or "day", got "week"' }),
    ]);
  });
});

describe('npm run catalogue -- check-policy', () => {
  it('exits 1 and names the tool the server lacks; exits 0 and prints verdicts for a good policy', async () => {
    const dir = await tempDir('check-policy');
    const catalogue = join(dir, 'catalogue.ndjson');
    await writeFile(catalogue, `${JSON.stringify({ format: 'mcp-tool-catalogue', version: '1' })}\n${JSON.stringify(server)}\n`);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, json({ version: '1', default: 'deny', tools: { remove_all: {} } }));
    const cli = (args: string[]) => run(join(ROOT, 'node_modules/.bin/node'), ['scripts/catalogue.ts', 'check-policy', ...args], { cwd: ROOT, env: shellEnv() });
    const failed = await cli([bad, '--server', 'files', '--catalogue', catalogue]).then(() => undefined, (error: { code: number; stdout: string }) => error);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`${bad}:5:5: error: tools.remove_all: files has no tool named "remove_all"`);

    const good = join(dir, 'good.json');
    await writeFile(good, json({ version: '1', default: 'deny', tools: { read_file: {} } }));
    const calls = join(dir, 'calls.ndjson');
    await writeFile(calls, '{"tool":"read_file","args":{"path":"a"}}\n{"tool":"delete_file"}\n');
    const { stdout } = await cli([good, '--server', 'files', '--catalogue', catalogue, '--calls', calls]);
    expect(stdout).toContain('1. read_file: allowed');
    expect(stdout).toContain('2. delete_file: refused (default)');

    await writeFile(calls, '{"tool":"read_file","args":[1]}\n');
    const badCalls = await cli([good, '--server', 'files', '--catalogue', catalogue, '--calls', calls]).then(() => undefined, (error: { code: number; stderr: string }) => error);
    expect(badCalls?.code).toBe(1);
    expect(badCalls?.stderr).toContain(`${calls}:1: field "args" must be an object`);
  }, 30_000);
});
