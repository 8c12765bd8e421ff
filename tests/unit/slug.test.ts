import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify } from '../../src/catalogue/slug.ts';

describe('slugify', () => {
  it('follows the reference scheme: lower case, `_`, `.` and spaces become `-`', () => {
    expect(slugify('sam_local_invoke')).toBe('sam-local-invoke');
    expect(slugify('repo.delete_branch')).toBe('repo-delete-branch');
    expect(slugify('Summarize Detection')).toBe('summarize-detection');
    expect(slugify('getFileInfo')).toBe('getfileinfo');
  });

  it('never yields a path traversal, a dotfile or an empty segment', () => {
    expect(slugify('../../x')).toBe('x');
    expect(slugify('/etc/passwd')).toBe('etc-passwd');
    expect(slugify('.git')).toBe('git');
    expect(slugify('...')).toBe('tool');
    expect(slugify('')).toBe('tool');
    for (const name of ['../../x', '/etc/passwd', '.git', '%2e%2e', 'a\\b', 'é']) {
      expect(slugify(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('moves reserved names out of the way', () => {
    expect(slugify('index')).toBe('tool-index');
    expect(slugify('CON')).toBe('tool-con');
    expect(slugify('pagefind')).toBe('tool-pagefind');
  });
});

describe('assignSlugs', () => {
  it('gives each name of a server its own slug, the first by code point keeping the base', () => {
    const slugs = assignSlugs(['read_file', 'read-file', 'read.file']);
    expect(slugs.get('read-file')).toBe('read-file');
    expect(slugs.get('read.file')).toBe('read-file-2');
    expect(slugs.get('read_file')).toBe('read-file-3');
    expect(new Set(slugs.values()).size).toBe(3);
  });

  it('does not depend on the order the server listed its tools', () => {
    const names = ['a_b', 'A-B', 'a.b', 'a-b-2', 'c'];
    const forward = assignSlugs(names);
    const backward = assignSlugs([...names].reverse());
    expect([...backward].sort()).toEqual([...forward].sort());
  });

  it('skips a suffix that another tool already owns', () => {
    const slugs = assignSlugs(['a_b', 'a.b', 'a-b-2']);
    expect(slugs.get('a-b-2')).toBe('a-b-2');
    expect(slugs.get('a.b')).toBe('a-b');
    expect(slugs.get('a_b')).toBe('a-b-3');
  });
});
