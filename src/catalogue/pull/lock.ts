/**
 * One writer at a time per catalogue folder: two pulls (or a pull and a capture --into)
 * racing would each diff against the same old catalogue and one change-log line would
 * be lost when the second rename lands.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { processAlive } from '../process-alive.ts';

export const LOCK_NAME = '.catalogue.lock';

/** Takes the folder's lock (taking over one left by a process that died); returns its release. */
export async function lockFolder(folder: string): Promise<() => Promise<void>> {
  await mkdir(folder, { recursive: true });
  const path = join(folder, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new Error(`${folder}: another catalogue update is running (process ${holder}; lock file ${LOCK_NAME})`);
      }
      // The holder is gone (or wrote nothing before dying): the lock is stale.
      await rm(path, { force: true });
    }
  }
  throw new Error(`${folder}: could not take the lock ${LOCK_NAME}`);
}
