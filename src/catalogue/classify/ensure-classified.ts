/**
 * Gives every tool of a server a classification: tools that already carry one (from the
 * hosted service, or an earlier run) keep it; the others are classified with the engine.
 * Pure: returns a new server when anything changed, the same one otherwise.
 */
import type { Classification } from '../schema/classification.ts';
import { classifyTool, type ClassifiableTool } from './classify-tool.ts';

interface ServerWithTools {
  id: string;
  name: string;
  tools: readonly (ClassifiableTool & { classification?: Classification | undefined })[];
}

export type Classified<S extends ServerWithTools> = Omit<S, 'tools'> & {
  tools: (S['tools'][number] & { classification: Classification })[];
};

export function ensureClassified<S extends ServerWithTools>(server: S): Classified<S> {
  if (server.tools.every((tool) => tool.classification !== undefined)) return server as unknown as Classified<S>;
  const identity = { id: server.id, name: server.name };
  return {
    ...server,
    tools: server.tools.map((tool) =>
      tool.classification !== undefined ? tool : { ...tool, classification: classifyTool(tool, identity) },
    ),
  } as Classified<S>;
}
