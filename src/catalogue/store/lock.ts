/**
 * One writer at a time per catalogue folder: two pulls (or a pull and a capture --into)
 * racing would each diff against the same old catalogue and one change-log line would
 * be lost when the second rename lands.
 *
 * The lock file holds the holder's pid. It is written under another name and hard-linked
 * into place: link is atomic and fails when the lock exists, so nobody ever sees a lock
 * file without its pid (and mistakes a live lock for a stale one). A lock whose holder
 * died is taken over (see `breakStale`).
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processAlive } from '../process-alive.ts';

export const LOCK_NAME = '.catalogue.lock';

/** Losing a takeover race costs one more round; a lock still contested after this many is refused. */
const ATTEMPTS = 50;

/**
 * Locks this process holds or is taking. Calls in one process all carry its pid, so the
 * file alone cannot tell them apart; a file naming this pid that is not in here is a
 * leftover of an earlier process that had the same pid (common in containers).
 */
const claimed = new Set<string>();

function busy(folder: string, holder: number): Error {
  return new Error(`${folder}: another catalogue update is running (process ${holder}; lock file ${LOCK_NAME})`);
}

/** The text of a lock file, or undefined when there is none. */
async function readLock(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function holderOf(text: string): number | undefined {
  const pid = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function alive(holder: number | undefined): holder is number {
  return holder !== undefined && holder !== process.pid && processAlive(holder);
}

/** Hard-links `from` to `to`; false when `to` exists. */
async function linkNew(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a stale lock file that read `seen`: renamed aside first, and removed only if
 * what was moved is what was judged. A live lock moved by mistake is linked back (never
 * over a newer one).
 */
async function removeStale(path: string, seen: string, nonce: string): Promise<void> {
  const aside = `${path}.${nonce}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const moved = await readLock(aside);
    if (moved !== seen && alive(holderOf(moved ?? ''))) await linkNew(aside, path);
  } finally {
    await rm(aside, { force: true });
  }
}

/**
 * Clears the folder's lock if it still names a dead holder. Only one process at a time
 * does this, under a second lock (`.catalogue.lock.break`): a lock file cannot be removed
 * on condition of its contents, and two processes that both judged the same dead holder
 * would otherwise race, the slower one moving aside the lock the faster one had just taken.
 * While the break lock is held a stale lock file stays as it is: its holder is dead, only
 * a breaker removes it, and nobody can create a file that exists.
 */
async function breakStale(path: string, temporary: string, nonce: string): Promise<void> {
  const breaker = `${path}.break`;
  if (!(await linkNew(temporary, breaker))) {
    const other = await readLock(breaker);
    if (other === undefined) return;
    // Someone is clearing it right now; the lock is worth another look in a moment.
    if (alive(holderOf(other))) await sleep(10 + Math.random() * 20);
    // A breaker that died mid-way (only its few milliseconds of work are at risk).
    else await removeStale(breaker, other, nonce);
    return;
  }
  try {
    const seen = await readLock(path);
    if (seen !== undefined && !alive(holderOf(seen))) await removeStale(path, seen, nonce);
  } finally {
    await rm(breaker, { force: true });
  }
}

/** Takes the folder's lock (taking over one left by a process that died); returns its release. */
export async function lockFolder(folder: string): Promise<() => Promise<void>> {
  const path = join(resolve(folder), LOCK_NAME);
  // Checked and set before the first await, so two calls in this process cannot both pass.
  if (claimed.has(path)) throw busy(folder, process.pid);
  claimed.add(path);
  const mine = String(process.pid);
  const nonce = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temporary = `${path}.${nonce}.tmp`;
  let taken = false;
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, mine, { flag: 'wx' });
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      taken = await linkNew(temporary, path);
      if (taken) break;
      const seen = await readLock(path);
      if (seen === undefined) continue;
      const holder = holderOf(seen);
      if (alive(holder)) throw busy(folder, holder);
      await breakStale(path, temporary, nonce);
    }
  } finally {
    await rm(temporary, { force: true });
    if (!taken) claimed.delete(path);
  }
  if (!taken) throw new Error(`${folder}: could not take the lock ${LOCK_NAME}`);
  return async () => {
    try {
      // A lock that is no longer ours (removed by hand and taken by another) stays.
      if ((await readLock(path)) === mine) await rm(path, { force: true });
    } finally {
      claimed.delete(path);
    }
  };
}
