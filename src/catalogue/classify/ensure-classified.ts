/**
 * Gives every tool of a server a classification, with the engine where it has none.
 * A classification that came with the catalogue (from the hosted service) is kept, with
 * one exception in each direction of trust:
 * - it is never allowed below what this engine finds: a catalogue, like an annotation,
 *   may raise a tool's risk but not lower it, so a `delete_*` tool labelled Read by a
 *   third party is shown with this engine's classification instead;
 * - one made by an earlier version of this engine (`rules-<n>`) is simply redone.
 * Pure: returns a new server when anything changed, the same one otherwise.
 */
import { riskRank, type Classification } from '../schema/classification.ts';
import { classifyTool, ENGINE, type ClassifiableTool } from './classify-tool.ts';

interface ServerWithTools {
  id: string;
  name: string;
  tools: readonly (ClassifiableTool & { classification?: Classification | undefined })[];
}

export type Classified<S extends ServerWithTools> = Omit<S, 'tools'> & {
  tools: (S['tools'][number] & { classification: Classification })[];
};

const OWN_ENGINE = /^rules-\d+$/;

function settle(supplied: Classification | undefined, own: () => Classification): Classification {
  if (supplied?.engine === ENGINE) return supplied;
  if (supplied === undefined || OWN_ENGINE.test(supplied.engine)) return own();
  const ours = own();
  return riskRank(ours.risk) > riskRank(supplied.risk) ? ours : supplied;
}

export function ensureClassified<S extends ServerWithTools>(server: S): Classified<S> {
  // The server's tool names show its naming style: a shared prefix, where its verbs go.
  const identity = { id: server.id, name: server.name, toolNames: server.tools.map((tool) => tool.name) };
  let changed = false;
  const tools = server.tools.map((tool) => {
    const classification = settle(tool.classification, () => classifyTool(tool, identity));
    if (classification === tool.classification) return tool;
    changed = true;
    return { ...tool, classification };
  });
  return (changed ? { ...server, tools } : server) as unknown as Classified<S>;
}
