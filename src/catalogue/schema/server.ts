import { z } from 'zod';
import { DISPLAY_NAME_PATTERN, toolSchema } from './tool.ts';
import type { Classification } from './classification.ts';

/** Only http(s) links ever reach a page: `javascript:` and `data:` are refused here. */
export const webUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'must be an http(s) URL',
});

/** A stable server id: lower-case letters, digits and single hyphens, max 100 characters. */
export const SERVER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

export const packageSchema = z.object({
  /** Where the package is published: npm, pypi, oci, remote, ... */
  registry: z.string().min(1).max(40),
  identifier: z.string().min(1).max(300),
  version: z.string().max(100).optional(),
  /** SPDX expression of the package's licence, when known. */
  license: z.string().max(200).optional(),
});
export type ServerPackage = z.infer<typeof packageSchema>;

/** Where and when a server's data came from. Third-party data keeps its provenance. */
export const provenanceSchema = z.object({
  /** A short name of the source, e.g. `docker-mcp-registry`, `capture`, or a pull URL. */
  source: z.string().min(1).max(300),
  /** A link to the source, when it has one. */
  url: webUrlSchema.optional(),
  /** ISO date (YYYY-MM-DD) the data was retrieved or captured. */
  retrieved: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }),
  /** Licence of the data as published by the source. */
  license: z.string().max(200).optional(),
  /** How the data was obtained, e.g. "MCP initialize + tools/list over stdio". */
  method: z.string().max(300).optional(),
  /** True for the source that supplied this record's tool definitions. */
  suppliedTools: z.boolean().optional(),
  /**
   * True when the tools' parameters are as a directory lists them: names, types and
   * whether they are required, without descriptions or constraints.
   */
  reducedParameters: z.boolean().optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const serverSchema = z.object({
  /** Stable identity; the URL slug is derived from it unless `slug` is given. */
  id: z.string().regex(SERVER_ID_PATTERN, {
    error: 'must be lower-case letters, digits and hyphens (1-100 characters)',
  }),
  /** URL slug of the hub page. Default: the id. */
  slug: z.string().regex(SERVER_ID_PATTERN).optional(),
  /**
   * Display name (third-party text). Shown inside sentences, so characters that reorder
   * or hide the text around them (bidi controls, zero-width) are refused, as in tool names.
   */
  name: z.string().min(1).max(200).regex(DISPLAY_NAME_PATTERN, {
    error: 'must not contain control, bidi or zero-width characters',
  }),
  description: z.string().max(100_000).optional(),
  vendor: z.string().max(200).optional(),
  package: packageSchema.optional(),
  repository: webUrlSchema.optional(),
  homepage: webUrlSchema.optional(),
  /** The licence the server itself declares (SPDX or free text), when it states one. */
  license: z.string().max(200).optional(),
  /** What `initialize` returned, when the server was captured live. */
  serverInfo: z
    .object({ name: z.string().max(300), version: z.string().max(100).optional(), title: z.string().max(300).optional() })
    .loose()
    .optional(),
  protocolVersion: z.string().max(40).nullable().optional(),
  provenance: z.array(provenanceSchema).min(1, { error: 'needs at least one source' }),
  /** The server's tools; names are unique within one server (MCP spec). */
  tools: z.array(toolSchema).superRefine((tools, ctx) => {
    const seen = new Set<string>();
    tools.forEach((tool, index) => {
      if (seen.has(tool.name)) {
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'repeats the name of an earlier tool of this server' });
      }
      seen.add(tool.name);
    });
  }),
});
export type Server = z.infer<typeof serverSchema>;
export type ServerInput = z.input<typeof serverSchema>;

/** A package's identity, `npm:@scope/name` lower-cased, without its version; undefined for none. */
export function packageIdentity(pkg: Pick<ServerPackage, 'registry' | 'identifier'> | undefined): string | undefined {
  return pkg ? `${pkg.registry}:${pkg.identifier}`.toLowerCase() : undefined;
}

/** A tool with the classification the site shows (supplied, or made by the engine). */
export type ClassifiedTool = Server['tools'][number] & { classification: Classification };

/** A server whose tools all carry a classification: what admission hands on. */
export type ClassifiedServer = Omit<Server, 'tools'> & { tools: ClassifiedTool[] };
