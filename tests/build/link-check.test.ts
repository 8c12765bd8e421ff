/**
 * No broken internal link or #fragment in a site built from the minimal fixture, at the
 * root and under a base path; and the checker itself reports what it should on a small
 * hand-made site, so that a clean result means something.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../support/build-site.ts';
import { checkLinks, extractLinks, formatBroken, type BrokenLink } from '../support/link-check.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const SITE_URL = process.env.SITE_URL || 'http://localhost:4321';

describe('a site built from the minimal fixture', () => {
  it('has no broken internal link or fragment', async () => {
    const { outDir } = await buildSite('tests/fixtures/minimal.ndjson');
    const report = await checkLinks(outDir, { site: SITE_URL });
    expect(formatBroken(report.broken)).toEqual([]);
    // A checker that found no links would pass any site: every page links to several.
    expect(report.pages).toBeGreaterThan(40);
    expect(report.links).toBeGreaterThan(report.pages * 5);
    expect(report.targets).toBeGreaterThan(40);
  });

  it('has none either under a base path', async () => {
    const { outDir } = await buildSite('tests/fixtures/minimal.ndjson', { BASE_PATH: '/catalogue/' });
    const report = await checkLinks(outDir, { basePath: '/catalogue/', site: SITE_URL });
    expect(formatBroken(report.broken)).toEqual([]);
    expect(report.links).toBeGreaterThan(report.pages * 5);
  });
});

/** A small site with one of each kind of link, good and broken. */
const FILES: Record<string, string> = {
  'index.html': `<!DOCTYPE html><html><head>
    <link rel="stylesheet" href="/style.css"><link rel="canonical" href="https://example.org/">
    <script type="module" src="/missing.js"></script>
    <script>const template = '<a href="/only-in-a-script/">';</script>
  </head><body>
    <!-- <a href="/only-in-a-comment/"> -->
    <a href="#main">skip</a><a href="#nowhere">broken fragment</a><a href="#">top</a><a href="#top">top</a>
    <main id="main">
      <a href="/guide/">guide</a><a href="guide/">relative guide</a><a href="/guide">folder without slash</a>
      <a href="/guide/#setup">setup</a><a href="/guide/#gone">gone</a><a href="/#main">self</a>
      <a href="/missing/">missing page</a><a href="./missing-too/">missing, relative</a>
      <a href="/policy.json">policy</a><a href="/search/?q=read&amp;risk=High">search</a>
      <a href="https://example.com/elsewhere">external</a><a href="mailto:a@example.org">mail</a>
      <a href="data:text/plain,hi">data</a><a href="//cdn.example.net/x.js">protocol-relative</a>
      <a data-note="a > b" href="/caf%C3%A9/">encoded</a>
      <img src="/logo.png" srcset="/logo.png 1x, /logo@2x.png 2x" alt="">
      <form action="/nowhere/"></form>
    </main>
  </body></html>`,
  'guide/index.html': `<h2 id="setup">Setup</h2><a href="../">home</a><a href="../../../">above the root</a><img src="diagram.png" alt=""><a href="#setup">here</a>`,
  'search/index.html': '<h1>Search</h1>',
  'café/index.html': '<h1>Café</h1>',
  'policy.json': '{}',
  'style.css': '',
  'logo.png': '',
};

async function smallSite(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('link-check');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

const summary = (broken: BrokenLink[]) => broken.map(({ page, href, reason }) => ({ page, href, reason: reason.replace(/ .*/, '') }));

describe('the link checker', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await smallSite(FILES);
  });

  it('reports broken links and fragments, and only those', async () => {
    const report = await checkLinks(dir);
    expect(summary(report.broken)).toEqual([
      { page: '/', href: '#nowhere', reason: 'no' },
      { page: '/', href: './missing-too/', reason: 'no' },
      { page: '/', href: '/guide', reason: 'a' },
      { page: '/', href: '/guide/#gone', reason: 'no' },
      { page: '/', href: '/logo@2x.png', reason: 'no' },
      { page: '/', href: '/missing.js', reason: 'no' },
      { page: '/', href: '/missing/', reason: 'no' },
      { page: '/', href: '/nowhere/', reason: 'no' },
      { page: '/guide/', href: 'diagram.png', reason: 'no' },
    ]);
    const byHref = new Map(report.broken.map((link) => [link.href, link]));
    expect(byHref.get('#nowhere')!.reason).toBe('no element with id "nowhere" in this page');
    expect(byHref.get('/guide/#gone')!.reason).toBe('no element with id "gone" in /guide/');
    expect(byHref.get('/guide')!.reason).toBe('a folder: link to /guide/ with its trailing slash');
    expect(byHref.get('diagram.png')!.target).toBe('/guide/diagram.png');
  });

  it('checks absolute links to the site itself when told its origin', async () => {
    const report = await checkLinks(dir, { site: 'https://example.org' });
    expect(report.broken.map((link) => link.href)).toContain('/missing/');
    const canonical = await checkLinks(await smallSite({ 'index.html': '<link rel="canonical" href="https://example.org/gone/">' }), { site: 'https://example.org' });
    expect(summary(canonical.broken)).toEqual([{ page: '/', href: 'https://example.org/gone/', reason: 'no' }]);
  });

  it('holds links to the base path a site is built under', async () => {
    const based = await smallSite({
      'index.html': '<a href="/docs-site/guide/">in</a><a href="/guide/">outside</a><a href="guide/">relative</a><a href="/docs-site">base, no slash</a>',
      'guide/index.html': '<a href="../">up</a><a href="/docs-site/">home</a>',
    });
    const report = await checkLinks(based, { basePath: '/docs-site/' });
    expect(report.broken.map(({ page, href, reason }) => `${page} ${href}: ${reason}`)).toEqual([
      '/docs-site/ /docs-site: a folder: link to /docs-site/ with its trailing slash',
      '/docs-site/ /guide/: outside the base path /docs-site/',
    ]);
  });

  it('reads attribute values in any quoting, with entities decoded', () => {
    const { links, ids } = extractLinks(
      `<a href='/single/' id=plain><a HREF=/bare/><img src="/a&amp;b.png"><a name="legacy"></a><div title="x > y" id="after-gt"></div>`,
    );
    expect(links).toEqual(['/single/', '/bare/', '/a&b.png']);
    expect([...ids].sort()).toEqual(['after-gt', 'legacy', 'plain']);
  });

  it('exits 1 from the command line with the broken links printed, and 0 on a clean site', async () => {
    const script = join(ROOT, 'scripts/check-links.ts');
    const failure = await run(process.execPath, [script, dir]).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('/guide/#gone: no element with id "gone" in /guide/');
    expect(failure?.stdout).toMatch(/^9 broken link\(s\)/m);

    const clean = await smallSite({ 'index.html': '<a href="/ok/">ok</a>', 'ok/index.html': '<a href="../">home</a>' });
    const { stdout } = await run(process.execPath, [script, clean]);
    expect(stdout).toMatch(/^0 broken link\(s\); 2 internal links to 2 files, on 2 pages among 2 files/m);
  });
});
