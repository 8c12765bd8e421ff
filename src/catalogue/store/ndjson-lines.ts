import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/**
 * The lines of an NDJSON stream, split at "\n" only (a "\r" before it dropped). Not
 * node:readline, which also splits at U+2028 and U+2029: JSON.stringify leaves those raw
 * inside strings, and tool names and descriptions may hold them.
 */
export async function* ndjsonLines(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const line = (text: string): string => (text.endsWith('\r') ? text.slice(0, -1) : text);
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      yield line(pending + text.slice(start, end));
      pending = '';
      start = end + 1;
    }
    pending += text.slice(start);
  }
  pending += decoder.end();
  if (pending !== '') yield line(pending);
}
