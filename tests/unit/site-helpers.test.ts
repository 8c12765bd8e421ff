import { describe, expect, it } from 'vitest';
import { parameterRows, describeType } from '../../src/catalogue/parameters.ts';
import { serializeJsonLd } from '../../src/site/json-ld.ts';
import { annotationRows } from '../../src/site/annotations.ts';
import { gatewayLink, loadSiteConfig } from '../../src/config/site-config.ts';
import { highlight, highlightStylesheet } from '../../src/site/highlight.ts';
import { escapeHtml, nameWords } from '../../src/site/search-document.ts';

describe('parameter rows', () => {
  it('read name, type, required, description, default and enum', () => {
    const rows = parameterRows({
      type: 'object',
      properties: {
        path: { type: 'string', description: 'Where' },
        mode: { type: 'string', enum: ['r', 'w'], default: 'r' },
        tags: { type: 'array', items: { type: 'string' } },
        either: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
      required: ['path'],
    });
    expect(rows).toEqual([
      { name: 'path', type: 'string', required: true, description: 'Where' },
      { name: 'mode', type: 'string', required: false, defaultValue: '"r"', enumValues: ['"r"', '"w"'] },
      { name: 'tags', type: 'array of string', required: false },
      { name: 'either', type: 'string | null', required: false },
    ]);
  });

  it('survive hostile schemas: no properties, prototype keys, cycles, huge defaults', () => {
    expect(parameterRows(null)).toEqual([]);
    expect(parameterRows({ properties: 'x' })).toEqual([]);
    const properties = JSON.parse('{"__proto__": {"type": "string"}, "constructor": {"type": "number"}}');
    expect(parameterRows({ properties }).map((row) => [row.name, row.type])).toEqual([
      ['__proto__', 'string'],
      ['constructor', 'number'],
    ]);
    const cyclic: Record<string, unknown> = { type: 'object' };
    cyclic.items = cyclic;
    cyclic.default = cyclic;
    const [row] = parameterRows({ properties: { loop: cyclic } });
    expect(row!.defaultValue).toBe('(unreadable value)');
    expect(describeType({ type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'array' } } } } })).toBe(
      'array of array of array of array of any',
    );
    const [long] = parameterRows({ properties: { big: { default: 'x'.repeat(1000) } } });
    expect(long!.defaultValue!.length).toBeLessThanOrEqual(121);
  });
});

describe('JSON-LD serialisation', () => {
  it('keeps </script> and <!-- inside strings inert and the JSON intact', () => {
    const value = { name: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('annotation rows', () => {
  it('fill in the MCP defaults for hints not declared, and treat null as not declared', () => {
    expect(annotationRows({ readOnlyHint: true, destructiveHint: null })).toEqual([
      { hint: 'readOnlyHint', declared: true, effective: true },
      { hint: 'destructiveHint', effective: true },
      { hint: 'idempotentHint', effective: false },
      { hint: 'openWorldHint', effective: true },
    ]);
  });
});

describe('site configuration', () => {
  it('uses defaults, takes environment overrides, and names the bad variable', () => {
    expect(loadSiteConfig({}).siteName).toBe('MCP Tool Policy Catalogue');
    expect(loadSiteConfig({ GATEWAY_URL: 'https://gw.example.org' }).gatewayUrl).toBe('https://gw.example.org');
    expect(() => loadSiteConfig({ SITE_URL: 'javascript:alert(1)' })).toThrow(/SITE_URL: /);
    expect(() => loadSiteConfig({ GATEWAY_POLICY_LINK: 'https://x/' })).toThrow('GATEWAY_POLICY_LINK: must contain {server}');
    expect(() => loadSiteConfig({ GATEWAY_POLICY_LINK: 'javascript:alert(1)//{server}' })).toThrow('GATEWAY_POLICY_LINK: must be an http(s) URL');
  });

  it('URL-encodes server and tool names in the gateway link', () => {
    const config = loadSiteConfig({ GATEWAY_POLICY_LINK: 'https://gw/p?s={server}&t={tool}' });
    expect(gatewayLink(config, 'files', 'a&b=<c>')).toBe('https://gw/p?s=files&t=a%26b%3D%3Cc%3E');
  });
});

describe('highlighting', () => {
  it('uses only classes that the published stylesheet defines, and no inline style', async () => {
    const html = await highlight(JSON.stringify({ version: '1', default: 'deny', tools: { x: { limits: [{ max: 10 }] } }, b: true, n: null }, null, 2));
    expect(html).not.toContain('style=');
    const css = await highlightStylesheet();
    const used = new Set([...html.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')).filter((c) => c.startsWith('sk-')));
    expect(used.size).toBeGreaterThan(2);
    for (const name of used) expect(css).toContain(`.${name}{`);
  });

  it('escapes markup in highlighted code', async () => {
    expect(await highlight('{"a": "</pre><script>x</script>"}')).not.toContain('<script>');
  });
});

describe('search documents', () => {
  it('split identifiers into words and escape markup', () => {
    expect(nameWords('sam_local_invoke')).toBe('sam local invoke');
    expect(nameWords('getFileInfo')).toBe('get file info');
    expect(nameWords('HTTPRequest.send-now')).toBe('http request send now');
    expect(escapeHtml('<a href="x">\'&')).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;');
  });
});
