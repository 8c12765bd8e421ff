import { describe, expect, it } from 'vitest';
import { assignServers, parseShard, shardOfName, WHOLE_SITE } from '../../src/site/shard.ts';

const servers = (sizes: number[]) => ({
  servers: sizes.map((toolCount, i) => ({ id: `s${String(i).padStart(3, '0')}`, toolCount })),
  toolCount: sizes.reduce((sum, n) => sum + n, 0),
});

describe('shards', () => {
  it('read k/N, and refuse what is not a shard of a whole', () => {
    expect(parseShard(undefined)).toEqual(WHOLE_SITE);
    expect(parseShard(' 2/4 ')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad), bad).toThrow(/expected k\/N/);
  });

  it('give every server to exactly one shard, in contiguous runs of about equal tools', () => {
    const index = servers(Array.from({ length: 200 }, (_, i) => 1 + ((i * 37) % 50)));
    const assignment = assignServers(index as never, 4);
    const order = index.servers.map((server) => assignment.get(server.id)!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order)).toEqual(new Set([1, 2, 3, 4]));
    const weight = [1, 2, 3, 4].map((k) =>
      index.servers.filter((server) => assignment.get(server.id) === k).reduce((sum, server) => sum + server.toolCount + 1, 0),
    );
    const share = (index.toolCount + index.servers.length) / 4;
    for (const w of weight) expect(Math.abs(w - share)).toBeLessThan(60);
  });

  it('put everything in shard 1 of 1, and spread shared names over all shards the same way each time', () => {
    const index = servers([5, 5, 5]);
    expect([...assignServers(index as never, 1).values()]).toEqual([1, 1, 1]);
    const names = Array.from({ length: 400 }, (_, i) => `name-${i}`);
    const spread = names.map((name) => shardOfName(name, 3));
    expect(names.map((name) => shardOfName(name, 3))).toEqual(spread);
    for (const k of [1, 2, 3]) expect(spread.filter((s) => s === k).length).toBeGreaterThan(80);
  });
});

describe('the sitemap', () => {
  it('lists the HTML pages Astro rendered, not the error page or files such as policy.json', async () => {
    const { sitemapPaths } = await import('../../scripts/build/sitemap.ts');
    expect(sitemapPaths(['/tools/x/policy.json/', '/tools/x/', '/', '/404/', '/llms.txt/', '/risk/low/2/', '/tools/x/get-item/'])).toEqual([
      '/',
      '/risk/low/2/',
      '/tools/x/',
      '/tools/x/get-item/',
    ]);
  });
});
