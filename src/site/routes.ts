/**
 * Route lists shared by the pages and files that exist once per tool or per server (the
 * HTML page and its policy.json), so both always cover the same set.
 */
import { getSiteData } from './site-data.ts';
import type { ServerEntry, ToolEntry } from './site-index.ts';

export async function toolRoutes(): Promise<{ params: { server: string; tool: string }; props: { entry: ToolEntry } }[]> {
  const { index } = await getSiteData();
  return [...index.toolByPath.values()].map((entry) => ({
    params: { server: entry.serverSlug, tool: entry.slug },
    props: { entry },
  }));
}

export async function serverRoutes(): Promise<{ params: { server: string }; props: { entry: ServerEntry } }[]> {
  const { index } = await getSiteData();
  return index.servers.map((entry) => ({ params: { server: entry.slug }, props: { entry } }));
}
