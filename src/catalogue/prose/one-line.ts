/**
 * A description's first sentence, as one plain line: what a reader sees before deciding
 * to read on, and what the tool page's first screen and its meta description show.
 * Descriptions are third-party text, so markup is not interpreted here, only flattened.
 */

/** Marks of Markdown and HTML that would read as noise once flattened to a line. */
const MARKUP = /<[^>]{0,200}>|\*\*|`+|^\s{0,3}(?:#{1,6}|>|[-*]|\d{1,3}\.)\s+|\[([^\]]{0,200})\]\([^)]{0,500}\)/gm;
/** Control and format characters (bidi overrides, zero-width) never belong in a line; line breaks are kept apart. */
const INVISIBLE = /(?:(?!\n)[\p{Cc}\p{Cf}])+/gu;

export function plainLine(text: string): string {
  return text
    .replace(INVISIBLE, ' ')
    .replace(MARKUP, (match, linkText: string | undefined) => linkText ?? (match.startsWith('<') ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts at a word boundary and marks the cut; a single overlong word is cut where it must be. */
export function shortenAtWord(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  const head = points.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * The first sentence (ending at `.`, `!` or `?` followed by a space, or at a line break),
 * flattened and shortened to `max` characters; empty when the text says nothing.
 */
export function firstSentence(text: string | undefined, max = 160): string {
  if (!text) return '';
  const firstParagraph = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, ' ').trim().split(/\n\s*\n|\n(?=\s*(?:[-*#]|\d{1,3}\.)\s)/)[0] ?? '';
  const line = plainLine(firstParagraph);
  const end = /[.!?](?=\s+[A-Z0-9"'(\[]|$)/.exec(line);
  return shortenAtWord(end ? line.slice(0, end.index + 1) : line, max);
}
