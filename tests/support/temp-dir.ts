/**
 * Temporary folders that last as long as the test file that made them: a run of the
 * build and browser tests makes a dozen built sites (about 50 MB each), and left behind
 * they fill the system's temporary folder run after run. tests/support/remove-temp-dirs.ts,
 * a setup file of every project, removes them when the file's tests are over, passed or not.
 */
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One registry per test file: Vitest gives each file its own module instances.
const made = new Set<string>();

/** A new empty folder in the system's temporary folder, its name starting `<prefix>-`. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  made.add(dir);
  return dir;
}

/** `tempDir` for a synchronous test. */
export function tempDirSync(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  made.add(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  const dirs = [...made];
  made.clear();
  // A file still being closed can make the first attempt fail.
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
}
