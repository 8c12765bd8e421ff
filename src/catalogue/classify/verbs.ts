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
  PLACED_OBJECTS,
  READ_OBJECTS,
  RUN_OBJECTS,
  STARTING_VERBS,
  STOP_WORDS,
  STORE_OBJECTS,
  verbOf,
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

/** The next few words after `index` that can be an object (no stop or modifier words). */
export function objectWords(words: readonly string[], index: number, count = 2): string[] {
  const found: string[] = [];
  for (let i = index + 1; i < words.length && found.length < count; i += 1) {
    const word = words[i]!;
    if (STOP_WORDS.has(word) || MODIFIER_WORDS.has(word)) continue;
    found.push(word);
  }
  return found;
}

function hasAny(words: readonly string[], set: ReadonlySet<string>): string | undefined {
  for (const word of words) if (set.has(word)) return word;
  return undefined;
}

/** Query languages whose statements may write. */
const STATEMENT_LANGUAGES = new Set(['sql', 'cypher', 'sparql']);

/**
 * The query language whose statements the verb at `index` runs (`run_sql_query`,
 * `execute_cypher`), if any: such a tool takes the statement from its caller even when no
 * schema shows the parameter.
 */
export function runsStatement(words: readonly string[], index: number): string | undefined {
  return RUNNING_VERBS.has(words[index]!) ? hasAny(objectWords(words, index, 2), STATEMENT_LANGUAGES) : undefined;
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
  // Placing an order, a bet or a bid commits money; placing a block or a marker does not.
  { verbs: new Set(['place']), objects: PLACED_OBJECTS, window: 3, category: 'Financial', strength: 1 },
];

/** Applies the object rules to a verb found at `index`. */
export function refine(verb: Verb, words: readonly string[], index: number): VerbHit {
  const objects = objectWords(words, index);
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
  if (EVALUATING_VERBS.has(verb.base) && verb.category !== 'Execute') {
    const code = hasAny(objects, CODE_OBJECTS);
    if (code) return { ...hit, category: 'Execute', strength: 1, label: `${verb.base}-${code}` };
  }
  if (RUNNING_VERBS.has(verb.base)) {
    // A chat or a prompt run through a model is asked, and its answer handed back.
    const asked = objectWords(words, index, 2);
    const read = hasAny(objectWords(words, index, 4), READ_OBJECTS) ?? hasAny(asked, ASKED_OBJECTS) ?? hasAny(asked, CHAT_OBJECTS);
    if (read) return { ...hit, category: 'Read', strength: 0.8, label: `${verb.base}-${read}` };
  }
  if (verb.base === 'build' || verb.base === 'rebuild') {
    // Building a project or an image compiles it; building a menu or an index makes it.
    const built = objectWords(words, index, 3);
    if (built.length > 0 && !hasAny(built, BUILT_SOFTWARE) && verbOf(built[0]!, false) === undefined) {
      return { ...hit, category: 'Write', strength: 0.6, label: `${verb.base}-${built[0]}` };
    }
  }
  for (const rule of OBJECT_RULES) {
    if (!rule.verbs.has(verb.base)) continue;
    const object = hasAny(objectWords(words, index, rule.window), rule.objects);
    if (object) return { ...hit, category: rule.category, strength: rule.strength, label: `${verb.base}-${object}`, ambiguous: false };
  }
  if (DELIVERING_VERBS.has(verb.base)) {
    // Sending a prompt to get an answer back asks; sending an email, a report or feedback
    // to someone delivers it, and is never a read.
    const objects3 = objectWords(words, index, 3);
    const asked = verb.base === 'send' ? hasAny(objects3, ASKED_OBJECTS) : undefined;
    if (asked) return { ...hit, category: 'Read', strength: 0.8, label: `send-${asked}`, ambiguous: false };
    const delivered = hasAny(objects3, DELIVERED_OBJECTS);
    if (delivered) return { ...hit, category: 'Write', strength: 1, label: `${verb.base}-${delivered}`, ambiguous: false };
  }
  if (verb.base === 'generate') {
    // Generating text or numbers changes nothing; generating files or keys leaves them
    // behind (`generate_application_api_key`).
    // Text generated "using a model" is handed back: the first object decides.
    const objects3 = objectWords(words, index, 3);
    const artifact = GENERATED_CONTENT.has(objects3[0] ?? '') ? undefined : hasAny(objects3, GENERATED_ARTIFACTS);
    if (artifact) return { ...hit, category: 'Write', strength: 0.8, label: `generate-${artifact}` };
  }
  if (verb.base === 'drop') {
    const store = objects[0] !== undefined && STORE_OBJECTS.has(objects[0]) ? objects[0] : undefined;
    return store
      ? { ...hit, category: 'Destructive', strength: 1, label: `drop-${store}` }
      : { ...hit, category: 'Write', strength: 0.6 };
  }
  if (verb.category !== 'Execute') {
    // Starting a job runs it; creating one runs it only when it is a run (`create_build`),
    // not a definition (`create_workflow`).
    const targets = STARTING_VERBS.has(verb.base) ? EXECUTION_OBJECTS : verb.base === 'create' ? RUN_OBJECTS : undefined;
    const target = targets ? hasAny(objects, targets) : undefined;
    if (target) return { ...hit, category: 'Execute', strength: 0.9, label: `${verb.base}-${target}` };
  }
  return hit;
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
    const verb = verbOf(word, options.inflected ?? false);
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
