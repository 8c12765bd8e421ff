import { describeIssue } from '../issues.ts';
import { packageSchema, type ServerPackage } from '../schema/server.ts';

/**
 * Parses `registry:identifier@version` (`npm:@modelcontextprotocol/server-memory@2026.8.31`,
 * `pypi:mcp-server-git`, `oci:docker.io/mcp/fetch`). The version follows the last `@`
 * that does not start the identifier, so npm scopes survive.
 */
export function parsePackageSpec(spec: string, license?: string): ServerPackage {
  const colon = spec.indexOf(':');
  if (colon <= 0 || colon === spec.length - 1) {
    throw new Error(`--package ${JSON.stringify(spec)}: expected registry:identifier@version (e.g. npm:@scope/name@1.2.3)`);
  }
  const registry = spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  const at = rest.lastIndexOf('@');
  const identifier = at > 0 ? rest.slice(0, at) : rest;
  const version = at > 0 ? rest.slice(at + 1) : undefined;
  const result = packageSchema.safeParse({
    registry,
    identifier,
    ...(version ? { version } : {}),
    ...(license ? { license } : {}),
  });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`--package ${JSON.stringify(spec)}: ${describeIssue(issue)}`);
  }
  return result.data;
}
