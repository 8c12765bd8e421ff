/**
 * Every dynamic route's `getStaticPaths`, in one place: the HTML page of a tool or a
 * server and its policy.json share one list, so both always cover the same set, and a
 * page file only names its route. Route entries stay small (an index entry, never the
 * catalogue) so that Astro holds little per page.
 */
import type { PaginateFunction } from 'astro';
import { getCollection } from 'astro:content';
import { BROWSE_PAGE_SIZE, categoryFacets, riskFacets } from './browse.ts';
import { getSiteData } from './site-data.ts';
import { shardOfName, shardOfServer } from './shard.ts';
import type { ServerEntry, ToolEntry } from './site-index.ts';

/** Servers this build renders: all of them, or this shard's. */
async function ownServers(): Promise<ServerEntry[]> {
  const { index, shard } = await getSiteData();
  return index.servers.filter((server) => shardOfServer(server.slug, shard.count) === shard.index);
}

export async function toolRoutes(): Promise<{ params: { server: string; tool: string }; props: { entry: ToolEntry } }[]> {
  return (await ownServers()).flatMap((server) =>
    server.tools.map((entry) => ({ params: { server: entry.serverSlug, tool: entry.slug }, props: { entry } })),
  );
}

export async function serverRoutes(): Promise<{ params: { server: string }; props: { entry: ServerEntry } }[]> {
  return (await ownServers()).map((entry) => ({ params: { server: entry.slug }, props: { entry } }));
}

/** Browse pages are few (one per 200 tools of a facet): the first shard renders them all. */
async function rendersBrowsePages(): Promise<boolean> {
  return (await getSiteData()).shard.index === 1;
}

/** `/risk/<risk>/` and its further pages. */
export async function riskRoutes({ paginate }: { paginate: PaginateFunction }) {
  if (!(await rendersBrowsePages())) return [];
  const { index } = await getSiteData();
  return riskFacets.flatMap((facet) =>
    paginate(index.byRisk[facet.key], { params: { risk: facet.slug }, props: { facet }, pageSize: BROWSE_PAGE_SIZE }),
  );
}

/** `/category/<category>/` and its further pages. */
export async function categoryRoutes({ paginate }: { paginate: PaginateFunction }) {
  if (!(await rendersBrowsePages())) return [];
  const { index } = await getSiteData();
  return categoryFacets.flatMap((facet) =>
    paginate(index.byCategory[facet.key], { params: { category: facet.slug }, props: { facet }, pageSize: BROWSE_PAGE_SIZE }),
  );
}

/** `/names/<name slug>/`: one page for each tool name found on more than one server. */
export async function sharedNameRoutes() {
  const { index, shard } = await getSiteData();
  return [...index.toolsByNameSlug]
    .map(([slug, tools]) => ({ slug, tools, servers: index.serverCountByNameSlug.get(slug)! }))
    .filter(({ slug, servers }) => servers > 1 && shardOfName(slug, shard.count) === shard.index)
    .map(({ slug, tools, servers }) => ({ params: { name: slug }, props: { tools, servers } }));
}

/** `/attacks/<slug>/`: the editorial attack-pattern pages. */
export async function attackRoutes() {
  return (await getCollection('attacks')).map((pattern) => ({ params: { slug: pattern.id }, props: { pattern } }));
}

/** `/docs/<slug>/`: the guides and reference pages. */
export async function docRoutes() {
  return (await getCollection('docs')).map((page) => ({ params: { slug: page.id }, props: { page } }));
}

