import { describe, expect, it } from 'vitest';
import { legible } from '../../src/site/highlight.ts';

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
