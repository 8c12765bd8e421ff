/**
 * Converts the four bundled sources of real `tools/list` data into catalogue server
 * records, keeping each record's provenance. Pure: the caller reads the files.
 *
 * Sources, in order of fidelity (the first that has a server supplies its tools):
 * 0. live captures of npm servers (`initialize` + `tools/list` over stdio);
 * 1. LiveMCPBench's tool set (icip-cas/LiveMCPBench, Apache-2.0);
 * 2. Toucan's servers answered live through Smithery (TheAgentArk/Toucan, MIT);
 * 3. docker/mcp-registry's `servers/<name>/tools.json` (MIT), whose argument lists are
 *    simplified and become JSON Schema here;
 * 4. Toucan's servers read from their Smithery pages: parameters reduced to name, type
 *    and required, without descriptions (`reducedParameters` in the provenance).
 */
import type { ServerInput, ServerPackage, Provenance } from '../schema/server.ts';
import type { ToolInput } from '../schema/tool.ts';
import { slugify } from '../slug.ts';
import { withoutPageText } from './directory-page-parameters.ts';
import { inputSchemaFromArguments, inputSchemaFromParameters } from './json-schema-from-arguments.ts';

type JsonObject = Record<string, unknown>;

/** A server as one source describes it, before merging. */
export interface SourceServer {
  /** The source's short name (`capture`, `toucan`, ...). */
  source: string;
  /** The server's identifier within its source, case-folded: equal ones are one server. */
  sourceIdentity: string;
  /** Identities that merge the same server across sources, strongest first. */
  keys: { package?: string; repository?: string; name: string };
  /** Preferred id; made unique at merge time. */
  idHint: string;
  /** 0 is the most faithful source. */
  fidelity: number;
  record: Omit<ServerInput, 'id'>;
}

const MCP_TOOL_FIELDS = ['name', 'title', 'description', 'inputSchema', 'outputSchema', 'annotations', '_meta', 'execution', 'icons'] as const;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Only the fields of an MCP `Tool`, with `null` treated as absent. */
function mcpTool(raw: JsonObject): ToolInput {
  const tool: JsonObject = {};
  for (const field of MCP_TOOL_FIELDS) {
    if (raw[field] !== undefined && raw[field] !== null) tool[field] = raw[field];
  }
  return tool as ToolInput;
}

/** Keeps the first tool of each name: names are unique within a server by the spec. */
function uniqueByName(tools: ToolInput[]): ToolInput[] {
  const seen = new Set<string>();
  return tools.filter((tool) => {
    const name = String(tool.name);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

function packageKey(pkg: ServerPackage | undefined): string | undefined {
  return pkg ? `${pkg.registry}:${pkg.identifier.toLowerCase()}` : undefined;
}

/** A capture file: `{package, serverInfo, protocolVersion, captured, tools}`. */
export function fromCapture(fileBase: string, capture: JsonObject): SourceServer {
  const pkg = capture.package as ServerPackage;
  const info = isObject(capture.serverInfo) ? capture.serverInfo : {};
  const captured = isObject(capture.captured) ? capture.captured : {};
  const provenance: Provenance = {
    source: 'capture',
    retrieved: String(captured.date),
    method: text(captured.method) ?? 'MCP initialize + tools/list',
    ...(pkg.license ? { license: pkg.license } : {}),
    suppliedTools: true,
  };
  return {
    source: 'capture',
    sourceIdentity: fileBase.toLowerCase(),
    keys: { package: packageKey(pkg)!, name: fileBase.toLowerCase() },
    idHint: fileBase,
    fidelity: 0,
    record: {
      name: text(info.title) ?? text(info.name) ?? pkg.identifier,
      package: pkg,
      ...(pkg.registry === 'npm' ? { homepage: `https://www.npmjs.com/package/${pkg.identifier}` } : {}),
      serverInfo: info as ServerInput['serverInfo'],
      protocolVersion: typeof capture.protocolVersion === 'string' ? capture.protocolVersion : null,
      provenance: [provenance],
      tools: uniqueByName((capture.tools as JsonObject[]).map(mcpTool)),
    },
  };
}

/** The package a LiveMCPBench `mcpServers` entry runs, when it names one (npx or uvx). */
function packageOfLaunch(launch: unknown): ServerPackage | undefined {
  if (!isObject(launch) || !Array.isArray(launch.args)) return undefined;
  const registry = launch.command === 'npx' ? 'npm' : launch.command === 'uvx' ? 'pypi' : undefined;
  if (!registry) return undefined;
  const spec = launch.args.find((arg): arg is string => typeof arg === 'string' && !arg.startsWith('-'));
  if (!spec) return undefined;
  // `@scope/name@1.2.3` or `name@1.2.3`: the version follows the last `@` past position 0.
  const at = spec.lastIndexOf('@');
  return at > 0
    ? { registry, identifier: spec.slice(0, at), version: spec.slice(at + 1) }
    : { registry, identifier: spec };
}

const LIVEMCPBENCH_URL = 'https://github.com/icip-cas/LiveMCPBench';

/** One entry of LiveMCPBench's tools.json; each entry holds one server. */
export function fromLiveMcpBench(entry: JsonObject, retrieved: string): SourceServer[] {
  const launches = isObject(entry.config) && isObject(entry.config.mcpServers) ? entry.config.mcpServers : {};
  const web = text(entry.web);
  const links = web && /^https?:\/\//.test(web)
    ? /^https:\/\/github\.com\//.test(web) ? { repository: web } : { homepage: web }
    : {};
  return Object.entries(isObject(entry.tools) ? entry.tools : {}).map(([key, value]) => {
    const listing = isObject(value) ? value : {};
    const pkg = packageOfLaunch(launches[key]);
    const repository = 'repository' in links && links.repository ? repositoryKey(links.repository) : undefined;
    return {
      source: 'livemcpbench',
      sourceIdentity: key.toLowerCase(),
      keys: { ...(pkg ? { package: packageKey(pkg)! } : {}), ...(repository ? { repository } : {}), name: key.toLowerCase() },
      idHint: key,
      fidelity: 1,
      record: {
        name: text(entry.name) ?? key,
        ...(text(entry.description) ? { description: text(entry.description) } : {}),
        ...(pkg ? { package: pkg } : {}),
        ...links,
        ...(text(listing.server_name)
          ? { serverInfo: { name: String(listing.server_name), ...(text(listing.version) ? { version: String(listing.version) } : {}) } }
          : {}),
        provenance: [{
          source: 'livemcpbench',
          url: LIVEMCPBENCH_URL,
          retrieved,
          license: 'Apache-2.0',
          method: 'tools/LiveMCPTool/tools.json of the LiveMCPBench tool set',
          suppliedTools: true,
        }],
        tools: uniqueByName((Array.isArray(listing.tools) ? listing.tools : []).filter(isObject).map(mcpTool)),
      },
    };
  });
}

/** One server of docker/mcp-registry's tools.json: `{server, tools: [{name, description, arguments}]}`. */
export function fromDockerRegistry(entry: JsonObject, retrieved: string): SourceServer | undefined {
  const name = text(entry.server);
  const tools = (Array.isArray(entry.tools) ? entry.tools : []).filter(isObject);
  if (!name || tools.length === 0) return undefined;
  return {
    source: 'docker-mcp-registry',
    sourceIdentity: name.toLowerCase(),
    keys: { name: name.toLowerCase() },
    idHint: name,
    fidelity: 3,
    record: {
      name,
      provenance: [{
        source: 'docker-mcp-registry',
        url: `https://github.com/docker/mcp-registry/tree/main/servers/${encodeURIComponent(name)}`,
        retrieved,
        license: 'MIT',
        method: 'servers/<name>/tools.json of docker/mcp-registry (latest over all refs); argument lists converted to JSON Schema',
        suppliedTools: true,
      }],
      tools: uniqueByName(tools.map((raw) => ({
        ...mcpTool(raw),
        inputSchema: isObject(raw.inputSchema)
          ? raw.inputSchema
          : raw.parameters !== undefined
            ? inputSchemaFromParameters(raw.parameters)
            : inputSchemaFromArguments(raw.arguments),
      }))),
    },
  };
}

const TOUCAN_URL = 'https://github.com/TheAgentArk/Toucan';

/** Declared licences that state none: Smithery's placeholder, "Not specified", a link to Smithery. */
function declaredLicense(value: unknown): string | undefined {
  const license = text(value)?.trim();
  if (!license || /^(?:smithery|not specified|none|unknown)$/i.test(license) || /smithery\.ai/i.test(license)) return undefined;
  return license.slice(0, 200);
}

/**
 * One line of Toucan's servers.ndjson: `{id, name, repository, homepage, license_declared,
 * provenance: {kind, file}, tools}`. Servers Toucan read from Smithery pages have reduced
 * parameter lists, which their provenance says, cleaned of the page text they picked up.
 */
export function fromToucan(entry: JsonObject, retrieved: string): SourceServer | undefined {
  const id = text(entry.id);
  const origin = isObject(entry.provenance) ? entry.provenance : {};
  const captured = origin.kind === 'captured';
  const tools = (Array.isArray(entry.tools) ? entry.tools : []).filter(isObject).filter((tool) => captured || !isPageSettings(tool));
  if (!id || tools.length === 0) return undefined;
  const repository = text(entry.repository);
  const homepage = text(entry.homepage);
  const license = declaredLicense(entry.license_declared);
  const lastSegment = id.split('/').at(-1)!.toLowerCase();
  const repositoryIdentity = repository ? repositoryKey(repository) : undefined;
  const toolNames = new Set(tools.map((tool) => String(tool.name)));
  return {
    source: 'toucan',
    sourceIdentity: id.toLowerCase(),
    keys: { ...(repositoryIdentity ? { repository: repositoryIdentity } : {}), name: lastSegment },
    idHint: id.replace(/^@/, ''),
    fidelity: captured ? 2 : 4,
    record: {
      name: text(entry.name) ?? id,
      ...(repository && /^https?:\/\//.test(repository) ? { repository } : {}),
      ...(homepage && /^https?:\/\//.test(homepage) ? { homepage } : {}),
      ...(license ? { license } : {}),
      provenance: [{
        source: 'toucan',
        url: TOUCAN_URL,
        retrieved,
        license: 'MIT',
        method: captured
          ? `tools/list answered through Smithery's hosted endpoint in July 2025, recorded by TheAgentArk/Toucan (${String(origin.file ?? 'mcp_servers')})`
          : `tools read from the server's Smithery page by TheAgentArk/Toucan (${String(origin.file ?? 'mcp_servers')}); parameters reduced to name, type and required`,
        suppliedTools: true,
        ...(captured ? {} : { reducedParameters: true }),
      }],
      tools: uniqueByName(
        tools
          .map(mcpTool)
          .map((tool) => (captured ? tool : withoutDescription(withoutScrapedParameters(tool, toolNames), PAGE_PLACEHOLDER)))
          .map((tool) => withoutDescription(tool, PAGE_CHROME)),
      ),
    },
  };
}

/** A tool read from a directory page, without the page text its parameter list picked up. */
function withoutScrapedParameters(tool: ToolInput, toolNames: ReadonlySet<string>): ToolInput {
  const inputSchema = withoutPageText(tool.inputSchema, {
    toolName: String(tool.name),
    toolNames,
    description: typeof tool.description === 'string' ? tool.description : '',
  });
  return inputSchema === tool.inputSchema ? tool : { ...tool, inputSchema: inputSchema as ToolInput['inputSchema'] };
}

/**
 * The text of a directory page's header, which a page scrape can take for a tool's
 * description: "Deploy Server <server title> [Claim Server] <slug> Try in Playground
 * [<tool name>]". It says nothing of the tool, and its "Deploy" would read as the tool's
 * action, so the tool is kept without a description.
 */
const PAGE_CHROME = /^\s*Deploy Server\b[\s\S]{0,400}\bTry in Playground\b[^.!?]{0,200}$/;

/** The tool without its description when `pageText` matches all of it; the same tool otherwise. */
function withoutDescription(tool: ToolInput, pageText: RegExp): ToolInput {
  if (typeof tool.description !== 'string' || !pageText.test(tool.description)) return tool;
  const { description: _pageText, ...rest } = tool;
  return rest;
}

/**
 * A directory page's own settings section ("Optional Settings: Access and manage servers
 * by signing in."), which a page scrape can take for a tool. It is no tool of the server;
 * a page that listed nothing else gives the server no tools, and no record.
 */
function isPageSettings(tool: JsonObject): boolean {
  return tool.name === 'Optional Settings' && typeof tool.description === 'string' && /^\s*Access and manage servers by signing in\.?\s*$/.test(tool.description);
}

/**
 * What a directory page prints where the author wrote no description. It is the page's
 * text, not the server's, so the tool is kept without a description, as its author left it.
 */
const PAGE_PLACEHOLDER = /^\s*Description not available\s*$/;

/**
 * A repository URL as an identity: host, owner and repository, lower-cased, without `.git`
 * or a trailing path (`https://github.com/Owner/Repo/tree/main` -> `github.com/owner/repo`).
 * An owner's page alone is no repository.
 */
export function repositoryKey(url: string): string | undefined {
  const match = /^https?:\/\/(?:www\.)?([^/]+)\/([^/#?]+)\/([^/#?]+)/i.exec(url.trim());
  if (!match) return undefined;
  return `${match[1]}/${match[2]}/${match[3]!.replace(/\.git$/i, '')}`.toLowerCase();
}

/**
 * Merges servers that several sources describe into one record, by the same package,
 * then the same repository, then the same name:
 * - a server's own identifier within its source (Docker's `Ref` and `ref`) always merges;
 * - a repository that several servers of one source share is a monorepo, not an identity;
 * - a name merges only servers of different sources, and only when their packages and
 *   repositories, where both have one, agree (ten Toucan servers are called "weather").
 * The most faithful source supplies the tools and the fields; every source stays in the
 * provenance. Ids come from each server's own name, made unique deterministically (`-2`,
 * `-3`, ... in id order of the merged records).
 */
export function mergeSourceServers(servers: readonly SourceServer[]): ServerInput[] {
  const parent = servers.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const union = (a: number, b: number): void => {
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  };
  const unionBy = (keyOf: (server: SourceServer) => string | undefined, allowed: (a: SourceServer, b: SourceServer) => boolean = () => true): void => {
    const first = new Map<string, number[]>();
    servers.forEach((server, index) => {
      const key = keyOf(server);
      if (key === undefined) return;
      const seen = first.get(key);
      if (!seen) {
        first.set(key, [index]);
        return;
      }
      const partner = seen.find((other) => allowed(servers[other]!, server));
      if (partner !== undefined) union(partner, index);
      seen.push(index);
    });
  };
  unionBy((server) => `${server.source}\u0000${server.sourceIdentity}`);
  unionBy((server) => server.keys.package);
  const repositoryUse = new Map<string, number>();
  for (const server of servers) {
    if (server.keys.repository) repositoryUse.set(`${server.source}\u0000${server.keys.repository}`, (repositoryUse.get(`${server.source}\u0000${server.keys.repository}`) ?? 0) + 1);
  }
  unionBy((server) =>
    server.keys.repository && repositoryUse.get(`${server.source}\u0000${server.keys.repository}`) === 1 ? server.keys.repository : undefined,
  );
  const agree = (a?: string, b?: string): boolean => a === undefined || b === undefined || a === b;
  unionBy(
    (server) => server.keys.name,
    (a, b) => a.source !== b.source && agree(a.keys.package, b.keys.package) && agree(a.keys.repository, b.keys.repository),
  );

  const groups = new Map<number, SourceServer[]>();
  servers.forEach((server, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(server);
    else groups.set(root, [server]);
  });
  const chosen = [...groups.values()].map((group) => {
    // Most faithful first; among equals (Docker's `ref` and `Ref`), the one with more tools.
    const [best, ...rest] = [...group].sort(
      (a, b) => a.fidelity - b.fidelity || b.record.tools.length - a.record.tools.length || (a.idHint < b.idHint ? -1 : a.idHint > b.idHint ? 1 : 0),
    );
    return { best: best!, rest, base: slugify(best!.idHint).slice(0, 100).replace(/-+$/, '') || 'server' };
  });
  // Ids are handed out in base order, so the result does not depend on the input order.
  chosen.sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : a.best.fidelity - b.best.fidelity || (a.best.idHint < b.best.idHint ? -1 : 1)));
  const taken = new Set<string>();
  const merged: ServerInput[] = [];
  for (const { best, rest, base } of chosen) {
    const others = rest.flatMap((other) => other.record.provenance.map((entry) => ({ ...entry, suppliedTools: false })));
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    merged.push({ id, ...best.record, provenance: [...best.record.provenance, ...others] });
  }
  return merged.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
