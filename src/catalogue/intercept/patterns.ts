/**
 * The patterns of Intercept rules. An Intercept rule refuses a call unless its conditions
 * hold: it can require a pattern but not forbid one (there is no "does not match"
 * operator, and Go's RE2 has no look-ahead to write one). So where policy.json refuses
 * what matches a pattern (`deny_if` with `regex`), the Intercept rule requires what
 * matches its complement, written out here without look-around so RE2 reads it too.
 *
 * Each pattern is either the exact complement of the policy.json pattern (no "..", no
 * shell metacharacter, no SQL keyword as a whole word), or, for URLs, a stricter
 * allow-list: an http or https address whose host is a domain name (letters in the last
 * label, so no IP address in any disguise) and not `localhost` or `*.internal`.
 */

/** A string with no two dots in a row. */
export const NO_DOT_DOT = '^(?:[^.]|\\.[^.])*\\.?$';

/** A string without a character that chains, substitutes or redirects shell commands. */
export const NO_SHELL_METACHARACTERS = '^[^;&|`$<>\\r\\n]*$';

const WORD_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789_';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

interface TrieNode {
  terminal: boolean;
  children: Map<string, TrieNode>;
}

function trieOf(words: readonly string[]): TrieNode {
  const root: TrieNode = { terminal: false, children: new Map() };
  for (const word of words) {
    let node = root;
    for (const character of word.toLowerCase()) {
      let child = node.children.get(character);
      if (!child) node.children.set(character, (child = { terminal: false, children: new Map() }));
      node = child;
    }
    node.terminal = true;
  }
  return root;
}

/** A class for these characters, in ranges where they run on (`abcdx` -> `[a-dx]`); one letter stands alone. */
function characterClass(characters: string): string {
  const codes = [...new Set(characters)].map((character) => character.codePointAt(0)!).sort((a, b) => a - b);
  const escape = (code: number): string => String.fromCodePoint(code).replace(/[\]\\^\-.|?*+()[{}$]/g, '\\$&');
  if (codes.length === 1) return escape(codes[0]!);
  const parts: string[] = [];
  for (let start = 0; start < codes.length; ) {
    let end = start;
    while (end + 1 < codes.length && codes[end + 1] === codes[end]! + 1) end += 1;
    parts.push(end - start >= 2 ? `${escape(codes[start]!)}-${escape(codes[end]!)}` : codes.slice(start, end + 1).map(escape).join(''));
    start = end + 1;
  }
  return `[${parts.join('')}]`;
}

/**
 * A pattern (case-insensitive under `(?i)`) matching the non-empty strings over
 * `alphabet` that are not one of `words`: from each node of the words' trie, a string
 * either ends there (when no word does), leaves the trie by a character no word has
 * next, or follows a word one more character.
 */
export function anyWordExcept(words: readonly string[], alphabet: string = WORD_CHARACTERS): string {
  const anyOf = characterClass(alphabet);
  const visit = (node: TrieNode, isRoot: boolean): string => {
    const options: string[] = [];
    if (!isRoot && !node.terminal) options.push('');
    const leaving = [...alphabet].filter((character) => !node.children.has(character)).join('');
    if (leaving !== '') options.push(`${characterClass(leaving)}${anyOf}*`);
    for (const [character, child] of node.children) options.push(`${characterClass(character)}${visit(child, false)}`);
    return `(?:${options.join('|')})`;
  };
  return visit(trieOf(words), true);
}

/**
 * A string in which no whole word (a maximal run of ASCII letters, digits and `_`) is one
 * of `words`, case-insensitively: the complement of `\b(?:word|...)\b`.
 */
export function withoutWords(words: readonly string[]): string {
  const word = anyWordExcept(words);
  return `(?i)^[^a-z0-9_]*(?:${word}(?:[^a-z0-9_]+|$))*$`;
}

/**
 * An http or https URL to a named public host: optional user info, then labels and a
 * last label of letters that is not `localhost` or `internal`, then a port, path, query
 * or fragment, or the end.
 */
export const PUBLIC_WEB_URL =
  `(?i)^https?://(?:[^/?#@\\s]*@)?(?:[a-z0-9-]+\\.)+${anyWordExcept(['localhost', 'internal'], LETTERS)}\\.?(?::[0-9]*)?(?:[/?#]|$)`;
