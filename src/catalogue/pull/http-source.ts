/**
 * Fetches a catalogue over HTTP(S) as a byte stream, with node:http so that every way a
 * download can go wrong is told apart: refused or failed connections, a server that
 * stops answering (before the headers or between two chunks), a download that takes too
 * long overall, error statuses, and bodies cut short of their Content-Length.
 */
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface HttpRequestOptions {
  /** Longest wait for the connection, the response headers, or the next chunk of the body. */
  timeoutMs: number;
  /** Longest the whole download may take (0: no limit). */
  maxTimeMs: number;
  /** Validators of the copy already held, for a conditional request. */
  etag?: string | undefined;
  lastModified?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Called with the number of body bytes as they arrive (before decompression). */
  onBytes?: ((bytes: number) => void) | undefined;
  maxRedirects?: number;
}

export type HttpResult =
  | { status: 'not-modified'; url: string }
  | {
      status: 'ok';
      /** The final URL, after redirects. */
      url: string;
      /** The decoded body. Errors (timeouts, truncation, resets) are raised on it. */
      body: Readable;
      /** Set as soon as the transfer fails: a read error downstream is a consequence of it. */
      transferError: () => Error | undefined;
      contentType: string | undefined;
      /** Bytes on the wire, when the server said. */
      contentLength: number | undefined;
      etag: string | undefined;
      lastModified: string | undefined;
    };

/** An error of the transfer itself, as opposed to an error in what was transferred. */
export class TransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransferError';
  }
}

const USER_AGENT = 'mcp-tool-policy-catalogue (catalogue pull)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Third-party text (a status message, an error page) made safe for one terminal line. */
export function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * A URL fit for messages, logs and state files: without user name, password, or the
 * values of query parameters that look like credentials.
 */
export function redactUrl(url: string | URL): string {
  const parsed = new URL(url);
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (/token|key|secret|pass|auth|sig|cred|session/i.test(name)) parsed.searchParams.set(name, 'REDACTED');
  }
  return parsed.toString();
}

function describeNetworkError(label: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `${label}: connection refused (nothing listens at that address)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${label}: host not found (${error.code})`;
    case 'ECONNRESET':
      return `${label}: connection reset by the server`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${label}: host unreachable (${error.code})`;
    default:
      if (error.code?.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(error.message)) {
        return `${label}: TLS failed (${printable(error.message)})`;
      }
      return `${label}: request failed (${error.code ?? printable(error.message)})`;
  }
}

/**
 * A timer for "nothing happened for too long" that is only armed while the download waits
 * for the network, so a slow consumer downstream is never mistaken for a silent server.
 */
class Watchdog {
  #timer: NodeJS.Timeout | undefined;
  readonly #ms: number;
  readonly #fire: (what: string) => void;
  constructor(ms: number, fire: (what: string) => void) {
    this.#ms = ms;
    this.#fire = fire;
  }
  arm(what: string): void {
    this.disarm();
    if (this.#ms > 0) this.#timer = setTimeout(() => this.#fire(what), this.#ms);
  }
  disarm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** GETs `url`, following up to `maxRedirects` redirects, and returns the body as a stream. */
export async function httpGet(url: string, options: HttpRequestOptions): Promise<HttpResult> {
  let current = new URL(url);
  const label = redactUrl(url);
  const started = Date.now();
  for (let redirects = 0; ; redirects += 1) {
    const outcome = await requestOnce(current, label, options, started);
    if (outcome.kind === 'result') return outcome.result;
    if (redirects >= (options.maxRedirects ?? 5)) throw new TransferError(`${label}: too many redirects`);
    const next = new URL(outcome.location, current);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new TransferError(`${label}: redirected to an unsupported URL scheme (${next.protocol})`);
    }
    if (current.protocol === 'https:' && next.protocol === 'http:') {
      throw new TransferError(`${label}: refused a redirect from https to plain http`);
    }
    current = next;
  }
}

type Outcome = { kind: 'result'; result: HttpResult } | { kind: 'redirect'; location: string };

function requestOnce(url: URL, label: string, options: HttpRequestOptions, started: number): Promise<Outcome> {
  return new Promise<Outcome>((resolve, reject) => {
    const headers: Record<string, string> = {
      accept: 'application/x-ndjson, application/json;q=0.9, */*;q=0.1',
      'accept-encoding': 'gzip, deflate, br',
      'user-agent': USER_AGENT,
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const transport = url.protocol === 'https:' ? https : http;

    let settled = false;
    let transferError: Error | undefined;
    let body: Readable | undefined;
    let totalTimer: NodeJS.Timeout | undefined;

    const fail = (error: Error): void => {
      transferError ??= error;
      watchdog.disarm();
      if (totalTimer) clearTimeout(totalTimer);
      request.destroy();
      if (!settled) {
        settled = true;
        reject(transferError);
      } else if (body && !body.destroyed) {
        body.destroy(transferError);
      }
    };
    const watchdog = new Watchdog(options.timeoutMs, (what) =>
      fail(new TransferError(`${label}: timed out after ${options.timeoutMs} ms ${what} (--timeout)`)),
    );
    if (options.maxTimeMs > 0) {
      const remaining = Math.max(1, options.maxTimeMs - (Date.now() - started));
      totalTimer = setTimeout(
        () => fail(new TransferError(`${label}: the download took longer than ${options.maxTimeMs} ms (--max-time)`)),
        remaining,
      );
      totalTimer.unref();
    }

    const request = transport.request(url, { method: 'GET', headers });
    watchdog.arm('connecting');
    request.on('socket', (socket) => {
      const connected = (): void => watchdog.arm('waiting for the response');
      if ((socket as { connecting?: boolean }).connecting) socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
      else connected();
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (transferError) return;
      fail(new TransferError(describeNetworkError(label, error)));
    });
    const onAbort = (): void => fail(new TransferError(`${label}: interrupted`));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    request.on('response', (response) => {
      watchdog.disarm();
      const status = response.statusCode ?? 0;
      const header = (name: string): string | undefined => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      if (REDIRECTS.has(status) && header('location')) {
        response.resume();
        settled = true;
        if (totalTimer) clearTimeout(totalTimer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve({ kind: 'redirect', location: header('location')! });
        return;
      }
      if (status === 304 && (options.etag || options.lastModified)) {
        response.resume();
        settled = true;
        if (totalTimer) clearTimeout(totalTimer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve({ kind: 'result', result: { status: 'not-modified', url: url.toString() } });
        return;
      }
      if (status !== 200) {
        readExcerpt(response).then((excerpt) => {
          const reason = response.statusMessage ? ` ${printable(response.statusMessage, 80)}` : '';
          fail(new TransferError(`${label}: HTTP ${status}${reason}${excerpt ? ` (${excerpt})` : ''}`));
        });
        watchdog.arm('reading the error response');
        return;
      }

      const lengthHeader = header('content-length');
      const contentLength = lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
      let received = 0;
      let ended = false;
      let abandoned = false;
      // The body as the consumer sees it: pulls from the socket only when asked, so the
      // idle watchdog measures the server, not the consumer.
      const raw = new Readable({
        read() {
          if (ended) return;
          watchdog.arm(`waiting for data after ${received} bytes`);
          response.resume();
        },
        destroy(error, callback) {
          abandoned = true;
          watchdog.disarm();
          if (totalTimer) clearTimeout(totalTimer);
          options.signal?.removeEventListener('abort', onAbort);
          if (!ended) request.destroy();
          callback(error);
        },
      });
      // Until a reader attaches, a failure is kept in `transferError` rather than thrown
      // as an unhandled stream error; readers see it all the same.
      raw.on('error', () => {});
      response.pause();
      response.on('data', (chunk: Buffer) => {
        watchdog.disarm();
        received += chunk.length;
        options.onBytes?.(chunk.length);
        if (contentLength !== undefined && received > contentLength) {
          fail(new TransferError(`${label}: the body is longer than its Content-Length (${contentLength} bytes)`));
          return;
        }
        if (!raw.push(chunk)) response.pause();
      });
      response.on('end', () => {
        ended = true;
        watchdog.disarm();
        if (totalTimer) clearTimeout(totalTimer);
        if (contentLength !== undefined && received !== contentLength) {
          fail(new TransferError(`${label}: truncated body: received ${received} of ${contentLength} bytes (Content-Length)`));
          return;
        }
        raw.push(null);
      });
      response.on('error', () => {
        // `aborted`: handled by `close` below with the byte counts.
      });
      response.on('close', () => {
        // A complete response can close before its last bytes are read; the length is checked on `end`.
        if (ended || abandoned || transferError || response.complete) return;
        const expected = contentLength !== undefined ? ` of ${contentLength}` : '';
        fail(new TransferError(`${label}: truncated body: the connection closed after ${received}${expected} bytes`));
      });

      let decoded: Readable = raw;
      const encoding = (header('content-encoding') ?? 'identity').trim().toLowerCase();
      if (encoding === 'gzip' || encoding === 'x-gzip') decoded = raw.pipe(zlib.createGunzip());
      else if (encoding === 'deflate') decoded = raw.pipe(zlib.createInflate());
      else if (encoding === 'br') decoded = raw.pipe(zlib.createBrotliDecompress());
      else if (encoding !== 'identity') {
        fail(new TransferError(`${label}: unsupported Content-Encoding "${printable(encoding, 40)}"`));
        return;
      }
      if (decoded !== raw) {
        const decoder = decoded;
        raw.on('error', (error) => decoder.destroy(error));
        decoder.on('error', (error) => {
          if (!transferError) transferError = new TransferError(`${label}: corrupt ${encoding} body (${printable(error.message)})`);
        });
        decoder.on('close', () => {
          if (!raw.destroyed) raw.destroy();
        });
      }
      body = decoded;
      settled = true;
      resolve({
        kind: 'result',
        result: {
          status: 'ok',
          url: url.toString(),
          body: decoded,
          transferError: () => transferError,
          contentType: header('content-type'),
          contentLength,
          etag: header('etag'),
          lastModified: header('last-modified'),
        },
      });
    });
    request.end();
  });
}

/** The first few hundred characters of an error page, for the message. */
async function readExcerpt(response: http.IncomingMessage): Promise<string> {
  const type = String(response.headers['content-type'] ?? '');
  if (!/text|json|xml/i.test(type)) {
    response.resume();
    return '';
  }
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of response) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= 2048) break;
    }
  } catch {
    // Whatever arrived is enough for a message.
  }
  return printable(Buffer.concat(chunks).toString('utf8'));
}
