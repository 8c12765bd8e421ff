/**
 * Every policy shown anywhere on the site validates against the one schema: this covers
 * the examples in the editorial pages, which no generator produced.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySchema } from '../../src/catalogue/policy/schema.ts';

const CONTENT = join(import.meta.dirname, '../../content');

async function jsonBlocks(): Promise<{ where: string; code: string }[]> {
  const blocks: { where: string; code: string }[] = [];
  for (const folder of ['attacks', 'docs']) {
    for (const file of (await readdir(join(CONTENT, folder))).filter((name) => name.endsWith('.mdx')).sort()) {
      const text = await readFile(join(CONTENT, folder, file), 'utf8');
      [...text.matchAll(/```json\n([\s\S]*?)```/g)].forEach((match, index) =>
        blocks.push({ where: `content/${folder}/${file}, json block ${index + 1}`, code: match[1]! }),
      );
    }
  }
  return blocks;
}

describe('policies in the editorial pages', () => {
  it('are all valid policy.json version 1', async () => {
    const blocks = await jsonBlocks();
    const policies = blocks.filter(({ code }) => /"version"\s*:\s*"1"/.test(code));
    expect(policies.length).toBeGreaterThanOrEqual(12);
    for (const { where, code } of policies) {
      const result = policySchema.safeParse(JSON.parse(code));
      expect(result.success, `${where}: ${result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`).toBe(true);
    }
  });

  it('never use fields the schema does not have', async () => {
    for (const { where, code } of await jsonBlocks()) {
      expect(code, where).not.toMatch(/"(rate_limit|action|reason|effect)"\s*:/);
    }
  });
});
