import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { attackSchema, docSchema } from './site/editorial-schemas.ts';

/**
 * Editorial pages only. The tool catalogue deliberately stays out of content collections:
 * at 500,000 tools a collection's data store runs out of memory (withastro/astro#17604),
 * so pages read it through src/site/site-data.ts instead.
 */

/** Attack patterns: /attacks/<slug>/. */
const attacks = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/attacks' }),
  schema: attackSchema,
});

/** Guides and the policy language documentation: /docs/<slug>/. */
const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/docs' }),
  schema: docSchema,
});

export const collections = { attacks, docs };
