import { z } from 'zod';

/** Version of the catalogue file format this code reads and writes. */
export const CATALOGUE_FORMAT_VERSION = '1';

/**
 * The header of a catalogue file: the first line of NDJSON, or the top-level object
 * of JSON (whose `servers` array holds the records).
 */
export const catalogueHeaderSchema = z.object({
  /** Always `mcp-tool-catalogue`: tells a catalogue from any other JSON. */
  format: z.literal('mcp-tool-catalogue', { error: 'must be "mcp-tool-catalogue"' }),
  /** Format version; only "1" exists. */
  version: z.literal(CATALOGUE_FORMAT_VERSION, { error: `must be "${CATALOGUE_FORMAT_VERSION}"` }),
  /** ISO timestamp of when the file was generated. */
  generated: z.string().max(40).optional(),
  /** Where the catalogue as a whole came from. */
  source: z.string().max(2000).optional(),
  /** Licence notes for the data as a whole. */
  license: z.string().max(2000).optional(),
});
export type CatalogueHeader = z.infer<typeof catalogueHeaderSchema>;
