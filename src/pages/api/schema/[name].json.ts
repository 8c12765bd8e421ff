/** The JSON copies' shapes as JSON Schema, generated from the zod schemas the copies are parsed with. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { AGENT_COPY_SCHEMA_NAMES, agentCopyJsonSchema, type AgentCopySchemaName } from '../../../site/agent-copy-schemas.ts';

export const getStaticPaths = (() => AGENT_COPY_SCHEMA_NAMES.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(`${JSON.stringify(agentCopyJsonSchema(params.name as AgentCopySchemaName), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
