/**
 * The order in which a build's shards run: side by side up to `jobs`, but each one's set-up
 * (which rewrites the project's `.astro` files) only after the previous one's is done.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { renderShards, type RenderShard } from '../../scripts/build/render-shards.ts';
import type { Shard } from '../../src/site/shard.ts';

const shardsOf = (count: number): Shard[] => Array.from({ length: count }, (_, i) => ({ index: i + 1, count }));

/** A render that takes `setUpMs` to sync, then `renderMs`; records what happened when. */
function recorder(setUpMs: number, renderMs: number, failing: ReadonlySet<number> = new Set()) {
  const events: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const render: RenderShard = async (shard, synced) => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    events.push(`start ${shard.index}`);
    try {
      await sleep(setUpMs);
      if (failing.has(shard.index)) throw new Error(`shard ${shard.index} failed in its set-up`);
      events.push(`synced ${shard.index}`);
      synced();
      await sleep(renderMs);
      events.push(`end ${shard.index}`);
    } finally {
      running -= 1;
    }
  };
  return { events, render, mostAtOnce: () => mostAtOnce };
}

describe('renderShards', () => {
  it('starts a shard only once the shard before it has synced, and renders them side by side', async () => {
    const { events, render, mostAtOnce } = recorder(20, 60);
    await renderShards(shardsOf(4), 2, render);
    for (let index = 2; index <= 4; index += 1) {
      expect(events.indexOf(`start ${index}`)).toBeGreaterThan(events.indexOf(`synced ${index - 1}`));
    }
    // Shard 2 started while shard 1 was still rendering.
    expect(events.indexOf('start 2')).toBeLessThan(events.indexOf('end 1'));
    expect(mostAtOnce()).toBe(2);
    expect(events.filter((event) => event.startsWith('end ')).sort()).toEqual(['end 1', 'end 2', 'end 3', 'end 4']);
  });

  it('never runs more than `jobs` shards at once', async () => {
    const { render, mostAtOnce } = recorder(1, 40);
    await renderShards(shardsOf(6), 3, render);
    expect(mostAtOnce()).toBe(3);
  });

  it('lets the next shard start when one fails before it has synced', async () => {
    const { events, render } = recorder(10, 10, new Set([1]));
    await expect(renderShards(shardsOf(3), 2, render)).rejects.toThrow('shard 1 failed in its set-up');
    // The other worker goes on with what is queued, as a build's other shards did before.
    await vi.waitFor(() => expect(events).toContain('end 3'));
  });
});
