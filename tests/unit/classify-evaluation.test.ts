import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorLabel, evaluate } from '../../src/catalogue/classify/evaluation.ts';
import { readAnnotatedTools } from '../../src/catalogue/classify/read-source-data.ts';

const DATA = join(import.meta.dirname, '..', 'fixtures', 'classify', 'data');

describe('author labels', () => {
  it('read-only only for readOnlyHint: true; destructive for an explicit destructiveHint: true; else other writes', () => {
    expect(authorLabel({ readOnlyHint: true, destructiveHint: true })).toBe('read-only');
    expect(authorLabel({ destructiveHint: true })).toBe('destructive');
    expect(authorLabel({ readOnlyHint: false, destructiveHint: true })).toBe('destructive');
    expect(authorLabel({})).toBe('other-writes');
    expect(authorLabel({ readOnlyHint: null })).toBe('other-writes');
    expect(authorLabel({ readOnlyHint: 'true' })).toBe('other-writes');
  });
});

describe('reading the shared sources', () => {
  it('keeps every tool that has an annotations object, from all three sources, in order', async () => {
    const tools = await readAnnotatedTools(DATA);
    expect(tools.map((tool) => `${tool.source}/${tool.server}/${tool.tool.name}`)).toEqual([
      'captures/demo/list_items',
      'captures/demo/delete_item',
      'captures/demo/search_items',
      'livemcpbench/bench-server/get_weather',
      'livemcpbench/bench-server/send_message',
      'docker-mcp-registry/docker-demo/get_logs',
      'docker-mcp-registry/docker-demo/run_job',
    ]);
    // Docker argument lists become JSON Schema.
    expect(tools[6]!.tool.inputSchema).toMatchObject({ properties: { command: { type: 'string' } } });
  });

  it('names the folder it cannot read', async () => {
    await expect(readAnnotatedTools(join(DATA, 'missing'))).rejects.toThrow(/missing/);
  });
});

describe('the evaluation', () => {
  it('classifies without the annotations and compares Read with readOnlyHint', async () => {
    const report = evaluate(await readAnnotatedTools(DATA));
    expect(report.total).toBe(7);
    expect(report.bySource).toEqual({ captures: 3, livemcpbench: 2, 'docker-mcp-registry': 2 });
    // Disagreements: search_items (author destructive, engine Read), get_logs (no readOnlyHint,
    // engine Read), run_job (author read-only, engine Execute).
    expect(report.disagreements.map((tool) => tool.name)).toEqual(['search_items', 'get_logs', 'run_job']);
    expect(report.agreed).toBe(4);
    // The secondary figure: get_logs has no readOnlyHint, search_items none either.
    expect(report.explicit).toBe(5);
    expect(report.agreedExplicit).toBe(4);
    expect(report.agreedBySource).toEqual({ captures: 2, livemcpbench: 2, 'docker-mcp-registry': 0 });
    expect(report.readOnlyMissed).toBe(1);
    expect(report.readOnlyExtra).toBe(2);
    expect(report.authorDestructive).toBe(2);
    expect(report.destructiveAsRead.map((tool) => tool.name)).toEqual(['search_items']);
    expect(report.confusion['read-only']).toMatchObject({ Read: 2, Execute: 1 });
    expect(report.confusion.destructive).toMatchObject({ Destructive: 1, Read: 1 });
    expect(report.confusion['other-writes']).toMatchObject({ Write: 1, Read: 1 });
    // The annotations did not reach the engine: run_job would carry a contradiction otherwise.
    expect(report.disagreements[2]!.classification.contradictions).toEqual([]);
  });
});
