/**
 * A pull: fetch a catalogue, validate every record, classify what is unclassified, diff it
 * against the catalogue in place, and publish catalogue, change log and pull state
 * together. Nothing is renamed into place until the whole catalogue has been read and
 * validated; any failure leaves every file as it was.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readCatalogueStream, type CatalogueFormat, type CatalogueRecord } from '../store/reader.ts';
import { catalogueHeader } from '../store/writer.ts';
import { CatalogueError, describeLocation } from '../store/errors.ts';
import type { ReplacedServer } from '../changes/change-log.ts';
import type { CatalogueHeader } from '../schema/catalogue.ts';
import { packageIdentity, type Server } from '../schema/server.ts';
import { Admission } from '../admission.ts';
import type { DiffCounts } from '../changes/diff.ts';
import { readFingerprintIndex } from '../store/fingerprint-index.ts';
import { stageFile } from '../store/atomic.ts';
import { lockFolder } from '../store/lock.ts';
import type { PullProgress } from './progress.ts';
import { publishCatalogue } from '../store/publish.ts';
import { openSource, sourceLabel } from './source.ts';
import { PULL_STATE_NAME, readPullState, serializePullState, validatorsFor } from './state.ts';

export interface PullOptions {
  /** An http(s) URL, a `file:` URL or a path. */
  source: string;
  /** The catalogue to write. The change log and pull state live beside it. */
  out: string;
  /** Longest wait for a connection, the response headers or the next chunk (ms). */
  timeoutMs: number;
  /** Longest the whole download may take (ms; 0: no limit). */
  maxTimeMs: number;
  format?: CatalogueFormat | undefined;
  /** Accept a catalogue without servers (otherwise refused: it would empty the site). */
  allowEmpty?: boolean | undefined;
  progress?: PullProgress | undefined;
  warn?: ((message: string) => void) | undefined;
  signal?: AbortSignal | undefined;
  now?: (() => Date) | undefined;
}

export type PullResult =
  | { status: 'unchanged'; source: string; out: string }
  | {
      status: 'pulled';
      source: string;
      out: string;
      changeLog: string;
      /** Tools that arrived without a classification, or with a stale one, and were classified. */
      classified: number;
      bytes: number;
      durationMs: number;
      counts: DiffCounts;
    };

export async function pullCatalogue(options: PullOptions): Promise<PullResult> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const warn = options.warn ?? (() => {});
  const out = resolve(options.out);
  const folder = dirname(out);
  const statePath = join(folder, PULL_STATE_NAME);

  const release = await lockFolder(folder);
  let stopIndexing: AbortController | undefined;
  try {
    const remote = /^https?:\/\//i.test(options.source);
    const state = remote ? await readPullState(statePath, warn) : undefined;
    const current = await stat(out).catch(() => undefined);
    // Keyed without credentials: the state file sits in the repository.
    const stateKey = sourceLabel(options.source);
    const validators =
      state && current
        ? validatorsFor(state, stateKey, { name: basename(out), size: current.size, mtimeMs: current.mtimeMs })
        : {};

    // The previous catalogue is indexed while the request goes out, so the response waits
    // as little as possible; a 304 cancels it.
    stopIndexing = new AbortController();
    const previousPackages = new Map<string, string | undefined>();
    const previousIndex = readFingerprintIndex(out, {
      packages: previousPackages,
      signal: stopIndexing.signal,
      warn: (error) => warn(`previous catalogue: ${error.message}; the change log may list its tools as added`),
    });
    previousIndex.catch(() => {});

    let bytes = 0;
    const opened = await openSource(options.source, {
      timeoutMs: options.timeoutMs,
      maxTimeMs: options.maxTimeMs,
      format: options.format,
      etag: validators.etag,
      lastModified: validators.lastModified,
      signal: options.signal,
      onBytes: (n) => {
        bytes += n;
      },
    });
    if (opened.status === 'not-modified') {
      stopIndexing.abort();
      return { status: 'unchanged', source: opened.label, out };
    }
    const label = opened.label;

    try {
      // The download's idle timer only runs while the body is being read, so this wait is not a timeout.
      const previous = await previousIndex;
      // The transfer may have failed while nobody was reading; a reader attached to a dead
      // stream would wait for an end that never comes.
      const early = opened.transferError();
      if (early) throw early;

      options.progress?.start(opened.totalBytes);
      let servers = 0;
      let tools = 0;
      let header: CatalogueHeader | undefined;
      const admission = new Admission({ onDuplicate: 'refuse' });

      const replaced: ReplacedServer[] = [];
      const accept = ({ server, location }: CatalogueRecord): Server => {
        // A refused record throws; with `refuse` nothing is ever skipped.
        const result = admission.admit(server, location)!;
        // The same id for another package is another server taking the record's place:
        // said on the terminal and recorded in the change log as a replacement.
        if (previousPackages.has(server.id)) {
          const before = previousPackages.get(server.id);
          const after = packageIdentity(server.package);
          if (before !== after) {
            const reason = `its package was ${before ?? 'not stated'} and is now ${after ?? 'not stated'}`;
            replaced.push({ server: server.id, reason });
            warn(`${describeLocation(location)} (server ${JSON.stringify(server.id)}): replaces the record of another package: ${reason}`);
          }
        }
        servers += 1;
        tools += result.tools.length;
        options.progress?.update({ bytes, servers, tools });
        return result;
      };

      const records = readCatalogueStream(opened.body, {
        source: label,
        format: opened.format,
        onInvalid: 'throw',
        onHeader: (value) => {
          header = value;
        },
      });
      const iterator = records[Symbol.asyncIterator]();
      // The header must be known before the writer starts; reading the first record reads it.
      const first = await iterator.next();
      async function* accepted(): AsyncGenerator<Server> {
        if (first.done) return;
        yield accept(first.value);
        while (true) {
          const next = await iterator.next();
          if (next.done) return;
          yield accept(next.value);
        }
      }
      if (!header) throw new CatalogueError(`${label}: no catalogue header`, { source: label });
      const outHeader = catalogueHeader({
        generated: header.generated ?? now().toISOString(),
        source: header.source ?? label,
        ...(header.license ? { license: header.license } : {}),
      });

      const published = await publishCatalogue({
        out,
        header: outHeader,
        servers: accepted(),
        previous,
        source: label,
        now,
        tag: 'pull',
        replaced: () => replaced,
        beforeCommit: async (staged) => {
          const failed = opened.transferError();
          if (failed) throw failed;
          options.progress?.update({ bytes, servers, tools });
          options.progress?.stop();

          if (servers === 0 && !options.allowEmpty) {
            throw new CatalogueError(
              `${label}: the catalogue holds no servers; refusing to replace ${options.out} with it (--allow-empty accepts it)`,
              { source: label },
            );
          }
          if (options.signal?.aborted) throw new Error(`${label}: interrupted`);
          if (!state) return;
          const stateText = serializePullState(state, stateKey, {
            ...(opened.etag ? { etag: opened.etag } : {}),
            ...(opened.lastModified ? { lastModified: opened.lastModified } : {}),
            catalogue: basename(out),
            size: staged.size,
            mtimeMs: staged.mtimeMs,
            pulled: staged.date,
          });
          // The state goes after the catalogue: validators that claim a catalogue which
          // never landed would make the next pull a 304 over stale data.
          return [[await stageFile(statePath, [stateText], { tag: 'pull' }), statePath]];
        },
      });
      return {
        status: 'pulled',
        source: label,
        out,
        changeLog: published.changeLog,
        classified: admission.classified,
        bytes,
        durationMs: Date.now() - started,
        counts: published.diff.counts,
      };
    } catch (error) {
      options.progress?.stop();
      // The reader can notice a cut body before the transfer reports why; the cause wins.
      await nextTurn();
      const cause = opened.transferError();
      throw cause ?? error;
    } finally {
      if (!opened.body.destroyed) opened.body.destroy();
    }
  } finally {
    stopIndexing?.abort();
    await release();
  }
}
