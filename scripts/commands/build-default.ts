/**
 * `npm run catalogue -- build-default [--data <dir>] [--out <file>]`
 *
 * Rebuilds the bundled default catalogue from the real tool definitions in the shared
 * data folder. Deterministic: the same inputs give a byte-identical file, so the
 * committed catalogue only changes when the data (or this conversion) does.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { catalogueHeader, writeCatalogueAtomically } from '../../src/catalogue/store/writer.ts';
import { parseServerRecord } from '../../src/catalogue/store/parse-record.ts';
import { CatalogueError } from '../../src/catalogue/store/errors.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';
import {
  fromCapture,
  fromDockerRegistry,
  fromLiveMcpBench,
  fromToucan,
  mergeSourceServers,
  type SourceServer,
} from '../../src/catalogue/sources/shared-data.ts';

/** The shared data snapshot was last assembled on this day; LiveMCPBench, Docker and Toucan give no retrieval date of their own. */
const SNAPSHOT_DATE = '2026-12-01';

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

async function readSources(dataDir: string, retrieved: string): Promise<SourceServer[]> {
  const capturesDir = join(dataDir, 'captures');
  const captureFiles = (await readdir(capturesDir)).filter((name) => name.endsWith('.json')).sort();
  const captures = await Promise.all(
    captureFiles.map(async (file) =>
      fromCapture(basename(file, '.json'), (await readJson(join(capturesDir, file))) as Record<string, unknown>),
    ),
  );
  const bench = (await readJson(join(dataDir, 'livemcpbench', 'tools.json'))) as Record<string, unknown>[];
  const docker = (await readJson(join(dataDir, 'docker-mcp-registry', 'tools.json'))) as Record<string, unknown>[];
  const toucanPath = join(dataDir, 'toucan', 'servers.ndjson');
  const toucan = (await readFile(toucanPath, 'utf8')).split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch (error) {
      throw new Error(`${toucanPath}, line ${index + 1}: invalid JSON (${(error as Error).message})`);
    }
  });
  return [
    ...captures,
    ...bench.flatMap((entry) => fromLiveMcpBench(entry, retrieved)),
    ...docker.flatMap((entry) => fromDockerRegistry(entry, retrieved) ?? []),
    ...toucan.flatMap((entry) => fromToucan(entry, retrieved) ?? []),
  ];
}

export function register(program: Command): void {
  program
    .command('build-default')
    .description('rebuild the bundled default catalogue from the shared real-world data')
    .option('--data <dir>', 'folder with captures/, livemcpbench/, docker-mcp-registry/ and toucan/', '../shared/data')
    .option('--out <file>', 'catalogue to write', 'content/catalogue/catalogue.ndjson')
    .option('--date <yyyy-mm-dd>', 'retrieval date recorded for sources without one', SNAPSHOT_DATE)
    .action(async (options: { data: string; out: string; date: string }) => {
      const merged = mergeSourceServers(await readSources(options.data, options.date));
      const servers: Server[] = [];
      let skipped = 0;
      merged.forEach((record, index) => {
        try {
          servers.push(parseServerRecord(record, { source: `merged sources`, index }));
        } catch (error) {
          if (!(error instanceof CatalogueError)) throw error;
          skipped += 1;
          console.warn(`skipped: ${error.message}`);
        }
      });
      const header = catalogueHeader({
        generated: options.date,
        source: 'captures of npm MCP servers; LiveMCPBench (icip-cas/LiveMCPBench); docker/mcp-registry; Toucan (TheAgentArk/Toucan)',
        license:
          'Per record, see provenance: captures under each package licence, LiveMCPBench Apache-2.0, docker/mcp-registry MIT, Toucan MIT (each server\'s own declared licence in its license field)',
      });
      await writeCatalogueAtomically(options.out, header, servers);
      const tools = servers.reduce((sum, server) => sum + server.tools.length, 0);
      console.log(`wrote ${options.out}: ${servers.length} servers, ${tools} tools (${skipped} skipped)`);
    });
}
