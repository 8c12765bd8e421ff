/**
 * A catalogue that `pull` wrote builds whatever it is called (a pull always writes NDJSON,
 * and the site reads a file by its content), and a site built under a base path links
 * every page under that path.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../support/build-site.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const header = { format: 'mcp-tool-catalogue', version: '1' };
const provenance = [{ source: 'test', retrieved: '2026-12-01' }];
const source = [
  header,
  {
    id: 'inventory',
    name: 'Inventory',
    provenance,
    tools: [
      { name: 'list_items', description: 'Lists the items.', inputSchema: { type: 'object' } },
      { name: 'delete_item', description: 'Deletes one item.', inputSchema: { type: 'object', properties: { id: { type: 'string' } } } },
    ],
  },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

let dir: string;

async function pullInto(name: string): Promise<string> {
  const out = join(dir, name.replace(/\W/g, '_'), name);
  await run(process.execPath, [join(ROOT, 'scripts/catalogue.ts'), 'pull', join(dir, 'source.ndjson'), '--out', out, '--quiet'], { cwd: ROOT });
  return out;
}

beforeAll(async () => {
  dir = await tempDir('any-name');
  await writeFile(join(dir, 'source.ndjson'), source);
});

describe('a catalogue pulled under any name', () => {
  for (const name of ['x.json', 'catalogue']) {
    it(`builds when it is called ${name}`, async () => {
      const out = await pullInto(name);
      const site = await buildSite(out);
      expect(site.output).not.toMatch(/invalid JSON/);
      const html = await readFile(join(site.outDir, 'tools/inventory/delete-item/index.html'), 'utf8');
      expect(html).toContain('<code>delete_item</code>');
    });
  }
});

describe('a site under a base path', () => {
  it('links every page under the base', async () => {
    const out = await pullInto('catalogue.ndjson');
    const site = await buildSite(out, { BASE_PATH: '/policies/' });
    const tool = await readFile(join(site.outDir, 'tools/inventory/delete-item/index.html'), 'utf8');
    const hrefs = [...tool.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.filter((href) => !href.startsWith('/policies/'))).toEqual([]);
    expect(hrefs).toContain('/policies/tools/inventory/');
    expect(hrefs).toContain('/policies/category/destructive/');
    // The search index the pages load lives under the base too.
    expect(await readdir(join(site.outDir, 'pagefind'))).toContain('pagefind.js');
    const index = JSON.parse(await readFile(join(site.outDir, 'api/servers.json'), 'utf8')) as { servers: { url: string; policy: string }[] };
    expect(index.servers[0]).toMatchObject({ url: '/policies/tools/inventory/', policy: '/policies/tools/inventory/policy.json' });
  });
});
