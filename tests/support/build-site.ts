/**
 * Builds the site from a fixture catalogue into a temporary folder, exactly as
 * `npm run build` does (scripts/build.ts: pages, sitemap, search index), and returns where it went.
 * The Node 24 binary that runs the tests (npm puts it first on the PATH) runs the build.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';
import { processAlive } from '../../src/catalogue/process-alive.ts';
import { tempDir } from './temp-dir.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  outDir: string;
  output: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output}`)),
    );
  });
}

/**
 * Astro keeps its prerender bundle and content cache inside the project whatever the
 * output folder, so two builds at once (test files run in parallel) would share them.
 * One build at a time, across test workers: a lock folder, taken over if its owner died.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = join(ROOT, '.astro', 'test-build.lock');
  await mkdir(join(ROOT, '.astro'), { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
      if (owner > 0 && !processAlive(owner)) await rm(lock, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * The environment of a shell: Vitest puts Vite's own variables (BASE_URL, MODE, DEV,
 * PROD, SSR) into process.env, and a child Astro process would take them for its own.
 */
export function shellEnv(): NodeJS.ProcessEnv {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...shell } = process.env;
  return shell;
}

export async function buildSite(catalogue: string, extraEnv: Record<string, string> = {}, args: string[] = []): Promise<BuildResult> {
  const outDir = await tempDir('site-build');
  const env = { ...shellEnv(), CATALOGUE: resolve(ROOT, catalogue), OUT_DIR: outDir, ...extraEnv };
  const node = process.execPath;
  return withBuildLock(async () => {
    const output = await run(node, [join(ROOT, 'scripts/build.ts'), ...args], env);
    return { outDir, output };
  });
}
