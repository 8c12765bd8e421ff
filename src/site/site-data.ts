/**
 * The one place pages get catalogue data from. Loaded once per build process (a
 * module-level promise, as Starlight's routing does) and shared by every page, so
 * per-page work is a Map lookup. Pages never receive the catalogue as props.
 */
import { loadSiteConfig, type SiteConfig } from '../config/site-config.ts';
import type { ChangeLog } from '../catalogue/changes/change-log.ts';
import { changeLogPathOf, loadChangeLog } from '../catalogue/store/change-log-file.ts';
import { admittedServers } from './load-site-catalogue.ts';
import type { ClassifiedServer } from '../catalogue/schema/server.ts';
import { SiteIndexBuilder, type SiteIndex } from './site-index.ts';
import { parseShard, shardOfServer, type Shard } from './shard.ts';

export interface SiteData {
  config: SiteConfig;
  index: SiteIndex;
  /** Full records of the servers this build renders (every server, unless sharded). */
  serverById: Map<string, ClassifiedServer>;
  /** What each pull added, changed and removed (empty before the first pull). */
  changes: ChangeLog;
  /** The part of the site this build renders (SHARD=k/N; the whole site without it). */
  shard: Shard;
}

/**
 * Reads and classifies the catalogue the configuration names, with its change log, and
 * indexes it: everything the pages, the search index and the other outputs read.
 * Warnings (skipped records, skipped change-log lines) go to the console.
 */
export async function loadSiteData(env: Record<string, string | undefined> = process.env): Promise<SiteData> {
  const config = loadSiteConfig(env);
  const shard = parseShard(env.SHARD);
  const warnings: string[] = [];
  const builder = new SiteIndexBuilder();
  const serverById = new Map<string, ClassifiedServer>();
  // Streamed: every server is indexed, and a shard keeps the full records of its own
  // servers only, so a shard of a 500,000-tool catalogue never holds all of it.
  for await (const server of admittedServers(config.cataloguePath, warnings)) {
    const { slug } = builder.add(server);
    if (shardOfServer(slug, shard.count) === shard.index) serverById.set(server.id, server);
  }
  // A damaged change log costs the history, never the site: its bad lines are skipped.
  const changes = await loadChangeLog(changeLogPathOf(config.cataloguePath), {
    onInvalid: 'skip',
    warn: (message) => warnings.push(`skipped change-log line: ${message}`),
  });
  for (const warning of warnings) console.warn(`[catalogue] ${warning}`);
  return { changes, config, index: builder.finish(), serverById, shard };
}

let loading: Promise<SiteData> | undefined;

/** The site data of this build process, loaded on first use and shared by every page. */
export function getSiteData(): Promise<SiteData> {
  loading ??= loadSiteData();
  return loading;
}
