/**
 * Open Graph cards: the SVG a card is drawn from (hostile names cleaned, fitted and
 * escaped), its PNG (1200x630, from sharp), the on-disk cache that spares a rebuild the
 * drawing, and the URLs pages point to.
 */
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cleanText,
  escapeXml,
  highestRisk,
  OG_CARD_HEIGHT,
  OG_CARD_WIDTH,
  ogAltForServer,
  ogImageDefault,
  ogImageForRisk,
  ogImageForServer,
  RISK_COLOURS,
  riskCardSvg,
  serverCardSvg,
  siteCardSvg,
  textWidth,
  truncateToWidth,
  wrapToWidth,
} from '../../src/site/og-card.ts';
import { cardKey, drawPng, pruneCardCache, renderCardPng } from '../../src/site/og-card-png.ts';
import { withBase } from '../../src/site/urls.ts';
import { tempDir } from '../support/temp-dir.ts';

const SITE = 'MCP Tool Policy Catalogue';
const mix = (Low: number, Medium: number, High: number, Critical: number) => ({ Low, Medium, High, Critical });

/** The text content of every `<text>` element, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) =>
    match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** The `<text>` elements with their x, font size and weight, for width checks. */
function textRuns(svg: string): { x: number; size: number; bold: boolean; text: string; anchor: string }[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((match) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(match[1]!)?.[1] ?? '';
    return {
      x: Number(attr('x')),
      size: Number(attr('font-size')),
      bold: attr('font-weight') === '700',
      anchor: attr('text-anchor') || 'start',
      text: texts(`<text >${match[2]}</text>`)[0]!,
    };
  });
}

describe('card text', () => {
  it('drops control, bidi, zero-width and separator characters and collapses white space', () => {
    expect(cleanText('a\u0000b\u202Ec\u200Bd\u2028e\t\n  f\uFEFF')).toBe('a b c d e f');
    expect(cleanText('  \n\t ')).toBe('');
  });

  it('keeps at most the code points asked for, and only looks at the start of a huge string', () => {
    expect([...cleanText('é'.repeat(1000), 10)]).toHaveLength(10);
    const started = performance.now();
    expect(cleanText('x'.repeat(5_000_000)).length).toBeLessThanOrEqual(400);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('escapes the XML special characters', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('cuts text to a width with an ellipsis, and leaves text that fits alone', () => {
    expect(truncateToWidth('Files', 500, 40, 'bold')).toBe('Files');
    const cut = truncateToWidth('W'.repeat(100), 500, 40, 'bold');
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 40, 'bold')).toBeLessThanOrEqual(500);
    // As long as fits: one more letter would not.
    expect(textWidth(`${cut.slice(0, -1)}W…`, 40, 'bold')).toBeGreaterThan(500);
  });

  it('never cuts inside a grapheme: an accent stays on its letter, an emoji sequence whole', () => {
    const accents = 'e\u0301'.repeat(200);
    const cut = truncateToWidth(accents, 300, 40, 'regular');
    expect(cut.slice(0, -1)).toMatch(/^(?:e\u0301)+$/);
    const family = '👨‍👩‍👧'.repeat(50);
    expect(truncateToWidth(family, 300, 40, 'regular').slice(0, -1)).toMatch(/^(?:👨‍👩‍👧)+$/u);
  });

  it('counts wide scripts a full em, so CJK text is cut sooner than Latin', () => {
    expect(textWidth('文件系统', 10, 'regular')).toBe(40);
    expect(textWidth('abcd', 10, 'regular')).toBeLessThan(40);
  });

  it('wraps between words into at most the lines asked for, each within the width', () => {
    const lines = wrapToWidth('Amazon Web Services Serverless Application Model Command Line Interface Server', 600, 64, 'bold', 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Amazon Web');
    expect(lines[0]!.endsWith(' ')).toBe(false);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(textWidth(line, 64, 'bold')).toBeLessThanOrEqual(600);
    // A single word longer than a line is broken inside it.
    const word = wrapToWidth('W'.repeat(80), 600, 64, 'bold', 2);
    expect(word).toHaveLength(2);
    for (const line of word) expect(textWidth(line, 64, 'bold')).toBeLessThanOrEqual(600);
  });
});

describe('a server card', () => {
  const hostile = `<script>alert(1)</script> & "Files" \u202Eevil\u202C\u0007 ${'very long name '.repeat(200)}`;

  it('escapes, cleans and fits a hostile name, and stays one well-formed SVG', async () => {
    const svg = serverCardSvg({ name: hostile, toolCount: 3, byRisk: mix(1, 1, 0, 1), siteName: SITE });
    expect(svg).not.toContain('<script');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202E]/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&amp; &quot;Files&quot; evil');
    expect(svg.match(/<svg /g)).toHaveLength(1);
    expect(texts(svg).some((text) => text.endsWith('…'))).toBe(true);
    // sharp (librsvg) refuses malformed XML: drawing it proves the escaping holds.
    const meta = await sharp(await drawPng(svg)).metadata();
    expect([meta.width, meta.height]).toEqual([OG_CARD_WIDTH, OG_CARD_HEIGHT]);
  });

  it('keeps every line of text inside the card', () => {
    for (const name of [hostile, 'W'.repeat(300), '文件'.repeat(200), 'x']) {
      const svg = serverCardSvg({ name, toolCount: 123_456, byRisk: mix(100_000, 20_000, 3_000, 456), siteName: 'S'.repeat(300) });
      for (const run of textRuns(svg)) {
        const width = textWidth(run.text, run.size, run.bold ? 'bold' : 'regular');
        const [left, right] = run.anchor === 'end' ? [run.x - width, run.x] : [run.x, run.x + width];
        expect(left, run.text).toBeGreaterThanOrEqual(0);
        expect(right, run.text).toBeLessThanOrEqual(OG_CARD_WIDTH);
      }
    }
  });

  it('shows the tool count and the count of each risk, and the site name', () => {
    const svg = serverCardSvg({ name: 'Example Files', toolCount: 1234, byRisk: mix(1000, 200, 30, 4), siteName: SITE });
    const shown = texts(svg);
    expect(shown).toEqual(expect.arrayContaining(['Example Files', '1,234 tools, by risk:', '1,000 Low', '200 Medium', '30 High', '4 Critical', SITE]));
  });

  it('draws the bar in the colour of the highest risk present', () => {
    const bar = (svg: string) => /<rect x="0" y="0" width="\d+" height="630" fill="([^"]+)"/.exec(svg)?.[1];
    expect(bar(serverCardSvg({ name: 'a', toolCount: 2, byRisk: mix(1, 0, 1, 0), siteName: SITE }))).toBe(RISK_COLOURS.High);
    expect(bar(serverCardSvg({ name: 'a', toolCount: 1, byRisk: mix(1, 0, 0, 0), siteName: SITE }))).toBe(RISK_COLOURS.Low);
    expect(bar(serverCardSvg({ name: 'a', toolCount: 9, byRisk: mix(1, 2, 3, 3), siteName: SITE }))).toBe(RISK_COLOURS.Critical);
  });

  it('claims no risk for a server without tools', () => {
    expect(highestRisk(mix(0, 0, 0, 0))).toBeUndefined();
    const svg = serverCardSvg({ name: 'Empty', toolCount: 0, byRisk: mix(0, 0, 0, 0), siteName: SITE });
    expect(texts(svg)).toContain('No tools listed');
    expect(svg).not.toContain('Highest risk');
    for (const colour of Object.values(RISK_COLOURS)) expect(svg).not.toContain(colour);
  });

  it('names an unnamed server rather than drawing nothing', () => {
    expect(texts(serverCardSvg({ name: '\u200B\u202E', toolCount: 1, byRisk: mix(1, 0, 0, 0), siteName: SITE }))).toContain('Unnamed server');
  });
});

describe('risk and site cards', () => {
  it('a risk card names its risk, its counts, in its colour', () => {
    const svg = riskCardSvg({ risk: 'Critical', toolCount: 5234, serverCount: 1, siteName: SITE });
    expect(texts(svg)).toEqual(expect.arrayContaining(['Critical risk', '5,234 tools on 1 server']));
    expect(svg).toContain(RISK_COLOURS.Critical);
    expect(svg).not.toContain(RISK_COLOURS.Low);
  });

  it('the site card shows the site name and the counts, with all four risk colours', () => {
    const svg = siteCardSvg({ siteName: SITE, toolCount: 10, serverCount: 2, byRisk: mix(4, 3, 2, 1) });
    expect(texts(svg)).toEqual(expect.arrayContaining([SITE, '2 servers, 10 tools, by risk:']));
    for (const colour of Object.values(RISK_COLOURS)) expect(svg).toContain(colour);
  });
});

describe('card URLs and alt text', () => {
  it('point under the base path, one image per server, per risk and for the site', () => {
    expect(ogImageForServer('files')).toBe(withBase('og/servers/files.png'));
    expect(ogImageForServer('a b')).toBe(withBase('og/servers/a%20b.png'));
    expect(ogImageForRisk('Critical')).toBe(withBase('og/critical.png'));
    expect(ogImageDefault()).toBe(withBase('og/default.png'));
  });

  it('describe the card in words, without control characters', () => {
    expect(ogAltForServer({ name: 'Files\u202E', toolCount: 4, byRisk: mix(2, 1, 0, 1) })).toBe(
      'Files: MCP server with 4 tools; by risk 2 Low, 1 Medium, 0 High, 1 Critical.',
    );
  });
});

describe('the PNG cache', () => {
  let cacheDir: string;
  const svg = serverCardSvg({ name: 'Cache test', toolCount: 1, byRisk: mix(1, 0, 0, 0), siteName: SITE });

  beforeEach(async () => {
    cacheDir = await tempDir('og-cache');
  });

  it('draws a 1200x630 PNG and stores it under the hash of its SVG', async () => {
    const png = await renderCardPng(svg, { cacheDir });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    expect(await readdir(cacheDir)).toEqual([`${cardKey(svg)}.png`]);
    expect(await readFile(join(cacheDir, `${cardKey(svg)}.png`))).toEqual(png);
  });

  it('serves a card drawn before from the cache, without drawing it again', async () => {
    // A different, valid PNG under the card's key: only a cache read can return it.
    const stand = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer();
    await writeFile(join(cacheDir, `${cardKey(svg)}.png`), stand);
    expect(await renderCardPng(svg, { cacheDir })).toEqual(stand);
  });

  it('draws again over a cache entry that is not a PNG', async () => {
    await writeFile(join(cacheDir, `${cardKey(svg)}.png`), 'not a png');
    const png = await renderCardPng(svg, { cacheDir });
    expect((await sharp(png).metadata()).width).toBe(1200);
    expect(await readFile(join(cacheDir, `${cardKey(svg)}.png`))).toEqual(png);
  });

  it('gives every concurrent caller the same card and leaves no temporary file', async () => {
    const pngs = await Promise.all(Array.from({ length: 6 }, () => renderCardPng(svg, { cacheDir })));
    for (const png of pngs) expect(png).toEqual(pngs[0]);
    expect(await readdir(cacheDir)).toEqual([`${cardKey(svg)}.png`]);
  });

  it('keys cards by their SVG: another card is another entry', async () => {
    const other = serverCardSvg({ name: 'Cache test', toolCount: 2, byRisk: mix(2, 0, 0, 0), siteName: SITE });
    expect(cardKey(other)).not.toBe(cardKey(svg));
    await renderCardPng(svg, { cacheDir });
    await renderCardPng(other, { cacheDir });
    expect(await readdir(cacheDir)).toHaveLength(2);
  });

  it('still returns the card when the cache cannot be written', async () => {
    const blocked = join(cacheDir, 'file');
    await writeFile(blocked, '');
    const png = await renderCardPng(svg, { cacheDir: join(blocked, 'cache') });
    expect((await sharp(png).metadata()).height).toBe(630);
  });

  it('prunes cards unused for the given days and orphaned temporary files, nothing else', async () => {
    const now = Date.now();
    const old = new Date(now - 40 * 24 * 3600 * 1000);
    const names = { stale: `${'a'.repeat(64)}.png`, fresh: `${'b'.repeat(64)}.png`, orphan: 'x.png.1.tmp', other: 'README' };
    for (const name of Object.values(names)) await writeFile(join(cacheDir, name), '');
    for (const name of [names.stale, names.orphan, names.other]) await utimes(join(cacheDir, name), old, old);
    expect(await pruneCardCache(cacheDir, 30, now)).toBe(2);
    expect((await readdir(cacheDir)).sort()).toEqual([names.other, names.fresh].sort());
    expect(await pruneCardCache(join(cacheDir, 'missing'))).toBe(0);
  });
});
