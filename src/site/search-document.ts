/**
 * The document Pagefind indexes for each tool, built from the catalogue rather than by
 * re-reading the built pages (which would mean reading every page of dist/ again).
 * The name is the heaviest field, so an exact tool name ranks its pages first; the name
 * split into words makes `local invoke` find `sam_local_invoke`.
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
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toLowerCase();
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
    '</body></html>',
  ].join('');
}

export function serverSearchDocument(server: ServerEntry, description: string | undefined): string {
  return [
    '<html lang="en"><body data-pagefind-body>',
    `<h1 data-pagefind-weight="8" data-pagefind-meta="title">${escapeHtml(server.name)}</h1>`,
    `<p data-pagefind-weight="4">${escapeHtml(server.id)} ${escapeHtml(server.packageLabel ?? '')}</p>`,
    `<p>${escapeHtml((description ?? '').slice(0, DESCRIPTION_LIMIT))}</p>`,
    `<span data-pagefind-meta="server:${escapeHtml(server.name)}"></span>`,
    `<span data-pagefind-meta="summary:${escapeHtml(`MCP server with ${server.toolCount} tools`)}"></span>`,
    `<span data-pagefind-filter="server:${escapeHtml(server.name)}"></span>`,
    `<span data-pagefind-filter="type:Server"></span>`,
    '</body></html>',
  ].join('');
}
