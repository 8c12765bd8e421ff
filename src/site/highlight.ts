/**
 * Shiki, with styles turned into classes so that pages carry no inline style (the
 * Content-Security-Policy forbids them). Class names are hashes of the style, so the
 * editorial pages (highlighted by Astro's own Shiki with the same transformer and
 * theme) and this module agree on them.
 */
import { createHighlighter, type Highlighter } from 'shiki';
import { transformerStyleToClass } from '@shikijs/transformers';

export const SHIKI_THEME = 'github-light';
const LANGUAGES = ['json', 'bash', 'typescript'] as const;
type Language = (typeof LANGUAGES)[number];

const transformer = transformerStyleToClass({ classPrefix: 'sk-' });
let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [SHIKI_THEME], langs: [...LANGUAGES] });
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

/** The stylesheet for every class the highlighter can produce for the site's languages. */
export async function highlightStylesheet(): Promise<string> {
  const instance = await getHighlighter();
  const sheet = transformerStyleToClass({ classPrefix: 'sk-' });
  for (const lang of LANGUAGES) {
    instance.codeToHtml(SAMPLES[lang], { lang, theme: SHIKI_THEME, transformers: [sheet] });
  }
  return sheet.getCSS();
}
