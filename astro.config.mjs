// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { transformerStyleToClass } from '@shikijs/transformers';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHeadersFile } from './src/site/headers-file.ts';
import { SYNCED_MESSAGE } from './src/site/shard.ts';

/**
 * Writes the paths of the pages this build rendered to `.pages.txt` in the output
 * folder, one a line (`/tools/x/`, under the base): the sitemap is made from these lists (scripts/build/sitemap.ts),
 * the same for a whole build and for shards merged, without walking 500,000 files.
 */
/** @type {import('astro').AstroIntegration} */
const pageList = {
  name: 'page-list',
  hooks: {
    'astro:build:done': async ({ dir, pages }) => {
      // With a leading slash, so that the home page ('') is a line too.
      const lines = pages.map((page) => `/${page.pathname}`).sort();
      await writeFile(join(fileURLToPath(dir), '.pages.txt'), lines.length > 0 ? `${lines.join('\n')}\n` : '');
    },
  },
};

/**
 * Tells scripts/build.ts that this build is past its set-up: shards that build side by
 * side start one after another's set-up, since each rewrites the same `.astro` files
 * (scripts/build/render-shards.ts). `astro build` run by hand has no channel to the
 * script, and sends nothing.
 */
/** @type {import('astro').AstroIntegration} */
const syncedSignal = {
  name: 'synced-signal',
  hooks: {
    'astro:build:start': () => {
      if (process.connected) process.send?.(SYNCED_MESSAGE);
    },
  },
};

// The site URL comes from the same environment variable the site configuration reads
// (src/config/site-config.ts validates it; this only feeds Astro's canonical URLs).
const site = process.env.SITE_URL || 'http://localhost:4321';

// `astro preview` sends the headers the site deploys with (public/_headers); `astro dev`
// does not, since Vite's development client needs inline scripts the policy forbids.
const deployedHeaders = parseHeadersFile(readFileSync(new URL('./public/_headers', import.meta.url), 'utf8'));

export default defineConfig({
  server: ({ command }) => (command === 'preview' ? { headers: deployedHeaders } : {}),
  site,
  // A site served under a path (https://example.com/mcp-policies/): every link the pages
  // make goes through src/site/urls.ts, which reads the same value.
  base: process.env.BASE_PATH || '/',
  // Tests and the benchmark build into temporary folders; the default is Astro's own.
  outDir: process.env.OUT_DIR || './dist',
  // Shards that build side by side each get their own (scripts/build/astro-build.ts).
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External files only: the Content-Security-Policy allows no inline style or script.
    inlineStylesheets: 'never',
    // Pages rendered at once: rendering waits on file writes, so a few overlap well.
    concurrency: Number(process.env.BUILD_CONCURRENCY || 4),
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  markdown: {
    shikiConfig: {
      theme: 'github-light',
      // Classes instead of inline styles, for the same reason; src/site/highlight.ts
      // publishes the matching stylesheet.
      transformers: [transformerStyleToClass({ classPrefix: 'sk-' })],
    },
  },
  // The sitemap is written after the pages (scripts/build/sitemap.ts), so that a build
  // of shards merged has the same sitemap as one full build.
  integrations: [mdx(), pageList, syncedSignal],
});
