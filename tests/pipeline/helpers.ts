/** Running the catalogue CLI as a child process, and small catalogue builders. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The pinned Node 24 (the system one may be older). */
export const NODE = join(ROOT, 'node_modules/.bin/node');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node scripts/catalogue.ts ...args` from the repository root. */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE, ['scripts/catalogue.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolvePromise({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** sha256 of every file in a folder (missing folder: empty), to prove a failure touched nothing. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.sort()) {
    result[name] = createHash('sha256').update(await readFile(join(dir, name))).digest('hex');
  }
  return result;
}

/** A TCP port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePromise(port));
    });
  });
}

export { processAlive as isAlive } from '../../src/catalogue/process-alive.ts';

export const HEADER = { format: 'mcp-tool-catalogue', version: '1', generated: '2026-11-20', source: 'pipeline test' };

export interface ToolSpec {
  name: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
  [key: string]: unknown;
}

export function server(id: string, tools: ToolSpec[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Server ${id}`,
    provenance: [{ source: 'pipeline test', retrieved: '2026-11-20' }],
    tools: tools.map((tool) => ({ inputSchema: { type: 'object' }, ...tool })),
    ...extra,
  };
}

export function ndjson(servers: unknown[], header: unknown = HEADER): string {
  return [header, ...servers].map((value) => JSON.stringify(value)).join('\n') + '\n';
}

export function json(servers: unknown[], header: Record<string, unknown> = HEADER): string {
  return JSON.stringify({ ...header, servers }, null, 2);
}
