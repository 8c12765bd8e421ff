/**
 * The front matter of the editorial pages, in plain zod: the content collections
 * (src/content.config.ts) validate with these, and so does the build step that writes the
 * tools' copies for agents outside Astro (scripts/build/agent-copies.ts).
 */
import { z } from 'zod';
import { CATEGORIES } from '../catalogue/schema/classification.ts';

const sourceSchema = z.object({ title: z.string(), url: z.url() });

/** Attack patterns: /attacks/<slug>/. */
export const attackSchema = z.object({
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
});

/** Guides and the policy language documentation: /docs/<slug>/. */
export const docSchema = z.object({
  title: z.string(),
  summary: z.string().max(300),
  order: z.number().int().default(100),
});
