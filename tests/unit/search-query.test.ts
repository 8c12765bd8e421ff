/**
 * Names indexed in every naming style, and queries read the same way: the exact token,
 * the joined runs, one-edit typo correction against the name vocabulary.
 */
import { describe, expect, it } from 'vitest';
import { exactNameToken, identifierWords, toolSearchDocument, wordRuns } from '../../src/site/search-document.ts';
import { correctTypos, oneEditApart, planQuery } from '../../src/site/search-query.ts';
import { VocabularyBuilder } from '../../src/site/search-vocabulary.ts';

describe('identifier words', () => {
  it('split every naming style the same way', () => {
    for (const style of ['get_file_info', 'get-file-info', 'getFileInfo', 'GetFileInfo', 'get.file.info', 'get file info', 'GET_FILE_INFO']) {
      expect(identifierWords(style), style).toEqual(['get', 'file', 'info']);
      expect(exactNameToken(style), style).toBe('zznamegetfileinfozz');
    }
    expect(identifierWords('parseHTTPResponse')).toEqual(['parse', 'http', 'response']);
    expect(identifierWords('获取车站')).toEqual(['获取车站']);
  });

  it('index every run of two or more words, joined', () => {
    expect(wordRuns(['sam', 'local', 'invoke']).sort()).toEqual(['localinvoke', 'samlocal', 'samlocalinvoke']);
    const html = toolSearchDocument(
      { name: 'sam_local_invoke', serverName: 'AWS', serverId: 'aws', risk: 'High', category: 'Execute' } as never,
      { name: 'sam_local_invoke', description: 'Invokes a function.' } as never,
    );
    expect(html).toContain('localinvoke');
    expect(html).toContain('zznamesamlocalinvokezz');
  });
});

describe('a query', () => {
  it('is asked as the exact token, the words joined and the words apart', () => {
    expect(planQuery('local_invoke')).toEqual({ words: ['local', 'invoke'], exact: 'zznamelocalinvokezz', joined: 'localinvoke', spaced: 'local invoke' });
    expect(planQuery('invoke')).toMatchObject({ exact: 'zznameinvokezz', joined: undefined, spaced: 'invoke' });
    expect(planQuery('  ')).toMatchObject({ words: [], exact: undefined, spaced: '' });
  });
});

describe('typo correction', () => {
  it('finds words one edit apart', () => {
    expect(oneEditApart('regsiter', 'register')).toBe(true);
    expect(oneEditApart('registr', 'register')).toBe(true);
    expect(oneEditApart('registerr', 'register')).toBe(true);
    expect(oneEditApart('registar', 'register')).toBe(true);
    expect(oneEditApart('rgeistre', 'register')).toBe(false);
    expect(oneEditApart('register', 'register')).toBe(false);
  });

  it('corrects unknown words of five letters or more to the most used name word', () => {
    const builder = new VocabularyBuilder();
    for (const name of ['register_service', 'register_user', 'deregister_service', 'get_status', 'regimen_plan']) builder.add(name);
    const vocabulary = JSON.parse(builder.toJson());
    expect(vocabulary.words).toContain('register');
    expect(correctTypos(['regsiter', 'service'], vocabulary)).toEqual(['register', 'service']);
    expect(correctTypos(['register', 'servcie'], vocabulary)).toEqual(['register', 'service']);
    // Short words and known words are left alone; nothing to correct gives undefined.
    expect(correctTypos(['gte', 'status'], vocabulary)).toBeUndefined();
    expect(correctTypos(['xylophone'], vocabulary)).toBeUndefined();
  });
});
