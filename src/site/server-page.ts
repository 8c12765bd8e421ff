/** Everything a server hub shows, computed by the domain core. */
import { gatewayLink } from '../config/site-config.ts';
import { riskRank } from '../catalogue/schema/classification.ts';
import { interceptFileName, policyFileName } from '../catalogue/prose/enforcement.ts';
import { parameterRows } from '../catalogue/parameters.ts';
import { DISPLAY_CAPS } from '../catalogue/display-caps.ts';
import type { PolicyView } from './tool-page.ts';
import { serverPolicyFiles } from './policy-files.ts';
import type { SiteData } from './site-data.ts';
import type { ClassifiedServer } from '../catalogue/schema/server.ts';
import type { ServerEntry, ToolEntry } from './site-index.ts';

export interface ServerToolRow {
  entry: ToolEntry;
  riskRank: number;
  parameterCount: number;
}

export interface ServerPageModel {
  server: ClassifiedServer;
  entry: ServerEntry;
  /** The first DISPLAY_CAPS.hubTools tools; every tool has its own page and a browse page. */
  rows: ServerToolRow[];
  policy: PolicyView;
  /** Whether the policy is small enough to show inline; a larger one is offered as a download only. */
  policyInline: boolean;
  policyFileName: string;
  interceptFileName: string;
  gatewayUrl: string;
}

export function serverPageModel(data: SiteData, entry: ServerEntry): ServerPageModel {
  const server = data.serverById.get(entry.id)!;
  const files = serverPolicyFiles(server);
  const json = files.json;
  return {
    server,
    entry,
    rows: entry.tools.slice(0, DISPLAY_CAPS.hubTools).map((toolEntry) => ({
      entry: toolEntry,
      riskRank: riskRank(toolEntry.risk),
      parameterCount: parameterRows(server.tools[toolEntry.position]!.inputSchema).length,
    })),
    policy: { json, yaml: files.yaml, summary: files.summary, differences: files.differences },
    policyInline: Buffer.byteLength(json) <= DISPLAY_CAPS.inlineServerPolicyBytes,
    policyFileName: policyFileName(server.id),
    interceptFileName: interceptFileName(server.id),
    gatewayUrl: gatewayLink(data.config, server.id),
  };
}
