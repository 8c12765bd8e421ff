/**
 * Node-only: the attack patterns' front matter read from content/attacks/ without Astro,
 * for build steps that run outside it. Validated by the schema the content collection
 * uses, so both readers see the same patterns; the slug is the file name, as Astro's glob
 * loader makes it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { AttackPatternSummary } from './attack-patterns.ts';
import { attackSchema } from './editorial-schemas.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export async function readAttackPatterns(directory: string): Promise<AttackPatternSummary[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.mdx')).sort();
  return Promise.all(
    files.map(async (name) => {
      const path = join(directory, name);
      const match = FRONT_MATTER.exec(await readFile(path, 'utf8'));
      if (!match) throw new Error(`${path}: no front matter`);
      const parsed = attackSchema.safeParse(parse(match[1]!));
      if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((issue) => `field "${issue.path.join('.')}": ${issue.message}`).join('; ')}`);
      return { slug: basename(name, '.mdx'), ...parsed.data };
    }),
  );
}
