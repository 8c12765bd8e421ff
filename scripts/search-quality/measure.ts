/**
 * Runs query sets through a built site's real search page in headless Chromium, typing
 * each query into the search box as a person would, and measures: whether the target
 * comes back in the first 1, 3 and 5 results, and the time from the last keystroke to
 * the first results shown (the list's aria-busy turning false), once the index is loaded.
 */
import type { Browser, Page } from 'playwright-core';
import { identifierWords } from '../../src/site/search-document.ts';
import { QUERY_SETS, type Query, type QuerySet } from './query-sets.ts';

export interface SetFigures {
  queries: number;
  top1: number;
  top3: number;
  top5: number;
}

export interface QualityReport {
  sets: Record<QuerySet, SetFigures>;
  /** Milliseconds from the last keystroke to the first results, over every query. */
  medianMs: number;
  p95Ms: number;
  misses: Array<{ query: Query; got: string[] }>;
}

interface Shown {
  title: string;
  path: string;
}

async function resultsFor(page: Page, text: string): Promise<{ shown: Shown[]; ms: number }> {
  await page.fill('#search-query', '');
  await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false');
  const started = performance.now();
  await page.fill('#search-query', text);
  await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 30_000 });
  const ms = performance.now() - started;
  const shown = await page.locator('#search-results > li').evaluateAll((items) =>
    items.slice(0, 5).map((item) => {
      const link = item.querySelector('a');
      return { title: link?.querySelector('code')?.textContent ?? link?.textContent ?? '', path: link ? new URL(link.href).pathname : '' };
    }),
  );
  return { shown, ms };
}

/** Names repeat across servers and styles: `update_group` on one server is `updateGroup` on another. */
function sameName(a: string, b: string): boolean {
  return identifierWords(a).join('') === identifierWords(b).join('');
}

function rankOf(query: Query, shown: readonly Shown[]): number {
  const target = query.target;
  const index = shown.findIndex((result) =>
    target.kind === 'tool'
      ? sameName(result.title, target.name)
      : result.path === target.path || (target.name !== undefined && result.path.split('/').length === 4 && result.title === target.name),
  );
  return index < 0 ? Infinity : index + 1;
}

/** A run of words more than `k` names share: the first `k` results answer it if each contains it. */
function answersShared(query: Query, shown: readonly Shown[], k: number): boolean {
  if (query.sharedBy === undefined || query.sharedBy <= k || shown.length < k) return false;
  const run = identifierWords(query.text).join('');
  return shown.slice(0, k).every((result) => identifierWords(result.title).join('').includes(run));
}

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

export async function measureSearch(browser: Browser, origin: string, queries: readonly Query[]): Promise<QualityReport> {
  const page = await browser.newPage();
  await page.goto(`${origin}/search/`);
  // Load the index first: the figures are for a reader whose index is loaded.
  await resultsFor(page, queries[0]?.text ?? 'get');
  const sets = Object.fromEntries(QUERY_SETS.map((set) => [set, { queries: 0, top1: 0, top3: 0, top5: 0 }])) as Record<QuerySet, SetFigures>;
  const times: number[] = [];
  const misses: QualityReport['misses'] = [];
  for (const query of queries) {
    const { shown, ms } = await resultsFor(page, query.text);
    times.push(ms);
    const rank = rankOf(query, shown);
    const figures = sets[query.set];
    figures.queries += 1;
    // A hit within the first k is a hit within any larger k.
    const hits = [1, 3, 5].map((k) => rank <= k || answersShared(query, shown, k));
    const [top1, top3, top5] = [hits[0]!, hits[0]! || hits[1]!, hits[0]! || hits[1]! || hits[2]!];
    if (top1) figures.top1 += 1;
    if (top3) figures.top3 += 1;
    if (top5) figures.top5 += 1;
    else misses.push({ query, got: shown.map((result) => result.title) });
  }
  await page.close();
  return { sets, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), misses };
}

export function formatReport(report: QualityReport): string {
  const rate = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
  const lines = ['set           queries   top 1    top 3    top 5'];
  for (const set of QUERY_SETS) {
    const { queries, top1, top3, top5 } = report.sets[set];
    lines.push(`${set.padEnd(14)}${String(queries).padStart(7)}  ${rate(top1, queries).padStart(7)}  ${rate(top3, queries).padStart(7)}  ${rate(top5, queries).padStart(7)}`);
  }
  lines.push(`last keystroke to first results: median ${report.medianMs.toFixed(0)} ms, p95 ${report.p95Ms.toFixed(0)} ms`);
  return lines.join('\n');
}
