/**
 * The catalogue folder's lock under contention: calls racing in one process, processes
 * racing for a lock left by a dead one, and a live holder that must be respected.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_NAME, lockFolder } from '../../src/catalogue/store/lock.ts';
import { processAlive } from '../../src/catalogue/process-alive.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const LOCK_MODULE = join(ROOT, 'src/catalogue/store/lock.ts');

let work: string;

beforeAll(async () => {
  work = await tempDir('lock');
});

/** The pid of a process that has exited (and been reaped), so no process has it for now. */
async function deadPid(): Promise<number> {
  const child = spawn(NODE, ['-e', ''], { stdio: 'ignore' });
  await new Promise((done) => child.once('exit', done));
  expect(processAlive(child.pid!)).toBe(false);
  return child.pid!;
}

function run(script: string, args: string[]): Promise<string> {
  return new Promise((done, reject) => {
    const child = spawn(NODE, ['--input-type=module', '-e', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', () => done(out.trim()));
  });
}

describe('lockFolder', () => {
  it('lets one of two calls racing in one process through, and the other is refused', async () => {
    const dir = await mkdtemp(join(work, 'race-'));
    const results = await Promise.allSettled([lockFolder(dir), lockFolder(dir)]);
    const taken = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    expect(taken).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/another catalogue update is running \(process \d+/);
    expect(await readFile(join(dir, LOCK_NAME), 'utf8')).toBe(String(process.pid));
    await (taken[0] as PromiseFulfilledResult<() => Promise<void>>).value();
    expect(await readdir(dir)).toEqual([]);
    // Released: it can be taken again.
    await (await lockFolder(dir))();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await mkdtemp(join(work, 'dead-'));
    await writeFile(join(dir, LOCK_NAME), String(await deadPid()));
    const release = await lockFolder(dir);
    expect(await readFile(join(dir, LOCK_NAME), 'utf8')).toBe(String(process.pid));
    await release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock naming its own pid that this process never took (a pid reused after a crash)', async () => {
    const dir = await mkdtemp(join(work, 'reused-'));
    await writeFile(join(dir, LOCK_NAME), String(process.pid));
    await (await lockFolder(dir))();
    expect(await readdir(dir)).toEqual([]);
  });

  describe('a lock held by a live process', () => {
    let sleeper: ChildProcess;

    beforeAll(() => {
      sleeper = spawn(NODE, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    });

    afterAll(() => {
      sleeper.kill('SIGKILL');
    });

    it('is respected and left as it was', async () => {
      const dir = await mkdtemp(join(work, 'live-'));
      await writeFile(join(dir, LOCK_NAME), String(sleeper.pid));
      await expect(lockFolder(dir)).rejects.toThrow(`another catalogue update is running (process ${sleeper.pid}; lock file ${LOCK_NAME})`);
      expect(await readFile(join(dir, LOCK_NAME), 'utf8')).toBe(String(sleeper.pid));
      expect(await readdir(dir)).toEqual([LOCK_NAME]);
    });
  });

  it('gives a dead holder\'s lock to exactly one of many processes racing for it', async () => {
    const dir = await mkdtemp(join(work, 'takeover-'));
    await writeFile(join(dir, LOCK_NAME), String(await deadPid()));
    // Each process holds what it took for a while, so every other one finds it held.
    const script = `
      const { lockFolder } = await import(${JSON.stringify(LOCK_MODULE)});
      try {
        const release = await lockFolder(process.argv[1]);
        console.log('taken');
        await new Promise((done) => setTimeout(done, 1500));
        await release();
      } catch (error) {
        console.log(/another catalogue update is running/.test(error.message) ? 'refused' : error.message);
      }`;
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => run(script, [dir])));
    expect(outcomes.filter((outcome) => outcome === 'taken')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(7);
    expect(await readdir(dir)).toEqual([]);
  });
});
