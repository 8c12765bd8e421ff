/**
 * Claims: every checkable statement the site's prose makes about a policy, as data, and
 * the proof of each by running the evaluator on a fresh sequence of calls.
 *
 * A page sentence such as "the 31st call within one UTC minute is refused" is written
 * together with its claim (`rate-limit`, max 30, window minute); the catalogue test
 * checks every claim of every page, so a sentence can never drift from its policy.
 *
 * Calls run in the grant "default", from a reference instant in the middle of an hour
 * and of a day (2026-03-10T12:34:00Z), so that the end of a minute is not also the end of
 * the hour or day: a coarser limit cannot pass for a finer one.
 */
import {
  compilePolicy,
  createEvaluator,
  jsonEqual,
  nextWindowStart,
  windowStart,
  type CompiledPolicy,
  type Decision,
  type DenyReason,
  type Evaluator,
} from './evaluate.ts';
import { sampleArgs } from './sample-args.ts';
import type { Condition, LimitWindow, Policy } from './schema.ts';

export type ClaimArgs = Readonly<Record<string, unknown>>;

export type PolicyClaim =
  /** A first call to the tool, with these arguments (or sample ones), is allowed. */
  | { kind: 'allowed'; tool: string; args?: ClaimArgs }
  /** A first call is refused for this reason (and by this condition, when given). */
  | { kind: 'denied'; tool: string; args?: ClaimArgs; reason: DenyReason; condition?: Condition }
  /** The tool is absent from `tools/list` and every call to it is refused as hidden. */
  | { kind: 'hidden'; tool: string }
  /** The tool appears in `tools/list`. */
  | { kind: 'visible'; tool: string }
  /**
   * `max` calls inside one UTC window are allowed, the next one is refused by a limit,
   * and the first call of the next window is allowed again.
   */
  | { kind: 'rate-limit'; tool: string; max: number; window: LimitWindow; args?: ClaimArgs }
  /**
   * Counts are kept per grant: once `max` calls in one window have used up one grant's
   * allowance, a call in another grant in the same window is still allowed.
   */
  | { kind: 'separate-grants'; tool: string; max: number; window: LimitWindow; args?: ClaimArgs }
  /** `calls` calls inside one UTC window are all allowed. */
  | { kind: 'not-limited'; tool: string; calls: number; window: LimitWindow; args?: ClaimArgs }
  /** The tool's rule checks no argument: any arguments, hostile ones included, are allowed. */
  | { kind: 'no-argument-checks'; tool: string }
  /** A tool the policy does not list (`probe`) is refused. */
  | { kind: 'other-tools-denied'; probe: string };

export interface ClaimResult {
  ok: boolean;
  detail: string;
}

export const REFERENCE_INSTANT = Date.UTC(2026, 2, 10, 12, 34, 0, 0);

/** Beyond this, a rate-limit claim is not run call by call. */
const MAX_CHECKED_CALLS = 10_000;

/** Arguments that would trip the usual guards, for `no-argument-checks`. */
const HOSTILE_ARGS: readonly ClaimArgs[] = [
  {},
  { path: '../../etc/passwd', file: '../x', url: 'http://169.254.169.254/', uri: 'file:///etc/passwd' },
  { command: 'ls; id', sql: 'DROP TABLE users', query: 'DROP TABLE users', amount: 1e12, confirm: false, force: true },
];

export function checkClaim(policy: Policy, claim: PolicyClaim): ClaimResult {
  return checkClaims(policy, [claim])[0]!;
}

/** Checks many claims about one policy, which is validated and compiled once. */
export function checkClaims(policy: Policy, claims: readonly PolicyClaim[]): ClaimResult[] {
  let compiled: CompiledPolicy;
  try {
    compiled = compilePolicy(policy);
  } catch (error) {
    const result = fail((error as Error).message);
    return claims.map(() => result);
  }
  return claims.map((claim) => proveClaim(policy, compiled, claim));
}

function proveClaim(policy: Policy, compiled: CompiledPolicy, claim: PolicyClaim): ClaimResult {
  // Fresh counters for every claim: claims never see each other's calls.
  const evaluator: Evaluator = createEvaluator(compiled);
  const at = (time: number): Date => new Date(time);
  const start = new Date(REFERENCE_INSTANT);

  switch (claim.kind) {
    case 'allowed': {
      const args = argsFor(policy, claim.tool, claim.args);
      if (args === null) return fail(`no sample arguments satisfy the conditions on ${claim.tool}`);
      const decision = evaluator.decide({ tool: claim.tool, args, at: start });
      return decision.allow ? pass(`${claim.tool} is allowed`) : fail(`${claim.tool} is refused: ${decision.message}`);
    }
    case 'denied': {
      const args = argsFor(policy, claim.tool, claim.args) ?? {};
      const decision = evaluator.decide({ tool: claim.tool, args, at: start });
      if (decision.allow) return fail(`${claim.tool} is allowed, not refused (${claim.reason})`);
      if (decision.reason !== claim.reason) return fail(`${claim.tool} is refused by ${decision.reason}, not ${claim.reason}: ${decision.message}`);
      if (claim.condition && !jsonEqual(decision.condition, claim.condition)) {
        return fail(`${claim.tool} is refused by another condition: ${decision.message}`);
      }
      return pass(`${claim.tool} is refused (${decision.reason}): ${decision.message}`);
    }
    case 'hidden': {
      const listed = evaluator.visibleTools([claim.tool]).length > 0;
      const decision = evaluator.decide({ tool: claim.tool, args: {}, at: start });
      if (listed) return fail(`${claim.tool} still appears in tools/list`);
      if (decision.reason !== 'hidden') return fail(`${claim.tool} is not refused as hidden: ${decision.message}`);
      return pass(`${claim.tool} is hidden and refused`);
    }
    case 'visible':
      return evaluator.visibleTools([claim.tool]).length > 0
        ? pass(`${claim.tool} appears in tools/list`)
        : fail(`${claim.tool} is hidden`);
    case 'rate-limit': {
      const { tool, max, window } = claim;
      if (!Number.isInteger(max) || max < 1) return fail(`a rate limit of ${max} calls cannot be shown by calls`);
      if (max > MAX_CHECKED_CALLS) return fail(`a rate limit of ${max} calls is too large to check`);
      const args = argsFor(policy, tool, claim.args);
      if (args === null) return fail(`no sample arguments satisfy the conditions on ${tool}`);
      const first = windowStart(window, REFERENCE_INSTANT);
      const next = nextWindowStart(window, REFERENCE_INSTANT);
      const decide = (time: number): Decision => evaluator.decide({ tool, args, at: at(time) });
      // The first call opens the window; the rest come in its last millisecond.
      for (let n = 1; n <= max; n += 1) {
        const decision = decide(n === 1 ? first : next - 1);
        if (!decision.allow) return fail(`call ${n} of ${max} in one UTC ${window} is refused: ${decision.message}`);
      }
      const over = decide(next - 1);
      if (over.allow) return fail(`call ${max + 1} in one UTC ${window} is allowed`);
      if (over.reason !== 'limit') return fail(`call ${max + 1} is refused by ${over.reason}, not by a limit`);
      const again = decide(next);
      if (!again.allow) return fail(`the first call of the next UTC ${window} is refused: ${again.message}`);
      return pass(`${max} calls in one UTC ${window} allowed, call ${max + 1} refused, next ${window} allowed`);
    }
    case 'separate-grants': {
      const { tool, max, window } = claim;
      if (!Number.isInteger(max) || max < 1 || max > MAX_CHECKED_CALLS) return fail(`a limit of ${max} calls cannot be checked`);
      const args = argsFor(policy, tool, claim.args);
      if (args === null) return fail(`no sample arguments satisfy the conditions on ${tool}`);
      const time = at(windowStart(window, REFERENCE_INSTANT));
      for (let n = 1; n <= max; n += 1) {
        const decision = evaluator.decide({ tool, args, at: time, grant: 'first' });
        if (!decision.allow) return fail(`call ${n} of ${max} in the first grant is refused: ${decision.message}`);
      }
      const over = evaluator.decide({ tool, args, at: time, grant: 'first' });
      if (over.allow || over.reason !== 'limit') return fail(`call ${max + 1} in the first grant is not refused by a limit`);
      const other = evaluator.decide({ tool, args, at: time, grant: 'second' });
      return other.allow ? pass('another grant keeps its own allowance') : fail(`another grant is refused too: ${other.message}`);
    }
    case 'not-limited': {
      const { tool, calls, window } = claim;
      if (calls > MAX_CHECKED_CALLS) return fail(`${calls} calls are too many to check`);
      const args = argsFor(policy, tool, claim.args);
      if (args === null) return fail(`no sample arguments satisfy the conditions on ${tool}`);
      const first = windowStart(window, REFERENCE_INSTANT);
      const last = nextWindowStart(window, REFERENCE_INSTANT) - 1;
      for (let n = 1; n <= calls; n += 1) {
        const decision = evaluator.decide({ tool, args, at: at(n === 1 ? first : last) });
        if (!decision.allow) return fail(`call ${n} of ${calls} in one UTC ${window} is refused: ${decision.message}`);
      }
      return pass(`${calls} calls in one UTC ${window} allowed`);
    }
    case 'no-argument-checks': {
      const rule = policy.tools && Object.hasOwn(policy.tools, claim.tool) ? policy.tools[claim.tool] : undefined;
      if (rule?.require?.length || rule?.deny_if?.length) return fail(`${claim.tool} has argument conditions`);
      for (const args of [undefined, ...HOSTILE_ARGS]) {
        // A fresh evaluator each time, so that limits do not mix into this claim.
        const decision = createEvaluator(compiled).decide({ tool: claim.tool, args, at: start });
        if (!decision.allow) return fail(`${claim.tool} is refused with ${JSON.stringify(args)}: ${decision.message}`);
      }
      return pass(`${claim.tool} is allowed whatever its arguments`);
    }
    case 'other-tools-denied': {
      if (policy.tools && Object.hasOwn(policy.tools, claim.probe)) return fail(`${claim.probe} is listed, so it is not another tool`);
      const decision = evaluator.decide({ tool: claim.probe, args: {}, at: start });
      return decision.allow ? fail(`${claim.probe} is allowed`) : pass(`${claim.probe} is refused (${decision.reason})`);
    }
  }
}

/** The claim's arguments, or sample ones that pass the tool's conditions (null if none found). */
function argsFor(policy: Policy, tool: string, args: ClaimArgs | undefined): unknown {
  return args ?? sampleArgs(policy, tool);
}

/** A claim in words, for test reports. */
export function describeClaim(claim: PolicyClaim): string {
  const args = 'args' in claim && claim.args ? ` with ${JSON.stringify(claim.args)}` : '';
  switch (claim.kind) {
    case 'allowed':
      return `${claim.tool} allowed${args}`;
    case 'denied':
      return `${claim.tool} refused (${claim.reason})${args}`;
    case 'hidden':
      return `${claim.tool} hidden`;
    case 'visible':
      return `${claim.tool} visible`;
    case 'rate-limit':
      return `${claim.tool}: ${claim.max} calls per UTC ${claim.window}${args}`;
    case 'separate-grants':
      return `${claim.tool}: ${claim.max} calls per UTC ${claim.window} counted per grant${args}`;
    case 'not-limited':
      return `${claim.tool}: ${claim.calls} calls in one UTC ${claim.window} allowed${args}`;
    case 'no-argument-checks':
      return `${claim.tool}: no argument checks`;
    case 'other-tools-denied':
      return `other tools (${claim.probe}) refused`;
  }
}

function pass(detail: string): ClaimResult {
  return { ok: true, detail };
}

function fail(detail: string): ClaimResult {
  return { ok: false, detail };
}
