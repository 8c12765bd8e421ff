import { readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAttackPatterns } from '../../src/site/attack-pattern-files.ts';
import { tempDir } from '../support/temp-dir.ts';

const ATTACKS = resolve(import.meta.dirname, '../../content/attacks');

describe('attack patterns read without Astro', () => {
  it('reads every pattern of content/attacks with its slug and validated front matter', async () => {
    const patterns = await readAttackPatterns(ATTACKS);
    const files = (await readdir(ATTACKS)).filter((name) => name.endsWith('.mdx'));
    expect(patterns.map((pattern) => pattern.slug).sort()).toEqual(files.map((name) => name.replace(/\.mdx$/, '')).sort());
    const ssrf = patterns.find((pattern) => pattern.slug === 'ssrf')!;
    expect(ssrf.parameters).toContain('url');
    expect(ssrf.categories.length).toBeGreaterThan(0);
  });

  it('names the file and the field of bad front matter', async () => {
    const dir = await tempDir('attacks');
    await writeFile(join(dir, 'broken.mdx'), '---\ntitle: A pattern\nsummary: x\ncategories: ["Nonsense"]\nmitigations: ["m"]\nsources: [{title: t, url: "https://example.com"}]\n---\nBody\n');
    await expect(readAttackPatterns(dir)).rejects.toThrow(/broken\.mdx: field "categories\.0"/);
    await writeFile(join(dir, 'broken.mdx'), 'no front matter');
    await expect(readAttackPatterns(dir)).rejects.toThrow(/broken\.mdx: no front matter/);
  });
});
