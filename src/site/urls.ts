/**
 * Every URL the site links to, from one module, so that the URL scheme lives in one place
 * and a site served under a path prefix (Astro's `base`, set with BASE_PATH) links right.
 *
 * Paths are root-relative and end in `/` for pages (the site builds with
 * `trailingSlash: 'always'`). Slugs come from the site index, never from raw names here.
 */
import type { Category, Risk } from '../catalogue/schema/classification.ts';

/**
 * The base path with one leading and one trailing slash. Inside Astro it is Vite's
 * BASE_URL; the Node scripts that share this module (the search index) read the same
 * environment variable Astro's configuration reads.
 */
function basePath(): string {
  // Written out in full so that Vite replaces it at build time; under plain Node,
  // `import.meta.env` does not exist.
  const fromVite: string | undefined = typeof import.meta.env === 'undefined' ? undefined : import.meta.env.BASE_URL;
  const raw = fromVite ?? process.env.BASE_PATH ?? '/';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const BASE = basePath();

/** A site path under the base: `withBase('tools/')` is `/tools/` or `/docs-site/tools/`. */
export function withBase(path: string): string {
  return `${BASE}${path.replace(/^\/+/, '')}`;
}

const segment = (value: string): string => encodeURIComponent(value);

export const urls = {
  home: (): string => withBase(''),
  search: (): string => withBase('search/'),
  searchVocabulary: (): string => withBase('search/vocabulary.json'),
  servers: (): string => withBase('tools/'),
  server: (serverSlug: string): string => withBase(`tools/${segment(serverSlug)}/`),
  serverPolicy: (serverSlug: string): string => withBase(`tools/${segment(serverSlug)}/policy.json`),
  serverInterceptPolicy: (serverSlug: string): string => withBase(`tools/${segment(serverSlug)}/policy.intercept.yaml`),
  tool: (serverSlug: string, toolSlug: string): string => withBase(`tools/${segment(serverSlug)}/${segment(toolSlug)}/`),
  toolPolicy: (serverSlug: string, toolSlug: string): string =>
    withBase(`tools/${segment(serverSlug)}/${segment(toolSlug)}/policy.json`),
  toolInterceptPolicy: (serverSlug: string, toolSlug: string): string =>
    withBase(`tools/${segment(serverSlug)}/${segment(toolSlug)}/policy.intercept.yaml`),
  risks: (): string => withBase('risk/'),
  risk: (risk: Risk | string): string => withBase(`risk/${segment(risk.toLowerCase())}/`),
  categories: (): string => withBase('category/'),
  category: (category: Category | string): string => withBase(`category/${segment(category.toLowerCase())}/`),
  /** The page of a tool name found on several servers. */
  name: (nameSlug: string): string => withBase(`names/${segment(nameSlug)}/`),
  attacks: (): string => withBase('attacks/'),
  attack: (slug: string): string => withBase(`attacks/${segment(slug)}/`),
  doc: (slug: string): string => withBase(`docs/${segment(slug)}/`),
  changes: (): string => withBase('changes/'),
  policySchema: (): string => withBase('schema/policy.v1.json'),
  highlightCss: (): string => withBase('styles/highlight.css'),
  favicon: (): string => withBase('favicon.svg'),
  themeScript: (): string => withBase('theme.js'),
  sitemap: (): string => withBase('sitemap-index.xml'),
  llms: (): string => withBase('llms.txt'),
  serversApi: (): string => withBase('api/servers.json'),
  pagefind: (): string => withBase('pagefind/pagefind.js'),
} as const;

/** An absolute URL for canonical links, JSON-LD and llms.txt. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl).href;
}
