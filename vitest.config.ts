import { defineConfig } from 'vitest/config';

/**
 * Five projects, by scenario: `unit` (the domain, fast), `corpus` (the domain over the
 * whole bundled catalogue or a synthetic one of 100,000 tools: seconds each on 2 cores, so
 * with timeouts of their own), `pipeline` (pull and capture against real HTTP and MCP
 * servers on 127.0.0.1), `build` (builds fixture catalogues with Astro and checks the
 * output), `e2e` (headless Chromium on a built site).
 */
// Every project: the temporary folders a test file made (built sites among them) go when it ends.
const setupFiles = ['tests/support/remove-temp-dirs.ts'];

export default defineConfig({
  test: {
    projects: [
      // Timeouts catch a hang, never measure speed (the benchmark does): on 2 shared cores a
      // unit test that spawns processes can wait well past vitest's default of 5 s.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], setupFiles, testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'corpus',
          include: ['tests/corpus/**/*.test.ts'],
          setupFiles,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'pipeline',
          include: ['tests/pipeline/**/*.test.ts'],
          setupFiles,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          setupFiles,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
