/**
 * How the search page asks Pagefind for what was typed (src/scripts/search.ts), to match
 * how names are indexed (src/site/search-document.ts): no DOM here, so it is tested alone.
 *
 * A query is read as an identifier in any naming style and asked three ways, in rank
 * order: the token only the whole name has (the exact name first, in any style), the
 * words joined (a tail or middle part of a name: `local_invoke`, `localInvoke`), and the
 * words apart (anything else, descriptions included). When that finds little, each word
 * of five letters or more that no name uses is corrected to the most used name word one
 * edit away (a letter swapped, changed, added or dropped), and the corrected query asked.
 */
import { exactNameToken, identifierWords } from './search-document.ts';

export interface QueryPlan {
  words: string[];
  /** The token of the whole name, when the query has words. */
  exact: string | undefined;
  /** The words joined, when there are two or more. */
  joined: string | undefined;
  /** The words apart, for Pagefind's own matching. */
  spaced: string;
}

export function planQuery(text: string): QueryPlan {
  const words = identifierWords(text);
  return {
    words,
    exact: words.length > 0 ? exactNameToken(text) : undefined,
    joined: words.length >= 2 ? words.join('') : undefined,
    spaced: words.join(' '),
  };
}

/**
 * How well a result's name answers the query: 3 the whole name (in any style), 2 a run
 * of its words (a tail, a middle part), 1 every query word starts a word of the name, 0
 * none of these (a match in the description, say). `aliases` are other names of the same
 * thing (a server's id and package).
 */
export function nameMatch(plan: QueryPlan, title: string, aliases: readonly string[] = []): number {
  const asked = plan.words.join('');
  if (asked === '') return 0;
  let best = 0;
  for (const name of [title, ...aliases]) {
    const words = identifierWords(name);
    const joined = words.join('');
    if (joined === asked) return 3;
    if (plan.words.length >= 2 && joined.includes(asked)) best = Math.max(best, 2);
    else if (plan.words.length === 1 && words.includes(asked)) best = Math.max(best, 2);
    else if (plan.words.every((word) => words.some((own) => own.startsWith(word)))) best = Math.max(best, 1);
  }
  return best;
}

/**
 * Results in the order to show: by how well the name answers the query, then the shorter
 * name (`find_symbol` before `find_symbols`), then Pagefind's own order.
 */
export function rankByName<T extends { title: string; aliases?: readonly string[] }>(plan: QueryPlan, results: readonly T[]): T[] {
  return results
    .map((result, order) => ({ result, order, match: nameMatch(plan, result.title, result.aliases), length: identifierWords(result.title).join('').length }))
    .sort((a, b) => b.match - a.match || (a.match > 0 ? a.length - b.length : 0) || a.order - b.order)
    .map((entry) => entry.result);
}

/** The words of every name and how many names use each (src/site/search-vocabulary.ts). */
export interface Vocabulary {
  words: readonly string[];
  counts: readonly number[];
}

/** Words this long or longer are corrected when no name uses them. */
export const MIN_CORRECTED_WORD = 5;

/** Whether `a` becomes `b` with one edit: a swap of two neighbours, a change, an insertion or a deletion. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const lengthGap = a.length - b.length;
  if (Math.abs(lengthGap) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  if (lengthGap === 0) {
    if (a.slice(start + 1) === b.slice(start + 1)) return true;
    return a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2);
  }
  return lengthGap > 0 ? a.slice(start + 1) === b.slice(start) : a.slice(start) === b.slice(start + 1);
}

/**
 * The words with each unknown word of five letters or more replaced by the most used
 * name word one edit away; undefined when nothing was corrected.
 */
export function correctTypos(words: readonly string[], vocabulary: Vocabulary): string[] | undefined {
  const known = new Set(vocabulary.words);
  let changed = false;
  const corrected = words.map((word) => {
    if (word.length < MIN_CORRECTED_WORD || known.has(word) || /^\d+$/.test(word)) return word;
    let best: string | undefined;
    let bestCount = 0;
    vocabulary.words.forEach((candidate, index) => {
      const count = vocabulary.counts[index] ?? 0;
      if (count > bestCount && oneEditApart(word, candidate)) {
        best = candidate;
        bestCount = count;
      }
    });
    if (best === undefined) return word;
    changed = true;
    return best;
  });
  return changed ? corrected : undefined;
}
