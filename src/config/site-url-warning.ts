/**
 * The warning a build prints when SITE_URL is unset: every absolute URL the site writes
 * (canonical links, og:image, JSON-LD, the sitemap, robots.txt) then names the
 * development server, and search engines would index nothing of the deployed site.
 */
import { loadSiteConfig } from './site-config.ts';

/** The warning for this environment, or undefined when SITE_URL is set. */
export function siteUrlWarning(env: Record<string, string | undefined>): string | undefined {
  // loadSiteConfig reads an empty value as unset, and so does this.
  if (env.SITE_URL !== undefined && env.SITE_URL !== '') return undefined;
  const fallback = loadSiteConfig({}).siteUrl;
  return (
    `SITE_URL is not set: canonical links, og:image URLs, structured data, robots.txt and the sitemap will name ${fallback}. ` +
    'Set SITE_URL to the public origin (such as SITE_URL=https://policies.example.com) before building a site to deploy.'
  );
}
