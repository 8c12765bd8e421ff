/**
 * schema.org data for search engines: a tool page is a TechArticle with its FAQ as a
 * FAQPage. Serialised by json-ld.ts, which keeps third-party text inert.
 */
import type { ToolPageModel } from './tool-page.ts';
import { absoluteUrl } from './urls.ts';

export function toolJsonLd(model: ToolPageModel, siteUrl: string): unknown {
  const url = absoluteUrl(model.entry.url, siteUrl);
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'TechArticle',
        '@id': `${url}#article`,
        url,
        headline: `${model.tool.name} (${model.server.name}): ${model.classification.risk} risk`,
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
    ],
  };
}
