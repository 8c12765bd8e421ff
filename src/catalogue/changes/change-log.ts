/**
 * The change log: one NDJSON line per pull, beside the catalogue, saying when which tool
 * definitions appeared, changed or went away. The site reads it through `loadChangeLog`.
 *
 * A line:
 * {"date":"2026-11-22T08:00:00.000Z","source":"https://…","counts":{…},
 *  "changes":[{"kind":"changed","server":"…","tool":"…","fields":["description"],
 *              "previous":"<sha256>","fingerprint":"<sha256>"}, …]}
 * Within a line, changed tools come first, then added, then removed ones.
 */
import { z } from 'zod';
import { describeIssue } from '../issues.ts';
import { FINGERPRINT_FIELDS, type FingerprintField } from '../fingerprint.ts';
import type { CatalogueDiff, ChangeKind, DiffCounts, ToolChange } from './diff.ts';

const fingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/);

const storedChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  server: z.string().min(1),
  tool: z.string().min(1),
  fields: z.array(z.enum(FINGERPRINT_FIELDS)).optional(),
  previous: fingerprintSchema.optional(),
  fingerprint: fingerprintSchema.optional(),
});

const countsSchema = z.object({
  servers: z.number().int().nonnegative(),
  tools: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

const replacedSchema = z.object({ server: z.string().min(1), reason: z.string().max(1000) });

const pullLineSchema = z.object({
  date: z.iso.datetime(),
  source: z.string().min(1),
  counts: countsSchema,
  changes: z.array(storedChangeSchema),
  replaced: z.array(replacedSchema).optional(),
});

/** A server record replaced by one of another package or provenance (`capture --replace`, or a pull). */
export type ReplacedServer = z.infer<typeof replacedSchema>;

/** One pull, as the change log records it. */
export interface PullRecord {
  /** ISO 8601 timestamp (UTC) of the pull. */
  date: string;
  /** The URL or path pulled from (credentials removed). */
  source: string;
  counts: DiffCounts;
  /** Records replaced by another server under the same id, when there were any. */
  replaced?: readonly ReplacedServer[];
}

/** One tool's change in one pull: the diff's entry, with when and where the pull was. */
export interface ChangeEntry extends ToolChange {
  /** ISO 8601 timestamp (UTC) of the pull that saw it. */
  date: string;
  source: string;
}

/** What a tool page shows: when the definition last changed and what changed. */
export interface LastChange {
  date: string;
  kind: 'added' | 'changed';
  fields: FingerprintField[];
}

function storedChange(change: ToolChange): string {
  const stored: z.input<typeof storedChangeSchema> = { kind: change.kind, server: change.serverId, tool: change.toolName };
  if (change.fields.length > 0) stored.fields = change.fields;
  if (change.previousFingerprint) stored.previous = change.previousFingerprint;
  if (change.fingerprint) stored.fingerprint = change.fingerprint;
  return JSON.stringify(stored);
}

/**
 * The change-log line of one pull, in pieces, so a first pull of half a million tools is
 * written without building one huge string. Join them (or write them in order) and the
 * line ends with a newline.
 */
export function* changeLogLine(
  pull: { date: string; source: string; replaced?: readonly ReplacedServer[] | undefined },
  diff: CatalogueDiff,
): Generator<string> {
  yield `{"date":${JSON.stringify(pull.date)},"source":${JSON.stringify(pull.source)},"counts":${JSON.stringify(diff.counts)},"changes":[`;
  let first = true;
  for (const list of [diff.changed, diff.added, diff.removed]) {
    for (const change of list) {
      yield first ? storedChange(change) : `,${storedChange(change)}`;
      first = false;
    }
  }
  yield pull.replaced && pull.replaced.length > 0 ? `],"replaced":${JSON.stringify(pull.replaced)}}\n` : ']}\n';
}

export interface LoadChangeLogOptions {
  /** `throw` (default) refuses a damaged log; `skip` leaves out bad lines and warns. */
  onInvalid?: 'throw' | 'skip';
  warn?: (message: string) => void;
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Everything the site asks of the change log, answered from indexes built once at load:
 * `lastChange` is one map lookup, `recentChanges(limit)` one slice.
 */
export class ChangeLog {
  readonly #pulls: readonly PullRecord[];
  /** Every entry, newest pull first; within a pull, in the order of the log line. */
  readonly #newestFirst: readonly ChangeEntry[];
  readonly #last: ReadonlyMap<string, ChangeEntry>;
  readonly #byKinds = new Map<string, readonly ChangeEntry[]>();

  constructor(pulls: readonly PullRecord[], entriesByPull: readonly (readonly ChangeEntry[])[]) {
    this.#pulls = Object.freeze([...pulls].reverse());
    const last = new Map<string, ChangeEntry>();
    for (const entries of entriesByPull) {
      for (const entry of entries) {
        const key = `${entry.serverId}\u0000${entry.toolName}`;
        // A removed tool has no page; if it comes back, its return is an `added`.
        if (entry.kind === 'removed') last.delete(key);
        else last.set(key, entry);
      }
    }
    this.#last = last;
    const newestFirst: ChangeEntry[] = [];
    for (let i = entriesByPull.length - 1; i >= 0; i -= 1) {
      for (const entry of entriesByPull[i]!) newestFirst.push(entry);
    }
    this.#newestFirst = Object.freeze(newestFirst);
  }

  /** The pulls recorded, newest first. */
  pulls(): readonly PullRecord[] {
    return this.#pulls;
  }

  /** When this tool's definition last appeared or changed, or undefined when the log never saw it. */
  lastChange(serverId: string, toolName: string): LastChange | undefined {
    return this.#last.get(`${serverId}\u0000${toolName}`) as LastChange | undefined;
  }

  /**
   * The newest `limit` entries, newest pull first. `kinds` narrows them (e.g. `['changed']`
   * for a page of changed definitions, leaving out the additions of a first pull).
   * Entries are frozen and shared between calls.
   */
  recentChanges(limit: number, options: { kinds?: readonly ChangeKind[] } = {}): ChangeEntry[] {
    const list = this.#filtered(options.kinds);
    return list.slice(0, Math.max(0, Math.floor(limit)));
  }

  /** How many entries `recentChanges` can return for these kinds. */
  countChanges(options: { kinds?: readonly ChangeKind[] } = {}): number {
    return this.#filtered(options.kinds).length;
  }

  #filtered(kinds: readonly ChangeKind[] | undefined): readonly ChangeEntry[] {
    if (!kinds) return this.#newestFirst;
    const cacheKey = [...new Set(kinds)].sort().join(',');
    let list = this.#byKinds.get(cacheKey);
    if (!list) {
      const wanted = new Set(kinds);
      list = Object.freeze(this.#newestFirst.filter((entry) => wanted.has(entry.kind)));
      this.#byKinds.set(cacheKey, list);
    }
    return list;
  }
}

/** Parses one change-log line; throws an Error naming the line and the field. */
export function parseChangeLogLine(
  text: string,
  where: string,
): { pull: PullRecord; entries: ChangeEntry[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: invalid JSON (${(error as Error).message})`);
  }
  const result = pullLineSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${where}: ${describeIssue(issue, '(line)')}`);
  }
  const { date, source, counts, changes, replaced } = result.data;
  const pull: PullRecord = Object.freeze({ date, source, counts: Object.freeze(counts), ...(replaced ? { replaced: Object.freeze(replaced) } : {}) });
  const entries = changes.map((change) => {
    const entry: ChangeEntry = {
      date,
      source,
      serverId: change.server,
      toolName: change.tool,
      kind: change.kind,
      fields: change.fields ? (Object.freeze(change.fields) as FingerprintField[]) : (EMPTY as unknown as FingerprintField[]),
    };
    if (change.previous) entry.previousFingerprint = change.previous;
    if (change.fingerprint) entry.fingerprint = change.fingerprint;
    return Object.freeze(entry);
  });
  return { pull, entries };
}
