// The search page's client: Pagefind's JavaScript API, asked as src/site/search-query.ts
// plans, results rendered with DOM text nodes only (catalogue text is untrusted, so no
// HTML from the index is ever inserted).
//
// The page's contract, for people and scripts that link to it: `/search/?q=<text>` runs
// that search on load, and typing updates the address; `<ol id="search-results">` holds
// one `<li>` per result, in rank order, whose first link is the result's page; the list
// carries aria-busy="true" while a search runs and "false" once its results, or the
// words saying there are none, are shown.

import { capText } from '../catalogue/display-caps.ts';
import { find, pagefind, serverFilter, servers, type PagefindApi, type PagefindResultData } from './search-engine.ts';

export {};

/** Results shown at once; the rest of the first page follows. */
const FIRST_RESULTS = 10;
const RESULT_LIMIT = 30;
/** Typing settles for this long before a search runs. */
const TYPING_PAUSE_MS = 30;
const FILTERS = ['risk', 'category', 'server', 'type'] as const;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-query')!;
const serverInput = form.querySelector<HTMLInputElement>('input[name="server"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const params = new URLSearchParams(location.search);

for (const name of ['q', ...FILTERS]) {
  const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  if (field) field.value = params.get(name) ?? '';
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Longest third-party text a result shows; the rest is on the page it links to. */
const NAME_LIMIT = 140;
const SUMMARY_LIMIT = 300;

/**
 * Third-party text in a result: its own direction (`<bdi>`), so a right-to-left override
 * in a tool name cannot reorder what follows it, and clipped.
 */
function isolated(tag: 'code' | 'bdi' | 'div', text: string, limit: number, className?: string): HTMLElement {
  const node = element(tag, undefined, className);
  if (tag === 'bdi') node.textContent = capText(text, limit);
  else node.append(element('bdi', capText(text, limit)));
  node.dir = 'auto';
  return node;
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = element('li');
  const link = element('a');
  link.href = data.url;
  link.append(isolated('code', data.meta.title ?? data.url, NAME_LIMIT));
  item.append(link);
  const type = data.meta.type === 'Server' ? 'MCP server' : data.meta.type === 'Tool' ? 'tool' : 'page';
  item.append(' ', element('span', type, 'result-type'));
  if (data.meta.server && data.meta.server !== data.meta.title) item.append(' on ', isolated('bdi', data.meta.server, NAME_LIMIT), ' ');
  if (data.meta.risk) item.append(' ', element('span', `${data.meta.risk} risk`, `badge risk-${data.meta.risk.toLowerCase()}`));
  if (data.meta.category) item.append(` ${data.meta.category}`);
  if (data.meta.summary) item.append(isolated('div', data.meta.summary, SUMMARY_LIMIT, 'note'));
  return item;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

async function loadServerSuggestions(): Promise<void> {
  const api = await pagefind();
  if (!api) return;
  const names = await servers(api);
  document.querySelector('#search-servers')?.replaceChildren(...names.map((name) => Object.assign(element('option'), { value: name })));
}
serverInput.addEventListener('focus', () => void loadServerSuggestions(), { once: true });

let current = 0;

async function run(): Promise<void> {
  const turn = (current += 1);
  const term = input.value.trim();
  const typed: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value.trim();
    if (value) typed[name] = value;
  }
  const address = new URLSearchParams();
  if (term) address.set('q', term);
  for (const [name, value] of Object.entries(typed)) address.set(name, value);
  history.replaceState(null, '', `${location.pathname}${address.size > 0 ? `?${address}` : ''}`);

  if (term === '' && Object.keys(typed).length === 0) {
    list.replaceChildren();
    status.textContent = 'Type a tool or server name in any style, part of one, or words from what it does.';
    list.setAttribute('aria-busy', 'false');
    return;
  }
  list.setAttribute('aria-busy', 'true');
  const api = await pagefind();
  if (turn !== current) return;
  if (!api) {
    status.textContent = 'The search index is not available on this build.';
    list.setAttribute('aria-busy', 'false');
    return;
  }
  const filters = { ...typed };
  if (typed.server) {
    const server = await serverFilter(api, typed.server);
    if (turn !== current) return;
    if (!server) {
      list.replaceChildren();
      status.textContent = `No server is called “${typed.server}”: pick one of the suggestions, by name or by the slug in its address.`;
      list.setAttribute('aria-busy', 'false');
      return;
    }
    filters.server = server;
  }
  const found = await find(api, term, filters, () => turn !== current);
  if (!found || turn !== current) return;
  const { ranked, rest, search, corrected } = found;

  list.replaceChildren(...ranked.slice(0, FIRST_RESULTS).map((item) => renderResult(item.data)));
  const total = Math.max(ranked.length, search.results.length);
  status.textContent = await describeOutcome(api, term, total, filters, corrected);
  list.setAttribute('aria-busy', 'false');
  // How many are tools and how many servers, once the first results are shown.
  if (total > 0 && !filters.type) {
    void typeCounts(api, found.plan.spaced, filters).then((counts) => {
      if (turn === current) status.textContent = describeFound(total, counts, corrected);
    });
  }
  // The rest arrive after the first ones are shown, below them.
  const shownUrls = new Set(ranked.map((item) => item.data.url));
  const later = ranked.slice(FIRST_RESULTS, RESULT_LIMIT).map((item) => item.data);
  if (later.length < RESULT_LIMIT - FIRST_RESULTS) {
    const extra = await Promise.all(rest.slice(0, RESULT_LIMIT).map((result) => result.data()));
    later.push(...extra.filter((data) => !shownUrls.has(data.url)).slice(0, RESULT_LIMIT - FIRST_RESULTS - later.length));
  }
  if (turn === current) list.append(...later.map(renderResult));
}

async function describeOutcome(
  api: PagefindApi,
  term: string,
  total: number,
  filters: Record<string, string>,
  corrected: string | undefined,
): Promise<string> {
  const filtered = Object.keys(filters).length > 0;
  if (total === 0) {
    if (!filtered || term === '') return term === '' ? 'No tool or server matches these filters.' : `No tool or server matches “${term}”.`;
    // Say whether the filters or the words exclude everything.
    const unfiltered = await find(api, term, {}, () => false);
    const count = unfiltered ? Math.max(unfiltered.ranked.length, unfiltered.search.results.length) : 0;
    return count > 0
      ? `“${term}” finds ${plural(count, 'result', 'results')}, but none with these filters.`
      : `No tool or server matches “${term}”, with or without the filters.`;
  }
  return describeFound(total, undefined, corrected);
}

interface TypeCounts {
  tools: number;
  servers: number;
}

/** Results of the words apart, counted by type with Pagefind's type filter. */
async function typeCounts(api: PagefindApi, spaced: string, filters: Record<string, string>): Promise<TypeCounts> {
  const [tools, servers] = await Promise.all(
    ['Tool', 'Server'].map((type) => api.search(spaced === '' ? null : spaced, { filters: { ...filters, type } })),
  );
  return { tools: tools!.results.length, servers: servers!.results.length };
}

function describeFound(total: number, counts: TypeCounts | undefined, corrected: string | undefined): string {
  const parts = counts ? [counts.tools ? plural(counts.tools, 'tool', 'tools') : '', counts.servers ? plural(counts.servers, 'MCP server', 'MCP servers') : ''].filter(Boolean) : [];
  const shown = total > RESULT_LIMIT ? `, the first ${RESULT_LIMIT} shown` : '';
  const typo = corrected ? ` Showing names with “${corrected}” too.` : '';
  return `${plural(total, 'result', 'results')}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}${shown}.${typo}`;
}

let pause: ReturnType<typeof setTimeout> | undefined;
function soon(): void {
  clearTimeout(pause);
  // The list is busy from the keystroke on, so a reader never sees stale results as final.
  list.setAttribute('aria-busy', 'true');
  pause = setTimeout(() => void run(), TYPING_PAUSE_MS);
}

form.addEventListener('input', soon);
form.addEventListener('change', soon);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(pause);
  void run();
});
// Warm the index while the reader types, so the first results come sooner.
input.addEventListener('focus', () => void pagefind(), { once: true });
void run();
