/** /robots.txt: every page may be crawled; the sitemap index lists them. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../site/site-data.ts';
import { absoluteUrl, urls } from '../site/urls.ts';

export const GET: APIRoute = async () => {
  const { config } = await getSiteData();
  // Crawlers read robots.txt at the origin's root only: a site served under BASE_PATH
  // has its copy at /<base>/robots.txt, for the host's own robots.txt to take from.
  const lines = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(urls.sitemap(), config.siteUrl)}`, ''];
  return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
