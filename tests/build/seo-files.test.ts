/**
 * The files for crawlers and link previews, from a build of the minimal fixture as
 * `npm run build` makes it: robots.txt names the sitemap, every server has its Open Graph
 * card (a 1200x630 PNG), the site and each risk level have theirs; and in a sharded build
 * the site-wide cards come from the first shard only, so that shards merged hold one each.
 */
import { access, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOfServer } from '../../src/site/shard.ts';
import { buildSite, ROOT, type BuildResult } from '../support/build-site.ts';

const SITE_URL = 'https://policies.example.org';
const FIXTURE = 'tests/fixtures/minimal.ndjson';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RISK_CARDS = ['low', 'medium', 'high', 'critical'];

let site: BuildResult;
/** Where the second shard of a two-shard build went: a shard's folder must be inside the project. */
const shardDir = join(ROOT, `.build-seo-test-${process.pid}`);

const exists = (path: string) => access(path).then(() => true, () => false);

/** The server slugs of a built site: the folders under tools/ with a hub page. */
async function serverSlugs(outDir: string): Promise<string[]> {
  const entries = await readdir(join(outDir, 'tools'), { withFileTypes: true });
  const slugs: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await exists(join(outDir, 'tools', entry.name, 'index.html')))) slugs.push(entry.name);
  }
  return slugs.sort();
}

async function expectCard(path: string): Promise<void> {
  const png = await readFile(path);
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), path).toBe(true);
  const meta = await sharp(png).metadata();
  expect([meta.format, meta.width, meta.height], path).toEqual(['png', 1200, 630]);
}

beforeAll(async () => {
  site = await buildSite(FIXTURE, { SITE_URL });
});

afterAll(async () => {
  // A shard build keeps Astro's cache beside its output folder (scripts/build/astro-build.ts).
  await Promise.all([shardDir, `${shardDir}.astro-cache`].map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a whole build', () => {
  it('writes robots.txt that allows everything and names the absolute sitemap index', async () => {
    const robots = await readFile(join(site.outDir, 'robots.txt'), 'utf8');
    expect(robots).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap-index.xml\n`);
    expect(await exists(join(site.outDir, 'sitemap-index.xml'))).toBe(true);
  });

  it('draws a 1200x630 PNG card for every server, and none for servers that do not exist', async () => {
    const slugs = await serverSlugs(site.outDir);
    expect(slugs).toEqual(['aws-serverless', 'files', 'payments']);
    for (const slug of slugs) await expectCard(join(site.outDir, 'og', 'servers', `${slug}.png`));
    expect((await readdir(join(site.outDir, 'og', 'servers'))).sort()).toEqual(slugs.map((slug) => `${slug}.png`));
  });

  it('draws the site card and one card per risk level', async () => {
    for (const name of ['default', ...RISK_CARDS]) await expectCard(join(site.outDir, 'og', `${name}.png`));
  });

  it('draws different cards for different servers', async () => {
    const [a, b] = await Promise.all(['files', 'payments'].map((slug) => readFile(join(site.outDir, 'og', 'servers', `${slug}.png`))));
    expect(a!.equals(b!)).toBe(false);
  });

  it('keeps images and robots.txt out of the sitemap', async () => {
    const sitemaps = (await readdir(site.outDir)).filter((name) => /^sitemap-\d+\.xml$/.test(name));
    const text = (await Promise.all(sitemaps.map((name) => readFile(join(site.outDir, name), 'utf8')))).join('');
    expect(text).toContain(`${SITE_URL}/tools/files/`);
    expect(text).not.toMatch(/\.png|robots\.txt/);
  });

  it('does not warn about SITE_URL when it is set', () => {
    expect(site.output).not.toContain('SITE_URL is not set');
  });
});

describe('a shard other than the first, built without SITE_URL', () => {
  let slugs: string[];
  let output: string;

  beforeAll(async () => {
    slugs = await serverSlugs(site.outDir);
    // An empty value is an unset one, as the site configuration reads it.
    ({ output } = await buildSite(FIXTURE, { SITE_URL: '' }, ['--shard', '2/2', '--out', shardDir]));
  });

  it('warns once that every absolute URL will name localhost, and robots.txt does', async () => {
    expect(output.match(/SITE_URL is not set/g)).toHaveLength(1);
    expect(output).toContain('the sitemap will name http://localhost:4321');
    expect(await readFile(join(shardDir, 'robots.txt'), 'utf8')).toContain('Sitemap: http://localhost:4321/sitemap-index.xml\n');
  });

  it('draws the cards of its own servers only', async () => {
    const own = slugs.filter((slug) => shardOfServer(slug, 2) === 2);
    expect(own.length).toBeGreaterThan(0);
    const drawn = await readdir(join(shardDir, 'og', 'servers')).catch(() => [] as string[]);
    expect(drawn.sort()).toEqual(own.map((slug) => `${slug}.png`));
  });

  it('leaves the site and risk cards to the first shard', async () => {
    for (const name of ['default', ...RISK_CARDS]) expect(await exists(join(shardDir, 'og', `${name}.png`)), name).toBe(false);
  });
});
