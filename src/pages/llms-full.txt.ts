/** /llms-full.txt: the guides and attack patterns in full, then one line per server. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getSiteData } from '../site/site-data.ts';
import { llmsFullText } from '../site/agent-copies.ts';

export const GET: APIRoute = async () => {
  const { config, index } = await getSiteData();
  // The site's order, ties by slug, so that every build writes the same bytes.
  const byOrder = (a: { id: string; data: { order: number } }, b: { id: string; data: { order: number } }): number =>
    a.data.order - b.data.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const docs = (await getCollection('docs')).sort(byOrder);
  const attacks = (await getCollection('attacks')).sort(byOrder);
  const text = llmsFullText({
    siteName: config.siteName,
    siteUrl: config.siteUrl,
    toolCount: index.toolCount,
    docs: docs.map((page) => ({ slug: page.id, ...page.data, body: page.body ?? '' })),
    attacks: attacks.map((page) => ({ slug: page.id, ...page.data, body: page.body ?? '' })),
    servers: index.servers,
  });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
