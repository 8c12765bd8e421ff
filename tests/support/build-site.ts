/**
 * Builds the site from a fixture catalogue into a temporary folder, exactly as
 * `npm run build` does (Astro, then the search index), and returns where it went.
 * The Node 24 binary that runs the tests (npm puts it first on the PATH) runs the build.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

export async function buildSite(catalogue: string, extraEnv: Record<string, string> = {}): Promise<BuildResult> {
  const outDir = await mkdtemp(join(tmpdir(), 'site-build-'));
  const env = { ...process.env, CATALOGUE: resolve(ROOT, catalogue), OUT_DIR: outDir, ...extraEnv };
  const node = process.execPath;
  const astro = await run(node, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
  const search = await run(node, [join(ROOT, 'scripts/build-search-index.ts'), outDir], env);
  return { outDir, output: astro + search };
}
