/** A server with its classified tools and its policy, as JSON (shape: /api/schema/server.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { serverRoutes } from '../../../site/routes.ts';
import { getSiteData } from '../../../site/site-data.ts';
import { serverPageModel } from '../../../site/server-page.ts';
import { jsonBody, serverJson } from '../../../site/agent-copies.ts';
import type { ServerEntry } from '../../../site/site-index.ts';

export const getStaticPaths = serverRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ServerEntry }> = async ({ props }) => {
  const data = await getSiteData();
  const copy = serverJson(serverPageModel(data, props.entry), data.config.siteUrl);
  return new Response(jsonBody(copy), { headers: { 'Content-Type': 'application/json' } });
};
