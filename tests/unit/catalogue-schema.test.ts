import { describe, expect, it } from 'vitest';
import { parseServerRecord } from '../../src/catalogue/store/parse-record.ts';
import { CatalogueError } from '../../src/catalogue/store/errors.ts';

const valid = {
  id: 'files',
  name: 'Files',
  provenance: [{ source: 'capture', retrieved: '2026-11-21' }],
  tools: [{ name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object' } }],
};
const where = { source: 'catalogue.ndjson', line: 7 };

function errorOf(record: unknown): string {
  try {
    parseServerRecord(record, where);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as Error).message;
  }
  throw new Error('expected the record to be refused');
}

describe('server records', () => {
  it('accept a valid record and keep unknown MCP tool fields', () => {
    const server = parseServerRecord(
      { ...valid, tools: [{ ...valid.tools[0], execution: { taskSupport: 'optional' } }] },
      where,
    );
    expect(server.tools[0]!.name).toBe('read_file');
    expect((server.tools[0] as Record<string, unknown>).execution).toEqual({ taskSupport: 'optional' });
  });

  it('default a missing inputSchema to an empty object schema', () => {
    const server = parseServerRecord({ ...valid, tools: [{ name: 'ping' }] }, where);
    expect(server.tools[0]!.inputSchema).toEqual({ type: 'object' });
  });

  it('name the file, line, server, tool and field of an error', () => {
    const message = errorOf({ ...valid, tools: [valid.tools[0], { name: 'x', description: 42 }] });
    expect(message).toBe(
      'catalogue.ndjson, line 7 (server "files"): tool "x" (tools[1]), field "description": Invalid input: expected string, received number',
    );
  });

  it('refuse javascript: and data: links', () => {
    expect(errorOf({ ...valid, repository: 'javascript:alert(1)' })).toContain('field "repository": must be an http(s) URL');
    expect(errorOf({ ...valid, homepage: 'data:text/html,<script>' })).toContain('field "homepage": must be an http(s) URL');
  });

  it('refuse ids that are not slug-safe', () => {
    expect(errorOf({ ...valid, id: '../etc' })).toContain('field "id": must be lower-case letters');
  });

  it('refuse tool names with bidi or zero-width characters, and repeated names', () => {
    expect(errorOf({ ...valid, tools: [{ name: 'read\u202Efile' }] })).toContain('without control, bidi or zero-width');
    expect(errorOf({ ...valid, tools: [{ name: 'read\u200Bfile' }] })).toContain('field "name"');
    expect(errorOf({ ...valid, tools: [{ name: 'a' }, { name: 'a' }] })).toContain(
      'tool "a" (tools[1]), field "name": repeats the name of an earlier tool',
    );
  });

  it('refuse server names that would reorder or hide the sentence around them', () => {
    expect(errorOf({ ...valid, name: 'Files\u202E' })).toContain('field "name": must not contain control, bidi or zero-width characters');
    expect(parseServerRecord({ ...valid, name: '必应搜索 MCP' }, where).name).toBe('必应搜索 MCP');
  });

  it('accept names outside the spec pattern that real servers send', () => {
    expect(parseServerRecord({ ...valid, tools: [{ name: 'Summarize Detection' }] }, where).tools).toHaveLength(1);
  });

  it('treat null annotation hints as absent rather than refusing them', () => {
    const server = parseServerRecord({ ...valid, tools: [{ name: 'a', annotations: { readOnlyHint: null } }] }, where);
    expect(server.tools[0]!.annotations?.readOnlyHint).toBeNull();
  });

  it('say when a record has no id', () => {
    expect(errorOf({ name: 'x', provenance: [], tools: [] })).toMatch(/^catalogue\.ndjson, line 7 \(server without an id\): field "id"/);
  });
});

describe('supplied classifications', () => {
  it('may not rate a tool below the risk its category implies', () => {
    const classification = { category: 'Destructive', risk: 'Low', confidence: 0.9, rationale: 'x', signals: [], engine: 'hosted-1' };
    const record = { ...valid, tools: [{ name: 'delete_file', classification }] };
    expect(errorOf(record)).toContain('tool "delete_file" (tools[0]), field "classification.risk": must be at least the risk its category implies');
    expect(parseServerRecord({ ...record, tools: [{ name: 'delete_file', classification: { ...classification, risk: 'Critical' } }] }, where).tools).toHaveLength(1);
  });
});
