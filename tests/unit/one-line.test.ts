import { describe, expect, it } from 'vitest';
import { firstSentence, plainLine, shortenAtWord } from '../../src/catalogue/prose/one-line.ts';
import { legible } from '../../src/site/highlight.ts';

describe('the one-line summary of a description', () => {
  it('keeps the first sentence only', () => {
    expect(firstSentence('Read a file. Returns its contents.')).toBe('Read a file.');
    expect(firstSentence('Use v1.2.3 of the API. Then more')).toBe('Use v1.2.3 of the API.');
    expect(firstSentence('Create an issue\n\nArgs:\n  title: the title')).toBe('Create an issue');
    expect(firstSentence('Line one\nline two continues. Next')).toBe('Line one line two continues.');
  });

  it('flattens markup without interpreting it, and keeps identifiers whole', () => {
    expect(firstSentence('Create a **new** issue in a [GitHub](https://x.test) repo.')).toBe('Create a new issue in a GitHub repo.');
    expect(firstSentence('<b>Runs</b> `read_file` on __init__.py')).toBe('Runs read_file on __init__.py');
    expect(firstSentence('## Heading\nmore')).toBe('Heading more');
  });

  it('drops control and format characters (bidi overrides, zero-width)', () => {
    expect(firstSentence('Safe\u202Etxt.exe\u200B here\u0007.')).toBe('Safe txt.exe here .');
  });

  it('is empty for no description, and shortens at a word boundary', () => {
    expect(firstSentence(undefined)).toBe('');
    expect(firstSentence('   \n\t ')).toBe('');
    const long = firstSentence(`${'word '.repeat(60)}end.`, 40);
    expect([...long].length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/word…$/);
    expect(shortenAtWord('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(plainLine('a\n\n  b')).toBe('a b');
  });
});

describe('code colours', () => {
  const contrastWithWhite = (hex: string): number => {
    const l = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    const luminance = 0.2126 * l[0]! + 0.7152 * l[1]! + 0.0722 * l[2]!;
    return 1.05 / (luminance + 0.05);
  };

  it('raises a colour to 4.5:1 on its surface and leaves a legible one alone', () => {
    expect(contrastWithWhite('#E36209')).toBeLessThan(4.5);
    expect(contrastWithWhite(legible('#E36209', '#ffffff'))).toBeGreaterThanOrEqual(4.5);
    expect(legible('#24292E', '#ffffff')).toBe('#24292E');
  });
});
