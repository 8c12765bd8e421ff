/**
 * Tool naming styles. A name is taken apart into words that remember their casing and
 * the separator that followed them, so that words can be swapped one for one and the
 * name put back together in exactly the style it had (`getRecipesByCategory`,
 * `prey.devices.location_history.get`, `SN-Add-Problem-Comment`).
 */
import { SPEC_TOOL_NAME_PATTERN } from '../schema/tool.ts';

export const NAMING_STYLES = [
  'snake_case',
  'camelCase',
  'kebab-case',
  'dotted',
  'PascalCase',
  'single word',
  'other',
] as const;
export type NamingStyle = (typeof NAMING_STYLES)[number];

export function namingStyleOf(name: string): NamingStyle {
  if (/^[a-z0-9]+$/.test(name)) return 'single word';
  if (/^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(name)) return 'snake_case';
  if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(name)) return 'kebab-case';
  if (/^[a-z][a-zA-Z0-9]*$/.test(name)) return 'camelCase';
  if (/^[A-Z][a-zA-Z0-9]*$/.test(name)) return 'PascalCase';
  if (name.includes('.')) return 'dotted';
  return 'other';
}

export type Casing = 'lower' | 'title' | 'upper';

export interface NamePart {
  /** Lower-case word, as the classifier's `splitName` would give it. */
  word: string;
  casing: Casing;
  /** The separator written after this word (`''` inside camelCase, or at the end). */
  after: string;
}

export interface NameShape {
  /** Separator characters before the first word (`_private`). */
  lead: string;
  parts: NamePart[];
}

// The same boundaries as the classifier's splitName, so word indices agree with it.
const LOWER_OR_DIGIT_THEN_UPPER = /([\p{Ll}\p{N}])(\p{Lu})/gu;
const ACRONYM_THEN_WORD = /(\p{Lu})(\p{Lu}\p{Ll})/gu;
const SEPARATOR_RUN = /([^\p{L}\p{N}]+)/u;

function casingOf(piece: string): Casing {
  // A lone capital (`A` of `getAPage`) reads as a capitalised word, not an acronym.
  if (/\p{Lu}/u.test(piece) && !/\p{Ll}/u.test(piece)) return piece.length > 1 ? 'upper' : 'title';
  return /^\p{Lu}/u.test(piece) ? 'title' : 'lower';
}

export function shapeOf(name: string): NameShape {
  const chunks = name.split(SEPARATOR_RUN);
  let lead = '';
  const parts: NamePart[] = [];
  for (let i = 0; i < chunks.length; i += 2) {
    const chunk = chunks[i]!;
    const separator = chunks[i + 1] ?? '';
    if (chunk === '') {
      if (parts.length === 0) lead += separator;
      else parts[parts.length - 1]!.after += separator;
      continue;
    }
    const pieces = chunk.replace(ACRONYM_THEN_WORD, '$1 $2').replace(LOWER_OR_DIGIT_THEN_UPPER, '$1 $2').split(' ');
    pieces.forEach((piece, index) => {
      parts.push({
        word: piece.toLowerCase(),
        casing: casingOf(piece),
        after: index === pieces.length - 1 ? separator : '',
      });
    });
  }
  return { lead, parts };
}

export function cased(word: string, casing: Casing): string {
  if (casing === 'upper') return word.toUpperCase();
  if (casing === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Separators outside the MCP alphabet (spaces, slashes) become `_`. */
function specSeparator(separator: string): string {
  return separator.replace(/[^_.-]+/g, '_');
}

/**
 * The name for `shape`, within the MCP name rule (1-128 of `[A-Za-z0-9_.-]`), or
 * undefined when the words cannot make one (letters outside ASCII, too long).
 */
export function renderName(shape: NameShape): string | undefined {
  let name = specSeparator(shape.lead);
  for (const part of shape.parts) name += cased(part.word, part.casing) + specSeparator(part.after);
  return SPEC_TOOL_NAME_PATTERN.test(name) ? name : undefined;
}
