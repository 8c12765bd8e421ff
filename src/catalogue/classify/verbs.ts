/**
 * Finding the verb that says what a tool does, in a list of words from its name, title or
 * first sentence, and refining it by its object: `run_query` reads, `run_script` executes,
 * `drop_table` destroys, `drop_file` (onto a page) writes, `create_build` executes.
 */
import {
  CAPTURE_OBJECTS,
  EXECUTION_OBJECTS,
  GENERATED_ARTIFACTS,
  GENERATED_CONTENT,
  GUIDANCE_OBJECTS,
  GUIDANCE_VERBS,
  ASKED_OBJECTS,
  ARITHMETIC_OBJECTS,
  ARITHMETIC_VERBS,
  BUILT_SOFTWARE,
  CHAT_OBJECTS,
  TRANSACTING_VERBS,
  TRANSACTION_OBJECTS,
  COMPUTING_VERBS,
  DELIVERED_OBJECTS,
  DELIVERING_VERBS,
  DOCUMENT_PARTS,
  RESOLVED_OBJECTS,
  RESTYLING_VERBS,
  VALUE_OBJECTS,
  MODIFIER_WORDS,
  OBJECT_FILLERS,
  PLACED_OBJECTS,
  BROWSED_STRUCTURES,
  ATTACKS,
  CHECKED_BY_TEST,
  CIPHERED_VALUES,
  CONVERTED_VALUES,
  CONVERTED_RECORDS,
  FORWARDED_OBJECTS,
  MINTED_VALUE,
  ISSUED_LINKS,
  MODEL_REPLIES,
  MODEL_REPLY_KINDS,
  PROVISIONED,
  EDITED_OUT,
  BACKGROUND_WORK,
  JOINED_DATA,
  CLAIMED_VALUE,
  SHOWN_ON_SCREEN,
  OPENED_POSITIONS,
  BLOCKED_OBJECTS,
  FUNDED_OBJECTS,
  POOLED_FUNDS,
  SNAPSHOTTED_STORES,
  OPENED_RECORDS,
  READ_OBJECTS,
  RUN_OBJECTS,
  STARTING_VERBS,
  STOP_WORDS,
  STORE_OBJECTS,
  riskierVerb,
  verbOf,
  verbWithParticle,
  type ActionCategory,
  type Verb,
} from './vocabulary.ts';

export interface VerbHit {
  /** The verb's base form. */
  base: string;
  category: ActionCategory;
  /** 0-1: how much the verb says by itself. */
  strength: number;
  /** `run-query` when the object changed the reading, else the base. */
  label: string;
  /** Index of the verb in the word list. */
  index: number;
  /** The word is as often a noun (`process`, `log`, `order`). */
  ambiguous: boolean;
}

const RUNNING_VERBS = new Set(['run', 'rerun', 'execute', 'exec', 'eval', 'invoke', 'perform', 'process', 'start']);
const EVALUATING_VERBS = new Set(['evaluate', 'eval', 'interpret', 'run', 'execute', 'exec']);
/** What `evaluate` runs when it is code: `evaluate_javascript`, "Evaluate JavaScript ...". */
const CODE_OBJECTS = new Set([
  'javascript', 'js', 'typescript', 'ts', 'python', 'code', 'script', 'scripts', 'snippet', 'command', 'commands',
  'shell', 'bash', 'powershell', 'lua', 'ruby',
]);
const CAPTURING_VERBS = new Set(['take', 'capture', 'grab']);
/** Verbs that, right before another verb, carry that action out. */
const ACTION_RUNNERS = new Set(['run', 'execute', 'exec']);
/** What a write run as given is: `execute_write_query`, "Execute write operation SQL statements". */
const STATEMENT_WORDS = new Set(['operation', 'operations', 'statement', 'statements', 'sql', 'query', 'queries']);
const MUTATIONS = new Set(['mutation', 'mutations']);

/**
 * The next few words after `index` that can be an object (no stop or modifier words); from
 * the first word when `index` is -1.
 */
export function objectWords(words: readonly string[], index: number, count = 2): string[] {
  const found: string[] = [];
  for (let i = index + 1; i < words.length && found.length < count; i += 1) {
    const word = words[i]!;
    if (STOP_WORDS.has(word) || MODIFIER_WORDS.has(word) || OBJECT_FILLERS.has(word)) continue;
    // "a read-only query": how the object may be used, not what it is.
    if (word === 'read' && words[i + 1] === 'only') {
      i += 1;
      continue;
    }
    found.push(word);
  }
  return found;
}

/** What a run may be said to be read-only of: `run_readonly_query`, `exec_read_only_statement`. */
const RUN_TARGETS = new Set(['query', 'queries', 'statement', 'statements', 'transaction', 'transactions', 'sql']);

/**
 * Whether the verb at `index` of a name runs something it calls read-only: the qualifier
 * right after the verb, and one of the things a run is of right after that.
 */
function qualifiedReadOnly(words: readonly string[], index: number): boolean {
  const next = words[index + 1];
  if (next === 'readonly') return RUN_TARGETS.has(words[index + 2] ?? '');
  return next === 'read' && words[index + 2] === 'only' && RUN_TARGETS.has(words[index + 3] ?? '');
}

/** Verbs that put funds into a pool or take them out. */
const POOL_VERBS = new Set(['add', 'remove', 'withdraw']);

/**
 * The first of the next few object words after `index` that `set` holds, when it heads the
 * object: nothing but a stop word follows it (`add_liquidity`, "Add liquidity to a pool",
 * where `add_liquidity_alert` adds an alert).
 */
function headObject(words: readonly string[], index: number, set: ReadonlySet<string>): string | undefined {
  for (let i = index + 1; i < Math.min(words.length, index + 1 + OBJECT_WINDOW); i += 1) {
    const word = words[i]!;
    if (!set.has(word)) continue;
    const next = words[i + 1];
    return next === undefined || STOP_WORDS.has(next) ? word : undefined;
  }
  return undefined;
}

/** What a snapshot at `index` keeps a copy of: a store heading its object, or a source tree. */
function snapshotted(words: readonly string[], index: number): string | undefined {
  const source = words.indexOf('source', index + 1);
  if (source > index && source <= index + OBJECT_WINDOW && (words[source + 1] === 'tree' || words[source + 1] === undefined)) return 'source';
  return headObject(words, index, SNAPSHOTTED_STORES);
}

/** The first of the first `limit` words that `set` holds. */
function hasAny(words: readonly string[], set: ReadonlySet<string>, limit = words.length): string | undefined {
  for (let i = 0; i < Math.min(limit, words.length); i += 1) if (set.has(words[i]!)) return words[i];
  return undefined;
}

/** The most object words any rule looks at after its verb. */
const OBJECT_WINDOW = 4;

/** How far after `load` an "into" may name where the load goes. */
const LOAD_TARGET_DISTANCE = 8;

/** Query languages whose statements may write. */
const STATEMENT_LANGUAGES = new Set(['sql', 'cypher', 'sparql']);

/**
 * The query language whose statements the verb at `index` runs (`run_sql_query`,
 * `execute_cypher`), if any: such a tool takes the statement from its caller even when no
 * schema shows the parameter.
 */
export function runsStatement(words: readonly string[], index: number): string | undefined {
  return runsStatementOn(words[index]!, objectWords(words, index, 2));
}

/** The same, for a description that opens by running something (`verb`) on `object`: "Run a SQL query". */
export function runsStatementOn(verb: string, object: readonly string[]): string | undefined {
  return RUNNING_VERBS.has(verb) ? hasAny(object, STATEMENT_LANGUAGES, 2) : undefined;
}

/**
 * A verb whose reading its object decides: the first rule whose verbs hold the verb and
 * whose objects appear within `window` words after it gives the category. Rules sharing a
 * verb are tried in this order.
 */
interface ObjectRule {
  verbs: ReadonlySet<string>;
  objects: ReadonlySet<string>;
  window: number;
  category: ActionCategory;
  strength: number;
}

const OBJECT_RULES: readonly ObjectRule[] = [
  // "Add two numbers" computes a sum; adding a record or a member stores it, and
  // multiplying a clip's volume edits the clip.
  { verbs: ARITHMETIC_VERBS, objects: ARITHMETIC_OBJECTS, window: 3, category: 'Read', strength: 0.8 },
  // Sending or signing a transaction moves value on a ledger.
  { verbs: TRANSACTING_VERBS, objects: TRANSACTION_OBJECTS, window: 3, category: 'Financial', strength: 0.9 },
  // Geometry, numbers, units: computed and handed back.
  { verbs: COMPUTING_VERBS, objects: VALUE_OBJECTS, window: 4, category: 'Read', strength: 0.8 },
  // Formatting or sorting a range of a sheet changes the sheet; formatting a value does not.
  { verbs: RESTYLING_VERBS, objects: DOCUMENT_PARTS, window: 3, category: 'Write', strength: 0.9 },
  // Resolving a name reads; resolving an issue closes it.
  { verbs: new Set(['resolve']), objects: RESOLVED_OBJECTS, window: 2, category: 'Write', strength: 0.9 },
  // Instructions, plans, diagrams handed back change nothing, whatever the verb.
  { verbs: GUIDANCE_VERBS, objects: GUIDANCE_OBJECTS, window: 3, category: 'Read', strength: 0.9 },
  // Testing a site for XSS or injection fires attack payloads at it; testing a connection
  // only looks.
  { verbs: new Set(['test']), objects: ATTACKS, window: 4, category: 'Execute', strength: 0.8 },
  { verbs: new Set(['test']), objects: CHECKED_BY_TEST, window: 3, category: 'Read', strength: 0.8 },
  // Joining tables or strings combines data and hands it back; joining a team or a channel
  // makes the caller a member.
  { verbs: new Set(['join']), objects: JOINED_DATA, window: 3, category: 'Read', strength: 0.8 },
  // Converting degrees, dates or units computes; converting a document may write a file.
  { verbs: new Set(['convert']), objects: CONVERTED_VALUES, window: 3, category: 'Read', strength: 0.8 },
  // Converting an issue into a subtask, or a column to another collation, changes a record
  // the service keeps.
  { verbs: new Set(['convert']), objects: CONVERTED_RECORDS, window: 2, category: 'Write', strength: 0.8 },
  // Encrypting a string hands it back; encrypting a wallet or a disk changes it.
  { verbs: new Set(['encrypt', 'decrypt']), objects: CIPHERED_VALUES, window: 2, category: 'Read', strength: 0.8 },
  // Minting coins or NFTs puts value on a ledger; minting a signed link hands one back, as
  // generating one does.
  { verbs: new Set(['mint']), objects: MINTED_VALUE, window: 3, category: 'Financial', strength: 0.9 },
  { verbs: new Set(['mint']), objects: ISSUED_LINKS, window: 3, category: 'Read', strength: 0.6 },
  // Launching an instance or a database provisions a resource; launching an app runs it.
  { verbs: new Set(['launch']), objects: PROVISIONED, window: 3, category: 'Write', strength: 0.9 },
  // Forwarding an email or a port passes it on; "forward geocoding" is a kind of lookup.
  { verbs: new Set(['forward']), objects: FORWARDED_OBJECTS, window: 3, category: 'Write', strength: 0.9 },
  // Claiming rewards or an airdrop moves value to the claimant; claiming a device or a
  // domain takes it over.
  { verbs: new Set(['claim']), objects: CLAIMED_VALUE, window: 3, category: 'Financial', strength: 0.9 },
  // Opening a tab, a URL or an app changes what a browser or a device shows; opening a
  // case or a ticket starts a record of it, and opening or closing a position trades;
  // opening a file reads it.
  { verbs: new Set(['open']), objects: SHOWN_ON_SCREEN, window: 3, category: 'Write', strength: 0.7 },
  { verbs: new Set(['open', 'close']), objects: OPENED_POSITIONS, window: 3, category: 'Financial', strength: 0.9 },
  { verbs: new Set(['open']), objects: OPENED_RECORDS, window: 3, category: 'Write', strength: 0.9 },
  // Navigating a tree of components browses it; navigating a page moves a browser.
  { verbs: new Set(['navigate']), objects: BROWSED_STRUCTURES, window: 3, category: 'Read', strength: 0.8 },
  // Blocking a user or a kind of sign-in shuts it out; a block of a chain or a page is a
  // thing, which is why the word alone says little.
  { verbs: new Set(['block']), objects: BLOCKED_OBJECTS, window: 3, category: 'Write', strength: 0.9 },
  // Funding an account or a wallet puts money in it; a fund is as often a thing bought.
  { verbs: new Set(['fund']), objects: FUNDED_OBJECTS, window: 3, category: 'Financial', strength: 0.9 },
  // Placing an order, a bet or a bid commits money; placing a block or a marker does not.
  { verbs: new Set(['place']), objects: PLACED_OBJECTS, window: 3, category: 'Financial', strength: 1 },
];

/** The verbs a noun may come from: `analysis` from analyze, `multiplication` from multiply. */
function verbsBehind(noun: string): string[] {
  return [
    noun,
    noun.replace(/ication$/, 'y'),
    noun.replace(/ation$/, 'ate'),
    noun.replace(/ation$/, 'e'),
    noun.replace(/ion$/, 'e'),
    noun.replace(/ion$/, ''),
    noun.replace(/ysis$/, 'yze'),
    noun.replace(/ment$/, ''),
  ];
}

/**
 * The riskiest action `words` name ("a mix of append, update, and delete operations"),
 * computations as reads.
 */
function performedAction(words: readonly string[]): Pick<VerbHit, 'base' | 'category' | 'strength'> | undefined {
  let riskiest: Verb | undefined;
  for (const word of words) {
    // A word as often a noun ("drag and drop") names no action here.
    const verb = verbsBehind(word).map((candidate) => verbOf(candidate, false)).find((found) => found !== undefined);
    if (!verb || verb.ambiguous) continue;
    const computes = ARITHMETIC_VERBS.has(verb.base) || COMPUTING_VERBS.has(verb.base);
    const action: Verb = computes ? { ...verb, category: 'Read', strength: 0.8 } : verb;
    if (riskierVerb(action, riskiest)) riskiest = action;
  }
  return riskiest && { base: riskiest.base, category: riskiest.category, strength: Math.min(riskiest.strength, 0.9) };
}

/** Applies the object rules to a verb found at `index`. */
export function refine(verb: Verb, words: readonly string[], index: number): VerbHit {
  // Read once; each rule looks at as many of these as its window says.
  const ahead = objectWords(words, index, OBJECT_WINDOW);
  const hit: VerbHit = {
    base: verb.base,
    category: verb.category,
    strength: verb.strength,
    label: verb.base,
    index,
    ambiguous: verb.ambiguous,
  };
  // `dry_run`, `dry-run`: a rehearsal that changes nothing.
  if (verb.base === 'run' && words[index - 1] === 'dry') return { ...hit, category: 'Read', strength: 0.8, label: 'dry-run' };
  // `run_readonly_query`: what runs says it only reads.
  if (RUNNING_VERBS.has(verb.base) && qualifiedReadOnly(words, index)) {
    return { ...hit, category: 'Read', strength: 0.8, label: `${verb.base}-read-only` };
  }
  // `execute_delete_records`, `run_update`: a name that leads by running an action takes
  // it. Running an update script, or a write statement, still runs it; later in a list
  // ("Create, run, and manage") the word after is another action.
  if (index === 0 && ACTION_RUNNERS.has(verb.base)) {
    const next = words[1];
    const action = next === undefined ? undefined : verbOf(next, false);
    const runnable = words[2] !== undefined && (EXECUTION_OBJECTS.has(words[2]) || STATEMENT_WORDS.has(words[2]));
    if (action && !action.ambiguous && action.strength >= 0.9 && action.category !== 'Read' && action.category !== 'Execute' && !runnable) {
      return { ...hit, category: action.category, strength: action.strength, label: `${verb.base}-${action.base}` };
    }
  }
  if (EVALUATING_VERBS.has(verb.base) && verb.category !== 'Execute') {
    const code = hasAny(ahead, CODE_OBJECTS, 2);
    if (code) return { ...hit, category: 'Execute', strength: 1, label: `${verb.base}-${code}` };
  }
  if (RUNNING_VERBS.has(verb.base)) {
    // "Execute a GraphQL query or mutation": a mutation run as given may change anything.
    const mutation = hasAny(ahead, MUTATIONS, 4);
    if (mutation) return { ...hit, category: 'Execute', strength: 1, label: `${verb.base}-${mutation}` };
    // A chat or a prompt run through a model is asked, and its answer handed back.
    const read = hasAny(ahead, READ_OBJECTS, 4) ?? hasAny(ahead, ASKED_OBJECTS, 2) ?? hasAny(ahead, CHAT_OBJECTS, 2);
    if (read) return { ...hit, category: 'Read', strength: 0.8, label: `${verb.base}-${read}` };
  }
  if (verb.base === 'perform') {
    // "Perform a web search", "Perform an HTTP DELETE", "Performs trend analysis": a light
    // verb whose object names the action.
    const performed = performedAction(ahead);
    if (performed) return { ...hit, ...performed, label: `perform-${performed.base}` };
  }
  if (verb.base === 'create') {
    // Creating a (chat) completion asks a model; the reply comes back and nothing is kept.
    const [first, second] = ahead;
    const reply = MODEL_REPLIES.has(first ?? '') ? first : MODEL_REPLY_KINDS.has(first ?? '') && MODEL_REPLIES.has(second ?? '') ? second : undefined;
    if (reply) return { ...hit, category: 'Read', strength: 0.8, label: `create-${reply}` };
  }
  if (verb.base === 'snapshot') {
    // Snapshotting a volume or a source tree keeps a copy of it; a page's snapshot, or an
    // instance's metrics, is read and handed back.
    const kept = snapshotted(words, index);
    if (kept) return { ...hit, category: 'Write', strength: 0.8, label: `snapshot-${kept}` };
  }
  if (POOL_VERBS.has(verb.base)) {
    // Adding liquidity to a pool, or taking it out, moves the funds it holds; a liquidity
    // alert or a list of liquidity pools does not.
    const pooled = headObject(words, index, POOLED_FUNDS);
    if (pooled) return { ...hit, category: 'Financial', strength: 1, label: `${verb.base}-${pooled}`, ambiguous: false };
  }
  if (verb.base === 'remove' || verb.base === 'erase') {
    // Removing the background or the noise of a picture or a recording edits it, as cropping
    // does; a background task or job removed is deleted.
    const [first, second] = ahead;
    if (first !== undefined && EDITED_OUT.has(first) && !BACKGROUND_WORK.has(second ?? '')) {
      return { ...hit, category: 'Write', strength: 0.8, label: `${verb.base}-${first}` };
    }
  }
  if (verb.base === 'request') {
    // Asking a service for something starts it: "Request an airdrop", "request_profile_deletion".
    // An action the object names that is riskier than asking is what the request leads to.
    const requested = performedAction(ahead);
    if (requested && riskierVerb(requested, verb)) return { ...hit, ...requested, label: `request-${requested.base}` };
  }
  if (verb.base === 'build' || verb.base === 'rebuild') {
    // Building a project or an image compiles it; building a menu or an index makes it.
    const built = ahead[0];
    if (built !== undefined && !hasAny(ahead, BUILT_SOFTWARE, 3) && verbOf(built, false)?.ambiguous !== false) {
      return { ...hit, category: 'Write', strength: 0.6, label: `${verb.base}-${built}` };
    }
  }
  for (const rule of OBJECT_RULES) {
    if (!rule.verbs.has(verb.base)) continue;
    const object = hasAny(ahead, rule.objects, rule.window);
    if (object) return { ...hit, category: rule.category, strength: rule.strength, label: `${verb.base}-${object}`, ambiguous: false };
  }
  if (DELIVERING_VERBS.has(verb.base)) {
    // Sending a prompt to get an answer back asks; sending an email, a report or feedback
    // to someone delivers it, and is never a read.
    const asked = verb.base === 'send' ? hasAny(ahead, ASKED_OBJECTS, 3) : undefined;
    if (asked) return { ...hit, category: 'Read', strength: 0.8, label: `send-${asked}`, ambiguous: false };
    const delivered = hasAny(ahead, DELIVERED_OBJECTS, 3);
    if (delivered) return { ...hit, category: 'Write', strength: 1, label: `${verb.base}-${delivered}`, ambiguous: false };
  }
  if (verb.base === 'generate') {
    // Generating text or numbers changes nothing; generating files or keys leaves them
    // behind (`generate_application_api_key`).
    // Text generated "using a model" is handed back: the first object decides.
    const artifact = hasAny(ahead, GENERATED_CONTENT, 1) ? undefined : hasAny(ahead, GENERATED_ARTIFACTS, 3);
    if (artifact) return { ...hit, category: 'Write', strength: 0.8, label: `generate-${artifact}` };
  }
  if (verb.base === 'load') {
    // Loading a file into a database or a table fills the store; loading one into memory,
    // a session or a data frame only reads it.
    const into = words.indexOf('into', index + 1);
    const store = into > index && into - index <= LOAD_TARGET_DISTANCE ? hasAny(objectWords(words, into, 2), STORE_OBJECTS) : undefined;
    if (store) return { ...hit, category: 'Write', strength: 0.8, label: `load-into-${store}` };
  }
  if (verb.base === 'drop') {
    const store = hasAny(ahead, STORE_OBJECTS, 1);
    return store
      ? { ...hit, category: 'Destructive', strength: 1, label: `drop-${store}` }
      : { ...hit, category: 'Write', strength: 0.6 };
  }
  if (verb.category !== 'Execute') {
    // Starting a job runs it; creating one runs it only when it is a run (`create_build`),
    // not a definition (`create_workflow`).
    const targets = STARTING_VERBS.has(verb.base) ? EXECUTION_OBJECTS : verb.base === 'create' ? RUN_OBJECTS : undefined;
    const target = targets ? hasAny(ahead, targets, 2) : undefined;
    if (target) return { ...hit, category: 'Execute', strength: 0.9, label: `${verb.base}-${target}` };
  }
  return hit;
}

/**
 * Whether one of `words` is the verb `base` used as a noun: the same word or its noun
 * forms ("share link", "a mapping", "completion suggestions", "the deployment").
 */
export function nounFormOf(base: string, words: readonly string[]): string | undefined {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const forms = new Set([base, `${base}s`, `${stem}ing`, `${base}${base.at(-1)}ing`, `${stem}ion`, `${stem}ation`, `${base}ment`]);
  for (const form of [...forms]) if (!form.endsWith('s')) forms.add(`${form}s`);
  return words.find((word) => forms.has(word));
}

/** Words before a noun phrase: an article, a quantifier, a preposition. */
const NOUN_PHRASE_LEAD = String.raw`(?:a|an|the|this|that|these|those|each|every|any|specific|given|single|one|of|for|from|about|on|in|to)`;
const escaped = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `text` uses the name's verb at `index` with a neighbouring word of the name as a
 * noun phrase: "for a specific push message" for `push_message_detail`, "an App Store app"
 * for `app_store_reviews`.
 */
export function verbInNounPhrase(text: string, words: readonly string[], index: number): boolean {
  const verb = words[index];
  if (!verb || text === '') return false;
  const before = words[index - 1];
  const after = words[index + 1];
  const phrases = [
    ...(before && !STOP_WORDS.has(before) ? [`${escaped(before)}\\s+${escaped(verb)}`] : []),
    ...(after && !STOP_WORDS.has(after) ? [`${escaped(verb)}\\s+${escaped(after)}`] : []),
  ];
  if (phrases.length === 0) return false;
  return new RegExp(`\\b${NOUN_PHRASE_LEAD}\\s+(?:${phrases.join('|')})\\b`, 'i').test(text.slice(0, 600));
}

/** `take_screenshot`, `capture_snapshot`: reads of what is on screen. */
function captureHit(words: readonly string[], index: number): VerbHit | undefined {
  const target = hasAny(objectWords(words, index), CAPTURE_OBJECTS);
  return target
    ? { base: words[index]!, category: 'Read', strength: 0.9, label: `${words[index]}-${target}`, index, ambiguous: false }
    : undefined;
}

export interface VerbSearch {
  /** Words to pass over while looking for the verb (vendor prefixes, the server's name). */
  skip?: { has(word: string): boolean } | undefined;
  /** Accept inflected forms (`deletes`): descriptions use them, names use base forms. */
  inflected?: boolean;
  /** Look no further than this many words. */
  within?: number;
  /** When only prefix words look like verbs, take them after all (default true). */
  prefixFallback?: boolean;
  /** Whether the word at this index may be the verb at all. */
  accept?: (word: string, index: number) => boolean;
}

/**
 * The verb that leads `words`: the first unambiguous verb, else the first ambiguous one.
 * Prefix words are passed over while a later word can still be the verb.
 */
export function leadingVerb(words: readonly string[], options: VerbSearch = {}): VerbHit | undefined {
  const within = Math.min(words.length, options.within ?? 8);
  let fallback: VerbHit | undefined;
  // Only words passed over so far: an ambiguous word leads only from the front.
  let front = true;
  for (let i = 0; i < within; i += 1) {
    const word = words[i]!;
    if (STOP_WORDS.has(word) || MODIFIER_WORDS.has(word)) continue;
    if (options.skip?.has(word) && i < words.length - 1 && !fallback) continue;
    const atFront = front;
    front = false;
    if (CAPTURING_VERBS.has(word)) {
      const capture = captureHit(words, i);
      if (capture) return capture;
    }
    const verb = verbWithParticle(word, words[i + 1], options.inflected ?? false);
    if (!verb || (options.accept && !options.accept(word, i))) continue;
    if (!verb.ambiguous) return refine(verb, words, i);
    // After other words, an ambiguous word is a noun (`champion_item_build`, `play_style`).
    if (!atFront) continue;
    fallback ??= refine(verb, words, i);
  }
  if (fallback) return fallback;
  if (options.skip && options.prefixFallback !== false) {
    // Every verb-like word was a prefix: the prefix was the verb after all.
    return leadingVerb(words, { ...options, skip: undefined });
  }
  return undefined;
}
