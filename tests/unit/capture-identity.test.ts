import { describe, expect, it } from 'vitest';
import { captureId, replacementConflict } from '../../src/catalogue/capture/identity.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';

const stdio = (command: string, ...args: string[]) => ({ kind: 'stdio' as const, command, args, env: {} });

describe('the id of a captured server', () => {
  it('is what the user named: --id, then the package, then the command or URL', () => {
    expect(captureId({ id: 'mine', target: stdio('npx', '-y', '@acme/weather-mcp') })).toBe('mine');
    expect(captureId({ package: { registry: 'npm', identifier: '@acme/weather-mcp' }, target: stdio('node', 'x.js') })).toBe('acme-weather-mcp');
    expect(captureId({ target: stdio('npx', '-y', '@acme/weather-mcp@1.2.3') })).toBe('acme-weather-mcp');
    expect(captureId({ target: stdio('uvx', 'mcp-server-fetch') })).toBe('mcp-server-fetch');
    expect(captureId({ target: stdio('node', '/opt/servers/github-mcp/dist/index.js') })).toBe('github-mcp');
    expect(captureId({ target: stdio('python3', 'tools/slack_server.py') })).toBe('slack-server');
    expect(captureId({ target: stdio('/usr/local/bin/kubectl-mcp', '--port', '0') })).toBe('kubectl-mcp');
    expect(captureId({ target: { kind: 'http', url: 'https://mcp.example.com/github/mcp?token=x', headers: {} } })).toBe('mcp-example-com-github-mcp');
  });
});

describe('replacing a record', () => {
  const record = (extra: Partial<Server>): Server =>
    ({ id: 'github', name: 'GitHub', provenance: [{ source: 'capture', retrieved: '2026-12-01' }], tools: [], ...extra }) as Server;
  it('is the same server when package and provenance agree, another one otherwise', () => {
    const pkg = { registry: 'npm', identifier: '@modelcontextprotocol/server-github' };
    expect(replacementConflict(record({ package: pkg }), record({ package: { ...pkg, version: '2.0.0' } }))).toBeUndefined();
    expect(replacementConflict(record({ package: pkg }), record({}))).toMatch(/its package is npm:@modelcontextprotocol\/server-github and the captured server's is not stated/);
    expect(replacementConflict(record({ provenance: [{ source: 'registry', retrieved: '2026-11-01' }] }), record({}))).toMatch(/its provenance \(registry\) is not that of a capture \(capture\)/);
  });
});
