/**
 * The words of every tool and server name, with how many names use each: what the search
 * page corrects a typo against (src/site/search-query.ts). Small next to the index: the
 * bundled catalogue's 24,000 tools use about 5,000 distinct words.
 */
import { identifierWords } from './search-document.ts';

export const VOCABULARY_FILE = 'vocabulary.json';

/** Words shorter than this are never corrected, so they are not listed. */
export const MIN_VOCABULARY_WORD = 3;
/** Longer words are left out: no one types them. */
const MAX_VOCABULARY_WORD = 40;

export class VocabularyBuilder {
  readonly #counts = new Map<string, number>();

  add(name: string): void {
    for (const word of new Set(identifierWords(name))) {
      if (word.length < MIN_VOCABULARY_WORD || word.length > MAX_VOCABULARY_WORD || /^\d+$/.test(word)) continue;
      this.#counts.set(word, (this.#counts.get(word) ?? 0) + 1);
    }
  }

  /** `{"words": [...], "counts": [...]}`, words in code point order: the same catalogue gives the same bytes. */
  toJson(): string {
    const words = [...this.#counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `${JSON.stringify({ words, counts: words.map((word) => this.#counts.get(word)!) })}\n`;
  }
}
