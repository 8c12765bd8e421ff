/**
 * The real catalogue a synthetic one is derived from, read once and prepared: every tool
 * with its name template and naming style, tools grouped by style, and the word pools.
 * It is small (the bundled one is 316 servers), so it is held in memory; the synthetic
 * catalogue never is.
 */
import type { CatalogueHeader } from '../schema/catalogue.ts';
import { provenanceSchema, type Server } from '../schema/server.ts';
import type { Tool } from '../schema/tool.ts';
import { readCatalogueFile } from '../store/reader.ts';
import { namingStyleOf, type NamingStyle } from './naming-style.ts';
import { nameTemplate, serverWordsOf, type NameTemplate } from './tool-names.ts';
import { VocabularyBuilder, type Vocabulary } from './vocabulary.ts';

export interface SourceTool {
  tool: Tool;
  template: NameTemplate;
  style: NamingStyle;
  /** The licence(s) of the server it came from, from that server's provenance. */
  licenses: readonly string[];
}

export interface SourceServer {
  server: Server;
  tools: readonly SourceTool[];
  /** The style most of its tools share: tools borrowed for its clones are of that style. */
  style: NamingStyle;
  licenses: readonly string[];
  /** Object words of its tool names, with repeats. */
  objects: readonly string[];
}

export interface SynthSource {
  /** Servers with at least one tool, in file order. */
  servers: readonly SourceServer[];
  toolsByStyle: ReadonlyMap<NamingStyle, readonly SourceTool[]>;
  vocabulary: Vocabulary;
  /** Every real id, kept out of the synthetic ids. */
  ids: readonly string[];
  /** The day the source was generated, as YYYY-MM-DD, when its header says. */
  date: string | undefined;
}

export async function readSource(
  path: string,
): Promise<{ header: CatalogueHeader | undefined; servers: Server[] }> {
  let header: CatalogueHeader | undefined;
  const servers: Server[] = [];
  for await (const { server } of readCatalogueFile(path, { onHeader: (value) => (header = value) })) {
    servers.push(server);
  }
  return { header, servers };
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

export function prepareSource(servers: readonly Server[], header?: CatalogueHeader): SynthSource {
  const vocabulary = new VocabularyBuilder();
  const prepared: SourceServer[] = [];
  const toolsByStyle = new Map<NamingStyle, SourceTool[]>();
  for (const server of servers) {
    vocabulary.addServer(server.id, server.name);
    if (server.tools.length === 0) continue;
    const serverWords = serverWordsOf(server.id, server.name);
    const licenses = [...new Set(server.provenance.flatMap((entry) => (entry.license ? [entry.license] : [])))];
    const objects: string[] = [];
    const tools = server.tools.map((tool): SourceTool => {
      const template = nameTemplate(tool.name, serverWords);
      template.roles.forEach((role, index) => {
        const word = template.shape.parts[index]!.word;
        if (role === 'object' && vocabulary.addObject(word, template.verb)) objects.push(word);
      });
      return { tool, template, style: namingStyleOf(tool.name), licenses };
    });
    for (const tool of tools) {
      const list = toolsByStyle.get(tool.style);
      if (list) list.push(tool);
      else toolsByStyle.set(tool.style, [tool]);
    }
    prepared.push({ server, tools, style: mostCommon(tools.map((tool) => tool.style))!, licenses, objects });
  }
  const day = /^\d{4}-\d{2}-\d{2}/.exec(header?.generated ?? '')?.[0];
  const date = day !== undefined && provenanceSchema.shape.retrieved.safeParse(day).success ? day : undefined;
  return {
    servers: prepared,
    toolsByStyle,
    vocabulary: vocabulary.build(),
    ids: servers.map((server) => server.id),
    date,
  };
}
