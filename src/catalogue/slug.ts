/**
 * URL slugs, compatible with the reference site's scheme: a tool slug is its name
 * lower-cased with `_`, `.` and spaces turned into `-` (`sam_local_invoke` becomes
 * `sam-local-invoke`).
 *
 * Beyond that rule, because names are untrusted: any other character that is not
 * `[a-z0-9-]` also becomes `-`, runs of `-` collapse to one, leading and trailing `-` are
 * dropped, and a slug that is empty or a reserved word becomes `tool-<slug>` (or `tool`).
 * So no slug can traverse a path, hide as a dotfile, or shadow an index page.
 *
 * A hand-written rule rather than a slug library on purpose: libraries transliterate,
 * split camelCase and drop characters in ways that would break URL compatibility.
 */

/** Names that must never be a path segment of their own. */
const RESERVED = new Set([
  'index', 'con', 'prn', 'aux', 'nul',
  'com1', 'com2', 'com3', 'com4', 'com5', 'com6', 'com7', 'com8', 'com9',
  'lpt1', 'lpt2', 'lpt3', 'lpt4', 'lpt5', 'lpt6', 'lpt7', 'lpt8', 'lpt9',
  'pagefind', 'schema', 'api', '_astro',
]);

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return 'tool';
  return RESERVED.has(slug) ? `tool-${slug}` : slug;
}

/**
 * The URL slug of a server hub: its `slug`, else its id, through the same rule, so a
 * reserved id (`index`, `api`, ...) moves aside. Pulls, captures and the site all use
 * this one function to keep server slugs unique.
 */
export function serverSlugOf(server: { id: string; slug?: string | undefined }): string {
  return slugify(server.slug ?? server.id);
}

/**
 * Slugs for every tool name of one server, collisions resolved by a stable rule:
 * names that share a slug are sorted by code point; the first keeps the slug, each
 * next one gets `-2`, `-3`, ... skipping any slug another name already has.
 * The result does not depend on the order the server listed its tools.
 */
export function assignSlugs(names: readonly string[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const base = slugify(name);
    const group = groups.get(base);
    if (group) group.push(name);
    else groups.set(base, [name]);
  }
  const taken = new Set(groups.keys());
  const slugs = new Map<string, string>();
  for (const base of [...groups.keys()].sort()) {
    const group = groups.get(base)!.sort(compareCodePoints);
    slugs.set(group[0]!, base);
    let n = 2;
    for (const name of group.slice(1)) {
      while (taken.has(`${base}-${n}`)) n += 1;
      const slug = `${base}-${n}`;
      taken.add(slug);
      slugs.set(name, slug);
    }
  }
  return slugs;
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
