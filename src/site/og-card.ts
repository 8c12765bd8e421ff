/**
 * Open Graph cards (the image a link preview shows) as SVG: one per server, one per risk
 * level and one for the site. Pure functions, no Astro: og-card-png.ts turns the SVG into
 * a PNG, and the routes under src/pages/og/ serve it.
 *
 * Server names come from third parties and may hold anything, so every string is cleaned
 * (control, bidi and zero-width characters dropped), cut to the width it has on the card
 * with an ellipsis, and escaped for XML. Widths are estimated from DejaVu Sans's advance
 * widths, the first font the card names, rounded up where a fallback font could be wider.
 */
import { RISKS, type Risk } from '../catalogue/schema/classification.ts';
import { withBase } from './urls.ts';

export const OG_CARD_WIDTH = 1200;
export const OG_CARD_HEIGHT = 630;
export const OG_CARD_TYPE = 'image/png';

export const RISK_COLOURS: Readonly<Record<Risk, string>> = {
  Low: '#1a7f37',
  Medium: '#9a6700',
  High: '#bc4c00',
  Critical: '#cf222e',
};

const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, sans-serif';
// One flat colour: a gradient made every PNG half as large again (flat runs are what PNG
// compresses best; the antialiased text is most of what is left).
const BACKGROUND = '#0b1b2e';
const TEXT = '#ffffff';
const TEXT_SOFT = '#d3deec';
const TEXT_MUTED = '#8ea4bf';
const RULE = '#24405f';

/** Left edge of the text, right of the risk bar. */
const LEFT = 96;
const RIGHT = 80;
const CONTENT_WIDTH = OG_CARD_WIDTH - LEFT - RIGHT;
const BAR_WIDTH = 28;

/** Longest run of a string looked at: a card shows a few dozen characters at most. */
const MAX_INPUT_UNITS = 2000;

// ---------------------------------------------------------------------------
// URLs and alt text

export function ogImageForServer(serverSlug: string): string {
  return withBase(`og/servers/${encodeURIComponent(serverSlug)}.png`);
}

export function ogImageForRisk(risk: Risk): string {
  return withBase(`og/${risk.toLowerCase()}.png`);
}

export function ogImageDefault(): string {
  return withBase('og/default.png');
}

export function ogAltForServer(card: Pick<ServerCard, 'name' | 'toolCount' | 'byRisk'>): string {
  const mix = RISKS.map((risk) => `${card.byRisk[risk].toLocaleString('en-US')} ${risk}`).join(', ');
  return `${cleanText(card.name, 120) || 'Unnamed server'}: MCP server with ${plural(card.toolCount, 'tool')}; by risk ${mix}.`;
}

export function ogAltForRisk(risk: Risk, toolCount: number): string {
  return `${risk} risk: ${plural(toolCount, 'MCP tool')} rated ${risk}. ${RISK_TAGLINES[risk]}.`;
}

export function ogAltDefault(siteName: string): string {
  return `${cleanText(siteName, 120)}: risk classification and gateway policies for MCP tools.`;
}

// ---------------------------------------------------------------------------
// Text: cleaning, width, fitting, escaping

/**
 * `text` without what a card must not draw: control, format (bidi overrides, zero-width),
 * unpaired surrogate, non-character and line/paragraph separator code points; runs of
 * white space collapse to one space. At most `maxPoints` code points are kept.
 */
export function cleanText(text: string, maxPoints = 400): string {
  const head = text.length > MAX_INPUT_UNITS ? text.slice(0, MAX_INPUT_UNITS) : text;
  const clean = head
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const points = [...clean];
  return points.length <= maxPoints ? clean : points.slice(0, maxPoints).join('').trimEnd();
}

/** Escapes the five XML special characters; `text` is already free of characters XML forbids. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char]!);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export type Weight = 'regular' | 'bold';

/** Advance widths of ASCII 0x20-0x7E in DejaVu Sans, in hundredths of an em. */
const ASCII_ADVANCE: Record<Weight, readonly number[]> = {
  bold: [
    35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58,
    100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50,
    50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
  ],
  regular: [
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53,
    100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50,
    50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
  ],
};

/** Scripts drawn a full em wide: CJK, kana, Hangul, full-width forms, emoji. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F000}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const MARK = /^\p{M}$/u;

/** Width of one code point in ems: measured for ASCII, an upper bound for most other letters. */
function advance(point: string, weight: Weight): number {
  const code = point.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return ASCII_ADVANCE[weight][code - 0x20]! / 100;
  if (MARK.test(point)) return 0;
  if (WIDE.test(point)) return 1;
  // Latin, Greek, Cyrillic, Hebrew, Arabic letters are mostly 0.6-0.8 em; a few
  // (Cyrillic Ж, Ш) reach 1.2, which the margin right of the text absorbs.
  return weight === 'bold' ? 0.86 : 0.78;
}

/** Estimated width of `text` in pixels at `fontSize`. */
export function textWidth(text: string, fontSize: number, weight: Weight): number {
  let ems = 0;
  for (const point of text) ems += advance(point, weight);
  return ems * fontSize;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` if it fits in `maxWidth`, else its longest start that fits with an ellipsis
 * (cut between grapheme clusters, so an accent or emoji sequence stays whole).
 */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number, weight: Weight): string {
  if (textWidth(text, fontSize, weight) <= maxWidth) return text;
  const budget = maxWidth - textWidth('…', fontSize, weight);
  let width = 0;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    width += textWidth(segment, fontSize, weight);
    if (width > budget) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

/**
 * `text` in at most `maxLines` lines of `maxWidth`, broken between words; a word wider
 * than a line is broken inside. The last line ends with an ellipsis if text is left over.
 */
export function wrapToWidth(text: string, maxWidth: number, fontSize: number, weight: Weight, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest !== '' && lines.length < maxLines - 1) {
    const line = fittingStart(rest, maxWidth, fontSize, weight);
    lines.push(line.trimEnd());
    rest = rest.slice(line.length).trimStart();
  }
  if (rest !== '') lines.push(truncateToWidth(rest, maxWidth, fontSize, weight));
  return lines;
}

/** The longest start of `text` that fits, ending before a space when one is in reach. */
function fittingStart(text: string, maxWidth: number, fontSize: number, weight: Weight): string {
  if (textWidth(text, fontSize, weight) <= maxWidth) return text;
  let width = 0;
  let end = 0;
  let lastSpace = -1;
  for (const { segment, index } of graphemes.segment(text)) {
    width += textWidth(segment, fontSize, weight);
    if (width > maxWidth) break;
    if (segment === ' ') lastSpace = index;
    end = index + segment.length;
  }
  // Never an empty line: a first grapheme wider than the line is drawn anyway.
  if (end === 0) return [...text][0] ?? '';
  return lastSpace > 0 ? text.slice(0, lastSpace + 1) : text.slice(0, end);
}

/** "1 tool", "1,234 tools". */
function plural(n: number, singular: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : `${singular}s`}`;
}

// ---------------------------------------------------------------------------
// Drawing

interface TextRun {
  x: number;
  y: number;
  size: number;
  weight: Weight;
  fill: string;
  text: string;
  anchor?: 'start' | 'end' | 'middle';
  letterSpacing?: number;
}

/** One `<text>` element; `run.text` is plain (cleaned and fitted), escaped here. */
function textElement(run: TextRun): string {
  const attributes = [
    `x="${run.x}"`,
    `y="${run.y}"`,
    `font-family="${FONT_FAMILY}"`,
    `font-size="${run.size}"`,
    `font-weight="${run.weight === 'bold' ? 700 : 400}"`,
    `fill="${run.fill}"`,
    ...(run.anchor && run.anchor !== 'start' ? [`text-anchor="${run.anchor}"`] : []),
    ...(run.letterSpacing ? [`letter-spacing="${run.letterSpacing}"`] : []),
  ];
  return `<text ${attributes.join(' ')}>${escapeXml(run.text)}</text>`;
}

function svgDocument(body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_CARD_WIDTH}" height="${OG_CARD_HEIGHT}" viewBox="0 0 ${OG_CARD_WIDTH} ${OG_CARD_HEIGHT}">`,
    `<rect width="${OG_CARD_WIDTH}" height="${OG_CARD_HEIGHT}" fill="${BACKGROUND}"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function riskBar(risk: Risk): string {
  return `<rect x="0" y="0" width="${BAR_WIDTH}" height="${OG_CARD_HEIGHT}" fill="${RISK_COLOURS[risk]}"/>`;
}

/** A server without tools has no risk to show. */
function neutralBar(): string {
  return `<rect x="0" y="0" width="${BAR_WIDTH}" height="${OG_CARD_HEIGHT}" fill="${RULE}"/>`;
}

/** The site card's bar: the four risk colours, lowest at the bottom. */
function stackedRiskBar(): string {
  const height = OG_CARD_HEIGHT / RISKS.length;
  return [...RISKS]
    .reverse()
    .map((risk, i) => `<rect x="0" y="${i * height}" width="${BAR_WIDTH}" height="${height}" fill="${RISK_COLOURS[risk]}"/>`)
    .join('');
}

/** The small upper-case line above the title. */
function eyebrow(text: string): string {
  return textElement({ x: LEFT, y: 118, size: 26, weight: 'bold', fill: TEXT_MUTED, text: text.toUpperCase(), letterSpacing: 3 });
}

/** The rule and the site name at the foot of every card. */
function footer(siteName: string): string[] {
  const name = truncateToWidth(cleanText(siteName, 200), CONTENT_WIDTH, 28, 'bold');
  return [
    `<rect x="${LEFT}" y="528" width="${CONTENT_WIDTH}" height="2" fill="${RULE}"/>`,
    textElement({ x: LEFT, y: 584, size: 28, weight: 'bold', fill: TEXT_MUTED, text: name }),
  ];
}

/** Title sizes tried on one line, largest first, before the title wraps onto two lines. */
const TITLE_SIZES = [84, 76, 68] as const;
const TWO_LINE_SIZE = 64;

/**
 * A title as large as fits: one line at the largest size that holds it whole, else two
 * lines at a smaller size, the second cut with an ellipsis. Returns the elements and where
 * the block ends, for the lines below it.
 */
function title(text: string, top: number): { elements: string[]; bottom: number } {
  const clean = cleanText(text, 300);
  for (const size of TITLE_SIZES) {
    if (textWidth(clean, size, 'bold') <= CONTENT_WIDTH) {
      const y = top + size;
      return { elements: [textElement({ x: LEFT, y, size, weight: 'bold', fill: TEXT, text: clean })], bottom: y };
    }
  }
  const lines = wrapToWidth(clean, CONTENT_WIDTH, TWO_LINE_SIZE, 'bold', 2);
  const lineHeight = Math.round(TWO_LINE_SIZE * 1.15);
  const elements = lines.map((line, i) =>
    textElement({ x: LEFT, y: top + TWO_LINE_SIZE + i * lineHeight, size: TWO_LINE_SIZE, weight: 'bold', fill: TEXT, text: line }),
  );
  return { elements, bottom: top + TWO_LINE_SIZE + (lines.length - 1) * lineHeight };
}

/** A rounded label; `muted` draws an outline only, for a count of zero. */
function chip(x: number, y: number, size: number, label: string, colour: string, muted: boolean): { element: string; width: number } {
  const padding = Math.round(size * 0.7);
  const height = Math.round(size * 2);
  const width = Math.ceil(textWidth(label, size, 'bold')) + 2 * padding;
  const box = muted
    ? `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="14" fill="none" stroke="${RULE}" stroke-width="2"/>`
    : `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="14" fill="${colour}"/>`;
  const baseline = y + Math.round(height / 2 + size * 0.36);
  const text = textElement({ x: x + padding, y: baseline, size, weight: 'bold', fill: muted ? TEXT_MUTED : TEXT, text: label });
  return { element: `${box}${text}`, width };
}

/** Chip sizes tried, largest first: counts in the hundreds of thousands need the smaller ones. */
const CHIP_SIZES = [28, 24, 20, 17] as const;
const CHIP_GAP = 16;

function riskChips(byRisk: Readonly<Record<Risk, number>>, y: number): string[] {
  const labels = RISKS.map((risk) => `${byRisk[risk].toLocaleString('en-US')} ${risk}`);
  for (const size of CHIP_SIZES) {
    const elements: string[] = [];
    let x = LEFT;
    for (const [i, risk] of RISKS.entries()) {
      const { element, width } = chip(x, y, size, labels[i]!, RISK_COLOURS[risk], byRisk[risk] === 0);
      elements.push(element);
      x += width + CHIP_GAP;
    }
    if (x - CHIP_GAP <= LEFT + CONTENT_WIDTH || size === CHIP_SIZES.at(-1)) return elements;
  }
  return [];
}

/** The highest risk with at least one tool; none for a server that lists no tools. */
export function highestRisk(byRisk: Readonly<Record<Risk, number>>): Risk | undefined {
  return [...RISKS].reverse().find((risk) => byRisk[risk] > 0);
}

/** The line of counts and the four risk chips under it, from `top` (the line's baseline). */
function countsBlock(lead: string, toolCount: number, byRisk: Readonly<Record<Risk, number>>, top: number): string[] {
  const line = textElement({
    x: LEFT,
    y: top,
    size: 40,
    weight: 'regular',
    fill: TEXT_SOFT,
    text: toolCount === 0 ? (lead === '' ? 'No tools listed' : `${lead}no tools listed`) : `${lead}${plural(toolCount, 'tool')}, by risk:`,
  });
  return toolCount === 0 ? [line] : [line, ...riskChips(byRisk, top + 28)];
}

// ---------------------------------------------------------------------------
// Cards

export interface ServerCard {
  name: string;
  toolCount: number;
  byRisk: Readonly<Record<Risk, number>>;
  siteName: string;
}

export function serverCardSvg(card: ServerCard): string {
  const risk = highestRisk(card.byRisk);
  const heading = title(cleanText(card.name) || 'Unnamed server', 150);
  return svgDocument([
    risk ? riskBar(risk) : neutralBar(),
    eyebrow('MCP server'),
    ...(risk
      ? [textElement({ x: OG_CARD_WIDTH - RIGHT, y: 118, size: 26, weight: 'bold', fill: TEXT_SOFT, text: `Highest risk: ${risk}`, anchor: 'end' })]
      : []),
    ...heading.elements,
    ...countsBlock('', card.toolCount, card.byRisk, heading.bottom + 78),
    ...footer(card.siteName),
  ]);
}

/** What each risk level holds, in a few words (the browse pages say it at length). */
const RISK_TAGLINES: Readonly<Record<Risk, string>> = {
  Low: 'Tools that read and change nothing',
  Medium: 'Tools that change state, reversibly',
  High: 'Tools that run code and commands',
  Critical: 'Tools that destroy data or move money',
};

export interface RiskCard {
  risk: Risk;
  toolCount: number;
  serverCount: number;
  siteName: string;
}

export function riskCardSvg(card: RiskCard): string {
  const heading = title(`${card.risk} risk`, 150);
  return svgDocument([
    riskBar(card.risk),
    eyebrow('MCP tools by risk'),
    ...heading.elements,
    textElement({ x: LEFT, y: heading.bottom + 76, size: 40, weight: 'regular', fill: TEXT_SOFT, text: RISK_TAGLINES[card.risk] }),
    textElement({
      x: LEFT,
      y: heading.bottom + 140,
      size: 34,
      weight: 'bold',
      fill: TEXT_MUTED,
      text: `${plural(card.toolCount, 'tool')} on ${plural(card.serverCount, 'server')}`,
    }),
    ...footer(card.siteName),
  ]);
}

export interface SiteCard {
  siteName: string;
  toolCount: number;
  serverCount: number;
  byRisk: Readonly<Record<Risk, number>>;
}

export function siteCardSvg(card: SiteCard): string {
  const heading = title(cleanText(card.siteName) || 'MCP tools', 150);
  return svgDocument([
    stackedRiskBar(),
    eyebrow('Risk and gateway policy for MCP tools'),
    ...heading.elements,
    ...countsBlock(`${plural(card.serverCount, 'server')}, `, card.toolCount, card.byRisk, heading.bottom + 78),
  ]);
}
