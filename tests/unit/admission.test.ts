import { describe, expect, it } from 'vitest';
import { Admission } from '../../src/catalogue/admission.ts';
import { ENGINE } from '../../src/catalogue/classify/classify-tool.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';
import { classificationOf } from '../support/classification.ts';

const where = (line: number) => ({ source: 'c.ndjson', line });

function server(id: string, tools: Server['tools'] = [], extra: Partial<Server> = {}): Server {
  return {
    id,
    name: id,
    provenance: [{ source: 'test', retrieved: '2026-12-01' }],
    tools,
    ...extra,
  } as Server;
}

const deleteRepo = { name: 'delete_repository', description: 'Deletes a repository for good.', inputSchema: { type: 'object' } } as Server['tools'][number];

describe('admission', () => {
  it('redoes a stale classification even when every other tool of the server is classified', () => {
    const current = { ...deleteRepo, name: 'list_repos', description: 'Lists repositories.' };
    const classifiedNow = new Admission({ onDuplicate: 'refuse' }).admit(server('x', [current]), where(2))!.tools[0]!.classification;
    const stale = { ...deleteRepo, classification: classificationOf('Read', { engine: 'rules-1' }) };
    const fresh = { ...current, classification: classifiedNow };
    const admission = new Admission({ onDuplicate: 'refuse' });
    const admitted = admission.admit(server('gh', [fresh, stale]), where(2))!;
    expect(admitted.tools[0]!.classification).toBe(classifiedNow);
    expect(admitted.tools[1]!.classification.engine).toBe(ENGINE);
    expect(admitted.tools[1]!.classification.category).toBe('Destructive');
    expect(admission.classified).toBe(1);
  });

  it('classifies tools that arrive without a classification', () => {
    const admission = new Admission({ onDuplicate: 'refuse' });
    const admitted = admission.admit(server('gh', [deleteRepo]), where(2))!;
    expect(admitted.tools[0]!.classification.category).toBe('Destructive');
    expect(admission.classified).toBe(1);
  });

  it('refuses a repeated id or slug with a message naming the record and the field', () => {
    const admission = new Admission({ onDuplicate: 'refuse' });
    admission.admit(server('api'), where(2));
    expect(() => admission.admit(server('api'), where(3))).toThrow(
      'c.ndjson, line 3 (server "api"): field "id": repeats the id of the server at line 2',
    );
    // `api` is reserved, so the site moves it to `tool-api`.
    expect(() => admission.admit(server('tool-api'), where(4))).toThrow(
      'c.ndjson, line 4 (server "tool-api"): field "id": URL slug "tool-api" is already used by server "api" at line 2',
    );
  });

  it('skips a duplicate with a warning and keeps the first record', () => {
    const warnings: string[] = [];
    const admission = new Admission({ onDuplicate: 'skip', warn: (message) => warnings.push(message) });
    expect(admission.admit(server('files'), where(2))).toBeDefined();
    expect(admission.admit(server('other', [], { slug: 'files' }), where(5))).toBeUndefined();
    expect(warnings).toEqual(['skipped duplicate server: c.ndjson, line 5 repeats the id or slug "other" of an earlier record']);
  });

  it('refuses a record on the slug of a reserved server with the hint', () => {
    const admission = new Admission({ onDuplicate: 'refuse' });
    const captured = admission.reserve(server('tool-api', [deleteRepo]), 'the captured server "tool-api"', 'give the capture another --id');
    expect(captured.tools[0]!.classification.category).toBe('Destructive');
    expect(() => admission.admit(server('api'), where(2))).toThrow(
      'c.ndjson, line 2 (server "api"): already uses the URL slug "tool-api" of the captured server "tool-api"; give the capture another --id',
    );
  });
});
