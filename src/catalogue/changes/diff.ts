/**
 * Which tool definitions were added, removed or changed between two catalogues.
 * Works from per-tool digests (see fingerprint.ts), so the previous catalogue is held as
 * one short string per tool and the next one streams past without being kept.
 */
import {
  changedFields,
  fingerprintOfDigest,
  toolDigest,
  type FingerprintField,
  type FingerprintInput,
  type ToolDigest,
} from '../fingerprint.ts';

/** A tool's identity across catalogues: server id and tool name, joined by NUL (which neither can contain). */
export function toolKey(serverId: string, toolName: string): string {
  return `${serverId}\u0000${toolName}`;
}

export function splitToolKey(key: string): { serverId: string; toolName: string } {
  const at = key.indexOf('\u0000');
  return { serverId: key.slice(0, at), toolName: key.slice(at + 1) };
}

/** `toolKey(serverId, toolName)` -> the tool's digest, for every tool of a catalogue. */
export type FingerprintIndex = Map<string, ToolDigest>;

/** The part of a server record a diff reads. */
export interface ServerTools {
  readonly id: string;
  readonly tools: ReadonlyArray<FingerprintInput & { readonly name: string }>;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ToolChange {
  serverId: string;
  toolName: string;
  kind: ChangeKind;
  /** The fingerprinted fields that differ; empty for added and removed tools. */
  fields: FingerprintField[];
  /** Fingerprint in the previous catalogue (absent for an added tool). */
  previousFingerprint?: string;
  /** Fingerprint in the next catalogue (absent for a removed tool). */
  fingerprint?: string;
}

export interface DiffCounts {
  /** Servers and tools in the next catalogue. */
  servers: number;
  tools: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export interface CatalogueDiff {
  /** In the order of the next catalogue. */
  added: ToolChange[];
  /** In the order of the previous catalogue. */
  removed: ToolChange[];
  /** In the order of the next catalogue. */
  changed: ToolChange[];
  counts: DiffCounts;
}

/** Adds a server's tools to an index. */
export function indexServer(index: FingerprintIndex, server: ServerTools): void {
  for (const tool of server.tools) index.set(toolKey(server.id, tool.name), toolDigest(tool));
}

/** The index of a catalogue held in memory; a file is indexed by the store's `readFingerprintIndex`. */
export function fingerprintIndex(servers: Iterable<ServerTools>): FingerprintIndex {
  const index: FingerprintIndex = new Map();
  for (const server of servers) indexServer(index, server);
  return index;
}

/**
 * Compares servers one at a time against a previous index, so the next catalogue can be
 * diffed while it streams to disk. Takes ownership of the index: seen tools are deleted
 * from it, and what is left at the end was removed.
 */
export class ChangeDetector {
  readonly #previous: FingerprintIndex;
  readonly #added: ToolChange[] = [];
  readonly #changed: ToolChange[] = [];
  #servers = 0;
  #tools = 0;
  #unchanged = 0;
  #finished = false;

  constructor(previous: FingerprintIndex) {
    this.#previous = previous;
  }

  observe(server: ServerTools): void {
    if (this.#finished) throw new Error('ChangeDetector: observe() after finish()');
    this.#servers += 1;
    for (const tool of server.tools) {
      this.#tools += 1;
      const key = toolKey(server.id, tool.name);
      const digest = toolDigest(tool);
      const before = this.#previous.get(key);
      if (before === undefined) {
        this.#added.push({
          serverId: server.id,
          toolName: tool.name,
          kind: 'added',
          fields: [],
          fingerprint: fingerprintOfDigest(digest),
        });
        continue;
      }
      this.#previous.delete(key);
      if (before === digest) {
        this.#unchanged += 1;
        continue;
      }
      const fingerprint = fingerprintOfDigest(digest);
      const previousFingerprint = fingerprintOfDigest(before);
      if (fingerprint === previousFingerprint) {
        // Same definition; only the digest layout differs (written by another version).
        this.#unchanged += 1;
        continue;
      }
      this.#changed.push({
        serverId: server.id,
        toolName: tool.name,
        kind: 'changed',
        fields: changedFields(before, digest),
        previousFingerprint,
        fingerprint,
      });
    }
  }

  finish(): CatalogueDiff {
    this.#finished = true;
    const removed: ToolChange[] = [];
    for (const [key, digest] of this.#previous) {
      const { serverId, toolName } = splitToolKey(key);
      removed.push({ serverId, toolName, kind: 'removed', fields: [], previousFingerprint: fingerprintOfDigest(digest) });
    }
    this.#previous.clear();
    return {
      added: this.#added,
      removed,
      changed: this.#changed,
      counts: {
        servers: this.#servers,
        tools: this.#tools,
        added: this.#added.length,
        removed: removed.length,
        changed: this.#changed.length,
        unchanged: this.#unchanged,
      },
    };
  }
}

/**
 * The diff of two catalogues. `previous` is either the previous servers or their index
 * (which is copied, not consumed); `next` is the next servers.
 */
export function diffCatalogues(
  previous: FingerprintIndex | Iterable<ServerTools>,
  next: Iterable<ServerTools>,
): CatalogueDiff {
  const index = previous instanceof Map ? new Map(previous) : fingerprintIndex(previous);
  const detector = new ChangeDetector(index);
  for (const server of next) detector.observe(server);
  return detector.finish();
}
