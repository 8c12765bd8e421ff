/**
 * `npm run catalogue -- capture --stdio <command> [args...] [--env KEY=VALUE ...]`
 * `npm run catalogue -- capture --http <url> [--header 'Name: value' ...]`
 *   [--id <id>] [--name <name>] [--package registry:identifier@version] [--license <spdx>]
 *   [--out <file.json>] [--into <catalogue> [--replace <id>]] [--timeout <ms>]
 *
 * The id comes from what the user named (--id, --package, or the command or URL), never
 * from the name the server gives itself.
 *
 * Server arguments that start with `-` go after `--`:
 *   capture --id x --stdio -- node server.js --port 0
 */
import { relative } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { captureServer, type CaptureTarget } from '../../src/catalogue/capture/capture.ts';
import { addToCatalogue } from '../../src/catalogue/capture/into.ts';
import { parsePackageSpec } from '../../src/catalogue/capture/package-spec.ts';
import { commit, discard, stageFile } from '../../src/catalogue/store/atomic.ts';

function parseMilliseconds(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of milliseconds');
  return Number(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseEnv(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InvalidArgumentError(`--env ${JSON.stringify(pair)}: expected KEY=VALUE`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new InvalidArgumentError(`--header: expected 'Name: value', got a header without a valid name`);
    }
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

interface CaptureCommandOptions {
  stdio?: string[] | true;
  http?: string;
  env: string[];
  header: string[];
  id?: string;
  name?: string;
  package?: string;
  license?: string;
  out?: string;
  into?: string;
  replace?: string;
  timeout: number;
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function register(program: Command): void {
  program
    .command('capture')
    .description('capture a live MCP server (initialize + tools/list) into a catalogue record')
    .argument('[args...]', 'the stdio command and its arguments, after --')
    .option('--stdio [command...]', 'run the server as a child process and talk over stdin/stdout')
    .option('--http <url>', 'talk to a Streamable HTTP server at this URL')
    .option('--env <KEY=VALUE>', 'environment variable for the stdio server (repeatable; only PATH and HOME are inherited)', collect, [])
    .option('--header <"Name: value">', 'HTTP request header (repeatable), e.g. Authorization', collect, [])
    .option('--id <id>', 'server id (default: from --package, else from the command or URL; never from what the server calls itself)')
    .option('--name <name>', 'display name (default: the server\'s title or name)')
    .option('--package <spec>', 'registry:identifier@version, e.g. npm:@modelcontextprotocol/server-memory@2026.8.31')
    .option('--license <spdx>', 'SPDX licence of the package (needs --package)')
    .option('--out <file>', 'write the server record as JSON to this file')
    .option('--into <catalogue>', 'add the record to this catalogue, or replace the record with the same id when it is the same server')
    .option('--replace <id>', 'with --into: replace the record with this id even though it is another server (another package or provenance)')
    .option('--timeout <ms>', 'deadline for the whole capture', parseMilliseconds, 60_000)
    .action(async (operands: string[], options: CaptureCommandOptions) => {
      let target: CaptureTarget;
      if (options.stdio && options.http) throw new Error('capture: give either --stdio or --http, not both');
      if (options.stdio) {
        const command = [...(Array.isArray(options.stdio) ? options.stdio : []), ...operands];
        if (command.length === 0) throw new Error('capture: --stdio needs a command');
        target = { kind: 'stdio', command: command[0]!, args: command.slice(1), env: parseEnv(options.env) };
      } else if (options.http) {
        if (!/^https?:\/\//i.test(options.http)) throw new Error('capture: --http needs an http(s) URL');
        if (operands.length > 0) throw new Error(`capture: unexpected arguments: ${operands.join(' ')}`);
        if (options.env.length > 0) throw new Error('capture: --env applies to --stdio servers only');
        target = { kind: 'http', url: options.http, headers: parseHeaders(options.header) };
      } else {
        throw new Error('capture: give --stdio <command> [args...] or --http <url>');
      }
      if (options.license && !options.package) throw new Error('capture: --license is the package\'s licence and needs --package');
      if (options.replace && !options.into) throw new Error('capture: --replace needs --into');
      const pkg = options.package ? parsePackageSpec(options.package, options.license) : undefined;

      const { server, pages } = await captureServer({
        target,
        id: options.id,
        name: options.name,
        package: pkg,
        timeoutMs: options.timeout,
      });
      const summary = `captured ${server.id}: ${server.tools.length} tools in ${pages} tools/list page${pages === 1 ? '' : 's'} (protocol ${server.protocolVersion ?? 'unknown'})`;

      if (!options.out && !options.into) {
        process.stdout.write(`${JSON.stringify(server, null, 2)}\n`);
        console.error(summary);
        return;
      }
      const wrote: string[] = [];
      if (options.out) {
        const staged = await stageFile(options.out, [`${JSON.stringify(server, null, 2)}\n`], { tag: 'capture' });
        try {
          await commit([[staged, options.out]]);
        } catch (error) {
          await discard([staged]);
          throw error;
        }
        wrote.push(shown(options.out));
      }
      if (options.into) {
        const { replaced, servers } = await addToCatalogue(options.into, server, { replace: options.replace });
        wrote.push(`${shown(options.into)} (${replaced ? 'replaced' : 'added'}; ${servers} servers)`);
      }
      console.log(`${summary}; wrote ${wrote.join(' and ')}`);
    });
}
