/**
 * Which part of the site one build renders. A sharded build (`SHARD=k/N`) renders a
 * disjoint part of the per-server and per-name pages; the N parts merged give the site of
 * one full build, file for file (scripts/build.ts merges them).
 *
 * Every shard indexes the whole catalogue (related tools, shared names and counts are
 * site-wide) and keeps the full records of its own servers only. The assignment:
 * - servers, with their hub, tool pages and policy files, by a hash of the server slug;
 * - shared-name pages by a hash of the name slug;
 * - browse pages (by risk, by category) in shard 1 only;
 * - the handful of single pages (home, indexes, editorial pages) in every shard, the same
 *   bytes each time, so the merge may take any one of them.
 */
import { fnv1a32 } from '../catalogue/hash.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export const WHOLE_SITE: Shard = Object.freeze({ index: 1, count: 1 });

/**
 * What an Astro build sends the build script once it is past its set-up (astro.config.mjs
 * sends it, scripts/build/astro-build.ts listens): the next shard may start its own then.
 */
export const SYNCED_MESSAGE = 'astro-build:synced';

/** `3/8` to `{ index: 3, count: 8 }`; throws a message naming the value when it is not one. */
export function parseShard(value: string | undefined): Shard {
  if (value === undefined || value.trim() === '') return WHOLE_SITE;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || count > 1000) {
    throw new Error(`SHARD=${JSON.stringify(value)}: expected k/N with 1 <= k <= N <= 1000, such as 2/4`);
  }
  return { index, count };
}

export function shardOfName(nameSlug: string, count: number): number {
  return (fnv1a32(nameSlug) % count) + 1;
}

/**
 * The shard of a server, by a hash of its URL slug: known from the record alone, so a
 * shard can drop the records of other shards while it reads the catalogue, and with
 * thousands of servers the shards get about the same number of tools.
 */
export function shardOfServer(serverSlug: string, count: number): number {
  return (fnv1a32(`server:${serverSlug}`) % count) + 1;
}
