/**
 * The distributions a synthetic catalogue must keep from its source, gathered one server
 * at a time (so a streamed catalogue can be measured as it is written) and printed side
 * by side.
 */
import { classifyTool } from '../classify/classify-tool.ts';
import type { Server } from '../schema/server.ts';
import { slugify } from '../slug.ts';
import { NAMING_STYLES, namingStyleOf, type NamingStyle } from './naming-style.ts';

export interface DistributionSummary {
  servers: number;
  tools: number;
  /** Share of tools per naming style, 0-1. */
  styles: Record<NamingStyle, number>;
  meanDescriptionChars: number;
  meanParams: number;
  meanRequired: number;
  /** Share of tools that carry `annotations`. */
  annotated: number;
  /** Share of tools whose name some other server also uses. */
  sharedNames: number;
  /** Share of servers with two tool names that slug alike. */
  serversWithSlugTwins: number;
  /** Share of tools per category, by the current engine, over `classified` tools. */
  categories: Record<string, number>;
  classified: number;
}

function paramCounts(inputSchema: unknown): { params: number; required: number } {
  const schema = inputSchema as { properties?: unknown; required?: unknown } | undefined;
  const properties = schema?.properties;
  const params = properties && typeof properties === 'object' ? Object.keys(properties).length : 0;
  const required = Array.isArray(schema?.required) ? schema.required.length : 0;
  return { params, required };
}

export class DistributionStats {
  private servers = 0;
  private tools = 0;
  private readonly styles = new Map<NamingStyle, number>();
  private descriptionChars = 0;
  private params = 0;
  private required = 0;
  private annotated = 0;
  private slugTwins = 0;
  /** Name -> how many servers use it (names are unique within a server). */
  private readonly nameServers = new Map<string, number>();
  private readonly categories = new Map<string, number>();
  private classified = 0;
  private readonly classifyEvery: number;

  /** Classifying costs ~0.1 ms a tool: a large catalogue is classified on every n-th tool. */
  constructor(classifyEvery = 1) {
    this.classifyEvery = classifyEvery;
  }

  add(server: Server): void {
    this.servers += 1;
    const slugs = new Set<string>();
    let twins = false;
    // One identity per server: the engine reads its naming style from it once.
    const identity = { id: server.id, name: server.name, toolNames: server.tools.map((each) => each.name) };
    for (const tool of server.tools) {
      this.tools += 1;
      const style = namingStyleOf(tool.name);
      this.styles.set(style, (this.styles.get(style) ?? 0) + 1);
      this.descriptionChars += tool.description?.length ?? 0;
      const { params, required } = paramCounts(tool.inputSchema);
      this.params += params;
      this.required += required;
      if (tool.annotations) this.annotated += 1;
      this.nameServers.set(tool.name, (this.nameServers.get(tool.name) ?? 0) + 1);
      const slug = slugify(tool.name);
      if (slugs.has(slug)) twins = true;
      slugs.add(slug);
      if (this.tools % this.classifyEvery === 0) {
        const { category } = classifyTool(tool, identity);
        this.categories.set(category, (this.categories.get(category) ?? 0) + 1);
        this.classified += 1;
      }
    }
    if (twins) this.slugTwins += 1;
  }

  summary(): DistributionSummary {
    const perTool = (value: number): number => (this.tools === 0 ? 0 : value / this.tools);
    let shared = 0;
    for (const count of this.nameServers.values()) if (count > 1) shared += count;
    const styles = Object.fromEntries(NAMING_STYLES.map((style) => [style, perTool(this.styles.get(style) ?? 0)]));
    const categories = Object.fromEntries(
      [...this.categories].map(([category, count]) => [category, count / Math.max(1, this.classified)]),
    );
    return {
      servers: this.servers,
      tools: this.tools,
      styles: styles as Record<NamingStyle, number>,
      meanDescriptionChars: perTool(this.descriptionChars),
      meanParams: perTool(this.params),
      meanRequired: perTool(this.required),
      annotated: perTool(this.annotated),
      sharedNames: perTool(shared),
      serversWithSlugTwins: this.servers === 0 ? 0 : this.slugTwins / this.servers,
      categories,
      classified: this.classified,
    };
  }
}

const CATEGORY_ORDER = ['Read', 'Write', 'Execute', 'Financial', 'Destructive', 'Other'];

const integer = (value: number): string => value.toLocaleString('en-US');
const decimal = (value: number): string => value.toFixed(1);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** A two-column table, source against synthetic. */
export function formatComparison(source: DistributionSummary, synthetic: DistributionSummary): string {
  const rows: [string, string, string][] = [
    ['servers', integer(source.servers), integer(synthetic.servers)],
    ['tools', integer(source.tools), integer(synthetic.tools)],
    [
      'tools per server',
      decimal(source.tools / Math.max(1, source.servers)),
      decimal(synthetic.tools / Math.max(1, synthetic.servers)),
    ],
    ...NAMING_STYLES.map((style): [string, string, string] => [
      `  ${style}`,
      percent(source.styles[style]),
      percent(synthetic.styles[style]),
    ]),
    ['mean description (chars)', decimal(source.meanDescriptionChars), decimal(synthetic.meanDescriptionChars)],
    ['mean params', decimal(source.meanParams), decimal(synthetic.meanParams)],
    ['mean required params', decimal(source.meanRequired), decimal(synthetic.meanRequired)],
    ['with annotations', percent(source.annotated), percent(synthetic.annotated)],
    ['name used by another server', percent(source.sharedNames), percent(synthetic.sharedNames)],
    ['servers with slug twins', percent(source.serversWithSlugTwins), percent(synthetic.serversWithSlugTwins)],
    [
      `category (of ${integer(source.classified)} / ${integer(synthetic.classified)} tools)`,
      '',
      '',
    ],
    ...CATEGORY_ORDER.map((category): [string, string, string] => [
      `  ${category}`,
      percent(source.categories[category] ?? 0),
      percent(synthetic.categories[category] ?? 0),
    ]),
  ];
  const header: [string, string, string] = ['', 'source', 'synthetic'];
  const widths = [0, 1, 2].map((column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: readonly string[]): string =>
    `${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padStart(widths[1]!)}  ${row[2]!.padStart(widths[2]!)}`.trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
