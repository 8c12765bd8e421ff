/**
 * Intercept's full decision (`internal/proxy/handler.go` with `internal/state/`) and its
 * policy loading and validation (`internal/config/`), as this project ports them:
 * counters reserved only after the engine allowed a call, rolled back when a later rule
 * refuses or the server answers with a JSON-RPC error; calendar windows in UTC; and the
 * gateway's own validation messages.
 *
 * The policies are written inline; `validPolicy` and `defaultDenyPolicy` are Intercept's
 * `testdata/valid_policy.yaml` and `testdata/default_deny_policy.yaml`.
 */
import { describe, expect, it } from 'vitest';
import {
  createInterceptEngine,
  evalOp,
  MemoryCounterStore,
  type InterceptCall,
} from '../../src/catalogue/intercept/evaluate.ts';
import {
  applyDefaults,
  parseRateLimit,
  validateCondition,
  validateIntercept,
  type InterceptPolicy,
} from '../../src/catalogue/intercept/schema.ts';

/** 2026-01-15 at the given UTC time (overflowing fields roll over, as Date.UTC does). */
function utc(hour: number, minute = 0, second = 0, ms = 0, day = 15): Date {
  return new Date(Date.UTC(2026, 0, day, hour, minute, second, ms));
}

const NOON = utc(12);

function call(tool: string, args: Record<string, unknown> | undefined = {}, at: Date = NOON): InterceptCall {
  return { tool, args, at };
}

/** The current window's value of `state.<scope>.<counter>`, as the engine would read it. */
function counter(store: MemoryCounterStore, key: string, at: Date = NOON): unknown {
  return store.resolve(`state.${key}`, at).value;
}

function engineWithStore(policy: InterceptPolicy) {
  const store = new MemoryCounterStore();
  return { engine: createInterceptEngine(policy, { store }), store };
}

/** Intercept's `testdata/valid_policy.yaml`. */
function validPolicy(): InterceptPolicy {
  return {
    version: '1',
    description: 'Stripe MCP server policies',
    tools: {
      create_charge: {
        rules: [
          {
            name: 'max single charge',
            conditions: [{ path: 'args.amount', op: 'lte', value: 50000 }],
            on_deny: 'Single charge cannot exceed $500.00',
          },
          {
            name: 'daily spend cap',
            conditions: [{ path: 'state.create_charge.daily_spend', op: 'lt', value: 1000000 }],
            on_deny: 'Daily spending cap of $10,000.00 reached',
            state: { counter: 'daily_spend', window: 'day', increment_from: 'args.amount' },
          },
          {
            name: 'allowed currencies',
            conditions: [{ path: 'args.currency', op: 'in', value: ['usd', 'eur'] }],
            on_deny: 'Only USD and EUR charges are permitted',
          },
        ],
      },
      create_issue: {
        rules: [{ name: 'hourly issue limit', rate_limit: '5/hour', on_deny: 'Hourly limit of 5 new issues reached' }],
      },
      create_refund: {
        rules: [
          {
            name: 'refund limit',
            conditions: [{ path: 'args.amount', op: 'lte', value: 10000 }],
            on_deny: 'Refunds over $100.00 require manual processing',
          },
          {
            name: 'daily refund count',
            conditions: [{ path: 'state.create_refund.daily_count', op: 'lt', value: 10 }],
            on_deny: 'Daily refund limit (10) reached',
            state: { counter: 'daily_count', window: 'day' },
          },
        ],
      },
      delete_customer: {
        rules: [{ name: 'block destructive action', action: 'deny', on_deny: 'Customer deletion is not permitted via AI agents' }],
      },
      '*': {
        rules: [
          {
            name: 'global rate limit',
            conditions: [{ path: 'state._global.calls_per_minute', op: 'lt', value: 60 }],
            on_deny: 'Rate limit: maximum 60 tool calls per minute',
            state: { counter: 'calls_per_minute', window: 'minute' },
          },
        ],
      },
    },
  };
}

/** Intercept's `testdata/default_deny_policy.yaml`. */
function defaultDenyPolicy(): InterceptPolicy {
  return {
    version: '1',
    description: 'Default-deny test fixture',
    default: 'deny',
    tools: {
      read_file: { rules: [] },
      create_issue: {
        rules: [{ name: 'hourly issue limit', rate_limit: '5/hour', on_deny: 'Hourly limit of 5 new issues reached' }],
      },
      delete_customer: {
        rules: [{ name: 'block destructive action', action: 'deny', on_deny: 'Customer deletion is not permitted' }],
      },
      '*': { rules: [{ name: 'global rate limit', rate_limit: '60/minute' }] },
    },
  };
}

function rateLimited(rateLimit: string, extra: { on_deny?: string } = {}): InterceptPolicy {
  return { version: '1', tools: { create_issue: { rules: [{ name: 'issue limit', rate_limit: rateLimit, ...extra }] } } };
}

// ---------------------------------------------------------------------------------------

describe('rate limits: exactly N calls per UTC calendar window', () => {
  it('rate_limit 5/hour allows 5 calls in the hour and refuses the 6th with the generated message', () => {
    const { engine, store } = engineWithStore(rateLimited('5/hour'));
    const times = [utc(10, 0), utc(10, 20), utc(10, 40), utc(10, 59, 59), utc(10, 59, 59, 998)];
    for (const at of times) {
      const decision = engine.handle(call('create_issue', {}, at));
      expect(decision.allow, at.toISOString()).toBe(true);
      expect(decision.reservations).toEqual([{ key: 'create_issue._rate_hour', amount: 1 }]);
    }
    const sixth = engine.handle(call('create_issue', {}, utc(10, 59, 59, 999)));
    expect(sixth).toMatchObject({
      allow: false,
      message: 'Rate limit of 5 per hour reached. Try again later.',
      phase: 'reserve',
      reservations: [],
    });
    expect(counter(store, 'create_issue._rate_hour', utc(10, 59, 59, 999))).toBe(5);

    // The next UTC hour starts from 0.
    const nextHour = engine.handle(call('create_issue', {}, utc(11, 0, 0, 0)));
    expect(nextHour.allow).toBe(true);
    expect(counter(store, 'create_issue._rate_hour', utc(11, 0, 0, 0))).toBe(1);
  });

  it('windows are calendar hours, not sliding: 5 calls at 10:59:59 and 5 more at 11:00:00 are all allowed', () => {
    const { engine } = engineWithStore(rateLimited('5/hour'));
    for (let i = 0; i < 5; i += 1) expect(engine.handle(call('create_issue', {}, utc(10, 59, 59))).allow).toBe(true);
    for (let i = 0; i < 5; i += 1) expect(engine.handle(call('create_issue', {}, utc(11, 0, 0, i))).allow).toBe(true);
    expect(engine.handle(call('create_issue', {}, utc(11, 0, 0, 5))).allow).toBe(false);
  });

  it('the engine alone reads the count before the call (5 <= 5 passes); the reservation is what refuses the 6th', () => {
    const { engine } = engineWithStore(rateLimited('5/hour'));
    for (let i = 0; i < 5; i += 1) engine.handle(call('create_issue'));
    expect(engine.evaluate(call('create_issue')).allow).toBe(true);
    expect(engine.handle(call('create_issue')).allow).toBe(false);
  });

  it('an explicit on_deny on a rate_limit rule is the refusal message', () => {
    const { engine } = engineWithStore(validPolicy());
    for (let i = 0; i < 5; i += 1) expect(engine.handle(call('create_issue', {}, utc(9, 0, i))).allow).toBe(true);
    expect(engine.handle(call('create_issue', {}, utc(9, 0, 5))).message).toBe('Hourly limit of 5 new issues reached');
  });

  it('lt 10 allows 9 calls per day; the day window starts at 00:00 UTC', () => {
    const { engine, store } = engineWithStore({
      version: '1',
      tools: {
        send_email: {
          rules: [
            {
              name: 'rate_limit',
              conditions: [{ path: 'state.send_email.daily_count', op: 'lt', value: 10 }],
              on_deny: 'Daily email limit exceeded',
              state: { counter: 'daily_count', window: 'day', increment: 1 },
            },
          ],
        },
      },
    });
    for (let i = 0; i < 9; i += 1) expect(engine.handle(call('send_email', {}, utc(8, i))).allow, `call ${i + 1}`).toBe(true);
    const tenth = engine.handle(call('send_email', {}, utc(23, 59, 59, 999)));
    expect(tenth).toMatchObject({ allow: false, message: 'Daily email limit exceeded', phase: 'reserve' });
    expect(counter(store, 'send_email.daily_count', utc(23, 59, 59, 999))).toBe(9);
    expect(engine.handle(call('send_email', {}, utc(0, 0, 0, 0, 16))).allow).toBe(true);
    expect(counter(store, 'send_email.daily_count', utc(0, 0, 0, 0, 16))).toBe(1);
  });

  it('a minute window resets at the next UTC minute', () => {
    const { engine } = engineWithStore(rateLimited('2/minute'));
    expect(engine.handle(call('create_issue', {}, utc(10, 30, 0))).allow).toBe(true);
    expect(engine.handle(call('create_issue', {}, utc(10, 30, 59, 999))).allow).toBe(true);
    expect(engine.handle(call('create_issue', {}, utc(10, 30, 59, 999))).allow).toBe(false);
    expect(engine.handle(call('create_issue', {}, utc(10, 31, 0))).allow).toBe(true);
  });

  it('a refused reservation without on_deny says "Rate limit exceeded for <rule name>"', () => {
    const { engine } = engineWithStore({
      version: '1',
      tools: {
        api_call: {
          rules: [
            {
              name: 'api budget',
              conditions: [{ path: 'state.api_call.count', op: 'lte', value: 1 }],
              state: { counter: 'count', window: 'hour' },
            },
          ],
        },
      },
    });
    expect(engine.handle(call('api_call')).allow).toBe(true);
    expect(engine.handle(call('api_call'))).toMatchObject({ allow: false, message: 'Rate limit exceeded for api budget' });
  });

  it('a fractional limit is truncated: lte 5.9 allows 5, lt 5.5 allows 4', () => {
    for (const [op, value, allowed] of [['lte', 5.9, 5], ['lt', 5.5, 4]] as const) {
      const { engine } = engineWithStore({
        version: '1',
        tools: {
          t: {
            rules: [{ name: 'cap', conditions: [{ path: 'state.t.n', op, value }], state: { counter: 'n', window: 'hour' } }],
          },
        },
      });
      let count = 0;
      while (engine.handle(call('t')).allow && count < 20) count += 1;
      expect(count, `${op} ${value}`).toBe(allowed);
    }
  });

  it('lowering the limit with setPolicy keeps the counters: the engine then refuses by rule name', () => {
    const { engine } = engineWithStore(rateLimited('5/hour'));
    for (let i = 0; i < 5; i += 1) engine.handle(call('create_issue'));
    engine.setPolicy(rateLimited('3/hour'));
    expect(engine.handle(call('create_issue'))).toMatchObject({
      allow: false,
      rule: 'issue limit',
      message: 'Rate limit of 3 per hour reached. Try again later.',
      phase: 'engine',
    });
  });
});

describe('increment_from: a daily total (valid_policy.yaml create_charge)', () => {
  it('adds each amount, refuses an amount that would pass the cap and leaves the total unchanged', () => {
    // All calls in one minute: 23 calls stay under the wildcard's 59 per minute.
    const { engine, store } = engineWithStore(validPolicy());
    for (let i = 0; i < 19; i += 1) {
      const decision = engine.handle(call('create_charge', { amount: 50000, currency: 'usd' }));
      expect(decision.allow, `charge ${i + 1}`).toBe(true);
      expect(decision.reservations).toEqual([
        { key: 'create_charge.daily_spend', amount: 50000 },
        { key: '_global.calls_per_minute', amount: 1 },
      ]);
    }
    expect(counter(store, 'create_charge.daily_spend')).toBe(950000);

    // lt 1000000 means at most 999999 in the day.
    const tooMuch = engine.handle(call('create_charge', { amount: 50000, currency: 'eur' }));
    expect(tooMuch).toMatchObject({ allow: false, message: 'Daily spending cap of $10,000.00 reached', phase: 'reserve' });
    expect(counter(store, 'create_charge.daily_spend')).toBe(950000);
    expect(counter(store, '_global.calls_per_minute')).toBe(19);

    expect(engine.handle(call('create_charge', { amount: 49999, currency: 'usd' })).allow).toBe(true);
    expect(counter(store, 'create_charge.daily_spend')).toBe(999999);
    expect(engine.handle(call('create_charge', { amount: 1, currency: 'usd' })).allow).toBe(false);
    expect(engine.handle(call('create_charge', { amount: 0, currency: 'usd' })).allow).toBe(true);
    expect(counter(store, 'create_charge.daily_spend')).toBe(999999);

    // The next UTC day starts from 0.
    const tomorrow = utc(0, 0, 0, 0, 16);
    expect(engine.handle(call('create_charge', { amount: 50000, currency: 'usd' }, tomorrow)).allow).toBe(true);
    expect(counter(store, 'create_charge.daily_spend', tomorrow)).toBe(50000);
  });

  it('a charge over the per-call limit, a missing or string amount, or a bad currency is refused by the engine with no counter touched', () => {
    const { engine, store } = engineWithStore(validPolicy());
    const single = { allow: false, rule: 'max single charge', message: 'Single charge cannot exceed $500.00', phase: 'engine' };
    expect(engine.handle(call('create_charge', { amount: 60000, currency: 'usd' }))).toMatchObject(single);
    // A missing amount fails `lte` before any reservation, so it is the rule's message here.
    expect(engine.handle(call('create_charge', { currency: 'usd' }))).toMatchObject(single);
    expect(engine.handle(call('create_charge', { amount: '500', currency: 'usd' }))).toMatchObject(single);
    // The currency rule comes after the stateful rule, yet its refusal reserves nothing.
    expect(engine.handle(call('create_charge', { amount: 100, currency: 'gbp' }))).toMatchObject({
      allow: false,
      rule: 'allowed currencies',
      message: 'Only USD and EUR charges are permitted',
      reservations: [],
    });
    expect(counter(store, 'create_charge.daily_spend')).toBe(0);
    expect(counter(store, '_global.calls_per_minute')).toBe(0);
  });

  const transferFunds: InterceptPolicy = {
    version: '1',
    tools: {
      transfer_funds: {
        rules: [
          {
            name: 'daily transfer cap',
            conditions: [{ path: 'state.transfer_funds.daily_spend', op: 'lte', value: 1000 }],
            state: { counter: 'daily_spend', window: 'day', increment_from: 'args.amount' },
          },
        ],
      },
    },
  };

  it('reserves the argument itself (250.0 -> 250) and truncates a fraction (12.99 -> 12)', () => {
    const { engine, store } = engineWithStore(transferFunds);
    expect(engine.handle(call('transfer_funds', { amount: 250.0 })).reservations).toEqual([
      { key: 'transfer_funds.daily_spend', amount: 250 },
    ]);
    expect(engine.handle(call('transfer_funds', { amount: 12.99 })).reservations).toEqual([
      { key: 'transfer_funds.daily_spend', amount: 12 },
    ]);
    expect(counter(store, 'transfer_funds.daily_spend')).toBe(262);
  });

  it('a missing, string, null or boolean amount is "Internal policy error" and changes nothing', () => {
    const { engine, store } = engineWithStore(transferFunds);
    engine.handle(call('transfer_funds', { amount: 100 }));
    const bad: Array<Record<string, unknown> | undefined> = [
      { other_field: 'value' },
      { amount: '500' },
      { amount: null },
      { amount: true },
      undefined,
    ];
    for (const args of bad) {
      expect(engine.handle(call('transfer_funds', args)), JSON.stringify(args)).toMatchObject({
        allow: false,
        message: 'Internal policy error',
        reservations: [],
      });
    }
    expect(counter(store, 'transfer_funds.daily_spend')).toBe(100);
  });

  it('an increment error rolls back the reservations this call already made', () => {
    const { engine, store } = engineWithStore({
      version: '1',
      tools: {
        transfer_funds: {
          rules: [
            {
              name: 'per tool',
              conditions: [{ path: 'state.transfer_funds.count', op: 'lte', value: 100 }],
              state: { counter: 'count', window: 'hour' },
            },
          ],
        },
        '*': {
          rules: [
            {
              name: 'global spend',
              conditions: [{ path: 'state._global.spend', op: 'lte', value: 1000000 }],
              state: { counter: 'spend', window: 'day', increment_from: 'args.amount' },
            },
          ],
        },
      },
    });
    expect(engine.handle(call('transfer_funds', {})).message).toBe('Internal policy error');
    expect(counter(store, 'transfer_funds.count')).toBe(0);
    expect(engine.handle(call('transfer_funds', { amount: 5 })).allow).toBe(true);
    expect(counter(store, 'transfer_funds.count')).toBe(1);
    expect(counter(store, '_global.spend')).toBe(5);
  });

  it('the increment is read before the limit: a rule with no lt/lte still refuses a missing amount', () => {
    const { engine, store } = engineWithStore({
      version: '1',
      tools: {
        t: {
          rules: [
            {
              name: 'tally',
              conditions: [{ path: 'state.t.total', op: 'gte', value: 0 }],
              state: { counter: 'total', window: 'day', increment_from: 'args.amount' },
            },
          ],
        },
      },
    });
    expect(engine.handle(call('t', {})).message).toBe('Internal policy error');
    expect(engine.handle(call('t', { amount: 7 }))).toMatchObject({ allow: true, reservations: [] });
    expect(counter(store, 't.total')).toBe(0);
  });
});

describe('reserve and rollback across rules', () => {
  it('reserves the tool rule first, then the wildcard rule', () => {
    const { engine } = engineWithStore({
      version: '1',
      tools: {
        send_email: {
          rules: [{ name: 'per_tool', conditions: [{ path: 'state.send_email.count', op: 'lt', value: 5 }], state: { counter: 'count', window: 'minute' } }],
        },
        '*': {
          rules: [{ name: 'global', conditions: [{ path: 'state._global.total', op: 'lt', value: 100 }], state: { counter: 'total', window: 'hour' } }],
        },
      },
    });
    expect(engine.handle(call('send_email')).reservations.map((r) => r.key)).toEqual(['send_email.count', '_global.total']);
  });

  it('a refused wildcard reservation rolls back the tool rule reservation of the same call', () => {
    const { engine, store } = engineWithStore({
      version: '1',
      tools: {
        send_email: {
          rules: [
            {
              name: 'per_tool_limit',
              conditions: [{ path: 'state.send_email.tool_count', op: 'lte', value: 100 }],
              state: { counter: 'tool_count', window: 'hour' },
            },
          ],
        },
        '*': {
          rules: [
            {
              name: 'global_limit',
              conditions: [{ path: 'state._global.all_calls', op: 'lt', value: 3 }],
              on_deny: 'Global limit reached',
              state: { counter: 'all_calls', window: 'hour' },
            },
          ],
        },
      },
    });
    // An unlisted tool (default allow) still counts against the wildcard rule.
    expect(engine.handle(call('other_tool')).allow).toBe(true);
    expect(engine.handle(call('other_tool')).allow).toBe(true);
    expect(counter(store, '_global.all_calls')).toBe(2);

    const refused = engine.handle(call('send_email'));
    expect(refused).toMatchObject({ allow: false, message: 'Global limit reached', phase: 'reserve', reservations: [] });
    expect(counter(store, 'send_email.tool_count')).toBe(0);
    expect(counter(store, '_global.all_calls')).toBe(2);
  });

  it('upstreamError(decision) rolls back every reservation of that call', () => {
    const { engine, store } = engineWithStore({
      version: '1',
      tools: {
        create_issue: { rules: [{ name: 'issue limit', rate_limit: '5/hour' }] },
        '*': { rules: [{ name: 'global', rate_limit: '100/minute' }] },
      },
    });
    const decisions = Array.from({ length: 5 }, () => engine.handle(call('create_issue')));
    expect(decisions.every((d) => d.allow)).toBe(true);
    const sixth = engine.handle(call('create_issue'));
    expect(sixth.allow).toBe(false);

    // A refused decision has nothing to undo.
    engine.upstreamError(sixth);
    expect(counter(store, 'create_issue._rate_hour')).toBe(5);
    expect(counter(store, '_global._rate_minute')).toBe(5);

    engine.upstreamError(decisions[4]!);
    expect(counter(store, 'create_issue._rate_hour')).toBe(4);
    expect(counter(store, '_global._rate_minute')).toBe(4);
    expect(engine.handle(call('create_issue')).allow).toBe(true);
    expect(engine.handle(call('create_issue')).allow).toBe(false);
  });

  it('a rule without lt/lte on its own counter never counts (gte, or a limit on another tool\'s counter)', () => {
    const { engine, store } = engineWithStore({
      version: '1',
      tools: {
        a: {
          rules: [{ name: 'gte only', conditions: [{ path: 'state.a.seen', op: 'gte', value: 0 }], state: { counter: 'seen', window: 'hour' } }],
        },
        b: {
          rules: [{ name: 'reads c', conditions: [{ path: 'state.c.used', op: 'lte', value: 5 }], state: { counter: 'mine', window: 'hour' } }],
        },
        c: {
          rules: [{ name: 'c limit', conditions: [{ path: 'state.c.used', op: 'lte', value: 5 }], state: { counter: 'used', window: 'hour' } }],
        },
      },
    });
    for (let i = 0; i < 3; i += 1) {
      expect(engine.handle(call('a'))).toMatchObject({ allow: true, reservations: [] });
      expect(engine.handle(call('b'))).toMatchObject({ allow: true, reservations: [] });
    }
    expect(counter(store, 'a.seen')).toBe(0);
    expect(counter(store, 'b.mine')).toBe(0);
    expect(counter(store, 'c.used')).toBe(0);
  });

  it('a denial by any rule, before or after the stateful ones, touches no counter', () => {
    const { engine, store } = engineWithStore({
      version: '1',
      tools: {
        pay: {
          rules: [
            { name: 'count', conditions: [{ path: 'state.pay.count', op: 'lte', value: 10 }], state: { counter: 'count', window: 'hour' } },
            { name: 'ok flag', conditions: [{ path: 'args.ok', op: 'eq', value: true }] },
          ],
        },
        '*': {
          rules: [
            { name: 'global', conditions: [{ path: 'state._global.calls', op: 'lte', value: 10 }], state: { counter: 'calls', window: 'hour' } },
            { name: 'no secrets', conditions: [{ path: 'args.secret', op: 'exists', value: false }] },
          ],
        },
      },
    });
    expect(engine.handle(call('pay', { ok: false }))).toMatchObject({ allow: false, rule: 'ok flag', message: 'Denied by rule "ok flag"' });
    expect(engine.handle(call('pay', { ok: true, secret: 'x' }))).toMatchObject({ allow: false, rule: 'no secrets' });
    expect(counter(store, 'pay.count')).toBe(0);
    expect(counter(store, '_global.calls')).toBe(0);
    expect(engine.handle(call('pay', { ok: true })).allow).toBe(true);
    expect(counter(store, 'pay.count')).toBe(1);
    expect(counter(store, '_global.calls')).toBe(1);
  });

  it('with store: null nothing is counted and state conditions pass', () => {
    const engine = createInterceptEngine(rateLimited('1/hour'), { store: null });
    for (let i = 0; i < 3; i += 1) expect(engine.handle(call('create_issue'))).toMatchObject({ allow: true, reservations: [] });
  });
});

describe('MemoryCounterStore (internal/state store_test.go)', () => {
  const at = utc(10, 30);

  it('reserves up to the limit, then refuses without changing the value; amount 0 at the limit is allowed', () => {
    const store = new MemoryCounterStore();
    expect(store.reserve('k', 5, 5, 'minute', at)).toBe(true);
    expect(store.reserve('k', 1, 5, 'minute', at)).toBe(false);
    expect(counter(store, 'k', at)).toBe(5);
    expect(store.reserve('k', 0, 5, 'minute', at)).toBe(true);
    expect(counter(store, 'k', at)).toBe(5);
  });

  it('rollback subtracts, floors at 0, and ignores a key never written', () => {
    const store = new MemoryCounterStore();
    store.reserve('k', 5, 10, 'minute', at);
    store.rollback('k', 3);
    expect(counter(store, 'k', at)).toBe(2);
    store.rollback('k', 100);
    expect(counter(store, 'k', at)).toBe(0);
    expect(() => store.rollback('never', 1)).not.toThrow();
    expect(store.resolve('state.never', at)).toEqual({ value: 0, exists: true });
  });

  it('resolve strips "state.", reads 0 (existing) for a missing key or an expired window', () => {
    const store = new MemoryCounterStore();
    store.reserve('tool.counter', 7, 100, 'minute', utc(10, 30, 45));
    expect(store.resolve('state.tool.counter', utc(10, 30, 59, 999))).toEqual({ value: 7, exists: true });
    expect(store.resolve('state.tool.counter', utc(10, 31, 0))).toEqual({ value: 0, exists: true });
    expect(store.resolve('state.tool.other', utc(10, 30, 45))).toEqual({ value: 0, exists: true });
  });

  it('windows: same window accumulates, the next minute/hour/day starts again at the amount', () => {
    const store = new MemoryCounterStore();
    expect(store.reserve('m', 3, 5, 'minute', utc(10, 30, 0))).toBe(true);
    expect(store.reserve('m', 2, 5, 'minute', utc(10, 30, 59))).toBe(true);
    expect(store.reserve('m', 1, 5, 'minute', utc(10, 30, 59, 999))).toBe(false);
    expect(store.reserve('m', 1, 5, 'minute', utc(10, 31, 0))).toBe(true);
    expect(counter(store, 'm', utc(10, 31, 0))).toBe(1);

    expect(store.reserve('h', 5, 5, 'hour', utc(10, 45))).toBe(true);
    expect(store.reserve('h', 1, 5, 'hour', utc(11, 0))).toBe(true);
    expect(store.reserve('h', 5, 5, 'hour', utc(13, 0))).toBe(true);

    expect(store.reserve('d', 5, 5, 'day', utc(23, 59, 59))).toBe(true);
    expect(store.reserve('d', 1, 5, 'day', utc(14, 0))).toBe(false);
    expect(store.reserve('d', 1, 5, 'day', utc(0, 0, 0, 0, 16))).toBe(true);
  });
});

describe('default deny, hide and messages through handle', () => {
  it('default_deny_policy.yaml: unlisted tools are refused before any rule and count nothing', () => {
    const { engine, store } = engineWithStore(defaultDenyPolicy());
    expect(engine.handle(call('unlisted_tool'))).toMatchObject({
      allow: false,
      rule: '(default deny)',
      message: 'Tool "unlisted_tool" is not permitted by policy',
      phase: 'engine',
      reservations: [],
    });
    expect(counter(store, '_global._rate_minute')).toBe(0);
    expect(engine.handle(call('delete_customer')).message).toBe('Customer deletion is not permitted');
    expect(engine.handle(call('read_file')).reservations).toEqual([{ key: '_global._rate_minute', amount: 1 }]);
  });

  it('default_deny_policy.yaml: the global 60/minute limit refuses the 61st call, undoing the tool counter', () => {
    const { engine, store } = engineWithStore(defaultDenyPolicy());
    for (let i = 0; i < 60; i += 1) expect(engine.handle(call('read_file')).allow, `call ${i + 1}`).toBe(true);
    expect(engine.handle(call('read_file'))).toMatchObject({
      allow: false,
      message: 'Rate limit of 60 per minute reached. Try again later.',
    });
    expect(engine.handle(call('create_issue')).allow).toBe(false);
    expect(counter(store, 'create_issue._rate_hour')).toBe(0);
    expect(engine.handle(call('create_issue', {}, utc(12, 1))).allow).toBe(true);
  });

  it('a hidden tool is refused first, even when listed and under default deny', () => {
    const { engine } = engineWithStore({
      version: '1',
      default: 'deny',
      hide: ['secret_tool'],
      tools: { secret_tool: { rules: [] } },
    });
    expect(engine.handle(call('secret_tool'))).toMatchObject({
      allow: false,
      rule: '(hidden)',
      message: 'Tool "secret_tool" is hidden by policy',
      phase: 'engine',
    });
    expect(engine.handle(call('other')).message).toBe('Tool "other" is not permitted by policy');
  });

  it('an empty on_deny becomes Denied by rule "<name>"', () => {
    const { engine } = engineWithStore({
      version: '1',
      tools: {
        rm: { rules: [{ name: 'block', action: 'deny' }] },
        send: { rules: [{ name: 'only tmp', conditions: [{ path: 'args.path', op: 'contains', value: '/tmp' }] }] },
      },
    });
    expect(engine.handle(call('rm')).message).toBe('Denied by rule "block"');
    expect(engine.handle(call('send', { path: '/etc' })).message).toBe('Denied by rule "only tmp"');
    expect(engine.handle(call('send', { path: '/tmp/x' })).allow).toBe(true);
  });

  it('visibleTools drops hidden tools in order; "*" hides all', () => {
    expect(createInterceptEngine({ version: '1', hide: ['b'] }).visibleTools(['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(createInterceptEngine({ version: '1', hide: ['*'] }).visibleTools(['a', 'b'])).toEqual([]);
    expect(createInterceptEngine({ version: '1' }).visibleTools(['a', 'b'])).toEqual(['a', 'b']);
  });
});

// ---------------------------------------------------------------------------------------

describe('validation (internal/config config_test.go)', () => {
  it('invalid_schema.yaml: every problem is reported, in Go order, with Go messages', () => {
    const invalidSchema: InterceptPolicy = {
      version: '2',
      tools: {
        some_tool: {
          rules: [
            { name: '', conditions: [{ path: 'args.x', op: 'unknown_op', value: 1 }] },
            { name: 'bad path prefix', conditions: [{ path: 'foo.bar', op: 'eq', value: 'test' }] },
            { name: 'in needs list', conditions: [{ path: 'args.items', op: 'in', value: 'not_a_list' }] },
            { name: 'lt needs number', conditions: [{ path: 'args.count', op: 'lt', value: 'not_a_number' }] },
            { name: 'bad regex', conditions: [{ path: 'args.email', op: 'regex', value: '[invalid(' }] },
            { name: 'deny with conditions', action: 'deny', conditions: [{ path: 'args.x', op: 'eq', value: 1 }] },
            { name: 'evaluate without conditions', action: 'evaluate' },
          ],
        },
        rate_limit_tool: {
          rules: [
            { name: 'bad format', rate_limit: 'five/hour' },
            { name: 'conflict with conditions', rate_limit: '5/hour', conditions: [{ path: 'args.x', op: 'eq', value: 1 }] },
            { name: 'conflict with state', rate_limit: '5/hour', state: { counter: 'my_counter', window: 'hour' } },
            { name: 'zero count', rate_limit: '0/hour' },
            { name: 'bad window', rate_limit: '5/week' },
            { name: 'deny with rate_limit', action: 'deny', rate_limit: '5/hour' },
          ],
        },
      },
    };
    const combined = 'cannot be combined with conditions or state; use separate rules or the full syntax instead';
    expect(validateIntercept(invalidSchema)).toEqual([
      'version must be "1", got "2"',
      'tools.rate_limit_tool.rules[0]: rate_limit count must be a positive integer, got "five"',
      `tools.rate_limit_tool.rules[1]: rate_limit ${combined}`,
      `tools.rate_limit_tool.rules[2]: rate_limit ${combined}`,
      'tools.rate_limit_tool.rules[3]: rate_limit count must be a positive integer, got "0"',
      'tools.rate_limit_tool.rules[4]: rate_limit window must be "minute", "hour", or "day", got "week"',
      'tools.rate_limit_tool.rules[5]: rate_limit cannot be used with action "deny"',
      'tools.some_tool.rules[0]: rule must have a name',
      'tools.some_tool.rules[0].conditions[0]: unknown operator "unknown_op"',
      'tools.some_tool.rules[1].conditions[0]: path must start with "args." or "state.", got "foo.bar"',
      'tools.some_tool.rules[2].conditions[0]: operator "in" requires a list value',
      'tools.some_tool.rules[3].conditions[0]: operator "lt" requires a numeric value',
      // The text after the pattern is Go's regexp error; only the prefix is Intercept's own.
      expect.stringMatching(/^tools\.some_tool\.rules\[4\]\.conditions\[0\]: invalid regex "\[invalid\(": ./),
      'tools.some_tool.rules[5]: deny rules must not have conditions',
      'tools.some_tool.rules[6]: evaluate rules must have at least one condition',
    ]);
  });

  it('valid_policy.yaml and default_deny_policy.yaml validate with no errors', () => {
    expect(validateIntercept(validPolicy())).toEqual([]);
    expect(validateIntercept(defaultDenyPolicy())).toEqual([]);
  });

  it('applyDefaults on valid_policy.yaml: default allow, action evaluate, increment 1, rate_limit desugared with its on_deny kept', () => {
    const input = validPolicy();
    const loaded = applyDefaults(input);
    expect(loaded.default).toBe('allow');
    expect(loaded.tools!.create_charge!.rules![0]!.action).toBe('evaluate');
    expect(loaded.tools!.create_charge!.rules![1]!.state).toMatchObject({
      counter: 'daily_spend',
      window: 'day',
      increment_from: 'args.amount',
    });
    expect(loaded.tools!.create_refund!.rules![1]!.state!.increment).toBe(1);
    expect(loaded.tools!.delete_customer!.rules![0]!.action).toBe('deny');
    expect(loaded.tools!['*']!.rules![0]!.name).toBe('global rate limit');
    expect(loaded.tools!.create_issue!.rules![0]).toEqual({
      name: 'hourly issue limit',
      action: 'evaluate',
      conditions: [{ path: 'state.create_issue._rate_hour', op: 'lte', value: 5 }],
      state: { counter: '_rate_hour', window: 'hour', increment: 1 },
      on_deny: 'Hourly limit of 5 new issues reached',
    });
    // The input is left as written.
    expect(input.tools!.create_issue!.rules![0]!.rate_limit).toBe('5/hour');
    expect(input.default).toBeUndefined();
    expect(applyDefaults(defaultDenyPolicy()).default).toBe('deny');
  });

  it('desugaring: an auto on_deny, the _global scope for "*", and no desugaring when it conflicts', () => {
    const autoOnDeny = applyDefaults({ version: '1', tools: { some_tool: { rules: [{ name: 'limit', rate_limit: '3/day' }] } } });
    expect(autoOnDeny.tools!.some_tool!.rules![0]!.on_deny).toBe('Rate limit of 3 per day reached. Try again later.');

    const wildcard = applyDefaults({ version: '1', tools: { '*': { rules: [{ name: 'global limit', rate_limit: '60/minute' }] } } });
    expect(wildcard.tools!['*']!.rules![0]!.conditions).toEqual([{ path: 'state._global._rate_minute', op: 'lte', value: 60 }]);

    const conflicts = applyDefaults({
      version: '1',
      tools: {
        t: {
          rules: [
            { name: 'with conditions', rate_limit: '5/hour', conditions: [{ path: 'args.x', op: 'eq', value: 1 }] },
            { name: 'deny', action: 'deny', rate_limit: '5/hour' },
            { name: 'bad', rate_limit: '5/week' },
          ],
        },
      },
    });
    for (const r of conflicts.tools!.t!.rules!) expect(r.rate_limit, r.name).toBeDefined();
    expect(conflicts.tools!.t!.rules![0]!.conditions).toHaveLength(1);
    expect(conflicts.tools!.t!.rules![2]!.state).toBeUndefined();
  });

  it('validateCondition table', () => {
    const table: Array<[string, Parameters<typeof validateCondition>[0], string | undefined]> = [
      ['valid eq', { path: 'args.x', op: 'eq', value: 'test' }, undefined],
      ['unknown op', { path: 'args.x', op: 'bad_op', value: 'test' }, 'unknown operator'],
      ['in with non-slice', { path: 'args.x', op: 'in', value: 'not_a_list' }, 'requires a list value'],
      ['in with slice', { path: 'args.x', op: 'in', value: ['a', 'b'] }, undefined],
      ['lt with string', { path: 'args.x', op: 'lt', value: 'nope' }, 'requires a numeric value'],
      ['lt with int', { path: 'args.x', op: 'lt', value: 42 }, undefined],
      ['regex valid', { path: 'args.x', op: 'regex', value: '^foo.*$' }, undefined],
      ['regex invalid', { path: 'args.x', op: 'regex', value: '[invalid(' }, 'invalid regex'],
      ['bad path prefix', { path: 'foo.bar', op: 'eq', value: 'x' }, 'path must start with'],
      ['exists with string', { path: 'args.x', op: 'exists', value: 'yes' }, 'operator "exists" requires a boolean value'],
      ['in with null', { path: 'args.x', op: 'in', value: null }, 'requires a list value'],
      ['eq with null', { path: 'args.x', op: 'eq', value: null }, undefined],
    ];
    for (const [name, condition, want] of table) {
      const got = validateCondition(condition);
      if (want === undefined) expect(got, name).toBeUndefined();
      else expect(got, name).toContain(want);
    }
  });

  it('parseRateLimit table, with the Go error messages', () => {
    expect(parseRateLimit('5/hour')).toEqual({ count: 5, window: 'hour' });
    expect(parseRateLimit('10/day')).toEqual({ count: 10, window: 'day' });
    expect(parseRateLimit('100/minute')).toEqual({ count: 100, window: 'minute' });
    expect(parseRateLimit('1/hour')).toEqual({ count: 1, window: 'hour' });
    // strconv.Atoi accepts a sign.
    expect(parseRateLimit('+5/hour')).toEqual({ count: 5, window: 'hour' });

    const count = (text: string) => ({ error: `rate_limit count must be a positive integer, got "${text}"` });
    const window = (text: string) => ({ error: `rate_limit window must be "minute", "hour", or "day", got "${text}"` });
    const format = (text: string) => ({ error: `rate_limit must be in the format "N/window" (e.g. "5/hour"), got "${text}"` });
    expect(parseRateLimit('five/hour')).toEqual(count('five'));
    expect(parseRateLimit('0/hour')).toEqual(count('0'));
    expect(parseRateLimit('-1/hour')).toEqual(count('-1'));
    expect(parseRateLimit(' 5/hour')).toEqual(count(' 5'));
    expect(parseRateLimit('5/week')).toEqual(window('week'));
    expect(parseRateLimit('5/')).toEqual(window(''));
    expect(parseRateLimit('5/hour/x')).toEqual(window('hour/x'));
    expect(parseRateLimit('5')).toEqual(format('5'));
    expect(parseRateLimit('')).toEqual(format(''));
  });

  it('two rate_limits with the same window on one tool share a counter: duplicate state counter', () => {
    const errors = validateIntercept({
      version: '1',
      tools: { some_tool: { rules: [{ name: 'limit1', rate_limit: '5/hour' }, { name: 'limit2', rate_limit: '10/hour' }] } },
    });
    expect(errors).toEqual(['tools.some_tool.rules[1]: duplicate state counter "_rate_hour" (also used by rules[0])']);

    // Different windows, or the same counter on different tools, are fine.
    expect(
      validateIntercept({
        version: '1',
        tools: {
          a: { rules: [{ name: 'hourly', rate_limit: '5/hour' }, { name: 'per minute', rate_limit: '2/minute' }] },
          b: { rules: [{ name: 'hourly', rate_limit: '5/hour' }] },
        },
      }),
    ).toEqual([]);
  });

  it('default must be allow or deny', () => {
    expect(validateIntercept({ version: '1', default: 'block', tools: {} })).toEqual([
      'default must be "allow" or "deny", got "block"',
    ]);
    expect(validateIntercept({ version: '1', default: 'deny', tools: {} })).toEqual([]);
  });

  it('state windows: minute, hour and day are valid; week and "" are not', () => {
    const withWindow = (window: string): InterceptPolicy => ({
      version: '1',
      tools: {
        t: {
          rules: [{ name: 'r', conditions: [{ path: 'state.t.c', op: 'lte', value: 1 }], state: { counter: 'c', window } }],
        },
      },
    });
    for (const window of ['minute', 'hour', 'day']) expect(validateIntercept(withWindow(window)), window).toEqual([]);
    expect(validateIntercept(withWindow('week'))).toEqual([
      'tools.t.rules[0].state: window must be "minute", "hour", or "day", got "week"',
    ]);
    expect(validateIntercept(withWindow(''))).toEqual([
      'tools.t.rules[0].state: window must be "minute", "hour", or "day", got ""',
    ]);
  });

  it('state blocks: counter must not be empty; increment_from must start with args.', () => {
    expect(
      validateIntercept({
        version: '1',
        tools: {
          t: {
            rules: [
              {
                name: 'r',
                conditions: [{ path: 'args.x', op: 'eq', value: 1 }],
                state: { counter: '', window: 'hour', increment_from: 'amount' },
              },
            ],
          },
        },
      }),
    ).toEqual([
      'tools.t.rules[0].state: counter must not be empty',
      'tools.t.rules[0].state: increment_from must start with "args.", got "amount"',
    ]);
  });

  it('a state condition must name a counter some rule of that tool defines ("_global" is the "*" rules)', () => {
    expect(
      validateIntercept({
        version: '1',
        tools: {
          a: { rules: [{ name: 'reads b', conditions: [{ path: 'state.b.count', op: 'lte', value: 5 }] }] },
          b: { rules: [{ name: 'other', conditions: [{ path: 'args.x', op: 'eq', value: 1 }], state: { counter: 'other', window: 'hour' } }] },
          c: { rules: [{ name: 'reads global', conditions: [{ path: 'state._global._rate_minute', op: 'lte', value: 5 }] }] },
          '*': { rules: [{ name: 'global', rate_limit: '60/minute' }] },
        },
      }),
    ).toEqual(['tools.a.rules[0]: condition references state.b.count but no matching state block found']);
  });

  it('hide: duplicates and empty entries are reported; a plain list is valid', () => {
    expect(validateIntercept({ version: '1', hide: ['tool_a', 'tool_b', 'tool_a'], tools: {} })).toEqual([
      'hide: duplicate entry "tool_a"',
    ]);
    expect(validateIntercept({ version: '1', hide: ['tool_a', ''], tools: {} })).toEqual(['hide[1]: entry must not be empty']);
    expect(validateIntercept({ version: '1', hide: ['  ', 'tool_a'], tools: {} })).toEqual(['hide[0]: entry must not be empty']);
    expect(validateIntercept({ version: '1', default: 'allow', hide: ['tool_a', 'tool_b'], tools: {} })).toEqual([]);
  });

  it('a policy without tools is not an error', () => {
    expect(validateIntercept({ version: '1' })).toEqual([]);
  });
});

describe('Go behaviour the port should match (validate.go and RE2)', () => {
  it('Go checks duplicate counters on every state block, including two empty counter names', () => {
    // validate.go: `if rule.State != nil { if prev, ok := countersSeen[rule.State.Counter]; ok {...} }`
    const state = { counter: '', window: 'hour' };
    const errors = validateIntercept({
      version: '1',
      tools: {
        t: {
          rules: [
            { name: 'one', conditions: [{ path: 'args.x', op: 'eq', value: 1 }], state },
            { name: 'two', conditions: [{ path: 'args.x', op: 'eq', value: 2 }], state },
          ],
        },
      },
    });
    expect(errors).toEqual([
      'tools.t.rules[1]: duplicate state counter "" (also used by rules[0])',
      'tools.t.rules[0].state: counter must not be empty',
      'tools.t.rules[1].state: counter must not be empty',
    ]);
  });

  it('Go reports every problem of one condition (bad path and wrong value type together)', () => {
    // validate.go validateCondition appends each failed check; it does not stop at the first.
    expect(
      validateIntercept({
        version: '1',
        tools: { t: { rules: [{ name: 'r', conditions: [{ path: 'amount', op: 'in', value: 'usd' }] }] } },
      }),
    ).toEqual([
      'tools.t.rules[0].conditions[0]: path must start with "args." or "state.", got "amount"',
      'tools.t.rules[0].conditions[0]: operator "in" requires a list value',
    ]);
  });

  it('RE2 accepts escaped punctuation such as \\- and the \\z anchor: valid, and they match', () => {
    expect(validateCondition({ path: 'args.id', op: 'regex', value: '^INV\\-[0-9]+$' })).toBeUndefined();
    expect(evalOp('regex', 'INV-42', '^INV\\-[0-9]+$')).toBe(true);
    expect(validateCondition({ path: 'args.id', op: 'regex', value: '^[a-z]+\\z' })).toBeUndefined();
    expect(evalOp('regex', 'abc', '^[a-z]+\\z')).toBe(true);
  });
});
