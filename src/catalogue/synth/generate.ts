/**
 * Synthetic catalogues derived from a real one, deterministic by seed, produced one server
 * at a time so that a catalogue of 500,000 tools is written as it is made.
 *
 * Each synthetic server is modelled on a real one: about as many tools (most of them
 * renamed copies of that server's tools, some borrowed from other servers that name
 * tools in the same style), its description, and the shape of its package and links.
 * Each tool keeps the real tool's description, input schema and annotations, so
 * description lengths, schema sizes, annotation rates and the verb (hence category) mix
 * follow the real catalogue; only names change. Model servers and borrowed tools are
 * dealt from shuffled decks rather than drawn independently, and each server gets about
 * its model's tool count, so every real tool comes up about equally often: per-tool
 * distributions stay the real ones even where a few servers dominate them.
 *
 * Stored classifications are dropped: one made for the real name no longer describes the
 * renamed tool, and a tool without one is classified by the build with the current engine.
 */
import { serverSchema, type Server } from '../schema/server.ts';
import type { Tool } from '../schema/tool.ts';
import { slugify } from '../slug.ts';
import { Deck, Random } from './prng.ts';
import type { NamingStyle } from './naming-style.ts';
import { composeIdentity, displayName, identityFields, IdRegistry } from './server-identity.ts';
import type { SourceServer, SourceTool, SynthSource } from './source.ts';
import { composeToolName, slugTwins, substituteWords, type ComposeContext, type ComposedName } from './tool-names.ts';

export interface SynthOptions {
  /** Exactly this many tools in all. */
  tools: number;
  seed: number;
}

/** The retrieval date recorded when the source's header gives none: fixed, never the clock. */
export const FALLBACK_DATE = '2026-01-01';

/** Share of a server's tools copied from its model server; the rest are borrowed. */
const FROM_MODEL = 0.9;
/** Share of tools whose object words all stay, so real names recur (`read_file`, `list_tables`). */
const KEEP_OBJECTS = 0.3;
/** Share of tools given an extra qualifier (`_details`, `ByName`). */
const ADD_QUALIFIER = 0.08;
/**
 * Share of servers with two tool names that slug alike (`get_item`, `get-item`): rare, as
 * in real registries, but the site must cope with it.
 */
const SLUG_TWIN_SERVERS = 0.015;
/** A server gets between these shares of its model's tool count. */
const COUNT_SPREAD = [0.6, 1.4] as const;
/** Draws with the dealt tool, then with others, before a qualifier, then a number, is added. */
const SAME_BASE_ATTEMPTS = 4;
const NAME_ATTEMPTS = 12;
const NUMBERED_AFTER = 24;

const MAX_LICENSE = serverSchema.shape.provenance.element.shape.license.unwrap().maxLength ?? 200;

function derivedTool(real: Tool, composed: ComposedName): Tool {
  const out: Record<string, unknown> = {};
  const rename = (text: string): string => substituteWords(text, composed.substitutions);
  for (const [key, value] of Object.entries(real)) {
    if (key === 'classification') continue;
    if (key === 'name') out.name = composed.name;
    else if ((key === 'description' || key === 'title') && typeof value === 'string') out[key] = rename(value);
    else if (key === 'annotations' && value && typeof (value as { title?: unknown }).title === 'string') {
      out.annotations = { ...(value as object), title: rename((value as { title: string }).title) };
    } else out[key] = value;
  }
  return out as Tool;
}

class ServerBuilder {
  readonly tools: Tool[] = [];
  readonly licenses = new Set<string>();
  private readonly names = new Set<string>();
  private readonly slugs = new Set<string>();
  private readonly context: ComposeContext;
  private readonly own: Deck<SourceTool>;
  private readonly borrowable: Deck<SourceTool> | undefined;

  constructor(
    model: SourceServer,
    context: ComposeContext,
    decks: { own: Deck<SourceTool>; borrowable: Deck<SourceTool> | undefined },
  ) {
    this.context = context;
    this.own = decks.own;
    this.borrowable = decks.borrowable;
    for (const license of model.licenses) this.licenses.add(license);
  }

  private get rng(): Random {
    return this.context.rng;
  }

  private draw(): SourceTool {
    if (this.borrowable === undefined || this.rng.chance(FROM_MODEL)) return this.own.draw();
    return this.borrowable.draw();
  }

  private isFree(name: string): boolean {
    return !this.names.has(name) && !this.slugs.has(slugify(name));
  }

  private add(tool: Tool, from: SourceTool | undefined): void {
    this.tools.push(tool);
    this.names.add(tool.name);
    this.slugs.add(slugify(tool.name));
    for (const license of from?.licenses ?? []) this.licenses.add(license);
  }

  /** Another tool to base a name on, when the first cannot be renamed apart from the others. */
  private redraw(attempt: number): SourceTool {
    if (this.borrowable !== undefined && attempt % 2 === 0) return this.borrowable.draw();
    return this.own.draw();
  }

  addTool(): void {
    let base = this.draw();
    const keepObjects = this.rng.chance(KEEP_OBJECTS);
    let lastName: string | undefined;
    for (let attempt = 0; attempt < NUMBERED_AFTER; attempt += 1) {
      // The same real tool dealt twice, or a one-word name (`sqrt`), cannot be renamed apart.
      if (attempt >= SAME_BASE_ATTEMPTS) base = this.redraw(attempt);
      const composed = composeToolName(base.template, this.context, {
        keepObjects: keepObjects && attempt === 0,
        qualifier: attempt >= NAME_ATTEMPTS || (attempt === 0 && this.rng.chance(ADD_QUALIFIER)),
      });
      if (composed === undefined) continue;
      lastName = composed.name;
      if (this.isFree(composed.name)) {
        this.add(derivedTool(base.tool, composed), base);
        return;
      }
    }
    const stem = (lastName ?? 'tool').slice(0, 120);
    for (let number = 2; ; number += 1) {
      const name = `${stem}_${number}`;
      if (this.isFree(name)) {
        this.add(derivedTool(base.tool, { name, substitutions: new Map() }), base);
        return;
      }
    }
  }

  /** A second spelling of an earlier tool's name, same slug; false when none exists. */
  addSlugTwin(): boolean {
    const original = this.rng.pick(this.tools);
    const twin = slugTwins(original.name).find((name) => !this.names.has(name));
    if (twin === undefined) return false;
    this.add({ ...original, name: twin }, undefined);
    return true;
  }
}

function licenseNote(licenses: ReadonlySet<string>): string | undefined {
  if (licenses.size === 0) return undefined;
  const note = [...licenses].join('; ');
  return note.length <= MAX_LICENSE ? note : 'several; see the provenance of the source records';
}

interface Run {
  source: SynthSource;
  rng: Random;
  registry: IdRegistry;
  /** Each model server's tools, dealt across all the servers modelled on it. */
  own: Map<SourceServer, Deck<SourceTool>>;
  /** Tools to borrow, one deck per naming style. */
  borrowable: Map<NamingStyle, Deck<SourceTool>>;
  /** The spread of a model's last use, mirrored on its next (0.7 then 1.3). */
  spreads: Map<SourceServer, number>;
  seed: number;
  retrieved: string;
}

function borrowableDeck(run: Run, style: NamingStyle): Deck<SourceTool> | undefined {
  let deck = run.borrowable.get(style);
  const tools = run.source.toolsByStyle.get(style);
  if (deck === undefined && tools !== undefined && tools.length > 0) {
    deck = new Deck(tools, run.rng);
    run.borrowable.set(style, deck);
  }
  return deck;
}

function ownDeck(run: Run, model: SourceServer): Deck<SourceTool> {
  let deck = run.own.get(model);
  if (deck === undefined) {
    deck = new Deck(model.tools, run.rng);
    run.own.set(model, deck);
  }
  return deck;
}

/**
 * How many tools a server modelled on `model` gets: its model's count, spread. Spreads
 * come in mirrored pairs, so a model used twice gives twice its real count: a random spread
 * on a server that dominates an average (32 tools, 40% of all description text) would
 * move the average with it.
 */
function toolCount(run: Run, model: SourceServer): number {
  let spread = run.spreads.get(model);
  if (spread === undefined) {
    spread = COUNT_SPREAD[0] + (COUNT_SPREAD[1] - COUNT_SPREAD[0]) * run.rng.float();
    run.spreads.set(model, 2 - spread);
  } else {
    run.spreads.delete(model);
  }
  return Math.max(1, Math.round(model.tools.length * spread));
}

function synthesizeServer(model: SourceServer, count: number, run: Run): Server {
  const { rng, source } = run;
  const identity = composeIdentity(rng, source.vocabulary, run.registry);
  const name = displayName(identity, model.server, rng);
  const context = { rng, vocabulary: source.vocabulary, vendor: identity.vendor, serverObjects: model.objects };
  const builder = new ServerBuilder(model, context, {
    own: ownDeck(run, model),
    borrowable: borrowableDeck(run, model.style),
  });
  const twin = count >= 2 && rng.chance(SLUG_TWIN_SERVERS);
  for (let index = 0; index < (twin ? count - 1 : count); index += 1) builder.addTool();
  if (twin && !builder.addSlugTwin()) builder.addTool();
  const license = licenseNote(builder.licenses);
  return {
    id: identity.id,
    name,
    ...(model.server.description !== undefined ? { description: model.server.description } : {}),
    ...identityFields(identity, name, model.server, rng),
    provenance: [
      {
        source: 'synthetic',
        retrieved: run.retrieved,
        ...(license !== undefined ? { license } : {}),
        method:
          `generated by \`catalogue synth\` with seed ${run.seed}, derived from the real server ${model.server.id}`,
        suppliedTools: true,
      },
    ],
    tools: builder.tools,
  };
}

/** Servers of a synthetic catalogue with exactly `options.tools` tools, lazily. */
export function* synthesizeServers(source: SynthSource, options: SynthOptions): Generator<Server> {
  if (!Number.isSafeInteger(options.tools) || options.tools < 1) {
    throw new RangeError(`the number of tools must be a positive integer, got ${options.tools}`);
  }
  if (source.servers.length === 0) throw new Error('the source catalogue has no tools to derive from');
  const rng = new Random(options.seed);
  const run: Run = {
    source,
    rng,
    registry: new IdRegistry(source.ids),
    own: new Map(),
    borrowable: new Map(),
    spreads: new Map(),
    seed: options.seed,
    retrieved: source.date ?? FALLBACK_DATE,
  };
  const models = new Deck(source.servers, rng);
  let remaining = options.tools;
  while (remaining > 0) {
    const model = models.draw();
    const count = Math.min(remaining, toolCount(run, model));
    yield synthesizeServer(model, count, run);
    remaining -= count;
  }
}
