/**
 * Query sets for measuring search, drawn from a catalogue with a fixed seed: what people
 * type to find a tool or a server, each with the result that must come back.
 *
 * - `exact`: a tool's name as written;
 * - `tail_`: the last two words of a name of three or more words, joined by `_`;
 * - `tail-space`: the same words with a space;
 * - `style`: the name in another naming style (snake to kebab, as the URL slug; kebab to
 *   camel; camel to snake);
 * - `typo`: one typo, two neighbouring letters swapped inside a word of five or more;
 * - `server`: a server's name, or its package's identifier.
 * A tool query finds its target when a result has the target's name, in any naming style
 * (names repeat across servers: any of them is the tool people asked for); a server
 * query when a result is the server's page or, for a server's name, a server of that name.
 */
import { Random } from '../../src/catalogue/synth/prng.ts';
import { identifierWords } from '../../src/site/search-document.ts';

export const QUERY_SETS = ['exact', 'tail_', 'tail-space', 'style', 'typo', 'server'] as const;
export type QuerySet = (typeof QUERY_SETS)[number];

export interface Query {
  set: QuerySet;
  text: string;
  /**
   * For a part of a name: how many names of the catalogue contain the same run of words.
   * When more names than a rank can hold share it, results that all contain it answer
   * the query as well as the target does.
   */
  sharedBy?: number;
  /** A tool's name, or a server's page path. */
  /** A tool's name; a server's page path, and its name when the query is the name. */
  target: { kind: 'tool'; name: string } | { kind: 'server'; path: string; name?: string };
}

export interface CatalogueNames {
  tools: string[];
  servers: Array<{ name: string; path: string; packageId?: string }>;
}

/** Names plain enough to be typed: letters, digits and separators, two or more characters. */
const TYPABLE = /^[A-Za-z][A-Za-z0-9_.\- ]{1,80}$/;

function otherStyle(name: string): string | undefined {
  const words = identifierWords(name);
  if (words.length < 2) return undefined;
  if (name.includes('_') || name.includes('.')) return words.join('-');
  if (name.includes('-')) return words[0] + words.slice(1).map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return words.join('_');
}

function withTypo(name: string, random: Random): string | undefined {
  const words = name.split(/([^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z]))/);
  const long = words.map((word, index) => [word, index] as const).filter(([word]) => /^[A-Za-z]{5,}$/.test(word));
  if (long.length === 0) return undefined;
  const [word, index] = long[random.int(long.length)]!;
  // Swap two neighbours inside the word (not the first letter), where they differ.
  const spots = [...word].map((_, at) => at).filter((at) => at >= 1 && at < word.length - 1 && word[at] !== word[at + 1]);
  if (spots.length === 0) return undefined;
  const at = spots[random.int(spots.length)]!;
  const swapped = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  const copy = [...words];
  copy[index] = swapped;
  return copy.join('');
}

function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(random.int(pool.length), 1)[0]!);
  return out;
}

/** Up to `perSet` queries of each set, the same for the same catalogue and seed. */
export function buildQuerySets(names: CatalogueNames, perSet: number, seed: number): Query[] {
  const random = new Random(seed);
  const tools = [...new Set(names.tools.filter((name) => TYPABLE.test(name)))].sort();
  const queries: Query[] = [];
  const joinedNames = tools.map((name) => identifierWords(name).join(''));
  const sharedBy = (text: string): number => {
    const run = identifierWords(text).join('');
    return joinedNames.filter((joined) => joined.includes(run)).length;
  };
  const tool = (set: QuerySet, text: string | undefined, name: string): void => {
    if (!text || text === name) return;
    queries.push({ set, text, target: { kind: 'tool', name }, ...(set.startsWith('tail') ? { sharedBy: sharedBy(text) } : {}) });
  };
  for (const name of sample(tools, perSet, random)) queries.push({ set: 'exact', text: name, target: { kind: 'tool', name } });
  const long = tools.filter((name) => identifierWords(name).length >= 3);
  for (const name of sample(long, perSet, random)) tool('tail_', identifierWords(name).slice(-2).join('_'), name);
  for (const name of sample(long, perSet, random)) tool('tail-space', identifierWords(name).slice(-2).join(' '), name);
  for (const name of sample(tools, perSet, random)) tool('style', otherStyle(name), name);
  for (const name of sample(tools, perSet * 2, random).filter((each) => /[A-Za-z]{5,}/.test(each)).slice(0, perSet)) tool('typo', withTypo(name, random), name);
  const servers = [...names.servers].filter((server) => TYPABLE.test(server.name) || server.packageId).sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const server of sample(servers, perSet, random)) {
    const byPackage = server.packageId !== undefined && random.int(2) === 0;
    const text = byPackage ? server.packageId! : server.name;
    // Several servers share a name ("Weather Server"): any of them answers the name.
    queries.push({ set: 'server', text, target: { kind: 'server', path: server.path, ...(byPackage ? {} : { name: server.name }) } });
  }
  return queries;
}
