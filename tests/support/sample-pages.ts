/**
 * A few pages of each kind the site has, picked from a built site: its sitemap (or, with
 * none, its folders) lists the pages, so samples follow the catalogue that was built
 * instead of slugs that a fixture happens to contain.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const PAGE_TYPES = [
  'home',
  'servers',
  'hub',
  'tool',
  'risk-index',
  'risk',
  'category-index',
  'category',
  'attacks-index',
  'attack',
  'docs',
  'names',
  'changes',
  'search',
  '404',
] as const;

export type PageType = (typeof PAGE_TYPES)[number];

export type SamplePages = Record<PageType, string[]>;

/** A URL that no page has: the static server answers it with 404.html, as a host would. */
export const MISSING_PAGE = '/no-such-page/at/all/';

/** Which kind of page a site path (without the base path) is, or undefined for files that are not pages. */
export function pageType(path: string): PageType | undefined {
  if (path === '/') return 'home';
  if (path === '/404.html') return '404';
  const parts = path.split('/').filter(Boolean);
  if (!path.endsWith('/')) return undefined;
  const [section, ...rest] = parts;
  switch (section) {
    case 'tools':
      return rest.length === 0 ? 'servers' : rest.length === 1 ? 'hub' : rest.length === 2 ? 'tool' : undefined;
    case 'risk':
      return rest.length === 0 ? 'risk-index' : 'risk';
    case 'category':
      return rest.length === 0 ? 'category-index' : 'category';
    case 'attacks':
      return rest.length === 0 ? 'attacks-index' : rest.length === 1 ? 'attack' : undefined;
    case 'docs':
      return rest.length === 1 ? 'docs' : undefined;
    case 'names':
      return rest.length === 1 ? 'names' : undefined;
    case 'changes':
      return rest.length === 0 ? 'changes' : undefined;
    case 'search':
      return rest.length === 0 ? 'search' : undefined;
    default:
      return undefined;
  }
}

function stripBase(path: string, basePath: string): string | undefined {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  if (base === '/') return path;
  return path.startsWith(base) ? `/${path.slice(base.length)}` : undefined;
}

async function sitemapPaths(dist: string, basePath: string): Promise<string[] | undefined> {
  const index = await readFile(join(dist, 'sitemap-index.xml'), 'utf8').catch(() => undefined);
  const files = index
    ? [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname.split('/').pop()!)
    : ['sitemap-0.xml'];
  const paths: string[] = [];
  for (const file of files) {
    const xml = await readFile(join(dist, file), 'utf8').catch(() => undefined);
    if (xml === undefined) continue;
    for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const path = stripBase(decodeURI(new URL(match[1]!.replaceAll('&amp;', '&')).pathname), basePath);
      if (path !== undefined) paths.push(path);
    }
  }
  return paths.length > 0 ? paths : undefined;
}

async function folderPaths(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true });
  return entries
    .map((entry) => entry.split('\\').join('/'))
    .filter((entry) => entry === 'index.html' || entry.endsWith('/index.html'))
    .map((entry) => `/${entry.slice(0, -'index.html'.length)}`)
    .sort();
}

function fileOf(dist: string, path: string): string {
  return path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
}

/**
 * How many candidates of one kind are weighed for "the largest": a catalogue of 100,000
 * tools would otherwise cost a stat per tool page for two samples.
 */
const SIZE_CANDIDATES = 400;

/**
 * The largest page of a kind has the longest names, descriptions and tables, which is
 * where layout and contrast go wrong first; the first keeps a typical one in the sample.
 */
async function pick(dist: string, paths: string[]): Promise<string[]> {
  if (paths.length <= 1) return paths;
  const candidates = paths.slice(0, SIZE_CANDIDATES);
  const sizes = await Promise.all(candidates.map((path) => stat(fileOf(dist, path)).then((info) => info.size, () => -1)));
  let largest = 0;
  for (let i = 1; i < candidates.length; i++) if (sizes[i]! > sizes[largest]!) largest = i;
  return largest === 0 ? [paths[0]!, paths[1]!] : [paths[0]!, candidates[largest]!];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The name a person would search for: the tool page's heading, or its slug's words. */
export async function toolName(dist: string, toolPath: string): Promise<string> {
  const html = await readFile(fileOf(dist, toolPath), 'utf8').catch(() => '');
  const heading = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1];
  const name = heading ? decodeEntities(heading.replace(/<[^>]+>/g, '')).trim() : '';
  return name || toolPath.split('/').filter(Boolean).pop()!.replaceAll('-', ' ');
}

export interface SampleOptions {
  /** The BASE_PATH the site was built with; paths come back without it. */
  basePath?: string;
}

/**
 * One or two site paths (without the base path) per kind of page. Search is sampled with
 * a query that finds the first sampled tool and without one; the 404 page both at its own
 * path and as a host serves it for a URL that has no page.
 */
export async function samplePages(dist: string, options: SampleOptions = {}): Promise<SamplePages> {
  const paths = (await sitemapPaths(dist, options.basePath ?? '/')) ?? (await folderPaths(dist));
  const byType = Object.fromEntries(PAGE_TYPES.map((type) => [type, [] as string[]])) as SamplePages;
  for (const path of paths) {
    const type = pageType(path);
    if (type) byType[type].push(path);
  }
  const samples = Object.fromEntries(PAGE_TYPES.map((type) => [type, [] as string[]])) as SamplePages;
  for (const type of PAGE_TYPES) {
    if (type === 'search' || type === '404') continue;
    samples[type] = await pick(dist, byType[type]);
  }
  const tool = samples.tool[0];
  if (byType.search.length > 0) {
    samples.search = tool ? [searchPath(await toolName(dist, tool)), '/search/'] : ['/search/'];
  }
  const has404 = await stat(join(dist, '404.html')).then(() => true, () => false);
  if (has404) samples['404'] = ['/404.html', MISSING_PAGE];
  return samples;
}

export function searchPath(query: string): string {
  return `/search/?q=${encodeURIComponent(query).replaceAll('%20', '+')}`;
}

/** The four pages that stand for the site in screenshots and Lighthouse runs. */
export interface KeyPages {
  tool: string;
  hub: string;
  home: string;
  search: string;
}

export function keyPages(samples: SamplePages): KeyPages {
  const first = (type: PageType, path?: string): string => {
    const found = path ?? samples[type][0];
    if (!found) throw new Error(`the built site has no ${type} page to sample`);
    return found;
  };
  return {
    tool: first('tool'),
    hub: first('hub'),
    home: first('home'),
    search: first('search', samples.search.find((path) => path.includes('?q='))),
  };
}
