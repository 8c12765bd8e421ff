/**
 * No catalogue can make a page heavier than PAGE_WEIGHT_CEILING: a build of the largest
 * values the schema admits (and more where it sets no bound), in characters that grow
 * when escaped, stays under it on every page, and shows the caps it applied.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_WEIGHT_CEILING } from '../../src/catalogue/display-caps.ts';
import { buildSite, type BuildResult } from '../support/build-site.ts';
import { writeOversizedCatalogue } from '../fixtures/oversized/generate.ts';
import { tempDir } from '../support/temp-dir.ts';

let site: BuildResult;

beforeAll(async () => {
  const dir = await tempDir('oversized');
  const catalogue = join(dir, 'oversized.ndjson');
  await writeOversizedCatalogue(catalogue);
  site = await buildSite(catalogue);
});

describe('a catalogue of oversized values', () => {
  it('builds every page under the page-weight ceiling', async () => {
    const pages = (await readdir(site.outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(4_000);
    const heavy: string[] = [];
    let heaviest = 0;
    for (const page of pages) {
      const { size } = await stat(join(site.outDir, page));
      heaviest = Math.max(heaviest, size);
      if (size > PAGE_WEIGHT_CEILING) heavy.push(`${page}: ${size} bytes`);
    }
    expect(heavy).toEqual([]);
    expect(heaviest).toBeGreaterThan(50_000);
  });

  it('says where it cut: parameters, tools of a hub, sources, and the server policy', async () => {
    const tool = await readFile(join(site.outDir, 'tools/oversized', (await readdir(join(site.outDir, 'tools/oversized'))).find((name) => name.startsWith('wide'))!, 'index.html'), 'utf8');
    expect(tool).toMatch(/The first 50 of the tool&#39;s 3001 parameters are listed|The first 50 of the tool's 3001 parameters are listed/);
    expect(tool).toContain('(first 20,000 of 1,000,000 characters)');
    const hub = await readFile(join(site.outDir, 'tools/many-tools/index.html'), 'utf8');
    expect(hub).toContain('The first 300 of 4000 tools are listed');
    expect(hub).toContain('The policy is too long to show here');
    const wideHub = await readFile(join(site.outDir, 'tools/oversized/index.html'), 'utf8');
    expect(wideHub).toContain('The first 20 of 2000 sources are listed');
    expect(wideHub).not.toContain('r'.repeat(1_000));
  });
});
