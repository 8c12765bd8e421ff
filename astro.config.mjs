// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
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
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External files only: the Content-Security-Policy allows no inline style or script.
    inlineStylesheets: 'never',
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
  integrations: [mdx(), sitemap()],
});
