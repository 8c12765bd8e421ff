import { describe, expect, it } from 'vitest';
import { classifyTool, ENGINE } from '../../src/catalogue/classify/classify-tool.ts';
import { ensureClassified } from '../../src/catalogue/classify/ensure-classified.ts';
import { serverSchema, type Server } from '../../src/catalogue/schema/server.ts';

const existing = {
  category: 'Financial' as const,
  risk: 'Critical' as const,
  confidence: 0.5,
  rationale: 'Classified by the hosted service.',
  signals: [],
  contradictions: [],
  engine: 'hosted-7',
};

function server(tools: Server['tools'], id = 'files', name = 'Files'): Server {
  return serverSchema.parse({ id, name, provenance: [{ source: 'test', retrieved: '2026-11-21' }], tools });
}

describe('ensureClassified', () => {
  it('classifies the tools without a classification and keeps the others', () => {
    const input = server([
      { name: 'read_file', description: 'Reads a file.', inputSchema: { type: 'object' } },
      { name: 'delete_file', description: 'Deletes a file.', inputSchema: { type: 'object' }, classification: existing },
    ]);
    const snapshot = structuredClone(input);
    const output = ensureClassified(input);
    expect(output.tools[0]!.classification).toEqual(classifyTool(input.tools[0]!, { id: 'files', name: 'Files' }));
    expect(output.tools[0]!.classification.category).toBe('Read');
    expect(output.tools[1]!.classification).toBe(input.tools[1]!.classification);
    expect(output.tools[1]!.classification.engine).toBe('hosted-7');
    expect(input).toEqual(snapshot);
    expect(serverSchema.parse(output)).toEqual(output);
  });

  it('passes the server so its name is skipped as a prefix', () => {
    const tools = [{ name: 'search_delete_index', inputSchema: { type: 'object' } }];
    expect(ensureClassified(server(tools)).tools[0]!.classification.category).toBe('Read');
    expect(ensureClassified(server(tools, 'search', 'Search')).tools[0]!.classification.category).toBe('Destructive');
  });

  it('returns the same server when every tool is classified', () => {
    const input = server([{ name: 'x', inputSchema: { type: 'object' }, classification: existing }]);
    expect(ensureClassified(input)).toBe(input);
  });

  it('never lets a supplied classification lower the risk this engine finds', () => {
    const lowered = { ...existing, category: 'Read' as const, risk: 'Low' as const };
    const input = server([{ name: 'delete_file', description: 'Permanently deletes a file.', inputSchema: { type: 'object' }, classification: lowered }]);
    const output = ensureClassified(input).tools[0]!.classification;
    expect(output.category).toBe('Destructive');
    expect(output.engine).toBe(ENGINE);
  });

  it('redoes a classification made by an earlier version of this engine', () => {
    const stale = { ...existing, category: 'Other' as const, risk: 'Medium' as const, engine: 'rules-1' };
    const input = server([{ name: 'read_file', description: 'Reads a file.', inputSchema: { type: 'object' }, classification: stale }]);
    expect(ensureClassified(input).tools[0]!.classification).toMatchObject({ category: 'Read', engine: ENGINE });
  });
});
