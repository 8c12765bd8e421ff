// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { transformerStyleToClass } from '@shikijs/transformers';

// The site URL comes from the same environment variable the site configuration reads
// (src/config/site-config.ts validates it; this only feeds Astro's canonical URLs).
const site = process.env.SITE_URL || 'http://localhost:4321';

export default defineConfig({
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
  integrations: [mdx()],
});
