/**
 * Parameter lists read from a directory's page keep the page's own text out: made-up
 * records, each showing one kind of text such a page puts among the parameter names.
 */
import { describe, expect, it } from 'vitest';
import { pageTextKeys, withoutPageText } from '../../src/catalogue/sources/directory-page-parameters.ts';
import { fromToucan } from '../../src/catalogue/sources/shared-data.ts';

const context = (toolName: string, description = '', toolNames: string[] = [toolName]) => ({ toolName, toolNames: new Set(toolNames), description });
const dropped = (keys: string[], ctx: ReturnType<typeof context>, required: string[] = []) => [...pageTextKeys(keys, new Set(required), ctx)].sort();

describe('page text among parameter names', () => {
  it('drops the tool\'s own name and the names of the server\'s other tools', () => {
    expect(dropped(['get_tide', 'harbour'], context('get_tide'))).toEqual(['get_tide']);
    expect(dropped(['Next', 'list_ports', 'harbour'], context('get_tide', '', ['get_tide', 'list_ports']))).toEqual(['Next', 'list_ports']);
  });

  it('drops the labels of a switch and a list editor\'s button', () => {
    expect(dropped(['harbour', 'metric', 'True', 'False'], context('get_tide'))).toEqual(['False', 'True']);
    expect(dropped(['harbours', 'Add', 'Item', 'days'], context('get_tide'))).toEqual(['Add', 'Item']);
    // "Add" alone may be a parameter.
    expect(dropped(['Add', 'days_ahead'], context('sum_days'))).toEqual([]);
  });

  it('drops a sentence split into one key a word, up to the first identifier or required key', () => {
    expect(dropped(['Retrieve', 'a', 'harbour', 'harbour_id'], context('get_harbour'))).toEqual(['Retrieve', 'a', 'harbour'].sort());
    expect(dropped(['Get', 'tide', 'tables', 'from', 'NOAA', 'pageSize'], context('list_tides'))).toEqual(['Get', 'NOAA', 'from', 'tables', 'tide'].sort());
    expect(dropped(['Get', 'port', 'details', 'id'], context('get_port'), ['id'])).toEqual(['Get', 'details', 'port'].sort());
    // With the description at hand, any run of its words in order, names of brands included.
    expect(dropped(['Search', 'for', 'NorthSea', 'harbours', 'page'], context('search_harbours', 'Search for NorthSea harbours'))).toEqual(['NorthSea', 'Search', 'for', 'harbours'].sort());
  });

  it('drops a capitalised word the description has, unless the tool names parameters in PascalCase', () => {
    expect(dropped(['Keyword'], context('weekly_tides', 'Weekly tides. Keyword Arguments: harbour.'))).toEqual(['Keyword']);
    expect(dropped(['The', 'ToolCtx', 'Harbour'], context('make_chart', 'Args: ctx: The ToolCtx context. Harbour name.'))).toEqual(['Harbour', 'The', 'ToolCtx'].sort());
    expect(dropped(['Prefix', 'RegionId'], context('ListBuckets', 'Prefix filter for the buckets.'))).toEqual([]);
    // Without the description saying it, a capitalised name stays.
    expect(dropped(['Prefix'], context('ListBuckets', 'Lists buckets.'))).toEqual([]);
  });

  it('keeps the schema object as it is when nothing is page text, and drops dropped keys from required', () => {
    const schema = { type: 'object', properties: { harbour: { type: 'string' } }, required: ['harbour'] };
    expect(withoutPageText(schema, context('get_tide'))).toBe(schema);
    const noisy = { type: 'object', properties: { get_tide: { type: 'string' }, harbour: { type: 'string' } }, required: ['harbour'] };
    expect(withoutPageText(noisy, context('get_tide'))).toEqual({ type: 'object', properties: { harbour: { type: 'string' } }, required: ['harbour'] });
  });

  it('cleans only the records read from pages, never a live tools/list answer', () => {
    const tools = [{ name: 'get_tide', inputSchema: { type: 'object', properties: { get_tide: { type: 'string' }, Get: { type: 'string' }, a: { type: 'string' }, tide: { type: 'string' }, harbour_id: { type: 'string' } } } }];
    const page = fromToucan({ id: '@a/tides', name: 'Tides', tools, provenance: { kind: 'smithery-page' } }, '2026-12-01')!;
    expect(Object.keys(page.record.tools[0]!.inputSchema!.properties as object)).toEqual(['harbour_id']);
    const live = fromToucan({ id: '@a/tides', name: 'Tides', tools, provenance: { kind: 'captured' } }, '2026-12-01')!;
    expect(Object.keys(live.record.tools[0]!.inputSchema!.properties as object)).toEqual(['get_tide', 'Get', 'a', 'tide', 'harbour_id']);
  });
});
