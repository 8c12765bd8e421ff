/**
 * Measures the engine against the hints server authors put on their own tools. The
 * annotations are stripped before classifying, so the engine sees only the name, title,
 * description and schema, and its category is compared with what the author declared.
 *
 * Annotations holding the four hints at exactly the spec's defaults are left out, like
 * tools with none: mcp-go's `NewTool` sends that block for every tool whose author set
 * nothing, so it labels nothing (it would call a documentation lookup destructive).
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
import { isSeededDefaults } from './annotations.ts';
import { classifyTool, type ServerIdentity } from './classify-tool.ts';
import { SOURCE_NAMES, type AnnotatedTool, type SourceName } from './read-source-data.ts';

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
  /** Tools measured: those with annotations, less the seeded ones. */
  total: number;
  /**
   * Tools left out because their annotations are the spec's four defaults, as an SDK
   * fills them in when the author declares nothing: they carry no label to agree with.
   */
  seeded: number;
  /** Of those, how many the engine calls Read: disagreements, were they counted. */
  seededRead: number;
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
  /** Agreement within each band of the engine's confidence, lowest band first. */
  bands: ConfidenceBand[];
  disagreements: EvaluatedTool[];
}

export interface ConfidenceBand {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound (1 is inclusive). */
  to: number;
  tools: number;
  agreed: number;
}

/** The confidence bands `evaluate` reports; a tool shown at 0.8 or more should agree 98% of the time. */
export const CONFIDENCE_BANDS: ReadonlyArray<readonly [number, number]> = [[0, 0.5], [0.5, 0.8], [0.8, 1]];

/** Seed of the set-aside fifth: fixed, so the held-out servers never change between runs. */
export const HOLDOUT_SEED = 20261201;
export const HOLDOUT_FRACTION = 0.2;

/** A server's key across sources: the same name in two sources is two servers here. */
export function serverKey(tool: Pick<AnnotatedTool, 'source' | 'server'>): string {
  return `${tool.source}/${tool.server}`;
}

/** mulberry32: a small seeded generator, so the split is the same on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Whole servers set aside: the annotated servers in sorted order, shuffled by the fixed
 * seed, and the first fifth of them held out. A server's tools are never split.
 */
export function splitHoldout(tools: readonly AnnotatedTool[], seed = HOLDOUT_SEED, fraction = HOLDOUT_FRACTION): { tuning: AnnotatedTool[]; holdout: AnnotatedTool[] } {
  const keys = [...new Set(tools.map(serverKey))].sort();
  const random = seeded(seed);
  for (let index = keys.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [keys[index], keys[other]] = [keys[other]!, keys[index]!];
  }
  const held = new Set(keys.slice(0, Math.round(keys.length * fraction)));
  return {
    tuning: tools.filter((tool) => !held.has(serverKey(tool))),
    holdout: tools.filter((tool) => held.has(serverKey(tool))),
  };
}

function emptyRow(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
}

export function evaluate(tools: readonly AnnotatedTool[]): EvaluationReport {
  const report: EvaluationReport = {
    total: 0,
    seeded: 0,
    seededRead: 0,
    bySource: Object.fromEntries(SOURCE_NAMES.map((source) => [source, 0])) as Record<SourceName, number>,
    agreedBySource: Object.fromEntries(SOURCE_NAMES.map((source) => [source, 0])) as Record<SourceName, number>,
    agreed: 0,
    explicit: 0,
    agreedExplicit: 0,
    readOnlyMissed: 0,
    readOnlyExtra: 0,
    authorDestructive: 0,
    destructiveAsRead: [],
    confusion: { 'read-only': emptyRow(), destructive: emptyRow(), 'other-writes': emptyRow() },
    bands: CONFIDENCE_BANDS.map(([from, to]) => ({ from, to, tools: 0, agreed: 0 })),
    disagreements: [],
  };
  // One identity per server, with its tools' names, as the catalogue classifies them.
  const identities = new Map<string, ServerIdentity>();
  for (const { source, server, tool, siblings } of tools) {
    const { annotations, ...bare } = tool;
    const key = serverKey({ source, server });
    let identity = identities.get(key);
    if (!identity) identities.set(key, (identity = { id: server, name: server, toolNames: siblings }));
    const classification = classifyTool(bare, identity);
    if (isSeededDefaults(annotations)) {
      report.seeded += 1;
      if (classification.category === 'Read') report.seededRead += 1;
      continue;
    }
    report.total += 1;
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
    const band = report.bands.find((each) => classification.confidence >= each.from && (classification.confidence < each.to || each.to === 1));
    if (band) {
      band.tools += 1;
      if (agrees) band.agreed += 1;
    }
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
