/** The page of changed definitions: the newest entries of the change log, linked to their pages. */
import type { PullRecord } from '../catalogue/changes/change-log.ts';
import type { SiteData } from './site-data.ts';

/** Entries shown: enough for several pulls, small enough for one page. */
export const CHANGES_SHOWN = 500;

export interface ChangeRow {
  date: string;
  toolName: string;
  serverName: string;
  fields: string[];
  /** The tool's page, when the tool is still in the catalogue. */
  url?: string;
}

export interface ChangesPageModel {
  pulls: readonly PullRecord[];
  changed: ChangeRow[];
  removed: ChangeRow[];
}

export function changesPageModel(data: SiteData): ChangesPageModel {
  const row = (entry: { date: string; serverId: string; toolName: string; fields: readonly string[] }): ChangeRow => {
    // From the index, not the full records: a shard holds only its own servers' records,
    // and this page must read the same in every shard.
    const server = data.index.serverEntryById.get(entry.serverId);
    const url = server?.tools.find((tool) => tool.name === entry.toolName)?.url;
    return {
      date: entry.date.slice(0, 10),
      toolName: entry.toolName,
      serverName: server?.name ?? entry.serverId,
      fields: [...entry.fields],
      ...(url ? { url } : {}),
    };
  };
  return {
    pulls: data.changes.pulls(),
    changed: data.changes.recentChanges(CHANGES_SHOWN, { kinds: ['changed'] }).map(row),
    removed: data.changes.recentChanges(CHANGES_SHOWN, { kinds: ['removed'] }).map(row),
  };
}
