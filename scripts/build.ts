/**
 * `npm run build`: the whole site, from the catalogue to dist/.
 *
 *   npm run build                                  the whole site (shards side by side when the catalogue is large)
 *   npm run build -- --shard 2/4 --out part-2      one part of the site, Astro pages only (for a CI job matrix)
 *   npm run build -- --merge part-1 part-2 ... [--out dist]
 *                                                  assemble the parts, then the sitemap and the search index
 *
 * Options: --shards <n> (default: by catalogue size), --jobs <n> (shards at once; default:
 * the number of CPUs), --concurrency <n> (pages Astro renders at once, default 4),
 * --heap <MiB> (each shard's V8 heap limit; default: by catalogue size).
 *
 * The steps of a whole build: Astro renders the pages (one process per shard, `--jobs`
 * at a time); the shards are merged; the sitemap is written from the pages Astro
 * reported; the tools' copies for agents are written from the catalogue (one child
 * process per job, each with its part of the servers); the search documents are written
 * from the catalogue (in a child process) and indexed by Pagefind, bundle by bundle.
 * Shards merged give the same site as a whole build.
 */
import { availableParallelism } from 'node:os';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSiteConfig } from '../src/config/site-config.ts';
import { siteUrlWarning } from '../src/config/site-url-warning.ts';
import { parseShard, WHOLE_SITE, type Shard } from '../src/site/shard.ts';
import { withBase } from '../src/site/urls.ts';
import { astroBuild } from './build/astro-build.ts';
import { mergeShards } from './build/merge.ts';
import { renderShards } from './build/render-shards.ts';
import { ROOT, SHARDS_DIR } from './build/paths.ts';
import { indexBundles } from './build/search-index.ts';
import { writeSitemap } from './build/sitemap.ts';
import { defaultCacheDir, pruneCardCache } from '../src/site/og-card-png.ts';

/** Catalogue bytes one shard takes on: about 120,000 tools of the bundled kind. */
const BYTES_PER_SHARD = 64 * 2 ** 20;

/**
 * Below this size (about 30,000 tools) one Astro process builds the site: each shard pays
 * Astro's start-up (some 9 s of bundling, both cores busy) again, which a small site does
 * not win back. Measured at 10,000 tools: 20.7 s of rendering in one process, 20.1 s in
 * two, with 70% more memory.
 */
const SHARD_FROM_BYTES = 16 * 2 ** 20;

/**
 * The heap limit of each shard's Astro process, in MiB. Astro's rendering leaves garbage
 * that V8 collects lazily; with two shards side by side, uncapped, a 100,000-tool build
 * peaked at 3.4 GB, and at 1,600 MiB each at 2.7 GB for 8% more time (BENCHMARKS.md).
 * Every shard indexes the whole catalogue, so the limit grows with it: at 500,000 tools,
 * 2,000 MiB left a shard collecting garbage most of the time (BENCHMARKS.md).
 */
function shardHeapMiB(catalogueBytes: number): number {
  return Math.max(1600, Math.round(1600 + (8 * (catalogueBytes - BYTES_PER_SHARD)) / 2 ** 20));
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    shard: { type: 'string' },
    shards: { type: 'string' },
    heap: { type: 'string' },
    jobs: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    merge: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not ${JSON.stringify(value)}`);
  return n;
}

function log(message: string): void {
  console.log(`[build] ${message}`);
}

/** Each step's start and end (ms since the epoch), written to BUILD_REPORT for the benchmark. */
const phases: { phase: string; start: number; end: number }[] = [];

async function timed<T>(what: string, work: () => Promise<T>, phase?: string): Promise<T> {
  const started = performance.now();
  const start = Date.now();
  const result = await work();
  if (phase) phases.push({ phase, start, end: Date.now() });
  log(`${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Runs a Node script of scripts/build/ in a child process; resolves with the last line it printed, parsed. */
function runChild<T>(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build', script), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} failed (exit code ${code})`));
      resolvePromise(JSON.parse(output.trim().split('\n').at(-1)!) as T);
    });
  });
}

/**
 * The tools' copies for agents, the servers split between `parts` processes side by side
 * (scripts/build/agent-copies.ts); each reads the catalogue but keeps only its own
 * servers' records, as a page shard does.
 */
async function writeToolCopiesInChildren(outDir: string, parts: number): Promise<number> {
  const counts = await Promise.all(
    Array.from({ length: parts }, (_, i) => runChild<{ tools: number }>('agent-copies.ts', [outDir], { ...process.env, SHARD: `${i + 1}/${parts}` })),
  );
  return counts.reduce((sum, { tools }) => sum + tools, 0);
}

/** Sitemap, the tools' copies and the search index: the steps that need the whole site's pages or catalogue. */
async function finish(outDir: string, jobs: number): Promise<void> {
  const config = loadSiteConfig(process.env);
  const files = await timed('sitemap', () => writeSitemap(outDir, config.siteUrl, withBase('')), 'sitemap');
  log(`sitemap: ${files} file(s)`);
  const copies = await timed('copies for agents of every tool', () => writeToolCopiesInChildren(outDir, jobs), 'copies');
  log(`copies for agents: ${copies} tools`);
  const pruned = await pruneCardCache(defaultCacheDir(process.env, ROOT));
  if (pruned > 0) log(`og cards: ${pruned} unused cached card(s) removed`);
  const scratch = await mkdtemp(join(tmpdir(), 'search-documents-'));
  try {
    const written = await timed('catalogue loaded and search documents written', () => runChild<{ bundles: number; tools: number; servers: number }>('search-index.ts', [scratch]), 'load');
    await timed('search index', () => indexBundles(scratch, outDir, written.bundles), 'search');
    log(`search index: ${written.tools} tools, ${written.servers} servers, in ${written.bundles} bundle(s)`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function shardCountFor(size: number, jobs: number): number {
  if (size <= SHARD_FROM_BYTES) return 1;
  const needed = Math.max(jobs, Math.ceil(size / BYTES_PER_SHARD));
  return Math.ceil(needed / jobs) * jobs;
}

async function main(): Promise<void> {
  const outDir = resolve(values.out ?? process.env.OUT_DIR ?? 'dist');
  const concurrency = positiveInteger('concurrency', values.concurrency, 4);
  const jobs = positiveInteger('jobs', values.jobs, availableParallelism());
  const warning = siteUrlWarning(process.env);
  if (warning) console.warn(`[build] warning: ${warning}`);

  if (values.merge) {
    if (positionals.length === 0) throw new Error('--merge needs the shard folders to merge');
    await timed(`merged ${positionals.length} shard(s)`, () => mergeShards(positionals.map((dir) => resolve(dir)), outDir), 'merge');
    await finish(outDir, jobs);
    return;
  }
  if (values.shard) {
    const shard = parseShard(values.shard);
    const heapMiB = values.heap ? positiveInteger('heap', values.heap, 0) : undefined;
    await timed(`pages of shard ${shard.index}/${shard.count}`, () => astroBuild({ outDir, shard, concurrency, heapMiB }));
    return;
  }

  const config = loadSiteConfig(process.env);
  const { size } = await stat(config.cataloguePath);
  const count = values.shards ? positiveInteger('shards', values.shards, 1) : shardCountFor(size, jobs);
  if (count === 1) {
    await timed('pages', () => astroBuild({ outDir, shard: WHOLE_SITE, concurrency }), 'pages');
  } else {
    const shards = Array.from({ length: count }, (_, i) => ({ index: i + 1, count }));
    const dirOf = (shard: Shard): string => join(SHARDS_DIR, `shard-${shard.index}`);
    const heapMiB = positiveInteger('heap', values.heap, shardHeapMiB(size));
    log(`${count} shards, ${Math.min(jobs, count)} at a time, ${heapMiB} MiB of heap each`);
    const render = async (shard: Shard, synced: () => void): Promise<void> => {
      const outDir = dirOf(shard);
      await rm(outDir, { recursive: true, force: true });
      let reported = false;
      const onSynced = (): void => {
        reported = true;
        log(`shard ${shard.index}/${shard.count} past Astro's set-up; the next may start`);
        synced();
      };
      await timed(`pages of shard ${shard.index}/${shard.count}`, () => astroBuild({ outDir, shard, concurrency, heapMiB, onSynced }));
      // The build is right either way, but the shards after this one waited for all of it.
      if (!reported) console.warn(`[build] warning: shard ${shard.index}/${shard.count} never reported the end of its set-up (astro.config.mjs)`);
    };
    await timed('pages of all shards', () => renderShards(shards, jobs, render), 'pages');
    await timed('merged', () => mergeShards(shards.map(dirOf), outDir), 'merge');
    await rm(SHARDS_DIR, { recursive: true, force: true });
  }
  await finish(outDir, jobs);
}

try {
  await main();
  if (process.env.BUILD_REPORT) await writeFile(process.env.BUILD_REPORT, `${JSON.stringify({ phases })}\n`);
} catch (error) {
  console.error(`build: ${(error as Error).message}`);
  process.exitCode = 1;
}
