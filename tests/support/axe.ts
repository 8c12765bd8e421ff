/**
 * axe-core in a Playwright page, with its violations as readable lines: page, rule, impact,
 * the element's selector, the themes and widths it fails in, and what axe says to fix.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type * as Axe from 'axe-core';

const require = createRequire(import.meta.url);

let source: Promise<string> | undefined;

/** axe's browser build, read once per test file. */
export function axeSource(): Promise<string> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string; html: string }[];
}

/**
 * Runs every rule axe enables by default (WCAG A and AA up to 2.2, and its best practices)
 * on the whole document. The page's own Content-Security-Policy refuses inline scripts,
 * so the page must come from a context opened with `bypassCSP: true`.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: await axeSource() });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof Axe }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        html: node.html.replace(/\s+/g, ' ').slice(0, 160),
      })),
    }));
  });
}

/** The violations axe found on one page in one setting (theme, width). */
export interface AxeFinding {
  page: string;
  setting: string;
  violations: AxeViolation[];
}

/**
 * One line per page, rule and element, naming every setting it fails in, so that a
 * failure says what to fix and where without repeating itself for each theme and width.
 */
export function formatViolations(findings: AxeFinding[]): string[] {
  const lines = new Map<string, { text: (settings: string) => string; settings: string[] }>();
  for (const { page, setting, violations } of findings) {
    for (const violation of violations) {
      for (const node of violation.nodes) {
        const key = `${page}\u0000${violation.rule}\u0000${node.target}`;
        const line = lines.get(key);
        if (line) {
          line.settings.push(setting);
          continue;
        }
        lines.set(key, {
          settings: [setting],
          text: (settings) =>
            `${page}: ${violation.rule} [${violation.impact}] ${violation.help} — at ${node.target} ${node.html} — in ${settings} — ${node.summary} (${violation.helpUrl})`,
        });
      }
    }
  }
  return [...lines.values()].map((line) => line.text(line.settings.join(', ')));
}
