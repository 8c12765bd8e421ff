/**
 * Word pools for synthetic names, drawn from the source catalogue itself (its server ids
 * and names, the objects its tool names act on) plus a few hand-written pools of
 * plausible service words and brand endings. Pools keep repeats on purpose: a word
 * that is frequent in real names (`file`, `task`) stays frequent in synthetic ones.
 */
import { verbOf } from '../classify/vocabulary.ts';
import { splitName } from '../classify/split-name.ts';

/** Words of server ids and names that say "MCP server", not who or what it is. */
export const GENERIC_SERVER_WORDS: ReadonlySet<string> = new Set(
  `mcp server servers model context protocol the a an by for of and with remote api service
    services tool tools official simple my new ai plus app`.split(/\s+/),
);

/** What a server does, the second word of ids like `46elks-sms` or `agent-payment`. */
export const SERVICE_WORDS: readonly string[] = `api cloud hub sync docs search analytics crm billing mail
  email storage monitor deploy tracker notes calendar pay payments vault registry gateway insights
  connect bridge agent assistant bot studio desk ops devops data db sql graph index kb wiki chat sms
  voice media video image photo pdf forms sheets tasks projects tickets support helpdesk security
  scan audit compliance identity auth secrets logs metrics alerts status uptime cache queue events
  webhooks workflow automation pipeline ci builder browser crawler scraper fetch maps geo weather
  news finance stocks crypto wallet trading market shop store commerce inventory orders shipping hr
  recruiting jobs learning translate speech transcribe memory context knowledge rag vector
  embeddings toolkit utils lite pro cli local explorer manager client link lens pilot copilot kit
  console admin portal reports dashboard cms forum feeds social contacts leads invoices
  accounting payroll expenses travel flights hotels booking music podcasts games sports
  health fitness recipes legal code repo git review lint test qa sandbox runner
  scheduler cron backup files drive cdn dns domains certs network firewall iot devices fleet`
  .split(/\s+/)
  .filter((word) => word !== '');

/** Endings that turn a word into a brand (`tinify`, `keboola`, `posthog` style). */
export const BRAND_ENDINGS: readonly string[] = `ly ify io hq labs hub base stack flow kit app ai db wise bot
  desk sync ops now go ix ra era`
  .split(/\s+/)
  .filter((word) => word !== '');

/** Words appended to a tool name for variety or to tell two tools apart. */
export const QUALIFIERS: readonly (readonly string[])[] = [
  ['details'], ['info'], ['status'], ['summary'], ['history'], ['metadata'], ['list'], ['stats'],
  ['batch'], ['all'], ['latest'], ['recent'], ['by', 'id'], ['by', 'name'], ['for', 'user'],
  ['v2'], ['async'], ['advanced'], ['raw'], ['preview'], ['config'], ['count'], ['bulk'],
];

/** A word that can stand in a server id or a tool name: ASCII, 3-24 characters. */
const NAME_WORD = /^[a-z][a-z0-9]{2,23}$/;

/** A word that can replace an object in a tool name without changing its verb. */
function isObjectWord(word: string): boolean {
  // A plain verb in object position could become the verb a classifier finds.
  return NAME_WORD.test(word) && verbOf(word, false)?.ambiguous !== false;
}

export interface Vocabulary {
  /** Vendor and product words from the source's server ids and names. */
  vendorWords: readonly string[];
  /** Service words: the hand-written pool plus the source's non-leading id words. */
  serviceWords: readonly string[];
  /** Every object word of the source's tool names, with repeats. */
  objects: readonly string[];
  /** Object words by the verb they followed in the source (`delete` -> task, project, ...). */
  objectsByVerb: ReadonlyMap<string, readonly string[]>;
}

export class VocabularyBuilder {
  private readonly vendors = new Set<string>();
  private readonly services = new Set<string>(SERVICE_WORDS);
  private readonly objects: string[] = [];
  private readonly byVerb = new Map<string, string[]>();

  addServer(id: string, name: string): void {
    // `biomcp`, `yfmcp`: as words of a new id they would give `yfmcp-mcp`.
    const usable = (word: string): boolean =>
      NAME_WORD.test(word) && !GENERIC_SERVER_WORDS.has(word) && !word.includes('mcp');
    id.split('-').forEach((word, index) => {
      if (!usable(word)) return;
      if (index === 0) this.vendors.add(word);
      else this.services.add(word);
    });
    for (const word of splitName(name)) if (usable(word)) this.vendors.add(word);
  }

  /**
   * Records an object word of a tool name; `verb` is the name's leading verb, if any.
   * False when the word cannot stand in a synthetic name.
   */
  addObject(word: string, verb: string | undefined): boolean {
    if (!isObjectWord(word)) return false;
    this.objects.push(word);
    if (verb === undefined) return true;
    const list = this.byVerb.get(verb);
    if (list) list.push(word);
    else this.byVerb.set(verb, [word]);
    return true;
  }

  build(): Vocabulary {
    return {
      // A source whose ids and names give no usable word still needs vendors to name servers.
      vendorWords: this.vendors.size > 0 ? [...this.vendors] : [...this.services],
      serviceWords: [...this.services],
      objects: this.objects,
      objectsByVerb: this.byVerb,
    };
  }
}
