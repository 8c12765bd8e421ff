/**
 * The site data of a whole build, made from servers in memory: what the page models
 * read, without a catalogue file or a change log on disk.
 */
import { ChangeLog } from '../../src/catalogue/changes/change-log.ts';
import type { ClassifiedServer } from '../../src/catalogue/schema/server.ts';
import { loadSiteConfig } from '../../src/config/site-config.ts';
import { WHOLE_SITE } from '../../src/site/shard.ts';
import type { SiteData } from '../../src/site/site-data.ts';
import { buildSiteIndex } from '../../src/site/site-index.ts';

export function siteDataOf(servers: ClassifiedServer[], env: Record<string, string | undefined> = {}): SiteData {
  return {
    config: loadSiteConfig(env),
    index: buildSiteIndex(servers),
    serverById: new Map(servers.map((server) => [server.id, server])),
    changes: new ChangeLog([], []),
    shard: WHOLE_SITE,
  };
}
