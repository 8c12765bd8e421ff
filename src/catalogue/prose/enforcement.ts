/**
 * How to put a recommended policy to work in a hosted MCP gateway, in plain steps. The
 * gateway is not part of this project, so the steps name only what the policy format
 * itself implies (a policy file, a grant, calls checked before they reach the server),
 * never screens or buttons of a particular product.
 */
import { slugify } from '../slug.ts';
import { capName } from './text.ts';

export function enforcementSteps(input: { serverName: string; toolName?: string }): string[] {
  const server = capName(input.serverName);
  const tool = input.toolName === undefined ? undefined : capName(input.toolName);
  return [
    'Save the recommended policy as a JSON file. It is policy.json version "1", so it can live under version control next to the rest of the agent\'s configuration.',
    `In the MCP gateway, attach the policy to the connection (the grant) through which the agent reaches ${server}. Limits count calls per grant, so every connection has its own allowance.`,
    `Point the agent at the gateway rather than at ${server} directly, so that every call passes the policy before it reaches the server.`,
    tool === undefined
      ? `List the tools through the gateway and make a test call: hidden tools no longer appear, and a call the policy refuses never reaches ${server}.`
      : `Make a test call to ${tool} through the gateway, and one the policy should refuse, and check that the gateway allows and refuses them as the policy says.`,
    `Review the policy when ${server} adds or changes tools: under default deny, a tool the policy does not list stays refused until it is added.`,
  ];
}

/**
 * The download name of a recommended policy: `<server id>.policy.json` for a server,
 * `<server id>.<tool slug>.policy.json` for a tool. Pass the tool's assigned slug (with
 * its collision suffix, so `get_item` and `get-item` download under different names); a
 * name is slugged here, which leaves a slug as it is. Server ids are already safe, and
 * the slug rule keeps path separators and leading dots out.
 */
export function policyFileName(serverId: string, toolSlugOrName?: string): string {
  return toolSlugOrName === undefined ? `${serverId}.policy.json` : `${serverId}.${slugify(toolSlugOrName)}.policy.json`;
}

/** The download name of the same policy for Intercept: `<server id>[.<tool slug>].policy.intercept.yaml`. */
export function interceptFileName(serverId: string, toolSlugOrName?: string): string {
  return policyFileName(serverId, toolSlugOrName).replace(/\.policy\.json$/, '.policy.intercept.yaml');
}
