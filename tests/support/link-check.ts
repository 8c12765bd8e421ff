/**
 * Finds broken internal links in a built site: every href, src, srcset, poster and form
 * action of every .html file that points into the site must name a file the site has, and
 * every #fragment must name an element of the page it points into.
 *
 * Built for a site of some 110,000 files: one directory walk gives the set of files, the
 * pages are read a bounded number at a time and scanned with regular expressions (no DOM),
 * and each distinct URL is resolved once.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

export interface LinkCheckOptions {
  /** The BASE_PATH the site was built with: internal links must start with it. */
  basePath?: string;
  /**
   * The site's own origin (Astro's `site`, as in canonical links): absolute URLs on it
   * are checked like internal ones. Without it every http(s) URL counts as external.
   */
  site?: string;
  /** Pages read at once. */
  concurrency?: number;
}

export interface BrokenLink {
  /** The page the link is on, as a site path. */
  page: string;
  /** The attribute's value, as written. */
  href: string;
  /** What it resolved to: a site path, with its fragment when that is what is missing. */
  target: string;
  reason: string;
}

export interface LinkCheckReport {
  pages: number;
  files: number;
  /** Links to pages and files of the site, fragments included, counted once per page. */
  links: number;
  /** Distinct files those links point to. */
  targets: number;
  broken: BrokenLink[];
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export async function listFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(dist.length + 1);
    files.push(sep === '/' ? path : path.split(sep).join('/'));
  }
  return files;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex?: string, decimal?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(Number(decimal));
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
  });
}

const ATTRIBUTES = String.raw`((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?)*)`;
/**
 * In one pass: a comment (skipped: it links nothing), a script or style element (its
 * attributes kept, its body skipped: it holds no markup), or any other start tag, its
 * attributes kept whole even when a quoted value holds a `>`.
 */
const MARKUP = new RegExp(
  String.raw`<!--[\s\S]*?-->|<(script|style)\b${ATTRIBUTES}\s*>[\s\S]*?<\/\1\s*>|<([a-zA-Z][a-zA-Z0-9-]*)${ATTRIBUTES}\s*\/?>`,
  'gi',
);
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Cheap test that a tag's attributes hold anything worth parsing. */
const INTERESTING = /\b(?:href|src|srcset|poster|action|id|name)\s*=/i;
const LINK_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'action']);

export interface PageLinks {
  links: string[];
  ids: Set<string>;
  /** The href of a <base> element, which relative links resolve against. */
  base?: string;
}

/** The link targets and element ids of one page, attribute values decoded. */
export function extractLinks(html: string): PageLinks {
  const links: string[] = [];
  const ids = new Set<string>();
  let base: string | undefined;
  const markup = new RegExp(MARKUP);
  const attribute = new RegExp(ATTRIBUTE);
  for (let tag = markup.exec(html); tag; tag = markup.exec(html)) {
    const attributes = tag[2] ?? tag[4];
    if (!attributes || !INTERESTING.test(attributes)) continue;
    const element = (tag[1] ?? tag[3])!.toLowerCase();
    attribute.lastIndex = 0;
    for (let found = attribute.exec(attributes); found; found = attribute.exec(attributes)) {
      const name = found[1]!.toLowerCase();
      const raw = found[2] ?? found[3] ?? found[4];
      if (raw === undefined) continue;
      const value = decodeEntities(raw);
      if (name === 'id' || (name === 'name' && element === 'a')) {
        ids.add(value);
      } else if (name === 'href' && element === 'base') {
        base ??= value.trim();
      } else if (name === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) links.push(url);
        }
      } else if (LINK_ATTRIBUTES.has(name)) {
        // A form's action is empty or absent when it posts to its own page.
        if (name === 'action' && element !== 'form') continue;
        links.push(value.trim());
      }
    }
  }
  return { links, ids, base };
}

function normaliseBase(basePath: string | undefined): string {
  const base = basePath || '/';
  return `${base.startsWith('/') ? '' : '/'}${base}${base.endsWith('/') ? '' : '/'}`;
}

/** The URL path a file is served at: folders' index.html at the folder, with a trailing slash. */
export function fileUrl(file: string, basePath = '/'): string {
  const base = normaliseBase(basePath);
  if (file === 'index.html') return base;
  return base + (file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file);
}

const ORIGIN = 'http://link-check.invalid';
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The HTML standard scrolls to the top for an empty fragment and for #top when no element
 * has that id; anything else must name an element.
 */
function fragmentFound(fragment: string, ids: Set<string>): boolean {
  if (fragment === '' || ids.has(fragment)) return true;
  const decoded = safeDecode(fragment);
  return ids.has(decoded) || decoded.toLowerCase() === 'top';
}

type Resolved =
  | { kind: 'external' }
  | { kind: 'broken'; target: string; reason: string }
  | { kind: 'file'; file: string; path: string; fragment: string | undefined };

export async function checkLinks(dist: string, options: LinkCheckOptions = {}): Promise<LinkCheckReport> {
  const base = normaliseBase(options.basePath);
  const siteOrigin = options.site ? new URL(options.site).origin : undefined;
  const fileList = await listFiles(dist);
  const files = new Set(fileList);
  const pages = fileList.filter((file) => file.endsWith('.html'));
  const broken: BrokenLink[] = [];
  const targets = new Set<string>();
  let links = 0;
  /** Fragments other pages ask of a page: page file → fragment → where they were asked. */
  const wanted = new Map<string, Map<string, { page: string; href: string }[]>>();
  /** Resolutions by the URL they start from, so that shared navigation resolves once. */
  const cache = new Map<string, Resolved>();

  const resolve = (href: string, pageBase: string): Resolved => {
    let url: URL;
    if (SCHEME.test(href) || href.startsWith('//')) {
      if (!siteOrigin || !URL.canParse(href)) return { kind: 'external' };
      url = new URL(href);
      if (url.origin !== siteOrigin) return { kind: 'external' };
    } else {
      url = new URL(href, ORIGIN + pageBase);
    }
    const path = safeDecode(url.pathname);
    const fragment = url.hash ? url.hash.slice(1) : undefined;
    const where = url.pathname + url.hash;
    if (!path.startsWith(base)) {
      return path === base.slice(0, -1)
        ? { kind: 'broken', target: where, reason: `a folder: link to ${base} with its trailing slash` }
        : { kind: 'broken', target: where, reason: `outside the base path ${base}` };
    }
    const rest = path.slice(base.length);
    const file = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
    if (files.has(file)) return { kind: 'file', file, path: url.pathname, fragment };
    if (files.has(`${rest}/index.html`)) {
      return { kind: 'broken', target: where, reason: `a folder: link to ${url.pathname}/ with its trailing slash` };
    }
    return { kind: 'broken', target: where, reason: 'no such file in the built site' };
  };

  const checkPage = async (file: string): Promise<void> => {
    const page = fileUrl(file, base);
    const html = await readFile(join(dist, file), 'utf8');
    const found = extractLinks(html);
    const pageBase = found.base ? new URL(found.base, ORIGIN + page).pathname : page;
    const seen = new Set<string>();
    for (const href of found.links) {
      if (href === '' || seen.has(href)) continue;
      seen.add(href);
      if (href.startsWith('#')) {
        links += 1;
        if (!fragmentFound(href.slice(1), found.ids)) {
          broken.push({ page, href, target: page + href, reason: `no element with id "${safeDecode(href.slice(1))}" in this page` });
        }
        continue;
      }
      const relative = !href.startsWith('/') || href.startsWith('//');
      const key = relative ? `${pageBase}\u0000${href}` : href;
      let resolved = cache.get(key);
      if (!resolved) {
        resolved = resolve(href, pageBase);
        cache.set(key, resolved);
      }
      if (resolved.kind === 'external') continue;
      links += 1;
      if (resolved.kind === 'broken') {
        broken.push({ page, href, target: resolved.target, reason: resolved.reason });
        continue;
      }
      targets.add(resolved.file);
      if (resolved.fragment === undefined || !resolved.file.endsWith('.html')) continue;
      if (resolved.file === file) {
        if (!fragmentFound(resolved.fragment, found.ids)) {
          broken.push({ page, href, target: `${resolved.path}#${resolved.fragment}`, reason: `no element with id "${safeDecode(resolved.fragment)}" in this page` });
        }
        continue;
      }
      let fragments = wanted.get(resolved.file);
      if (!fragments) wanted.set(resolved.file, (fragments = new Map()));
      let askers = fragments.get(resolved.fragment);
      if (!askers) fragments.set(resolved.fragment, (askers = []));
      askers.push({ page, href });
    }
  };

  await pool(pages, options.concurrency ?? 32, checkPage);

  // Fragments into other pages are checked once all pages are read: few pages are the
  // target of one (the docs, mostly), so reading those again costs less than keeping
  // the ids of every page.
  await pool([...wanted.keys()], options.concurrency ?? 32, async (file) => {
    const { ids } = extractLinks(await readFile(join(dist, file), 'utf8'));
    for (const [fragment, askers] of wanted.get(file)!) {
      if (fragmentFound(fragment, ids)) continue;
      const target = `${fileUrl(file, base)}#${fragment}`;
      for (const { page, href } of askers) {
        broken.push({ page, href, target, reason: `no element with id "${safeDecode(fragment)}" in ${fileUrl(file, base)}` });
      }
    }
  });

  broken.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : a.href < b.href ? -1 : a.href > b.href ? 1 : 0));
  return { pages: pages.length, files: files.size, links, targets: targets.size, broken };
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/**
 * Broken links grouped by what they point to, most pages first, so that one bad link in
 * a layout reads as one line rather than as one per page.
 */
export function formatBroken(broken: BrokenLink[], examples = 3): string[] {
  const groups = new Map<string, BrokenLink[]>();
  for (const link of broken) {
    const key = `${link.target}\u0000${link.reason}`;
    const group = groups.get(key);
    if (group) group.push(link);
    else groups.set(key, [link]);
  }
  return [...groups.values()]
    .sort((a, b) => b.length - a.length)
    .map((group) => {
      const first = group[0]!;
      const pagesList = group.slice(0, examples).map((link) => `${link.page} (href="${link.href}")`).join(', ');
      const more = group.length > examples ? ` and ${group.length - examples} more` : '';
      return `${first.target}: ${first.reason}; linked from ${group.length} page(s): ${pagesList}${more}`;
    });
}
