/**
 * Evidence from a tool's name and title. The leading verb weighs most; prefixes that name
 * a vendor, a namespace or the server itself are passed over (`aws_s3_delete_object`,
 * `github_create_issue`); money nouns turn a change into a financial one
 * (`create_refund`); names without a verb fall back on compound words (`tfdestroy`) and
 * on nouns that name data (`db-stats`).
 */
import { splitName } from './split-name.ts';
import { leadingVerb, refine, type VerbHit } from './verbs.ts';
import {
  MONEY_NOUNS_STRONG,
  MONEY_NOUNS_WEAK,
  MANAGING_NOUNS,
  MODIFIER_WORDS,
  NAMESPACE_PREFIXES,
  READ_NOUNS,
  STOP_WORDS,
  riskierVerb,
  verbOf,
  type ActionCategory,
  type Verb,
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
  /**
   * The leading verb stands just before a closing noun that names data (`deploy_status`,
   * `build_logs`): it is the action ("delete the logs") or a modifier ("the build logs").
   */
  verbBeforeDataNoun: boolean;
  /** No word follows the name's verb but prefix and stop words (`add`, `tally_multiply`): its object is left unsaid. */
  bareVerb: boolean;
  /**
   * The label of the signal the name's verb was recorded as (`leading-verb:delete`,
   * `name-agent:scheduler`, `name-compound:destroy`), which a description may still show
   * only qualifies a noun. None for an HTTP method, a comparison or a conversion: the name
   * states those outright.
   */
  leadingSignal: string | undefined;
  /**
   * The plural noun a name without a verb closes with (`ledger_accounts`, `courses`): what
   * the tool hands back, when nothing else in its definition says what it does.
   */
  collection: string | undefined;
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
  /** The names of all the server's tools, when known. */
  toolNames?: readonly unknown[];
}

interface WordSet {
  has(word: string): boolean;
}

/** How a server names its tools, read once from all its names. */
interface NamingStyle {
  /** Words to pass over: namespaces, the server's own name, a prefix its names share. */
  prefixes: WordSet;
  /** The server puts the verb last (`<service>_<resource>_<verb>`). */
  verbLast: boolean;
}

const NO_SERVER: NamingStyle = { prefixes: NAMESPACE_PREFIXES, verbLast: false };
/** One naming style per server object: a server's tools are classified with the same one. */
const namingStyles = new WeakMap<object, NamingStyle>();

/** A word this share of a server's names open with is the server's prefix ... */
const SHARED_PREFIX_SHARE = 0.6;
/** ... when the server has at least this many tools. */
const SHARED_PREFIX_MIN_TOOLS = 3;

function unambiguousVerb(word: string | undefined): boolean {
  const verb = word === undefined ? undefined : verbOf(word, false);
  return verb !== undefined && !verb.ambiguous;
}

/**
 * The words most of a server's tool names open with (`respira_`, `web_data_`): a prefix
 * that names the service, read past like the server's own name. A verb most names open
 * with (`get_users`, `get_items`) is the naming style, not a prefix: it is one only when
 * most of the names that share it have another verb after it (`record_create`).
 */
export function sharedPrefixes(names: readonly string[]): string[] {
  if (names.length < SHARED_PREFIX_MIN_TOOLS) return [];
  const split = names.map((name) => splitName(name)).filter((words) => words.length >= 2);
  const prefixes: string[] = [];
  let sharing = split;
  for (let position = 0; position < 2; position += 1) {
    const counts = new Map<string, number>();
    for (const words of sharing) if (words.length > position + 1) counts.set(words[position]!, (counts.get(words[position]!) ?? 0) + 1);
    let top: string | undefined;
    let count = 0;
    for (const [word, n] of counts) if (n > count || (n === count && top !== undefined && word < top)) [top, count] = [word, n];
    if (top === undefined || count < SHARED_PREFIX_SHARE * (position === 0 ? names.length : sharing.length) || count < SHARED_PREFIX_MIN_TOOLS) break;
    const withIt = sharing.filter((words) => words[position] === top);
    if (verbOf(top, false) !== undefined) {
      const verbAfter = withIt.filter((words) => words.slice(position + 1).some((word) => unambiguousVerb(word))).length;
      if (verbAfter < withIt.length / 2) break;
    }
    prefixes.push(top);
    sharing = withIt;
  }
  return prefixes;
}

/** The share of a server's names that must end with a verb for the verb to be read last. */
const VERB_LAST_SHARE = 0.3;

/** Whether a server's names put the verb last: more end with an unambiguous verb than open with one. */
function putsVerbLast(names: readonly string[], prefixes: WordSet): boolean {
  let last = 0;
  let first = 0;
  let counted = 0;
  for (const name of names) {
    const words = splitName(name).filter((word) => !prefixes.has(word) && !STOP_WORDS.has(word));
    if (words.length < 2) continue;
    counted += 1;
    if (unambiguousVerb(words[0])) first += 1;
    else if (unambiguousVerb(words.at(-1))) last += 1;
  }
  // A style, not a few names that happen to end in a verb-like noun (`app_store`).
  return last >= Math.max(2, VERB_LAST_SHARE * counted) && last > first;
}

function namingStyle(server: ServerRef | undefined): NamingStyle {
  if (!server || typeof server !== 'object') return NO_SERVER;
  let style = namingStyles.get(server);
  if (!style) {
    const names = Array.isArray(server.toolNames) ? server.toolNames.filter((name): name is string => typeof name === 'string') : [];
    const own = new Set([...splitName(server.id), ...splitName(server.name), ...sharedPrefixes(names)]);
    const prefixes: WordSet = { has: (word) => NAMESPACE_PREFIXES.has(word) || own.has(word) };
    style = { prefixes, verbLast: putsVerbLast(names, prefixes) };
    namingStyles.set(server, style);
  }
  return style;
}

/** Heads that make English words of verbs rather than compounds of a product and a verb. */
const LATIN_PREFIXES: ReadonlySet<string> = new Set(['ac', 'ad', 'ex', 'dis', 'con', 'com', 'ob', 'per', 'sub', 'in', 'im']);

/** A verb found at `index` of a name, read as itself (no object refines it). */
function hitOf(verb: Verb, index: number, label = verb.base): VerbHit {
  return { base: verb.base, category: verb.category, strength: verb.strength, label, index, ambiguous: false };
}

/**
 * `tfdestroy`, `stackrollback`, `awsinspect`: a known verb closing one word. Only the end
 * is tried: English words start with verb-like parts far too often (`alternatives`).
 */
function compoundVerb(word: string, index: number): VerbHit | undefined {
  if (READ_NOUNS.has(word)) return undefined;
  for (let cut = 2; cut <= word.length - MIN_COMPOUND_VERB; cut += 1) {
    // `account`, `exchange`, `discount`: a Latin prefix and a verb make one English word.
    if (LATIN_PREFIXES.has(word.slice(0, cut))) continue;
    const tail = word.slice(cut);
    // Base forms, and -ing forms (`sequentialthinking`); an -s form would be a plural noun.
    const verb = verbOf(tail, false) ?? (tail.endsWith('ing') ? verbOf(tail, true) : undefined);
    if (verb && !verb.ambiguous) return hitOf(verb, index);
  }
  return undefined;
}

/** The shortest agent noun read as one: `user`, `buyer`, `timer` name people and things. */
const MIN_AGENT_NOUN = 6;

/** Nouns shaped like doers that name objects: a computer is no tool that computes. */
const THING_NOUNS: ReadonlySet<string> = new Set(['computer', 'poster', 'banner', 'marker', 'locker', 'sticker', 'printer']);

/**
 * `uuid_generator`, `web_crawler`, `bmi_calculator`, `docker_image_builder`: a name headed
 * by the noun of what does a verb's work names that work, done to the word just before it
 * (the head of what comes first: `file_name_generator` makes a name, not a file). The
 * noun's possible verbs are tried: `scraper` from scrape, `crawler` from crawl, `generator`
 * from generate, `planner` from plan.
 */
function agentNounVerb(words: readonly string[], index: number): VerbHit | undefined {
  const word = words[index]!;
  if (word.length < MIN_AGENT_NOUN || THING_NOUNS.has(word) || !/(?:er|or)$/.test(word)) return undefined;
  // `description_for_product_manager`: after a preposition the noun is whom the tool serves.
  if (words.slice(0, index).some((before) => PREPOSITIONS.has(before))) return undefined;
  const stem = word.slice(0, -2);
  for (const candidate of [word.slice(0, -1), stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')]) {
    const verb = verbOf(candidate, false);
    if (!verb) continue;
    // `walmart_seller`, `top_buyer`: people who trade, not tools that do.
    if (verb.category === 'Financial') return undefined;
    const refined = refine(verb, [candidate, ...words.slice(Math.max(0, index - 1), index)], 0);
    return { ...refined, index, label: word, ambiguous: false };
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

/**
 * `sell_vs_hold`, `rent_versus_buy`: the name weighs two options against each other, so
 * it compares, whatever verbs the options are.
 */
function comparison(words: readonly string[]): VerbHit | undefined {
  const index = words.findIndex((word, i) => (word === 'vs' || word === 'versus') && i > 0 && i < words.length - 1);
  if (index < 0) return undefined;
  return hitOf(verbOf('compare', false)!, index);
}

const CONVERTS = 'convert-to';
const PREPOSITIONS: ReadonlySet<string> = new Set(['from', 'to', 'by', 'for', 'with', 'in', 'on', 'of', 'into', 'onto', 'at']);

/**
 * `text_to_speech`, `doc_to_text`: with no verb of its own, a name from one thing to
 * another converts the first into the second.
 */
function conversion(words: readonly string[]): VerbHit | undefined {
  const index = words.indexOf('to');
  if (index < 1 || index >= words.length - 1) return undefined;
  return hitOf(verbOf('convert', false)!, index, CONVERTS);
}

/** Words that join a second action to the first (`search_and_replace`, `get_or_create`). */
const JOINING_WORDS = new Set(['and', 'or']);

/** What the milder of two joined actions weighs beside the riskier. */
const JOINED_MILDER_SHARE = 0.6;

/** A verb past the front of a name, where the server does not put its verbs, says less. */
const DEEP_VERB_SHARE = 0.5;

export function nameSignals(name: string, server: ServerRef | undefined, evidence: Evidence): NameFacts {
  const words = splitName(name);
  const quote = quoteStart(name);
  const style = namingStyle(server);
  const skip = style.prefixes;
  const method = unsafeMethodOf(name, words, skip);
  const compared = comparison(words);
  let leading: VerbHit | undefined = method
    ? {
        base: method.method,
        category: method.method === 'delete' ? 'Destructive' : 'Write',
        strength: 1,
        label: method.method,
        index: method.index,
        ambiguous: false,
      }
    : (compared ?? leadingVerb(words, { skip, within: 6, prefixFallback: false }) ?? conversion(words));
  // `order_status`, `place_details_tool`: an ambiguous word just before a closing data noun
  // (prefix words after it aside) is a noun too (`select_kube_context` keeps its verb).
  const closing = lastContentIndex(words, skip);
  if (leading?.ambiguous && leading.index === closing - 1 && READ_NOUNS.has(words[closing]!)) leading = undefined;
  // `git_log`, `tf_status`: a word that is as often a noun naming data, standing last after
  // prefixes only, names what the tool shows.
  if (leading?.ambiguous && leading.index === words.length - 1 && READ_NOUNS.has(leading.base)) leading = undefined;
  // `pay_request` on a server whose tools all start with `pay`: a word as often a noun,
  // closing the name after nothing but a prefix that is a verb itself, is that verb's
  // object, and the prefix is the verb after all.
  if (leading?.ambiguous && !method && leading.index === words.length - 1 && leading.index > 0 && words.slice(0, leading.index).every((word) => skip.has(word))) {
    const prefixVerb = leadingVerb(words.slice(0, leading.index), { within: 6 });
    if (prefixVerb && !prefixVerb.ambiguous) leading = prefixVerb;
  }

  // Verb position: on a server that puts verbs last, the last word is the verb; elsewhere
  // a verb found past the front of the name (`web_data_google_play_store`) says less.
  let share = 1;
  if (!method && words.length > 1) {
    const front = words.findIndex((word) => !STOP_WORDS.has(word) && !skip.has(word));
    const lastIndex = words.length - 1;
    // After a preposition the last word is an object, not the verb (`insight_create_from_query`).
    const object = PREPOSITIONS.has(words[lastIndex - 1] ?? '');
    if (style.verbLast && !object && lastIndex !== leading?.index && unambiguousVerb(words[lastIndex]) && lastIndex > front) {
      leading = refineAt(words, lastIndex);
    } else if (leading && front >= 0 && contentWordsBefore(words, leading.index, skip) >= 2 && !(style.verbLast && leading.index === lastIndex)) {
      // One product word may lead (`jira_create_issue`); two or more make the verb a noun.
      share = DEEP_VERB_SHARE;
    } else if (leading && !style.verbLast && leading.index === lastIndex && lastIndex >= 2 && nounBefore(words, lastIndex, skip)) {
      // `google_play_store`: after a noun, the word closing a compound of three words or
      // more is its head noun (`sam_local_invoke`, after a modifier, keeps its verb).
      // Namespace words in between are part of the compound (`apple_app_store`).
      share = DEEP_VERB_SHARE;
    }
  }

  let leadingSignal: string | undefined;
  let collection: string | undefined;
  if (method) {
    // The method is what the endpoint's own author declared; it says all a verb would.
    evidence.add('name', leading!.category, `http-method:${method.method}`, WEIGHT.leadingVerb, quote);
  } else if (compared) {
    evidence.add('name', compared.category, `name-compares:${words[compared.index]}`, WEIGHT.leadingVerb * compared.strength, quote);
  } else if (leading?.label === CONVERTS) {
    evidence.add('name', leading.category, `name-converts:${words[leading.index]}`, WEIGHT.leadingVerb * leading.strength, quote);
  } else if (leading) {
    leadingSignal = `leading-verb:${leading.label}`;
    evidence.add('name', leading.category, leadingSignal, WEIGHT.leadingVerb * leading.strength * share, quote);
  } else {
    const content = words.filter((word) => !STOP_WORDS.has(word) && !skip.has(word));
    const candidates = content.length > 0 ? content : words;
    let compound: VerbHit | undefined;
    for (let i = 0; i < Math.min(2, candidates.length) && !compound; i += 1) {
      compound = compoundVerb(candidates[i]!, i);
    }
    const noun = readNoun(words);
    const last = candidates.at(-1)!;
    // The last word heads an English compound: `changelog_analysis` is an analysis.
    const headNoun = noun !== undefined && READ_NOUNS.has(words.at(-1)!);
    const agent = headNoun ? undefined : agentNounVerb(words, words.lastIndexOf(last));
    if (candidates.length > 1 && MANAGING_NOUNS.has(last)) {
      // `state_management`, `user_admin`: a tool that manages the thing, whatever it may do to it.
      const manage = verbOf('manage', false)!;
      evidence.add('name', manage.category, `name-manages:${last}`, WEIGHT.compoundVerb * manage.strength, quote);
    } else if (agent) {
      leadingSignal = `name-agent:${agent.label}`;
      evidence.add('name', agent.category, leadingSignal, WEIGHT.compoundVerb * agent.strength, quote);
      leading = agent;
    } else if (compound && !headNoun && !(noun && compound.category === 'Read')) {
      leadingSignal = `name-compound:${compound.label}`;
      evidence.add('name', compound.category, leadingSignal, WEIGHT.compoundVerb * compound.strength, quote);
      leading = compound;
    } else if (noun) {
      evidence.add('name', 'Read', `name-noun:${noun}`, WEIGHT.readNoun, quote);
    } else if (compound) {
      leadingSignal = `name-compound:${compound.label}`;
      evidence.add('name', compound.category, leadingSignal, WEIGHT.compoundVerb * compound.strength, quote);
      leading = compound;
    } else {
      // Only a prefix looked like a verb (`pay` on the Pay server): it is the verb after all.
      leading = leadingVerb(words, { within: 6 });
      if (leading) {
        leadingSignal = `leading-verb:${leading.label}`;
        evidence.add('name', leading.category, leadingSignal, WEIGHT.leadingVerb * leading.strength, quote);
      } else if (lookedUpByKey(words)) {
        // `orders_by_customer`: things looked up by a key.
        evidence.add('name', 'Read', 'name-lookup:by', WEIGHT.readNoun, quote);
      } else if (namesCollection(last)) {
        collection = last;
      }
    }
  }

  // Other risky verbs in the name (`build_then_deploy`, `user_delete_flag`) still count. One
  // joined to the leading verb by "and" or "or" (`get_and_delete_message`, `find_or_replace`)
  // is a second action of the tool, and weighs as much as the first.
  let milderScaled = false;
  if (words.length > 1) {
    for (let i = 0; i < words.length; i += 1) {
      if (leading && i === leading.index) continue;
      const verb = verbOf(words[i]!, false);
      if (!verb || verb.ambiguous || verb.category === leading?.category) continue;
      if (verb.base === 'drop' || (verb.base === 'run' && words[i - 1] === 'dry')) continue;
      const joined = leading !== undefined && i > leading.index && JOINING_WORDS.has(words[i - 1]!) && riskierVerb(verb, leading);
      if (!joined && !RISKY.has(verb.category)) continue;
      const weight = (joined ? WEIGHT.leadingVerb * share : WEIGHT.otherRiskyVerb) * verb.strength;
      evidence.add('name', verb.category, `name-verb:${verb.base}`, weight, quote);
      // As in a description's list of actions, the milder one counts less than the riskier.
      if (joined && !milderScaled) {
        evidence.scale(`leading-verb:${leading!.label}`, leading!.category, JOINED_MILDER_SHARE);
        milderScaled = true;
      }
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
  const verbBeforeDataNoun = !method && leading !== undefined && leading.index === closing - 1 && READ_NOUNS.has(words[closing]!);
  const bareVerb = !method && leading !== undefined && words.every((word, i) => i <= leading!.index || STOP_WORDS.has(word) || skip.has(word));
  return { words, leading, moneyNoun, unsafeMethod: method?.method, verbBeforeDataNoun, bareVerb, leadingSignal, collection };
}

/**
 * The index of the last word once prefix words closing the name (`_tool`, `_api`) are set
 * aside; a data noun closes it even when the server's name has it (`index_data`).
 */
function lastContentIndex(words: readonly string[], skip: WordSet): number {
  let i = words.length - 1;
  while (i > 0 && skip.has(words[i]!) && !READ_NOUNS.has(words[i]!)) i -= 1;
  return i;
}

function contentWordsBefore(words: readonly string[], index: number, skip: WordSet): number {
  let count = 0;
  for (let i = 0; i < index; i += 1) if (!STOP_WORDS.has(words[i]!) && !MODIFIER_WORDS.has(words[i]!) && !skip.has(words[i]!)) count += 1;
  return count;
}

/** Whether the nearest word before `index` that is no prefix or stop word is a noun-like content word. */
function nounBefore(words: readonly string[], index: number, skip: WordSet): boolean {
  for (let i = index - 1; i >= 0; i -= 1) {
    const word = words[i]!;
    if (STOP_WORDS.has(word) || skip.has(word)) continue;
    return !MODIFIER_WORDS.has(word);
  }
  return false;
}

/**
 * A word shaped like a plural noun (`accounts`, `courses`): not a verb's third person
 * (`updates`, `backups`) nor a word in -ss, -us or -is (`access`, `status`, `analysis`).
 * Product names shaped so (`postgres`) pass too; the rule that uses it asks for more.
 */
function namesCollection(word: string): boolean {
  return /^[a-z]{3,}[^sui]s$/.test(word) && verbOf(word, true) === undefined;
}

/** `trades_by_ticker`, `users-by-email`: a "by" with words on both sides of it. */
function lookedUpByKey(words: readonly string[]): boolean {
  const by = words.indexOf('by');
  return by > 0 && by < words.length - 1;
}

/** The verb at `index`, refined by what follows it. */
function refineAt(words: readonly string[], index: number): VerbHit {
  return refine(verbOf(words[index]!, false)!, words, index);
}

/** The title's leading verb (`Delete Branch`), a lighter echo of the name. */
export function titleSignals(title: string, evidence: Evidence): void {
  const words = splitName(title);
  const hit = leadingVerb(words, { skip: NAMESPACE_PREFIXES, inflected: true, within: 5 });
  if (hit) evidence.add('title', hit.category, `title-verb:${hit.label}`, WEIGHT.titleVerb * hit.strength, quoteStart(title));
}
