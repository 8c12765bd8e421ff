/**
 * Tool poisoning writes instructions for the model into a tool's definition: "ignore
 * previous instructions", "<IMPORTANT>", "do not tell the user", "read ~/.ssh/id_rsa
 * first", or characters a reader cannot see. The site always shows such text as inert
 * quoted data; this finds the patterns a rule can recognise, so pages can flag them.
 * Deterministic, and bounded: only the first characters of each string are read.
 */

export type SuspiciousTextKind = 'instructions-to-model' | 'concealment' | 'sensitive-target' | 'hidden-characters';

export interface SuspiciousText {
  kind: SuspiciousTextKind;
  /** Where it was found: `description`, `title`, or `inputSchema` (a parameter's text). */
  field: string;
  /** A short excerpt around the match (third-party text; pages escape it). */
  quote: string;
}

const SCAN_LIMIT = 20_000;
const QUOTE_CONTEXT = 40;

const PATTERNS: readonly (readonly [SuspiciousTextKind, RegExp])[] = [
  ['instructions-to-model', /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:previous|prior|above|earlier|other|system)\s+(?:instructions?|prompts?|messages?|rules?)/i],
  ['instructions-to-model', /<\/?\s*(?:important|system|instructions?|admin|secret)\s*>|\[\/?INST\]|^\s*(?:system|assistant)\s*:/im],
  ['instructions-to-model', /\byou\s+(?:must|should)\s+(?:always|first|now|also)\s+(?:call|read|send|use|invoke|include|pass)\b/i],
  // A trigger set on the model's reading of the definition itself: "When you read this tool, ...".
  ['instructions-to-model', /\b(?:when|once|after|upon|as\s+soon\s+as)\s+(?:you\s+)?(?:read|see|load|receive|process|reading|seeing|loading)\s+(?:this|these)\s+(?:tool|tools|description|definition|instructions?)\b/i],
  ['concealment', /\b(?:do\s+not|don'?t|never)\s+(?:tell|inform|mention|reveal|show|notify|alert)\s+(?:this\s+to\s+)?(?:the\s+)?(?:user|human|anyone)\b/i],
  ['concealment', /\b(?:without|not)\s+(?:telling|informing|notifying|asking)\s+(?:the\s+)?(?:user|human)\b/i],
  // A secret store alone is often an honest mention ("paths like ~/.ssh are rejected");
  // an order to read or send it is what poisoning looks like.
  ['sensitive-target', /\b(?:read|send|include|pass|upload|attach|cat|copy|forward|append|provide)\b[^.\n]{0,60}(?:~\/\.ssh\b|\bid_(?:rsa|ed25519|ecdsa)\b|\.aws\/credentials|\/etc\/(?:passwd|shadow)\b|[\/~]\.cursor\/mcp\.json|\bmcp\.json\b)/i],
];

/**
 * Control characters: C0 controls other than tab, line feed and carriage return, DEL and
 * the C1 controls, and the line and paragraph separators. Part of HIDDEN_CHARACTERS below;
 * quotations show these as visible marks (src/site/visible-controls.ts).
 */
const CONTROL_RANGES = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029';

/** One control character of CONTROL_RANGES, everywhere in a string. */
export function controlCharacters(): RegExp {
  return new RegExp(`[${CONTROL_RANGES}]`, 'g');
}

/**
 * Characters a reader cannot see, or that move or break text where a terminal or page
 * shows it: C0 controls other than tab, line feed and carriage return (NUL, ESC, ...),
 * DEL and the C1 controls, the line and paragraph separators, the bidi marks, embeddings,
 * overrides and isolates, zero-width characters and joiners, the byte-order mark, and the
 * Unicode tag characters (U+E0000 to U+E007F, a surrogate pair each).
 */
const HIDDEN_CHARACTERS = new RegExp(
  `[${CONTROL_RANGES}\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]|\\uDB40[\\uDC00-\\uDC7F]`,
);

function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - QUOTE_CONTEXT);
  const end = Math.min(text.length, index + length + QUOTE_CONTEXT);
  const visible = text
    .slice(start, end)
    .replace(new RegExp(HIDDEN_CHARACTERS.source, 'g'), (char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/\s+/g, ' ')
    .trim();
  return `${start > 0 ? '…' : ''}${visible}${end < text.length ? '…' : ''}`;
}

function scan(text: string, field: string, findings: SuspiciousText[]): void {
  const head = text.slice(0, SCAN_LIMIT);
  for (const [kind, pattern] of PATTERNS) {
    if (findings.some((finding) => finding.kind === kind && finding.field === field)) continue;
    const match = pattern.exec(head);
    if (match) findings.push({ kind, field, quote: excerpt(head, match.index, match[0].length) });
  }
  const hidden = HIDDEN_CHARACTERS.exec(head);
  if (hidden && !findings.some((finding) => finding.kind === 'hidden-characters' && finding.field === field)) {
    findings.push({ kind: 'hidden-characters', field, quote: excerpt(head, hidden.index, hidden[0].length) });
  }
}

/** Strings of an input schema's parameter descriptions, titles and enum values, depth-bounded. */
function schemaStrings(schema: unknown, out: string[], depth = 0): void {
  if (depth > 8 || out.length > 200 || typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (typeof value === 'string' && (key === 'description' || key === 'title' || key === 'default')) out.push(value);
    else if (typeof value === 'object') schemaStrings(value, out, depth + 1);
  }
}

export function findSuspiciousText(tool: { title?: unknown; description?: unknown; inputSchema?: unknown }): SuspiciousText[] {
  const findings: SuspiciousText[] = [];
  if (typeof tool.description === 'string') scan(tool.description, 'description', findings);
  if (typeof tool.title === 'string') scan(tool.title, 'title', findings);
  const strings: string[] = [];
  schemaStrings(tool.inputSchema, strings);
  for (const text of strings) scan(text, 'inputSchema', findings);
  return findings;
}
