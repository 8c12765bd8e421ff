import { describe, expect, it } from 'vitest';
import { parseShard, shardOfName, shardOfServer, WHOLE_SITE } from '../../src/site/shard.ts';

describe('shards', () => {
  it('read k/N, and refuse what is not a shard of a whole', () => {
    expect(parseShard(undefined)).toEqual(WHOLE_SITE);
    expect(parseShard(' 2/4 ')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad), bad).toThrow(/expected k\/N/);
  });

  it('give every server one shard, the same each time, with about equal shares', () => {
    const slugs = Array.from({ length: 3000 }, (_, i) => `server-${i}`);
    const shards = slugs.map((slug) => shardOfServer(slug, 4));
    expect(slugs.map((slug) => shardOfServer(slug, 4))).toEqual(shards);
    for (const k of [1, 2, 3, 4]) expect(Math.abs(shards.filter((s) => s === k).length - 750)).toBeLessThan(100);
    expect(slugs.every((slug) => shardOfServer(slug, 1) === 1)).toBe(true);
  });

  it('spread shared names over all shards the same way each time', () => {
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
