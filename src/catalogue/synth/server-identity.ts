/**
 * Synthetic server identities: a vendor word, an id in the shapes real ids take
 * (`acme`, `acme-sms`, `acme-mcp`, `mcp-server-acme`, `acmedocs`), a display name, and
 * package and server-info fields derived from the id. Ids are unique, and so are their
 * slugs (a reserved id such as `api` is slugged `tool-api`, which another id could be).
 */
import { SERVER_ID_PATTERN, type Server } from '../schema/server.ts';
import { serverSlugOf } from '../slug.ts';
import type { Random } from './prng.ts';
import { BRAND_ENDINGS, type Vocabulary } from './vocabulary.ts';

type IdShape = (vendor: string, service: string, other: string) => string;

/** Roughly the mix of the bundled catalogue, where 35% of ids are one word and 42% say `mcp`. */
const ID_SHAPES: readonly (readonly [IdShape, number])[] = [
  [(v) => v, 24],
  [(v, s) => `${v}${s}`, 10],
  [(v, s) => `${v}-${s}`, 14],
  [(v) => `${v}-mcp`, 20],
  [(v) => `${v}-mcp-server`, 7],
  [(v) => `mcp-${v}`, 4],
  [(v) => `mcp-server-${v}`, 3],
  [(v, s) => `${v}-${s}-mcp`, 9],
  [(v, s, o) => `${v}-${s}-${o}`, 5],
  [(v) => `${v}-remote`, 2],
  [(v) => `${v}-server`, 2],
];

/** Attempts at a fresh id before falling back on a version suffix, as real forks do (`playwright-2`). */
const FRESH_ATTEMPTS = 40;

export class IdRegistry {
  private readonly taken = new Set<string>();

  /** `reserved` ids (the real servers') are never given to a synthetic one. */
  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.claim(id);
  }

  isFree(id: string): boolean {
    return SERVER_ID_PATTERN.test(id) && !this.taken.has(id) && !this.taken.has(serverSlugOf({ id }));
  }

  claim(id: string): void {
    this.taken.add(id);
    this.taken.add(serverSlugOf({ id }));
  }
}

/** A vendor name: a real one, a real one with a brand ending, or two real stems blended. */
export function vendorWord(rng: Random, vocabulary: Vocabulary): string {
  const words = vocabulary.vendorWords;
  const roll = rng.float();
  const first = rng.pick(words);
  if (roll < 0.6) return first;
  if (roll < 0.85) return `${first.length > 10 ? first.slice(0, 8) : first}${rng.pick(BRAND_ENDINGS)}`;
  const second = rng.pick(words);
  const stem = first.slice(0, rng.between(3, Math.min(6, first.length)));
  const tail = second.slice(-rng.between(2, Math.min(5, second.length)));
  return `${stem}${tail}`;
}

export interface Identity {
  id: string;
  vendor: string;
  /** The id's words without `mcp`, `server`, ..., for display names. */
  words: string[];
}

function idWords(id: string): string[] {
  return id.split('-').filter((word) => !['mcp', 'server', 'remote'].includes(word));
}

export function composeIdentity(rng: Random, vocabulary: Vocabulary, registry: IdRegistry): Identity {
  let vendor = vendorWord(rng, vocabulary);
  for (let attempt = 0; attempt < FRESH_ATTEMPTS; attempt += 1) {
    if (attempt > 0 && attempt % 4 === 0) vendor = vendorWord(rng, vocabulary);
    const shape = rng.weighted(ID_SHAPES);
    const service = rng.pick(vocabulary.serviceWords);
    const other = rng.pick(vocabulary.serviceWords);
    const id = shape(vendor, service === vendor ? 'api' : service, other);
    if (id.length <= 100 && registry.isFree(id)) {
      registry.claim(id);
      return { id, vendor, words: idWords(id) };
    }
  }
  const base = `${vendor}-${rng.pick(vocabulary.serviceWords)}`;
  for (let version = 2; ; version += 1) {
    const id = `${base}-${version}`;
    if (registry.isFree(id)) {
      registry.claim(id);
      return { id, vendor, words: idWords(id) };
    }
  }
}

const titled = (words: readonly string[]): string =>
  words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');

/** A display name: the id itself when the real server's was, else one of the usual phrasings. */
export function displayName(identity: Identity, template: Pick<Server, 'id' | 'name'>, rng: Random): string {
  if (template.name === template.id) return identity.id;
  const words = identity.words.length > 0 ? identity.words : [identity.vendor];
  return rng.weighted<string>([
    [`${titled(words)} MCP Server`, 45],
    [`${titled(words)} MCP`, 15],
    [titled(words), 20],
    [`mcp-server-${words.join('-')}`, 10],
    [`${titled(words)} Server`, 10],
  ]);
}

function version(rng: Random): string {
  return `${rng.between(0, 2)}.${rng.between(0, 24)}.${rng.between(0, 14)}`;
}

/**
 * Package, links and server info shaped like the real server's (a scoped npm package
 * stays scoped, a pinned version stays pinned), named after the synthetic id. Links
 * point at example.com, so no synthetic record links to someone's real project.
 */
export function identityFields(
  identity: Identity,
  name: string,
  template: Server,
  rng: Random,
): Pick<Server, 'package' | 'repository' | 'homepage' | 'serverInfo' | 'protocolVersion'> {
  const fields: Pick<Server, 'package' | 'repository' | 'homepage' | 'serverInfo' | 'protocolVersion'> = {};
  const pinned =
    template.package?.version !== undefined || template.serverInfo?.version !== undefined ? version(rng) : undefined;
  if (template.package) {
    const scoped = template.package.registry === 'npm' && template.package.identifier.startsWith('@');
    fields.package = {
      registry: template.package.registry,
      identifier: scoped ? `@${identity.vendor}/${identity.id}` : identity.id,
      ...(template.package.version !== undefined && pinned !== undefined ? { version: pinned } : {}),
      ...(template.package.license !== undefined ? { license: template.package.license } : {}),
    };
  }
  if (template.repository) fields.repository = `https://example.com/${identity.vendor}/${identity.id}`;
  if (template.homepage) fields.homepage = `https://example.com/${identity.id}`;
  if (template.serverInfo) {
    fields.serverInfo = {
      name: template.serverInfo.name.includes('_') ? identity.id.replaceAll('-', '_') : identity.id,
      ...(template.serverInfo.version !== undefined && pinned !== undefined ? { version: pinned } : {}),
      ...(template.serverInfo.title !== undefined ? { title: name } : {}),
    };
  }
  if (template.protocolVersion !== undefined) fields.protocolVersion = template.protocolVersion;
  return fields;
}
