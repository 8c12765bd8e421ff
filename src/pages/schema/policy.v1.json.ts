/** policy.json v1 as JSON Schema, generated from the one zod schema the site validates with. */
import type { APIRoute } from 'astro';
import { policyJsonSchema } from '../../catalogue/policy/schema.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
