/** A tool with its classification and recommended policy, as JSON (shape: /api/schema/tool.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toolRoutes } from '../../../../site/routes.ts';
import { getSiteData } from '../../../../site/site-data.ts';
import { toolPageModel } from '../../../../site/tool-page.ts';
import { getAttackPatterns } from '../../../../site/editorial.ts';
import { jsonBody, toolJson } from '../../../../site/agent-copies.ts';
import type { ToolEntry } from '../../../../site/site-index.ts';

export const getStaticPaths = toolRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ToolEntry }> = async ({ props }) => {
  const data = await getSiteData();
  const copy = toolJson(toolPageModel(data, props.entry, await getAttackPatterns()), data.config.siteUrl);
  return new Response(jsonBody(copy), { headers: { 'Content-Type': 'application/json' } });
};
