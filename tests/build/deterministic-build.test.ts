/**
 * The same catalogue builds the same site, byte for byte, whether in one piece or in
 * shards merged: a whole build of the hostile fixture (odd names, slug collisions, shared
 * names across servers: every ordering the index makes) and a build of it in three shards,
 * two at a time, give the same files with the same contents, the sitemap and the search
 * index included. A static host can then deploy only what changed, a diff of two builds
 * shows only what the catalogue changed, and shards built on several machines assemble
 * into the site one machine would have built.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { writeHostileCatalogue } from '../fixtures/hostile/generate.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Every file of a built site, by path relative to it, with the sha256 of its bytes. */
async function digest(outDir: string): Promise<Record<string, string>> {
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(outDir.length + 1))
    .sort();
  const sums: Record<string, string> = {};
  for (const file of files) sums[file] = createHash('sha256').update(await readFile(join(outDir, file))).digest('hex');
  return sums;
}

/** Where two versions of a file part, with some context, to tell why they differ. */
async function firstDifference(file: string): Promise<string> {
  const [a, b] = await Promise.all(dirs.map((dir) => readFile(join(dir, file), 'latin1')));
  let at = 0;
  while (at < a!.length && a![at] === b![at]) at += 1;
  return `${file} at byte ${at}:\n  ${JSON.stringify(a!.slice(Math.max(0, at - 120), at + 120))}\n  ${JSON.stringify(b!.slice(Math.max(0, at - 120), at + 120))}`;
}

let dirs: string[];
let first: Record<string, string>;
let second: Record<string, string>;
let shardedOutput: string;

beforeAll(async () => {
  const dir = await tempDir('hostile-catalogue');
  const catalogue = join(dir, 'hostile.ndjson');
  await writeHostileCatalogue(catalogue);
  const whole = await buildSite(catalogue, {}, ['--shards', '1']);
  const sharded = await buildSite(catalogue, {}, ['--shards', '3', '--jobs', '2']);
  expect(sharded.output).toMatch(/pages of shard 3\/3/);
  shardedOutput = sharded.output;
  dirs = [whole.outDir, sharded.outDir];
  first = await digest(dirs[0]!);
  second = await digest(dirs[1]!);
});

describe('a whole build and a build in three shards of the same catalogue', () => {
  it('write the same files', () => {
    expect(Object.keys(second)).toEqual(Object.keys(first));
    expect(Object.keys(first).length).toBeGreaterThan(100);
  });

  it('the shards taking turns through Astro\'s set-up, each one reporting the end of its own', () => {
    for (const index of [1, 2, 3]) expect(shardedOutput).toContain(`shard ${index}/3 past Astro's set-up`);
    expect(shardedOutput).not.toContain('never reported the end of its set-up');
  });

  it('with the same bytes in each', async () => {
    const differing = Object.keys(first).filter((file) => first[file] !== second[file]);
    expect(await Promise.all(differing.map(firstDifference))).toEqual([]);
  });
});
