import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorLabel, evaluate, splitHoldout } from '../../src/catalogue/classify/evaluation.ts';
import { readAnnotatedTools, type AnnotatedTool } from '../../src/catalogue/classify/read-source-data.ts';

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
  it('keeps every tool that has an annotations object, from all four sources, in order, with its server\'s tool names', async () => {
    const tools = await readAnnotatedTools(DATA);
    expect(tools.map((tool) => `${tool.source}/${tool.server}/${tool.tool.name}`)).toEqual([
      'captures/demo/list_items',
      'captures/demo/delete_item',
      'captures/demo/search_items',
      'livemcpbench/bench-server/get_weather',
      'livemcpbench/bench-server/send_message',
      'docker-mcp-registry/docker-demo/get_logs',
      'docker-mcp-registry/docker-demo/run_job',
      'toucan/@demo/notes/notes_page_list',
      'toucan/@demo/notes/notes_page_remove',
      'toucan/@demo/notes/notes_page_archive',
    ]);
    // Siblings include the tools without annotations, for the server's prefix.
    expect(tools.at(-1)!.siblings).toEqual(['notes_page_list', 'notes_page_remove', 'notes_page_get', 'notes_page_archive']);
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
    expect(report.total).toBe(10);
    expect(report.bySource).toEqual({ captures: 3, livemcpbench: 2, 'docker-mcp-registry': 2, toucan: 3 });
    // Disagreements: search_items (author destructive, engine Read), get_logs (no readOnlyHint,
    // engine Read), run_job (author read-only, engine Execute), notes_page_archive (author
    // read-only, engine Write).
    expect(report.disagreements.map((tool) => tool.name)).toEqual(['search_items', 'get_logs', 'run_job', 'notes_page_archive']);
    expect(report.agreed).toBe(6);
    // The secondary figure: get_logs has no readOnlyHint, search_items none either.
    expect(report.explicit).toBe(8);
    expect(report.agreedExplicit).toBe(6);
    expect(report.agreedBySource).toEqual({ captures: 2, livemcpbench: 2, 'docker-mcp-registry': 0, toucan: 2 });
    expect(report.readOnlyMissed).toBe(2);
    expect(report.readOnlyExtra).toBe(2);
    expect(report.authorDestructive).toBe(3);
    expect(report.destructiveAsRead.map((tool) => tool.name)).toEqual(['search_items']);
    expect(report.confusion['read-only']).toMatchObject({ Read: 3, Write: 1, Execute: 1 });
    expect(report.confusion.destructive).toMatchObject({ Destructive: 2, Read: 1 });
    expect(report.bands.reduce((sum, band) => sum + band.tools, 0)).toBe(10);
    expect(report.confusion['other-writes']).toMatchObject({ Write: 1, Read: 1 });
    // The annotations did not reach the engine: run_job would carry a contradiction otherwise.
    expect(report.disagreements[2]!.classification.contradictions).toEqual([]);
  });
});

describe('annotations an SDK filled in', () => {
  const seeded = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };
  const tool = (name: string, description: string, annotations: Record<string, unknown>): AnnotatedTool => ({
    source: 'toucan',
    server: 'demo',
    tool: { name, description, annotations },
    siblings: ['fetch_docs', 'remove_note', 'list_notes'],
  });

  it('leaves out tools whose hints are exactly the four defaults, and counts them apart', () => {
    const report = evaluate([
      tool('fetch_docs', 'Fetches the documentation of a module.', { title: 'Docs', ...seeded }),
      tool('remove_note', 'Removes a note for good.', { readOnlyHint: false, destructiveHint: true }),
      tool('list_notes', 'Lists the notes.', { readOnlyHint: true }),
    ]);
    expect(report.total).toBe(2);
    expect(report.seeded).toBe(1);
    expect(report.seededRead).toBe(1);
    expect(report.agreed).toBe(2);
    expect(report.authorDestructive).toBe(1);
    expect(report.destructiveAsRead).toEqual([]);
  });
});

describe('the held-out fifth', () => {
  const tool = (server: string, name: string): AnnotatedTool => ({ source: 'toucan', server, tool: { name, annotations: {} }, siblings: [name] });
  const tools = Array.from({ length: 20 }, (_, index) => [tool(`s${index}`, 'a'), tool(`s${index}`, 'b')]).flat();

  it('sets aside a fifth of the servers, whole, the same ones on every run', () => {
    const { tuning, holdout } = splitHoldout(tools);
    const servers = (list: typeof tools) => new Set(list.map((each) => each.server));
    expect(servers(holdout).size).toBe(4);
    expect(holdout.length).toBe(8);
    expect(tuning.length).toBe(32);
    for (const server of servers(holdout)) expect(servers(tuning).has(server)).toBe(false);
    expect(splitHoldout(tools).holdout).toEqual(holdout);
    // Another seed sets aside other servers: the seed, not the order, decides.
    expect(servers(splitHoldout(tools, 7).holdout)).not.toEqual(servers(holdout));
    expect(servers(splitHoldout([...tools].reverse()).holdout)).toEqual(servers(holdout));
  });
});
