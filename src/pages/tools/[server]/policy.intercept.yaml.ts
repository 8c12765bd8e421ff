/** The server's policy for Intercept, as a file beside its policy.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { serverRoutes } from '../../../site/routes.ts';
import { getSiteData } from '../../../site/site-data.ts';
import { serverPolicyFiles } from '../../../site/policy-files.ts';
import type { ServerEntry } from '../../../site/site-index.ts';

export const getStaticPaths = serverRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ServerEntry }> = async ({ props }) => {
  const { serverById } = await getSiteData();
  const { yaml } = serverPolicyFiles(serverById.get(props.entry.id)!);
  return new Response(yaml, { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
};
