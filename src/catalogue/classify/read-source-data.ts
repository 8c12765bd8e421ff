/**
 * Node-only: reads the tools that carry annotations out of the four shared sources of
 * real `tools/list` data (captures, LiveMCPBench, docker/mcp-registry, Toucan), for measuring the
 * engine against the authors' own hints. Docker's simplified argument lists become JSON
 * Schema the same way the catalogue build converts them.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { inputSchemaFromArguments, inputSchemaFromParameters } from '../sources/json-schema-from-arguments.ts';
import type { ClassifiableTool } from './classify-tool.ts';

export type SourceName = 'captures' | 'livemcpbench' | 'docker-mcp-registry' | 'toucan';
export const SOURCE_NAMES: readonly SourceName[] = ['captures', 'livemcpbench', 'docker-mcp-registry', 'toucan'];

export interface AnnotatedTool {
  source: SourceName;
  /** The server as its source names it. */
  server: string;
  tool: ClassifiableTool & { annotations: Record<string, unknown> };
  /** The names of every tool of the server in this source, annotated or not. */
  siblings: readonly string[];
}

function namesOf(tools: readonly unknown[]): string[] {
  return tools.flatMap((raw) => (isObject(raw) && typeof raw.name === 'string' ? [raw.name] : []));
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: invalid JSON (${(error as Error).message})`);
  }
}

/** An MCP tool with annotations, or undefined when it has none (or no usable name). */
function annotated(raw: unknown, inputSchema?: JsonObject): AnnotatedTool['tool'] | undefined {
  if (!isObject(raw) || !isObject(raw.annotations) || typeof raw.name !== 'string') return undefined;
  return {
    name: raw.name,
    ...(typeof raw.title === 'string' ? { title: raw.title } : {}),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    inputSchema: inputSchema ?? raw.inputSchema,
    annotations: raw.annotations,
  };
}

export async function readAnnotatedTools(dataDir: string): Promise<AnnotatedTool[]> {
  const found: AnnotatedTool[] = [];
  const capturesDir = join(dataDir, 'captures');
  let files: string[];
  try {
    files = (await readdir(capturesDir)).filter((file) => file.endsWith('.json')).sort();
  } catch (error) {
    throw new Error(`cannot read ${capturesDir}: ${(error as Error).message}`);
  }
  for (const file of files) {
    const capture = await readJson(join(capturesDir, file));
    const tools = isObject(capture) && Array.isArray(capture.tools) ? capture.tools : [];
    const siblings = namesOf(tools);
    for (const raw of tools) {
      const tool = annotated(raw);
      if (tool) found.push({ source: 'captures', server: basename(file, '.json'), tool, siblings });
    }
  }

  const bench = await readJson(join(dataDir, 'livemcpbench', 'tools.json'));
  for (const entry of Array.isArray(bench) ? bench : []) {
    if (!isObject(entry) || !isObject(entry.tools)) continue;
    for (const [key, listing] of Object.entries(entry.tools)) {
      const tools = isObject(listing) && Array.isArray(listing.tools) ? listing.tools : [];
      const siblings = namesOf(tools);
      for (const raw of tools) {
        const tool = annotated(raw);
        if (tool) found.push({ source: 'livemcpbench', server: key, tool, siblings });
      }
    }
  }

  const docker = await readJson(join(dataDir, 'docker-mcp-registry', 'tools.json'));
  for (const entry of Array.isArray(docker) ? docker : []) {
    if (!isObject(entry) || typeof entry.server !== 'string' || !Array.isArray(entry.tools)) continue;
    const siblings = namesOf(entry.tools);
    for (const raw of entry.tools) {
      if (!isObject(raw)) continue;
      const schema = isObject(raw.inputSchema)
        ? raw.inputSchema
        : raw.parameters !== undefined
          ? inputSchemaFromParameters(raw.parameters)
          : inputSchemaFromArguments(raw.arguments);
      const tool = annotated(raw, schema);
      if (tool) found.push({ source: 'docker-mcp-registry', server: entry.server, tool, siblings });
    }
  }

  const toucanPath = join(dataDir, 'toucan', 'servers.ndjson');
  let toucan: string;
  try {
    toucan = await readFile(toucanPath, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${toucanPath}: ${(error as Error).message}`);
  }
  for (const [index, line] of toucan.split('\n').entries()) {
    if (line.trim() === '') continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch (error) {
      throw new Error(`${toucanPath}, line ${index + 1}: invalid JSON (${(error as Error).message})`);
    }
    if (!isObject(entry) || typeof entry.id !== 'string' || !Array.isArray(entry.tools)) continue;
    const siblings = namesOf(entry.tools);
    for (const raw of entry.tools) {
      const tool = annotated(raw);
      if (tool) found.push({ source: 'toucan', server: entry.id, tool, siblings });
    }
  }
  return found;
}
