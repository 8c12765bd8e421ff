/**
 * `npm run bench -- [--tools <n>] [--keep]`
 *
 * Measures the build at a chosen scale and prints its figures: a synthetic catalogue of
 * about n tools is made by repeating the bundled catalogue's servers under new ids (real
 * definitions, so classification and pages cost what they cost on real data), then timed
 * through each stage: load and classify, index, Astro build, search index.
 * Peak memory is the child's high-water mark (VmHWM), sampled from /proc.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCatalogueFile } from '../src/catalogue/store/reader.ts';
import { catalogueHeader, writeCatalogueAtomically } from '../src/catalogue/store/writer.ts';
import type { Server } from '../src/catalogue/schema/server.ts';
import { loadSiteCatalogue } from '../src/site/load-site-catalogue.ts';
import { buildSiteIndex } from '../src/site/site-index.ts';

const { values } = parseArgs({
  options: { tools: { type: 'string', default: '20000' }, keep: { type: 'boolean', default: false } },
});
const target = Number(values.tools);
if (!Number.isInteger(target) || target < 1) throw new Error('--tools must be a positive integer');

const base: Server[] = [];
for await (const { server } of readCatalogueFile('content/catalogue/catalogue.ndjson', {})) base.push(server);

function* synthetic(): Generator<Server> {
  let tools = 0;
  for (let copy = 0; tools < target; copy += 1) {
    for (const server of base) {
      if (tools >= target) return;
      tools += server.tools.length;
      yield copy === 0 ? server : { ...server, id: `${server.id}-copy${copy}`.slice(0, 100), slug: undefined as never };
    }
  }
}

const dir = await mkdtemp(join(tmpdir(), 'bench-'));
const catalogue = join(dir, 'catalogue.ndjson');
await writeCatalogueAtomically(catalogue, catalogueHeader({ source: 'bench' }), synthetic());

async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${what.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

const loadStarted = performance.now();
const loaded = await timed('load + classify', () => loadSiteCatalogue(catalogue));
const loadMicroseconds = ((performance.now() - loadStarted) * 1000) / Math.max(1, loaded.servers.reduce((n, s) => n + s.tools.length, 0));
const index = await timed('site index', async () => buildSiteIndex(loaded.servers));
console.log(`catalogue                    ${index.servers.length} servers, ${index.toolCount} tools, ${(await stat(catalogue)).size} bytes`);
console.log(`load + classify per tool     ${loadMicroseconds.toFixed(1)} µs (read, validate, classify)`);
console.log(`heap after index             ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

function runMeasured(args: string[]): Promise<{ seconds: number; peakMiB: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CATALOGUE: catalogue, OUT_DIR: join(dir, 'dist') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let peak = 0;
    const sample = setInterval(async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kib);
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024 });
    });
  });
}

const astro = await runMeasured(['node_modules/astro/bin/astro.mjs', 'build', '--silent']);
const pages = (await readdir(join(dir, 'dist'), { recursive: true })).filter((name) => name.endsWith('.html')).length;
console.log(`astro build                  ${astro.seconds.toFixed(2)} s, ${pages} HTML pages, ${(pages / astro.seconds).toFixed(0)} pages/s, peak ${astro.peakMiB.toFixed(0)} MiB`);
const search = await runMeasured(['scripts/build-search-index.ts', join(dir, 'dist')]);
console.log(`search index                 ${search.seconds.toFixed(2)} s, peak ${search.peakMiB.toFixed(0)} MiB`);

if (values.keep) console.log(`kept ${dir}`);
else await rm(dir, { recursive: true, force: true });
