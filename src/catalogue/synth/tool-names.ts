/**
 * Synthetic tool names. Each comes from a real tool name whose words have roles: the
 * vendor prefix (`databricks_` in `databricks_update_run`), the leading verb, the objects
 * it acts on, and words that only qualify (`by`, `bulk`, `v2`). The verb stays, so the
 * action (and the category a classifier reads from it) follows the real tool; the vendor
 * becomes the synthetic server's; objects are swapped for other real object words, mostly
 * the model server's own or ones that followed the same verb in real names. Word count,
 * casing and separators are kept, so the naming-style mix is the real one.
 */
import { splitName } from '../classify/split-name.ts';
import { leadingVerb } from '../classify/verbs.ts';
import { MODIFIER_WORDS, NAMESPACE_PREFIXES, STOP_WORDS } from '../classify/vocabulary.ts';
import { slugify } from '../slug.ts';
import { SPEC_TOOL_NAME_PATTERN } from '../schema/tool.ts';
import { renderName, shapeOf, type Casing, type NamePart, type NameShape } from './naming-style.ts';
import type { Random } from './prng.ts';
import { GENERIC_SERVER_WORDS, QUALIFIERS, type Vocabulary } from './vocabulary.ts';

export type Role = 'vendor' | 'verb' | 'object' | 'keep';

export interface NameTemplate {
  shape: NameShape;
  roles: readonly Role[];
  /** The leading verb, when the name has one. */
  verb: string | undefined;
}

/** Chance that one object word is swapped; the rest of the time the real word stays. */
const SWAP_OBJECT = 0.5;
/**
 * Where a swapped object comes from: the model server's own objects (a clone of a git
 * server swaps `branch` for `commit`), objects that followed the same verb anywhere
 * (`delete` -> task, project, webhook), else any object.
 */
const FROM_SERVER = 0.45;
const FROM_SAME_VERB = 0.35;

/**
 * The words a server's tool names may use to name the server itself: every word of its
 * id and name, and each run together (`sql-sentinel` -> `sqlsentinel_get_deadlocks`).
 */
export function serverWordsOf(id: string, name: string): ReadonlySet<string> {
  const idWords = id.split('-');
  const nameWords = splitName(name);
  return new Set([...idWords, ...nameWords, idWords.join(''), nameWords.join('')]);
}

export function nameTemplate(name: string, serverWords: ReadonlySet<string>): NameTemplate {
  const shape = shapeOf(name);
  const words = shape.parts.map((part) => part.word);
  const skip = { has: (word: string) => serverWords.has(word) || NAMESPACE_PREFIXES.has(word) };
  const verbIndex = leadingVerb(words, { skip })?.index ?? -1;
  const roles = words.map((word, index): Role => {
    if (index === verbIndex) return 'verb';
    const leading = verbIndex === -1 ? index === 0 && words.length > 1 : index < verbIndex;
    if (serverWords.has(word) && !GENERIC_SERVER_WORDS.has(word)) {
      // After the verb the server's own word is a product the tool works on
      // (`get_netbird_policy`): it stays, and never moves into another server's names.
      return leading ? 'vendor' : 'keep';
    }
    if (STOP_WORDS.has(word) || MODIFIER_WORDS.has(word) || NAMESPACE_PREFIXES.has(word)) return 'keep';
    // Versions, codes and short product prefixes (`s3`, `erc8128`, `zms`) name one thing:
    // they are not nouns to swap.
    if (/\d/.test(word) || word.length <= 3) return 'keep';
    // Without a verb the name is a noun phrase (`crypto_fear_greed`): only its head moves.
    if (verbIndex === -1) return index === words.length - 1 && words.length > 1 ? 'object' : 'keep';
    return 'object';
  });
  return { shape, roles, verb: verbIndex === -1 ? undefined : words[verbIndex] };
}

export interface ComposeContext {
  rng: Random;
  vocabulary: Vocabulary;
  /** The synthetic server's vendor word, which replaces the real vendor prefix. */
  vendor: string;
  /** Object words of the model server's tool names, with repeats. */
  serverObjects: readonly string[];
}

export interface ComposeOptions {
  /** Keep every object word, so well-known names (`read_file`, `search`) recur across servers. */
  keepObjects: boolean;
  /** Append a qualifier (`_details`, `ByName`). */
  qualifier: boolean;
}

export interface ComposedName {
  name: string;
  /** Real word -> synthetic word, to carry the renaming into the description and title. */
  substitutions: Map<string, string>;
}

function objectFor(verb: string | undefined, context: ComposeContext): string {
  const roll = context.rng.float();
  if (roll < FROM_SERVER && context.serverObjects.length >= 3) return context.rng.pick(context.serverObjects);
  const related = verb === undefined ? undefined : context.vocabulary.objectsByVerb.get(verb);
  if (roll < FROM_SERVER + FROM_SAME_VERB && related && related.length >= 3) return context.rng.pick(related);
  return context.rng.pick(context.vocabulary.objects);
}

/** A new name in the template's style, or undefined when it breaks the MCP name rule. */
export function composeToolName(
  template: NameTemplate,
  context: ComposeContext,
  options: ComposeOptions,
): ComposedName | undefined {
  const allUpper = template.shape.parts.every((part) => part.casing === 'upper');
  // An acronym slot (`getUIComponents`) holding another word reads as a capitalised word.
  const casingFor = (casing: Casing): Casing => (casing === 'upper' && !allUpper ? 'title' : casing);
  const substitutions = new Map<string, string>();
  const parts: NamePart[] = [];
  let vendorWritten = false;
  template.shape.parts.forEach((part, index) => {
    const role = template.roles[index];
    if (role === 'vendor') {
      // A two-word real prefix (`kospi_kosdaq_`) becomes the one vendor word.
      if (vendorWritten) return;
      vendorWritten = true;
      parts.push({ ...part, word: context.vendor, casing: casingFor(part.casing) });
      if (part.word !== context.vendor) substitutions.set(part.word, context.vendor);
      return;
    }
    const swap = role === 'object' && !options.keepObjects && context.vocabulary.objects.length > 0;
    if (swap && context.rng.chance(SWAP_OBJECT)) {
      let word = objectFor(template.verb, context);
      // `format_object_object`: a word twice in one name reads as a bug.
      for (let retry = 0; retry < 3 && template.shape.parts.some((other) => other.word === word); retry += 1) {
        word = objectFor(template.verb, context);
      }
      parts.push({ ...part, word, casing: casingFor(part.casing) });
      if (word !== part.word) substitutions.set(part.word, word);
      return;
    }
    parts.push(part);
  });
  if (options.qualifier && parts.length > 1) {
    const last = parts[parts.length - 1]!;
    const joiner = parts[parts.length - 2]!.after;
    const casing: Casing = allUpper ? 'upper' : joiner === '' ? 'title' : casingFor(last.casing);
    const words = context.rng.pick(QUALIFIERS);
    parts[parts.length - 1] = { ...last, after: joiner };
    words.forEach((word, index) => {
      parts.push({ word, casing, after: index === words.length - 1 ? last.after : joiner });
    });
  }
  const name = renderName({ lead: template.shape.lead, parts });
  return name === undefined ? undefined : { name, substitutions };
}

function pluralOf(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/**
 * `text` with each renamed word (and its plural) replaced, keeping its capitalisation,
 * so a description still talks about what the name says the tool acts on.
 */
export function substituteWords(text: string, substitutions: ReadonlyMap<string, string>): string {
  const words = [...substitutions.keys()].filter((word) => word.length >= 3 && /^[a-z0-9]+$/.test(word));
  if (words.length === 0 || text === '') return text;
  const pattern = new RegExp(`\\b(${words.join('|')})(s|es)?\\b`, 'gi');
  return text.replace(pattern, (match: string, word: string, plural: string | undefined) => {
    const replacement = substitutions.get(word.toLowerCase())!;
    const out = plural ? pluralOf(replacement) : replacement;
    if (match.length > 1 && match === match.toUpperCase() && /[A-Z]/.test(match)) return out.toUpperCase();
    if (/^[A-Z]/.test(match)) return out.charAt(0).toUpperCase() + out.slice(1);
    return out;
  });
}

/**
 * Other spellings of `name` with the same URL slug, likeliest first: another separator
 * (`get_item` / `get-item`), else another case (`getItem` / `GetItem`), as servers that
 * keep an old alias beside a renamed tool have.
 */
export function slugTwins(name: string): string[] {
  const candidates = [
    name.replaceAll('_', '-'),
    name.replaceAll('-', '_'),
    name.replaceAll('.', '_'),
    name.charAt(0).toUpperCase() + name.slice(1),
    name.charAt(0).toLowerCase() + name.slice(1),
  ];
  const slug = slugify(name);
  return [...new Set(candidates)].filter(
    (candidate) => candidate !== name && SPEC_TOOL_NAME_PATTERN.test(candidate) && slugify(candidate) === slug,
  );
}
