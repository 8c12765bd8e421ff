/**
 * schema.org data: the breadcrumb trail of tool pages and server hubs (Home > Servers >
 * server > tool) with absolute URLs, and the hub's CollectionPage, from a small catalogue.
 */
import { describe, expect, it } from 'vitest';
import { Admission } from '../../src/catalogue/admission.ts';
import type { ClassifiedServer, Server } from '../../src/catalogue/schema/server.ts';
import { serializeJsonLd } from '../../src/site/json-ld.ts';
import { ogImageForServer } from '../../src/site/og-card.ts';
import { breadcrumbJsonLd, serverJsonLd, toolJsonLd } from '../../src/site/structured-data.ts';
import { toolPageModel } from '../../src/site/tool-page.ts';
import { urls } from '../../src/site/urls.ts';
import { siteDataOf } from '../support/site-data.ts';

const SITE = 'https://policies.example.org';
const provenance = [{ source: 'test', retrieved: '2026-12-01' }];

const admission = new Admission({ onDuplicate: 'refuse' });
const servers: ClassifiedServer[] = [
  {
    id: 'store',
    name: 'Store </script><!--',
    provenance,
    tools: [{ name: 'delete_item', description: 'Deletes one item for good.', inputSchema: { type: 'object', properties: {} } }],
  } as Server,
].map((record, index) => admission.admit(record, { source: 'test', index })!);

const data = siteDataOf(servers, { SITE_URL: SITE });

type Node = Record<string, unknown> & { '@type': string };
type Crumb = { '@type': string; position: number; name: string; item: string };
const graphOf = (jsonLd: unknown): Node[] => (jsonLd as { '@graph': Node[] })['@graph'];
const crumbsOf = (node: Node | undefined): Crumb[] => node!.itemListElement as Crumb[];

describe('breadcrumbJsonLd', () => {
  it('numbers the trail from 1 and makes every URL absolute', () => {
    const trail = [
      { name: 'Home', url: urls.home() },
      { name: 'Servers', url: urls.servers() },
    ];
    expect(breadcrumbJsonLd(trail, SITE)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: new URL(urls.home(), SITE).href },
        { '@type': 'ListItem', position: 2, name: 'Servers', item: new URL(urls.servers(), SITE).href },
      ],
    });
  });

  it('shows a third-party name without control or bidi characters, and capped', () => {
    const [crumb] = crumbsOf(breadcrumbJsonLd([{ name: `a\u202Eb\u0000c${'x'.repeat(500)}`, url: '/x/' }], SITE) as Node);
    expect(crumb!.name).toMatch(/^a b cx+…$/);
    expect([...crumb!.name].length).toBeLessThanOrEqual(110);
  });
});

describe('a tool page', () => {
  const entry = data.index.toolByPath.get('store/delete-item')!;
  const jsonLd = toolJsonLd(toolPageModel(data, entry, []), SITE);

  it('carries Home > Servers > server > tool', () => {
    const breadcrumb = graphOf(jsonLd).find((node) => node['@type'] === 'BreadcrumbList');
    expect(crumbsOf(breadcrumb).map(({ position, name, item }) => [position, name, item])).toEqual([
      [1, 'Home', `${SITE}${urls.home()}`],
      [2, 'Servers', `${SITE}${urls.servers()}`],
      [3, 'Store </script><!--', `${SITE}${urls.server('store')}`],
      [4, 'delete_item', `${SITE}${urls.tool('store', 'delete-item')}`],
    ]);
    expect(breadcrumb!['@id']).toBe(`${SITE}${urls.tool('store', 'delete-item')}#breadcrumb`);
  });

  it('keeps the article and the FAQ, with the server card as image', () => {
    const types = graphOf(jsonLd).map((node) => node['@type']);
    expect(types).toEqual(['TechArticle', 'FAQPage', 'BreadcrumbList']);
    expect(graphOf(jsonLd)[0]!.image).toBe(`${SITE}${ogImageForServer('store')}`);
  });

  it('stays inert in a script block whatever the server is named', () => {
    expect(serializeJsonLd(jsonLd)).not.toMatch(/<\/script|<!--/i);
  });
});

describe('a server hub', () => {
  const jsonLd = serverJsonLd(data.index.serverBySlug.get('store')!, SITE);

  it('is a CollectionPage about the server that points at its breadcrumb, Home > Servers > server', () => {
    const [page, breadcrumb] = graphOf(jsonLd);
    const url = `${SITE}${urls.server('store')}`;
    expect(page).toMatchObject({
      '@type': 'CollectionPage',
      url,
      breadcrumb: { '@id': `${url}#breadcrumb` },
      about: { '@type': 'SoftwareApplication', name: 'Store </script><!--' },
      image: `${SITE}${ogImageForServer('store')}`,
    });
    expect(breadcrumb!['@id']).toBe(`${url}#breadcrumb`);
    expect(crumbsOf(breadcrumb).map((crumb) => crumb.name)).toEqual(['Home', 'Servers', 'Store </script><!--']);
    expect(crumbsOf(breadcrumb).at(-1)!.item).toBe(url);
  });
});
