import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../scripts/commands/evaluate.ts';
import { evaluate } from '../../src/catalogue/classify/evaluation.ts';
import { readAnnotatedTools } from '../../src/catalogue/classify/read-source-data.ts';
import { tempDirSync } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const FIXTURES = join('tests', 'fixtures', 'classify');

function run(...args: string[]) {
  const result = spawnSync(NODE, ['scripts/catalogue.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lines(stdout: string): Record<string, unknown>[] {
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('catalogue classify', () => {
  it('prints one JSON line per tool of a JSON array, in input order', () => {
    const { status, stdout, stderr } = run('classify', join(FIXTURES, 'tools.json'));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const out = lines(stdout);
    expect(out.map((line) => [line.name, line.category, line.risk])).toEqual([
      ['sam_local_invoke', 'Execute', 'High'],
      ['read_file', 'Read', 'Low'],
      ['delete_branch', 'Destructive', 'Critical'],
      ['create_refund', 'Financial', 'Critical'],
      ['widget_thing', 'Other', 'Medium'],
    ]);
    for (const line of out) {
      expect(line.server).toBeUndefined();
      expect(typeof line.confidence).toBe('number');
      expect(Array.isArray(line.signals)).toBe(true);
    }
    expect(out[0]!.signals).toContain('leading-verb:invoke');
    expect(out[2]!.contradictions).toEqual(['readOnlyHint: true']);
  });

  it('reads a catalogue and names each tool server', () => {
    const { status, stdout } = run('classify', join(FIXTURES, 'catalogue.ndjson'));
    expect(status).toBe(0);
    expect(lines(stdout).map((line) => [line.server, line.name, line.category])).toEqual([
      ['git-tools', 'git_delete_branch', 'Destructive'],
      ['git-tools', 'git_log', 'Read'],
      ['shell', 'run_command', 'Execute'],
    ]);
  });

  it('tells an array from a catalogue by its first non-space character', () => {
    const dir = tempDirSync('classify');
    const file = join(dir, 'tools.txt');
    writeFileSync(file, `\n\n   [{"name": "list_things"}]`);
    const { status, stdout } = run('classify', file);
    expect(status).toBe(0);
    expect(lines(stdout)).toEqual([expect.objectContaining({ name: 'list_things', category: 'Read' })]);
  });

  it('fails with a message naming the file, the index and the field', () => {
    const file = join(FIXTURES, 'bad-tools.json');
    const { status, stdout, stderr } = run('classify', file);
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(file);
    expect(stderr).toContain('[1]');
    expect(stderr).toContain('"name"');
  });

  it('fails on a missing file, an empty file and invalid JSON, naming the file', () => {
    const dir = tempDirSync('classify');
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '  \n');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '[{"name": "x"');
    for (const file of [join(dir, 'missing.json'), empty, broken]) {
      const { status, stderr } = run('classify', file);
      expect(status).not.toBe(0);
      expect(stderr).toContain(file);
    }
  });
});

describe('catalogue evaluate', () => {
  it('prints the agreement, the destructive-as-read count and the confusion table', () => {
    const { status, stdout } = run('evaluate', '--data', join(FIXTURES, 'data'), '--disagreements');
    expect(status).toBe(0);
    expect(stdout).toContain('Annotated tools: 10 (captures 3, livemcpbench 2, docker-mcp-registry 2, toucan 3)');
    expect(stdout).toContain('against readOnlyHint: 6/10 (60.0%)');
    expect(stdout).toMatch(/confidence 0\.8-1\.0: \d+\/\d+/);
    expect(stdout).toContain('classified Read: 1');
    expect(stdout).toContain('docker-mcp-registry: 0/2 (0.0%)');
    expect(stdout).toMatch(/read-only\s+3\s+1\s+1\s+0\s+0\s+0/);
    expect(stdout).toContain('Disagreements (4)');
    expect(stdout).toMatch(/docker-mcp-registry\/docker-demo {2}\| {2}get_logs/);
  });

  it('keeps the held-out server\'s disagreement out of the list unless asked, and counts it', () => {
    // The fixture's held-out server (by the fixed seed) is toucan/@demo/notes, whose
    // notes_page_archive its author calls read-only.
    const kept = run('evaluate', '--data', join(FIXTURES, 'data'), '--disagreements');
    expect(kept.stdout).toContain('1 more on held-out servers, not listed');
    expect(kept.stdout).not.toContain('notes_page_archive');
    const shown = run('evaluate', '--data', join(FIXTURES, 'data'), '--disagreements', '--show-held-out');
    expect(shown.stdout).toMatch(/toucan\/@demo\/notes {2}\| {2}notes_page_archive/);
    expect(shown.stdout).not.toContain('more on held-out servers');
  });

  it('keeps the lines of held-out servers out of its lists, and counts them', async () => {
    const report = evaluate(await readAnnotatedTools(join(FIXTURES, 'data')));
    const out = formatReport(report, { disagreements: true, keptBack: new Set(['docker-mcp-registry/docker-demo']) });
    expect(out).toContain('Disagreements (4)');
    expect(out).toMatch(/captures\/demo {2}\| {2}search_items/);
    expect(out).not.toContain('docker-demo');
    expect(out).toContain('2 more on held-out servers, not listed');
    const kept = formatReport(report, { disagreements: true, keptBack: new Set(['captures/demo']) });
    expect(kept).not.toContain('search_items');
    expect(kept.match(/1 more on held-out servers/g)).toHaveLength(2);
  });

  it('with --holdout, reports the tuning set and the set-aside fifth apart', () => {
    const { status, stdout } = run('evaluate', '--data', join(FIXTURES, 'data'), '--holdout');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Tuning set: 3 servers, \d+ tools: agreement \d+\/\d+/);
    expect(stdout).toMatch(/Held-out fifth: 1 servers, \d+ tools: agreement \d+\/\d+/);
  });
});
