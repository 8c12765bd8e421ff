/**
 * Defensive string handling for third-party definitions: every field may be missing,
 * of the wrong type, huge, or full of control characters.
 */

/** How much of a description the engine reads: enough for every real signal, bounded work. */
export const MAX_SCANNED_CHARS = 4_000;

/** The longest quote a signal carries, in characters. */
export const MAX_QUOTE_CHARS = 120;

/** A string, or undefined for anything else (numbers, objects, null). */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The part of a description worth scanning; none of a placeholder. */
export function scannedPart(text: string | undefined): string {
  if (text === undefined || isPlaceholder(text)) return '';
  return text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
}

/** What directories print where an author wrote no description. */
const PLACEHOLDER = /^\s*(?:description not available|no description(?: provided| available)?|n\/a|none|todo|tbd)\.?\s*$/i;

/** Whether `text` only stands in for a missing description: it says nothing of the tool. */
function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

const WHITESPACE_RUN = /[\s\p{Cc}\p{Cf}]+/gu;

/** Collapses whitespace and strips control and format characters, so a quote shows on one line. */
export function tidy(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const SENTENCE_END = /[.!?:;|]/;
const SENTENCE_STOP = /[.!?](?=\s)|\n/;

/** How far back from a match a quote may start, to begin at its sentence. */
const MAX_LEAD_CHARS = 70;

/**
 * A verbatim excerpt of `text` around the match `[start, end)`, at most MAX_QUOTE_CHARS
 * long, with whitespace collapsed, cut at word boundaries and never inside a surrogate
 * pair. It starts at the match's sentence when that is close, so quotes read naturally.
 */
export function quoteAround(text: string, start: number, end: number): string {
  let from = start;
  const floor = Math.max(0, start - MAX_LEAD_CHARS);
  while (from > floor) {
    const previous = text[from - 1]!;
    if (previous === '\n' || (/\s/.test(previous) && SENTENCE_END.test(text[from - 2] ?? ''))) break;
    from -= 1;
  }
  // A start cut short by the floor must not begin inside a word.
  if (from === floor && from > 0) {
    while (from < start && isWordChar(text[from - 1])) from += 1;
  }
  // End with the sentence that holds the match, when it ends within the budget.
  let to = Math.min(text.length, from + MAX_QUOTE_CHARS * 3);
  const stop = SENTENCE_STOP.exec(text.slice(end, to));
  if (stop) to = end + stop.index + 1;
  const excerpt = tidy(text.slice(from, to));
  return dropBrokenSurrogate(cutAtWord(excerpt, MAX_QUOTE_CHARS));
}

/** The beginning of a value, cut cleanly. */
export function quoteStart(text: string): string {
  return dropBrokenSurrogate(cutAtWord(tidy(text.slice(0, MAX_QUOTE_CHARS * 3)), MAX_QUOTE_CHARS));
}

function cutAtWord(text: string, budget: number): string {
  if (text.length <= budget) return text;
  let cut = budget;
  while (cut > 0 && isWordChar(text[cut - 1]) && isWordChar(text[cut])) cut -= 1;
  if (cut < budget / 2) cut = budget;
  return text.slice(0, cut).trimEnd();
}

function dropBrokenSurrogate(text: string): string {
  let result = text;
  const last = result.charCodeAt(result.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) result = result.slice(0, -1);
  const first = result.charCodeAt(0);
  if (first >= 0xdc00 && first <= 0xdfff) result = result.slice(1);
  return result;
}
