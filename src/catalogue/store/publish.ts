/**
 * Publishing a new catalogue together with its change-log line: every command that
 * replaces a catalogue (a pull, a capture --into) goes through here, so none can change a
 * tool definition without the change being recorded.
 */
import { stat } from 'node:fs/promises';
import { stageCatalogue } from './writer.ts';
import type { CatalogueHeader } from '../schema/catalogue.ts';
import type { Server } from '../schema/server.ts';
import { ChangeDetector, type CatalogueDiff, type FingerprintIndex } from '../changes/diff.ts';
import { changeLogLine, type ReplacedServer } from '../changes/change-log.ts';
import { changeLogPathOf } from './change-log-file.ts';
import { commit, discard, stageFile } from './atomic.ts';

/** What `beforeCommit` learns about the staged catalogue. */
export interface StagedCatalogue {
  /** The staging file that will be renamed over the catalogue. */
  path: string;
  size: number;
  mtimeMs: number;
  /** The change-log line's timestamp. */
  date: string;
  diff: CatalogueDiff;
}

export interface PublishOptions {
  /** The catalogue to replace; the change log lives beside it. */
  out: string;
  header: CatalogueHeader;
  servers: Iterable<Server> | AsyncIterable<Server>;
  /** The fingerprints of the catalogue being replaced. */
  previous: FingerprintIndex;
  /** What the change-log line names as the origin of this catalogue. */
  source: string;
  now: () => Date;
  /** Names the staging files, so a leftover one says what made it. */
  tag: string;
  /** Records replaced by another server under the same id, known once `servers` is read. */
  replaced?: (() => readonly ReplacedServer[]) | undefined;
  /**
   * Runs once everything is staged and before anything is renamed: the last chance to
   * refuse (by throwing), and a way to publish further files after the catalogue.
   */
  beforeCommit?: ((staged: StagedCatalogue) => Promise<ReadonlyArray<readonly [string, string]> | void>) | undefined;
}

export interface Published {
  changeLog: string;
  date: string;
  diff: CatalogueDiff;
}

/**
 * Writes the catalogue, appends its change-log line and renames both into place, or, on
 * any failure, leaves both as they were. The caller holds the folder's lock.
 */
export async function publishCatalogue(options: PublishOptions): Promise<Published> {
  const changeLogPath = changeLogPathOf(options.out);
  const detector = new ChangeDetector(options.previous);
  const staged: string[] = [];
  async function* observed(): AsyncGenerator<Server> {
    for await (const server of options.servers) {
      detector.observe(server);
      yield server;
    }
  }
  try {
    const catalogueStaged = await stageCatalogue(options.out, options.header, observed(), options.tag);
    staged.push(catalogueStaged);

    const diff = detector.finish();
    const date = options.now().toISOString();
    const changeLogStaged = await stageFile(changeLogPath, changeLogLine({ date, source: options.source, replaced: options.replaced?.() }, diff), {
      keepExisting: true,
      tag: options.tag,
    });
    staged.push(changeLogStaged);
    const written = await stat(catalogueStaged);
    const later =
      (await options.beforeCommit?.({ path: catalogueStaged, size: written.size, mtimeMs: written.mtimeMs, date, diff })) ?? [];
    staged.push(...later.map(([from]) => from));
    // The change log goes first and the catalogue after it, so a catalogue is never
    // visible without its changes recorded.
    await commit([[changeLogStaged, changeLogPath], [catalogueStaged, options.out], ...later]);
    staged.length = 0;
    return { changeLog: changeLogPath, date, diff };
  } finally {
    await discard(staged);
  }
}
