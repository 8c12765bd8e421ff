/**
 * The one place pages get catalogue data from. Loaded once per build process (a
 * module-level promise, as Starlight's routing does) and shared by every page, so
 * per-page work is a Map lookup. Pages never receive the catalogue as props.
 */
import { loadSiteConfig, type SiteConfig } from '../config/site-config.ts';
import { loadSiteCatalogue } from './load-site-catalogue.ts';
import { buildSiteIndex, type ClassifiedServer, type SiteIndex } from './site-index.ts';

export interface SiteData {
  config: SiteConfig;
  index: SiteIndex;
  serverById: Map<string, ClassifiedServer>;
}

let loading: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const config = loadSiteConfig(process.env);
  const { servers, warnings } = await loadSiteCatalogue(config.cataloguePath);
  for (const warning of warnings) console.warn(`[catalogue] ${warning}`);
  return {
    config,
    index: buildSiteIndex(servers),
    serverById: new Map(servers.map((server) => [server.id, server])),
  };
}

export function getSiteData(): Promise<SiteData> {
  loading ??= load();
  return loading;
}
