/** The same recommended policy for Intercept, beside policy.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toolRoutes } from '../../../../site/routes.ts';
import { getSiteData } from '../../../../site/site-data.ts';
import { decideToolPolicy } from '../../../../catalogue/policy/recommend-policy.ts';
import { interceptOfTool } from '../../../../catalogue/intercept/from-decision.ts';
import { interceptYaml } from '../../../../catalogue/intercept/yaml-file.ts';
import type { ToolEntry } from '../../../../site/site-index.ts';

export const getStaticPaths = toolRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ToolEntry }> = async ({ props }) => {
  const { serverById } = await getSiteData();
  const tool = serverById.get(props.entry.serverId)!.tools[props.entry.position]!;
  const { policy } = interceptOfTool(decideToolPolicy(tool, tool.classification), tool.inputSchema);
  return new Response(interceptYaml(policy), { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
};
