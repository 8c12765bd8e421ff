/**
 * `npm run catalogue -- evaluate [--data <dir>] [--disagreements] [--holdout] [--show-held-out]`
 *
 * The classifier's accuracy report: every tool in the shared real-world sources that
 * carries annotations is classified without them, and the result is compared with the
 * author's own `readOnlyHint` / `destructiveHint`. `--data` defaults to ../shared/data
 * (relative to the repository, where npm runs the script).
 *
 * The lists of tools (disagreements, destructive tools read as reads) keep back the tools
 * of the held-out servers unless `--show-held-out` is given: a rule drawn from their lines
 * would be tuned on them, and their figure would no longer say how the engine does on
 * servers it has not seen.
 */
import type { Command } from 'commander';
import { CATEGORIES } from '../../src/catalogue/schema/classification.ts';
import { AUTHOR_LABELS, evaluate, serverKey, splitHoldout, HOLDOUT_SEED, type EvaluatedTool, type EvaluationReport } from '../../src/catalogue/classify/evaluation.ts';
import { readAnnotatedTools } from '../../src/catalogue/classify/read-source-data.ts';

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

function hint(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

function describe(tool: EvaluatedTool): string {
  const signals = tool.classification.signals
    .slice(0, 3)
    .map((signal) => signal.label)
    .join(', ');
  return [
    `${tool.source}/${tool.server}`,
    tool.name,
    `author: ${tool.author} (readOnlyHint ${hint(tool.readOnlyHint)}, destructiveHint ${hint(tool.destructiveHint)})`,
    `engine: ${tool.classification.category}`,
    `signals: ${signals || 'none'}`,
  ].join('  |  ');
}

export interface ReportOptions {
  /** List every tool where the engine and the author disagree. */
  disagreements: boolean;
  /** Server keys whose tools the lists leave out, counted instead. */
  keptBack?: ReadonlySet<string>;
}

/** The tools of `tools` a list may show, and how many it keeps back. */
function listed(tools: readonly EvaluatedTool[], keptBack: ReadonlySet<string> | undefined): { shown: EvaluatedTool[]; held: number } {
  const shown = keptBack ? tools.filter((tool) => !keptBack.has(serverKey(tool))) : [...tools];
  return { shown, held: tools.length - shown.length };
}

const KEPT_BACK_NOTE = 'on held-out servers, not listed (--show-held-out lists them)';

export function formatReport(report: EvaluationReport, options: ReportOptions): string {
  const lines: string[] = [];
  const sources = Object.entries(report.bySource)
    .map(([source, count]) => `${source} ${count}`)
    .join(', ');
  lines.push(`Annotated tools: ${report.total} (${sources})`);
  if (report.seeded > 0) {
    const counted = report.total + report.seeded;
    const agreedCounted = report.agreed + report.seeded - report.seededRead;
    lines.push(
      `Left out: ${report.seeded} tools whose annotations are exactly the spec's four defaults, as an SDK sends them when the author sets none (engine calls ${report.seededRead} of them Read). Counted as labels, agreement would be ${agreedCounted}/${counted} (${percent(agreedCounted, counted)}).`,
    );
  }
  lines.push(
    'Author read-only means readOnlyHint: true. Annotations without readOnlyHint (or with null) count as not read-only, the MCP default.',
  );
  lines.push(
    `Agreement, engine Read vs not-Read against readOnlyHint: ${report.agreed}/${report.total} (${percent(report.agreed, report.total)})`,
  );
  for (const [source, count] of Object.entries(report.bySource) as [keyof EvaluationReport['bySource'], number][]) {
    const agreed = report.agreedBySource[source];
    lines.push(`  ${source}: ${agreed}/${count} (${percent(agreed, count)})`);
  }
  lines.push(`  author read-only, engine not Read: ${report.readOnlyMissed}`);
  lines.push(`  author not read-only, engine Read: ${report.readOnlyExtra}`);
  lines.push(
    `Secondary figure, not the headline: agreement on the tools whose authors set readOnlyHint to true or false explicitly: ${report.agreedExplicit}/${report.explicit} (${percent(report.agreedExplicit, report.explicit)})`,
  );
  lines.push(
    `Author-destructive (destructiveHint: true explicitly, readOnlyHint not true): ${report.authorDestructive}; classified Read: ${report.destructiveAsRead.length}`,
  );
  const destructive = listed(report.destructiveAsRead, options.keptBack);
  for (const tool of destructive.shown) lines.push(`  ${describe(tool)}`);
  if (destructive.held > 0) lines.push(`  ${destructive.held} more ${KEPT_BACK_NOTE}`);
  lines.push('Agreement by the engine\'s confidence:');
  for (const band of report.bands) {
    const range = band.to === 1 ? `${band.from.toFixed(1)}-1.0` : `${band.from.toFixed(1)}-${band.to.toFixed(1)} (excl.)`;
    lines.push(`  confidence ${range}: ${band.agreed}/${band.tools} (${percent(band.agreed, band.tools)})`);
  }
  lines.push('');
  lines.push('Confusion (rows: author label; columns: engine category)');
  const width = 13;
  lines.push(['', ...CATEGORIES].map((cell) => cell.padEnd(width)).join(''));
  for (const label of AUTHOR_LABELS) {
    const row = report.confusion[label];
    lines.push([label, ...CATEGORIES.map((category) => String(row[category]))].map((cell) => cell.padEnd(width)).join(''));
  }
  if (options.disagreements) {
    const disagreements = listed(report.disagreements, options.keptBack);
    lines.push('');
    lines.push(`Disagreements (${report.disagreements.length})`);
    for (const tool of disagreements.shown) lines.push(`  ${describe(tool)}`);
    if (disagreements.held > 0) lines.push(`  ${disagreements.held} more ${KEPT_BACK_NOTE}`);
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('evaluate')
    .description("measure the classifier against server authors' annotations in the shared real-world data")
    .option('--data <dir>', 'folder with captures/, livemcpbench/ and docker-mcp-registry/', '../shared/data')
    .option('--disagreements', 'list every tool where the engine and the author disagree')
    .option('--holdout', `also report the tuning set and the fifth of annotated servers set aside (seed ${HOLDOUT_SEED}) apart`)
    .option('--show-held-out', 'list the tools of the held-out servers too')
    .action(async (options: { data: string; disagreements?: boolean; holdout?: boolean; showHeldOut?: boolean }) => {
      const tools = await readAnnotatedTools(options.data);
      const { tuning, holdout } = splitHoldout(tools);
      const keptBack = options.showHeldOut ? undefined : new Set(holdout.map(serverKey));
      console.log(formatReport(evaluate(tools), { disagreements: options.disagreements === true, ...(keptBack ? { keptBack } : {}) }));
      if (options.holdout) {
        const servers = (list: typeof tools): number => new Set(list.map((tool) => `${tool.source}/${tool.server}`)).size;
        for (const [label, list] of [['Tuning set', tuning], ['Held-out fifth', holdout]] as const) {
          const report = evaluate(list);
          console.log('');
          console.log(
            `${label}: ${servers(list)} servers, ${report.total} tools: agreement ${report.agreed}/${report.total} (${percent(report.agreed, report.total)}); author-destructive classified Read: ${report.destructiveAsRead.length}`,
          );
        }
      }
    });
}
