/**
 * The site's index of the catalogue, built once per build: every later lookup a page
 * makes is a Map access, never a walk over the catalogue (withastro/starlight#3760 shows
 * what per-page walks cost at 7,000 pages; this site aims at 500,000).
 */
import { CATEGORIES, RISKS, type Category, type Classification, type Risk } from '../catalogue/schema/classification.ts';
import type { ClassifiedServer, Server } from '../catalogue/schema/server.ts';
import type { Tool } from '../catalogue/schema/tool.ts';
import { urls } from './urls.ts';
import { LookAlikeIndex } from '../catalogue/poisoning/look-alikes.ts';
import { assignSlugs, compareCodePoints, serverSlugOf, slugify } from '../catalogue/slug.ts';

/** What lists, related links and search need of a tool; the full definition stays on its server. */
export interface ToolEntry {
  serverId: string;
  serverSlug: string;
  serverName: string;
  name: string;
  slug: string;
  title?: string;
  category: Category;
  risk: Risk;
  /** The tool page's path (`/tools/<server>/<tool>/` under the base). */
  url: string;
  /** Position of the tool in its server's `tools`, for a direct lookup. */
  position: number;
}

export interface ServerEntry {
  id: string;
  slug: string;
  name: string;
  url: string;
  packageLabel?: string;
  toolCount: number;
  byRisk: Record<Risk, number>;
  byCategory: Record<Category, number>;
  /** Tools in the server's own order. */
  tools: ToolEntry[];
  /** The same tools by category, for "related tools" without a walk per page. */
  toolsByCategory: Record<Category, ToolEntry[]>;
}

export interface SiteIndex {
  servers: ServerEntry[];
  serverBySlug: Map<string, ServerEntry>;
  serverEntryById: Map<string, ServerEntry>;
  /** `${serverSlug}/${toolSlug}` to entry. */
  toolByPath: Map<string, ToolEntry>;
  /** Tools grouped by the slug of their name, for "the same tool on other servers". */
  toolsByNameSlug: Map<string, ToolEntry[]>;
  /** How many servers have a tool under each name slug (a server counts once). */
  serverCountByNameSlug: Map<string, number>;
  byRisk: Record<Risk, ToolEntry[]>;
  byCategory: Record<Category, ToolEntry[]>;
  toolCount: number;
  /** Every tool name by its TR39 skeleton, for look-alike names. */
  lookAlikes: LookAlikeIndex;
}

export function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function emptyLists<K extends string>(keys: readonly K[]): Record<K, ToolEntry[]> {
  return Object.fromEntries(keys.map((key) => [key, [] as ToolEntry[]])) as Record<K, ToolEntry[]>;
}

export function packageLabel(server: Pick<Server, 'package'>): string | undefined {
  const pkg = server.package;
  if (!pkg) return undefined;
  return `${pkg.registry}: ${pkg.identifier}${pkg.version ? `@${pkg.version}` : ''}`;
}

/** Builds the index a server at a time, so that a catalogue is indexed as it streams in. */
export class SiteIndexBuilder {
  readonly #index: SiteIndex = {
    servers: [],
    serverBySlug: new Map(),
    serverEntryById: new Map(),
    toolByPath: new Map(),
    toolsByNameSlug: new Map(),
    serverCountByNameSlug: new Map(),
    byRisk: emptyLists(RISKS),
    byCategory: emptyLists(CATEGORIES),
    toolCount: 0,
    lookAlikes: new LookAlikeIndex(),
  };

  /** Indexes a server; returns its entry, whose tools carry their slugs and URLs. */
  add(server: ClassifiedServer): ServerEntry {
    const index = this.#index;
    const serverSlug = serverSlugOf(server);
    const slugs = assignSlugs(server.tools.map((tool) => tool.name));
    const entry: ServerEntry = {
      id: server.id,
      slug: serverSlug,
      name: server.name,
      url: urls.server(serverSlug),
      ...(packageLabel(server) ? { packageLabel: packageLabel(server) } : {}),
      toolCount: server.tools.length,
      byRisk: zeroCounts(RISKS),
      byCategory: zeroCounts(CATEGORIES),
      tools: [],
      toolsByCategory: emptyLists(CATEGORIES),
    };
    for (const [position, tool] of server.tools.entries()) {
      const slug = slugs.get(tool.name)!;
      const { category, risk } = tool.classification;
      const toolEntry: ToolEntry = {
        serverId: server.id,
        serverSlug,
        serverName: server.name,
        name: tool.name,
        slug,
        ...(tool.title ? { title: tool.title } : {}),
        category,
        risk,
        url: urls.tool(serverSlug, slug),
        position,
      };
      entry.tools.push(toolEntry);
      entry.toolsByCategory[category].push(toolEntry);
      entry.byRisk[risk] += 1;
      entry.byCategory[category] += 1;
      index.toolByPath.set(`${serverSlug}/${slug}`, toolEntry);
      index.byRisk[risk].push(toolEntry);
      index.byCategory[category].push(toolEntry);
      index.lookAlikes.add(tool.name);
      const nameSlug = slugify(tool.name);
      const sameName = index.toolsByNameSlug.get(nameSlug);
      if (sameName) sameName.push(toolEntry);
      else index.toolsByNameSlug.set(nameSlug, [toolEntry]);
    }
    index.toolCount += entry.toolCount;
    index.servers.push(entry);
    index.serverBySlug.set(serverSlug, entry);
    index.serverEntryById.set(server.id, entry);
    return entry;
  }

  /** The finished index: lists sorted, shared names counted. Call once, after the last `add`. */
  finish(): SiteIndex {
    const index = this.#index;
    for (const [nameSlug, tools] of index.toolsByNameSlug) {
      index.serverCountByNameSlug.set(nameSlug, new Set(tools.map((tool) => tool.serverId)).size);
    }
    index.servers.sort((a, b) => compareCodePoints(a.slug, b.slug));
    const byNameThenServer = (a: ToolEntry, b: ToolEntry): number =>
      compareCodePoints(a.name, b.name) || compareCodePoints(a.serverSlug, b.serverSlug);
    for (const list of [...Object.values(index.byRisk), ...Object.values(index.byCategory)]) list.sort(byNameThenServer);
    return index;
  }
}

export function buildSiteIndex(servers: Iterable<ClassifiedServer>): SiteIndex {
  const builder = new SiteIndexBuilder();
  for (const server of servers) builder.add(server);
  return builder.finish();
}
