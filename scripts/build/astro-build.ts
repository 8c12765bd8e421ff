/**
 * Runs `astro build` in a child process for the whole site or for one shard. A child per
 * shard, not Astro's programmatic API in this process: Astro keeps module state per
 * process (the site data, Vite's module graph), and shards render side by side.
 */
import { spawn } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { SYNCED_MESSAGE, type Shard } from '../../src/site/shard.ts';
import { ROOT } from './paths.ts';

export interface AstroBuildOptions {
  outDir: string;
  shard: Shard;
  /** Pages Astro renders at once; rendering waits on file writes, so more than 1 helps. */
  concurrency: number;
  /**
   * The V8 heap limit of the child, in MiB: with shards side by side, each one's garbage
   * is collected sooner instead of piling up until the machine's memory runs short.
   */
  heapMiB?: number | undefined;
  env?: NodeJS.ProcessEnv;
  /** Receives the child's pid, for memory sampling. */
  onStart?: (pid: number) => void;
  /** Called when the child is past its set-up (content synced, `.astro` written: see render-shards.ts). */
  onSynced?: () => void;
}

export function astroBuild(options: AstroBuildOptions): Promise<void> {
  const outDir = resolve(options.outDir);
  const sharded = options.shard.count > 1;
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    OUT_DIR: outDir,
    BUILD_CONCURRENCY: String(options.concurrency),
    ...(options.heapMiB
      ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${options.heapMiB}`.trim() }
      : {}),
    ...(sharded
      ? {
          SHARD: `${options.shard.index}/${options.shard.count}`,
          // Shards that build side by side must not share Astro's content cache, which
          // may not live in the output folder either: Astro empties that first.
          ASTRO_CACHE_DIR: `${outDir}.astro-cache`,
        }
      : {}),
  };
  if (sharded && relative(ROOT, outDir).startsWith('..')) {
    // Astro puts its prerender bundle inside the output folder only when that folder is
    // inside the project; elsewhere every shard would share one and overwrite it.
    throw new Error(`${outDir}: a shard's output folder must be inside the project (${ROOT})`);
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: ROOT,
      env,
      // The fourth channel carries SYNCED_MESSAGE back.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (child.pid !== undefined) options.onStart?.(child.pid);
    child.on('message', (message) => {
      if (message === SYNCED_MESSAGE) options.onSynced?.();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`astro build${sharded ? ` of shard ${options.shard.index}/${options.shard.count}` : ''} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
