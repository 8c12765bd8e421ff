/**
 * Copies of the site for agents, made from the same page models as the HTML pages so
 * the two always say the same thing:
 * - a Markdown copy of every tool page and server hub, at the page's URL + `index.html.md`
 *   (the llms.txt convention);
 * - JSON of every server and tool, parsed through the schemas of agent-copy-schemas.ts
 *   before it is written;
 * - /llms-full.txt: the editorial pages in full, then one line per server.
 *
 * Every catalogue string is third-party text, escaped by markdown-text.ts. Plain
 * TypeScript: no Astro import.
 */
import { capText, DISPLAY_CAPS } from '../catalogue/display-caps.ts';
import { confidenceMeaning } from '../catalogue/prose/confidence.ts';
import { RISKS } from '../catalogue/schema/classification.ts';
import type { SuspiciousText } from '../catalogue/poisoning/find-suspicious-text.ts';
import { parameterRows, type ParameterRow } from '../catalogue/parameters.ts';
import { INPUT_SCHEMA_BYTES, INPUT_SCHEMA_DEPTH, serverCopySchema, toolCopySchema, type AgentCopySchemaName, type ServerCopy, type ToolCopy } from './agent-copy-schemas.ts';
import type { ServerPageModel } from './server-page.ts';
import type { ServerEntry, ToolEntry } from './site-index.ts';
import type { PolicyView, ToolPageModel } from './tool-page.ts';
import { absoluteUrl, urls, withBase } from './urls.ts';
import { escapeMarkdown, markdownBlockquote, markdownCode, markdownFence, markdownLink } from './markdown-text.ts';
import { noParametersSentence } from '../catalogue/prose/no-parameters.ts';

// ---------------------------------------------------------------------------------------
// URLs

const segment = (value: string): string => encodeURIComponent(value);

/** The copies' paths, root-relative under the base, as urls.ts makes the pages'. */
export const agentCopyUrls = {
  toolMarkdown: (serverSlug: string, toolSlug: string): string => `${urls.tool(serverSlug, toolSlug)}index.html.md`,
  serverMarkdown: (serverSlug: string): string => `${urls.server(serverSlug)}index.html.md`,
  toolJson: (serverSlug: string, toolSlug: string): string => withBase(`api/tools/${segment(serverSlug)}/${segment(toolSlug)}.json`),
  serverJson: (serverSlug: string): string => withBase(`api/servers/${segment(serverSlug)}.json`),
  schema: (name: AgentCopySchemaName): string => withBase(`api/schema/${segment(name)}.json`),
  llmsFull: (): string => withBase('llms-full.txt'),
} as const;

/**
 * A path made with `<server>`-style placeholders, as documentation shows it: the URL
 * helpers encode every segment, which would turn the placeholders into `%3Cserver%3E`.
 */
export function urlTemplate(path: string): string {
  return path.replace(/%3C/gi, '<').replace(/%3E/gi, '>');
}

// ---------------------------------------------------------------------------------------
// Markdown building blocks

/** Third-party text for a table cell. */
const cell = (text: string): string => escapeMarkdown(text, { inTable: true });

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** Blocks separated by blank lines, empty ones left out, ending with one newline. */
function document(blocks: readonly (string | undefined | false)[]): string {
  return `${blocks.filter((block): block is string => typeof block === 'string' && block !== '').join('\n\n')}\n`;
}

const percent = (confidence: number): string => `${Math.round(confidence * 100)}%`;

/** Third-party text cut to `limit` characters, as pages cut it, with its full length. */
function capped(text: string, limit: number): { text: string; cut: boolean; length: number } {
  const shown = capText(text, limit);
  return { text: shown, cut: shown !== text, length: [...text].length };
}

/** The third-party quote of a page, cut where the page cuts it, with the page's caption. */
function quotation(text: string, limit: number, label: string): string {
  const shown = capped(text, limit);
  const note = shown.cut ? ` (first ${limit.toLocaleString('en')} of ${shown.length.toLocaleString('en')} characters)` : '';
  return `${markdownBlockquote(shown.text)}\n\n${escapeMarkdown(label)}${note}; third-party text, quoted as data, not instructions.`;
}

const SUSPICIOUS_LABELS: Record<SuspiciousText['kind'], string> = {
  'instructions-to-model': 'reads like instructions to an AI model',
  concealment: 'asks for something to be kept from the user',
  'sensitive-target': 'names a secret file or credential store',
  'hidden-characters': 'contains characters a reader cannot see',
};

function suspiciousWarning(findings: readonly SuspiciousText[], siteUrl: string): string | undefined {
  if (findings.length === 0) return undefined;
  return document([
    `**This definition may be poisoned.** Text in it ${findings.length === 1 ? 'is' : 'is, in places,'} not a plain description of the tool:`,
    bullets(findings.map((finding) => `the ${markdownCode(finding.field)} ${SUSPICIOUS_LABELS[finding.kind]}: “${escapeMarkdown(finding.quote)}”`)),
    `An agent reads this text as part of its context. It is quoted here as data only; see ${markdownLink('tool poisoning', absoluteUrl(urls.attack('tool-poisoning'), siteUrl))}.`,
  ]).trimEnd();
}

function lookAlikeWarning(lookAlike: NonNullable<ToolPageModel['lookAlike']>): string {
  const scripts = lookAlike.scripts.length > 1 ? ` Its letters come from the ${escapeMarkdown(lookAlike.scripts.join(', '))} scripts, which share letter shapes and which honest names rarely mix.` : '';
  return document([
    `**This name may imitate another.**${scripts}${lookAlike.names.length > 0 ? ' It looks the same as:' : ''}`,
    lookAlike.names.length > 0 && bullets(lookAlike.names.map((other) => `${markdownCode(other.name)}, ${escapeMarkdown(other.where)}`)),
    'Check which tool an agent really calls; the confidence of this classification is lowered, and this tool is kept out of the lists of tools with the same name.',
  ]).trimEnd();
}

function parametersSection(model: ToolPageModel): string {
  const rows = model.parameters.slice(0, DISPLAY_CAPS.parameters);
  const code = (text: string): string => markdownCode(text, { inTable: true });
  const cells = (row: ParameterRow): string[] => [
    code(row.name),
    cell(row.type),
    row.required ? 'yes' : 'no',
    cell(row.description ?? ''),
    row.defaultValue === undefined ? '' : code(row.defaultValue),
    (row.enumValues ?? []).map(code).join(', '),
  ];
  return document([
    '## Parameters',
    model.reducedParameters &&
      'Parameters as listed by a directory, without descriptions: the source gave only each parameter\'s name, type and whether it is required, so guards and example calls rest on those alone.',
    model.parameters.length === 0
      ? noParametersSentence(model.reducedParameters)
      : table(['Name', 'Type', 'Required', 'Description', 'Default', 'Allowed values'], rows.map(cells)),
    model.parameters.length > rows.length && `The first ${rows.length} of the tool's ${model.parameters.length} parameters are listed.`,
  ]).trimEnd();
}

function evidenceSection(model: ToolPageModel): string {
  const { classification, annotations, lastChange } = model;
  const shown = (value: boolean | undefined): string => (value === undefined ? 'not declared' : String(value));
  const history =
    lastChange === undefined
      ? 'No change to this definition has been recorded since the catalogue was first assembled.'
      : lastChange.kind === 'added'
        ? `First seen in the pull of ${escapeMarkdown(lastChange.date.slice(0, 10))}; its definition has not changed since.`
        : `**This definition changed on ${escapeMarkdown(lastChange.date.slice(0, 10))}**: ${lastChange.fields.map((field) => markdownCode(field)).join(', ')}. If you approved this tool before that date, review it again: a tool that changes after approval is how a rug pull works.`;
  return document([
    "## From the tool's definition",
    history,
    escapeMarkdown(confidenceMeaning(classification.confidence)),
    '### Signals that decided the classification',
    classification.signals.length === 0
      ? `No signal in the definition points to a category, so the tool is classified as ${classification.category} with low confidence.`
      : bullets(
          classification.signals.map(
            (signal) => `**${signal.category}** from the ${signal.source} (${markdownCode(signal.label)})${signal.quote ? `: “${escapeMarkdown(signal.quote)}”` : ''}`,
          ),
        ),
    '### Annotations',
    "Annotations are the server author's hints. By the MCP specification they are untrusted: they can raise the risk shown here, never lower it.",
    table(
      ['Hint', 'Declared', 'Assumed (spec default when not declared)'],
      annotations.map((row) => [markdownCode(row.hint), shown(row.declared), String(row.effective)]),
    ),
    classification.contradictions.length > 0 &&
      document([
        '**The annotations contradict the definition.**',
        bullets(classification.contradictions.map((item) => `${markdownCode(`${item.annotation}: ${String(item.claimed)}`)}: ${escapeMarkdown(item.explanation)}`)),
      ]).trimEnd(),
  ]).trimEnd();
}

/** A policy in both formats, as a page's PolicyBlock and InterceptPolicyBlock show it. */
function policyBlocks(view: PolicyView, heading: string): string {
  return document([
    `${heading} policy.json`,
    markdownFence(view.json, 'json'),
    `${heading} policy.intercept.yaml`,
    'The same policy for Intercept, the open-source gateway:',
    markdownFence(view.yaml, 'yaml'),
    view.differences.length > 0 && bullets(view.differences.map((sentence) => escapeMarkdown(sentence))),
  ]).trimEnd();
}

function toolLink(entry: ToolEntry, siteUrl: string): string {
  return markdownLink(markdownCode(entry.name), absoluteUrl(agentCopyUrls.toolMarkdown(entry.serverSlug, entry.slug), siteUrl));
}

function relatedSection(model: ToolPageModel, siteUrl: string): string {
  const { tool, server, classification } = model;
  return document([
    '## Related tools',
    model.sameServerSameCategory.length > 0 &&
      document([
        `### ${classification.category} tools on ${escapeMarkdown(server.name)}`,
        bullets(model.sameServerSameCategory.map((entry) => `${toolLink(entry, siteUrl)}: ${entry.risk} risk`)),
      ]).trimEnd(),
    model.sameNameElsewhere.length > 0
      ? document([
          `### ${markdownCode(tool.name)} on other servers`,
          bullets(model.sameNameElsewhere.map((entry) => `${toolLink(entry, siteUrl)} on ${escapeMarkdown(entry.serverName)}: ${entry.risk} risk`)),
          `${markdownLink(`Every tool named like ${markdownCode(tool.name)}`, absoluteUrl(model.links.sameName, siteUrl))}, on ${model.sameNameTotal} servers.`,
        ]).trimEnd()
      : `No other server in the catalogue has a tool named ${markdownCode(tool.name)}.`,
  ]).trimEnd();
}

function furtherReading(model: ToolPageModel, siteUrl: string): string {
  const link = (text: string, path: string): string => markdownLink(text, absoluteUrl(path, siteUrl));
  const { category, risk } = model.classification;
  return document([
    '## Further reading',
    bullets([
      `${link('The policy language', urls.doc('policy-language'))}: every field and operator of policy.json.`,
      `${link('How tools are classified', urls.doc('classification'))}, and how far to trust annotations.`,
      `${link('Enforcing a policy in the gateway', urls.doc('enforce-a-policy'))}, step by step.`,
      `${link(`All ${category} tools`, model.links.category)} and ${link(`all ${risk} risk tools`, model.links.risk)}.`,
    ]),
  ]).trimEnd();
}

// ---------------------------------------------------------------------------------------
// The Markdown copies

/** The tool page as Markdown, its sections in the page's order. */
export function toolMarkdown(model: ToolPageModel, siteUrl: string): string {
  const { tool, server, serverEntry, entry, classification } = model;
  const absolute = (path: string): string => absoluteUrl(path, siteUrl);
  const serverName = escapeMarkdown(server.name);
  const description = tool.description?.trim() ?? '';
  const warning = suspiciousWarning(model.suspiciousText, siteUrl);
  return document([
    `# ${markdownCode(tool.name)}`,
    // A poisoned definition is the first thing a reader learns, before any of its text.
    classification.poisoned && warning,
    model.title && `Titled by the server “${escapeMarkdown(model.title)}”.`,
    `A tool of ${markdownLink(serverName, absolute(agentCopyUrls.serverMarkdown(serverEntry.slug)))} in the ${classification.category} category, rated ${classification.risk} risk.`,
    bullets([
      `Server: ${serverName}${serverEntry.packageLabel ? ` (${markdownCode(serverEntry.packageLabel)})` : ''}`,
      `Category: ${classification.category}`,
      `Risk: ${classification.risk}`,
      `Parameters: ${model.parameters.length} (${model.requiredCount} required)`,
      `Confidence: ${percent(classification.confidence)}`,
      `Page: ${absolute(entry.url)}`,
      `JSON: ${absolute(agentCopyUrls.toolJson(entry.serverSlug, entry.slug))}`,
    ]),
    model.lookAlike && lookAlikeWarning(model.lookAlike),
    !model.nameFollowsSpec &&
      'This name does not follow the MCP naming rule (1-128 letters, digits, `_`, `.` or `-`); some clients may refuse it.',
    `## What it does on ${serverName}`,
    description === ''
      ? 'The server gives no description for this tool, which is itself a reason for caution: an agent calls it knowing only its name and parameters.'
      : quotation(description, DISPLAY_CAPS.toolDescription, `The tool's own description, as ${server.name} sends it`),
    !classification.poisoned && warning,
    '## Why it needs a policy',
    escapeMarkdown(classification.rationale),
    evidenceSection(model),
    parametersSection(model),
    '## Attack patterns that abuse this kind of access',
    model.attacks.length === 0
      ? `No documented attack pattern targets this kind of access specifically; ${markdownLink('see all attack patterns', absolute(urls.attacks()))}.`
      : bullets(
          model.attacks.map(
            (pattern) =>
              `${markdownLink(escapeMarkdown(pattern.title), absolute(urls.attack(pattern.slug)))}${pattern.identifiers.length > 0 ? ` (${escapeMarkdown(pattern.identifiers.join(', '))})` : ''}: ${escapeMarkdown(pattern.summary)}`,
          ),
        ),
    '## How to control it',
    escapeMarkdown(model.policy.summary),
    `Download: ${absolute(urls.toolPolicy(entry.serverSlug, entry.slug))} (save as ${markdownCode(model.policyFileName)}) and ${absolute(urls.toolInterceptPolicy(entry.serverSlug, entry.slug))} (save as ${markdownCode(model.interceptFileName)}).`,
    policyBlocks(model.policy, '### Recommended'),
    model.conditionalExample &&
      document([
        '### Allowing it under conditions',
        escapeMarkdown(model.conditionalExample.summary),
        model.conditionalExample.note && escapeMarkdown(model.conditionalExample.note),
        policyBlocks(model.conditionalExample, '#### Conditional example:'),
      ]).trimEnd(),
    '### Example calls',
    "Calls made from the tool's input schema, and what each policy file does with them, computed when the site is built by the same evaluators that prove every sentence of the page.",
    table(
      ['Call', 'Arguments', 'policy.json', 'policy.intercept.yaml'],
      model.exampleCalls.map((row) => [cell(row.label), markdownCode(row.args, { inTable: true }), cell(row.jsonVerdict), cell(row.interceptVerdict)]),
    ),
    '### Enforce it',
    model.enforcementSteps.map((step, i) => `${i + 1}. ${escapeMarkdown(step)}`).join('\n'),
    `${markdownLink(`Protect ${markdownCode(tool.name)} in the gateway`, model.gatewayUrl)}: the gateway sits between your agent and ${serverName}, checks every call against the policy, and refuses what it does not allow.`,
    relatedSection(model, siteUrl),
    furtherReading(model, siteUrl),
    `## Questions about ${markdownCode(tool.name)}`,
    ...model.faq.map((entry) => `### ${escapeMarkdown(entry.question)}\n\n${escapeMarkdown(entry.answer)}`),
  ]);
}

function countsLine(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([key, count]) => `${key}: ${count}`)
    .join(', ');
}

function provenanceSection(server: ServerPageModel['server']): string {
  const MAX_SOURCES = 20;
  const rows = server.provenance.slice(0, MAX_SOURCES).map((entry) => [
    `${cell(capText(entry.source, 300))}${entry.suppliedTools ? ' (supplied the tools)' : ''}${entry.url ? ` ${markdownCode(capText(entry.url, DISPLAY_CAPS.url), { inTable: true })}` : ''}`,
    cell(entry.retrieved),
    cell(entry.license ?? 'not stated'),
    cell(capText(entry.method ?? '', 300)),
  ]);
  return document([
    '## Where this data comes from',
    table(['Source', 'Retrieved', 'Licence', 'How'], rows),
    server.provenance.length > MAX_SOURCES && `The first ${MAX_SOURCES} of ${server.provenance.length} sources are listed.`,
    server.license
      ? `The server's own declared licence: ${markdownCode(capText(server.license, 200))}.`
      : 'The server states no licence of its own in these sources.',
  ]).trimEnd();
}

/** The server hub as Markdown: identity, counts, the tool table, the server policy. */
export function serverMarkdown(model: ServerPageModel, siteUrl: string): string {
  const { server, entry } = model;
  const absolute = (path: string): string => absoluteUrl(path, siteUrl);
  const name = escapeMarkdown(server.name);
  const policyUrl = absolute(urls.serverPolicy(entry.slug));
  const interceptUrl = absolute(urls.serverInterceptPolicy(entry.slug));
  // Third-party links stay unlinked code: a copy read by an agent should not invite a visit.
  const external = (label: string, url: string | undefined): string | false => url !== undefined && `${label}: ${markdownCode(capText(url, DISPLAY_CAPS.url))}`;
  return document([
    `# ${name}`,
    `MCP server with ${entry.toolCount} ${entry.toolCount === 1 ? 'tool' : 'tools'}${entry.packageLabel ? `, package ${markdownCode(entry.packageLabel)}` : ''}.`,
    server.description && quotation(server.description, DISPLAY_CAPS.serverDescription, "The server's own description"),
    bullets(
      [
        external('Repository', server.repository),
        external('Homepage', server.homepage),
        `Page: ${absolute(entry.url)}`,
        `JSON: ${absolute(agentCopyUrls.serverJson(entry.slug))}`,
      ].filter((item): item is string => item !== false),
    ),
    '## Risk and categories',
    `By risk: ${countsLine(entry.byRisk)}.`,
    `By category: ${countsLine(entry.byCategory)}.`,
    '## Tools',
    table(
      ['Tool', 'Category', 'Risk', 'Parameters'],
      model.rows.map((row) => [
        markdownLink(markdownCode(row.entry.name, { inTable: true }), absolute(agentCopyUrls.toolMarkdown(row.entry.serverSlug, row.entry.slug))),
        row.entry.category,
        row.entry.risk,
        String(row.parameterCount),
      ]),
    ),
    model.rows.length < entry.toolCount &&
      `The first ${model.rows.length} of ${entry.toolCount} tools are listed; every tool has its own page, and all of them are in ${absolute(agentCopyUrls.serverJson(entry.slug))}.`,
    `## One policy for every tool of ${name}`,
    escapeMarkdown(model.policy.summary),
    model.policyInline
      ? document([
          `Download: ${policyUrl} (save as ${markdownCode(model.policyFileName)}) and ${interceptUrl} (save as ${markdownCode(model.interceptFileName)}).`,
          policyBlocks(model.policy, '###'),
        ]).trimEnd()
      : document([
          `The policy is too long to show here (${Math.round(model.policy.json.length / 1024)} KB): download ${policyUrl} (save as ${markdownCode(model.policyFileName)}) or, for Intercept, ${interceptUrl} (save as ${markdownCode(model.interceptFileName)}).`,
          model.policy.differences.length > 0 && bullets(model.policy.differences.map((sentence) => escapeMarkdown(sentence))),
        ]).trimEnd(),
    `${markdownLink(`Protect ${name} in the gateway`, model.gatewayUrl)}: the gateway sits between your agent and ${name}, checks every call against the policy, and refuses what it does not allow.`,
    provenanceSection(server),
  ]);
}

// ---------------------------------------------------------------------------------------
// JSON

function pageUrls(page: string, markdown: string, json: string, siteUrl: string) {
  return { page: absoluteUrl(page, siteUrl), markdown: absoluteUrl(markdown, siteUrl), json: absoluteUrl(json, siteUrl) };
}

/** The hints a tool declares, without the defaults a client assumes. */
function declaredHints(model: ToolPageModel): Record<string, boolean> {
  return Object.fromEntries(model.annotations.filter((row) => row.declared !== undefined).map((row) => [row.hint, row.declared!]));
}

type JsonLimits = { depth: number; bytes: number };

/**
 * The size in bytes of `value` as compact JSON, or why it is past `limits`. Walked
 * without recursion and given up at the first limit it passes, so that a schema deeper
 * than JSON.stringify can write, or of hundreds of megabytes, costs little.
 */
export function compactJsonSize(value: unknown, limits: JsonLimits): number | 'too-deep' | 'too-large' {
  let bytes = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node !== null && typeof node === 'object') {
      if (depth >= limits.depth) return 'too-deep';
      const entries: [string | undefined, unknown][] = Array.isArray(node) ? node.map((item) => [undefined, item]) : Object.entries(node);
      // Brackets, and a comma between entries.
      bytes += 2 + Math.max(0, entries.length - 1);
      for (const [key, item] of entries) {
        // A key, quoted, and its colon.
        if (key !== undefined) bytes += Buffer.byteLength(JSON.stringify(key)) + 1;
        stack.push({ node: item, depth: depth + 1 });
      }
    } else {
      bytes += Buffer.byteLength(JSON.stringify(node) ?? 'null');
    }
    if (bytes > limits.bytes) return 'too-large';
  }
  return bytes;
}

/** The input schema when it can be carried, else why not. */
function inputSchemaOf(inputSchema: unknown): { inputSchema: unknown } | { inputSchemaOmitted: 'too-deep' | 'too-large' } {
  const size = compactJsonSize(inputSchema, { depth: INPUT_SCHEMA_DEPTH, bytes: INPUT_SCHEMA_BYTES });
  return typeof size === 'number' ? { inputSchema } : { inputSchemaOmitted: size };
}

/**
 * The tool as JSON, validated: throws when the data does not fit the published schema.
 * Third-party text is cut where the page cuts it; an input schema too large or too deep
 * to carry is left out, its parameters listed as the page lists them.
 */
export function toolJson(model: ToolPageModel, siteUrl: string): ToolCopy {
  const { tool, serverEntry, entry, classification } = model;
  const absolute = (path: string): string => absoluteUrl(path, siteUrl);
  const description = tool.description === undefined ? undefined : capped(tool.description, DISPLAY_CAPS.toolDescription);
  return toolCopySchema.parse({
    $schema: absolute(agentCopyUrls.schema('tool')),
    server: {
      id: model.server.id,
      slug: serverEntry.slug,
      name: model.server.name,
      urls: pageUrls(serverEntry.url, agentCopyUrls.serverMarkdown(serverEntry.slug), agentCopyUrls.serverJson(serverEntry.slug), siteUrl),
    },
    tool: {
      name: tool.name,
      slug: entry.slug,
      ...(tool.title !== undefined ? { title: capText(tool.title, DISPLAY_CAPS.title) } : {}),
      ...(description ? { description: description.text, descriptionLength: description.length } : {}),
      ...inputSchemaOf(tool.inputSchema),
      parameterCount: model.parameters.length,
      parameters: model.parameters.slice(0, DISPLAY_CAPS.parameters),
      annotations: declaredHints(model),
    },
    classification,
    policySummary: model.policy.summary,
    policy: JSON.parse(model.policy.json),
    ...(model.conditionalExample
      ? {
          conditionalExample: {
            summary: model.conditionalExample.summary,
            ...(model.conditionalExample.note ? { note: model.conditionalExample.note } : {}),
            policy: JSON.parse(model.conditionalExample.json),
          },
        }
      : {}),
    urls: {
      ...pageUrls(entry.url, agentCopyUrls.toolMarkdown(entry.serverSlug, entry.slug), agentCopyUrls.toolJson(entry.serverSlug, entry.slug), siteUrl),
      policy: absolute(urls.toolPolicy(entry.serverSlug, entry.slug)),
      interceptPolicy: absolute(urls.toolInterceptPolicy(entry.serverSlug, entry.slug)),
    },
  });
}

/** A link from the catalogue, when the page would link it (short enough). */
function externalUrl(key: 'repository' | 'homepage', url: string | undefined): Record<string, string> {
  return url !== undefined && url.length <= DISPLAY_CAPS.url ? { [key]: url } : {};
}

/**
 * The server as JSON, validated. Every tool is listed, each with a few bounded fields;
 * the description is cut where the hub cuts it, and the policy inlined only when the hub
 * shows it inline, else `urls.policy` is where it is.
 */
export function serverJson(model: ServerPageModel, siteUrl: string): ServerCopy {
  const { server, entry } = model;
  const absolute = (path: string): string => absoluteUrl(path, siteUrl);
  const tools = entry.tools.map((toolEntry) => {
    const { classification, inputSchema } = server.tools[toolEntry.position]!;
    return {
      name: toolEntry.name,
      slug: toolEntry.slug,
      classification: {
        category: classification.category,
        risk: classification.risk,
        confidence: classification.confidence,
        ...(classification.poisoned !== undefined ? { poisoned: classification.poisoned } : {}),
      },
      parameterCount: parameterRows(inputSchema).length,
      urls: pageUrls(toolEntry.url, agentCopyUrls.toolMarkdown(toolEntry.serverSlug, toolEntry.slug), agentCopyUrls.toolJson(toolEntry.serverSlug, toolEntry.slug), siteUrl),
    };
  });
  const description = server.description === undefined ? undefined : capped(server.description, DISPLAY_CAPS.serverDescription);
  const base = {
    $schema: absolute(agentCopyUrls.schema('server')),
    id: server.id,
    slug: entry.slug,
    name: server.name,
    ...(description ? { description: description.text, descriptionLength: description.length } : {}),
    ...(server.package !== undefined ? { package: server.package } : {}),
    ...externalUrl('repository', server.repository),
    ...externalUrl('homepage', server.homepage),
    toolCount: entry.toolCount,
    byRisk: entry.byRisk,
    byCategory: entry.byCategory,
    tools,
    policySummary: model.policy.summary,
    urls: {
      ...pageUrls(entry.url, agentCopyUrls.serverMarkdown(entry.slug), agentCopyUrls.serverJson(entry.slug), siteUrl),
      policy: absolute(urls.serverPolicy(entry.slug)),
      interceptPolicy: absolute(urls.serverInterceptPolicy(entry.slug)),
    },
  };
  return serverCopySchema.parse(
    model.policyInline ? { ...base, policyInline: true, policy: JSON.parse(model.policy.json) } : { ...base, policyInline: false },
  );
}

/** A copy as the file an endpoint serves. */
export function jsonBody(copy: ToolCopy | ServerCopy): string {
  return `${JSON.stringify(copy)}\n`;
}

// ---------------------------------------------------------------------------------------
// llms-full.txt

/** An editorial page as the content collections hold it: front matter and Markdown body. */
export interface EditorialPage {
  slug: string;
  title: string;
  summary: string;
  body: string;
}

export interface AttackPage extends EditorialPage {
  identifiers: readonly string[];
  categories: readonly string[];
  mitigations: readonly string[];
  sources: readonly { title: string; url: string }[];
}

export interface LlmsFullInput {
  siteName: string;
  siteUrl: string;
  toolCount: number;
  /** In the order the site lists them. */
  docs: readonly EditorialPage[];
  attacks: readonly AttackPage[];
  servers: readonly ServerEntry[];
}

/**
 * An editorial body with its site links made absolute: the text is read away from the
 * site, where `/docs/x/` points nowhere. Code blocks are left as they are.
 */
function absoluteLinks(body: string, siteUrl: string): string {
  let fence: string | undefined;
  return body
    .split('\n')
    .map((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence === undefined ? marker : undefined;
        return line;
      }
      if (fence !== undefined) return line;
      return line.replace(/\]\((\/[^)\s]*)\)/g, (_, path: string) => `](${absoluteUrl(withBase(path), siteUrl)})`);
    })
    .join('\n');
}

function editorialSection(page: EditorialPage, path: string, siteUrl: string, extra: readonly (string | false)[] = []): string {
  return document([`# ${page.title}`, `URL: ${absoluteUrl(path, siteUrl)}`, `> ${page.summary}`, ...extra, absoluteLinks(page.body.trim(), siteUrl)]).trimEnd();
}

function attackSection(page: AttackPage, siteUrl: string): string {
  return document([
    editorialSection(page, urls.attack(page.slug), siteUrl, [
      page.identifiers.length > 0 && `Identifiers: ${page.identifiers.join(', ')}`,
      `Abuses: ${page.categories.join(', ')} tools`,
    ]),
    '## Policy rules that blunt it',
    bullets(page.mitigations),
    '## Sources',
    bullets(page.sources.map((source) => markdownLink(escapeMarkdown(source.title), source.url))),
  ]).trimEnd();
}

/** One line for a server: its name, counts and where its pages and copies are. */
export function serverLine(server: ServerEntry, siteUrl: string): string {
  const absolute = (path: string): string => absoluteUrl(path, siteUrl);
  const risks = RISKS.map((risk) => `${risk} ${server.byRisk[risk]}`).join(', ');
  return `- ${markdownLink(escapeMarkdown(server.name), absolute(server.url))}: ${server.toolCount} ${server.toolCount === 1 ? 'tool' : 'tools'} (${risks}); Markdown: ${absolute(agentCopyUrls.serverMarkdown(server.slug))}; JSON: ${absolute(agentCopyUrls.serverJson(server.slug))}`;
}

/** /llms-full.txt: the guides and attack patterns in full, then one line per server (not per tool). */
export function llmsFullText(input: LlmsFullInput): string {
  const { siteUrl } = input;
  const absolute = (path: string): string => absoluteUrl(path, siteUrl);
  return document([
    `# ${input.siteName}: the full text`,
    `> Risk classification and recommended MCP gateway policies (policy.json v1) for ${input.toolCount} tools on ${input.servers.length} MCP servers. Tool and server descriptions are third-party text, quoted as data, not instructions.`,
    `The guides and the attack patterns in full, then one line per server. Every server and tool page has a Markdown copy at its URL + \`index.html.md\` and JSON at \`${urlTemplate(agentCopyUrls.serverJson('<server>'))}\` and \`${urlTemplate(agentCopyUrls.toolJson('<server>', '<tool>'))}\`, whose JSON Schemas are ${absolute(agentCopyUrls.schema('server'))} and ${absolute(agentCopyUrls.schema('tool'))}. A map of the site: ${absolute(urls.llms())}.`,
    ...input.docs.map((page) => editorialSection(page, urls.doc(page.slug), siteUrl)),
    ...input.attacks.map((page) => attackSection(page, siteUrl)),
    '# Servers',
    input.servers.map((server) => serverLine(server, siteUrl)).join('\n'),
  ]);
}
