/**
 * Opens what a pull reads from, a URL or a local file, as one decoded byte stream with its
 * format decided, so the rest of the pull does not care where the bytes come from.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, pipeline, type Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { CatalogueFormat } from '../store/reader.ts';
import { chooseFormat, peek, sniffFormat } from '../store/format.ts';
import { TransferError, httpGet, redactUrl } from './http-source.ts';

export interface SourceOptions {
  timeoutMs: number;
  maxTimeMs: number;
  /** Forces the format instead of reading it from the Content-Type, extension or first bytes. */
  format?: CatalogueFormat | undefined;
  /** Validators for a conditional request (URLs only). */
  etag?: string | undefined;
  lastModified?: string | undefined;
  signal?: AbortSignal | undefined;
  onBytes?: ((bytes: number) => void) | undefined;
}

export type OpenedSource =
  | { status: 'not-modified'; label: string }
  | {
      status: 'ok';
      kind: 'http' | 'file';
      /** The source for messages: the path as given, or the URL without credentials. */
      label: string;
      body: Readable;
      format: CatalogueFormat;
      /** Size in bytes when known (Content-Length or file size), for progress. */
      totalBytes: number | undefined;
      etag: string | undefined;
      lastModified: string | undefined;
      /** The first failure of the transfer itself, if any. */
      transferError: () => Error | undefined;
    };

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** The label a source is known by in messages, the change log and the state file. */
export function sourceLabel(source: string): string {
  return isUrl(source) ? redactUrl(source) : source;
}

async function withFormat(
  body: Readable,
  hints: { explicit?: CatalogueFormat | undefined; contentType?: string | undefined; name?: string | undefined },
): Promise<{ body: Readable; format: CatalogueFormat }> {
  const chosen = chooseFormat(hints);
  if (chosen !== 'sniff') return { body, format: chosen };
  const { head, stream } = await peek(body);
  return { body: stream, format: sniffFormat(head) };
}

export async function openSource(source: string, options: SourceOptions): Promise<OpenedSource> {
  if (isUrl(source)) {
    const label = redactUrl(source);
    const result = await httpGet(source, options);
    if (result.status === 'not-modified') return { status: 'not-modified', label };
    const { body, format } = await withFormat(result.body, {
      explicit: options.format,
      contentType: result.contentType,
      name: new URL(result.url).pathname,
    });
    return {
      status: 'ok',
      kind: 'http',
      label,
      body,
      format,
      totalBytes: result.contentLength,
      etag: result.etag,
      lastModified: result.lastModified,
      transferError: result.transferError,
    };
  }

  const path = source.startsWith('file:') ? fileURLToPath(source) : source;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new TransferError(`${source}: not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof TransferError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new TransferError(code === 'ENOENT' ? `${source}: no such file` : `${source}: cannot read (${code ?? (error as Error).message})`);
  }
  let transferError: Error | undefined;
  const file = createReadStream(path);
  const onAbort = (): void => {
    transferError ??= new TransferError(`${source}: interrupted`);
    file.destroy(transferError);
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  file.once('close', () => options.signal?.removeEventListener('abort', onAbort));
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      options.onBytes?.(chunk.length);
      callback(null, chunk);
    },
  });
  const compressed = /\.gz$/i.test(path);
  const stages: NodeJS.ReadWriteStream[] = compressed ? [counter, zlib.createGunzip()] : [counter];
  const decoded = pipeline([file, ...stages] as unknown as [Readable, ...NodeJS.ReadWriteStream[]], (error: NodeJS.ErrnoException | null) => {
    // A premature close is the reader stopping early (after an error of its own), not a read failure.
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE' && !transferError) transferError = new TransferError(`${source}: read failed (${error.message})`);
  }) as unknown as Readable;
  const { body, format } = await withFormat(decoded, { explicit: options.format, name: path });
  return {
    status: 'ok',
    kind: 'file',
    label: source,
    body,
    format,
    totalBytes: size,
    etag: undefined,
    lastModified: undefined,
    transferError: () => transferError,
  };
}
