import { describe, expect, it } from 'vitest';
import { inputSchemaFromArguments, inputSchemaFromParameters } from '../../src/catalogue/sources/json-schema-from-arguments.ts';
import { fromCapture, fromDockerRegistry, fromLiveMcpBench, fromToucan, mergeSourceServers, repositoryKey } from '../../src/catalogue/sources/shared-data.ts';
import { serverSchema } from '../../src/catalogue/schema/server.ts';

describe("Docker's simplified arguments", () => {
  it('become JSON Schema, required unless optional', () => {
    expect(
      inputSchemaFromArguments([
        { name: 'branch', type: 'string', desc: 'The branch' },
        { name: 'tags', type: 'array', items: { type: 'string' }, desc: 'Tags', optional: true },
        { name: 'level', type: 'string | number', required: false },
        { name: 'any', type: 'any' },
      ]),
    ).toEqual({
      type: 'object',
      properties: {
        branch: { type: 'string', description: 'The branch' },
        tags: { type: 'array', items: { type: 'string' }, description: 'Tags' },
        level: { type: ['string', 'number'] },
        any: {},
      },
      required: ['branch', 'any'],
    });
  });

  it('ignore malformed entries and keep the first of a repeated name', () => {
    expect(inputSchemaFromArguments([null, { type: 'string' }, { name: 'a', type: 'string' }, { name: 'a', type: 'number' }])).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
    });
    expect(inputSchemaFromArguments(null)).toEqual({ type: 'object', properties: {} });
  });

  it('turn a `parameters` map with inline `required` into JSON Schema', () => {
    expect(inputSchemaFromParameters({ query: { type: 'string', required: true }, page: { type: 'integer' } })).toEqual({
      type: 'object',
      properties: { query: { type: 'string' }, page: { type: 'integer' } },
      required: ['query'],
    });
  });
});

describe('merging the four sources', () => {
  const capture = fromCapture('memory', {
    package: { registry: 'npm', identifier: '@modelcontextprotocol/server-memory', version: '1.0.0', license: 'MIT' },
    serverInfo: { name: 'memory-server', version: '1.0.0' },
    protocolVersion: '2025-06-18',
    captured: { method: 'MCP initialize + tools/list over stdio', date: '2026-11-21' },
    tools: [{ name: 'read_graph', inputSchema: { type: 'object' }, annotations: null }],
  });
  const bench = fromLiveMcpBench(
    {
      name: 'Knowledge Graph Memory Server',
      web: 'https://github.com/modelcontextprotocol/servers',
      config: { mcpServers: { memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] } } },
      tools: { memory: { server_name: 'memory', version: '0.6.0', tools: [{ name: 'old_tool', inputSchema: { type: 'object' } }] } },
    },
    '2026-11-20',
  );
  const dockerA = fromDockerRegistry({ server: 'Ref', tools: [{ name: 'a', description: 'x', arguments: [] }] }, '2026-11-20')!;
  const dockerB = fromDockerRegistry({ server: 'ref', tools: [{ name: 'a' }, { name: 'b' }] }, '2026-11-20')!;

  it('merges a server found in two sources once, the capture supplying the tools, both in provenance', () => {
    const [memory] = mergeSourceServers([capture, ...bench]);
    expect(memory!.id).toBe('memory');
    expect(memory!.tools.map((tool) => tool.name)).toEqual(['read_graph']);
    expect(memory!.provenance.map((p) => [p.source, p.suppliedTools])).toEqual([
      ['capture', true],
      ['livemcpbench', false],
    ]);
    expect(serverSchema.safeParse(memory).success).toBe(true);
  });

  it('merges registry names that differ only in case, keeping the record with more tools', () => {
    const merged = mergeSourceServers([dockerA, dockerB]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.tools.map((tool) => tool.name)).toEqual(['a', 'b']);
  });

  it('drops null fields and skips Docker servers without tools', () => {
    expect(capture.record.tools[0]).not.toHaveProperty('annotations');
    expect(fromDockerRegistry({ server: 'empty', tools: [] }, '2026-11-20')).toBeUndefined();
  });

  it('gives different servers with the same name different ids: their packages differ', () => {
    const other = fromLiveMcpBench(
      { name: 'Other memory', config: { mcpServers: { memory: { command: 'npx', args: ['other-memory-server'] } } }, tools: { memory: { tools: [{ name: 'z' }] } } },
      '2026-11-20',
    );
    expect(mergeSourceServers([capture, ...other]).map((server) => server.id)).toEqual(['memory', 'memory-2']);
  });

  const toucan = (id: string, extra: Record<string, unknown> = {}) =>
    fromToucan({ id, name: 'Weather', tools: [{ name: 'forecast', inputSchema: { type: 'object' } }], provenance: { kind: 'captured', file: `${id}.json` }, ...extra }, '2026-12-01')!;

  it('reads a Toucan server with its declared licence, and marks reduced parameter lists', () => {
    const page = fromToucan({ id: '@a/notes', name: 'Notes', license_declared: 'Smithery', repository: 'https://github.com/a/notes', tools: [{ name: 'x' }], provenance: { kind: 'smithery-page' } }, '2026-12-01')!;
    expect(page.record.license).toBeUndefined();
    expect(page.record.provenance[0]).toMatchObject({ source: 'toucan', license: 'MIT', suppliedTools: true, reducedParameters: true });
    const live = toucan('@b/weather', { license_declared: 'Apache-2.0' });
    expect(live.record.license).toBe('Apache-2.0');
    expect(live.record.provenance[0]).not.toHaveProperty('reducedParameters');
    expect(toucan('@c/w', { license_declared: 'https://smithery.ai/' }).record.license).toBeUndefined();
    expect(fromToucan({ id: 'empty', tools: [] }, '2026-12-01')).toBeUndefined();
    expect(serverSchema.safeParse(mergeSourceServers([page, live])[0]).success).toBe(true);
  });

  it('drops a description that is a directory page\'s header, and keeps every other', () => {
    const chrome = 'Deploy Server Tide Tables Server Claim Server @a/tides Try in Playground get_tide';
    const own = 'Deploy Server is not a phrase this tool uses: it gets the tide table of a harbour.';
    const page = fromToucan({
      id: '@a/tides',
      name: 'Tides',
      tools: [{ name: 'get_tide', description: chrome }, { name: 'get_port', description: own }, { name: 'list_ports', description: 'Lists the harbours.' }],
      provenance: { kind: 'smithery-page' },
    }, '2026-12-01')!;
    expect(page.record.tools).toEqual([{ name: 'get_tide' }, { name: 'get_port', description: own }, { name: 'list_ports', description: 'Lists the harbours.' }]);
  });

  it('drops a directory page\'s settings section taken for a tool, and a server that had nothing else', () => {
    const settings = { name: 'Optional Settings', description: 'Access and manage servers by signing in.' };
    const tide = { name: 'get_tide', description: 'Returns the tide table of a harbour.' };
    expect(fromToucan({ id: '@a/tides', name: 'Tides', tools: [settings], provenance: { kind: 'smithery-page' } }, '2026-12-01')).toBeUndefined();
    const page = fromToucan({ id: '@a/tides', name: 'Tides', tools: [settings, tide], provenance: { kind: 'smithery-page' } }, '2026-12-01')!;
    expect(page.record.tools.map((tool) => tool.name)).toEqual(['get_tide']);
    // A tool a server itself sends under that name stays.
    const live = fromToucan({ id: '@a/tides', name: 'Tides', tools: [settings], provenance: { kind: 'captured' } }, '2026-12-01')!;
    expect(live.record.tools.map((tool) => tool.name)).toEqual(['Optional Settings']);
  });

  it('drops the placeholder a directory page prints for a missing description, but not a live server\'s', () => {
    const tools = [{ name: 'get_tide', description: 'Description not available' }, { name: 'get_port', description: 'Description not available for ports yet; returns the harbour.' }];
    const page = fromToucan({ id: '@a/tides', name: 'Tides', tools, provenance: { kind: 'smithery-page' } }, '2026-12-01')!;
    expect(page.record.tools).toEqual([{ name: 'get_tide' }, tools[1]]);
    const live = fromToucan({ id: '@a/tides', name: 'Tides', tools, provenance: { kind: 'captured' } }, '2026-12-01')!;
    expect(live.record.tools.map((tool) => tool.description)).toEqual(['Description not available', tools[1]!.description]);
  });

  it('merges by repository across sources, but not servers of one source that share a name or a monorepo', () => {
    const a = toucan('@a/weather', { repository: 'https://github.com/org/mono' });
    const b = toucan('@b/weather', { repository: 'https://github.com/org/mono' });
    const c = toucan('@c/weather');
    expect(mergeSourceServers([a, b, c])).toHaveLength(3);
    const benchTwin = fromLiveMcpBench(
      { name: 'Twin', web: 'https://github.com/Owner/Twin.git', config: { mcpServers: { twin: { command: 'node' } } }, tools: { twin: { tools: [{ name: 'y' }] } } },
      '2026-11-20',
    );
    const toucanTwin = toucan('@owner/twin-server', { repository: 'https://github.com/owner/twin/tree/main' });
    const merged = mergeSourceServers([toucanTwin, ...benchTwin]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.provenance.map((p) => [p.source, p.suppliedTools])).toEqual([['livemcpbench', true], ['toucan', false]]);
    expect(repositoryKey('https://github.com/Owner/Twin.git')).toBe('github.com/owner/twin');
    expect(repositoryKey('https://github.com/smithery-ai')).toBeUndefined();
  });

  it('gives the same ids whatever the order of the input', () => {
    const inputs = [capture, ...bench, dockerA, dockerB, toucan('@x/memory'), toucan('@y/weather'), toucan('@z/weather')];
    const ids = mergeSourceServers(inputs).map((server) => server.id);
    expect(mergeSourceServers([...inputs].reverse()).map((server) => server.id)).toEqual(ids);
  });
});
