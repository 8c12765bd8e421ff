/**
 * The one place that tells NDJSON from JSON. A local file is always judged by its content
 * (gzip by its magic bytes, then the first line), so any file name reads back; bytes from
 * a URL may also be judged by their Content-Type and path, falling back to the content
 * when those are silent or disagree.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { CatalogueError } from './errors.ts';

export type CatalogueFormat = 'ndjson' | 'json';

const NDJSON_TYPES = new Set([
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/x-jsonl',
  'application/jsonlines',
  'application/x-jsonlines',
  'text/x-ndjson',
  'text/jsonl',
]);

/** NDJSON/JSON Lines media types, and JSON ones (`application/json`, `…+json`). */
export function formatOfContentType(contentType: string | undefined): CatalogueFormat | undefined {
  if (!contentType) return undefined;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (NDJSON_TYPES.has(type)) return 'ndjson';
  if (type === 'application/json' || type === 'text/json' || /^application\/[\w.-]+\+json$/.test(type)) return 'json';
  // text/plain, application/octet-stream and friends say nothing about the shape.
  return undefined;
}

/** `.ndjson`, `.jsonl`, `.jsonlines` are NDJSON; `.json` is JSON; anything else is unknown. */
export function formatOfExtension(name: string): CatalogueFormat | undefined {
  const base = name.replace(/[?#].*$/s, '').toLowerCase().replace(/\.(gz|br)$/, '');
  if (/\.(ndjson|jsonl|jsonlines)$/.test(base)) return 'ndjson';
  if (base.endsWith('.json')) return 'json';
  return undefined;
}

/** How many bytes sniffing may look at before deciding. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Decides from the start of the text. NDJSON's first line is a whole JSON object (the
 * header) without a `servers` array; a JSON catalogue's first line is either `{` alone
 * (pretty-printed) or the whole document (which holds `servers`), and a header line
 * never runs to 64 KB.
 */
export function sniffFormat(head: Buffer): CatalogueFormat {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const newline = text.indexOf('\n');
  if (newline === -1) return 'json';
  try {
    const first: unknown = JSON.parse(text.slice(0, newline));
    if (first !== null && typeof first === 'object' && !Array.isArray(first) && !('servers' in first)) return 'ndjson';
  } catch {
    // Not a whole value on the first line: a pretty-printed JSON document.
  }
  return 'json';
}

/**
 * The format to read with: an explicit choice wins; then the Content-Type and the
 * extension when they agree or only one of them speaks; otherwise the first bytes.
 */
export function chooseFormat(hints: {
  explicit?: CatalogueFormat | undefined;
  contentType?: string | undefined;
  name?: string | undefined;
}): CatalogueFormat | 'sniff' {
  if (hints.explicit) return hints.explicit;
  const byType = formatOfContentType(hints.contentType);
  const byName = hints.name ? formatOfExtension(hints.name) : undefined;
  if (byType && byName && byType !== byName) return 'sniff';
  return byType ?? byName ?? 'sniff';
}

/**
 * Reads the first bytes of a stream (up to the first newline after the first non-blank
 * character, or SNIFF_BYTES) and returns them with a stream that yields everything,
 * those bytes included. Errors of the source reach the returned stream.
 */
export async function peek(input: Readable, limit = SNIFF_BYTES): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < limit) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    length += chunk.length;
    const text = Buffer.concat(chunks).toString('utf8');
    const start = text.search(/\S/);
    if (start !== -1 && text.indexOf('\n', start) !== -1) break;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  const stream = Readable.from(replay(), { objectMode: false });
  // Abandoning the returned stream must release the source (a socket, a file).
  stream.once('close', () => {
    if (!input.destroyed) input.destroy();
  });
  return { head, stream };
}

/** The first two bytes of every gzip stream (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * Opens a local catalogue for reading, whatever it is called: a gzip file is decompressed,
 * and the format is read off the first line unless `format` forces it. Errors of the file
 * (ENOENT, EACCES) surface on the returned stream, where the reader reports them.
 */
export async function openCatalogue(
  path: string,
  format?: CatalogueFormat,
): Promise<{ stream: Readable; format: CatalogueFormat }> {
  let head: Buffer;
  let stream: Readable;
  try {
    ({ head, stream } = await peek(createReadStream(path), 2));
  } catch (error) {
    // Worded as the reader words a failing input, which it is: no record was read.
    throw new CatalogueError(`${path}: could not read the catalogue after 0 record(s) (${(error as Error).message})`, {
      source: path,
    });
  }
  if (isGzip(head)) {
    stream = pipeline(stream, zlib.createGunzip(), () => {}) as unknown as Readable;
  }
  if (format) return { stream, format };
  ({ head, stream } = await peek(stream));
  return { stream, format: sniffFormat(head) };
}

/** How much of a file is read at a time to find its first character. */
const SCAN_BYTES = 4096;

/**
 * The first character of a file that is not white space (nor a byte-order mark), or
 * `undefined` for a blank file: `[` tells a JSON array of tools from a catalogue.
 */
export async function firstSignificantCharacter(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const buffer = Buffer.alloc(SCAN_BYTES);
    for (let position = 0; ; position += SCAN_BYTES) {
      const { bytesRead } = await handle.read(buffer, 0, SCAN_BYTES, position);
      if (bytesRead === 0) return undefined;
      const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
      const match = /\S/.exec(text);
      if (match) return match[0];
    }
  } finally {
    await handle.close();
  }
}
