import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { synth } from '../../scripts/commands/synth.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';
import { SPEC_TOOL_NAME_PATTERN } from '../../src/catalogue/schema/tool.ts';
import { parseHeader, parseServerRecord } from '../../src/catalogue/store/parse-record.ts';
import { serverSlugOf, slugify } from '../../src/catalogue/slug.ts';
import { synthesizeServers } from '../../src/catalogue/synth/generate.ts';
import { NAMING_STYLES, namingStyleOf } from '../../src/catalogue/synth/naming-style.ts';
import { prepareSource, readSource, type SynthSource } from '../../src/catalogue/synth/source.ts';
import { DistributionStats, type DistributionSummary } from '../../src/catalogue/synth/stats.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const BUNDLED = join(ROOT, 'content', 'catalogue', 'catalogue.ndjson');
const TOOLS = 3000;

let dir: string;
let bytes: Buffer;
let servers: Server[];
let realServers: Server[];

async function write(out: string, seed: number): Promise<Buffer> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await synth({ tools: TOOLS, seed, out, from: BUNDLED });
  } finally {
    log.mockRestore();
  }
  return readFileSync(out);
}

beforeAll(async () => {
  dir = await tempDir('synth');
  bytes = await write(join(dir, 'a.ndjson'), 1);
  const lines = bytes.toString('utf8').trimEnd().split('\n');
  parseHeader(JSON.parse(lines[0]!), { source: 'a.ndjson', line: 1 });
  servers = lines
    .slice(1)
    .map((line, index) => parseServerRecord(JSON.parse(line), { source: 'a.ndjson', line: index + 2 }));
  realServers = (await readSource(BUNDLED)).servers;
}, 60_000);


describe('catalogue synth: the file', () => {
  it('is the same, byte for byte, for the same seed, and another for another seed', async () => {
    expect((await write(join(dir, 'b.ndjson'), 1)).equals(bytes)).toBe(true);
    expect((await write(join(dir, 'c.ndjson'), 2)).equals(bytes)).toBe(false);
    // Two catalogues derived from the 24,000-tool bundled one.
  }, 30_000);

  it('holds exactly the requested number of tools, in valid records marked synthetic', () => {
    // Every record already went through parseServerRecord in beforeAll.
    expect(servers.reduce((sum, server) => sum + server.tools.length, 0)).toBe(TOOLS);
    for (const server of servers) {
      expect(server.tools.length).toBeGreaterThan(0);
      expect(server.provenance).toHaveLength(1);
      expect(server.provenance[0]!.source).toBe('synthetic');
      expect(server.provenance[0]!.method).toMatch(/seed 1, derived from the real server [a-z0-9-]+$/);
      for (const tool of server.tools) expect(tool.classification).toBeUndefined();
    }
  });

  it('gives unique ids and slugs, none of them a real server\'s', () => {
    const real = new Set(realServers.map((server) => server.id));
    const ids = servers.map((server) => server.id);
    const slugs = servers.map((server) => serverSlugOf(server));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(ids.filter((id) => real.has(id))).toEqual([]);
  });

  it('gives valid tool names, unique within a server, some shared across servers', () => {
    const serversByName = new Map<string, number>();
    for (const server of servers) {
      const names = server.tools.map((tool) => tool.name);
      for (const name of names) {
        expect(name).toMatch(SPEC_TOOL_NAME_PATTERN);
        serversByName.set(name, (serversByName.get(name) ?? 0) + 1);
      }
      expect(new Set(names).size).toBe(names.length);
    }
    const shared = [...serversByName.values()].filter((count) => count > 1).length;
    expect(shared).toBeGreaterThan(50);
  });

  it('varies names: several naming styles, no suffix pattern', () => {
    const names = servers.flatMap((server) => server.tools.map((tool) => tool.name));
    const styles = new Set(names.map(namingStyleOf));
    expect(styles.size).toBeGreaterThanOrEqual(5);
    const share = (values: string[], test: (value: string) => boolean): number =>
      values.filter(test).length / values.length;
    // A copy counter (`-copy3`, `_2`) is the pattern to avoid; real names almost never end in one.
    expect(share(names, (name) => /(?:copy)?[_-]?\d+$/.test(name))).toBeLessThan(0.02);
    const ids = servers.map((server) => server.id);
    expect(share(ids, (id) => /-(?:copy)?\d+$/.test(id))).toBeLessThan(0.02);
    // No last word dominates: `-mcp` ends a quarter of real ids, and 25-40% of these.
    const commonest = (values: string[]): number => {
      const counts = new Map<string, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      return Math.max(...counts.values()) / values.length;
    };
    expect(commonest(ids.map((id) => id.split('-').at(-1)!))).toBeLessThan(0.5);
    expect(commonest(names.map((name) => name.split(/[_.-]|(?=[A-Z])/).at(-1)!.toLowerCase()))).toBeLessThan(0.1);
    expect(new Set(ids.map((id) => id.split('-')[0])).size).toBeGreaterThan(servers.length / 2);
  });
});

describe('catalogue synth: distributions', () => {
  let source: DistributionSummary;
  let synthetic: DistributionSummary;
  let descriptions: { real: number[]; synthetic: number[] };

  beforeAll(() => {
    const prepared: SynthSource = prepareSource(realServers);
    const realStats = new DistributionStats(4);
    for (const server of realServers) realStats.add(server);
    source = realStats.summary();
    // Two whole rounds of the source: models are dealt in rounds, so a partial round can
    // include or miss one server that holds 40% of all the description text.
    const stats = new DistributionStats(4);
    const lengths: number[] = [];
    for (const server of synthesizeServers(prepared, { tools: 2 * source.tools, seed: 1 })) {
      stats.add(server);
      for (const tool of server.tools) lengths.push(tool.description?.length ?? 0);
    }
    synthetic = stats.summary();
    descriptions = {
      real: realServers.flatMap((server) => server.tools.map((tool) => tool.description?.length ?? 0)),
      synthetic: lengths,
    };
  });

  const within = (actual: number, expected: number, share: number): void => {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * share);
  };
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

  it('keeps description lengths', () => {
    within(synthetic.meanDescriptionChars, source.meanDescriptionChars, 0.15);
    within(median(descriptions.synthetic), median(descriptions.real), 0.15);
  });

  it('keeps schema sizes and annotation rates', () => {
    within(synthetic.meanParams, source.meanParams, 0.15);
    within(synthetic.meanRequired, source.meanRequired, 0.15);
    expect(Math.abs(synthetic.annotated - source.annotated)).toBeLessThan(0.02);
  });

  it('keeps the naming-style mix', () => {
    for (const style of NAMING_STYLES) {
      expect(Math.abs(synthetic.styles[style] - source.styles[style])).toBeLessThan(0.03);
    }
  });

  it('has a few servers with two tool names that slug alike, as real registries do', () => {
    expect(synthetic.serversWithSlugTwins).toBeGreaterThan(0);
    expect(synthetic.serversWithSlugTwins).toBeLessThan(0.05);
    const twins = servers.filter(
      (server) => new Set(server.tools.map((tool) => slugify(tool.name))).size < server.tools.length,
    );
    expect(twins.length / servers.length).toBeLessThan(0.05);
  });

  it('keeps the category mix the classifier finds', () => {
    for (const category of ['Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other']) {
      expect(Math.abs((synthetic.categories[category] ?? 0) - (source.categories[category] ?? 0))).toBeLessThan(0.05);
    }
  });
});

describe('catalogue synth: the command line', () => {
  const run = (...args: string[]) =>
    spawnSync(NODE, ['scripts/catalogue.ts', 'synth', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('refuses bad options with a clear message', () => {
    const zero = run('--tools', '0', '--out', join(dir, 'x.ndjson'));
    expect(zero.status).not.toBe(0);
    expect(zero.stderr).toMatch(/--tools <n>.*must be a positive integer/);
    const seed = run('--tools', '10', '--seed', 'abc', '--out', join(dir, 'x.ndjson'));
    expect(seed.status).not.toBe(0);
    expect(seed.stderr).toMatch(/--seed <s>.*must be an integer/);
    const missing = run('--tools', '10');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/--out <file>/);
  });
});
