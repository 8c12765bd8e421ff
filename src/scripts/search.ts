// The search page's client: Pagefind's JavaScript API, results rendered with DOM text
// nodes only (catalogue text is untrusted, so no HTML from the index is ever inserted).

import { urls } from '../site/urls.ts';
import { capText } from '../catalogue/display-caps.ts';
interface PagefindResultData {
  url: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{
    results: { data(): Promise<PagefindResultData> }[];
  }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
}

export {};

const RESULT_LIMIT = 30;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const params = new URLSearchParams(location.search);

for (const name of ['q', 'risk', 'category', 'server']) {
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
  if (data.meta.server && data.meta.server !== data.meta.title) item.append(' on ', isolated('bdi', data.meta.server, NAME_LIMIT), ' ');
  if (data.meta.risk) item.append(element('span', `${data.meta.risk} risk`, `badge risk-${data.meta.risk.toLowerCase()}`));
  if (data.meta.category) item.append(` ${data.meta.category}`);
  if (data.meta.summary) item.append(isolated('div', data.meta.summary, SUMMARY_LIMIT, 'note'));
  return item;
}

async function run(): Promise<void> {
  const bundle = urls.pagefind();
  let pagefind: PagefindApi;
  try {
    pagefind = (await import(/* @vite-ignore */ bundle)) as PagefindApi;
  } catch {
    status.textContent = 'The search index is not available on this build.';
    return;
  }
  // The index holds paths from the site's root; the base, if any, is added here.
  await pagefind.options({ excerptLength: 0, baseUrl: urls.home() });
  // A large catalogue's index comes in several bundles (src/site/search-bundles.ts).
  const bundles = JSON.parse(list.dataset.searchBundles ?? '[]') as string[];
  for (const url of bundles) await pagefind.mergeIndex(url, { baseUrl: urls.home() });
  const datalist = document.querySelector('#search-servers');
  const servers = (await pagefind.filters()).server ?? {};
  datalist?.replaceChildren(...Object.keys(servers).sort().map((name) => Object.assign(element('option'), { value: name })));

  const term = (params.get('q') ?? '').trim();
  const filters: Record<string, string> = {};
  for (const name of ['risk', 'category', 'server']) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  if (term === '' && Object.keys(filters).length === 0) {
    status.textContent = 'Type a tool name, such as delete_branch, or words from what it does.';
    return;
  }
  status.textContent = 'Searching…';
  const search = await pagefind.search(term === '' ? null : term, { filters });
  const results = await Promise.all(search.results.slice(0, RESULT_LIMIT).map((result) => result.data()));
  list.replaceChildren(...results.map(renderResult));
  status.textContent =
    search.results.length === 0
      ? `No tool or server matches “${term}”.`
      : `${search.results.length} results${search.results.length > RESULT_LIMIT ? `, the first ${RESULT_LIMIT} shown` : ''}.`;
}

void run();
