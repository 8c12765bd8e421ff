/** The server hub as Markdown, at the hub's URL + `index.html.md` (the llms.txt convention). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { serverRoutes } from '../../../site/routes.ts';
import { getSiteData } from '../../../site/site-data.ts';
import { serverPageModel } from '../../../site/server-page.ts';
import { serverMarkdown } from '../../../site/agent-copies.ts';
import type { ServerEntry } from '../../../site/site-index.ts';

export const getStaticPaths = serverRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ServerEntry }> = async ({ props }) => {
  const data = await getSiteData();
  const model = serverPageModel(data, props.entry);
  return new Response(serverMarkdown(model, data.config.siteUrl), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
