/**
 * Renders a build's shards, `jobs` of them side by side, but lets one at a time through
 * Astro's set-up. While it syncs content, every Astro build rewrites the same files in the
 * project's `.astro` folder; content-assets.mjs and content-modules.mjs go through a
 * temporary file of one fixed name, and two shards syncing at once can rename each other's
 * temporary file away and fail on a missing file. The set-up takes seconds and the
 * rendering after it most of the time, so the shards still overlap.
 */
import type { Shard } from '../../src/site/shard.ts';

/**
 * Renders one shard; calls `synced` once its set-up is done (or never: the next shard
 * then starts when this one has ended, however it ended).
 */
export type RenderShard = (shard: Shard, synced: () => void) => Promise<void>;

export async function renderShards(shards: readonly Shard[], jobs: number, render: RenderShard): Promise<void> {
  const queue = [...shards];
  // Settles when the shard taken from the queue last is past its set-up.
  let setUpDone: Promise<void> = Promise.resolve();
  const worker = async (): Promise<void> => {
    for (let shard = queue.shift(); shard; shard = queue.shift()) {
      const previous = setUpDone;
      let synced!: () => void;
      setUpDone = new Promise((resolve) => (synced = resolve));
      await previous;
      try {
        await render(shard, synced);
      } finally {
        synced();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, shards.length) }, worker));
}
