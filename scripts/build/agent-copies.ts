/**
 * The copies for agents of every tool (`<tool page>/index.html.md` and
 * `/api/tools/<server>/<tool>.json`, see src/site/agent-copies.ts), written after the
 * pages. As two Astro routes each tool's page model was computed twice more and each
 * file paid Astro's cost per route; here one model gives both files, and the servers are
 * split between processes that run side by side. Server copies, fewer and larger, stay
 * Astro routes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readAttackPatterns } from '../../src/site/attack-pattern-files.ts';
import { agentCopyUrls, jsonBody, toolJson, toolMarkdown } from '../../src/site/agent-copies.ts';
import { loadSiteData } from '../../src/site/site-data.ts';
import { toolPageModel } from '../../src/site/tool-page.ts';
import { fileOfSitePath, ROOT } from './paths.ts';

/** File writes in flight at once. */
const WRITES_IN_FLIGHT = 256;

/**
 * Writes the copies of the tools of this process's part of the servers (SHARD, as a page
 * shard is chosen: `2/4`, or the whole catalogue). Returns how many tools it wrote.
 */
export async function writeToolCopies(outDir: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const data = await loadSiteData(env);
  const attacks = await readAttackPatterns(join(ROOT, 'content/attacks'));
  const siteUrl = data.config.siteUrl;
  let written = 0;
  let pending: Promise<void>[] = [];
  const write = async (path: string, body: string): Promise<void> => {
    const file = fileOfSitePath(outDir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  };
  for (const server of data.index.servers) {
    if (!data.serverById.has(server.id)) continue;
    for (const entry of server.tools) {
      const model = toolPageModel(data, entry, attacks);
      pending.push(
        write(agentCopyUrls.toolMarkdown(entry.serverSlug, entry.slug), toolMarkdown(model, siteUrl)),
        write(agentCopyUrls.toolJson(entry.serverSlug, entry.slug), jsonBody(toolJson(model, siteUrl))),
      );
      written += 1;
      if (pending.length >= WRITES_IN_FLIGHT) {
        await Promise.all(pending);
        pending = [];
      }
    }
  }
  await Promise.all(pending);
  return written;
}

/** `node scripts/build/agent-copies.ts <outDir>` (SHARD=k/n for a part): prints the count. */
if (import.meta.main) {
  console.log(JSON.stringify({ tools: await writeToolCopies(process.argv[2]!) }));
}
