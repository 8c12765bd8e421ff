/**
 * The document Pagefind indexes for each tool, built from the catalogue rather than by
 * re-reading the built pages (which would mean reading every page of dist/ again).
 *
 * Names are indexed so that any naming style finds them (src/site/search-query.ts asks
 * the same way): the name as written; its words (`getFileInfo`, `get-file-info` and
 * `get_file_info` all give `get file info`); every run of two or more of its words,
 * joined (`localinvoke`, `samlocalinvoke`), so a tail or a middle part of the name
 * typed in any style finds it; and one token that only the whole name produces
 * (`zznamegetfileinfozz`), so the exact name is found first, not a longer one.
 */
import type { Tool } from '../catalogue/schema/tool.ts';
import type { ServerEntry, ToolEntry } from './site-index.ts';

const DESCRIPTION_LIMIT = 2_000;

/**
 * Text for the HTML Pagefind reads. Lone surrogates (in the catalogue, or left by a cut
 * through a pair) become U+FFFD: Pagefind's JSON parser refuses them and stops the build.
 */
export function escapeHtml(text: string): string {
  return text.toWellFormed().replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** `getFileInfo` and `sam_local_invoke` become `get file info` and `sam local invoke`. */
export function nameWords(name: string): string {
  return identifierWords(name).join(' ');
}

/**
 * The words of an identifier in any naming style (snake, kebab, camel, Pascal, dotted,
 * spaced), lower-cased; letters and digits of any script are kept.
 */
export function identifierWords(text: string): string[] {
  return text
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Only the whole name yields this token: the same in every naming style. */
export function exactNameToken(text: string): string {
  return `zzname${identifierWords(text).join('')}zz`;
}

/** Runs of words in a name, joined, beyond this many words are not indexed. */
const MAX_RUN_WORDS = 8;

/** Every run of two or more consecutive words, joined: `sam local invoke` gives `samlocal`, `samlocalinvoke`, `localinvoke`. */
export function wordRuns(words: readonly string[]): string[] {
  const runs = new Set<string>();
  const shown = words.slice(0, MAX_RUN_WORDS);
  for (let start = 0; start < shown.length; start += 1) {
    for (let end = start + 2; end <= shown.length; end += 1) runs.add(shown.slice(start, end).join(''));
  }
  return [...runs];
}

/** The hidden part of a document that carries a name's other spellings. */
function nameVariants(name: string, weight: number): string {
  const words = identifierWords(name);
  return `<p data-pagefind-weight="${weight}">${escapeHtml([...wordRuns(words), exactNameToken(name)].join(' '))}</p>`;
}

export function toolSearchDocument(entry: ToolEntry, tool: Tool): string {
  const description = (tool.description ?? '').slice(0, DESCRIPTION_LIMIT);
  const meta = (key: string, value: string): string =>
    `<span data-pagefind-meta="${key}:${escapeHtml(value)}"></span>`;
  const filter = (key: string, value: string): string =>
    `<span data-pagefind-filter="${key}:${escapeHtml(value)}"></span>`;
  return [
    '<html lang="en"><body data-pagefind-body>',
    `<h1 data-pagefind-weight="10" data-pagefind-meta="title">${escapeHtml(entry.name)}</h1>`,
    `<p data-pagefind-weight="7">${escapeHtml(nameWords(entry.name))}</p>`,
    nameVariants(entry.name, 9),
    entry.title ? `<p data-pagefind-weight="5">${escapeHtml(entry.title)}</p>` : '',
    `<p data-pagefind-weight="2">${escapeHtml(entry.serverName)} ${escapeHtml(entry.serverId)}</p>`,
    `<p>${escapeHtml(description)}</p>`,
    meta('server', entry.serverName),
    meta('risk', entry.risk),
    meta('category', entry.category),
    meta('summary', description.slice(0, 200)),
    filter('risk', entry.risk),
    filter('category', entry.category),
    filter('server', entry.serverName),
    filter('type', 'Tool'),
    meta('type', 'Tool'),
    '</body></html>',
  ].join('');
}

/** `npm: @scope/name@1.2.3` -> `@scope/name`. */
function packageIdentifier(label: string | undefined): string {
  return (label ?? '').replace(/^[^:]+:\s*/, '').replace(/(.)@[^@/]*$/, '$1');
}

export function serverSearchDocument(server: ServerEntry, description: string | undefined): string {
  return [
    '<html lang="en"><body data-pagefind-body>',
    `<h1 data-pagefind-weight="8" data-pagefind-meta="title">${escapeHtml(server.name)}</h1>`,
    `<p data-pagefind-weight="4">${escapeHtml(server.id)} ${escapeHtml(server.packageLabel ?? '')}</p>`,
    `<p data-pagefind-weight="4">${escapeHtml(identifierWords(`${server.name} ${server.id} ${server.packageLabel ?? ''}`).join(' '))}</p>`,
    nameVariants(server.name, 6),
    nameVariants(server.id, 6),
    server.packageLabel ? nameVariants(server.packageLabel, 6) : '',
    `<p>${escapeHtml((description ?? '').slice(0, DESCRIPTION_LIMIT))}</p>`,
    `<span data-pagefind-meta="server:${escapeHtml(server.name)}"></span>`,
    `<span data-pagefind-meta="summary:${escapeHtml(`MCP server with ${server.toolCount} ${server.toolCount === 1 ? 'tool' : 'tools'}`)}"></span>`,
    `<span data-pagefind-meta="type:Server"></span>`,
    `<span data-pagefind-meta="aliases:${escapeHtml([server.id, packageIdentifier(server.packageLabel)].join(' ').trim())}"></span>`,
    `<span data-pagefind-filter="server:${escapeHtml(server.name)}"></span>`,
    `<span data-pagefind-filter="type:Server"></span>`,
    '</body></html>',
  ].join('');
}
