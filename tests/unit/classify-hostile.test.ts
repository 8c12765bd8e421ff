import { describe, expect, it } from 'vitest';
import { classifyTool, type ClassifiableTool } from '../../src/catalogue/classify/classify-tool.ts';
import { classificationSchema } from '../../src/catalogue/schema/classification.ts';

/** Hostile input is not typed input: these go through `unknown` on purpose. */
function classifyAny(tool: unknown) {
  const result = classifyTool(tool as ClassifiableTool);
  expect(classificationSchema.parse(result)).toEqual(result);
  return result;
}

describe('hostile and odd definitions never make the engine throw', () => {
  it('empty description, missing fields, wrong types', () => {
    expect(classifyAny({ name: 'delete_user', description: '' }).category).toBe('Destructive');
    expect(classifyAny({ name: 'delete_user' }).category).toBe('Destructive');
    expect(classifyAny({ name: 42, description: ['Deletes'], title: { x: 1 }, inputSchema: 'nope', annotations: 'yes' }).category).toBe('Other');
    expect(classifyAny({ name: 'list_users', description: 17, inputSchema: [1, 2, 3], annotations: [true] }).category).toBe('Read');
    expect(classifyAny({ name: 'list_users', inputSchema: null, annotations: null }).category).toBe('Read');
    expect(classifyAny({}).category).toBe('Other');
  });

  it('non-booleans in annotations count as absent', () => {
    const result = classifyAny({ name: 'delete_user', annotations: { readOnlyHint: 'true', destructiveHint: 1 } });
    expect(result.contradictions).toEqual([]);
  });

  it('a 1 MB description: only its head is read, and quotes stay short', () => {
    const description = `Permanently deletes everything. ${'x'.repeat(1_000_000)}`;
    const result = classifyAny({ name: 'tool', description });
    expect(result.category).toBe('Destructive');
    for (const signal of result.signals) expect((signal.quote ?? '').length).toBeLessThanOrEqual(120);
    // Evidence past the scanned head is never read: the work stays bounded on any length.
    const tail = classifyAny({ name: 'tool', description: `${'x'.repeat(1_000_000)} Permanently deletes everything.` });
    expect(tail.signals.some((signal) => signal.source === 'description')).toBe(false);
  });

  it('evidence past the scanned part is not read', () => {
    const result = classifyAny({ name: 'tool', description: `${'Nothing to see here. '.repeat(400)} Deletes the database permanently.` });
    expect(result.category).toBe('Other');
  });

  it('a $ref cycle, deep nesting and a huge schema', () => {
    const cyclic = {
      type: 'object',
      $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' }, command: { type: 'string' } } } },
      properties: { root: { $ref: '#/$defs/node' }, self: { $ref: '#' }, loop: { $ref: '#/properties/loop' } },
    };
    expect(classifyAny({ name: 'walk_tree', inputSchema: cyclic }).category).toBeDefined();

    const direct: Record<string, unknown> = { type: 'object', properties: {} };
    (direct.properties as Record<string, unknown>).me = direct;
    expect(classifyAny({ name: 'walk_tree', inputSchema: direct }).category).toBeDefined();

    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 5_000; i += 1) deep = { type: 'object', properties: { next: deep } };
    expect(classifyAny({ name: 'get_deep', inputSchema: deep }).category).toBe('Read');

    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`p${i}`, { type: 'string' }])) };
    expect(classifyAny({ name: 'get_wide', inputSchema: wide }).category).toBe('Read');
  });

  it('__proto__ and constructor keys are read as plain names, never followed', () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"object","properties":{"x":{"$ref":"#/__proto__"}}},"constructor":{"type":"string"},"command":{"type":"string"}},"required":["__proto__"]}',
    );
    const result = classifyAny({ name: 'do_it', description: 'Does it.', inputSchema: schema });
    expect(result.signals.map((signal) => signal.label)).toContain('param:command');
    expect(result.category).toBe('Execute');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const annotations = JSON.parse('{"__proto__":{"readOnlyHint":true}}');
    expect(classifyAny({ name: 'delete_user', annotations }).contradictions).toEqual([]);
  });

  it('control, bidi and zero-width characters do not reach quotes', () => {
    const result = classifyAny({ name: 'delete_file', description: 'Deletes\u0000 a\u202e file\u200b\npermanently\tnow.' });
    for (const signal of result.signals) expect(signal.quote ?? '').not.toMatch(/[\u0000-\u001f\u202e\u200b]/);
  });

  it('getters that throw and proxies fall back to Other instead of throwing', () => {
    const fail = (): never => {
      throw new Error('trap');
    };
    const trap = new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail });
    const result = classifyAny({ name: 'delete_user', inputSchema: trap, annotations: trap });
    expect(result.category).toBe('Other');
    expect(result.confidence).toBeLessThan(0.1);
    expect(result.rationale).toMatch(/could not be read/);
    const getter = { get name(): string { throw new Error('boom'); } };
    expect(classifyAny(getter).category).toBe('Other');
  });

  it('a name far beyond 128 characters', () => {
    expect(classifyAny({ name: `delete_${'a'.repeat(1_000_000)}` }).category).toBe('Destructive');
  });
});

describe('speed', () => {
  it('gives thousands of varied tools a valid classification, the same each time', () => {
    const verbs = ['get', 'list', 'create', 'update', 'delete', 'run', 'send', 'refund', 'search', 'execute'];
    const tools = Array.from({ length: 5_000 }, (_, i) => ({
      name: `${verbs[i % verbs.length]}_thing_${i}`,
      description: `${verbs[(i * 7) % verbs.length]}s the thing number ${i}. ${'It has a longer explanation. '.repeat(i % 20)}`,
      inputSchema: { type: 'object', properties: { id: { type: 'string' }, query: { type: 'string' }, amount: { type: 'number' } } },
      annotations: i % 3 === 0 ? { readOnlyHint: i % 2 === 0 } : undefined,
    }));
    // Speed is measured by `npm run bench`, not here.
    for (const tool of tools) {
      const result = classifyTool(tool);
      expect(classificationSchema.safeParse(result).success, tool.name).toBe(true);
      expect(classifyTool(tool)).toEqual(result);
    }
  });
});
