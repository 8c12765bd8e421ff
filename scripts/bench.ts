/**
 * `npm run bench -- --tools 10000,100000,500000 [--seed 1] [--jobs n] [--keep]`
 *
 * Builds a synthetic catalogue of each size (`catalogue synth`, derived from the bundled
 * one) exactly as `npm run build` does, and prints per phase (load and classify, page
 * rendering, merge, sitemap, search index) the wall time, pages per second, the peak
 * resident memory of the whole process tree, and the bytes and files written. In the same
 * run it times the floor, a plain Node loop that writes as many files of the same mean
 * size, one folder each as the pages are, and gives the page-rendering phase's ratio to
 * it. Each size ends with one line for scripts:
 *
 *   bench: tools=100000 pages=112990 seconds=157.9 peak_mib=2763 floor_ratio=2.9
 *
 * `seconds` is the whole build, search index included. The classifier's own speed is
 * printed too (µs a tool), since it runs for every tool of every build.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { classifyTool } from '../src/catalogue/classify/classify-tool.ts';
import { readCatalogueFile } from '../src/catalogue/store/reader.ts';
import { synth } from './commands/synth.ts';
import { ROOT } from './build/paths.ts';

const { values } = parseArgs({
  options: {
    tools: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.tools.split(',').map((size) => Number(size.replace(/_/g, '')));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--tools takes positive integers separated by commas');

interface Phase {
  phase: string;
  start: number;
  end: number;
}

/** Resident memory of a process and all its descendants, in KiB, from /proc. */
async function treeRssKiB(root: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
    const parent = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
    rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    const list = children.get(parent) ?? [];
    list.push(Number(name));
    children.set(parent, list);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs the build and samples the memory of its process tree every 250 ms. */
async function measuredBuild(catalogue: string, outDir: string, report: string): Promise<{ seconds: number; samples: [number, number][] }> {
  const samples: [number, number][] = [];
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), ...(values.jobs ? ['--jobs', values.jobs] : [])], {
      cwd: ROOT,
      env: { ...process.env, CATALOGUE: catalogue, OUT_DIR: outDir, BUILD_REPORT: report },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    let sampling = false;
    const timer = setInterval(async () => {
      if (sampling || child.pid === undefined) return;
      sampling = true;
      samples.push([Date.now(), await treeRssKiB(child.pid)]);
      sampling = false;
    }, 250);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve();
      else reject(new Error(`build exited ${code}`));
    });
  });
  return { seconds: (performance.now() - started) / 1000, samples };
}

interface Written {
  files: number;
  bytes: number;
}

/** Files and bytes of the output, by the phase that wrote them. */
async function writtenByPhase(outDir: string): Promise<{ pages: Written; html: Written; sitemap: Written; search: Written }> {
  const tally = () => ({ files: 0, bytes: 0 });
  const result = { pages: tally(), html: tally(), sitemap: tally(), search: tally() };
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relativePath = path.slice(outDir.length + 1);
    const { size } = await stat(path);
    const bucket = /^pagefind(-\d+)?\//.test(relativePath) ? result.search : /^sitemap-.*\.xml$/.test(relativePath) ? result.sitemap : result.pages;
    bucket.files += 1;
    bucket.bytes += size;
    if (bucket === result.pages && entry.name.endsWith('.html')) {
      result.html.files += 1;
      result.html.bytes += size;
    }
  }
  return result;
}

/** The floor: a plain loop writing `pages` files of `meanBytes`, one folder each, as the site does. */
async function floorSeconds(pages: number, meanBytes: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-floor-'));
  const body = Buffer.alloc(Math.round(meanBytes), 'x');
  const started = performance.now();
  for (let i = 0; i < pages; i += 1) {
    const folder = join(dir, String(i % 1000), String(i));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'index.html'), body);
  }
  const seconds = (performance.now() - started) / 1000;
  await rm(dir, { recursive: true, force: true });
  return seconds;
}

async function classifierMicroseconds(catalogue: string, limit: number): Promise<number> {
  const tools = [];
  for await (const { server } of readCatalogueFile(catalogue, {})) {
    const identity = { id: server.id, name: server.name, toolNames: server.tools.map((tool) => tool.name) };
    for (const tool of server.tools) tools.push({ tool, identity });
    if (tools.length >= limit) break;
  }
  const started = performance.now();
  for (const { tool, identity } of tools) classifyTool(tool, identity);
  return ((performance.now() - started) * 1000) / tools.length;
}

const mib = (kib: number): string => (kib / 1024).toFixed(0);
const row = (cells: (string | number)[]): string => cells.map((cell, i) => String(cell).padStart(i === 0 ? 0 : 12).padEnd(i === 0 ? 16 : 0)).join('');

for (const size of sizes) {
  const dir = await mkdtemp(join(tmpdir(), `bench-${size}-`));
  const catalogue = join(dir, 'catalogue.ndjson');
  const outDir = join(dir, 'dist');
  const report = join(dir, 'report.json');
  console.log(`\n== ${size} tools`);
  const synthStarted = performance.now();
  await synth({ tools: size, seed: Number(values.seed), out: catalogue, from: 'content/catalogue/catalogue.ndjson' });
  console.log(`synthetic catalogue: ${((performance.now() - synthStarted) / 1000).toFixed(1)} s, ${(await stat(catalogue)).size} bytes`);
  console.log(`classifier: ${(await classifierMicroseconds(catalogue, 20_000)).toFixed(1)} µs a tool`);

  const { seconds, samples } = await measuredBuild(catalogue, outDir, report);
  const { phases } = JSON.parse(await readFile(report, 'utf8')) as { phases: Phase[] };
  const written = await writtenByPhase(outDir);
  const pages = written.html.files;
  const peakIn = (phase?: Phase): number =>
    samples.filter(([at]) => !phase || (at >= phase.start && at <= phase.end)).reduce((max, [, kib]) => Math.max(max, kib), 0);

  console.log(row(['phase', 'seconds', 'pages/s', 'peak MiB', 'files', 'MiB written']));
  const writtenOf: Record<string, Written | undefined> = { pages: written.pages, sitemap: written.sitemap, search: written.search };
  const names: Record<string, string> = { load: 'load+classify', pages: 'page rendering', merge: 'merge', sitemap: 'sitemap', copies: 'tool copies for agents', search: 'search index' };
  for (const phase of phases) {
    const secs = (phase.end - phase.start) / 1000;
    const out = writtenOf[phase.phase];
    console.log(
      row([
        names[phase.phase] ?? phase.phase,
        secs.toFixed(1),
        phase.phase === 'pages' ? (pages / secs).toFixed(0) : '',
        mib(peakIn(phase)),
        out ? out.files : '',
        out ? (out.bytes / 2 ** 20).toFixed(1) : '',
      ]),
    );
  }
  const rendering = phases.find((phase) => phase.phase === 'pages')!;
  const renderSeconds = (rendering.end - rendering.start) / 1000;
  const floor = await floorSeconds(pages, written.html.bytes / pages);
  const peak = peakIn();
  console.log(row(['whole build', seconds.toFixed(1), (pages / seconds).toFixed(0), mib(peak), written.pages.files + written.sitemap.files + written.search.files, ((written.pages.bytes + written.sitemap.bytes + written.search.bytes) / 2 ** 20).toFixed(1)]));
  console.log(`floor: ${pages} files of ${(written.html.bytes / pages / 1024).toFixed(1)} KiB in ${floor.toFixed(1)} s (${((floor * 1000) / pages).toFixed(3)} ms a page); rendering ${((renderSeconds * 1000) / pages).toFixed(3)} ms a page`);
  console.log(`bench: tools=${size} pages=${pages} seconds=${seconds.toFixed(1)} peak_mib=${mib(peak)} floor_ratio=${(renderSeconds / floor).toFixed(1)}`);
  if (values.keep) console.log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
