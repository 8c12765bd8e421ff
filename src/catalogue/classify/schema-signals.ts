/**
 * Evidence from the input schema's parameters: what a caller can hand the tool says what
 * it can do. A `command` or `code` parameter runs; a statement in a query language that
 * the tool runs as given may change data unless the tool says it only reads, or queries an
 * analytics store (events, logs, metrics); a `sql` parameter whose text allows
 * INSERT/UPDATE/DELETE changes data; an output path writes a file where the caller says;
 * an `amount` with a recipient moves money; a `confirm` switch guards a change. A `query`
 * or `path` alone says little, but pages use them to explain a policy's conditions.
 */
import type { Evidence } from './evidence.ts';
import type { Param } from './schema-params.ts';
import {
  AMOUNT_PARAM_WORDS,
  CODE_PARAM_QUALIFIERS,
  COMMAND_PARAM_WORDS,
  CONTENT_PARAM_WORDS,
  DESTRUCTIVE_FLAG_WORDS,
  OUTPUT_PARAM_LEADERS,
  PAGING_PARAM_WORDS,
  PATH_PARAM_WORDS,
  PAYEE_PARAM_WORDS,
  SEARCH_PARAM_WORDS,
  SQL_PARAM_WORDS,
  URL_PARAM_WORDS,
  riskierVerb,
  verbOf,
  type Verb,
} from './vocabulary.ts';
import { splitName } from './split-name.ts';
import { categoryRiskRank } from '../schema/classification.ts';
import { quoteStart } from './text.ts';

export const WEIGHT = {
  command: 3.5,
  code: 3.5,
  sqlWrite: 3,
  sqlUnknown: 1,
  sqlRead: 1,
  outputPath: 2,
  content: 0.6,
  search: 0.6,
  paging: 0.4,
  payment: 2.5,
  amountOnly: 0.8,
  destructiveFlag: 0.6,
  confirmation: 1,
  action: 3.5,
} as const;

/** Parameters that pick what a multi-action tool does. */
const ACTION_PARAM_WORDS: ReadonlySet<string> = new Set([
  'action', 'actions', 'operation', 'operations', 'op', 'verb', 'subcommand', 'command', 'cmd',
]);

/** The riskiest verb among an action parameter's enum values. */
function riskiestAction(values: readonly string[]): Verb | undefined {
  let best: Verb | undefined;
  for (const value of values) {
    const first = splitName(value)[0];
    const verb = first === undefined ? undefined : verbOf(first, false);
    if (verb && riskierVerb(verb, best)) best = verb;
  }
  return best;
}

/** The parameters that say something, found once per tool. */
export interface ParamFacts {
  command?: Param;
  code?: Param;
  sql?: Param;
  outputPath?: Param;
  path?: Param;
  url?: Param;
  amount?: Param;
  payee?: Param;
  content?: Param;
  search?: Param;
  paging?: Param;
  destructiveFlag?: Param;
  /** A top-level `confirm` switch: the tool asks the caller to confirm what it is about to do. */
  confirmation?: Param;
  /** `action: list | create | delete`: the riskiest action a multi-action tool offers. */
  action?: { param: Param; verb: Verb };
  count: number;
}

/** What an undescribed `code` parameter counts, of a described one. */
const UNDESCRIBED_CODE_SHARE = 0.5;

const NOT_CODE =
  /\b(?:zip|postal|country|verification|authori[sz]ation|otp|error|status|currency|language|airport|promo|coupon|discount|invit\w*|referral|mfa|2fa|sms|one[- ]time|product|area|access code|auth code|exit code|naics|sic|icd|iso|http|response|colou?r|mermaid|markdown|diagram|html|css|latex|svg|plantuml|graphviz|qr|barcode|bar)\b/i;
const CODE_FUNCTION = /=>|\bjavascript\b|\bjs\b|source code|code to (?:run|execute)|function (?:body|source)/i;
const SQL_TEXT = /\bSQL\b|\bSELECT\b|\bcypher\b|\bSPARQL\b|\bGraphQL\b|\b(?:KQL|DQL|PromQL|LogQL|HogQL|TraceQL)\b/i;
/**
 * Queries over an event, log or metrics store only read it: analytics languages have no
 * statements that change data.
 */
const ANALYTICS_TEXT = /\b(?:analytics|events?|logs?|metrics|traces?|spans?|telemetry|observability|monitoring|KQL|DQL|PromQL|LogQL|HogQL|TraceQL)\b/i;
const OUTPUT_DESCRIPTION =
  /\b(?:save|saves|saved|write|writes|written|store|stored|output|export|exported|download|downloaded)\b[^.]{0,60}?\b(?:to|into|in)\b|\bwhere to (?:save|write|store)|\bto save\b|\bdirectory for (?:the )?(?:reports?|outputs?|results?|files?)/i;

/** First words of a switch that asks the caller to confirm (`confirm`, `confirmDeletion`). */
const CONFIRMATION_WORDS: ReadonlySet<string> = new Set(['confirm', 'confirmed', 'confirmation']);

function joined(param: Param): string {
  return param.words.join('');
}

function isCode(param: Param): boolean {
  const { words } = param;
  const last = words.at(-1);
  const description = param.description ?? '';
  if (last === 'code' || joined(param) === 'sourcecode') {
    const qualified = words.length === 1 || CODE_PARAM_QUALIFIERS.has(words.at(-2)!);
    return qualified && !NOT_CODE.test(description);
  }
  return last === 'function' && words.length === 1 && CODE_FUNCTION.test(description);
}

function isSql(param: Param): boolean {
  if (SQL_PARAM_WORDS.has(joined(param)) || param.words.includes('sql')) return true;
  return param.words.at(-1) === 'query' && SQL_TEXT.test(param.description ?? '');
}

/** Words after a path's own word that only say how it is written (`outputPathAbsolute`). */
const PATH_QUALIFIERS: ReadonlySet<string> = new Set(['absolute', 'relative', 'full', 'abs', 'rel']);

function isPath(param: Param): boolean {
  const { words } = param;
  let end = words.length;
  while (end > 1 && PATH_QUALIFIERS.has(words[end - 1]!)) end -= 1;
  return PATH_PARAM_WORDS.has(words[end - 1] ?? '') || PATH_PARAM_WORDS.has(joined(param));
}

export function paramFacts(params: readonly Param[]): ParamFacts {
  const facts: ParamFacts = { count: params.length };
  for (const param of params) {
    const last = param.words.at(-1) ?? '';
    const first = param.words[0] ?? '';
    const whole = joined(param);
    if (param.enumValues && ACTION_PARAM_WORDS.has(last)) {
      // A command chosen from a fixed list is an action, not free text to run.
      const verb = riskiestAction(param.enumValues);
      if (verb && (!facts.action || categoryRiskRank(verb.category) > categoryRiskRank(facts.action.verb.category))) {
        facts.action = { param, verb };
      }
      continue;
    }
    if (!facts.command && COMMAND_PARAM_WORDS.has(last) && param.words.length <= 3) facts.command = param;
    else if (!facts.code && isCode(param)) facts.code = param;
    else if (!facts.sql && isSql(param)) facts.sql = param;
    else if (isPath(param)) {
      if (!facts.outputPath && (OUTPUT_PARAM_LEADERS.has(first) || OUTPUT_DESCRIPTION.test(param.description ?? ''))) {
        facts.outputPath = param;
      }
      facts.path ??= param;
    } else if (!facts.url && URL_PARAM_WORDS.has(last)) facts.url = param;
    else if (!facts.amount && (last === 'amount' || last === 'amounts' || AMOUNT_PARAM_WORDS.has(whole))) facts.amount = param;
    else if (!facts.payee && (PAYEE_PARAM_WORDS.has(whole) || last === 'recipient' || last === 'payee')) facts.payee = param;
    else if (!facts.content && CONTENT_PARAM_WORDS.has(whole)) facts.content = param;
    else if (!facts.search && SEARCH_PARAM_WORDS.has(last)) facts.search = param;
    else if (!facts.paging && PAGING_PARAM_WORDS.has(whole)) facts.paging = param;
    if (!facts.confirmation && param.depth === 0 && CONFIRMATION_WORDS.has(first) && (param.type === 'boolean' || param.type === undefined)) {
      facts.confirmation = param;
    }
    if (
      !facts.destructiveFlag &&
      DESTRUCTIVE_FLAG_WORDS.has(first) &&
      (param.type === 'boolean' || param.type === undefined)
    ) {
      facts.destructiveFlag = param;
    }
  }
  // A recipient means money only next to an amount: an email has recipients too.
  if (!facts.amount) delete facts.payee;
  return facts;
}

/** The evidence a parameter shows, quoted from its description when it has one. */
function quoteOf(param: Param): string {
  return quoteStart(param.description && param.description.trim() !== '' ? param.description : param.name);
}

/** SQL whose description allows changing data. */
const SQL_WRITES = /\b(?:INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|TRUNCATE|MERGE|UPSERT|GRANT|REVOKE|DDL|DML)\b/;

/** Whether `text` names SQL that changes data (`INSERT`, `DROP`, "DDL"), in SQL's own capitals. */
export function namesSqlWrites(text: string): boolean {
  return SQL_WRITES.test(text);
}
const SQL_WRITES_WORDS = /\b(?:any|arbitrary|write|writes|modifying|mutating|data[- ]modifying)\s+(?:sql|quer(?:y|ies)|statements?)\b/i;

/** Names of the numbers an arithmetic tool takes: `a`, `b`, `x`, `num1`, `firstNumber`. */
const OPERAND_NAME = /^(?:[a-z]|nums?\d*|numbers?\d*|[xy]\d*|operand\d*|(?:first|second|left|right)(?:number|operand|value)?|value\d*)$/i;
const MAX_OPERANDS = 3;

/** Words of parameters that carry what a tool would store, send or set: content, values, settings. */
const CONTENT_WORDS: ReadonlySet<string> = new Set(
  `data body payload value values content text message title description image file files
    attributes properties config configuration settings role roles permission permissions action
    operation replicas port steps script`.split(/\s+/),
);

/**
 * No parameter carries content or an action (`data`, `body`, `action`, `replicas`), nor
 * anything else that shows a change: the parameters can only pick what comes back.
 */
export function takesNoContent(params: readonly Param[], facts: ParamFacts): boolean {
  if (facts.command || facts.code || facts.sql || facts.content || facts.action || facts.amount || facts.outputPath) return false;
  if (facts.destructiveFlag || facts.confirmation) return false;
  return params.every((param) => param.depth > 0 || !param.words.some((word) => CONTENT_WORDS.has(word)));
}

/** The parameters are only the numbers an arithmetic verb works on. */
export function onlyOperands(params: readonly Param[]): boolean {
  return params.length > 0 && params.length <= MAX_OPERANDS && params.every((param) => OPERAND_NAME.test(param.name));
}

export interface SchemaFacts {
  /**
   * The tool runs a statement in a query language as given: `reads` when it says it only
   * reads or queries an analytics store, `may-write` otherwise.
   */
  statement?: 'reads' | 'may-write';
}

/** What the rest of the definition says of a statement the tool takes. */
export interface StatementContext {
  /** The description says the tool only reads. */
  claimsReadOnly: boolean;
  /** The tool formats, checks or translates the statement and runs nothing: it is text. */
  handledAsText: boolean;
}

export function schemaSignals(
  facts: ParamFacts,
  description: string,
  context: StatementContext,
  evidence: Evidence,
): SchemaFacts {
  const found: SchemaFacts = {};
  if (facts.command) {
    evidence.add('schema', 'Execute', `param:${facts.command.name}`, WEIGHT.command, quoteOf(facts.command));
  }
  if (facts.code) {
    // A `code` nobody describes may be a stock, country or course code as well as a program.
    const described = (facts.code.description ?? '').trim() !== '';
    evidence.add('schema', 'Execute', `param:${facts.code.name}`, WEIGHT.code * (described ? 1 : UNDESCRIBED_CODE_SHARE), quoteOf(facts.code));
  }
  if (facts.sql) {
    const text = `${facts.sql.description ?? ''}\n${description}`;
    const writes = SQL_WRITES.exec(text) ?? SQL_WRITES_WORDS.exec(text);
    const label = `param:${facts.sql.name}`;
    if (context.handledAsText || context.claimsReadOnly || (!writes && ANALYTICS_TEXT.test(text))) {
      evidence.add('schema', 'Read', label, WEIGHT.sqlRead, quoteOf(facts.sql));
      found.statement = 'reads';
    } else if (writes) {
      evidence.add('schema', 'Execute', label, WEIGHT.sqlWrite, quoteOf(facts.sql));
      found.statement = 'may-write';
    } else {
      evidence.add('schema', 'Execute', label, WEIGHT.sqlUnknown, quoteOf(facts.sql));
      found.statement = 'may-write';
    }
  }
  if (facts.outputPath) {
    evidence.add('schema', 'Write', `param:${facts.outputPath.name}`, WEIGHT.outputPath, quoteOf(facts.outputPath));
  }
  if (facts.content) evidence.add('schema', 'Write', `param:${facts.content.name}`, WEIGHT.content, quoteOf(facts.content));
  if (facts.amount) {
    if (facts.payee) {
      evidence.add('schema', 'Financial', `param:${facts.amount.name}`, WEIGHT.payment, quoteOf(facts.amount));
    } else {
      evidence.add('schema', 'Financial', `param:${facts.amount.name}`, WEIGHT.amountOnly, quoteOf(facts.amount));
    }
  }
  if (facts.destructiveFlag) {
    evidence.add('schema', 'Destructive', `param:${facts.destructiveFlag.name}`, WEIGHT.destructiveFlag, quoteOf(facts.destructiveFlag));
  }
  if (facts.confirmation) {
    evidence.add('schema', 'Write', `param:${facts.confirmation.name}`, WEIGHT.confirmation, quoteOf(facts.confirmation));
  }
  if (facts.action) {
    const { param, verb } = facts.action;
    evidence.add('schema', verb.category, `param:${param.name}=${verb.base}`, WEIGHT.action * verb.strength, quoteOf(param));
  }
  if (facts.search) evidence.add('schema', 'Read', `param:${facts.search.name}`, WEIGHT.search, quoteOf(facts.search));
  if (facts.paging) evidence.add('schema', 'Read', `param:${facts.paging.name}`, WEIGHT.paging, quoteOf(facts.paging));
  return found;
}
