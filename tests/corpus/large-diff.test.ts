/** The change detector at catalogue scale: a handful of changes found among 100,000 tools. */
import { describe, expect, it } from 'vitest';
import { diffCatalogues, fingerprintIndex, type ServerTools } from '../../src/catalogue/changes/diff.ts';

describe('diffCatalogues at scale', () => {
  it('finds the 10 changed definitions among 100,000 tools', () => {
    const many: ServerTools[] = Array.from({ length: 1000 }, (_, s) => ({
      id: `server-${s}`,
      tools: Array.from({ length: 100 }, (_, t) => ({ name: `tool_${t}`, description: `Tool ${t} of server ${s}.`, inputSchema: { type: 'object' } })),
    }));
    const changed = many.map((server, s) =>
      s % 100 === 0 ? { ...server, tools: server.tools.map((tool, t) => (t === 0 ? { ...tool, description: 'changed' } : tool)) } : server,
    );
    const diff = diffCatalogues(fingerprintIndex(many), changed);
    expect(diff.counts).toMatchObject({ changed: 10, unchanged: 99_990, added: 0, removed: 0 });
    expect(diff.changed.map((change) => change.serverId)).toEqual(Array.from({ length: 10 }, (_, i) => `server-${i * 100}`));
  });
});
