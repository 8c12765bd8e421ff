/**
 * What the home page offers to search for: real tool names from the catalogue, so that an
 * example always finds what it promises. The name of a Destructive tool found on the most
 * servers, and of an Execute one, else of any tool (ties by code point order).
 */
import type { SiteIndex, ToolEntry } from './site-index.ts';
import { slugify } from '../catalogue/slug.ts';

function mostWidespread(index: SiteIndex, tools: readonly ToolEntry[]): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const tool of tools) {
    if (!/^[A-Za-z][A-Za-z0-9_.-]{2,40}$/.test(tool.name)) continue;
    const count = index.serverCountByNameSlug.get(slugify(tool.name)) ?? 1;
    if (count > bestCount || (count === bestCount && best !== undefined && tool.name < best)) {
      best = tool.name;
      bestCount = count;
    }
  }
  return best;
}

export function exampleSearches(index: SiteIndex): string[] {
  const picks = [mostWidespread(index, index.byCategory.Destructive), mostWidespread(index, index.byCategory.Execute)];
  const found = [...new Set(picks.filter((name): name is string => name !== undefined))];
  if (found.length === 0) {
    const any = mostWidespread(index, index.servers.flatMap((server) => server.tools));
    if (any) found.push(any);
  }
  return found;
}
