/** A server's Open Graph card; its tool pages share it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { serverRoutes } from '../../../site/routes.ts';
import { getSiteData } from '../../../site/site-data.ts';
import { serverCardSvg } from '../../../site/og-card.ts';
import { renderCardPng } from '../../../site/og-card-png.ts';
import type { ServerEntry } from '../../../site/site-index.ts';

export const getStaticPaths = serverRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ServerEntry }> = async ({ props }) => {
  const { config } = await getSiteData();
  const { name, toolCount, byRisk } = props.entry;
  const png = await renderCardPng(serverCardSvg({ name, toolCount, byRisk, siteName: config.siteName }));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
