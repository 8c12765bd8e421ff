/**
 * Meta descriptions (the snippet a search result shows) written from a page's own facts:
 * for a tool, what it does (the first sentence of its description), its category and
 * risk, and what the recommended policy does to it; for a server, its tool count, its mix
 * of risks and what its policy does. At most about 155 characters, where search engines
 * cut snippets; the facts come first in the budget and the quoted description gets the
 * rest, cut at a word boundary.
 *
 * Descriptions are third-party text: markup, Markdown and control, bidi or zero-width
 * characters are removed, and a poisoned definition (text addressed to the AI model) is
 * never quoted. Plain text only: pages escape it.
 */
import { dispositionOf, MINUTE_LIMIT_OF_CATEGORY, type ToolRuleDecision } from '../policy/recommend-policy.ts';
import { CATEGORIES, RISKS, type Category, type Classification, type Risk } from '../schema/classification.ts';
import { THREAT_OF_GUARD } from './guard-wording.ts';
import { capName, count, joinList } from './text.ts';

/** Where search engines cut a description. */
export const META_DESCRIPTION_TARGET = 155;

/** The fewest characters of a tool's own words kept, even when that passes the target. */
const MIN_LEAD = 50;

/** Characters of a description looked at: its first sentence is well within them. */
const MAX_SOURCE_UNITS = 4000;

// ---------------------------------------------------------------------------
// Tools

export interface ToolMetaFacts {
  toolName: string;
  serverName: string;
  /** The tool's description, as the server sends it (untrusted). */
  description?: string | undefined;
  classification: Pick<Classification, 'category' | 'risk' | 'poisoned'>;
  /** What the recommended policy does (policy/recommend-policy.ts). */
  decision: Pick<ToolRuleDecision, 'disposition' | 'guards' | 'limit'>;
}

/**
 * Two sentences: what the tool does, then "<Category> tool, <risk> risk. Recommended
 * policy: <what it does>."
 */
export function toolMetaDescription(facts: ToolMetaFacts): string {
  const { category, risk, poisoned } = facts.classification;
  const verdict = `${kindOf(category)}, ${risk} risk. Recommended policy: ${policyPhrase(facts.decision, poisoned === true)}.`;
  const room = Math.max(MIN_LEAD, META_DESCRIPTION_TARGET - verdict.length - 1);
  // A poisoned description is written for the model; a search snippet must not repeat it.
  const sentence = poisoned ? '' : firstSentence(facts.description ?? '');
  const lead = sentence !== '' ? shorten(sentence, room) : unnamedLead(facts.toolName, facts.serverName, room);
  return `${lead} ${verdict}`;
}

/** "Write tool"; "Tool classed Other", which alone would read as "another tool". */
function kindOf(category: Category): string {
  return category === 'Other' ? 'Tool classed Other' : `${category} tool`;
}

function policyPhrase(decision: ToolMetaFacts['decision'], poisoned: boolean): string {
  if (poisoned) {
    const action = decision.disposition === 'hidden' ? 'hide it' : 'refuse it';
    return `${action}, as its definition addresses the AI model`;
  }
  switch (decision.disposition) {
    case 'hidden':
      return 'hide it and refuse every call';
    case 'denied':
      return 'refuse every call';
    case 'allowed': {
      const allow = decision.limit ? `allow ${decision.limit.max} calls a ${decision.limit.window}` : 'allow with no rate limit';
      const threats = [...new Set(decision.guards.map((guard) => THREAT_OF_GUARD[guard.kind]))];
      if (threats.length === 0) return allow;
      // Named threats say more than "risky arguments", as long as they stay short.
      const named = joinList(threats);
      return `${allow}${decision.limit ? ',' : ', but'} block ${named.length <= 40 ? named : 'risky arguments'}`;
    }
  }
}

/** "<tool> is a tool of <server>.", both names cut to share `room`. */
function unnamedLead(toolName: string, serverName: string, room: number): string {
  const fixed = ' is a tool of .'.length;
  const each = Math.max(16, Math.floor((room - fixed) / 2));
  return `${capName(toolName, each)} is a tool of ${capName(serverName, each)}.`;
}

// ---------------------------------------------------------------------------
// Servers

export interface ServerMetaFacts {
  name: string;
  tools: ReadonlyArray<{ name: string; classification: Pick<Classification, 'category' | 'risk' | 'poisoned'> }>;
}

/**
 * "<server> MCP server: <n> tools (<risk mix>). Recommended policy: <what it does>."
 * What the policy does to each tool is decided as the server policy decides it
 * (`dispositionOf` and the per-category limits), without deriving argument guards.
 */
export function serverMetaDescription(facts: ServerMetaFacts): string {
  const tools = facts.tools;
  const counts = tools.length === 0 ? 'lists no tools' : `${count(tools.length, 'tool')} (${riskMix(tools)})`;
  const rest = `MCP server: ${counts}. Recommended policy: ${serverPolicyPhrase(tools)}.`;
  const nameRoom = Math.max(30, META_DESCRIPTION_TARGET - rest.length - 1);
  return `${capName(facts.name, nameRoom)} ${rest}`;
}

function riskMix(tools: ServerMetaFacts['tools']): string {
  const byRisk = new Map<Risk, number>();
  for (const tool of tools) byRisk.set(tool.classification.risk, (byRisk.get(tool.classification.risk) ?? 0) + 1);
  const parts = RISKS.filter((risk) => byRisk.has(risk)).map((risk) => `${byRisk.get(risk)} ${risk}`);
  return `${parts.join(', ')} risk`;
}

function serverPolicyPhrase(tools: ServerMetaFacts['tools']): string {
  if (tools.length === 0) return 'refuse every call';
  let unlimited = 0;
  let limited = 0;
  let poisoned = 0;
  const refused = new Map<Category, number>();
  for (const { name, classification } of tools) {
    const { category } = classification;
    if (dispositionOf(name, category, classification.poisoned === true) !== 'allowed') {
      if (classification.poisoned) poisoned += 1;
      else refused.set(category, (refused.get(category) ?? 0) + 1);
    } else if (MINUTE_LIMIT_OF_CATEGORY[category] === undefined) {
      unlimited += 1;
    } else {
      limited += 1;
    }
  }
  const clauses: string[] = [];
  if (unlimited > 0) clauses.push(`allow ${count(unlimited, 'read tool')}`);
  if (limited > 0) clauses.push(unlimited > 0 ? `rate-limit ${limited}` : `allow ${count(limited, 'tool')} under rate limits`);
  const refusedTotal = [...refused.values()].reduce((sum, n) => sum + n, 0);
  if (refusedTotal > 0) {
    const kinds = joinList(CATEGORIES.filter((category) => refused.has(category)).map((category) => category.toLowerCase()), 'or');
    clauses.push(`hide ${count(refusedTotal, `${kinds} tool`)}`);
  }
  if (poisoned > 0) clauses.push(`hide ${poisoned} whose ${poisoned === 1 ? 'definition addresses' : 'definitions address'} the AI model`);
  return joinList(clauses);
}

// ---------------------------------------------------------------------------
// A description's first sentence, as plain text

/** Abbreviations whose full stop never ends a sentence. */
const ALWAYS_ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|vs|cf|approx|incl|esp)\.$/i;
/** "etc." ends a sentence when a capital letter follows, and not otherwise. */
const SOMETIMES_ABBREVIATION = /(?:^|[\s(])etc\.$/i;

/** A line that starts a new block: a list item, a section such as "Args:", a table row. */
const BLOCK_START = /^(?:[-*+•]\s|\d+[.)]\s|\||(?:args|arguments|parameters|params|inputs?|returns?|outputs?|examples?|usage|notes?|raises|options)\s*:)/i;

/**
 * The first sentence of a description, as plain text: markup and Markdown removed,
 * control and invisible characters dropped, lines joined. Empty when nothing is left.
 * A description without a sentence end gives its first paragraph.
 */
export function firstSentence(description: string): string {
  // A Markdown heading is a title, not what the tool does: used only when nothing else is there.
  const paragraph = firstParagraph(plainText(description, false)) || firstParagraph(plainText(description, true));
  if (paragraph === '') return '';
  const sentence = upToSentenceEnd(paragraph).replace(/[\s,;:–—-]+$/u, '');
  if (sentence === '') return '';
  const capitalised = `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
  return /[.!?…。！？]["')\]]*$/u.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Markup and Markdown to text; line structure kept (block tags become paragraph breaks). */
function plainText(description: string, keepHeadings: boolean): string {
  const head = description.length > MAX_SOURCE_UNITS ? description.slice(0, MAX_SOURCE_UNITS) : description;
  return decodeEntities(
    head
      .replace(/\r\n?/g, '\n')
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(/<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' '),
  )
    .replace(/<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|pre|blockquote)\b[^<>]*>/gi, '\n\n')
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/^\s*(?:```|~~~)[\s\S]*?(?:^\s*(?:```|~~~)|$(?![\s\S]))/gm, '\n\n')
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1')
    .replace(/`+([^`\n]*)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,;:!?]|$)/gm, '$1$2')
    .replace(/^[ \t]*#{1,6}[ \t]+([^\n]*?)[ \t#]*$/gm, keepHeadings ? '$1\n' : '\n')
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/[\p{Zl}\p{Zp}]/gu, '\n')
    // Invisible characters join what they separate; other controls become spaces.
    .replace(/[\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]/gu, '')
    .replace(/[^\P{Cc}\n]/gu, ' ');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…' };

function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|([a-z]+));/gi, (entity, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
  });
}

/**
 * The first paragraph with text, its lines joined; it ends at a blank line or at a line
 * that starts a list or a section ("Args:"), which follow a summary rather than finish it.
 */
function firstParagraph(text: string): string {
  for (const block of text.split(/\n[ \t]*\n/)) {
    const lines = block.split('\n').map((line) => line.trim());
    const kept: string[] = [];
    for (const line of lines) {
      if (kept.length > 0 && BLOCK_START.test(line)) break;
      if (line !== '') kept.push(line);
    }
    const joined = kept.join(' ').replace(/\s+/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(joined)) return joined;
  }
  return '';
}

/** `text` up to and including its first sentence end (an abbreviation's full stop is not one). */
function upToSentenceEnd(text: string): string {
  const end = /[.!?…。！？]+["')\]]*(?=\s|$)/gu;
  for (let match = end.exec(text); match; match = end.exec(text)) {
    const upTo = text.slice(0, match.index + match[0].length);
    if (match[0].startsWith('.') && isAbbreviation(text.slice(0, match.index + 1), text.slice(upTo.length).trimStart())) continue;
    return upTo;
  }
  return text;
}

function isAbbreviation(before: string, after: string): boolean {
  if (ALWAYS_ABBREVIATION.test(before)) return true;
  return SOMETIMES_ABBREVIATION.test(before) && !/^\p{Lu}/u.test(after);
}

/**
 * `text` in at most `max` characters (code points): cut at the last word boundary that
 * keeps most of it, else inside a word, and ended with an ellipsis.
 */
export function shorten(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  const head = points.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= head.length * 0.6 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}
