import { describe, expect, it } from 'vitest';
import { splitName } from '../../src/catalogue/classify/split-name.ts';

describe('splitName', () => {
  it.each([
    ['delete_branch', ['delete', 'branch']],
    ['deleteBranch', ['delete', 'branch']],
    ['DeleteBranch', ['delete', 'branch']],
    ['delete-branch', ['delete', 'branch']],
    ['repo.delete', ['repo', 'delete']],
    ['SCREAMING_SNAKE_CASE', ['screaming', 'snake', 'case']],
    ['HTMLToMarkdown', ['html', 'to', 'markdown']],
    ['getS3Object', ['get', 's3', 'object']],
    ['API-get-user', ['api', 'get', 'user']],
    ['aws_s3_list_buckets', ['aws', 's3', 'list', 'buckets']],
    ['mcp__github__create_issue', ['mcp', 'github', 'create', 'issue']],
    ['k8sGetPods', ['k8s', 'get', 'pods']],
    ['base64Encode', ['base64', 'encode']],
    ['pdd.goods.recommend', ['pdd', 'goods', 'recommend']],
    ['read file', ['read', 'file']],
  ])('%s', (name, words) => {
    expect(splitName(name)).toEqual(words);
  });

  it('returns no words for non-strings and empty names', () => {
    expect(splitName('')).toEqual([]);
    expect(splitName(undefined)).toEqual([]);
    expect(splitName(42)).toEqual([]);
    expect(splitName({ toString: () => 'delete_all' })).toEqual([]);
    expect(splitName('___')).toEqual([]);
  });

  it('keeps letters of other scripts as words', () => {
    expect(splitName('获取_卡牌')).toEqual(['获取', '卡牌']);
    expect(splitName('obtenerUsuario')).toEqual(['obtener', 'usuario']);
  });

  it('bounds the work on a hostile name', () => {
    const words = splitName('a_'.repeat(100_000));
    expect(words.length).toBeLessThanOrEqual(128);
  });
});
