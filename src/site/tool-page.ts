/**
 * Everything one tool page shows, computed from the catalogue by the domain core.
 * Components only lay this out. Data flows one way: catalogue, classification,
 * policy, page.
 */
import { gatewayLink } from '../config/site-config.ts';
import type { Classification } from '../catalogue/schema/classification.ts';
import type { LastChange } from '../catalogue/changes/change-log.ts';
import { SPEC_TOOL_NAME_PATTERN, type Tool } from '../catalogue/schema/tool.ts';
import { buildToolFaq, type FaqEntry } from '../catalogue/prose/faq.ts';
import { enforcementSteps, interceptFileName, policyFileName } from '../catalogue/prose/enforcement.ts';
import { exampleCallLabel, verdictText } from '../catalogue/prose/example-calls.ts';
import { toolPolicyFiles, type PolicyFiles } from './policy-files.ts';
import { slugify } from '../catalogue/slug.ts';
import { findSuspiciousText, type SuspiciousText } from '../catalogue/poisoning/find-suspicious-text.ts';
import { annotationRows, type AnnotationRow } from './annotations.ts';
import { parameterRows, type ParameterRow } from '../catalogue/parameters.ts';
import type { SiteData } from './site-data.ts';
import type { ClassifiedServer, ClassifiedTool } from '../catalogue/schema/server.ts';
import type { ServerEntry, ToolEntry } from './site-index.ts';
import { attackPatternsFor, type AttackPatternSummary } from './attack-patterns.ts';
import { urls } from './urls.ts';
import { firstSentence, shorten, toolMetaDescription } from '../catalogue/prose/meta-description.ts';
import { capText, DISPLAY_CAPS } from '../catalogue/display-caps.ts';
import { confusableScriptsOf } from '../catalogue/poisoning/look-alikes.ts';

const RELATED_LIMIT = 8;
const SAME_NAME_LIMIT = 30;
/** The first screen's line on what the tool does: two lines of a wide column. */
const SUMMARY_LINE_MAX = 160;

export interface PolicyView {
  json: string;
  /** The same policy for Intercept, as policy.intercept.yaml. */
  yaml: string;
  summary: string;
  /** What one format cannot say that the other does. */
  differences: string[];
  /** Which values are examples to edit. */
  note?: string;
}

/** One row of the example-calls table, in words. */
export interface ExampleCallRow {
  label: string;
  /** The call's arguments as JSON, capped for the page. */
  args: string;
  jsonVerdict: string;
  interceptVerdict: string;
  jsonAllows: boolean;
  interceptAllows: boolean;
}

export interface ToolPageModel {
  server: ClassifiedServer;
  serverEntry: ServerEntry;
  tool: ClassifiedTool;
  entry: ToolEntry;
  classification: Classification;
  nameFollowsSpec: boolean;
  parameters: ParameterRow[];
  requiredCount: number;
  annotations: AnnotationRow[];
  policy: PolicyView;
  conditionalExample?: PolicyView;
  policyFileName: string;
  interceptFileName: string;
  /** Calls made from the input schema, with each policy's verdict. */
  exampleCalls: ExampleCallRow[];
  /** The parameters are as a directory lists them: names, types and required only. */
  reducedParameters: boolean;
  faq: FaqEntry[];
  enforcementSteps: string[];
  gatewayUrl: string;
  sameServerSameCategory: ToolEntry[];
  sameNameElsewhere: ToolEntry[];
  /** Servers with a tool of this name's slug, this one included (a shared-name page exists when > 1). */
  sameNameTotal: number;
  /** Text in the definition that reads like instructions to a model, or hides characters. */
  suspiciousText: SuspiciousText[];
  /** When the definition last appeared or changed in a pull, if the change log saw it. */
  lastChange?: LastChange;
  /**
   * When the name is spelled with letters of several scripts, or looks like another name
   * of this server or a name found on several servers: the names it looks like, and the
   * scripts of its letters. The confidence shown is then lowered.
   */
  lookAlike?: { names: { name: string; where: string }[]; scripts: string[] };
  /** The tool's own title, capped, when it says more than the name; pages show it as a quotation. */
  title?: string;
  /** Parameter names, lower-cased, for matching attack patterns. */
  parameterNames: string[];
  /** The attack patterns that abuse this kind of access, in editorial order. */
  attacks: AttackPatternSummary[];
  /**
   * What the tool does, in one line: the first sentence of its own description
   * (third-party text), or empty when there is none or the definition is poisoned.
   */
  summaryLine: string;
  /** The page's meta description. */
  metaDescription: string;
  /** Where the page links beyond the tool itself. */
  links: { sameName: string; category: string; risk: string };
}

/** The first `limit` entries that pass: related lists stop early instead of walking on. */
function firstOthers(list: readonly ToolEntry[], keep: (entry: ToolEntry) => boolean, limit: number): ToolEntry[] {
  const out: ToolEntry[] = [];
  for (const entry of list) {
    if (out.length === limit) break;
    if (keep(entry)) out.push(entry);
  }
  return out;
}

function viewOf(files: PolicyFiles): PolicyView {
  return { json: files.json, yaml: files.yaml, summary: files.summary, differences: files.differences, ...(files.note ? { note: files.note } : {}) };
}

/** The confidence a classification is shown with when the name is a look-alike. */
const LOOK_ALIKE_CONFIDENCE = 0.25;

function lookAlikeOf(data: SiteData, serverEntry: ServerEntry, name: string): ToolPageModel['lookAlike'] {
  // Almost every name has no look-alike: the server's names are only walked when one does.
  const names = data.index.lookAlikes
    .lookAlikesOf(name)
    .map((other) => {
      if (serverEntry.tools.some((tool) => tool.name === other)) return { name: other, where: 'another tool of this server' };
      const servers = data.index.serverCountByNameSlug.get(slugify(other)) ?? 0;
      return servers > 1 ? { name: other, where: `a name found on ${servers} servers` } : undefined;
    })
    .filter((found): found is { name: string; where: string } => found !== undefined)
    .slice(0, 10);
  const scripts = confusableScriptsOf(name);
  // Of a plain ASCII name and one that imitates it with other letters, the second is the
  // suspect; two ASCII names that look alike (`l` and `1`) are each other's suspects.
  const ascii = (text: string): boolean => /^[\x20-\x7E]*$/.test(text);
  const suspect = names.length > 0 && (!ascii(name) || names.every((other) => ascii(other.name)));
  return suspect || scripts.length > 1 ? { names, scripts } : undefined;
}

export function toolPageModel(data: SiteData, entry: ToolEntry, attackPatterns: readonly AttackPatternSummary[]): ToolPageModel {
  const server = data.serverById.get(entry.serverId)!;
  const serverEntry = data.index.serverBySlug.get(entry.serverSlug)!;
  const tool = server.tools[entry.position]!;
  const lookAlike = lookAlikeOf(data, serverEntry, tool.name);
  // A name made to pass for another makes everything read from the definition less sure.
  const classification = lookAlike
    ? { ...tool.classification, confidence: Math.min(tool.classification.confidence, LOOK_ALIKE_CONFIDENCE) }
    : tool.classification;
  const files = toolPolicyFiles(tool, classification, new Set(serverEntry.tools.map((other) => other.name)));
  const { recommendation } = files;
  const parameters = parameterRows(tool.inputSchema);
  const reducedParameters = server.provenance.some((source) => source.suppliedTools === true && source.reducedParameters === true);
  const lastChange = data.changes.lastChange(server.id, tool.name);
  const nameSlug = slugify(tool.name);
  const sameName = data.index.toolsByNameSlug.get(nameSlug) ?? [];
  const parameterNames = parameters.map((row) => row.name.toLowerCase());
  return {
    server,
    serverEntry,
    tool,
    entry,
    classification,
    nameFollowsSpec: SPEC_TOOL_NAME_PATTERN.test(tool.name),
    parameters,
    requiredCount: parameters.filter((row) => row.required).length,
    annotations: annotationRows(tool.annotations),
    policy: viewOf(files.recommended),
    ...(files.conditionalExample ? { conditionalExample: viewOf(files.conditionalExample) } : {}),
    policyFileName: policyFileName(server.id, entry.slug),
    interceptFileName: interceptFileName(server.id, entry.slug),
    reducedParameters,
    exampleCalls: files.exampleCalls.map((call) => ({
      label: exampleCallLabel(call),
      args: capText(JSON.stringify(call.args), DISPLAY_CAPS.exampleArguments),
      jsonVerdict: capText(verdictText(call.decision), DISPLAY_CAPS.exampleVerdict),
      interceptVerdict: capText(verdictText(call.intercept), DISPLAY_CAPS.exampleVerdict),
      jsonAllows: call.decision.allow,
      interceptAllows: call.intercept.allow,
    })),
    faq: buildToolFaq({ serverName: server.name, serverId: server.id, tool, classification, recommendation, toolSlug: entry.slug, reducedParameters }),
    enforcementSteps: enforcementSteps({ serverName: server.name, toolName: tool.name }),
    gatewayUrl: gatewayLink(data.config, server.id, tool.name),
    sameServerSameCategory: firstOthers(serverEntry.toolsByCategory[classification.category], (other) => other.name !== tool.name, RELATED_LIMIT),
    sameNameElsewhere: firstOthers(sameName, (other) => other.serverId !== server.id && other.name === tool.name, SAME_NAME_LIMIT),
    sameNameTotal: data.index.serverCountByNameSlug.get(nameSlug) ?? 1,
    ...(tool.title && tool.title !== tool.name ? { title: capText(tool.title, DISPLAY_CAPS.title) } : {}),
    ...(lookAlike ? { lookAlike } : {}),
    parameterNames,
    attacks: attackPatternsFor(attackPatterns, classification.category, parameterNames),
    summaryLine: classification.poisoned ? '' : shorten(firstSentence(tool.description ?? ''), SUMMARY_LINE_MAX),
    metaDescription: toolMetaDescription({ toolName: tool.name, serverName: server.name, description: tool.description, classification, decision: recommendation.decision }),
    links: { sameName: urls.name(nameSlug), category: urls.category(classification.category), risk: urls.risk(classification.risk) },
    suspiciousText: findSuspiciousText(tool),
    ...(lastChange ? { lastChange } : {}),
  };
}
