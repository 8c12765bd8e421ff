/** The site's Open Graph card (`default.png`) and one per risk level (`low.png` ... `critical.png`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { RISKS, type Risk } from '../../catalogue/schema/classification.ts';
import { getSiteData } from '../../site/site-data.ts';
import { riskCardSvg, siteCardSvg } from '../../site/og-card.ts';
import { renderCardPng } from '../../site/og-card-png.ts';

type Card = { kind: 'site' } | { kind: 'risk'; risk: Risk };

// Like the browse pages, these few site-wide cards are the first shard's to render, so
// that shards merged hold each of them once.
export const getStaticPaths = (async () => {
  if ((await getSiteData()).shard.index !== 1) return [];
  return [
    { params: { name: 'default' }, props: { card: { kind: 'site' } as Card } },
    ...RISKS.map((risk) => ({ params: { name: risk.toLowerCase() }, props: { card: { kind: 'risk', risk } as Card } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: Card }> = async ({ props }) => {
  const { config, index } = await getSiteData();
  const byRisk = Object.fromEntries(RISKS.map((risk) => [risk, index.byRisk[risk].length])) as Record<Risk, number>;
  const { card } = props;
  const svg =
    card.kind === 'site'
      ? siteCardSvg({ siteName: config.siteName, toolCount: index.toolCount, serverCount: index.servers.length, byRisk })
      : riskCardSvg({
          risk: card.risk,
          toolCount: byRisk[card.risk],
          serverCount: index.servers.filter((server) => server.byRisk[card.risk] > 0).length,
          siteName: config.siteName,
        });
  const png = await renderCardPng(svg);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
