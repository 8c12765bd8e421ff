/**
 * Intercept's own engine tests (`internal/engine/engine_test.go`, PolicyLayer/Intercept
 * at 7898b01), one `it` per Go test function, with the Go name first in the title.
 *
 * The Go helpers map as follows:
 * - `cfg(tools)` is a policy with version "1" and no `default` (which behaves as allow);
 * - `New(cfg, nil)` is `createInterceptEngine(policy, { store: null })`: every `state.`
 *   condition passes, whatever its operator;
 * - `mockStateResolver` is a resolver keyed by the full path (`state.pay.daily_total`)
 *   that reports a missing key as not existing (unlike the real stores, which read 0).
 *
 * Arguments in Go are `map[string]any` written in the test (so `50` is a Go int); here they
 * are plain numbers, which the port treats as numbers on both sides.
 */
import { describe, expect, it } from 'vitest';
import {
  createInterceptEngine,
  evalOp,
  type InterceptCall,
  type StateResolver,
} from '../../src/catalogue/intercept/evaluate.ts';
import type {
  InterceptCondition,
  InterceptPolicy,
  InterceptRule,
  InterceptToolDef,
} from '../../src/catalogue/intercept/schema.ts';

const AT = new Date(Date.UTC(2026, 0, 15, 10, 30, 0));

function cfg(tools: Record<string, InterceptToolDef>): InterceptPolicy {
  return { version: '1', tools };
}

function rule(name: string, action: string, onDeny: string, ...conditions: InterceptCondition[]): InterceptRule {
  return { name, action, on_deny: onDeny, conditions };
}

function cond(path: string, op: string, value: unknown): InterceptCondition {
  return { path, op, value };
}

function call(tool: string, args: Record<string, unknown>): InterceptCall {
  return { tool, args, at: AT };
}

/** Go's `New(cfg, nil)`: no state resolver. */
function engineWithoutState(policy: InterceptPolicy) {
  return createInterceptEngine(policy, { store: null });
}

/** Go's `mockStateResolver`: values by full path; a missing key does not exist. */
function mockStateResolver(values: Record<string, unknown>): StateResolver & { values: Record<string, unknown> } {
  return {
    values,
    resolve(path) {
      return Object.hasOwn(this.values, path)
        ? { value: this.values[path], exists: true }
        : { value: undefined, exists: false };
    },
  };
}

describe('Intercept engine_test.go: operators', () => {
  it('TestOperatorEq: eq compares numbers by value (int vs float64) and strings and bools exactly', () => {
    const table: Array<[string, unknown, unknown, boolean]> = [
      ['string match', 'hello', 'hello', true],
      ['string mismatch', 'hello', 'world', false],
      ['int vs float64', 50000, 50000.0, true],
      ['float64 vs int', 100.0, 100, true],
      ['float mismatch', 1.1, 1.2, false],
      ['bool true', true, true, true],
      ['bool false match', false, false, true],
      ['bool mismatch', true, false, false],
    ];
    for (const [name, actual, expected, want] of table) {
      expect(evalOp('eq', actual, expected), name).toBe(want);
    }
  });

  it('TestOperatorNeq: neq is the negation of eq', () => {
    expect(evalOp('neq', 'a', 'b')).toBe(true);
    expect(evalOp('neq', 'a', 'a')).toBe(false);
  });

  it('TestOperatorIn: in is true when the value equals an item of the list', () => {
    const list = ['us', 'uk', 'de'];
    expect(evalOp('in', 'uk', list)).toBe(true);
    expect(evalOp('in', 'fr', list)).toBe(false);
  });

  it('TestOperatorNotIn: not_in is true when no item of the list equals the value', () => {
    const list = ['us', 'uk'];
    expect(evalOp('not_in', 'fr', list)).toBe(true);
    expect(evalOp('not_in', 'us', list)).toBe(false);
  });

  it('TestOperatorNumericComparisons: lt, lte, gt and gte at, below and above the bound', () => {
    const table: Array<[string, string, number, number, boolean]> = [
      ['lt true', 'lt', 5, 10, true],
      ['lt equal', 'lt', 10, 10, false],
      ['lt false', 'lt', 15, 10, false],
      ['lte true less', 'lte', 5, 10, true],
      ['lte true equal', 'lte', 10, 10, true],
      ['lte false', 'lte', 15, 10, false],
      ['gt true', 'gt', 15, 10, true],
      ['gt equal', 'gt', 10, 10, false],
      ['gt false', 'gt', 5, 10, false],
      ['gte true greater', 'gte', 15, 10, true],
      ['gte true equal', 'gte', 10, 10, true],
      ['gte false', 'gte', 5, 10, false],
      ['float64 lt', 'lt', 1.5, 2.5, true],
      ['int64 gte', 'gte', 100, 50, true],
    ];
    for (const [name, op, a, b, want] of table) {
      expect(evalOp(op, a, b), name).toBe(want);
    }
  });

  it('TestOperatorRegex: regex matches a string against the pattern', () => {
    const pattern = '^[^@]+@[^@]+\\.[^@]+$';
    expect(evalOp('regex', 'user@example.com', pattern)).toBe(true);
    expect(evalOp('regex', 'not-an-email', pattern)).toBe(false);
  });

  it('TestOperatorContains: substring for strings, element equality for arrays', () => {
    expect(evalOp('contains', 'hello world', 'world')).toBe(true);
    expect(evalOp('contains', 'hello world', 'mars')).toBe(false);
    const arr = ['a', 'b', 'c'];
    expect(evalOp('contains', arr, 'b')).toBe(true);
    expect(evalOp('contains', arr, 'd')).toBe(false);
  });

  it('TestOperatorExists: exists true needs a present non-null value; exists false needs it absent', () => {
    const e = engineWithoutState(
      cfg({ test: { rules: [rule('exists-true', 'evaluate', 'missing', cond('args.name', 'exists', true))] } }),
    );
    expect(e.evaluate(call('test', { name: 'alice' })).allow).toBe(true);
    expect(e.evaluate(call('test', {})).allow).toBe(false);

    const e2 = engineWithoutState(
      cfg({ test: { rules: [rule('exists-false', 'evaluate', 'unexpected', cond('args.name', 'exists', false))] } }),
    );
    expect(e2.evaluate(call('test', {})).allow).toBe(true);
    expect(e2.evaluate(call('test', { name: 'alice' })).allow).toBe(false);

    // An explicit null counts as absent.
    expect(e.evaluate(call('test', { name: null })).allow).toBe(false);
  });
});

describe('Intercept engine_test.go: path resolution', () => {
  it('TestPathResolutionNested: args.a.b walks nested objects', () => {
    const e = engineWithoutState(
      cfg({ send: { rules: [rule('check-email', 'evaluate', 'bad email', cond('args.recipient.email', 'regex', '@example\\.com$'))] } }),
    );
    expect(e.evaluate(call('send', { recipient: { email: 'user@example.com' } })).allow).toBe(true);
  });

  it('TestPathResolutionMissingIntermediate: a missing intermediate key fails the condition', () => {
    const e = engineWithoutState(
      cfg({ send: { rules: [rule('check-email', 'evaluate', 'missing', cond('args.recipient.email', 'eq', 'x'))] } }),
    );
    expect(e.evaluate(call('send', {})).allow).toBe(false);
  });

  it('TestPathResolutionNonMapIntermediate: a non-object intermediate fails the condition', () => {
    const e = engineWithoutState(
      cfg({ send: { rules: [rule('check', 'evaluate', 'bad', cond('args.recipient.email', 'eq', 'x'))] } }),
    );
    expect(e.evaluate(call('send', { recipient: 'not-a-map' })).allow).toBe(false);
  });

  it('TestPathResolutionTopLevel: a top-level argument resolves', () => {
    const e = engineWithoutState(
      cfg({ pay: { rules: [rule('check-amount', 'evaluate', 'too much', cond('args.amount', 'lte', 100))] } }),
    );
    expect(e.evaluate(call('pay', { amount: 50 })).allow).toBe(true);
  });
});

describe('Intercept engine_test.go: rule matching', () => {
  it('TestRuleMatchingToolSpecificOnly: a tool rule applies to its tool only; other tools are allowed', () => {
    const e = engineWithoutState(
      cfg({ tool_a: { rules: [rule('a-rule', 'evaluate', 'denied', cond('args.x', 'eq', 'yes'))] } }),
    );
    expect(e.evaluate(call('tool_a', { x: 'yes' })).allow).toBe(true);
    expect(e.evaluate(call('tool_b', { x: 'no' })).allow).toBe(true);
  });

  it('TestRuleMatchingWildcardOnly: "*" rules apply to any tool', () => {
    const e = engineWithoutState(
      cfg({ '*': { rules: [rule('global', 'evaluate', 'blocked', cond('args.safe', 'eq', true))] } }),
    );
    expect(e.evaluate(call('anything', { safe: true })).allow).toBe(true);
    expect(e.evaluate(call('anything', { safe: false })).allow).toBe(false);
  });

  it('TestRuleMatchingToolSpecificThenWildcard: tool rules run before wildcard rules', () => {
    const e = engineWithoutState(
      cfg({
        tool_a: { rules: [rule('specific', 'evaluate', 'specific denied', cond('args.x', 'eq', 'good'))] },
        '*': { rules: [rule('global', 'evaluate', 'global denied', cond('args.y', 'eq', 'ok'))] },
      }),
    );
    expect(e.evaluate(call('tool_a', { x: 'good', y: 'ok' })).allow).toBe(true);

    const wildcardFails = e.evaluate(call('tool_a', { x: 'good', y: 'bad' }));
    expect(wildcardFails.allow).toBe(false);
    expect(wildcardFails.rule).toBe('global');

    const specificFails = e.evaluate(call('tool_a', { x: 'bad', y: 'ok' }));
    expect(specificFails.allow).toBe(false);
    expect(specificFails.rule).toBe('specific');
  });

  it('TestRuleMatchingNoRules: an empty policy allows any tool', () => {
    const e = engineWithoutState(cfg({}));
    expect(e.evaluate(call('any_tool', {})).allow).toBe(true);
  });
});

describe('Intercept engine_test.go: conditions are ANDed', () => {
  const conditions = [cond('args.amount', 'lte', 1000), cond('args.currency', 'in', ['usd', 'eur'])];

  it('TestMultiConditionAllPass: all conditions hold, the call is allowed', () => {
    const e = engineWithoutState(cfg({ pay: { rules: [rule('check', 'evaluate', 'denied', ...conditions)] } }));
    expect(e.evaluate(call('pay', { amount: 500, currency: 'usd' })).allow).toBe(true);
  });

  it('TestMultiConditionSecondFails: the second condition fails, the rule denies with its on_deny', () => {
    const e = engineWithoutState(cfg({ pay: { rules: [rule('check', 'evaluate', 'bad currency', ...conditions)] } }));
    const d = e.evaluate(call('pay', { amount: 500, currency: 'gbp' }));
    expect(d.allow).toBe(false);
    expect(d.message).toBe('bad currency');
  });

  it('TestMultiConditionFirstFails: the first condition fails, the rule denies', () => {
    const e = engineWithoutState(cfg({ pay: { rules: [rule('check', 'evaluate', 'too much', ...conditions)] } }));
    expect(e.evaluate(call('pay', { amount: 5000, currency: 'usd' })).allow).toBe(false);
  });
});

describe('Intercept engine_test.go: state paths', () => {
  it('TestStatePathsSkippedWithNilResolver: with no resolver a state condition passes', () => {
    const e = engineWithoutState(
      cfg({ tool: { rules: [rule('rate-limit', 'evaluate', 'rate limited', cond('state.tool.counter', 'lte', 10))] } }),
    );
    expect(e.evaluate(call('tool', {})).allow).toBe(true);
  });

  it('TestMixedArgsAndStateWithNilResolver: the state condition passes but a failing args condition still denies', () => {
    const e = engineWithoutState(
      cfg({
        pay: {
          rules: [rule('check', 'evaluate', 'denied', cond('args.amount', 'lte', 1000), cond('state.pay.daily_total', 'lte', 50000))],
        },
      }),
    );
    expect(e.evaluate(call('pay', { amount: 500 })).allow).toBe(true);
    expect(e.evaluate(call('pay', { amount: 5000 })).allow).toBe(false);
  });

  it('TestMockStateResolver: state conditions read the resolver on every evaluation', () => {
    const mock = mockStateResolver({ 'state.pay.daily_total': 100 });
    const e = createInterceptEngine(
      cfg({ pay: { rules: [rule('rate-limit', 'evaluate', 'over limit', cond('state.pay.daily_total', 'lte', 500.0))] } }),
      { store: mock },
    );
    expect(e.evaluate(call('pay', {})).allow).toBe(true);

    mock.values['state.pay.daily_total'] = 600;
    const d = e.evaluate(call('pay', {}));
    expect(d.allow).toBe(false);
    expect(d.message).toBe('over limit');
  });

  it('TestMockStateResolverExists: exists true holds for a resolved state path and fails for a missing one', () => {
    const policy = cfg({
      tool: { rules: [rule('check-exists', 'evaluate', 'no counter', cond('state.tool.counter', 'exists', true))] },
    });
    const e = createInterceptEngine(policy, { store: mockStateResolver({ 'state.tool.counter': 5 }) });
    expect(e.evaluate(call('tool', {})).allow).toBe(true);

    const e2 = createInterceptEngine(policy, { store: mockStateResolver({}) });
    expect(e2.evaluate(call('tool', {})).allow).toBe(false);
  });
});

describe('Intercept engine_test.go: type mismatches', () => {
  it('TestTypeMismatchLteOnString: lte on a string argument denies', () => {
    const e = engineWithoutState(cfg({ tool: { rules: [rule('check', 'evaluate', 'type error', cond('args.x', 'lte', 100))] } }));
    expect(e.evaluate(call('tool', { x: 'not-a-number' })).allow).toBe(false);
  });

  it('TestTypeMismatchRegexOnNumber: regex on a number denies (numbers are not turned into text)', () => {
    const e = engineWithoutState(cfg({ tool: { rules: [rule('check', 'evaluate', 'type error', cond('args.x', 'regex', '\\d+'))] } }));
    expect(e.evaluate(call('tool', { x: 42 })).allow).toBe(false);
  });

  it('TestTypeMismatchContainsOnNumber: contains on a number is false', () => {
    expect(evalOp('contains', 42, '4')).toBe(false);
  });
});

describe('Intercept engine_test.go: deny action', () => {
  it('TestDenyAction: a deny rule refuses with its name and on_deny', () => {
    const e = engineWithoutState(cfg({ dangerous: { rules: [rule('block-all', 'deny', 'tool is blocked')] } }));
    const d = e.evaluate(call('dangerous', { any: 'arg' }));
    expect(d.allow).toBe(false);
    expect(d.rule).toBe('block-all');
    expect(d.message).toBe('tool is blocked');
  });

  it('TestDenyBeforeEvaluate: a deny rule placed first fires even though the evaluate rule would pass', () => {
    const e = engineWithoutState(
      cfg({
        tool: { rules: [rule('block', 'deny', 'blocked'), rule('check', 'evaluate', 'would deny', cond('args.x', 'eq', 'good'))] },
      }),
    );
    const d = e.evaluate(call('tool', { x: 'good' }));
    expect(d.allow).toBe(false);
    expect(d.rule).toBe('block');
  });
});

describe('Intercept engine_test.go: SetConfig', () => {
  it('TestSetConfig: after setPolicy the new policy decides', () => {
    const e = engineWithoutState(cfg({ tool: { rules: [rule('block', 'deny', 'blocked')] } }));
    expect(e.evaluate(call('tool', {})).allow).toBe(false);
    e.setPolicy(cfg({}));
    expect(e.evaluate(call('tool', {})).allow).toBe(true);
  });
});

describe('Intercept engine_test.go: default deny', () => {
  const listedOnly: InterceptPolicy = { version: '1', default: 'deny', tools: { listed_tool: { rules: [] } } };

  it('TestDefaultDenyUnlistedTool: under default deny an unlisted tool is refused by "(default deny)"', () => {
    const d = engineWithoutState(listedOnly).evaluate(call('unlisted_tool', {}));
    expect(d.allow).toBe(false);
    expect(d.rule).toBe('(default deny)');
  });

  it('TestDefaultDenyListedToolEmptyRules: a listed tool with no rules is allowed', () => {
    expect(engineWithoutState(listedOnly).evaluate(call('listed_tool', {})).allow).toBe(true);
  });

  it('TestDefaultDenyListedToolPassingRules: a listed tool whose rules pass is allowed', () => {
    const e = engineWithoutState({
      version: '1',
      default: 'deny',
      tools: { tool: { rules: [rule('check', 'evaluate', 'denied', cond('args.x', 'eq', 'good'))] } },
    });
    expect(e.evaluate(call('tool', { x: 'good' })).allow).toBe(true);
  });

  it('TestDefaultDenyListedToolFailingRules: a listed tool whose rule fails is refused by that rule', () => {
    const e = engineWithoutState({
      version: '1',
      default: 'deny',
      tools: { tool: { rules: [rule('check', 'evaluate', 'condition failed', cond('args.x', 'eq', 'good'))] } },
    });
    const d = e.evaluate(call('tool', { x: 'bad' }));
    expect(d.allow).toBe(false);
    expect(d.rule).toBe('check');
  });

  const withWildcard: InterceptPolicy = {
    version: '1',
    default: 'deny',
    tools: {
      listed_tool: { rules: [] },
      '*': { rules: [rule('global', 'evaluate', 'global denied', cond('args.safe', 'eq', true))] },
    },
  };

  it('TestDefaultDenyWildcardDoesNotRescueUnlisted: passing wildcard rules do not admit an unlisted tool', () => {
    const d = engineWithoutState(withWildcard).evaluate(call('unlisted_tool', { safe: true }));
    expect(d.allow).toBe(false);
    expect(d.rule).toBe('(default deny)');
  });

  it('TestDefaultDenyWildcardAppliesToListedTools: wildcard rules still apply to listed tools', () => {
    const e = engineWithoutState(withWildcard);
    const d = e.evaluate(call('listed_tool', { safe: false }));
    expect(d.allow).toBe(false);
    expect(d.rule).toBe('global');
    expect(e.evaluate(call('listed_tool', { safe: true })).allow).toBe(true);
  });

  it('TestDefaultAllowPreservesCurrentBehaviour: default allow with no tools allows anything', () => {
    const e = engineWithoutState({ version: '1', default: 'allow', tools: {} });
    expect(e.evaluate(call('any_tool', {})).allow).toBe(true);
  });
});

describe('Intercept engine_test.go: concurrency', () => {
  it('TestSetConfigConcurrent: alternating setPolicy and evaluate, each evaluation uses the policy just set', () => {
    const cfgDeny = cfg({ tool: { rules: [rule('block', 'deny', 'blocked')] } });
    const cfgAllow = cfg({});
    const e = engineWithoutState(cfgDeny);
    for (let i = 0; i < 1000; i += 1) {
      const allow = i % 2 === 0;
      e.setPolicy(allow ? cfgAllow : cfgDeny);
      const d = e.evaluate(call('tool', {}));
      expect(d.allow, `iteration ${i}`).toBe(allow);
      if (!allow) expect(d.rule).toBe('block');
    }
  });
});

describe('Intercept engine_test.go: hide', () => {
  it('TestHiddenToolDenied: a hidden tool is refused with "Tool \\"<name>\\" is hidden by policy"', () => {
    const e = engineWithoutState({ version: '1', hide: ['secret_tool'], tools: {} });
    const d = e.evaluate(call('secret_tool', {}));
    expect(d.allow).toBe(false);
    expect(d.message).toBe('Tool "secret_tool" is hidden by policy');
    expect(d.rule).toBe('(hidden)');
  });

  it('TestHiddenToolsMethod: hiddenTools() is the set of hidden names, or null when nothing is hidden', () => {
    const e = engineWithoutState({ version: '1', hide: ['tool_a', 'tool_b'], tools: {} });
    const hidden = e.hiddenTools();
    expect(hidden).not.toBeNull();
    expect(hidden!.size).toBe(2);
    expect(hidden!.has('tool_a')).toBe(true);
    expect(hidden!.has('tool_b')).toBe(true);

    expect(engineWithoutState({ version: '1', tools: {} }).hiddenTools()).toBeNull();
  });

  it('TestHideWildcardDeniesAll: hide "*" refuses every tool', () => {
    const e = engineWithoutState({ version: '1', hide: ['*'], tools: {} });
    for (const name of ['tool_a', 'tool_b', 'anything']) {
      expect(e.evaluate(call(name, {})).allow, name).toBe(false);
    }
  });

  it('TestHiddenToolNotAffectOthers: hiding one tool leaves the others allowed', () => {
    const e = engineWithoutState({ version: '1', hide: ['tool_x'], tools: {} });
    expect(e.evaluate(call('tool_x', {})).allow).toBe(false);
    expect(e.evaluate(call('tool_y', {})).allow).toBe(true);
  });
});
