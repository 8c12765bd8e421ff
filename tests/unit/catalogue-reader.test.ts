import { Readable } from 'node:stream';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalogueStream, readCatalogueFile } from '../../src/catalogue/store/reader.ts';
import { catalogueHeader, writeCatalogueAtomically } from '../../src/catalogue/store/writer.ts';
import type { CatalogueError } from '../../src/catalogue/store/errors.ts';
import { stageFile } from '../../src/catalogue/store/atomic.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * When set, the next write stream fails as a full disk would, on its own schedule: its
 * 'error' arrives whenever the file system reports it, not when the writer is waiting.
 */
const diskFull = vi.hoisted(() => ({ armed: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const createWriteStream: typeof fs.createWriteStream = (...args: Parameters<typeof fs.createWriteStream>) => {
    const stream = fs.createWriteStream(...args);
    if (diskFull.armed) {
      diskFull.armed = false;
      stream.once('open', () => stream.destroy(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })));
    }
    return stream;
  };
  return { ...fs, default: { ...fs, createWriteStream }, createWriteStream };
});

afterEach(() => {
  diskFull.armed = false;
});

const header = { format: 'mcp-tool-catalogue', version: '1' };
const server = (id: string) => ({
  id,
  name: id,
  provenance: [{ source: 'test', retrieved: '2026-11-21' }],
  tools: [{ name: 'read_file' }],
});

async function ids(text: string, format: 'json' | 'ndjson', onInvalid: 'throw' | 'skip' = 'throw', warnings: string[] = []) {
  const out: string[] = [];
  const stream = Readable.from([text]);
  for await (const record of readCatalogueStream(stream, {
    source: 'test-source',
    format,
    onInvalid,
    warn: (error: CatalogueError) => warnings.push(error.message),
  })) {
    out.push(record.server.id);
  }
  return out;
}

describe('the catalogue reader', () => {
  it('reads NDJSON: a header line, then a server a line', async () => {
    const text = [header, server('a'), server('b')].map((v) => JSON.stringify(v)).join('\n');
    expect(await ids(text, 'ndjson')).toEqual(['a', 'b']);
  });

  it('reads JSON: the header fields and a servers array', async () => {
    expect(await ids(JSON.stringify({ ...header, servers: [server('a'), server('b')] }), 'json')).toEqual(['a', 'b']);
  });

  it('reads a JSON record split across many chunks', async () => {
    const text = JSON.stringify({ ...header, servers: [server('a'), server('b')] });
    const chunks = text.match(/.{1,7}/gs)!;
    const out: string[] = [];
    for await (const record of readCatalogueStream(Readable.from(chunks), { source: 's', format: 'json' })) out.push(record.server.id);
    expect(out).toEqual(['a', 'b']);
  });

  it('names the line of invalid JSON in NDJSON', async () => {
    const text = `${JSON.stringify(header)}\n${JSON.stringify(server('a'))}\n{"id": "b",`;
    await expect(ids(text, 'ndjson')).rejects.toThrow(/^test-source, line 3: invalid JSON/);
  });

  it('refuses a header of another format', async () => {
    await expect(ids(JSON.stringify({ format: 'x', version: '1' }), 'ndjson')).rejects.toThrow(
      'test-source, line 1 (catalogue header): field "format": must be "mcp-tool-catalogue"',
    );
  });

  it('refuses a truncated JSON catalogue', async () => {
    const text = JSON.stringify({ ...header, servers: [server('a'), server('b')] });
    await expect(ids(text.slice(0, -30), 'json')).rejects.toThrow(/test-source: (truncated|invalid) JSON/);
  });

  it('skips invalid records with a warning that names them, when asked to', async () => {
    const warnings: string[] = [];
    const text = [header, server('a'), { ...server('b'), id: 'B!' }, server('c')].map((v) => JSON.stringify(v)).join('\n');
    expect(await ids(text, 'ndjson', 'skip', warnings)).toEqual(['a', 'c']);
    expect(warnings).toEqual([expect.stringContaining('test-source, line 3 (server "B!"): field "id"')]);
  });

  it('reads back what the writer wrote, and the writer leaves no temporary file', async () => {
    const dir = await tempDir('catalogue');
    const path = join(dir, 'c.ndjson');
    await writeCatalogueAtomically(path, catalogueHeader({ generated: '2026-11-21' }), [server('a') as never]);
    const out: string[] = [];
    for await (const record of readCatalogueFile(path, {})) out.push(record.server.id);
    expect(out).toEqual(['a']);
    expect(await readdir(dir)).toEqual(['c.ndjson']);
  });

  it('keeps the previous file when writing fails midway', async () => {
    const dir = await tempDir('catalogue');
    const path = join(dir, 'c.ndjson');
    await writeFile(path, 'previous');
    async function* failing() {
      yield server('a') as never;
      throw new Error('source broke');
    }
    await expect(writeCatalogueAtomically(path, catalogueHeader({}), failing())).rejects.toThrow('source broke');
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['c.ndjson']);
  });

  it('reports a disk that fills up while the writer is busy elsewhere, and leaves no temporary file', async () => {
    const dir = await tempDir('catalogue');
    const path = join(dir, 'c.ndjson');
    await writeFile(path, 'previous');
    diskFull.armed = true;
    async function* slow() {
      await new Promise((done) => setTimeout(done, 50));
      yield server('a') as never;
    }
    await expect(writeCatalogueAtomically(path, catalogueHeader({}), slow())).rejects.toThrow(/ENOSPC/);
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['c.ndjson']);
  });

  it('stages an append that fails the same way without leaving anything behind', async () => {
    const dir = await tempDir('catalogue');
    const path = join(dir, 'changes.ndjson');
    await writeFile(path, 'line 1\n');
    diskFull.armed = true;
    // The old contents are read while the stream reports its failure.
    await expect(stageFile(path, ['line 2\n'], { keepExisting: true })).rejects.toThrow(/ENOSPC/);
    expect(await readdir(dir)).toEqual(['changes.ndjson']);
  });

  it('reads a catalogue back whatever its file is called, gzipped or not', async () => {
    const dir = await tempDir('catalogue');
    const ndjsonText = `${JSON.stringify(catalogueHeader({}))}\n${JSON.stringify(server('a'))}\n`;
    const jsonText = JSON.stringify({ ...catalogueHeader({}), servers: [server('b')] }, null, 2);
    const cases: Array<[string, string | Buffer, string]> = [
      ['written.json', ndjsonText, 'a'],
      ['written.jsonlines', ndjsonText, 'a'],
      ['written', ndjsonText, 'a'],
      ['pretty.ndjson', jsonText, 'b'],
      ['pretty.txt', jsonText, 'b'],
      ['lines.json.gz', gzipSync(ndjsonText), 'a'],
      ['lines.ndjson.gz', gzipSync(ndjsonText), 'a'],
      ['pretty.bin', gzipSync(jsonText), 'b'],
    ];
    for (const [name, contents, id] of cases) {
      const path = join(dir, name);
      await writeFile(path, contents);
      const ids: string[] = [];
      for await (const record of readCatalogueFile(path, {})) ids.push(record.server.id);
      expect(ids, name).toEqual([id]);
    }
  });
});

describe('read failures', () => {
  it('tell a failing input from invalid JSON', async () => {
    const records = readCatalogueFile('/nonexistent/catalogue.json', {});
    await expect(records.next()).rejects.toThrow(/^\/nonexistent\/catalogue\.json: could not read the catalogue after 0 record\(s\) \(ENOENT/);
  });
});
