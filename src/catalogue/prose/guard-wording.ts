/**
 * The words for argument guards: what each one refuses or requires, which attack it
 * blunts, and guards grouped by parameter for "refuses calls whose ...". The guards
 * themselves (policy/argument-guards.ts) are data only; every sentence about them is
 * written here, so the summary and the FAQ word a guard the same way.
 *
 * Parameter names are shown as the schema spells them: they are also the condition paths
 * a reader finds in the policy.
 */
import { ARRAY_ELEMENTS_CHECKED, EXAMPLE_ROOT, EXAMPLE_TARGET_PREFIX, type ArgumentGuard, type GuardKind } from '../policy/argument-guards.ts';
import { joinList } from './text.ts';

/**
 * What a guard refuses, as a plain-text predicate on its parameter: sentences read
 * "refuses calls whose <param> <predicate>", e.g. `contains ".."`. Each case named here
 * has an unsafe value on the guard, so a claim proves it.
 */
const REFUSES: Readonly<Record<GuardKind, (guard: ArgumentGuard) => string>> = {
  'path-traversal': () => 'contains ".."',
  'path-root': () => `is missing or does not start with ${EXAMPLE_ROOT}`,
  'target-prefix': () => `is missing or does not start with ${EXAMPLE_TARGET_PREFIX}`,
  'array-length': () => `has more than ${ARRAY_ELEMENTS_CHECKED} elements`,
  'url-scheme': () => 'uses file: or another non-web scheme',
  'url-host': () => 'points at localhost, 169.254.169.254 or another loopback, link-local or metadata address',
  'shell-metacharacters': () =>
    'contains a shell metacharacter (a semicolon, ampersand, pipe, backtick, dollar sign, angle bracket or line break)',
  'sql-write': () => 'holds a keyword of a statement that writes (INSERT, UPDATE, DELETE, CREATE, DROP and others)',
  'sql-destructive': () => 'holds DROP, TRUNCATE, DELETE, ALTER, GRANT or REVOKE',
  'amount-ceiling': (guard) => `is missing or above ${conditionValue(guard)}`,
  confirm: (guard) => `is missing or not ${conditionValue(guard)}`,
  'dry-run': (guard) => `is missing or not ${conditionValue(guard)}`,
  'no-force': (guard) => `is ${conditionValue(guard)}`,
  'no-recursive': (guard) => `is ${conditionValue(guard)}`,
};

/** For a `require` guard, what a call must hold, e.g. `confirm is true`. */
const REQUIRES: Readonly<Partial<Record<GuardKind, (guard: ArgumentGuard) => string>>> = {
  'path-root': (guard) => `${guard.param} starts with ${EXAMPLE_ROOT}`,
  'target-prefix': (guard) => `${guard.param} starts with ${EXAMPLE_TARGET_PREFIX}`,
  'amount-ceiling': (guard) => `${guard.param} is at most ${conditionValue(guard)}`,
  confirm: (guard) => `${guard.param} is ${conditionValue(guard)}`,
  'dry-run': (guard) => `${guard.param} is ${conditionValue(guard)} (a dry run)`,
};

/** The attack each guard blunts, in a few words. */
export const THREAT_OF_GUARD: Readonly<Record<GuardKind, string>> = {
  'path-traversal': 'path traversal',
  'path-root': 'paths outside the allowed folder',
  'target-prefix': 'acting on the wrong target',
  'array-length': 'elements that go unchecked',
  'url-scheme': 'reading local files through a URL',
  'url-host': 'server-side request forgery',
  'shell-metacharacters': 'command injection',
  'sql-write': 'writes through a tool that should only read',
  'sql-destructive': 'destructive SQL',
  'amount-ceiling': 'large amounts',
  confirm: 'unconfirmed calls',
  'dry-run': 'calls that are not dry runs',
  'no-force': 'forced operations',
  'no-recursive': 'recursive operations',
};

/** The value the guard's condition compares with (`true`, `100`), as the policy shows it. */
function conditionValue(guard: ArgumentGuard): string {
  return JSON.stringify(guard.condition.value);
}

/** An element guard reads "has an element that contains "..""; the others as written above. */
export function refusedPredicate(guard: ArgumentGuard): string {
  const predicate = REFUSES[guard.kind](guard);
  return guard.element === undefined ? predicate : `has an element that ${predicate}`;
}

/** What a `require` guard requires; a guard of a kind that is never required has no such wording. */
export function requirement(guard: ArgumentGuard): string {
  const words = REQUIRES[guard.kind];
  if (!words) throw new Error(`a ${guard.kind} guard is never a require condition`);
  return words(guard);
}

/** What the `require` guards given ask of a call, for "allows X only when ...": `confirm is true and amount is at most 100`. */
export function requirementPhrase(guards: readonly ArgumentGuard[]): string {
  return joinList(guards.map(requirement));
}

/**
 * What a set of `deny_if` guards refuses, grouped by parameter, for "refuses calls ...":
 * `whose path contains ".." or whose url uses file: or another non-web scheme`.
 */
export function refusalPhrase(guards: readonly ArgumentGuard[]): string {
  return guardGroups(guards).map((group) => group.phrase).join(' or ');
}

export interface GuardGroup {
  /** Parameters guarded the same way, in schema order. */
  params: string[];
  guards: ArgumentGuard[];
  /** `whose command or shell contains a shell metacharacter (...)`. */
  phrase: string;
}

/** Guards grouped by parameter, and parameters with the same guards grouped together. */
export function guardGroups(guards: readonly ArgumentGuard[]): GuardGroup[] {
  const byParam = new Map<string, ArgumentGuard[]>();
  for (const guard of guards) byParam.set(guard.param, [...(byParam.get(guard.param) ?? []), guard]);
  const byPredicates = new Map<string, { params: string[]; guards: ArgumentGuard[]; predicates: string[] }>();
  for (const [param, list] of byParam) {
    // The guards of each element of an array share one wording.
    const predicates = [...new Set(list.map(refusedPredicate))];
    const key = JSON.stringify(predicates);
    const group = byPredicates.get(key) ?? { params: [], guards: [], predicates };
    group.params.push(param);
    group.guards.push(...list);
    byPredicates.set(key, group);
  }
  return [...byPredicates.values()].map(({ params, guards: grouped, predicates }) => ({
    params,
    guards: grouped,
    phrase: `whose ${joinList(params, 'or')} ${joinList(predicates, 'or')}`,
  }));
}

/**
 * Which values of a conditional example are examples to edit, in a sentence, or undefined
 * when it has none: the folder paths are confined to, the prefix of a target's name.
 */
export function placeholderNote(guards: readonly ArgumentGuard[]): string | undefined {
  const parts: string[] = [];
  const rooted = [...new Set(guards.filter((guard) => guard.kind === 'path-root').map((guard) => guard.param))];
  const targeted = [...new Set(guards.filter((guard) => guard.kind === 'target-prefix').map((guard) => guard.param))];
  if (rooted.length > 0) parts.push(`${EXAMPLE_ROOT} with the folder the agent may work in`);
  if (targeted.length > 0) parts.push(`${EXAMPLE_TARGET_PREFIX} with the prefix of the names the agent may act on, such as those of what it created itself`);
  if (parts.length === 0) return undefined;
  return `Before using it, replace ${joinList(parts)}. A copy left unedited refuses these calls rather than allowing them.`;
}
