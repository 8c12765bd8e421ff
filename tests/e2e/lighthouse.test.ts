/**
 * Lighthouse, on its default mobile settings, on a tool page, a hub, the home page and
 * the search page with a query, from a site built from the minimal fixture: performance
 * at least 95, accessibility, best practices and SEO 100. One Chrome, one page at a time,
 * since the scores are measured.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result as LighthouseResult } from 'lighthouse';
import { buildSite } from '../support/build-site.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { CHROMIUM } from '../support/browser.ts';
import { keyPages, samplePages, type KeyPages } from '../support/sample-pages.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MINIMUM: Record<(typeof CATEGORIES)[number], number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

let outDir: string;
let site: StaticSite;
let chrome: chromeLauncher.LaunchedChrome;
let key: KeyPages;

beforeAll(async () => {
  ({ outDir } = await buildSite('tests/fixtures/minimal.ndjson'));
  site = await serveStatic(outDir);
  key = keyPages(await samplePages(outDir));
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  chrome?.kill();
  await site?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The elements an audit names (accessibility and SEO audits do), so a failure says where to look. */
function failingNodes(audit: LighthouseResult['audits'][string]): string {
  const items = (audit.details as { items?: { node?: { selector?: string; snippet?: string } }[] } | undefined)?.items ?? [];
  const nodes = items.flatMap((item) => (item.node ? [`${item.node.selector ?? '?'} ${item.node.snippet ?? ''}`.trim()] : []));
  if (nodes.length === 0) return '';
  return ` at ${nodes.slice(0, 5).join(', ')}${nodes.length > 5 ? ` and ${nodes.length - 5} more` : ''}`;
}

/** What cost a category its points: each audit that did not pass, with what Lighthouse measured. */
function lostPoints(lhr: LighthouseResult, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map(
      (audit) =>
        `${audit.id} (${Math.round(audit.score! * 100)}${audit.displayValue ? `, ${audit.displayValue}` : ''}): ${audit.title}${failingNodes(audit)}`,
    );
}

describe('Lighthouse on mobile', () => {
  it.each(['tool', 'hub', 'home', 'search'] as const)('scores the %s page 95+ for performance and 100 for the rest', async (name) => {
    const path = key[name];
    const result = await lighthouse(`${site.origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    const lhr = result!.lhr;
    expect(lhr.runtimeError, lhr.runtimeError?.message).toBeUndefined();
    const scores = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]));
    console.log(`${name} ${path}: ${CATEGORIES.map((category) => `${category} ${scores[category]}`).join(', ')}`);
    const failures = CATEGORIES.filter((category) => scores[category]! < MINIMUM[category]).map(
      (category) => `${path} ${category} ${scores[category]} < ${MINIMUM[category]}: ${lostPoints(lhr, category).join('; ') || 'no single audit failed'}`,
    );
    expect(failures).toEqual([]);
  });
});
