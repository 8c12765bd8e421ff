/** The server index as JSON: what the /tools/ page shows, for scripts. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../site/site-data.ts';
import { urls } from '../../site/urls.ts';

export const GET: APIRoute = async () => {
  const { index } = await getSiteData();
  const servers = index.servers.map((server) => ({
    id: server.id,
    name: server.name,
    ...(server.packageLabel ? { package: server.packageLabel } : {}),
    tools: server.toolCount,
    byRisk: server.byRisk,
    byCategory: server.byCategory,
    url: server.url,
    policy: urls.serverPolicy(server.slug),
    interceptPolicy: urls.serverInterceptPolicy(server.slug),
  }));
  return new Response(`${JSON.stringify({ servers })}\n`, { headers: { 'Content-Type': 'application/json' } });
};
