/**
 * `npm run catalogue -- classify <file>`
 *
 * Classifies every tool in a file and prints one JSON line per tool, in input order.
 * The file is either a JSON array of MCP `Tool` objects (what `tools/list` returns, with
 * or without annotations) or a catalogue file (NDJSON or JSON). A file whose first
 * non-space character is `[` is taken for an array; anything else for a catalogue.
 * Tools are always classified afresh, even when the catalogue already carries a
 * classification: this command shows what the engine says.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { readCatalogueFile } from '../../src/catalogue/store/reader.ts';
import { classifyTool, type ServerIdentity } from '../../src/catalogue/classify/classify-tool.ts';
import { toolSchema, type Tool } from '../../src/catalogue/schema/tool.ts';
import { fieldPath } from '../../src/catalogue/issues.ts';
import { firstSignificantCharacter } from '../../src/catalogue/store/format.ts';


/** A JSON array of tools, each validated; errors name the file, the index and the field. */
async function readToolArray(path: string): Promise<Tool[]> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: invalid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new Error(`${path}: expected a JSON array of MCP tools`);
  return value.map((item, index) => {
    const result = toolSchema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = fieldPath(issue.path);
      const name = (item as { name?: unknown } | null)?.name;
      const which = typeof name === 'string' ? ` (tool ${JSON.stringify(name.slice(0, 60))})` : '';
      throw new Error(`${path}: [${index}]${which}${field ? `, field "${field}"` : ''}: ${issue.message}`);
    }
    return result.data;
  });
}

interface Line {
  server?: string;
  name: string;
  category: string;
  risk: string;
  confidence: number;
  signals: string[];
  contradictions?: string[];
}

function lineFor(tool: Tool, server?: ServerIdentity, named = true): string {
  const classification = classifyTool(tool, server);
  const line: Line = {
    ...(server && named ? { server: server.id } : {}),
    name: tool.name,
    category: classification.category,
    risk: classification.risk,
    confidence: classification.confidence,
    signals: classification.signals.map((signal) => signal.label),
  };
  if (classification.contradictions.length > 0) {
    line.contradictions = classification.contradictions.map((item) => `${item.annotation}: ${item.claimed}`);
  }
  return `${JSON.stringify(line)}\n`;
}

/** Writes with back-pressure, so a catalogue of 500,000 tools streams instead of piling up. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

export async function classifyFile(path: string): Promise<void> {
  const first = await firstSignificantCharacter(path);
  if (first === undefined) throw new Error(`${path}: empty file`);
  if (first === '[') {
    // One tools/list answer: its names show the server's naming style.
    const tools = await readToolArray(path);
    const style = { id: '', name: '', toolNames: tools.map((tool) => tool.name) };
    for (const tool of tools) await write(lineFor(tool, style, false));
    return;
  }
  for await (const { server } of readCatalogueFile(path, {})) {
    const identity = { id: server.id, name: server.name, toolNames: server.tools.map((tool) => tool.name) };
    let batch = '';
    for (const tool of server.tools) batch += lineFor(tool, identity);
    await write(batch);
  }
}

export function register(program: Command): void {
  program
    .command('classify')
    .description('classify the tools of a JSON array of MCP tools or of a catalogue file; one JSON line per tool')
    .argument('<file>', 'a JSON array of MCP Tool objects, or a catalogue (.ndjson or .json)')
    .action(async (file: string) => {
      await classifyFile(file);
    });
}
