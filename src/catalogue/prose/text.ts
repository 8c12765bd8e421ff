/**
 * Small plain-text helpers for prose. Output is plain text for pages to escape: no HTML,
 * no Markdown. Names from the catalogue are untrusted and may be long, so sentences show
 * them capped.
 */

/** Longest run of a third-party name shown inside a sentence. */
export const NAME_IN_SENTENCE = 80;

/**
 * A name fit for a sentence: control, format (bidi, zero-width) and line-break characters
 * become spaces, runs of spaces collapse, and a name longer than `max` code points is cut
 * with an ellipsis (never inside a surrogate pair).
 */
export function capName(name: string, max: number = NAME_IN_SENTENCE): string {
  const clean = name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
  const points = [...clean];
  if (points.length <= max) return clean === '' ? '(unnamed)' : clean;
  return `${points.slice(0, max - 1).join('').trimEnd()}…`;
}

/** "1 tool", "3 tools". */
export function count(n: number, singular: string, plural: string = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * "a", "a and b", "a, b and c" (or with "or"). With `serial`, a comma before the last
 * item too, for items that hold commas themselves.
 */
export function joinList(items: readonly string[], conjunction: 'and' | 'or' = 'and', serial = false): string {
  if (items.length <= 1) return items[0] ?? '';
  const comma = serial && items.length > 2 ? ',' : '';
  return `${items.slice(0, -1).join(', ')}${comma} ${conjunction} ${items[items.length - 1]}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 31st, 61st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}
