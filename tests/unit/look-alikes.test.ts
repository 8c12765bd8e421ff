import { describe, expect, it } from 'vitest';
import { confusableScriptsOf, isMixedScript, LookAlikeIndex, skeleton } from '../../src/catalogue/poisoning/look-alikes.ts';

describe('look-alike names', () => {
  it('give names that only look the same one TR39 skeleton', () => {
    expect(skeleton('read_f\u0456le')).toBe(skeleton('read_file')); // Cyrillic і
    expect(skeleton('\u0440ay')).toBe(skeleton('pay')); // Cyrillic р
    expect(skeleton('delete_bran\u0441h')).toBe(skeleton('delete_branch')); // Cyrillic с
    expect(skeleton('read_file')).not.toBe(skeleton('read_files'));
    expect(skeleton('get_user')).not.toBe(skeleton('get_users'));
  });

  it('tell mixed-script names from single-script ones', () => {
    expect(confusableScriptsOf('read_f\u0456le')).toEqual(['Latin', 'Cyrillic']);
    expect(isMixedScript('read_file')).toBe(false);
    expect(isMixedScript('\u043f\u043e\u0438\u0441\u043a')).toBe(false); // all Cyrillic: an honest Russian name
    expect(isMixedScript('搜索_search')).toBe(false); // Han is not a confusable script here
  });

  it('find the other names of a skeleton, never the name itself', () => {
    const index = new LookAlikeIndex();
    for (const name of ['read_file', 'read_f\u0456le', 'write_file', 'read_file']) index.add(name);
    expect(index.lookAlikesOf('read_file')).toEqual(['read_f\u0456le']);
    expect(index.lookAlikesOf('read_f\u0456le')).toEqual(['read_file']);
    expect(index.lookAlikesOf('write_file')).toEqual([]);
    expect(index.lookAlikesOf('unknown')).toEqual([]);
  });
});
