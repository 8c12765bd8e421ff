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
  /** The HTTP method the name encodes when it is one that may change state (`API-post-search`). */
  unsafeMethod: UnsafeMethod | undefined;
}

export type UnsafeMethod = 'post' | 'put' | 'patch' | 'delete';

/**
 * HTTP methods that are not "safe" in HTTP's own terms (RFC 9110, 9.2.1): a client that
 * sends them asks for, or at least allows, a change of state on the server.
 */
const UNSAFE_METHODS: ReadonlySet<string> = new Set<UnsafeMethod>(['post', 'put', 'patch', 'delete']);
/** Words that, just before a method, say the name is an HTTP call (`API-post-search`, `http_put_object`). */
const HTTP_CONTEXT: ReadonlySet<string> = new Set(['api', 'http', 'https', 'rest', 'request', 'req', 'endpoint']);
/** A method written in capitals, as HTTP writes it (`POST_search`, `api_PUT_item`), in a name that is not all capitals. */
const CAPITAL_METHOD = /(?:^|[^A-Z])(POST|PUT|PATCH|DELETE)(?![A-Z])/;

/** How far into a name the method is looked for: past a prefix or two (`api_v3_patch_x`). */
const METHOD_WITHIN = 4;

interface MethodHit {
  method: UnsafeMethod;
  index: number;
  /** The operation after the method reads (`post-search`): it says nothing about money. */
  reads: boolean;
}

/**
 * The unsafe HTTP method a name encodes: generated OpenAPI tools are named after their
 * method and path (`API-post-search`, `rest_put_settings`). The method word must come
 * first, after prefixes only, and either follow an HTTP word, be followed by a verb that
 * reads (`post-search`: the method, then the operation; `post_update` is a plain verb and
 * a noun), or be written in capitals.
 */
function unsafeMethodOf(name: string, words: readonly string[], skip: WordSet): MethodHit | undefined {
  const within = Math.min(words.length - 1, METHOD_WITHIN);
  for (let index = 0; index < within; index += 1) {
    const word = words[index]!;
    if (UNSAFE_METHODS.has(word)) {
      const before = index > 0 ? words[index - 1]! : undefined;
      const nextVerb = verbOf(words[index + 1]!, false);
      const reads = nextVerb !== undefined && !nextVerb.ambiguous && nextVerb.category === 'Read';
      const encoded =
        (before !== undefined && HTTP_CONTEXT.has(before)) ||
        reads ||
        (name !== name.toUpperCase() && CAPITAL_METHOD.exec(name)?.[1]?.toLowerCase() === word);
      return encoded ? { method: word as UnsafeMethod, index, reads } : undefined;
    }
    if (!skip.has(word) && !HTTP_CONTEXT.has(word)) return undefined;
  }
  return undefined;
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
  const method = unsafeMethodOf(name, words, skip);
  let leading: VerbHit | undefined = method
    ? {
        base: method.method,
        category: method.method === 'delete' ? 'Destructive' : 'Write',
        strength: 1,
        label: method.method,
        index: method.index,
        ambiguous: false,
      }
    : leadingVerb(words, { skip, within: 6, prefixFallback: false });
  // `order_status`, `process_list`: an ambiguous word just before a closing data noun is a
  // noun too (`select_kube_context` keeps its verb).
  if (leading?.ambiguous && leading.index === words.length - 2 && READ_NOUNS.has(words.at(-1)!)) leading = undefined;

  if (method) {
    // The method is what the endpoint's own author declared; it says all a verb would.
    evidence.add('name', leading!.category, `http-method:${method.method}`, WEIGHT.leadingVerb, quote);
  } else if (leading) {
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
  // `API-post-query-invoices` queries invoices, over a POST: the method is no money verb.
  if (moneyNoun && leading && leading.category !== 'Read' && leading.category !== 'Financial' && !method?.reads) {
    evidence.add(
      'name',
      'Financial',
      `name-noun:${moneyNoun}`,
      strong ? WEIGHT.moneyNounStrong : WEIGHT.moneyNounWeak,
      quote,
    );
  }
  return { words, leading, moneyNoun, unsafeMethod: method?.method };
}

/** The title's leading verb (`Delete Branch`), a lighter echo of the name. */
export function titleSignals(title: string, evidence: Evidence): void {
  const words = splitName(title);
  const hit = leadingVerb(words, { skip: NAMESPACE_PREFIXES, inflected: true, within: 5 });
  if (hit) evidence.add('title', hit.category, `title-verb:${hit.label}`, WEIGHT.titleVerb * hit.strength, quoteStart(title));
}
