/**
 * Evidence from a tool's description: the verb its first sentence opens with, and phrases
 * anywhere in the scanned part ("permanently", "run a shell command", "refunds",
 * "read-only"). Only 3rd-person and -ing forms count as phrases: a bare "delete" in a
 * description is as often a reference to another tool as an action of this one.
 * A phrase just after a negation ("does not delete") does not count.
 */
import type { Evidence } from './evidence.ts';
import { leadingVerb, objectWords, refine, type VerbHit } from './verbs.ts';
import { MODEL_RECIPIENTS, riskierVerb, verbOf, verbWithParticle, type ActionCategory, type Verb } from './vocabulary.ts';
import { categoryRiskRank } from '../schema/classification.ts';
import { quoteAround } from './text.ts';

export const WEIGHT = { descriptionVerb: 2.5 } as const;

/**
 * A description that opens by saying what the tool does to something ("Creates a new
 * record", "Sends the message", "Starts the job") states the tool's action: a change
 * stated that way outweighs a name verb that only reads (`<service>_get_or_create`).
 */
const STATED_CHANGE_SHARE = 1.7;

/** Matches looked at per phrase pattern. */
const MAX_MATCHES_PER_PHRASE = 8;

/** Phrases of one category share this cap, so a long description cannot shout. */
const PHRASE_CAP = 3;

/** How far into the description the opening verb is looked for. */
const OPENING_CHARS = 300;
const OPENING_TOKENS = 14;
/** The opening verb is among the first few words that are not fillers, or it is not there. */
const OPENING_VERB_WITHIN = 4;

const TOKEN = /[\p{L}][\p{L}\p{N}'’_-]*/gu;

/** Words that open descriptions without saying what the tool does. */
const OPENING_FILLERS: ReadonlySet<string> = new Set(
  `this tool tools function that which it you we i can will use used using to allows allow
    lets let helps enables please simply easily quickly step also then first optionally mcp
    server api endpoint wrapper is are was be has have may must should does do here a an the
    for of and or in on with by from your our these those agent agents llm llms ai call calls
    calling utilize utilizes utilise utilises leverage leverages employ employs`.split(/\s+/),
);

/** "Autonomously execute", "Recursively delete": an adverb says how, not what. */
function isAdverb(word: string): boolean {
  return word.length > 5 && word.endsWith('ly') && verbOf(word, true) === undefined;
}

interface Phrase {
  pattern: RegExp;
  category: ActionCategory;
  weight: number;
  /** The label's key, from the match. */
  key: (match: RegExpExecArray) => string;
}

/**
 * What follows "only SELECT" when it limits the statements ("Only SELECT, SHOW …", "only
 * SELECT statements are allowed"), where "Only SELECT results come back" does not.
 */
export const SELECT_AS_LIMIT = String.raw`(?=\s*(?:,|and\b|statements?\b|quer(?:y|ies)\b|is\b|are\b|allowed\b|permitted\b))`;

const lower = (match: RegExpExecArray): string => match[1]!.toLowerCase().replace(/\s+/g, '-');

/** Maps inflected matches to one key per idea (`deletes`, `deleting` -> `delete`). */
function stem(map: Record<string, string>): (match: RegExpExecArray) => string {
  return (match) => {
    // "will overwrite" is an overwrite.
    const word = match[1]!.toLowerCase().replace(/^will\s+/, '');
    for (const [prefix, key] of Object.entries(map)) if (word.startsWith(prefix)) return key;
    return word.replace(/\s+/g, '-');
  };
}

const EXECUTION_LANGUAGES =
  'shell|bash|zsh|terminal|system|os|python|javascript|js|node(?:\\.js)?|typescript|powershell|cli|playwright|lua|ruby|sql|cypher|docker|kubectl';
const EXECUTION_OBJECTS =
  'commands?|code|scripts?|snippets?|programs?|processe?s?|statements?|functions?|lambdas?|workflows?|pipelines?|jobs?|builds?|tests?|test suites?|notebooks?|playbooks?|containers?|binar(?:y|ies)|executables?';
const DETERMINERS = '(?:an?|the|any|arbitrary|custom|raw|given|provided|your|user|multiple|one or more|new)';

const PHRASES: readonly Phrase[] = [
  {
    pattern:
      /\b(permanent(?:ly)?|irreversibl[ey]|irrevocabl[ey]|unrecoverabl[ey]|(?:cannot|can ?not|can't) be (?:undone|reversed|recovered)|no undo)\b/gi,
    category: 'Destructive',
    weight: 2,
    key: stem({ perman: 'permanently', irrev: 'irreversibly', unrec: 'unrecoverable', can: 'cannot-be-undone', no: 'cannot-be-undone' }),
  },
  {
    pattern:
      /\b(delet(?:es|ing)|remov(?:es|ing)|destroy(?:s|ing)|purg(?:es|ing)|eras(?:es|ing)|wip(?:es|ing)|truncat(?:es|ing)|overwrit(?:es?|ing)|terminat(?:es|ing)|kills|revok(?:es|ing)|tears? down|uninstall(?:s|ing)|drops? (?:the |a |an )?(?:table|database|collection|index|schema)|will (?:delete|remove|destroy|erase|wipe|overwrite|purge|drop)|CRUD)\b/gi,
    category: 'Destructive',
    weight: 1.2,
    key: stem({
      delet: 'delete', remov: 'remove', destroy: 'destroy', purg: 'purge', eras: 'erase', wip: 'wipe',
      truncat: 'truncate', overwrit: 'overwrite', terminat: 'terminate', kill: 'kill', revok: 'revoke',
      tear: 'tear-down', uninstall: 'uninstall', drop: 'drop', crud: 'crud',
    }),
  },
  {
    pattern: new RegExp(
      `\\b((?:execut(?:e|es|ing)|run(?:s|ning)?|invok(?:e|es|ing)|eval(?:uate|uates|uating)?|spawn(?:s|ing)?|launch(?:es|ing)?)\\s+(?:${DETERMINERS}\\s+)?(?:(?:${EXECUTION_LANGUAGES})\\s+(?:${EXECUTION_OBJECTS})|(?:${EXECUTION_LANGUAGES})|(?:${EXECUTION_OBJECTS})))\\b`,
      'gi',
    ),
    category: 'Execute',
    weight: 2,
    key: () => 'runs-code',
  },
  {
    pattern:
      /\b(arbitrary (?:code|commands?|scripts?|sql)|remote code execution|RCE|code execution|shell commands?|terminal commands?|system commands?|REPL|subprocess(?:es)?|child process(?:es)?)\b/g,
    category: 'Execute',
    weight: 1.5,
    key: lower,
  },
  {
    pattern:
      /\b(trigger(?:s|ing)?\s+(?:(?:a|an|the|new|manual|one or more)\s+){0,2}(?:builds?|pipelines?|workflows?|jobs?|runs?|deployments?|deploys?|actions?|functions?|lambdas?|webhooks?|tasks?|dags?)|start(?:s|ing)? (?:a |the )?(?:new )?(?:terminal |shell |background )?process(?:es)?|deploy(?:s|ing)?)\b/gi,
    category: 'Execute',
    weight: 1.5,
    key: stem({ trigger: 'trigger', start: 'starts-process', deploy: 'deploy' }),
  },
  {
    pattern:
      /\b(read[- ]only|readonly|does(?: not|n't) (?:modify|change|alter|write|mutate|create|delete|apply|commit|send|deploy|save|publish)|will not (?:modify|change|apply|create|send|deploy)|without (?:modifying|changing|altering|creating|updating|deleting|writing|making (?:any )?changes|applying(?: any| the)?(?: changes)?|committing|saving|sending|deploying|side[- ]effects)|no side[- ]effects|changes nothing|nothing is (?:written|changed|modified)|without (?:running|executing) (?:it|them|the (?:code|query|statement|command|script))(?!\s+(?:now|yet|immediately|right away))|non[- ]destructive|dry[- ]?run|previews? (?:of )?(?:the |what |how )|before (?:applying|committing|sending|deploying))\b/gi,
    category: 'Read',
    weight: 2,
    key: stem({ read: 'read-only', does: 'does-not-modify', will: 'does-not-modify', 'without running': 'does-not-run', 'without executing': 'does-not-run', without: 'does-not-modify', non: 'non-destructive', nothing: 'does-not-modify', no: 'does-not-modify', changes: 'does-not-modify', dry: 'dry-run', preview: 'preview', before: 'preview' }),
  },
  {
    // SQL's own keyword, in capitals: "Executes a SQL SELECT query", "SELECT statements only",
    // "Only SELECT, SHOW and DESCRIBE are permitted".
    pattern: new RegExp(String.raw`\b(SELECT (?:statements?|quer(?:y|ies))|SELECT-only|(?:[Oo]nly|ONLY) SELECT${SELECT_AS_LIMIT})`, 'g'),
    category: 'Read',
    weight: 2,
    key: () => 'select-only',
  },
  {
    pattern:
      /\b(creat(?:es|ing)|updating|modif(?:ies|ying)|writ(?:es|ing)|sav(?:es|ing)|send(?:s|ing)|uploading|insert(?:s|ing)|append(?:s|ing)|editing|storing|publish(?:es|ing)|renam(?:es|ing)|moving|adds|adding|replac(?:es|ing)|submitting)\b/gi,
    category: 'Write',
    weight: 0.8,
    key: stem({
      creat: 'create', updat: 'update', modif: 'modify', writ: 'write', sav: 'save', send: 'send', upload: 'upload',
      insert: 'insert', append: 'append', edit: 'edit', stor: 'store', publish: 'publish', renam: 'rename',
      mov: 'move', add: 'add', replac: 'replace', submit: 'submit',
    }),
  },
  {
    pattern:
      /\b((?:sav(?:es|ed|ing)|writ(?:es|ten|ing)|stor(?:es|ed|ing)|export(?:s|ed|ing)?|download(?:s|ed|ing)?) (?:\S+ ){0,3}?(?:to|into|on) (?:a |the |local |your |(?!(?:a|the|to|or|and)\b)[\w.-]+ ){0,2}?(?:files?|disk|drive|directory|folder|filesystem|storage|csv)|saves? (?:them |it )?(?:locally|to disk)|(?:directory|folder|path) (?:to|where to|in which to) (?:save|write|store))\b/gi,
    category: 'Write',
    weight: 1.5,
    key: () => 'saves-to-file',
  },
  {
    pattern:
      /\b(refund(?:s|ing)?|charg(?:es|ing) (?:a |an |the )?(?:customer|card|credit card|account|user|buyer|payment method)|(?:transfer(?:s|ring)?|send(?:s|ing)?|mov(?:es|ing)|withdraw(?:s|ing)?|deposit(?:s|ing)?) (?:\S+ ){0,3}?(?:funds|money|payments?|usdc|usdt|eth|ether|btc|bitcoin|sol|lamports|sats|satoshis|crypto(?:currency)?|stablecoins?|coins|tokens)|(?:mak(?:e|es|ing)|process(?:es|ing)?|initiat(?:e|es|ing)|submit(?:s|ting)?|execut(?:e|es|ing)|plac(?:e|es|ing)|captur(?:e|es|ing)|confirm(?:s|ing)?) (?:a |an |the |new )?(?:payments?|purchases?|transfers?|payouts?|trades?|swaps?|orders?|refunds?|charges?|withdrawals?|deposits?)|purchas(?:es|ing)|buys|buying|pays|paying)\b/gi,
    category: 'Financial',
    weight: 2,
    key: stem({
      refund: 'refund', charg: 'charge', transfer: 'moves-money', send: 'moves-money', mov: 'moves-money',
      withdraw: 'moves-money', deposit: 'moves-money', purchas: 'purchase', buy: 'purchase', pay: 'pay',
    }),
  },
  {
    // A call that costs money: "Costs $0.01 USDC", "$0.05 per call".
    pattern: /\b(costs? (?:\$|€|£|usd ?|eur ?)?\d[\d.,]*|(?:\$|€|£)\d[\d.,]* (?:per|each|a) (?:call|request|query|use|run))/gi,
    category: 'Financial',
    weight: 2,
    key: () => 'paid-call',
  },
];

const NEGATION = /(?:\b(?:not|never|no|without|cannot)|n't)\s+(?:\S+\s+)?$/i;
const TOPIC_LEAD = /\b(?:for|about|on|regarding|before|when)\s+$/i;
const TOPIC = /\b(?:for|about|on|regarding|of)\s+(?:the\s+|an?\s+)?([\p{L}-]+)/giu;
const MAX_TOPICS = 6;

/**
 * The words after "for", "about", "on" or "of" in the first sentence: what it is about
 * ("deploying" in "Get best practices for deploying").
 */
export function topicsOf(text: string): string[] {
  const sentence = text.slice(0, OPENING_CHARS).split(SENTENCE_END, 1)[0]!;
  const found: string[] = [];
  TOPIC.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (found.length < MAX_TOPICS && (match = TOPIC.exec(sentence)) !== null) found.push(match[1]!.toLowerCase());
  return found;
}

/** How far before a phrase its negation or its topic lead is looked for. */
const NEGATION_REACH = 30;
/** A clause that makes what follows a condition: "If the values match, it changes nothing". */
const CONDITION = /\b(?:if|when|unless|otherwise)\b[^.;:!?]*$/i;
const CONDITION_REACH = 60;
const TOPIC_REACH = 12;

/** Whether the `reach` characters before `index` end with `lead` ("does not", "for"). */
function ledBy(text: string, index: number, lead: RegExp, reach: number): boolean {
  return lead.test(text.slice(Math.max(0, index - reach), index));
}

/** A quick test that the description talks about money at all. */
const MONEY_WORDS =
  /\b(?:funds|money|payments?|usdc|usdt|eth|ether|btc|bitcoin|lamports|sats|wallet|currency|crypto(?:currency)?|stablecoins?|invoices?|billing|refunds?|charges?)\b/i;

export interface DescriptionFacts {
  /** The description says it talks about money. */
  money: boolean;
  /** It says it saves to a file or disk. */
  writesFiles: boolean;
  /** It says it is read-only or changes nothing. */
  readOnly: boolean;
  /** Its first sentence opens with a verb that reads, and names no other action beside it. */
  opensWithRead: boolean;
  /** The verb the first sentence opens with, as its object refines it. */
  opening?: VerbHit;
  /** The words right after that verb that can be its object ("share link" in "Get the share link"). */
  openingObject: readonly string[];
}

export function descriptionSignals(text: string, evidence: Evidence): DescriptionFacts {
  const facts: DescriptionFacts = { money: false, writesFiles: false, readOnly: false, opensWithRead: false, openingObject: [] };
  if (text === '') return facts;
  // The opening verb already counted; the same word must not count again as a phrase.
  const { opened, first, object } = openingVerb(text, evidence);
  if (first) facts.opening = first;
  facts.openingObject = object;
  facts.opensWithRead = opened.size > 0 && [...opened.values()].every((category) => category === 'Read');
  enumeratedVerbs(text, opened, evidence);
  clauseActions(text, evidence);
  actionLines(text, evidence);
  for (const phrase of PHRASES) {
    phrase.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    let matches = 0;
    // Repeats add nothing past the caps; stopping early bounds the work on hostile text.
    while (matches < MAX_MATCHES_PER_PHRASE && (match = phrase.pattern.exec(text)) !== null) {
      matches += 1;
      if (ledBy(text, match.index, NEGATION, NEGATION_REACH)) continue;
      // A read that holds only on a condition ("when dry_run is set, it changes nothing")
      // says nothing of what the call does otherwise.
      if (phrase.category === 'Read' && ledBy(text, match.index, CONDITION, CONDITION_REACH)) continue;
      // "Get best practices for deploying": after a read, a gerund after "for" or "about"
      // is what the answer is about, not what the tool does.
      if (facts.opensWithRead && phrase.category !== 'Read' && ledBy(text, match.index, TOPIC_LEAD, TOPIC_REACH)) continue;
      const key = phrase.key(match);
      // The fact holds even when the opening verb already counted the words as evidence.
      if (key === 'saves-to-file') facts.writesFiles = true;
      // The opening verb's own word, repeated as a phrase, says nothing new even where its
      // object changed the reading ("Adds two numbers"); a longer phrase from the same word
      // says more ("Executes a swap transaction").
      const word = !/\s/.test(match[0]);
      if (opened.get(match.index) === phrase.category || (word && opened.has(match.index))) continue;
      evidence.add(
        'description',
        phrase.category,
        `phrase:${key}`,
        phrase.weight,
        quoteAround(text, match.index, match.index + match[0].length),
        { group: 'phrase', max: PHRASE_CAP },
      );
      if (phrase.category === 'Read') facts.readOnly = true;
      if (phrase.category === 'Financial') facts.money = true;
    }
  }
  if (cjkPhrase(text, CJK_READ_ONLY, 'Read', 'read-only', 2, evidence)) facts.readOnly = true;
  if (!facts.writesFiles && cjkPhrase(text, CJK_SAVES_FILE, 'Write', 'saves-to-file', 1.5, evidence)) facts.writesFiles = true;
  facts.money ||= MONEY_WORDS.test(text);
  return facts;
}

/** A leading tag in capitals ("INSPECTION:", "DRIFT CHECK:") files the tool; the sentence after it says what it does. */
const SECTION_TAG = /^\s*[\p{Lu}\d][\p{Lu}\d _-]{0,30}:\s+/u;

const GERUND_LEAD = /\bfor\s+$/i;
const ARTICLE_LEAD = /\b(?:a|an|the)\s+$/i;
const CONDITION_NEXT = /^\s+(?:when|whenever)\b/i;

/** Between two verbs of an enumeration: "List, create, close, or select". */
const ENUMERATION_GAP = /^(?:\s*[,/&]\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)$/i;
const MAX_ENUMERATED = 5;
/** Each further verb of an enumeration counts this share of the first. */
const ENUMERATED_SHARE = 0.6;
/** An enumerated verb this strong, and not as often a noun, can make the tool the riskier kind. */
const DECISIVE_STRENGTH = 0.8;

interface OpeningWords {
  words: string[];
  starts: number[];
  ends: number[];
}

/** The first words from `offset` that are not fillers, with where each sits in `text`. */
function openingWords(text: string, offset: number): OpeningWords {
  const opening = text.slice(offset, offset + OPENING_CHARS);
  const found: OpeningWords = { words: [], starts: [], ends: [] };
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (found.words.length < OPENING_TOKENS && (match = TOKEN.exec(opening)) !== null) {
    const word = match[0].toLowerCase();
    if (OPENING_FILLERS.has(word) || isAdverb(word)) continue;
    found.words.push(word);
    found.starts.push(offset + match.index);
    found.ends.push(offset + match.index + match[0].length);
  }
  return found;
}

function openingHit(text: string, { words, starts, ends }: OpeningWords): VerbHit | undefined {
  // "Clean HTML by removing tags": past the first word, an -ing form describes how or
  // what, unless it follows "for" ("Tool for retrieving ...").
  // After an article a word is a noun: "Rerank a set of documents", "the update of".
  // "Triggers when the user asks about ...": a verb followed by when it happens says when
  // the tool is called, not what it does.
  const accept = (word: string, index: number): boolean => {
    const before = text.slice(Math.max(0, starts[index]! - 5), starts[index]!);
    if (CONDITION_NEXT.test(text.slice(ends[index]!, ends[index]! + 10))) return false;
    return !ARTICLE_LEAD.test(before) && (index === 0 || !word.endsWith('ing') || verbOf(word, false) !== undefined || GERUND_LEAD.test(before));
  };
  const hit = frontVerb(text, words, ends) ?? leadingVerb(words, { inflected: true, within: OPENING_VERB_WITHIN, accept });
  return hit?.category === 'Write' && hit.base === 'send' ? asModelAsked(text, hit, ends[hit.index]!) : hit;
}

/**
 * "Send a message to the local AI and get a response": what is sent to a model is a
 * question, and its answer comes back to the caller. The phrase after "to" ends at a
 * preposition ("to a chat room in the AI network" messages a room).
 */
const SENT_TO_MODEL = new RegExp(
  String.raw`^[^.!?\n]{0,40}?\bto\s+(?:(?!(?:in|on|of|for|with|from|at|by|into|and|or)\b)[\p{L}\p{N}'’-]+\s+){0,3}?` +
    String.raw`(${[...MODEL_RECIPIENTS].join('|')})\b`,
  'iu',
);

function asModelAsked(text: string, hit: VerbHit, end: number): VerbHit {
  const model = SENT_TO_MODEL.exec(text.slice(end, end + 120));
  return model ? { ...hit, category: 'Read', strength: 0.8, label: `send-to-${model[1]!.toLowerCase()}`, ambiguous: false } : hit;
}

/** How far into the description a title ending with a colon may reach. */
const TITLE_CHARS = 60;
const TITLE = /^[^:.!?\n]+:\s/;

interface Opening {
  /** Where each verb counted starts, with its category. */
  opened: ReadonlyMap<number, ActionCategory>;
  first?: VerbHit;
  object: readonly string[];
}

/** How many words after the opening verb can be its object. */
const OBJECT_WORDS = 3;
/** Where an object ends: punctuation, or a word that starts another clause ("and", "to", "for"). */
const OBJECT_END = /[,.;:!?()[\]\n]|\s(?:and|or|then|to|into|for|before|after|without|by|using|with|via|from|when|if)\s/i;

/** The words of the object after the opening verbs, up to where the object ends. */
function objectOf(text: string, from: number): readonly string[] {
  const rest = text.slice(from, from + OPENING_CHARS);
  const end = OBJECT_END.exec(rest);
  const words = (end ? rest.slice(0, end.index) : rest).toLowerCase().match(TOKEN) ?? [];
  return objectWords(words, -1, OBJECT_WORDS);
}

/**
 * The verb the first sentence opens with, after fillers like "Use this tool to", and the
 * verbs enumerated right after it ("List, create, close, or select a tab").
 */
function openingVerb(text: string, evidence: Evidence): Opening {
  const head = SECTION_TAG.exec(text);
  const offset = head ? head[0].length : 0;
  let opening = openingWords(text, offset);
  let hit = openingHit(text, opening);
  // "Assembly Code Performance Analyzer: Analyze assembly code ...": a title before a
  // colon names the tool, and the sentence after it says what the tool does.
  const title = hit ? null : TITLE.exec(text.slice(offset, offset + TITLE_CHARS));
  if (title) {
    opening = openingWords(text, offset + title[0].length);
    hit = openingHit(text, opening);
  }
  const opened = new Map<number, ActionCategory>();
  if (!hit) {
    cjkOpeningVerb(text, evidence);
    return { opened, object: [] };
  }
  const { words, starts, ends } = opening;
  const add = (verb: VerbHit, share: number, lesser = false): void => {
    const start = starts[verb.index]!;
    opened.set(start, verb.category);
    evidence.add(
      'description',
      verb.category,
      `description-verb:${verb.label}`,
      WEIGHT.descriptionVerb * verb.strength * share,
      quoteAround(text, start, ends[verb.index]!),
      lesser
        ? { group: 'opening-lesser', max: WEIGHT.descriptionVerb * ENUMERATED_SHARE }
        : { group: 'opening', max: WEIGHT.descriptionVerb * STATED_CHANGE_SHARE },
    );
  };
  const alternatives = [hit];
  for (let i = hit.index + 1; i < words.length && i <= hit.index + MAX_ENUMERATED; i += 1) {
    if (!ENUMERATION_GAP.test(text.slice(ends[i - 1]!, starts[i]!))) break;
    const verb = verbOf(words[i]!, true);
    if (!verb) break;
    alternatives.push(refine(verb, words, i));
  }
  // "Read or replace the clipboard", "write, query, search": a tool that offers several
  // actions may take the riskiest, so that one counts as a first verb would, and the
  // milder ones together count less than it.
  // A weak or ambiguous alternative ("Import and process") does not decide this alone.
  const decisive = alternatives.filter((verb) => verb === hit || (!verb.ambiguous && verb.strength >= DECISIVE_STRENGTH));
  const riskiest = Math.max(...decisive.map((verb) => categoryRiskRank(verb.category)));
  // Only the third person states it ("Creates"); an imperative ("Create") may be advice.
  const word = words[hit.index]!;
  const stated = hit.index === 0 && hit.category !== 'Read' && !hit.ambiguous && verbOf(word, false) === undefined && /s$/.test(word);
  let counted = -1;
  for (const verb of alternatives) {
    const rank = categoryRiskRank(verb.category);
    if (rank < riskiest) add(verb, ENUMERATED_SHARE, true);
    else add(verb, verb === hit ? (stated ? STATED_CHANGE_SHARE : 1) : rank > counted ? 1 : ENUMERATED_SHARE);
    counted = Math.max(counted, rank);
  }
  const last = alternatives.at(-1)!;
  // Past the enumeration: "Verify and refresh the token" named both already.
  const joined = joinedAction(text, words, starts, ends, hit, last.index);
  // A second action the tool performs is stated, whatever the person of the verb.
  if (joined) add(joined, STATED_CHANGE_SHARE);
  return { opened, first: hit, object: objectOf(text, ends[last.index]!) };
}

/** A determiner right after the first word: "End the session", "Log an entry". */
const DETERMINER_NEXT = /^\s+(?:a|an|the|all|each|every|one|your|this|these|those|its|their)\b/i;

/**
 * A word that is as often a noun (`end`, `log`, `order`) is the verb when it opens the
 * description and a determiner follows it: "End the session" is an instruction, where
 * "Log entries of the day" names what the tool shows.
 */
function frontVerb(text: string, words: readonly string[], ends: readonly number[]): VerbHit | undefined {
  const verb = words.length > 0 ? verbOf(words[0]!, true) : undefined;
  if (!verb?.ambiguous || !DETERMINER_NEXT.test(text.slice(ends[0]!, ends[0]! + 8))) return undefined;
  return refine(verb, words, 0);
}

const SENTENCE_END = /[.!?:;\n]/;
const AND_LEAD = /\band\s+$/i;
/**
 * What follows a verb that has an object of its own: "add it", "push the changes", "pay out
 * the prize" (a particle may come between).
 */
const OWN_OBJECT = /^\s+(?:(?:up|down|out|off|back)\s+)?(?:it|them|the|a|an|its|their|this|that|these|those|each|every|all)\b/i;

/**
 * A second, riskier action in the opening sentence, joined by "and" in the same form as
 * the first and with an object of its own, counts as a stated change: "Download an image
 * and add it to the library", "Fetches the page and saves it". "List issues and pull
 * requests" has no second action. The search starts past the words at `after`, which
 * already counted (the first verb and any verbs enumerated with it).
 */
function joinedAction(
  text: string,
  words: readonly string[],
  starts: readonly number[],
  ends: readonly number[],
  first: VerbHit,
  after: number,
): VerbHit | undefined {
  const baseForm = verbOf(words[first.index]!, false) !== undefined;
  for (let i = after + 1; i < words.length; i += 1) {
    if (SENTENCE_END.test(text.slice(ends[i - 1]!, starts[i]!))) return undefined;
    if (!AND_LEAD.test(text.slice(Math.max(0, starts[i]! - 5), starts[i]!))) continue;
    const word = words[i]!;
    const inflected = !baseForm && /s$/.test(word);
    // "and shut down the server": a verb written as two words is one action.
    const verb = baseForm || inflected ? verbWithParticle(word, nextWord(text, ends[i]!), inflected) : undefined;
    // Only a riskier second action adds anything: every tool "returns it".
    if (!verb || categoryRiskRank(verb.category) <= categoryRiskRank(first.category)) continue;
    if (!OWN_OBJECT.test(text.slice(ends[i]!, ends[i]! + 14))) continue;
    return refine(verb, words, i);
  }
  return undefined;
}

/** The word right after `end` in `text`, lower-case: the particle a verb may take. */
function nextWord(text: string, end: number): string | undefined {
  return /^\s+([a-z]+)/i.exec(text.slice(end, end + 12))?.[1]?.toLowerCase();
}

/** How far into the description verb enumerations are looked for. */
const ENUMERATION_CHARS = 600;
const MIN_ENUMERATION = 3;

interface ListedVerb {
  verb: Verb;
  start: number;
  end: number;
}

/** The riskiest action of a list counts, as a share of an opening verb. */
function addListed(text: string, items: readonly ListedVerb[], evidence: Evidence, share = ENUMERATED_SHARE): void {
  let riskiest = items[0]!;
  for (const item of items) if (riskierVerb(item.verb, riskiest.verb)) riskiest = item;
  evidence.add(
    'description',
    riskiest.verb.category,
    `description-list:${riskiest.verb.base}`,
    WEIGHT.descriptionVerb * riskiest.verb.strength * share,
    quoteAround(text, items[0]!.start, items.at(-1)!.end),
    { group: 'opening', max: WEIGHT.descriptionVerb },
  );
}

/**
 * "Supports list, get, create, update, delete": a multi-action tool names its actions in a
 * list. The riskiest action of each list of three or more verbs counts.
 */
function enumeratedVerbs(text: string, opened: ReadonlyMap<number, ActionCategory>, evidence: Evidence): void {
  const window = text.slice(0, ENUMERATION_CHARS);
  let run: ListedVerb[] = [];
  const close = (): void => {
    if (run.length >= MIN_ENUMERATION && !opened.has(run[0]!.start)) addListed(text, run, evidence);
    run = [];
  };
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(window)) !== null) {
    const word = match[0].toLowerCase();
    // The gap check between two verbs covers ", or ".
    if (word === 'and' || word === 'or') continue;
    const verb = verbOf(word, true);
    const start = match.index;
    const end = start + match[0].length;
    if (verb && (run.length === 0 || ENUMERATION_GAP.test(window.slice(run.at(-1)!.end, start)))) {
      run.push({ verb, start, end });
      continue;
    }
    close();
    if (verb) run.push({ verb, start, end });
  }
  close();
}

/** A list after a colon whose items are clauses: "Manage branches: list all branches, create a new branch, delete a branch". */
const CLAUSE_LIST = /:\s*([^:.\n]{10,400})/;
const CLAUSE_SEPARATOR = /\s*(?:,\s*(?:and\s+|or\s+)?|;\s*|\s+(?:and|or)\s+)/g;
const CLAUSE_LEAD = /^['"`(]?([\p{L}]+)/u;

/**
 * The actions of a multi-action tool spelled out as clauses after a colon, each opening
 * with its verb. With three or more such clauses the riskiest action counts, as for a
 * list of bare verbs.
 */
function clauseActions(text: string, evidence: Evidence): void {
  const list = CLAUSE_LIST.exec(text.slice(0, ENUMERATION_CHARS));
  if (!list) return;
  const offset = list.index + list[0].length - list[1]!.length;
  const items: ListedVerb[] = [];
  let position = 0;
  for (const clause of list[1]!.split(CLAUSE_SEPARATOR)) {
    const at = list[1]!.indexOf(clause, position);
    position = at + clause.length;
    const lead = CLAUSE_LEAD.exec(clause);
    const verb = lead ? verbOf(lead[1]!.toLowerCase(), true) : undefined;
    if (verb && lead) items.push({ verb, start: offset + at, end: offset + at + lead[0].length });
  }
  if (items.length >= MIN_ENUMERATION) addListed(text, items, evidence);
}

/** "- approval_reset: Reset all approvals ...": one action a line, named, then described. */
const ACTION_LINE = /^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]*[`'"]?([\p{L}\d_./-]{1,40})[`'"]?[ \t]*(?::|—|–| - )[ \t]*['"`(]?([\p{L}]+)(?:[ \t]+([\p{L}]+))?/gmu;
const KEY_WORDS = /[_./-]+/;
/** The space before an item of a list written on one line: " - add_tracks: Add ...". */
const FLATTENED_ITEM = / (?=- [`'"]?[\p{L}\d_./-]{1,40}[`'"]?[ \t]*:[ \t])/gu;
const MAX_ACTION_LINES = 40;
/** A line that ends with a colon heads what follows ("Action guidance:", "Returns a list of apps with:"). */
const SECTION_HEADING = /^([^\n]{1,200}):[*_]*[ \t]*$/gm;
/** Sections that describe inputs and outputs, whose lines are no actions ("- search: Set to True to ..."). */
const DATA_SECTION = /\b(?:parameters|params|args|arguments|inputs?|returns?|outputs?|response|fields|properties|options)\b/i;

/** An action line states its verb ("Create", "Creates"); "Rating" or "Created" names a field. */
function lineVerb(word: string): Verb | undefined {
  const lower = word.toLowerCase();
  return /(?:ing|ed)$/.test(lower) && verbOf(lower, false) === undefined ? undefined : verbOf(lower, true);
}

/**
 * A multi-action tool that lists its actions one a line, each opening with its verb. With
 * three or more such lines the riskiest action counts, as for a list of bare verbs.
 */
function actionLines(described: string, evidence: Evidence): void {
  // One line is no list, unless it is a list whose line breaks were lost on the way
  // ("Manage playlists. - get: Get ... - add_tracks: Add ..."): each " - key:" starts a
  // line again. A space becomes the line break, so every position stays where it was.
  const text = described.includes('\n') ? described : described.includes(' - ') ? described.replace(FLATTENED_ITEM, '\n') : '';
  if (!text.includes('\n')) return;
  const items: ListedVerb[] = [];
  let dataSections: [number, boolean][] | undefined;
  const inDataSection = (at: number): boolean => {
    if (!dataSections) {
      dataSections = [];
      SECTION_HEADING.lastIndex = 0;
      let heading: RegExpExecArray | null;
      while ((heading = SECTION_HEADING.exec(text)) !== null) dataSections.push([heading.index, DATA_SECTION.test(heading[1]!.trim())]);
    }
    return dataSections.findLast(([start]) => start < at)?.[1] ?? false;
  };
  ACTION_LINE.lastIndex = 0;
  let match: RegExpExecArray | null;
  let lines = 0;
  while (lines < MAX_ACTION_LINES && (match = ACTION_LINE.exec(text)) !== null) {
    lines += 1;
    if (inDataSection(match.index)) continue;
    // The line's verb may follow an adverb ("Permanently delete ..."), and its key may name
    // a riskier action than the line's first words (`note_delete`): the riskier counts.
    const [, key, first, second] = match;
    let verb = lineVerb(first!) ?? (second === undefined ? undefined : lineVerb(second));
    // A line that says no action is a field ("delete_count: Number of ...").
    if (!verb) continue;
    for (const word of key!.toLowerCase().split(KEY_WORDS)) {
      const named = verbOf(word, false);
      if (named && !named.ambiguous && riskierVerb(named, verb)) verb = named;
    }
    items.push({ verb, start: match.index, end: match.index + match[0].length });
  }
  // A catalogue of actions, one a line, says what the tool can do as plainly as its first verb.
  if (items.length >= MIN_ENUMERATION) addListed(text, items, evidence, 1);
}

/**
 * Verbs of descriptions written in Chinese, which has no spaces to split on: the first
 * known two-character verb near the start.
 */
const CJK_VERBS: ReadonlyMap<string, string> = new Map([
  ['获取', 'get'], ['查询', 'query'], ['搜索', 'search'], ['查看', 'view'], ['列出', 'list'], ['读取', 'read'],
  ['检索', 'retrieve'], ['分析', 'analyze'], ['计算', 'calculate'], ['创建', 'create'], ['新建', 'create'],
  ['添加', 'add'], ['更新', 'update'], ['修改', 'modify'], ['编辑', 'edit'], ['写入', 'write'], ['保存', 'save'],
  ['上传', 'upload'], ['发送', 'send'], ['删除', 'delete'], ['移除', 'remove'], ['清空', 'empty'],
  ['执行', 'execute'], ['运行', 'run'], ['调用', 'invoke'], ['部署', 'deploy'], ['支付', 'pay'], ['付款', 'pay'],
  ['退款', 'refund'], ['转账', 'pay'], ['购买', 'buy'], ['生成', 'generate'],
]);
const CJK = /[\u3400-\u9fff]/;
const CJK_READ_ONLY = /只读|不会修改|不修改|不产生任何变更|不会产生任何变更|不做任何修改/;
const CJK_QUERY = /查询|只读/;
/** "保存到本地文件夹", "Downloadsフォルダに保存されます": a file saved where the description says. */
const CJK_SAVES_FILE = /(?:保存|存储|写入|下载)(?:到|至)[^。\n]{0,20}?(?:文件夹|目录|文件|磁盘|本地)|(?:フォルダ|ディレクトリ|ファイル|文件夹|目录)[^。\n]{0,4}?(?:に|へ)保存/;
const CJK_WINDOW = 40;

/** Counts a Chinese or Japanese phrase as the English ones count; whether one was found. */
function cjkPhrase(text: string, pattern: RegExp, category: ActionCategory, key: string, weight: number, evidence: Evidence): boolean {
  const match = pattern.exec(text);
  if (!match) return false;
  const quote = quoteAround(text, match.index, match.index + match[0].length);
  evidence.add('description', category, `phrase:${key}`, weight, quote, { group: 'phrase', max: PHRASE_CAP });
  return true;
}

function cjkOpeningVerb(text: string, evidence: Evidence): void {
  const head = text.slice(0, CJK_WINDOW);
  if (!CJK.test(head)) return;

  for (let i = 0; i < head.length - 1; i += 1) {
    let base = CJK_VERBS.get(head.slice(i, i + 2));
    // 执行查询, 执行只读SQL查询: running a query reads.
    if ((base === 'execute' || base === 'run') && CJK_QUERY.test(head.slice(i + 2, i + 12))) base = 'query';
    const verb = base === undefined ? undefined : verbOf(base, false);
    if (!verb) continue;
    evidence.add(
      'description',
      verb.category,
      `description-verb:${verb.base}`,
      WEIGHT.descriptionVerb * verb.strength,
      quoteAround(text, i, i + 2),
    );
    return;
  }
}
