/**
 * Quality gates on a site built from the minimal fixture, in headless Chromium, over one
 * or two pages of every kind: axe finds no accessibility violation in the light or the
 * dark theme, on a desktop or a phone; no page scrolls sideways on a 360 px wide phone; and
 * screenshots of the key pages at both widths, in both themes, land in a folder to look at.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildSite, ROOT } from '../support/build-site.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';
import { formatViolations, runAxe, type AxeFinding } from '../support/axe.ts';
import { keyPages, MISSING_PAGE, PAGE_TYPES, samplePages, type KeyPages, type SamplePages } from '../support/sample-pages.ts';

const THEMES = ['light', 'dark'] as const;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR ? resolve(process.env.SCREENSHOTS_DIR) : join(ROOT, 'screenshots');

let outDir: string;
let site: StaticSite;
let browser: Browser;
let samples: SamplePages;
let key: KeyPages;
/**
 * axe is injected as an inline script, which the site's CSP refuses: these contexts lift
 * the CSP. One per width, since what a phone gets differs (a label hidden, a menu folded).
 */
let axeContexts: { width: number; context: BrowserContext }[];
/** The site as a visitor gets it, CSP and all. */
let plainContext: BrowserContext;
let phoneContext: BrowserContext;

beforeAll(async () => {
  ({ outDir } = await buildSite('tests/fixtures/minimal.ndjson'));
  site = await serveStatic(outDir);
  samples = await samplePages(outDir);
  key = keyPages(samples);
  browser = await launchChromium();
  axeContexts = [];
  for (const viewport of [DESKTOP, PHONE]) {
    axeContexts.push({ width: viewport.width, context: await browser.newContext({ bypassCSP: true, viewport, deviceScaleFactor: 1 }) });
  }
  plainContext = await browser.newContext();
  phoneContext = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/**
 * Opens a page and waits until it is drawn as a visitor would see it: web fonts loaded
 * and, on the search page, the results that its script fetches after load.
 */
async function open(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const response = await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  const expected = path === MISSING_PAGE ? 404 : 200;
  if (response?.status() !== expected) problems.push(`${path}: answered ${response?.status()}, not ${expected}`);
  if (path.startsWith('/search/')) await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return problems;
}

describe('axe finds no accessibility violations', () => {
  it.each(PAGE_TYPES)('on %s pages, light and dark, at 1280 and 360 px', async (type) => {
    const paths = samples[type];
    expect(paths, `the built site has no ${type} page`).not.toHaveLength(0);
    const problems: string[] = [];

    // axe runs with the CSP lifted, which would also let through anything the CSP refuses
    // a visitor (an inline style, say): such a page is not the one axe would be checking.
    for (const path of paths) {
      const page = await plainContext.newPage();
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) =>
          seen.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
        );
      });
      problems.push(...(await open(page, path)));
      const refused = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      problems.push(...refused.map((what) => `${path}: breaks the site's Content-Security-Policy: ${what}`));
      await page.close();
    }

    const findings: AxeFinding[] = [];
    for (const { width, context } of axeContexts) {
      for (const theme of THEMES) {
        for (const path of paths) {
          const page = await context.newPage();
          await page.emulateMedia({ colorScheme: theme });
          await open(page, path);
          findings.push({ page: path, setting: `${theme} ${width}px`, violations: await runAxe(page) });
          await page.close();
        }
      }
    }
    problems.push(...formatViolations(findings));
    expect(problems).toEqual([]);
  });
});

interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  offenders: string[];
  count: number;
}

/**
 * Whether the page is wider than the window and, if so, which elements stick out of a
 * parent that fits: those are where the width comes from. Elements inside a box that
 * scrolls or clips sideways (a code block, a table wrapper) cannot widen the page.
 */
function measureOverflow(): Overflow | null {
  const root = document.documentElement;
  if (root.scrollWidth <= window.innerWidth) return null;
  const limit = window.innerWidth;
  const clipped = new Map<Element, boolean>();
  const insideScroller = (element: Element): boolean => {
    const parent = element.parentElement;
    if (!parent || parent === root || parent === document.body) return false;
    const known = clipped.get(parent);
    if (known !== undefined) return known;
    const result = getComputedStyle(parent).overflowX !== 'visible' || insideScroller(parent);
    clipped.set(parent, result);
    return result;
  };
  const found: { right: number; description: string }[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= limit) continue;
    const parent = element.parentElement;
    if (parent && parent !== root && parent.getBoundingClientRect().right > limit) continue;
    if (insideScroller(element)) continue;
    const id = element.id ? `#${element.id}` : '';
    const classes = [...element.classList].map((name) => `.${name}`).join('');
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    found.push({
      right: rect.right,
      description: `<${element.tagName.toLowerCase()}${id}${classes}> right ${Math.round(rect.right)}px, width ${Math.round(rect.width)}px "${text}"`,
    });
  }
  found.sort((a, b) => b.right - a.right);
  return { scrollWidth: root.scrollWidth, innerWidth: limit, offenders: found.slice(0, 10).map((item) => item.description), count: found.length };
}

describe('no page scrolls sideways at 360 px wide', () => {
  it.each(PAGE_TYPES)('on %s pages', async (type) => {
    const paths = samples[type];
    expect(paths, `the built site has no ${type} page`).not.toHaveLength(0);
    const problems: string[] = [];
    for (const path of paths) {
      const page = await phoneContext.newPage();
      problems.push(...(await open(page, path)));
      const overflow = await page.evaluate(measureOverflow);
      if (overflow) {
        problems.push(
          `${path}: ${overflow.scrollWidth}px wide in a ${overflow.innerWidth}px window; ` +
            `${overflow.count} element(s) stick out of a parent that fits, widest first: ${overflow.offenders.join('; ') || '(none found: look at margins and transforms)'}`,
        );
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});

const SIZES = [DESKTOP, PHONE];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The width and height in a PNG's header chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('screenshots of the key pages', () => {
  it.each(['tool', 'hub', 'home', 'search'] as const)(
    'of the %s page at 1280 and 360 px, light and dark',
    async (name) => {
      await mkdir(SCREENSHOTS_DIR, { recursive: true });
      const shots: { file: string; width: number; height: number }[] = [];
      for (const { width, height } of SIZES) {
        for (const theme of THEMES) {
          const file = join(SCREENSHOTS_DIR, `${name}-${width}-${theme}.png`);
          // A screenshot left by an earlier run must not pass for this one.
          await rm(file, { force: true });
          const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme: theme });
          const page = await context.newPage();
          await open(page, key[name]);
          await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
          await context.close();
          shots.push({ file, width, height });
        }
      }
      for (const shot of shots) {
        const size = pngSize(await readFile(shot.file));
        expect(size, `${shot.file} is not a PNG`).not.toBeNull();
        expect(size!.width, shot.file).toBeGreaterThanOrEqual(shot.width);
        expect(size!.height, shot.file).toBeGreaterThanOrEqual(shot.height);
      }
    },
  );
});
