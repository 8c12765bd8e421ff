/**
 * Builds the site from tests/fixtures/minimal.ndjson and checks the copies for agents
 * against the HTML pages they copy: for every server and tool, the page, its Markdown
 * copy and its JSON say the same name, category, risk and policy; the JSON fits the
 * schema it is parsed with and whose JSON Schema is published; llms-full.txt has one line
 * per server.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { markdownToMdast } from 'satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import { agentCopyJsonSchema, serverCopySchema, toolCopySchema, type ServerCopy, type ToolCopy } from '../../src/site/agent-copy-schemas.ts';
import { buildSite, type BuildResult } from '../support/build-site.ts';

/** The site URL of a build without SITE_URL (src/config/site-config.ts). */
const SITE = 'http://localhost:4321';

let site: BuildResult;
const read = (path: string): Promise<string> => readFile(join(site.outDir, path), 'utf8');
const exists = (path: string): Promise<boolean> => access(join(site.outDir, path)).then(() => true, () => false);

function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The text of an HTML fragment, tags removed and entities decoded. */
const htmlText = (html: string): string => decodeEntities(html.replace(/<[^>]+>/g, '')).trim();

/** The policy shown in a page's policy block (the first `<pre>` in it), parsed with highlighting removed. */
function pagePolicy(html: string, id: string): unknown {
  const block = html.match(new RegExp(`id="${id}"[^>]*>[\\s\\S]*?<pre[^>]*>([\\s\\S]*?)</pre>`))?.[1];
  expect(block, id).toBeDefined();
  return JSON.parse(htmlText(block!));
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  lang?: string | null;
  children?: MdNode[];
}

const parseMarkdown = (markdown: string): MdNode => markdownToMdast(markdown, { position: false }) as unknown as MdNode;
const mdNodes = (node: MdNode): MdNode[] => [node, ...(node.children ?? []).flatMap(mdNodes)];
const mdText = (node: MdNode): string =>
  node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(mdText).join('');

/** The first JSON code block after the heading `title`, parsed. */
function markdownPolicy(tree: MdNode, title: string): unknown {
  const children = tree.children!;
  const at = children.findIndex((node) => node.type === 'heading' && mdText(node) === title);
  expect(at, title).toBeGreaterThanOrEqual(0);
  const fence = children.slice(at).find((node) => node.type === 'code')!;
  expect(fence.lang).toBe('json');
  return JSON.parse(fence.value!);
}

/** The value of a `- Label: value` line of a Markdown copy. */
function markdownFact(tree: MdNode, label: string): string | undefined {
  const item = mdNodes(tree).find((node) => node.type === 'listItem' && mdText(node).startsWith(`${label}: `));
  return item && mdText(item).slice(label.length + 2);
}

/** Every link of a copy goes to the site or the gateway, never where third-party text points. */
function expectOwnLinks(tree: MdNode, where: string): void {
  for (const link of mdNodes(tree).filter((node) => node.type === 'link')) {
    expect(link.url, where).toMatch(/^(http:\/\/localhost:4321\/|https:\/\/gateway\.example\.com\/)/);
  }
  expect(mdNodes(tree).some((node) => node.type === 'html'), where).toBe(false);
}

let serverSlugs: string[];
let toolPaths: string[];

beforeAll(async () => {
  site = await buildSite('tests/fixtures/minimal.ndjson');
  serverSlugs = (await readdir(join(site.outDir, 'tools'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  toolPaths = [];
  for (const server of serverSlugs) {
    for (const entry of await readdir(join(site.outDir, 'tools', server), { withFileTypes: true })) {
      if (entry.isDirectory()) toolPaths.push(`${server}/${entry.name}`);
    }
  }
  toolPaths.sort();
});

describe('the copies for agents of the minimal fixture', () => {
  it('writes index.html.md beside every tool page and hub, and JSON for each', async () => {
    expect(serverSlugs).toEqual(['aws-serverless', 'files', 'payments']);
    expect(toolPaths.length).toBeGreaterThanOrEqual(9);
    for (const path of [...serverSlugs, ...toolPaths]) {
      expect(await exists(`tools/${path}/index.html`), path).toBe(true);
      expect(await exists(`tools/${path}/index.html.md`), path).toBe(true);
    }
    for (const slug of serverSlugs) expect(await exists(`api/servers/${slug}.json`), slug).toBe(true);
    for (const path of toolPaths) expect(await exists(`api/tools/${path}.json`), path).toBe(true);
    // Exactly these, nothing more: a copy for each page and a page for each copy.
    expect((await readdir(join(site.outDir, 'api/servers'))).sort()).toEqual(serverSlugs.map((slug) => `${slug}.json`));
    const toolJsonFiles = (await readdir(join(site.outDir, 'api/tools'), { recursive: true })).filter((file) => file.endsWith('.json'));
    expect(toolJsonFiles.map((file) => file.replace(/\.json$/, '')).sort()).toEqual(toolPaths);
  });

  it('says the same name, category, risk and policy on every tool page, its Markdown and its JSON', async () => {
    for (const path of toolPaths) {
      const html = await read(`tools/${path}/index.html`);
      const tree = parseMarkdown(await read(`tools/${path}/index.html.md`));
      const raw = JSON.parse(await read(`api/tools/${path}.json`));
      const parsed = toolCopySchema.safeParse(raw);
      expect(parsed.error, path).toBeUndefined();
      const json: ToolCopy = parsed.data!;

      const name = htmlText(html.match(/<h1><code>([\s\S]*?)<\/code><\/h1>/)![1]!);
      const category = htmlText(html.match(/<span class="label">Category<\/span>([\s\S]*?)<\/li>/)![1]!);
      const risk = htmlText(html.match(/<span class="label">Risk<\/span>([\s\S]*?)<\/li>/)![1]!);
      const heading = mdNodes(tree).find((node) => node.type === 'heading' && node.depth === 1)!;
      expect([mdText(heading), json.tool.name], path).toEqual([name, name]);
      expect([markdownFact(tree, 'Category'), json.classification.category], path).toEqual([category, category]);
      expect([markdownFact(tree, 'Risk'), json.classification.risk], path).toEqual([risk, risk]);

      const file = JSON.parse(await read(`tools/${path}/policy.json`));
      expect(pagePolicy(html, 'policy-json'), path).toEqual(file);
      expect(markdownPolicy(tree, 'Recommended policy.json'), path).toEqual(file);
      expect(JSON.parse(JSON.stringify(json.policy)), path).toEqual(file);
      if (html.includes('id="policy-conditional-json"')) {
        expect(JSON.parse(JSON.stringify(json.conditionalExample?.policy)), path).toEqual(pagePolicy(html, 'policy-conditional-json'));
        expect(markdownPolicy(tree, 'Conditional example: policy.json'), path).toEqual(pagePolicy(html, 'policy-conditional-json'));
      } else {
        expect(json.conditionalExample, path).toBeUndefined();
      }
      expect(json.urls.markdown, path).toBe(`${SITE}/tools/${path}/index.html.md`);
      expect(json.urls.page, path).toBe(`${SITE}/tools/${path}/`);
      expectOwnLinks(tree, path);
    }
  });

  it('says the same name, tools and policy on every hub, its Markdown and its JSON', async () => {
    for (const slug of serverSlugs) {
      const html = await read(`tools/${slug}/index.html`);
      const tree = parseMarkdown(await read(`tools/${slug}/index.html.md`));
      const parsed = serverCopySchema.safeParse(JSON.parse(await read(`api/servers/${slug}.json`)));
      expect(parsed.error, slug).toBeUndefined();
      const json: ServerCopy = parsed.data!;

      const name = htmlText(html.match(/<h1>([\s\S]*?)<\/h1>/)![1]!);
      const heading = mdNodes(tree).find((node) => node.type === 'heading' && node.depth === 1)!;
      expect([mdText(heading), json.name], slug).toEqual([name, name]);

      // The tool table: name, category and risk of each row, in the hub's order.
      const pageRows = [...html.match(/<tbody>([\s\S]*?)<\/tbody>/)![1]!.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
        [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].slice(0, 3).map((cell) => htmlText(cell[1]!).replace(/ risk$/, '')),
      );
      const mdTable = mdNodes(tree).find((node) => node.type === 'table')!;
      const mdRows = mdTable.children!.slice(1).map((row) => row.children!.slice(0, 3).map(mdText));
      const jsonRows = json.tools.map((tool) => [tool.name, tool.classification.category, tool.classification.risk]);
      expect(mdRows, slug).toEqual(pageRows);
      expect(jsonRows, slug).toEqual(pageRows);
      expect(json.toolCount, slug).toBe(json.tools.length);
      // Each row links to the tool's Markdown copy, which exists.
      for (const link of mdNodes(mdTable).filter((node) => node.type === 'link')) {
        expect(await exists(link.url!.replace(`${SITE}/`, '')), link.url).toBe(true);
      }

      const file = JSON.parse(await read(`tools/${slug}/policy.json`));
      expect(json.policyInline, slug).toBe(true);
      expect(pagePolicy(html, 'server-policy-json'), slug).toEqual(file);
      expect(markdownPolicy(tree, 'policy.json'), slug).toEqual(file);
      expect(json.policyInline && JSON.parse(JSON.stringify(json.policy)), slug).toEqual(file);
      expectOwnLinks(tree, slug);
    }
  });

  it('publishes the JSON Schema generated from the schemas the copies are parsed with', async () => {
    for (const name of ['server', 'tool'] as const) {
      expect(JSON.parse(await read(`api/schema/${name}.json`)), name).toEqual(agentCopyJsonSchema(name));
    }
    const tool = JSON.parse(await read('api/tools/files/read-file.json'));
    expect(tool.$schema).toBe(`${SITE}/api/schema/tool.json`);
    expect(JSON.parse(await read('api/servers/files.json')).$schema).toBe(`${SITE}/api/schema/server.json`);
  });

  it('writes llms-full.txt: the editorial pages in full, then one line per server, not per tool', async () => {
    const text = await read('llms-full.txt');
    expect(text).toMatch(/^# MCP Tool Policy Catalogue: the full text\n/);
    const policyLanguage = await readFile(join(import.meta.dirname, '../../content/docs/policy-language.mdx'), 'utf8');
    expect(text).toContain('# The policy language (policy.json, version 1)');
    expect(text).toContain(policyLanguage.split('\n').find((line) => line.startsWith('## Top-level fields')));
    expect(text).toContain('# Tool poisoning, rug pulls and tool shadowing');

    const servers = text.slice(text.indexOf('\n# Servers\n') + '\n# Servers\n'.length).trim().split('\n');
    expect(servers).toHaveLength(serverSlugs.length);
    servers.forEach((line, i) => {
      const slug = serverSlugs[i]!;
      expect(line).toContain(`(${SITE}/tools/${slug}/)`);
      expect(line).toContain(`${SITE}/tools/${slug}/index.html.md`);
      expect(line).toContain(`${SITE}/api/servers/${slug}.json`);
    });
    expect(servers[1]).toBe(
      `- [Example Files](${SITE}/tools/files/): 4 tools (Low 2, Medium 1, High 0, Critical 1); Markdown: ${SITE}/tools/files/index.html.md; JSON: ${SITE}/api/servers/files.json`,
    );
    for (const path of toolPaths) expect(text, path).not.toContain(`/tools/${path}/`);
  });

  it('names the copies in llms.txt and keeps them out of the sitemap', async () => {
    const llms = await read('llms.txt');
    expect(llms).toContain(`${SITE}/llms-full.txt`);
    expect(llms).toContain('`/tools/<server>/<tool>/index.html.md`');
    expect(llms).toContain('`/api/tools/<server>/<tool>.json`');
    expect(llms).toContain(`${SITE}/api/schema/server.json`);
    const sitemap = await read('sitemap-0.xml');
    expect(sitemap).toContain('/tools/files/read-file/');
    expect(sitemap).not.toContain('index.html.md');
    expect(sitemap).not.toContain('/api/');
  });
});
