import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  createEvaluator,
  evaluateCalls,
  jsonEqual,
  type PolicyCall,
} from '../../src/catalogue/policy/evaluate.ts';
import type { Condition, Limit, Policy } from '../../src/catalogue/policy/schema.ts';

const AT = new Date('2026-03-10T12:00:30.000Z');

function call(tool: string, args?: unknown, at: Date | string = AT, grant?: string): PolicyCall {
  return { tool, args, at: typeof at === 'string' ? new Date(at) : at, ...(grant ? { grant } : {}) };
}

function holds(condition: Condition, args: unknown): boolean {
  return conditionHolds(condition, args);
}

function limit(counter: string, window: Limit['window'], max: number): Limit {
  return { counter, window, max, scope: 'grant' };
}

describe('hide and default', () => {
  it('refuses hidden tools and drops them from tools/list, even when listed', () => {
    const policy: Policy = { version: '1', default: 'allow', hide: ['drop_table'], tools: { drop_table: {} } };
    const evaluator = createEvaluator(policy);
    expect(evaluator.decide(call('drop_table'))).toMatchObject({ allow: false, reason: 'hidden' });
    expect(evaluator.decide(call('select'))).toMatchObject({ allow: true, reason: 'allowed' });
    expect(evaluator.visibleTools(['select', 'drop_table', 'insert'])).toEqual(['select', 'insert']);
  });

  it('compares hidden names exactly: no patterns, no case folding', () => {
    const evaluator = createEvaluator({ version: '1', default: 'allow', hide: ['delete_*', 'Drop'] });
    expect(evaluator.decide(call('delete_file')).allow).toBe(true);
    expect(evaluator.decide(call('delete_*')).reason).toBe('hidden');
    expect(evaluator.decide(call('drop')).allow).toBe(true);
  });

  it('hides every tool with "*"', () => {
    const evaluator = createEvaluator({ version: '1', default: 'allow', hide: ['*'], tools: { read: {} } });
    expect(evaluator.decide(call('read')).reason).toBe('hidden');
    expect(evaluator.decide(call('anything')).reason).toBe('hidden');
    expect(evaluator.visibleTools(['read', 'anything'])).toEqual([]);
  });

  it('refuses unlisted tools under default deny and allows a tool listed with {}', () => {
    const evaluator = createEvaluator({ version: '1', default: 'deny', tools: { read_file: {} } });
    expect(evaluator.decide(call('read_file'))).toMatchObject({ allow: true, reason: 'allowed' });
    expect(evaluator.decide(call('write_file'))).toMatchObject({ allow: false, reason: 'default' });
    // Refused is not hidden: tools/list still shows it.
    expect(evaluator.visibleTools(['read_file', 'write_file'])).toEqual(['read_file', 'write_file']);
  });

  it('allows unlisted tools under default allow', () => {
    expect(evaluateCalls({ version: '1', default: 'allow' }, [call('x')])[0]!.allow).toBe(true);
  });

  it('treats tool names that are prototype keys as plain names', () => {
    const evaluator = createEvaluator({ version: '1', default: 'deny', tools: { read: {} } });
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(evaluator.decide(call(name)).reason, name).toBe('default');
    }
    const tools = JSON.parse('{"__proto__": {"limits": [{"counter": "p", "window": "minute", "max": 1, "scope": "grant"}]}, "constructor": {}}');
    const listed = createEvaluator({ version: '1', default: 'deny', tools });
    expect(listed.decide(call('__proto__')).allow).toBe(true);
    expect(listed.decide(call('__proto__')).reason).toBe('limit');
    expect(listed.decide(call('constructor')).allow).toBe(true);
    expect(listed.decide(call('toString')).reason).toBe('default');
  });

  it('refuses an invalid policy', () => {
    expect(() => createEvaluator({ version: '1', default: 'maybe' } as unknown as Policy)).toThrow(/invalid policy/);
  });
});

describe('conditions', () => {
  const eq = (value: unknown): Condition => ({ path: 'args.x', op: 'eq', value: value as Condition['value'] });

  it('eq and neq use deep JSON equality', () => {
    expect(holds(eq('a'), { x: 'a' })).toBe(true);
    expect(holds(eq('a'), { x: 'A' })).toBe(false);
    expect(holds(eq(1), { x: 1.0 })).toBe(true);
    expect(holds(eq(1), { x: '1' })).toBe(false);
    expect(holds(eq({ a: [1, { b: null }], c: true }), { x: { c: true, a: [1, { b: null }] } })).toBe(true);
    expect(holds(eq({ a: [1, 2] }), { x: { a: [2, 1] } })).toBe(false);
    expect(holds(eq({ a: 1 }), { x: { a: 1, b: 2 } })).toBe(false);
    expect(holds(eq([1]), { x: { 0: 1 } })).toBe(false);
    expect(holds(eq(null), { x: null })).toBe(true);
    const neq: Condition = { path: 'args.x', op: 'neq', value: 'prod' };
    expect(holds(neq, { x: 'dev' })).toBe(true);
    expect(holds(neq, { x: 'prod' })).toBe(false);
    expect(holds(neq, {})).toBe(false);
    expect(jsonEqual({ a: undefined }, { b: undefined })).toBe(false);
  });

  it('lt, lte, gt and gte compare numbers only', () => {
    const c = (op: Condition['op'], value: number): Condition => ({ path: 'args.n', op, value });
    expect(holds(c('lt', 10), { n: 9 })).toBe(true);
    expect(holds(c('lt', 10), { n: 10 })).toBe(false);
    expect(holds(c('lte', 10), { n: 10 })).toBe(true);
    expect(holds(c('lte', 10), { n: 10.5 })).toBe(false);
    expect(holds(c('gt', 0), { n: 0.1 })).toBe(true);
    expect(holds(c('gt', 0), { n: 0 })).toBe(false);
    expect(holds(c('gte', 0), { n: 0 })).toBe(true);
    expect(holds(c('gte', 0), { n: -1 })).toBe(false);
    for (const op of ['lt', 'lte', 'gt', 'gte'] as const) {
      expect(holds(c(op, 5), { n: '5' }), op).toBe(false);
      expect(holds(c(op, 5), { n: null }), op).toBe(false);
      expect(holds(c(op, 5), { n: [5] }), op).toBe(false);
      expect(holds(c(op, 5), { n: true }), op).toBe(false);
    }
  });

  it('in and not_in test membership by deep equality', () => {
    const inList: Condition = { path: 'args.env', op: 'in', value: ['dev', 'staging', { a: 1 }] };
    const notIn: Condition = { path: 'args.env', op: 'not_in', value: ['prod'] };
    expect(holds(inList, { env: 'dev' })).toBe(true);
    expect(holds(inList, { env: { a: 1 } })).toBe(true);
    expect(holds(inList, { env: 'prod' })).toBe(false);
    expect(holds(notIn, { env: 'dev' })).toBe(true);
    expect(holds(notIn, { env: 'prod' })).toBe(false);
    expect(holds(notIn, {})).toBe(false);
  });

  it('exists true and false', () => {
    const yes: Condition = { path: 'args.a.b', op: 'exists', value: true };
    const no: Condition = { path: 'args.a.b', op: 'exists', value: false };
    expect(holds(yes, { a: { b: 0 } })).toBe(true);
    expect(holds(yes, { a: { b: null } })).toBe(true);
    expect(holds(yes, { a: {} })).toBe(false);
    expect(holds(no, { a: {} })).toBe(true);
    expect(holds(no, undefined)).toBe(true);
    expect(holds(no, { a: { b: false } })).toBe(false);
  });

  it('regex matches strings only, with the unicode flag, unanchored', () => {
    const re: Condition = { path: 'args.s', op: 'regex', value: '^\\p{Lu}+$' };
    expect(holds(re, { s: 'ÉTÉ' })).toBe(true);
    expect(holds(re, { s: 'été' })).toBe(false);
    expect(holds(re, { s: 5 })).toBe(false);
    expect(holds(re, { s: ['ABC'] })).toBe(false);
    const anywhere: Condition = { path: 'args.s', op: 'regex', value: '[;&|]' };
    expect(holds(anywhere, { s: 'ls; rm -rf /' })).toBe(true);
    expect(holds(anywhere, { s: 'ls -la' })).toBe(false);
    // Stateless: no `g` flag, so repeated tests agree.
    const evaluator = createEvaluator({ version: '1', default: 'deny', tools: { t: { deny_if: [anywhere] } } });
    for (let i = 0; i < 3; i += 1) expect(evaluator.decide(call('t', { s: 'a|b' })).reason).toBe('deny_if');
  });

  it('contains is a substring for strings and an element for arrays', () => {
    const dots: Condition = { path: 'args.p', op: 'contains', value: '..' };
    expect(holds(dots, { p: '../etc/passwd' })).toBe(true);
    expect(holds(dots, { p: 'docs/readme.md' })).toBe(false);
    expect(holds(dots, { p: ['..'] })).toBe(true);
    expect(holds(dots, { p: ['../x'] })).toBe(false);
    const obj: Condition = { path: 'args.p', op: 'contains', value: { id: 1 } };
    expect(holds(obj, { p: [{ id: 1 }] })).toBe(true);
    expect(holds(obj, { p: '{"id":1}' })).toBe(false);
    expect(holds({ path: 'args.p', op: 'contains', value: 1 }, { p: 'a1' })).toBe(false);
    expect(holds(dots, { p: { '..': true } })).toBe(false);
  });

  it('resolves dotted paths into objects and arrays by canonical index', () => {
    const c = (path: string): Condition => ({ path, op: 'eq', value: 'x' });
    expect(holds(c('args.a.b.c'), { a: { b: { c: 'x' } } })).toBe(true);
    expect(holds(c('args.items.1'), { items: ['y', 'x'] })).toBe(true);
    expect(holds(c('args.items.01'), { items: ['y', 'x'] })).toBe(false);
    expect(holds({ path: 'args.items.length', op: 'eq', value: 2 }, { items: ['y', 'x'] })).toBe(false);
    expect(holds({ path: 'args.s.length', op: 'eq', value: 3 }, { s: 'abc' })).toBe(false);
  });

  it('never walks the prototype', () => {
    const exists = (path: string): Condition => ({ path, op: 'exists', value: true });
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(holds(exists(`args.${key}`), {}), key).toBe(false);
      expect(holds(exists(`args.a.${key}`), { a: {} }), key).toBe(false);
      expect(holds({ path: `args.${key}`, op: 'exists', value: false }, {}), key).toBe(true);
    }
    expect(holds(exists('args.x.constructor.name'), { x: 'str' })).toBe(false);
    const inherited = Object.create({ secret: 'x' });
    expect(holds({ path: 'args.secret', op: 'eq', value: 'x' }, inherited)).toBe(false);
    // Own keys with those names do resolve (JSON.parse makes `__proto__` an own key).
    const own = JSON.parse('{"__proto__": {"admin": true}, "constructor": "c"}');
    expect(holds({ path: 'args.__proto__.admin', op: 'eq', value: true }, own)).toBe(true);
    expect(holds({ path: 'args.constructor', op: 'eq', value: 'c' }, own)).toBe(true);
  });

  it('missing paths fail require and do not trigger deny_if, except exists: false', () => {
    const policy: Policy = {
      version: '1',
      default: 'deny',
      tools: {
        pay: { require: [{ path: 'args.amount', op: 'lte', value: 100 }] },
        read: { deny_if: [{ path: 'args.path', op: 'contains', value: '..' }] },
        strict: { deny_if: [{ path: 'args.reason', op: 'exists', value: false }] },
        opt: { require: [{ path: 'args.dry_run', op: 'exists', value: false }] },
      },
    };
    const [pay, payOk, read, readBad, strict, strictOk, opt, optBad] = evaluateCalls(policy, [
      call('pay', {}),
      call('pay', { amount: 100 }),
      call('read', {}),
      call('read', { path: 'a/../b' }),
      call('strict', {}),
      call('strict', { reason: 'why' }),
      call('opt', undefined),
      call('opt', { dry_run: false }),
    ]);
    expect(pay).toMatchObject({ allow: false, reason: 'require', condition: { path: 'args.amount' } });
    expect(payOk!.allow).toBe(true);
    expect(read!.allow).toBe(true);
    expect(readBad).toMatchObject({ allow: false, reason: 'deny_if' });
    expect(strict).toMatchObject({ allow: false, reason: 'deny_if' });
    expect(strictOk!.allow).toBe(true);
    expect(opt!.allow).toBe(true);
    expect(optBad!.reason).toBe('require');
  });

  it('requires every require condition and refuses on any deny_if condition', () => {
    const policy: Policy = {
      version: '1',
      default: 'deny',
      tools: {
        t: {
          require: [
            { path: 'args.confirm', op: 'eq', value: true },
            { path: 'args.env', op: 'in', value: ['dev'] },
          ],
          deny_if: [
            { path: 'args.force', op: 'eq', value: true },
            { path: 'args.path', op: 'regex', value: '^/' },
          ],
        },
      },
    };
    const decisions = evaluateCalls(policy, [
      call('t', { confirm: true, env: 'dev' }),
      call('t', { confirm: true, env: 'prod' }),
      call('t', { confirm: false, env: 'dev' }),
      call('t', { confirm: true, env: 'dev', force: true }),
      call('t', { confirm: true, env: 'dev', path: '/etc' }),
      call('t', { confirm: true, env: 'dev', force: false, path: 'rel' }),
    ]);
    expect(decisions.map((d) => d.reason)).toEqual(['allowed', 'require', 'require', 'deny_if', 'deny_if', 'allowed']);
    expect(decisions[1]!.condition).toEqual({ path: 'args.env', op: 'in', value: ['dev'] });
  });
});

describe('limits', () => {
  const perMinute = (max: number): Policy => ({
    version: '1',
    default: 'deny',
    tools: { t: { limits: [limit('t-per-minute', 'minute', max)] } },
  });

  it('allows max calls in a UTC minute, refuses the next, and resets at the boundary', () => {
    const evaluator = createEvaluator(perMinute(10));
    const firstOfMinute = evaluator.decide(call('t', {}, '2026-03-10T12:00:00.000Z'));
    expect(firstOfMinute.allow).toBe(true);
    for (let i = 0; i < 9; i += 1) expect(evaluator.decide(call('t', {}, '2026-03-10T12:00:59.999Z')).allow).toBe(true);
    const eleventh = evaluator.decide(call('t', {}, '2026-03-10T12:00:59.999Z'));
    expect(eleventh).toMatchObject({ allow: false, reason: 'limit', limit: limit('t-per-minute', 'minute', 10) });
    expect(evaluator.decide(call('t', {}, '2026-03-10T12:01:00.000Z')).allow).toBe(true);
  });

  it('10 calls at 12:00:59.999, then the 11th at 12:01:00.000 is allowed again', () => {
    const calls = Array.from({ length: 10 }, () => call('t', {}, '2026-03-10T12:00:59.999Z'));
    const decisions = evaluateCalls(perMinute(10), [...calls, call('t', {}, '2026-03-10T12:01:00.000Z')]);
    expect(decisions.every((d) => d.allow)).toBe(true);
  });

  it('aligns hour and day windows to UTC, not to the first call or local time', () => {
    const policy: Policy = {
      version: '1',
      default: 'allow',
      all_tools: { limits: [limit('h', 'hour', 2)] },
    };
    const hour = evaluateCalls(policy, [
      call('a', {}, '2026-03-10T12:59:00.000Z'),
      call('a', {}, '2026-03-10T12:59:59.999Z'),
      call('a', {}, '2026-03-10T12:59:59.999Z'),
      call('a', {}, '2026-03-10T13:00:00.000Z'),
      // 13:30 in UTC+05:30 is still the 13:00 UTC hour.
      call('a', {}, '2026-03-10T19:00:00.000+05:30'),
      call('a', {}, '2026-03-10T13:59:59.999Z'),
    ]);
    expect(hour.map((d) => d.allow)).toEqual([true, true, false, true, true, false]);

    const daily: Policy = { version: '1', default: 'allow', all_tools: { limits: [limit('d', 'day', 1)] } };
    const day = evaluateCalls(daily, [
      call('a', {}, '2026-03-10T23:59:59.999Z'),
      // The same local evening in New York is already the next UTC day.
      call('a', {}, '2026-03-10T20:00:00.000-05:00'),
      call('a', {}, '2026-03-11T00:00:00.000Z'),
      call('a', {}, '2026-03-11T23:59:59.999Z'),
      call('a', {}, '2026-03-12T00:00:00.000Z'),
    ]);
    expect(day.map((d) => d.allow)).toEqual([true, true, false, false, true]);
  });

  it('counts calls given out of time order in their own windows', () => {
    const decisions = evaluateCalls(perMinute(1), [
      call('t', {}, '2026-03-10T12:01:10.000Z'),
      call('t', {}, '2026-03-10T12:00:10.000Z'),
      call('t', {}, '2026-03-10T12:01:20.000Z'),
      call('t', {}, '2026-03-10T12:00:20.000Z'),
    ]);
    expect(decisions.map((d) => d.allow)).toEqual([true, true, false, false]);
  });

  it('shares a counter by name across tools and all_tools', () => {
    const policy: Policy = {
      version: '1',
      default: 'deny',
      tools: {
        create_issue: { limits: [limit('writes', 'minute', 3)] },
        update_issue: { limits: [limit('writes', 'minute', 3)] },
        read_issue: {},
      },
    };
    const decisions = evaluateCalls(policy, [
      call('create_issue'),
      call('update_issue'),
      call('create_issue'),
      call('update_issue'),
      call('read_issue'),
      call('create_issue'),
    ]);
    expect(decisions.map((d) => d.reason)).toEqual(['allowed', 'allowed', 'allowed', 'limit', 'allowed', 'limit']);
  });

  it('counts one call once per counter, and lets limits of different windows read the same counter', () => {
    const policy: Policy = {
      version: '1',
      default: 'deny',
      all_tools: { limits: [limit('c', 'minute', 2)] },
      tools: { t: { limits: [limit('c', 'minute', 2), limit('c', 'hour', 3)] }, u: { limits: [limit('c', 'hour', 3)] } },
    };
    const decisions = evaluateCalls(policy, [
      call('t', {}, '2026-03-10T12:00:00Z'),
      call('t', {}, '2026-03-10T12:00:01Z'),
      call('t', {}, '2026-03-10T12:00:02Z'),
      call('u', {}, '2026-03-10T12:05:00Z'),
      call('u', {}, '2026-03-10T12:06:00Z'),
    ]);
    expect(decisions.map((d) => d.reason)).toEqual(['allowed', 'allowed', 'limit', 'allowed', 'limit']);
    expect(decisions[4]!.limit).toEqual(limit('c', 'hour', 3));
  });

  it('keeps counters separate per grant', () => {
    const decisions = evaluateCalls(perMinute(1), [
      call('t', {}, AT, 'alice'),
      call('t', {}, AT, 'bob'),
      call('t', {}, AT, 'alice'),
      call('t', {}, AT),
      call('t', {}, AT, 'default'),
    ]);
    expect(decisions.map((d) => d.allow)).toEqual([true, true, false, true, false]);
  });

  it('does not count refused calls, whatever refused them', () => {
    const policy: Policy = {
      version: '1',
      default: 'deny',
      all_tools: { limits: [limit('all', 'minute', 2)] },
      hide: ['secret'],
      tools: {
        t: { require: [{ path: 'args.ok', op: 'eq', value: true }], limits: [limit('t', 'minute', 5)] },
        u: { limits: [limit('u', 'minute', 0)] },
      },
    };
    const decisions = evaluateCalls(policy, [
      call('secret'),
      call('unlisted'),
      call('t', { ok: false }),
      call('u'),
      call('t', { ok: true }),
      call('t', { ok: true }),
      call('t', { ok: true }),
    ]);
    // `u` is refused by its own limit of 0, so it does not use up the shared `all` counter.
    expect(decisions.map((d) => d.reason)).toEqual(['hidden', 'default', 'require', 'limit', 'allowed', 'allowed', 'limit']);
    expect(decisions[6]!.limit?.counter).toBe('all');
  });

  it('checks limits all-or-nothing: a call refused by one limit does not count towards another', () => {
    const policy: Policy = {
      version: '1',
      default: 'allow',
      all_tools: { limits: [limit('all', 'minute', 100)] },
      tools: { t: { limits: [limit('t', 'minute', 1)] } },
    };
    const evaluator = createEvaluator(policy);
    expect(evaluator.decide(call('t')).allow).toBe(true);
    for (let i = 0; i < 50; i += 1) expect(evaluator.decide(call('t')).reason).toBe('limit');
    // 1 call counted on `all`, so 99 more fit.
    for (let i = 0; i < 99; i += 1) expect(evaluator.decide(call('other')).allow).toBe(true);
    expect(evaluator.decide(call('other')).reason).toBe('limit');
  });

  it('refuses every call with max 0 and rejects invalid dates', () => {
    const evaluator = createEvaluator(perMinute(0));
    expect(evaluator.decide(call('t')).reason).toBe('limit');
    expect(() => evaluator.decide(call('t', {}, new Date('nope')))).toThrow(RangeError);
  });
});
