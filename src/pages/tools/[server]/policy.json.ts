/** One policy for all the tools of a server, as a file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { serverRoutes } from '../../../site/routes.ts';
import { getSiteData } from '../../../site/site-data.ts';
import { serverPolicyFiles } from '../../../site/policy-files.ts';
import type { ServerEntry } from '../../../site/site-index.ts';

export const getStaticPaths = serverRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ServerEntry }> = async ({ props }) => {
  const { serverById } = await getSiteData();
  const { json } = serverPolicyFiles(serverById.get(props.entry.id)!);
  return new Response(json, { headers: { 'Content-Type': 'application/json' } });
};
