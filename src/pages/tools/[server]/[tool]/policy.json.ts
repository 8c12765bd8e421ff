/** The recommended policy of each tool as a file: the tool page's download, and a stable URL for scripts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toolRoutes } from '../../../../site/routes.ts';
import { getSiteData } from '../../../../site/site-data.ts';
import { decideToolPolicy } from '../../../../catalogue/policy/recommend-policy.ts';
import { policyJson } from '../../../../site/policy-files.ts';
import type { ToolEntry } from '../../../../site/site-index.ts';

export const getStaticPaths = toolRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ToolEntry }> = async ({ props }) => {
  const { serverById } = await getSiteData();
  const tool = serverById.get(props.entry.serverId)!.tools[props.entry.position]!;
  const { policy } = decideToolPolicy(tool, tool.classification);
  return new Response(policyJson(policy), { headers: { 'Content-Type': 'application/json' } });
};
