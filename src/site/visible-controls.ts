/**
 * Control characters in quoted third-party text, made visible: NUL, ESC and the other C0
 * and C1 controls (tab, line feed and carriage return aside), DEL, and the line and
 * paragraph separators would otherwise vanish, or break lines where nothing shows why.
 * Bidi and zero-width characters stay as they are: the quotation isolates them, and the
 * poisoning warning names them.
 */
import { controlCharacters } from '../catalogue/poisoning/find-suspicious-text.ts';

export type TextPart = { text: string } | { control: string };

/** The text in runs, each control character as its own part named `U+XXXX`. */
export function withVisibleControls(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(controlCharacters())) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ control: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
    last = match.index + 1;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
