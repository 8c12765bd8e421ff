/**
 * The site index and the page models, directly (the build tests reach them only through
 * Astro): what a page would show, computed from a small catalogue.
 */
import { describe, expect, it } from 'vitest';
import { Admission } from '../../src/catalogue/admission.ts';
import type { ClassifiedServer, Server } from '../../src/catalogue/schema/server.ts';
import type { AttackPatternSummary } from '../../src/site/attack-patterns.ts';
import { serverPageModel } from '../../src/site/server-page.ts';
import { toolPageModel } from '../../src/site/tool-page.ts';
import { urls } from '../../src/site/urls.ts';
import { exampleSearches } from '../../src/site/home.ts';
import { siteDataOf } from '../support/site-data.ts';

const provenance = [{ source: 'test', retrieved: '2026-12-01' }];
const object = (properties: Record<string, unknown> = {}) => ({ type: 'object', properties });

function admitAll(records: Server[]): ClassifiedServer[] {
  const admission = new Admission({ onDuplicate: 'refuse' });
  return records.map((record, index) => admission.admit(record, { source: 'test', index })!);
}

const servers = admitAll([
  {
    id: 'store',
    name: 'Store',
    provenance,
    tools: [
      { name: 'get_item', description: 'Gets one item.', inputSchema: object({ id: { type: 'string' } }) },
      { name: 'get-item', description: 'Gets one item, the old way.', inputSchema: object() },
      { name: 'delete_item', description: 'Deletes one item for good.', inputSchema: object({ id: { type: 'string' } }) },
      { name: 'list_items', description: 'Lists the items.', inputSchema: object() },
      { name: 'fetch_url', description: 'Fetches a web page.', inputSchema: object({ url: { type: 'string' } }) },
    ],
  } as Server,
  {
    id: 'api',
    name: 'Other Store',
    provenance,
    tools: [{ name: 'get_item', description: 'Gets one item from the other store.', inputSchema: object() }],
  } as Server,
]);

const data = siteDataOf(servers);

const attacks: AttackPatternSummary[] = [
  { slug: 'data-destruction', title: 'Data destruction', summary: 's', identifiers: [], categories: ['Destructive'], parameters: [], order: 2 },
  { slug: 'ssrf', title: 'SSRF', summary: 's', identifiers: [], categories: [], parameters: ['url'], order: 1 },
];

const entry = (server: string, tool: string) => data.index.toolByPath.get(`${server}/${tool}`)!;

describe('the site index', () => {
  it('gives colliding names slugs by code point order, and reserved server ids another slug', () => {
    expect(data.index.serverBySlug.get('store')!.tools.map((tool) => [tool.name, tool.slug])).toEqual([
      ['get_item', 'get-item-2'],
      ['get-item', 'get-item'],
      ['delete_item', 'delete-item'],
      ['list_items', 'list-items'],
      ['fetch_url', 'fetch-url'],
    ]);
    expect(data.index.serverBySlug.get('tool-api')!.id).toBe('api');
    expect(entry('tool-api', 'get-item').url).toBe(urls.tool('tool-api', 'get-item'));
  });

  it('counts servers per shared name once, and lists tools by risk sorted by name then server', () => {
    expect(data.index.serverCountByNameSlug.get('get-item')).toBe(2);
    expect(data.index.toolsByNameSlug.get('get-item')!.map((tool) => `${tool.serverSlug}/${tool.slug}`)).toEqual([
      'store/get-item-2',
      'store/get-item',
      'tool-api/get-item',
    ]);
    const low = data.index.byRisk.Low.map((tool) => `${tool.name}@${tool.serverSlug}`);
    expect(low).toEqual([...low].sort());
    expect(data.index.toolCount).toBe(6);
  });
});

describe('the tool page model', () => {
  it('downloads under the slug the tool was given, so colliding names never share a file name', () => {
    const a = toolPageModel(data, entry('store', 'get-item-2'), attacks);
    const b = toolPageModel(data, entry('store', 'get-item'), attacks);
    expect(a.policyFileName).toBe('store.get-item-2.policy.json');
    expect(b.policyFileName).toBe('store.get-item.policy.json');
    expect(a.faq.at(-1)!.answer).toContain('store.get-item-2.policy.json');
  });

  it('lists the attack patterns of its category and of its parameters, in editorial order', () => {
    expect(toolPageModel(data, entry('store', 'delete-item'), attacks).attacks.map((a) => a.slug)).toEqual(['data-destruction']);
    expect(toolPageModel(data, entry('store', 'fetch-url'), attacks).attacks.map((a) => a.slug)).toEqual(['ssrf']);
    expect(toolPageModel(data, entry('store', 'list-items'), attacks).attacks).toEqual([]);
  });

  it('names the same tool on other servers only, and links the shared-name page', () => {
    const model = toolPageModel(data, entry('store', 'get-item-2'), attacks);
    expect(model.sameNameElsewhere.map((tool) => tool.serverId)).toEqual(['api']);
    expect(model.sameNameTotal).toBe(2);
    expect(model.links.sameName).toBe(urls.name('get-item'));
    expect(model.links.category).toBe(urls.category(model.classification.category));
  });

  it('describes the tool in its meta description and shows a policy that hides a destructive tool', () => {
    const model = toolPageModel(data, entry('store', 'delete-item'), attacks);
    expect(model.metaDescription).toBe('Deletes one item for good. Destructive tool, Critical risk. Recommended policy: hide it and refuse every call.');
    expect(model.summaryLine).toBe('Deletes one item for good.');
    expect(JSON.parse(model.policy.json)).toMatchObject({ version: '1', default: 'deny', hide: ['delete_item'] });
  });
});

describe('the server page model', () => {
  it('has a row per tool and one policy that covers every tool', () => {
    const model = serverPageModel(data, data.index.serverBySlug.get('store')!);
    expect(model.rows.map((row) => row.entry.name)).toEqual(['get_item', 'get-item', 'delete_item', 'list_items', 'fetch_url']);
    const policy = JSON.parse(model.policy.json) as { hide?: string[]; tools?: Record<string, unknown> };
    expect(new Set([...(policy.hide ?? []), ...Object.keys(policy.tools ?? {})])).toEqual(
      new Set(['get_item', 'get-item', 'delete_item', 'list_items', 'fetch_url']),
    );
    expect(model.policyFileName).toBe('store.policy.json');
  });
});

describe('the home page example searches', () => {
  it('are real tool names of the catalogue: a destructive one, then the most widespread other', () => {
    const examples = exampleSearches(data.index);
    expect(examples[0]).toBe('delete_item');
    const names = new Set(servers.flatMap((server) => server.tools.map((tool) => tool.name)));
    for (const name of examples) expect(names.has(name), name).toBe(true);
  });
});
