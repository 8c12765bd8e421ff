/** The tool page as Markdown, at the page's URL + `index.html.md` (the llms.txt convention). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toolRoutes } from '../../../../site/routes.ts';
import { getSiteData } from '../../../../site/site-data.ts';
import { toolPageModel } from '../../../../site/tool-page.ts';
import { getAttackPatterns } from '../../../../site/editorial.ts';
import { toolMarkdown } from '../../../../site/agent-copies.ts';
import type { ToolEntry } from '../../../../site/site-index.ts';

export const getStaticPaths = toolRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ToolEntry }> = async ({ props }) => {
  const data = await getSiteData();
  const model = toolPageModel(data, props.entry, await getAttackPatterns());
  return new Response(toolMarkdown(model, data.config.siteUrl), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
