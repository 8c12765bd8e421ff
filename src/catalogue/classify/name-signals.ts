/**
 * Evidence from a tool's name and title. The leading verb weighs most; prefixes that name
 * a vendor, a namespace or the server itself are passed over (`aws_s3_delete_object`,
 * `github_create_issue`); money nouns turn a change into a financial one
 * (`create_refund`); names without a verb fall back on compound words (`tfdestroy`) and
 * on nouns that name data (`db-stats`).
 */
import { splitName } from './split-name.ts';
import { leadingVerb, type VerbHit } from './verbs.ts';
import {
  MONEY_NOUNS_STRONG,
  MONEY_NOUNS_WEAK,
  NAMESPACE_PREFIXES,
  READ_NOUNS,
  STOP_WORDS,
  verbOf,
  type ActionCategory,
} from './vocabulary.ts';
import type { Evidence } from './evidence.ts';
import { quoteStart } from './text.ts';

export const WEIGHT = {
  leadingVerb: 4,
  compoundVerb: 3,
  otherRiskyVerb: 1.5,
  readNoun: 2,
  moneyNounStrong: 3.5,
  moneyNounWeak: 2,
  titleVerb: 2,
} as const;

export interface NameFacts {
  words: string[];
  leading: VerbHit | undefined;
  /** A money noun in the name (`refund`, `payment`, `order`), if any. */
  moneyNoun: string | undefined;
}

const RISKY: ReadonlySet<ActionCategory> = new Set(['Execute', 'Destructive', 'Financial']);
/** A verb hidden at the end of one word must be this long: `book` in `notebook` is no verb. */
const MIN_COMPOUND_VERB = 5;

export interface ServerRef {
  id?: unknown;
  name?: unknown;
}

interface WordSet {
  has(word: string): boolean;
}

const NO_SERVER: WordSet = NAMESPACE_PREFIXES;
/** One prefix set per server object: a server's tools are classified with the same one. */
const serverPrefixes = new WeakMap<object, WordSet>();

function prefixSet(server: ServerRef | undefined): WordSet {
  if (!server || typeof server !== 'object') return NO_SERVER;
  let prefixes = serverPrefixes.get(server);
  if (!prefixes) {
    const own = new Set([...splitName(server.id), ...splitName(server.name)]);
    prefixes = { has: (word) => NAMESPACE_PREFIXES.has(word) || own.has(word) };
    serverPrefixes.set(server, prefixes);
  }
  return prefixes;
}

/**
 * `tfdestroy`, `stackrollback`, `awsinspect`: a known verb closing one word. Only the end
 * is tried: English words start with verb-like parts far too often (`alternatives`).
 */
function compoundVerb(word: string, index: number): VerbHit | undefined {
  if (READ_NOUNS.has(word)) return undefined;
  for (let cut = 2; cut <= word.length - MIN_COMPOUND_VERB; cut += 1) {
    const tail = word.slice(cut);
    // Base forms, and -ing forms (`sequentialthinking`); an -s form would be a plural noun.
    const verb = verbOf(tail, false) ?? (tail.endsWith('ing') ? verbOf(tail, true) : undefined);
    if (verb && !verb.ambiguous) {
      return { base: verb.base, category: verb.category, strength: verb.strength, label: verb.base, index, ambiguous: false };
    }
  }
  return undefined;
}

/** A noun naming data, as a whole word or at the end of a compound (`tflogs`). */
function readNoun(words: readonly string[]): string | undefined {
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const word = words[i]!;
    if (READ_NOUNS.has(word)) return word;
    for (let cut = 2; cut <= word.length - 3; cut += 1) {
      if (READ_NOUNS.has(word.slice(cut))) return word.slice(cut);
    }
  }
  return undefined;
}

export function nameSignals(name: string, server: ServerRef | undefined, evidence: Evidence): NameFacts {
  const words = splitName(name);
  const quote = quoteStart(name);
  const skip = prefixSet(server);
  let leading = leadingVerb(words, { skip, within: 6, prefixFallback: false });
  // `order_status`, `process_list`: an ambiguous word just before a closing data noun is a
  // noun too (`select_kube_context` keeps its verb).
  if (leading?.ambiguous && leading.index === words.length - 2 && READ_NOUNS.has(words.at(-1)!)) leading = undefined;

  if (leading) {
    evidence.add('name', leading.category, `leading-verb:${leading.label}`, WEIGHT.leadingVerb * leading.strength, quote);
  } else {
    const content = words.filter((word) => !STOP_WORDS.has(word) && !skip.has(word));
    const candidates = content.length > 0 ? content : words;
    let compound: VerbHit | undefined;
    for (let i = 0; i < Math.min(2, candidates.length) && !compound; i += 1) {
      compound = compoundVerb(candidates[i]!, i);
    }
    const noun = readNoun(words);
    // The last word heads an English compound: `changelog_analysis` is an analysis.
    const headNoun = noun !== undefined && READ_NOUNS.has(words.at(-1)!);
    if (compound && !headNoun && !(noun && compound.category === 'Read')) {
      evidence.add('name', compound.category, `name-compound:${compound.label}`, WEIGHT.compoundVerb * compound.strength, quote);
      leading = compound;
    } else if (noun) {
      evidence.add('name', 'Read', `name-noun:${noun}`, WEIGHT.readNoun, quote);
    } else if (compound) {
      evidence.add('name', compound.category, `name-compound:${compound.label}`, WEIGHT.compoundVerb * compound.strength, quote);
      leading = compound;
    } else {
      // Only a prefix looked like a verb (`pay` on the Pay server): it is the verb after all.
      leading = leadingVerb(words, { within: 6 });
      if (leading) {
        evidence.add('name', leading.category, `leading-verb:${leading.label}`, WEIGHT.leadingVerb * leading.strength, quote);
      }
    }
  }

  // Other risky verbs in the name (`get_or_delete`, `build_and_deploy`) still count.
  if (words.length > 1) {
    for (let i = 0; i < words.length; i += 1) {
      if (leading && i === leading.index) continue;
      const verb = verbOf(words[i]!, false);
      if (!verb || verb.ambiguous || !RISKY.has(verb.category) || verb.category === leading?.category) continue;
      if (verb.base === 'drop' || (verb.base === 'run' && words[i - 1] === 'dry')) continue;
      evidence.add('name', verb.category, `name-verb:${verb.base}`, WEIGHT.otherRiskyVerb * verb.strength, quote);
    }
  }

  let moneyNoun: string | undefined;
  let strong = false;
  for (let i = 0; i < words.length; i += 1) {
    // The verb itself is no object: `transfer_playback`, `git_checkout`.
    if (i === leading?.index) continue;
    const word = words[i]!;
    if (MONEY_NOUNS_STRONG.has(word)) {
      moneyNoun = word;
      strong = true;
      break;
    }
    if (!moneyNoun && MONEY_NOUNS_WEAK.has(word)) moneyNoun = word;
  }
  if (moneyNoun && leading && leading.category !== 'Read' && leading.category !== 'Financial') {
    evidence.add(
      'name',
      'Financial',
      `name-noun:${moneyNoun}`,
      strong ? WEIGHT.moneyNounStrong : WEIGHT.moneyNounWeak,
      quote,
    );
  }
  return { words, leading, moneyNoun };
}

/** The title's leading verb (`Delete Branch`), a lighter echo of the name. */
export function titleSignals(title: string, evidence: Evidence): void {
  const words = splitName(title);
  const hit = leadingVerb(words, { skip: NAMESPACE_PREFIXES, inflected: true, within: 5 });
  if (hit) evidence.add('title', hit.category, `title-verb:${hit.label}`, WEIGHT.titleVerb * hit.strength, quoteStart(title));
}
