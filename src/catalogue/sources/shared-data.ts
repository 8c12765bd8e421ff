/**
 * Converts the three bundled sources of real `tools/list` data into catalogue server
 * records, keeping each record's provenance. Pure: the caller reads the files.
 *
 * Sources, in order of fidelity (the first that has a server supplies its tools):
 * 1. live captures of npm servers (`initialize` + `tools/list` over stdio);
 * 2. LiveMCPBench's tool set (icip-cas/LiveMCPBench, Apache-2.0);
 * 3. docker/mcp-registry's `servers/<name>/tools.json` (MIT), whose argument lists are
 *    simplified and become JSON Schema here.
 */
import type { ServerInput, ServerPackage, Provenance } from '../schema/server.ts';
import type { ToolInput } from '../schema/tool.ts';
import { slugify } from '../slug.ts';
import { inputSchemaFromArguments, inputSchemaFromParameters } from './json-schema-from-arguments.ts';

type JsonObject = Record<string, unknown>;

/** A server as one source describes it, before merging. */
export interface SourceServer {
  /** Identity used to merge the same server across sources (`npm:@scope/pkg` or `name:ref`). */
  mergeKey: string;
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
    mergeKey: packageKey(pkg)!,
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
    return {
      mergeKey: packageKey(pkg) ?? `name:${key.toLowerCase()}`,
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
    mergeKey: `name:${name.toLowerCase()}`,
    idHint: name,
    fidelity: 2,
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

/**
 * Merges servers that several sources describe (same package, or the same registry
 * name ignoring case) into one record: the most faithful source supplies the tools and
 * the fields; every source stays in the provenance. Ids come from each server's own
 * name, made unique deterministically (`-2`, `-3`, ... in input order).
 */
export function mergeSourceServers(servers: readonly SourceServer[]): ServerInput[] {
  const groups = new Map<string, SourceServer[]>();
  for (const server of servers) {
    const group = groups.get(server.mergeKey);
    if (group) group.push(server);
    else groups.set(server.mergeKey, [server]);
  }
  const taken = new Set<string>();
  const merged: ServerInput[] = [];
  for (const group of groups.values()) {
    // Most faithful first; among equals (Docker's `ref` and `Ref`), the one with more tools.
    const [best, ...rest] = [...group].sort(
      (a, b) => a.fidelity - b.fidelity || b.record.tools.length - a.record.tools.length,
    );
    const others = rest.flatMap((other) =>
      other.record.provenance.map((entry) => ({ ...entry, suppliedTools: false })),
    );
    const base = slugify(best!.idHint).slice(0, 100).replace(/-+$/, '');
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    merged.push({
      id,
      ...best!.record,
      provenance: [...best!.record.provenance, ...others],
    });
  }
  return merged.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
