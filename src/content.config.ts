import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { CATEGORIES } from './catalogue/schema/classification.ts';

/**
 * Editorial pages only. The tool catalogue deliberately stays out of content collections:
 * at 500,000 tools a collection's data store runs out of memory (withastro/astro#17604),
 * so pages read it through src/site/site-data.ts instead.
 */
const sourceSchema = z.object({ title: z.string(), url: z.url() });

/** Attack patterns: /attacks/<slug>/. */
const attacks = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/attacks' }),
  schema: z.object({
    title: z.string(),
    /** One sentence for cards, meta descriptions and the tool pages that link here. */
    summary: z.string().max(300),
    /** Public identifiers, e.g. "OWASP LLM06:2025", "MITRE ATLAS AML.T0051". */
    identifiers: z.array(z.string()).default([]),
    /** The tool categories this pattern abuses; tool pages of those categories link here. */
    categories: z.array(z.enum(CATEGORIES)).min(1),
    /** Input-schema parameter names that make a tool a vehicle for it (e.g. "url", "path"). */
    parameters: z.array(z.string()).default([]),
    /** The policy rules that blunt it, in words. */
    mitigations: z.array(z.string()).min(1),
    sources: z.array(sourceSchema).min(1),
    order: z.number().int().default(100),
  }),
});

/** Guides and the policy language documentation: /docs/<slug>/. */
const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/docs' }),
  schema: z.object({
    title: z.string(),
    summary: z.string().max(300),
    order: z.number().int().default(100),
  }),
});

export const collections = { attacks, docs };
