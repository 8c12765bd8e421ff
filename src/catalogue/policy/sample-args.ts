/**
 * Sample arguments for a tool under a policy: arguments that satisfy every `require`
 * condition of its rule and trip none of its `deny_if` conditions, so that a claim such
 * as "allowed" or "30 calls a minute" is tested on a call the rule lets through.
 *
 * A small search, not a solver: for each condition path it tries the values the
 * conditions themselves suggest (the `eq` value, the `in` list, the numbers around a
 * bound, the `contains` value) and a few plain ones, keeps the first value that passes
 * every condition on that path, then checks the whole set of arguments with the same
 * condition logic the evaluator uses. When that fails it returns null and the claim says
 * so, rather than guessing.
 */
import { conditionHolds, conditionKeys } from './evaluate.ts';
import type { Condition, Policy } from './schema.ts';

const PLAIN_VALUES: readonly unknown[] = [
  'example',
  'notes/example.txt',
  'https://example.com/',
  'SELECT 1',
  0,
  1,
  true,
  false,
  'a',
  [],
  {},
];

export function sampleArgs(policy: Policy, tool: string): Record<string, unknown> | null {
  const tools = policy.tools;
  const rule = tools && Object.hasOwn(tools, tool) ? tools[tool] : undefined;
  const require = rule?.require ?? [];
  const denyIf = rule?.deny_if ?? [];
  if (require.length === 0 && !denyIf.some(needsValue)) return {};

  const byPath = new Map<string, { require: Condition[]; denyIf: Condition[] }>();
  const entry = (path: string): { require: Condition[]; denyIf: Condition[] } => {
    let found = byPath.get(path);
    if (!found) {
      found = { require: [], denyIf: [] };
      byPath.set(path, found);
    }
    return found;
  };
  for (const condition of require) entry(condition.path).require.push(condition);
  for (const condition of denyIf) entry(condition.path).denyIf.push(condition);

  const args: Record<string, unknown> = {};
  // Shorter paths first, so that a parent value is chosen before its children overwrite into it.
  const paths = [...byPath.keys()].sort((a, b) => conditionKeys(a).length - conditionKeys(b).length);
  for (const path of paths) {
    const { require: required, denyIf: refused } = byPath.get(path)!;
    // Nothing requires the path and nothing refuses its absence: leave it out.
    if (required.length === 0 && !refused.some(needsValue)) continue;
    const keys = conditionKeys(path);
    const passes = (value: unknown): boolean => {
      const probe = buildAt(keys, value);
      return required.every((c) => conditionHolds(c, probe)) && !refused.some((c) => conditionHolds(c, probe));
    };
    const value = [...candidates(required), ...PLAIN_VALUES].find(passes);
    if (value === undefined) return null;
    if (!setPath(args, keys, value)) return null;
  }
  const ok = require.every((c) => conditionHolds(c, args)) && !denyIf.some((c) => conditionHolds(c, args));
  return ok ? args : null;
}

/** `deny_if` with `exists: false` refuses a missing argument, so the path needs a value. */
function needsValue(condition: Condition): boolean {
  return condition.op === 'exists' && condition.value === false;
}

function candidates(conditions: readonly Condition[]): unknown[] {
  const out: unknown[] = [];
  for (const { op, value } of conditions) {
    switch (op) {
      case 'eq':
      case 'contains':
        out.push(value);
        if (op === 'contains') out.push([value], typeof value === 'string' ? `x${value}x` : value);
        break;
      case 'in':
        if (Array.isArray(value)) out.push(...value);
        break;
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte':
        if (typeof value === 'number') out.push(value, value - 1, value + 1, value - 0.5, value + 0.5, Math.trunc(value));
        break;
      case 'neq':
      case 'not_in':
        if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
          out.push(`not-${[value].flat().join('-')}`);
        }
        break;
      default:
        break;
    }
  }
  return out;
}

function buildAt(keys: readonly string[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  setPath(root, keys, value);
  return root;
}

/** Sets a value at a dotted path with own properties; false when a non-object is in the way. */
function setPath(target: Record<string, unknown>, keys: readonly string[], value: unknown): boolean {
  let current = target;
  for (const [index, key] of keys.entries()) {
    if (index === keys.length - 1) {
      defineOwn(current, key, value);
      return true;
    }
    const existing = Object.hasOwn(current, key) ? current[key] : undefined;
    if (existing === undefined) {
      const child: Record<string, unknown> = {};
      defineOwn(current, key, child);
      current = child;
    } else if (existing !== null && typeof existing === 'object' && !Array.isArray(existing)) {
      current = existing as Record<string, unknown>;
    } else {
      return false;
    }
  }
  return true;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
