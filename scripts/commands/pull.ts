/**
 * `npm run catalogue -- pull <url-or-path> [--out <file>] [--timeout <ms>] [--max-time <ms>]
 *   [--format ndjson|json] [--allow-empty] [--quiet]`
 *
 * Fetches a catalogue, validates and classifies it, and replaces the local catalogue, its
 * change log and its pull state together, or not at all.
 */
import { relative } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadSiteConfig } from '../../src/config/site-config.ts';
import { pullCatalogue } from '../../src/catalogue/pull/pull.ts';
import { createProgress, formatBytes, formatCount } from '../../src/catalogue/pull/progress.ts';
import type { CatalogueFormat } from '../../src/catalogue/store/reader.ts';

export function parseMilliseconds(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of milliseconds');
  return Number(value);
}

function parseFormat(value: string): CatalogueFormat {
  if (value !== 'ndjson' && value !== 'json') throw new InvalidArgumentError('must be ndjson or json');
  return value;
}

interface PullCommandOptions {
  out?: string;
  timeout: number;
  maxTime: number;
  format?: CatalogueFormat;
  allowEmpty?: boolean;
  quiet?: boolean;
}

export function register(program: Command): void {
  program
    .command('pull')
    .description('fetch a catalogue (URL or file), validate and classify it, and replace the local one atomically')
    .argument('<source>', 'http(s) URL, file: URL or path of a catalogue (NDJSON or JSON)')
    .option('--out <file>', 'catalogue to write (default: the site configuration\'s CATALOGUE path)')
    .option('--timeout <ms>', 'longest wait to connect, for the response, or between two chunks of it', parseMilliseconds, 30_000)
    .option('--max-time <ms>', 'longest the whole download may take (0: no limit)', parseMilliseconds, 3_600_000)
    .option('--format <format>', 'ndjson or json, instead of the Content-Type, extension or first bytes', parseFormat)
    .option('--allow-empty', 'accept a catalogue without servers')
    .option('--quiet', 'no progress output')
    .addHelpText(
      'after',
      '\nThe change log (changes.ndjson) and the pull state (pull-state.json, ETag and Last-Modified per URL)\n' +
        'are kept beside the catalogue. A URL that answers 304 Not Modified leaves everything as it is.',
    )
    .action(async (source: string, options: PullCommandOptions) => {
      const out = options.out ?? loadSiteConfig(process.env).cataloguePath;
      const controller = new AbortController();
      let interrupted = false;
      const onSignal = (): void => {
        interrupted = true;
        controller.abort();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const progress = createProgress(process.stderr, { label: source, quiet: options.quiet ?? false });
      try {
        const result = await pullCatalogue({
          source,
          out,
          timeoutMs: options.timeout,
          maxTimeMs: options.maxTime,
          format: options.format,
          allowEmpty: options.allowEmpty ?? false,
          progress,
          signal: controller.signal,
          warn: (message) => console.warn(`warning: ${message}`),
        });
        const relativeOut = relative(process.cwd(), result.out);
        const where = relativeOut && !relativeOut.startsWith('..') ? relativeOut : result.out;
        if (result.status === 'unchanged') {
          console.log(`${result.source}: unchanged since the last pull (304 Not Modified); ${where} left as it is`);
          return;
        }
        const { counts } = result;
        console.log(
          `pulled ${result.source}: ${formatCount(counts.servers)} servers, ${formatCount(counts.tools)} tools ` +
            `(${formatBytes(result.bytes)} in ${(result.durationMs / 1000).toFixed(1)} s); ` +
            `${formatCount(counts.added)} added, ${formatCount(counts.changed)} changed, ` +
            `${formatCount(counts.removed)} removed, ${formatCount(counts.unchanged)} unchanged; ` +
            `${formatCount(result.classified)} tools classified; wrote ${where}`,
        );
      } catch (error) {
        if (!interrupted) throw error;
        console.error(`catalogue: pull interrupted; ${out} left as it was`);
        process.exitCode = 130;
      } finally {
        progress.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
