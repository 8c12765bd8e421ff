/**
 * The pull state file (pull-state.json beside the catalogue): per source URL, the
 * validators (ETag, Last-Modified) of the last successful pull, for conditional requests.
 * An entry also records which catalogue file it produced, with its size and mtime: if that
 * file was replaced since (by hand, by another command), a 304 would keep the wrong data,
 * so the next pull asks unconditionally.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const PULL_STATE_NAME = 'pull-state.json';

const entrySchema = z.object({
  etag: z.string().max(1000).optional(),
  lastModified: z.string().max(200).optional(),
  /** File name of the catalogue written, relative to the state file's folder. */
  catalogue: z.string().min(1),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number().nonnegative(),
  /** ISO timestamp of the pull. */
  pulled: z.string(),
});
export type PullStateEntry = z.infer<typeof entrySchema>;

const stateSchema = z.object({
  version: z.literal(1),
  sources: z.record(z.string(), entrySchema),
});
export type PullState = z.infer<typeof stateSchema>;

export function emptyPullState(): PullState {
  return { version: 1, sources: {} };
}

/** Reads the state file; a missing one is empty, a damaged one is reported and treated as empty. */
export async function readPullState(path: string, warn: (message: string) => void): Promise<PullState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyPullState();
    throw error;
  }
  try {
    const result = stateSchema.safeParse(JSON.parse(text));
    if (result.success) return result.data;
    warn(`${path}: not a pull state file (${result.error.issues[0]?.message}); pulling unconditionally`);
  } catch (error) {
    warn(`${path}: invalid JSON (${(error as Error).message}); pulling unconditionally`);
  }
  return emptyPullState();
}

/**
 * The validators to send for `source`, or none when the catalogue on disk is not the one
 * that entry describes.
 */
export function validatorsFor(
  state: PullState,
  source: string,
  catalogue: { name: string; size: number; mtimeMs: number } | undefined,
): { etag?: string; lastModified?: string } {
  const entry = state.sources[source];
  if (!entry || !catalogue) return {};
  if (entry.catalogue !== catalogue.name || entry.size !== catalogue.size || entry.mtimeMs !== catalogue.mtimeMs) {
    return {};
  }
  return {
    ...(entry.etag ? { etag: entry.etag } : {}),
    ...(entry.lastModified ? { lastModified: entry.lastModified } : {}),
  };
}

/** The state file's text with `source`'s entry replaced; keys sorted so the file diffs cleanly. */
export function serializePullState(state: PullState, source: string, entry: PullStateEntry): string {
  const sources: Record<string, PullStateEntry> = { ...state.sources, [source]: entry };
  const sorted = Object.fromEntries(Object.keys(sources).sort().map((key) => [key, sources[key]!]));
  return `${JSON.stringify({ version: 1, sources: sorted }, null, 2)}\n`;
}
