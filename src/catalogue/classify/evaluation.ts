/**
 * Measures the engine against the hints server authors put on their own tools. The
 * annotations are stripped before classifying, so the engine sees only the name, title,
 * description and schema, and its category is compared with what the author declared.
 *
 * Author labels:
 * - `read-only`: `readOnlyHint: true`;
 * - `destructive`: `destructiveHint: true` sent explicitly, `readOnlyHint` not true;
 * - `other-writes`: everything else. A tool whose annotations omit `readOnlyHint` (or
 *   send null) is not read-only: that is the MCP default.
 * Agreement is Read against not-Read: the engine says Read exactly when the author says
 * read-only. A second figure counts only the tools whose authors sent readOnlyHint as
 * true or false; it never replaces the first.
 */
import { CATEGORIES, type Category, type Classification } from '../schema/classification.ts';
import { classifyTool } from './classify-tool.ts';
import type { AnnotatedTool, SourceName } from './read-source-data.ts';

export const AUTHOR_LABELS = ['read-only', 'destructive', 'other-writes'] as const;
export type AuthorLabel = (typeof AUTHOR_LABELS)[number];

export function authorLabel(annotations: Record<string, unknown>): AuthorLabel {
  if (annotations.readOnlyHint === true) return 'read-only';
  if (annotations.destructiveHint === true) return 'destructive';
  return 'other-writes';
}

export interface EvaluatedTool {
  source: SourceName;
  server: string;
  name: string;
  author: AuthorLabel;
  readOnlyHint: unknown;
  destructiveHint: unknown;
  classification: Classification;
  agrees: boolean;
}

export interface EvaluationReport {
  total: number;
  bySource: Record<SourceName, number>;
  agreedBySource: Record<SourceName, number>;
  agreed: number;
  /**
   * A secondary figure, never the headline: tools whose authors sent readOnlyHint as a
   * boolean, so their label is a statement rather than the spec's default.
   */
  explicit: number;
  agreedExplicit: number;
  /** Author read-only tools the engine did not call Read. */
  readOnlyMissed: number;
  /** Tools the author did not mark read-only that the engine called Read. */
  readOnlyExtra: number;
  authorDestructive: number;
  /** Author-destructive tools the engine called Read: the mistake that matters most. */
  destructiveAsRead: EvaluatedTool[];
  confusion: Record<AuthorLabel, Record<Category, number>>;
  disagreements: EvaluatedTool[];
}

function emptyRow(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
}

export function evaluate(tools: readonly AnnotatedTool[]): EvaluationReport {
  const report: EvaluationReport = {
    total: tools.length,
    bySource: { captures: 0, livemcpbench: 0, 'docker-mcp-registry': 0 },
    agreedBySource: { captures: 0, livemcpbench: 0, 'docker-mcp-registry': 0 },
    agreed: 0,
    explicit: 0,
    agreedExplicit: 0,
    readOnlyMissed: 0,
    readOnlyExtra: 0,
    authorDestructive: 0,
    destructiveAsRead: [],
    confusion: { 'read-only': emptyRow(), destructive: emptyRow(), 'other-writes': emptyRow() },
    disagreements: [],
  };
  for (const { source, server, tool } of tools) {
    const { annotations, ...bare } = tool;
    const classification = classifyTool(bare, { id: server, name: server });
    const author = authorLabel(annotations);
    const saysRead = classification.category === 'Read';
    const agrees = saysRead === (author === 'read-only');
    const evaluated: EvaluatedTool = {
      source,
      server,
      name: tool.name,
      author,
      readOnlyHint: annotations.readOnlyHint,
      destructiveHint: annotations.destructiveHint,
      classification,
      agrees,
    };
    report.bySource[source] += 1;
    report.confusion[author][classification.category] += 1;
    const explicit = typeof annotations.readOnlyHint === 'boolean';
    if (explicit) {
      report.explicit += 1;
      if (agrees) report.agreedExplicit += 1;
    }
    if (agrees) {
      report.agreed += 1;
      report.agreedBySource[source] += 1;
    } else {
      report.disagreements.push(evaluated);
      if (author === 'read-only') report.readOnlyMissed += 1;
      else report.readOnlyExtra += 1;
    }
    if (author === 'destructive') {
      report.authorDestructive += 1;
      if (saysRead) report.destructiveAsRead.push(evaluated);
    }
  }
  return report;
}
