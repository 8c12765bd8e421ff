/**
 * Markdown of untrusted text: catalogue strings escaped so that, in a Markdown copy, they
 * read as the characters they are and open no link, HTML, heading, list or code block,
 * and a quoted description stays inside its blockquote. Plain TypeScript.
 */

/**
 * Characters with no glyph of their own (controls, bidi and zero-width marks, line and
 * paragraph separators, lone surrogates): in a copy read as plain text they would hide
 * or reorder what is around them, so each is written as a visible `⟨U+XXXX⟩`.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** Line breaks of every kind CommonMark knows, as one. */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The characters that open inline structure in CommonMark and GFM: escapes, code spans,
 * emphasis, strikethrough, links and images, raw HTML and autolinks, entities, table
 * cells. Escaped everywhere; other punctuation stays as it is, so copies stay readable.
 */
const INLINE_SYNTAX = /[\\`*_~[\]<>&|]/g;

/**
 * A word GFM would link by itself (a URL, a `www.` name, an e-mail address). Escapes do
 * not stop that everywhere (remark and satteri find such links in the text after
 * unescaping), so the word goes into a code span, where no renderer links anything.
 */
const LINKABLE = /:\/\/|www\.|@/i;

/** What would open a block where the text starts a line: heading, quote, list, break. */
const BLOCK_START = /^(?:[#>+=-]|\d{1,9}(?=[.)]))/;

export interface MarkdownContext {
  /** In a GFM table cell, where a `|` would end the cell even inside code. */
  inTable?: boolean;
}

/**
 * `text` as inline Markdown that shows exactly its characters on one line: line breaks
 * become spaces, and nothing in it can open a link, an autolink, HTML, emphasis, code or
 * a table cell, or (wherever it is placed) a heading, list or quote.
 */
export function escapeMarkdown(text: string, context: MarkdownContext = {}): string {
  const escaped = visible(text.replace(/\r\n|[\r\n\t]/g, ' '))
    .trimStart()
    // An autolink never spans a space, so word by word is enough.
    .split(/( +)/)
    .map((word) => (LINKABLE.test(word) ? markdownCode(word, context) : word.replace(INLINE_SYNTAX, '\\$&')))
    .join('');
  const start = BLOCK_START.exec(escaped);
  if (!start) return escaped;
  // A list number is made inert by escaping the `.` or `)` after it, the other markers themselves.
  return /\d/.test(start[0]) ? `${start[0]}\\${escaped.slice(start[0].length)}` : `\\${escaped}`;
}

/** Leading spaces as no-break spaces: four spaces would otherwise open a code block. */
function keepIndent(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  const width = [...indent].reduce((sum, char) => sum + (char === '\t' ? 4 : 1), 0);
  return `${'\u00A0'.repeat(width)}${escapeMarkdown(line.slice(indent.length))}`;
}

/**
 * `text` as a Markdown blockquote, its lines kept: every line carries its own `>` and is
 * escaped, so no line of the text can close the quote or start a block of its own.
 */
export function markdownBlockquote(text: string): string {
  const lines = text.split(LINE_BREAK).map((line) => (/^[ \t]*$/.test(line) ? '' : keepIndent(line)));
  return lines
    .map((line, i) => {
      if (line === '') return '>';
      // A backslash before the line end keeps the text's own line breaks (a hard break).
      const next = lines[i + 1];
      return next !== undefined && next !== '' ? `> ${line}\\` : `> ${line}`;
    })
    .join('\n');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const each of text) {
    run = each === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * `text` as an inline code span: its delimiter is longer than any backtick run inside,
 * so the text cannot close it. In a table cell a `|` would still end the cell (GFM), so
 * it is escaped there, which GFM undoes inside the span.
 */
export function markdownCode(text: string, context: MarkdownContext = {}): string {
  let content = visible(text.replace(/\r\n|[\r\n\t]/g, ' '));
  // GFM reads `\\` as an escaped pair before it looks for pipes, so the backslashes before a
  // pipe are doubled first: the pipe always ends up escaped.
  if (context.inTable) content = content.replace(/(\\*)\|/g, (_, slashes: string) => `${slashes}${slashes}\\|`);
  if (content === '') content = ' ';
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  // One space each side is stripped by the renderer: needed when the text starts or ends with a backtick.
  const pad = /^[` ]|[` ]$/.test(content) && content.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in `text`. */
export function markdownFence(text: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** A link whose destination is one of ours, an absolute http(s) URL, written so nothing in it ends it early. */
export function markdownLink(text: string, url: string): string {
  if (!/^https?:\/\//i.test(url)) throw new Error(`not an absolute http(s) URL: ${url}`);
  const destination = url.replace(/[()<> \\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${text}](${destination})`;
}
