/** The classes Shiki's highlighted code uses (see src/site/highlight.ts). */
import type { APIRoute } from 'astro';
import { highlightStylesheet } from '../../site/highlight.ts';

export const GET: APIRoute = async () =>
  new Response(await highlightStylesheet(), { headers: { 'Content-Type': 'text/css' } });
