/**
 * Who a captured server is, decided from what the user named, never from what the server
 * says of itself: a server that calls itself `github` must not become the `github` record.
 * And when a capture would replace a record, whether the record is the same server.
 */
import { packageIdentity, SERVER_ID_PATTERN, type Server, type ServerPackage } from '../schema/server.ts';
import { slugify } from '../slug.ts';
import type { CaptureTarget } from './capture.ts';

/** A server id made from a name, or undefined when none can be. */
function idFrom(text: string): string | undefined {
  const id = slugify(text).slice(0, 100).replace(/-+$/, '');
  return SERVER_ID_PATTERN.test(id) && id !== 'tool' ? id : undefined;
}

/** Runners whose first operand is the server itself (`npx -y pkg`, `uvx pkg`, `node server.js`). */
const RUNNER = /^(?:npx|pnpx|bunx|uvx|pipx|node|python3?|deno|bun|docker|uv|npm|pnpm|yarn)$/;

/** The operand of a stdio command that names the server: a package, an image or a script. */
function serverOperand(command: string, args: readonly string[]): string | undefined {
  const base = command.split(/[\\/]/).pop() ?? command;
  if (!RUNNER.test(base.replace(/\.(?:exe|cmd)$/i, ''))) return base;
  const operands = args.filter((arg) => !arg.startsWith('-') && !/^(?:run|exec|x|dlx|tool)$/.test(arg));
  const first = operands[0];
  if (first === undefined) return undefined;
  // A script path: its file name, or its folder's for an `index`/`main`/`server` file.
  const parts = first.split(/[\\/]/).filter((part) => part !== '' && part !== '.' && part !== '..');
  if (/\.(?:[cm]?js|ts|py)$/i.test(first)) {
    const file = (parts.at(-1) ?? '').replace(/\.[^.]+$/, '');
    const folder = parts.slice(0, -1).filter((part) => !/^(?:dist|build|src|lib|bin|out)$/i.test(part)).at(-1);
    return /^(?:index|main|server|cli)$/i.test(file) && folder ? folder : file;
  }
  // A package spec without its version: `@scope/name@1.2.3` becomes `@scope/name`.
  return first.replace(/(?!^)@[^/]*$/, '');
}

/**
 * The id of a captured server: `--id` if given; else the package identifier given with
 * `--package`; else the command (the package or script it runs) or the URL (host and path).
 */
export function captureId(options: { id?: string | undefined; package?: ServerPackage | undefined; target: CaptureTarget }): string | undefined {
  if (options.id !== undefined) return options.id;
  if (options.package) return idFrom(options.package.identifier);
  const { target } = options;
  if (target.kind === 'http') {
    const url = new URL(target.url);
    return idFrom(`${url.hostname} ${url.pathname}`);
  }
  const operand = serverOperand(target.command, target.args);
  return operand === undefined ? undefined : idFrom(operand);
}


/** The sources a record's provenance names, as one comparable string. */
function sources(server: Pick<Server, 'provenance'>): string {
  return [...new Set(server.provenance.map((entry) => entry.source))].sort().join(', ');
}

/**
 * Why `captured` is not the same server as `existing` (a different package identity, or a
 * record that came from elsewhere than a capture), or undefined when it is.
 */
export function replacementConflict(existing: Server, captured: Server): string | undefined {
  const before = packageIdentity(existing.package);
  const after = packageIdentity(captured.package);
  if (before !== after) {
    return `its package is ${before ?? 'not stated'} and the captured server's is ${after ?? 'not stated'}`;
  }
  if (sources(existing) !== sources(captured)) {
    return `its provenance (${sources(existing)}) is not that of a capture (${sources(captured)})`;
  }
  return undefined;
}
