/**
 * schema.org data for search engines: a tool page is a TechArticle with its FAQ as a
 * FAQPage, a server hub a CollectionPage, and both carry a BreadcrumbList (Home >
 * Servers > server > tool). Serialised by json-ld.ts, which keeps third-party text inert.
 */
import { capName } from '../catalogue/prose/text.ts';
import { ogImageForServer } from './og-card.ts';
import type { ServerEntry } from './site-index.ts';
import type { ToolPageModel } from './tool-page.ts';
import { absoluteUrl, urls } from './urls.ts';

const CONTEXT = 'https://schema.org';

/** Longest name a breadcrumb shows: search results show a few words of each. */
const CRUMB_NAME_MAX = 110;

export interface Crumb {
  name: string;
  /** A site path (`urls.*`), made absolute here. */
  url: string;
}

/** The BreadcrumbList node, for a page's `@graph`. */
function breadcrumbNode(trail: readonly Crumb[], siteUrl: string, id?: string): Record<string, unknown> {
  return {
    '@type': 'BreadcrumbList',
    ...(id ? { '@id': id } : {}),
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      // Names come from the catalogue: no control or bidi characters in a search result.
      name: capName(crumb.name, CRUMB_NAME_MAX),
      item: absoluteUrl(crumb.url, siteUrl),
    })),
  };
}

/** A BreadcrumbList on its own, for a page with no other structured data. */
export function breadcrumbJsonLd(trail: readonly Crumb[], siteUrl: string): Record<string, unknown> {
  return { '@context': CONTEXT, ...breadcrumbNode(trail, siteUrl) };
}

/** Home > Servers > server. */
export function serverTrail(server: Pick<ServerEntry, 'name' | 'url'>): Crumb[] {
  return [
    { name: 'Home', url: urls.home() },
    { name: 'Servers', url: urls.servers() },
    { name: server.name, url: server.url },
  ];
}

/** Home > Servers > server > tool. */
export function toolTrail(server: Pick<ServerEntry, 'name' | 'url'>, tool: { name: string; url: string }): Crumb[] {
  return [...serverTrail(server), { name: tool.name, url: tool.url }];
}

export function toolJsonLd(model: ToolPageModel, siteUrl: string): unknown {
  const url = absoluteUrl(model.entry.url, siteUrl);
  return {
    '@context': CONTEXT,
    '@graph': [
      {
        '@type': 'TechArticle',
        '@id': `${url}#article`,
        url,
        headline: `${model.tool.name} (${model.server.name}): ${model.classification.risk} risk`,
        image: absoluteUrl(ogImageForServer(model.serverEntry.slug), siteUrl),
        about: { '@type': 'SoftwareApplication', name: model.server.name, applicationCategory: 'MCP server' },
      },
      {
        '@type': 'FAQPage',
        '@id': `${url}#faq`,
        mainEntity: model.faq.map((entry) => ({
          '@type': 'Question',
          name: entry.question,
          acceptedAnswer: { '@type': 'Answer', text: entry.answer },
        })),
      },
      breadcrumbNode(toolTrail(model.serverEntry, { name: model.tool.name, url: model.entry.url }), siteUrl, `${url}#breadcrumb`),
    ],
  };
}

/** A server hub: the page, the server it is about, and its breadcrumb. */
export function serverJsonLd(entry: Pick<ServerEntry, 'name' | 'url' | 'slug'>, siteUrl: string): unknown {
  const url = absoluteUrl(entry.url, siteUrl);
  return {
    '@context': CONTEXT,
    '@graph': [
      {
        '@type': 'CollectionPage',
        '@id': `${url}#page`,
        url,
        name: `${entry.name} MCP server: tools and policy`,
        image: absoluteUrl(ogImageForServer(entry.slug), siteUrl),
        breadcrumb: { '@id': `${url}#breadcrumb` },
        about: { '@type': 'SoftwareApplication', name: entry.name, applicationCategory: 'MCP server' },
      },
      breadcrumbNode(serverTrail(entry), siteUrl, `${url}#breadcrumb`),
    ],
  };
}
