/**
 * Staging files beside their destination and renaming them in, so that a reader never
 * sees half a file and a failure leaves every destination as it was.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { basename, dirname, join } from 'node:path';

/** A hidden temporary path in the destination's folder (rename is only atomic within one file system). */
export function stagingPath(path: string, tag: string): string {
  return join(dirname(path), `.${basename(path)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Flushes a file to disk, so a rename never publishes a file whose data is still in flight. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `pieces` to a new staging file for `path`, flushed to disk, and returns the
 * staging path; on any failure the staging file is gone and `path` untouched. With
 * `keepExisting`, the current contents of `path` (if any) come first: an append that is
 * only visible once renamed in. A missing final newline in the old contents is added,
 * so the appended line stays a line of its own.
 */
export async function stageFile(
  path: string,
  pieces: Iterable<string> | AsyncIterable<string>,
  options: { keepExisting?: boolean; tag?: string } = {},
): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = stagingPath(path, options.tag ?? 'staged');
  const out = createWriteStream(temporary, { encoding: 'utf8', flags: 'wx' });
  // The file system reports a failure (ENOSPC, EACCES) whenever it happens, often while
  // this is reading the old contents or waiting for the next piece. Without a listener
  // that 'error' would end the process and skip the cleanup; it is rethrown from here.
  let failure: Error | undefined;
  out.on('error', (error) => {
    failure ??= error;
  });
  const write = async (chunk: string | Buffer): Promise<void> => {
    if (failure) throw failure;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  try {
    if (options.keepExisting) {
      let last: number | undefined;
      try {
        for await (const chunk of createReadStream(path)) {
          const buffer = chunk as Buffer;
          if (buffer.length > 0) last = buffer[buffer.length - 1];
          await write(buffer);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      if (last !== undefined && last !== 0x0a) await write('\n');
    }
    for await (const piece of pieces) await write(piece);
    if (failure) throw failure;
    out.end();
    await finished(out);
    await syncFile(temporary);
    return temporary;
  } catch (error) {
    out.destroy();
    // The file may still be being opened: removed before the stream lets go of it, it
    // would reappear after the removal.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await rm(temporary, { force: true });
    throw failure ?? error;
  }
}

/** Removes staging files, ignoring those already gone. */
export async function discard(paths: Iterable<string | undefined>): Promise<void> {
  await Promise.all([...paths].filter((path): path is string => !!path).map((path) => rm(path, { force: true })));
}

/** Renames each staged file over its destination, in the given order. */
export async function commit(moves: ReadonlyArray<readonly [staged: string, destination: string]>): Promise<void> {
  for (const [staged, destination] of moves) await rename(staged, destination);
}
