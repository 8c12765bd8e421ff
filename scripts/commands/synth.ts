/**
 * `npm run catalogue -- synth --tools <n> --out <file> [--seed <s>] [--from <catalogue>]`
 *
 * Writes a large synthetic catalogue derived from a real one (the bundled catalogue by
 * default), for load tests of the build, the search index and the gateway policies. The
 * same --tools, --seed and source give a byte-identical file. Servers are generated and
 * written one at a time, so 500,000 tools never sit in memory. Prints what it wrote and
 * the distributions of the source and the synthetic catalogue side by side.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { catalogueHeader, writeCatalogueAtomically } from '../../src/catalogue/store/writer.ts';
import { synthesizeServers } from '../../src/catalogue/synth/generate.ts';
import { MAX_SEED } from '../../src/catalogue/synth/prng.ts';
import { prepareSource, readSource } from '../../src/catalogue/synth/source.ts';
import { DistributionStats, formatComparison } from '../../src/catalogue/synth/stats.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';

const BUNDLED = 'content/catalogue/catalogue.ndjson';
/** Beyond this a run is more likely a typo than a test: 10 million tools is some 5 GB. */
const MAX_TOOLS = 10_000_000;
/** Classifying every tool of a large catalogue for the summary would double the run time. */
const CLASSIFIED_SAMPLE = 20_000;

function positiveInteger(value: string): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('must be a positive integer.');
  if (number > MAX_TOOLS) throw new InvalidArgumentError(`must be at most ${MAX_TOOLS.toLocaleString('en-US')}.`);
  return number;
}

function seedValue(value: string): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number > MAX_SEED) {
    throw new InvalidArgumentError(`must be an integer from 0 to ${MAX_SEED}.`);
  }
  return number;
}

async function* measured(servers: Iterable<Server>, stats: DistributionStats): AsyncGenerator<Server> {
  for (const server of servers) {
    stats.add(server);
    yield server;
  }
}

interface Options {
  tools: number;
  seed: number;
  out: string;
  from: string;
}

export async function synth(options: Options): Promise<void> {
  if (resolve(options.out) === resolve(options.from)) {
    throw new Error(`--out must not be the source catalogue (${options.from})`);
  }
  const { header, servers } = await readSource(options.from);
  const source = prepareSource(servers, header);
  if (source.servers.length === 0) throw new Error(`${options.from}: no server with tools to derive from`);
  const sourceStats = new DistributionStats();
  for (const server of servers) sourceStats.add(server);
  const stats = new DistributionStats(Math.max(1, Math.ceil(options.tools / CLASSIFIED_SAMPLE)));
  const out = catalogueHeader({
    // The source's date, not the clock: the same options must give the same bytes.
    ...(source.date !== undefined ? { generated: source.date } : {}),
    source: `synthetic: ${options.tools} tools derived from ${basename(options.from)} with seed ${options.seed}`,
    license:
      'Synthetic test data. Tool descriptions and schemas are copied from the source catalogue, ' +
      "under the licences its records give (see each record's provenance).",
  });
  await writeCatalogueAtomically(options.out, out, measured(synthesizeServers(source, options), stats));
  const { size } = await stat(options.out);
  const summary = stats.summary();
  console.log(
    `wrote ${options.out}: ${summary.servers.toLocaleString('en-US')} servers, ` +
      `${summary.tools.toLocaleString('en-US')} tools, ${size.toLocaleString('en-US')} bytes`,
  );
  console.log(formatComparison(sourceStats.summary(), summary));
}

export function register(program: Command): void {
  program
    .command('synth')
    .description('write a large synthetic catalogue derived from a real one, deterministic by seed')
    .requiredOption('--tools <n>', 'number of tools to generate (positive integer)', positiveInteger)
    .option('--seed <s>', 'seed (integer); the same seed and --tools give the same file', seedValue, 1)
    .requiredOption('--out <file>', 'catalogue to write (NDJSON)')
    .option('--from <catalogue>', 'real catalogue to derive from', BUNDLED)
    .action(async (options: Options) => {
      await synth(options);
    });
}
