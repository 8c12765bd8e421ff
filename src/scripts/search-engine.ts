// The search that the search page and the header box share: Pagefind loaded once, on
// first use, asked as src/site/search-query.ts plans, results ranked by how well their
// names answer, and a typo corrected against the names' vocabulary when little is found.

import { urls } from '../site/urls.ts';
import { slugify } from '../catalogue/slug.ts';
import { correctTypos, nameMatch, planQuery, rankByName, type QueryPlan, type Vocabulary } from '../site/search-query.ts';

export interface PagefindResultData {
  url: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  filters?: Record<string, Record<string, number>>;
}
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
}


/** Fewer name matches than this, and typos are corrected. */
const FEW_RESULTS = 3;

/** The index's extra bundles (src/site/search-bundles.ts), from the element that lists them. */
function bundleUrls(): string[] {
  const holder = document.querySelector<HTMLElement>('[data-search-bundles]');
  return JSON.parse(holder?.dataset.searchBundles ?? '[]') as string[];
}

let pagefindPromise: Promise<PagefindApi | undefined> | undefined;

/** Pagefind and the index's extra bundles, loaded once, on first use. */
export function pagefind(): Promise<PagefindApi | undefined> {
  pagefindPromise ??= (async () => {
    try {
      const api = (await import(/* @vite-ignore */ urls.pagefind())) as PagefindApi;
      // The index holds paths from the site's root; the base, if any, is added here.
      await api.options({ excerptLength: 0, baseUrl: urls.home() });
      for (const url of bundleUrls()) await api.mergeIndex(url, { baseUrl: urls.home() });
      return api;
    } catch {
      return undefined;
    }
  })();
  return pagefindPromise;
}

let vocabularyPromise: Promise<Vocabulary | undefined> | undefined;

/** The words of every name, for correcting typos: fetched only when a search finds little. */
function vocabulary(): Promise<Vocabulary | undefined> {
  vocabularyPromise ??= fetch(urls.searchVocabulary())
    .then((response) => (response.ok ? (response.json() as Promise<Vocabulary>) : undefined))
    .catch(() => undefined);
  return vocabularyPromise;
}

let serverNames: Promise<string[]> | undefined;

/** Server names for the server filter's suggestions, loaded only when the filter is used. */
export function servers(api: PagefindApi): Promise<string[]> {
  serverNames ??= api.filters().then((filters) => Object.keys(filters.server ?? {}).sort());
  return serverNames;
}

/** A server filter typed as a name or as a slug, as the filter's server name; undefined when none matches. */
export async function serverFilter(api: PagefindApi, typed: string): Promise<string | undefined> {
  const names = await servers(api);
  if (names.includes(typed)) return typed;
  const slug = slugify(typed);
  return names.find((name) => slugify(name) === slug) ?? names.find((name) => name.toLowerCase() === typed.toLowerCase());
}

interface Asked {
  result: PagefindResult;
  /** Found by the exact-name or joined-words token: kept only when the name bears it out. */
  byToken: boolean;
}

/**
 * How many results of each way of asking are read. A token Pagefind does not hold is
 * answered with pages whose words merely start like it, so the token searches are read
 * only as far as an exact name or a name run can reach.
 */
const FROM_EXACT = 5;
const FROM_JOINED = 10;
const FROM_SPACED = 12;

/** Results of the three ways of asking, merged in rank order without repeats. */
async function ask(api: PagefindApi, plan: QueryPlan, filters: Record<string, string>): Promise<{ results: Asked[]; rest: PagefindResult[]; search: PagefindSearch }> {
  const [exact, joined, spaced] = await Promise.all([
    plan.exact ? api.search(plan.exact, { filters }) : undefined,
    plan.joined ? api.search(plan.joined, { filters }) : undefined,
    api.search(plan.spaced === '' ? null : plan.spaced, { filters }),
  ]);
  const seen = new Set<string>();
  const results: Asked[] = [];
  const take = (search: PagefindSearch | undefined, count: number, byToken: boolean): void => {
    for (const result of (search?.results ?? []).slice(0, count)) {
      if (seen.has(result.id)) continue;
      seen.add(result.id);
      results.push({ result, byToken });
    }
  };
  take(exact, FROM_EXACT, true);
  take(joined, FROM_JOINED, true);
  take(spaced, FROM_SPACED, false);
  const rest = spaced.results.slice(FROM_SPACED).filter((result) => !seen.has(result.id));
  return { results, rest, search: spaced };
}

export interface Loaded {
  data: PagefindResultData;
  title: string;
  aliases: string[];
  byToken: boolean;
}

/**
 * The first results with their names read, ranked by how well the name answers the
 * query. Pagefind answers a token it does not hold with words that merely start like it,
 * so a result found only by a token is kept when its name bears the token out.
 */
async function rankPool(plan: QueryPlan, asked: readonly Asked[]): Promise<Loaded[]> {
  const loaded = await Promise.all(
    asked.map(async ({ result, byToken }) => {
      const data = await result.data();
      return { data, title: data.meta.title ?? '', aliases: (data.meta.aliases ?? '').split(' ').filter(Boolean), byToken };
    }),
  );
  return rankByName(plan, loaded.filter((item) => !item.byToken || nameMatch(plan, item.title, item.aliases) >= 2));
}

export interface Found {
  plan: QueryPlan;
  /** Results with their names read, in the order to show. */
  ranked: Loaded[];
  /** Further results of the words apart, not read yet, in Pagefind's order. */
  rest: PagefindResult[];
  /** Pagefind's answer to the words apart, for counts. */
  search: PagefindSearch;
  /** The query as corrected for a typo, when it was. */
  corrected?: string;
}

/** Everything a search shows first; `stale` says a newer search has started, to stop early. */
export async function find(api: PagefindApi, term: string, filters: Record<string, string>, stale: () => boolean): Promise<Found | undefined> {
  const plan = planQuery(term);
  const first = await ask(api, plan, filters);
  let ranked = await rankPool(plan, first.results);
  if (stale()) return undefined;
  if (plan.words.length > 0 && ranked.filter((item) => nameMatch(plan, item.title, item.aliases) > 0).length < FEW_RESULTS) {
    const words = await vocabulary().then((found) => (found ? correctTypos(plan.words, found) : undefined));
    if (stale()) return undefined;
    if (words) {
      const fixed = planQuery(words.join(' '));
      const more = await ask(api, fixed, filters);
      const fixedRanked = await rankPool(fixed, more.results);
      if (stale()) return undefined;
      const seen = new Set(fixedRanked.map((item) => item.data.url));
      ranked = [...fixedRanked, ...ranked.filter((item) => !seen.has(item.data.url))];
      return { plan: fixed, ranked, rest: [...more.rest, ...first.rest], search: more.search, corrected: words.join(' ') };
    }
  }
  return { plan, ranked, rest: first.rest, search: first.search };
}
