/**
 * Shiki, with styles turned into classes so that pages carry no inline style (the
 * Content-Security-Policy forbids them). Class names are hashes of the style, so the
 * editorial pages (highlighted by Astro's own Shiki with the same transformer and
 * theme) and this module agree on them.
 */
import { createHighlighter, type Highlighter } from 'shiki';
import { transformerStyleToClass } from '@shikijs/transformers';

export const SHIKI_THEME = 'github-light';
/** The dark theme's colours for the same tokens, for the site's dark theme. */
const SHIKI_DARK_THEME = 'github-dark';
const LANGUAGES = ['json', 'bash', 'typescript'] as const;
type Language = (typeof LANGUAGES)[number];

const transformer = transformerStyleToClass({ classPrefix: 'sk-' });
let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [SHIKI_THEME, SHIKI_DARK_THEME], langs: [...LANGUAGES] });
  return highlighter;
}

export async function highlight(code: string, lang: Language = 'json'): Promise<string> {
  return (await getHighlighter()).codeToHtml(code, { lang, theme: SHIKI_THEME, transformers: [transformer] });
}

/** Samples with every token kind of the languages the site highlights. */
const SAMPLES: Record<Language, string> = {
  json: '{"version": "1", "n": 10, "f": 1.5, "t": true, "f2": false, "z": null, "a": ["x"], "o": {"k": "v"}}',
  bash: '# comment\nnpm run catalogue -- pull "https://example.com/c.ndjson" --out ./x && echo $HOME | grep -v x > /dev/null',
  typescript: '// comment\nimport { z } from "zod";\nexport const n: number = 1 + 2;\nfunction f(a: string): boolean { return a === `x${n}`; }\nclass A extends B {}',
};

/**
 * The light theme's colour of each token mapped to the dark theme's colour of the same
 * token. Pages carry light classes only (their bytes match Shiki's, see
 * highlight-json.ts), so dark mode recolours those classes instead of doubling them.
 */
function darkColours(instance: Highlighter): Map<string, string> {
  const colours = new Map<string, string>();
  for (const lang of LANGUAGES) {
    const lines = instance.codeToTokensWithThemes(SAMPLES[lang], { lang, themes: { light: SHIKI_THEME, dark: SHIKI_DARK_THEME } });
    for (const token of lines.flat()) {
      const light = token.variants.light?.color?.toLowerCase();
      const dark = token.variants.dark?.color;
      if (light && dark && !colours.has(light)) colours.set(light, dark);
    }
  }
  return colours;
}

/** The page surfaces code sits on, in each theme (--surface in global.css). */
const SURFACE = { light: '#ffffff', dark: '#161b22' } as const;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

/**
 * The theme's colour, moved towards the text colour until it reads at 4.5:1 on the
 * surface (WCAG AA): both GitHub themes give comments and some tokens less than that.
 */
export function legible(colour: string, surface: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return colour;
  const target = luminance(surface) > 0.5 ? 0 : 255;
  let current = colour;
  for (let step = 1; contrast(current, surface) < 4.5 && step <= 20; step++) {
    current = `#${[1, 3, 5]
      .map((at) => Math.round(parseInt(colour.slice(at, at + 2), 16) + ((target - parseInt(colour.slice(at, at + 2), 16)) * step) / 20))
      .map((channel) => channel.toString(16).padStart(2, '0'))
      .join('')}`;
  }
  return current;
}

/** Every `color:` of a rule made legible on the light surface. */
function legibleLight(css: string): string {
  return css.replace(/(^|[{;])color:(#[0-9a-fA-F]{6})/g, (_, before: string, colour: string) => `${before}color:${legible(colour, SURFACE.light)}`);
}

/** The same rules with each colour swapped for its dark twin, under the dark theme's selectors. */
function darkRules(css: string, colours: Map<string, string>): string {
  const rules = [...css.matchAll(/\.(sk-[\w-]+)\{([^}]*)\}/g)].flatMap(([, name, body]) => {
    const declarations = body!
      .split(';')
      .filter((declaration) => declaration.startsWith('color:'))
      .map((declaration) => colours.get(declaration.slice('color:'.length).trim().toLowerCase()))
      .filter((colour): colour is string => colour !== undefined);
    return declarations.length > 0 ? [`.${name}{color:${legible(declarations[0]!, SURFACE.dark)}}`] : [];
  });
  const scoped = (prefix: string): string => rules.map((rule) => `${prefix} ${rule}`).join('');
  return `${scoped(':root[data-theme="dark"]')}@media (prefers-color-scheme: dark){${scoped(':root:not([data-theme="light"])')}}`;
}

/** The stylesheet for every class the highlighter can produce for the site's languages, in both themes. */
export async function highlightStylesheet(): Promise<string> {
  const instance = await getHighlighter();
  const sheet = transformerStyleToClass({ classPrefix: 'sk-' });
  for (const lang of LANGUAGES) {
    instance.codeToHtml(SAMPLES[lang], { lang, theme: SHIKI_THEME, transformers: [sheet] });
  }
  const css = sheet.getCSS();
  return `${legibleLight(css)}\n${darkRules(css, darkColours(instance))}\n`;
}
