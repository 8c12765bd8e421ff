/**
 * The classification engine: deterministic rules over a tool's own definition, no model
 * calls. Evidence from the name (the leading verb weighs most), the title, the
 * description and the input schema is scored per category; the riskier categories win
 * once their evidence is strong enough, even against more evidence of reading, because
 * a policy that under-rates a tool is the costly mistake.
 *
 * Annotations are untrusted hints (MCP spec): a declared destructive or non-read-only
 * tool is raised, a declared read-only one is never lowered, and a claim the definition
 * contradicts is reported.
 */
import {
  RISK_OF_CATEGORY,
  categoryRiskRank,
  riskRank,
  type Category,
  type Classification,
  type Contradiction,
  type Risk,
  type Signal,
} from '../schema/classification.ts';
import { findSuspiciousText, type SuspiciousTextKind } from '../poisoning/find-suspicious-text.ts';
import { claimsDestructive, declaredHints, type DeclaredHints } from './annotations.ts';
import { descriptionSignals, SELECT_AS_LIMIT, topicsOf } from './description-signals.ts';
import { Evidence, round } from './evidence.ts';
import { nameSignals, titleSignals, type NameFacts, type ServerRef } from './name-signals.ts';
import { nounFormOf, runsStatement, runsStatementOn, verbInNounPhrase, type VerbHit } from './verbs.ts';
import { buildRationale } from './rationale.ts';
import { paramsOf } from './schema-params.ts';
import { namesSqlWrites, onlyOperands, paramFacts, schemaSignals, takesNoContent, type ParamFacts, type StatementContext } from './schema-signals.ts';
import { asText, scannedPart, tidy } from './text.ts';
import { ARITHMETIC_VERBS, GUIDE_NOUNS, HARD_DELETES, REHEARSALS, STATEMENT_TEXT_VERBS, WORK_STARTING_VERBS, verbOf, type ActionCategory } from './vocabulary.ts';

/** Bump when a change to the rules can change a classification. */
export const ENGINE = 'rules-10';

/** What the engine reads of a tool: an MCP `Tool`, or any object shaped like one. */
export interface ClassifiableTool {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  inputSchema?: unknown;
  annotations?: unknown;
}

export interface ServerIdentity {
  id: string;
  name: string;
  /**
   * The names of all the server's tools, when known: a word most of them start with is
   * the server's prefix (`<service>_<resource>_<verb>`), read past like the server's name.
   */
  toolNames?: readonly string[];
}

/** Below this score nothing can be told: the tool is Other. */
const MIN_EVIDENCE = 1.5;
/** A riskier category overrides the top one from this score ... */
const OVERRIDE_MIN = 3.5;
/** ... when it reaches this share of the top category's score. */
const OVERRIDE_SHARE = 0.5;
const MAX_SIGNALS = 12;
/** Descriptions shorter than this say little. */
const SHORT_DESCRIPTION = 25;
/** Descriptions shorter than this say little more than the name. */
const TERSE_DESCRIPTION = 40;

/** Risk ascending; among equals the later one wins a tie. */
const BY_RISK: readonly ActionCategory[] = ['Read', 'Write', 'Execute', 'Financial', 'Destructive'];
const RISKY_FIRST: readonly ActionCategory[] = ['Destructive', 'Financial', 'Execute'];

/** Verbs that move money when money is what they act on (`transfer`, `send`, `checkout`). */
const MONEY_MOVING_VERBS: ReadonlySet<string> = new Set([
  'transfer', 'send', 'checkout', 'capture', 'process', 'place', 'sign', 'settle', 'submit', 'execute', 'confirm',
  'swap', 'approve',
]);
const MONEY_CONTEXT_WEIGHT = 3;

/** The evidence a name that runs a query language shows, recorded when it sets the floor. */
const NAMED_STATEMENT_WEIGHT = 1;

/** What a plural noun closing a verbless, undescribed name shows: just enough to tell. */
const COLLECTION_WEIGHT = MIN_EVIDENCE;

/** What a guidance noun after the name's verb shows (`deploy_guide`): as much as a data noun. */
const GUIDE_NOUN_WEIGHT = 2;

/** What operand parameters show of a bare arithmetic verb. */
const OPERANDS_WEIGHT = 2;

/** What a name verb still counts once the description shows it qualifies a noun. */
const MODIFIER_VERB_SHARE = 0.4;
const SAFE_ONLY_AS_ACTION: ReadonlySet<ActionCategory> = new Set(['Destructive', 'Financial']);

function decide(evidence: Evidence): Category {
  const { scores } = evidence;
  let top: ActionCategory = 'Read';
  for (const category of BY_RISK) if (scores[category] >= scores[top]) top = category;
  if (scores[top] < MIN_EVIDENCE) return 'Other';
  const fromSchema = evidence.bySource.get('schema');
  const risky = [...RISKY_FIRST].sort((a, b) => scores[b] - scores[a]);
  for (const category of risky) {
    if (categoryRiskRank(category) <= categoryRiskRank(top)) continue;
    if (scores[category] < OVERRIDE_MIN || scores[category] < OVERRIDE_SHARE * scores[top]) continue;
    // A parameter alone does not overturn a name and description that say "read": a
    // lookup may take a code snippet to look up. It does turn a change into a run.
    const onlySchema = (fromSchema?.[category] ?? 0) >= scores[category];
    if (onlySchema && top === 'Read') continue;
    return category;
  }
  return top;
}

/** A category raised over what the definition shows is as sure as the definition, discounted. */
const RAISED_DISCOUNT = 0.7;

function confidenceOf(
  category: Category,
  definition: Category,
  evidence: Evidence,
  description: string | undefined,
  contradictions: number,
): number {
  if (category !== definition) {
    const shown = confidenceOf(definition, definition, evidence, description, 0);
    return round(Math.max(0.05, shown * RAISED_DISCOUNT - 0.12 * contradictions));
  }
  if (category === 'Other') {
    return description && tidy(description.slice(0, 200)).length >= SHORT_DESCRIPTION ? 0.3 : 0.15;
  }
  const scores = evidence.scores;
  const total = Object.values(scores).reduce((sum, value) => sum + value, 0);
  const own = scores[category];
  const share = total > 0 ? own / total : 0;
  const strength = 1 - Math.exp(-own / 3);
  let confidence = 0.2 + 0.75 * share * strength;
  let agreeing = 0;
  for (const [source, perSource] of evidence.bySource) {
    if (source !== 'annotation' && perSource[category] > 0) agreeing += 1;
  }
  if (agreeing >= 2) confidence += 0.08;
  if (agreeing >= 3) confidence += 0.04;
  // Calibrated on the authors' own annotations: a description under 40 characters mostly
  // repeats the name, and tools shown that sure of a short one agreed only nine times in
  // ten, so none is shown at 80% or more.
  const length = description === undefined ? 0 : tidy(description.slice(0, 200)).length;
  if (length === 0) confidence *= 0.6;
  else if (length < SHORT_DESCRIPTION) confidence *= 0.75;
  else if (length < TERSE_DESCRIPTION) confidence *= 0.8;
  confidence -= 0.12 * contradictions;
  return round(Math.min(0.98, Math.max(0.05, confidence)));
}

/** What the definition shows, in a few words, for a contradiction's explanation. */
function shownBy(signal: Signal | undefined): string {
  if (!signal) return 'its definition';
  const [kind, value = ''] = signal.label.split(/:(.*)/s);
  const word = value.replace(/-/g, ' ').slice(0, 40);
  switch (kind) {
    case 'http-method':
      return `its name (HTTP ${word.toUpperCase()})`;
    case 'leading-verb':
    case 'name-compound':
    case 'name-agent':
    case 'name-collection':
    case 'name-guide':
    case 'name-verb':
      return `its name ("${word}")`;
    case 'title-verb':
      return `its title ("${word}")`;
    case 'description-verb':
    case 'description-list':
    case 'phrase':
      return 'its description';
    case 'param':
      return `its "${word}" parameter`;
    default:
      return 'its definition';
  }
}

const DOES: Record<ActionCategory, string> = {
  Read: 'only reads',
  Write: 'changes state',
  Execute: 'runs code or commands',
  Destructive: 'deletes or overwrites things',
  Financial: 'moves money or changes billing',
};

function contradictionsOf(definition: Category, declared: DeclaredHints, signals: readonly Signal[]): Contradiction[] {
  const found: Contradiction[] = [];
  const strongest = (category: ActionCategory): Signal | undefined =>
    signals.find((signal) => signal.category === category && signal.source !== 'annotation');
  if (declared.readOnly === true && definition !== 'Read' && definition !== 'Other') {
    found.push({
      annotation: 'readOnlyHint',
      claimed: true,
      explanation: `The server calls it read-only, but ${shownBy(strongest(definition))} shows that it ${DOES[definition]}. The claim is ignored.`,
    });
  }
  if (claimsDestructive(declared) && definition === 'Read') {
    found.push({
      annotation: 'destructiveHint',
      claimed: true,
      explanation: `The server says it may make destructive changes, but ${shownBy(strongest('Read'))} only describes reading. It is treated as changing state, to be safe.`,
    });
  }
  if (declared.destructive === false && declared.readOnly !== true && definition === 'Destructive') {
    found.push({
      annotation: 'destructiveHint',
      claimed: false,
      explanation: `The server says its changes are only additive, but ${shownBy(strongest('Destructive'))} shows that it deletes or overwrites things. The claim is ignored.`,
    });
  }
  return found;
}

/**
 * Applies the annotations on top of what the definition shows: they may raise the
 * category, never lower it.
 */
function applyHints(definition: Category, declared: DeclaredHints, evidence: Evidence): Category {
  let category = definition;
  const shownDestructive = evidence.scores.Destructive;
  if (declared.readOnly === true) {
    evidence.add('annotation', 'Read', 'annotation:readOnlyHint', 1, 'readOnlyHint: true');
  }
  if (declared.readOnly === false) {
    evidence.add('annotation', 'Write', 'annotation:readOnlyHint', 1, 'readOnlyHint: false');
    if (category === 'Read') category = 'Write';
  }
  if (claimsDestructive(declared)) {
    evidence.add('annotation', 'Destructive', 'annotation:destructiveHint', 1.5, 'destructiveHint: true');
    // The claim adds to what the definition shows: a change that the definition already
    // hints may destroy becomes Destructive; a read becomes at least a change.
    if ((category === 'Write' || category === 'Other' || category === 'Read') && shownDestructive > 0) {
      category = 'Destructive';
    } else if (category === 'Read' || category === 'Other') {
      category = 'Write';
    }
  }
  return category;
}

/** Parameters that do not decide the category but explain the policy (`path`, `url`). */
function contextSignals(category: Category, facts: ParamFacts, signals: Signal[]): void {
  for (const param of [facts.path, facts.url]) {
    if (!param || signals.some((signal) => signal.label === `param:${param.name}`)) continue;
    const quote = tidy(param.description ?? param.name).slice(0, 120);
    signals.push({ source: 'schema', category, label: `param:${param.name}`, weight: 0.3, ...(quote ? { quote } : {}) });
  }
}

/** Verbs whose object a plan or a preview is: `apply_plan` applies one, `create_preview` makes one. */
const PLAN_TAKERS: ReadonlySet<string> = new Set(['apply', 'execute', 'exec', 'run', 'approve', 'confirm', 'commit', 'create', 'publish', 'send', 'submit', 'share']);

/** Words of a sentence that hands the result back, or that sequences calls: "… and returns the matches", "Start a job first, then fetch it here". */
const RESULT_IN_HAND = /\b(?:returns?|returning|first|then|here)\b/i;

function firstSentence(text: string): string {
  const end = /[.!?;\n]/.exec(text);
  return end ? text.slice(0, end.index) : text;
}

/** Verbs of setting software up or running it, which guides are written about. */
const OPERATIONS: ReadonlySet<string> = new Set(['setup', 'configure', 'migrate', 'connect', 'init', 'initialize']);

/** The guidance noun right after the verb at `index`, or closing the name after it. */
function guideAbout(words: readonly string[], index: number): string | undefined {
  const next = words[index + 1];
  if (next !== undefined && GUIDE_NOUNS.has(next)) return next;
  const last = words.at(-1)!;
  return words.length - 1 > index && GUIDE_NOUNS.has(last) ? last : undefined;
}

function describedOperation(base: string): boolean {
  return verbOf(base, false)?.category === 'Execute' || OPERATIONS.has(base);
}

/** The context of a tool that takes no statement: nothing is asked of it. */
const NO_STATEMENT: StatementContext = { claimsReadOnly: false, handledAsText: false };

/** Words of a description that run or apply what the tool is given. */
const RUNS_OR_APPLIES =
  /\b(?:run|runs|running|ran|exec|execute|executes|executed|executing|commit|commits|committed|deploy|deploys|deployed)\b|\b(?:appl(?:y|ies|ied|ying)|submit(?:s|ted)?|perform(?:s|ed)?) (?:it|them|the (?:statement|query|sql|ddl|dml|migration|changes?))\b/gi;
/** A word before a run that denies it: "The query is never executed". */
const DENIED = /\b(?:never|not|without|no)\b[^.;:!?]{0,15}$/i;

/** Whether `text` says the tool runs or applies what it is given, outside a denial. */
function runsOrApplies(text: string): boolean {
  for (const match of text.matchAll(RUNS_OR_APPLIES)) {
    if (!DENIED.test(text.slice(Math.max(0, match.index - 30), match.index))) return true;
  }
  return false;
}

/**
 * The tool formats, checks or translates a statement (`format_sql`, "Validate a SQL query")
 * and nothing in its name or description runs or applies one: the statement is text it
 * hands back.
 */
function handlesStatementText(name: NameFacts, opening: VerbHit | undefined, description: string): boolean {
  const verbs = [name.leading, opening];
  if (!verbs.some((verb) => verb !== undefined && STATEMENT_TEXT_VERBS.has(verb.base))) return false;
  if (verbs.some((verb) => verb !== undefined && verb.category !== 'Read')) return false;
  if (runsOrApplies(description.slice(0, STATEMENT_TEXT_REACH))) return false;
  return !name.words.some((word) => verbOf(word, false)?.category === 'Execute');
}

/** How far into a description the words that run a statement, or limit it, are looked for. */
const STATEMENT_TEXT_REACH = 600;

/** A limit on the statement itself: "a read-only SQL query", "only SELECT statements" (SQL's keyword in capitals). */
const READ_ONLY_STATEMENT = /\bread[- ]only\s+(?:sql\s+)?(?:quer(?:y|ies)|statements?|transactions?)\b/i;
const SELECT_ONLY = new RegExp(String.raw`\b(?:[Oo]nly|ONLY)\s+SELECT${SELECT_AS_LIMIT}|\bSELECT[- ]only\b|\bSELECT (?:statements?|quer(?:y|ies)) only\b`);
/** A sentence that makes the limit conditional or about something else. */
const LIMIT_QUALIFIED = /\b(?:if|when|unless|unlike|except|by default)\b/i;

/**
 * The description limits the statement it runs to reads, unconditionally, in a sentence of
 * its own, and names no SQL that writes anywhere ("Only SELECT; pass allow_writes for INSERT").
 */
function limitsStatementToReads(description: string): boolean {
  const text = description.slice(0, STATEMENT_TEXT_REACH);
  if (namesSqlWrites(text)) return false;
  return text
    .split(/[.!?;\n]+/)
    .some((sentence) => (READ_ONLY_STATEMENT.test(sentence) || SELECT_ONLY.test(sentence)) && !LIMIT_QUALIFIED.test(sentence));
}

function classify(tool: ClassifiableTool, server: ServerRef | undefined): Classification {
  const name = asText(tool.name) ?? '';
  const annotations = typeof tool.annotations === 'object' && tool.annotations !== null ? (tool.annotations as Record<string, unknown>) : undefined;
  const title = asText(tool.title) ?? (annotations && Object.hasOwn(annotations, 'title') ? asText(annotations.title) : undefined);
  const rawDescription = asText(tool.description);
  const description = scannedPart(rawDescription);
  const evidence = new Evidence();

  const nameFacts: NameFacts = nameSignals(name, server, evidence);
  if (title !== undefined && title !== name) titleSignals(title, evidence);
  const described = descriptionSignals(description, evidence);
  const params = paramsOf(tool.inputSchema);
  const facts = paramFacts(params);
  const leading = nameFacts.leading;
  const opening = described.opening;
  // Only a tool that takes a statement needs to know how the rest of it treats one.
  const context = facts.sql
    ? {
        claimsReadOnly: described.readOnly || ((leading?.label.endsWith('-read-only') ?? false) && !namesSqlWrites(description)),
        handledAsText: handlesStatementText(nameFacts, opening, description),
      }
    : NO_STATEMENT;
  const statement = schemaSignals(facts, description, context, evidence).statement;

  // The query language a statement the name's verb, or the opening's, runs is in (`run_sql`).
  const nameRuns = leading !== undefined ? runsStatement(nameFacts.words, leading.index) : undefined;
  const openingRuns = opening !== undefined ? runsStatementOn(opening.base, described.openingObject) : undefined;

  // Each rule below that shows the name's verb only qualifies a noun scales it once more,
  // whether it led the name or closed it as a doer (`scheduler`) or a compound (`tfdestroy`).
  const asModifier = (verb: VerbHit): void => {
    if (nameFacts.leadingSignal) evidence.scale(nameFacts.leadingSignal, verb.category, MODIFIER_VERB_SHARE);
  };
  // "Get the logs of a build" for `build_logs`: a description that opens with a read says
  // the name's verb only qualifies the data. A verb that deletes or moves money keeps its
  // weight: reading it as a modifier wrongly would hide the riskiest tools.
  if (nameFacts.verbBeforeDataNoun && described.opensWithRead && leading && !SAFE_ONLY_AS_ACTION.has(leading.category)) {
    asModifier(leading);
  }
  // "Get share link for the project" for `project_share_link_get`, "Returns a mapping of
  // exchanges" for `exchange_map`: what the description's read acts on is the name's verb
  // used as a thing. So is a verb the description uses with a word of the name as a noun
  // phrase ("for a specific push message" for `push_message_detail`), or names as what the
  // answer is about ("Get best practices for deploying"). Only a verb that
  // reads by itself counts ("Execute a write query" runs the write).
  const readsItself = opening !== undefined && verbOf(opening.base, false)?.category === 'Read';
  if (leading && described.opensWithRead && readsItself && leading.category !== 'Read' && !SAFE_ONLY_AS_ACTION.has(leading.category)) {
    const thing =
      nounFormOf(leading.base, described.openingObject) !== undefined ||
      nounFormOf(leading.base, topicsOf(description)) !== undefined ||
      verbInNounPhrase(description, nameFacts.words, leading.index);
    if (thing) asModifier(leading);
  }
  // `build_instructions`, `install_help`, `migrate_app_to_v2_guide`: guidance on an
  // operation, not the operation. Creating or editing a guide is still a change
  // (`create_guide`).
  const guide = leading ? guideAbout(nameFacts.words, leading.index) : undefined;
  if (leading && guide !== undefined && describedOperation(leading.base)) {
    asModifier(leading);
    evidence.add('name', 'Read', `name-guide:${guide}`, GUIDE_NOUN_WEIGHT, name.slice(0, 120));
  }
  // `deploy_plan` that "makes no changes (dry run)": the plan of a deployment, computed and
  // handed back. Without the description's word, the name may as well deploy a plan.
  if (
    leading &&
    described.readOnly &&
    REHEARSALS.has(nameFacts.words[leading.index + 1] ?? '') &&
    !PLAN_TAKERS.has(leading.base) &&
    !SAFE_ONLY_AS_ACTION.has(leading.category)
  ) {
    asModifier(leading);
  }
  // `execute_sql` that runs "a read-only SQL query": a statement limited to reads, run,
  // reads, so the name's running of it, and the description's, count for little when
  // nothing else the tool takes runs. Only a limit on the statement itself counts, not
  // any word of reading elsewhere in the description.
  if (statement === 'reads' && !facts.command && !facts.code && limitsStatementToReads(description)) {
    if (leading?.category === 'Execute' && nameRuns) asModifier(leading);
    if (opening?.category === 'Execute' && openingRuns) {
      evidence.scale(`description-verb:${opening.label}`, 'Execute', MODIFIER_VERB_SHARE);
    }
    evidence.scale('phrase:runs-code', 'Execute', MODIFIER_VERB_SHARE);
  }
  // "Trigger a search for missing episodes" for `search_missing`, "Initiate an export of
  // the logs" for `logs_export`: a description that opens by setting work going says the
  // name's read is that work, done by the service after the call, not an answer the call
  // hands back. The verb must lead the description ("A crawler that initiates a crawl"
  // describes how the tool reads) and start the very work the name names; a sentence that
  // hands the result back, or tells the caller what to start first, describes a read.
  if (
    leading?.category === 'Read' &&
    opening?.index === 0 &&
    opening.category !== 'Read' &&
    WORK_STARTING_VERBS.has(opening.base) &&
    nounFormOf(leading.base, described.openingObject) !== undefined &&
    !RESULT_IN_HAND.test(firstSentence(description))
  ) {
    asModifier(leading);
  }
  // A name whose verb has no object after it (`add`, `tally_multiply`) leaves the object to
  // the description: "Add two numbers" computes, so the description's reading of the same
  // verb decides.
  if (leading && nameFacts.bareVerb && opening?.base === leading.base && opening.category !== leading.category) {
    asModifier(leading);
  }
  // `add(a, b)` with nothing said: a bare arithmetic verb on operands computes.
  if (leading && nameFacts.bareVerb && ARITHMETIC_VERBS.has(leading.base) && leading.category !== 'Read' && onlyOperands(params)) {
    asModifier(leading);
    evidence.add('schema', 'Read', 'params-operands', OPERANDS_WEIGHT, params.map((param) => param.name).join(', '));
  }
  const moneyContext = nameFacts.moneyNoun !== undefined || facts.payee !== undefined || described.money;
  if (moneyContext && leading && MONEY_MOVING_VERBS.has(leading.base) && leading.category !== 'Financial') {
    evidence.add('name', 'Financial', `name-money:${leading.base}`, MONEY_CONTEXT_WEIGHT, name.slice(0, 120));
  }

  let shown = decide(evidence);
  // `ledger_accounts` with nothing said: a name that only names things hands them back. A
  // description, whatever it says, is left to decide, and so are parameters that carry
  // content or an action (`k8s_secrets` with `data`, `firewall_rules` with `action`).
  if (shown === 'Other' && nameFacts.collection !== undefined && description.trim() === '' && takesNoContent(params, facts)) {
    evidence.add('name', 'Read', `name-collection:${nameFacts.collection}`, COLLECTION_WEIGHT, name.slice(0, 120));
    shown = 'Read';
  }
  // Both are Critical; ending a subscription or voiding an invoice is about money first,
  // deleting a record of it is a deletion.
  if (shown === 'Destructive' && evidence.scores.Financial >= OVERRIDE_MIN && !(leading && HARD_DELETES.has(leading.base))) {
    shown = 'Financial';
  }
  // An endpoint named after an unsafe HTTP method may change state whatever its path
  // suggests (a POST that searches may also save the search): DELETE destroys, the others
  // change. The method sets a floor; the rest of the definition can only raise it.
  const method = nameFacts.unsafeMethod;
  if (method === 'delete' ? shown !== 'Destructive' && shown !== 'Financial' : method && (shown === 'Read' || shown === 'Other')) {
    shown = method === 'delete' ? 'Destructive' : 'Write';
  }
  // Nobody asks a caller to confirm a read: a `confirm` switch guards a change, so it sets
  // a floor like an unsafe method.
  if (facts.confirmation && (shown === 'Read' || shown === 'Other')) shown = 'Write';
  // A query runner: a statement the caller writes, run as given, may change data whatever
  // the name calls it (`run_query`), unless the tool says it only reads. A name that runs a
  // query language says as much when the schema does not show the statement.
  // So does a description that opens by running one ("Run a SQL query against ...").
  const namedStatement = !described.readOnly ? nameRuns : undefined;
  const describedStatement = !described.readOnly ? openingRuns : undefined;
  if (statement === undefined && shown === 'Read' && (namedStatement || describedStatement)) {
    if (namedStatement) evidence.add('name', 'Execute', `name-runs:${namedStatement}`, NAMED_STATEMENT_WEIGHT, name.slice(0, 120));
    else evidence.add('description', 'Execute', `description-runs:${describedStatement}`, NAMED_STATEMENT_WEIGHT, description.slice(0, 120));
    shown = 'Execute';
  }
  if (statement === 'may-write' && shown === 'Read') shown = 'Execute';
  // "Execute a GraphQL query or mutation": a mutation run as given may write, whatever the
  // name calls the tool.
  if (shown === 'Read' && opening?.label.endsWith('-mutation')) shown = 'Execute';
  // Saving to a caller-chosen file is a change, however read-like the rest is: the MCP spec's
  // read-only means "does not modify its environment", and a file written where the caller
  // says (possibly over an existing one) modifies it.
  const definition: Category = shown === 'Read' && (facts.outputPath || described.writesFiles) ? 'Write' : shown;

  const declared = declaredHints(tool.annotations);
  const contradictions = contradictionsOf(definition, declared, evidence.signals);
  const category = applyHints(definition, declared, evidence);

  // Signals a cap left without weight said nothing new.
  const signals = evidence.signals
    .filter((signal) => signal.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_SIGNALS);
  contextSignals(category, facts, signals);
  const rationale = buildRationale({
    name,
    category,
    signals,
    facts,
    hasDescription: description.trim() !== '',
  });
  const classification: Classification = {
    category,
    risk: RISK_OF_CATEGORY[category],
    confidence: confidenceOf(category, shown, evidence, description, contradictions.length),
    rationale,
    signals,
    contradictions,
    engine: ENGINE,
  };
  return withPoisoning(classification, tool);
}

/** What text in a definition does when it is addressed to the model, not to people. */
const POISONING_KINDS: ReadonlySet<SuspiciousTextKind> = new Set(['instructions-to-model', 'concealment', 'sensitive-target']);
const SOURCE_OF_FIELD: Readonly<Record<string, Signal['source']>> = { description: 'description', title: 'title', inputSchema: 'schema' };
const POISONED_RISK: Risk = 'High';
const POISONED_RATIONALE =
  'Its definition speaks to the AI model rather than describing the tool (tool poisoning), so whatever it does, an agent that reads it may be steered: hide it until a person has read the definition.';

/**
 * A definition that addresses the model is a threat in itself, whatever the tool does:
 * its risk is raised to at least High and it is marked poisoned, with the text that shows
 * it as signals, so the recommended policy hides it and the page leads with the warning.
 */
function withPoisoning(classification: Classification, tool: ClassifiableTool): Classification {
  const findings = findSuspiciousText(tool).filter((finding) => POISONING_KINDS.has(finding.kind));
  if (findings.length === 0) return classification;
  const signals: Signal[] = findings.map((finding) => ({
    source: SOURCE_OF_FIELD[finding.field] ?? 'description',
    category: classification.category,
    label: `poisoning:${finding.kind}`,
    weight: 0,
    quote: finding.quote.slice(0, 400),
  }));
  return {
    ...classification,
    risk: riskRank(classification.risk) >= riskRank(POISONED_RISK) ? classification.risk : POISONED_RISK,
    rationale: `${POISONED_RATIONALE} ${classification.rationale}`.slice(0, 1000),
    signals: [...signals, ...classification.signals].slice(0, 50),
    poisoned: true,
  };
}

/** The classification of one tool, optionally with its server (whose name prefixes are skipped). */
export function classifyTool(tool: ClassifiableTool, server?: ServerIdentity): Classification {
  try {
    return classify(tool, server);
  } catch {
    // Definitions are third-party input: a shape no rule foresaw must not stop a build.
    return {
      category: 'Other',
      risk: RISK_OF_CATEGORY.Other,
      confidence: 0.05,
      rationale: 'The definition of this tool could not be read, so what it does cannot be told. Until it can, treat it like a change: allow it with a moderate rate limit, or deny it.',
      signals: [],
      contradictions: [],
      engine: ENGINE,
    };
  }
}
