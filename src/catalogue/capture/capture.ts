/**
 * Captures a live MCP server into a catalogue record: `initialize`, then every page of
 * `tools/list`, with the official SDK client, over stdio or Streamable HTTP.
 *
 * The server is third-party code. A stdio server gets an environment built from nothing
 * (see `childEnvironment`), the whole exchange runs under one deadline, and the child
 * process is ended whatever happens.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { DEFAULT_INHERITED_ENV_VARS, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { z } from 'zod';
import { parseServerRecord } from '../store/parse-record.ts';
import type { Server, ServerInput, ServerPackage } from '../schema/server.ts';
import { captureId } from './identity.ts';
import { printable, redactUrl } from '../pull/http-source.ts';
import { processAlive } from '../process-alive.ts';

export type CaptureTarget =
  | {
      kind: 'stdio';
      command: string;
      args: readonly string[];
      /** Variables for the server on top of PATH and HOME; nothing else is inherited. */
      env: Readonly<Record<string, string>>;
      cwd?: string | undefined;
    }
  | {
      kind: 'http';
      url: string;
      /** Request headers (e.g. Authorization); never written to the record. */
      headers: Readonly<Record<string, string>>;
    };

export interface CaptureOptions {
  target: CaptureTarget;
  /** Server id; default: from the package, else from the command or URL (see identity.ts). */
  id?: string | undefined;
  /** Display name; default: the server's title or name. */
  name?: string | undefined;
  package?: ServerPackage | undefined;
  /** Deadline for the whole capture: start, initialize and every tools/list page. */
  timeoutMs: number;
  /** Stop after this many pages (a server whose cursors never end). */
  maxPages?: number | undefined;
  now?: (() => Date) | undefined;
}

export interface CaptureResult {
  server: Server;
  /** tools/list pages read (more than one when the server paginates). */
  pages: number;
  /** Process id of the stdio server, for the record of what was run and ended. */
  pid: number | undefined;
}

export class CaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}

/** What a failure message calls the target. Commands and URLs are shown without secrets. */
export function describeTarget(target: CaptureTarget): string {
  if (target.kind === 'http') return redactUrl(target.url);
  return `stdio server \`${printable([target.command, ...target.args].join(' '), 120)}\``;
}

/**
 * The stdio server's environment: PATH (to find the interpreter and the command) and HOME
 * (where npx, uvx and language runtimes keep their caches and configuration), plus exactly
 * what `--env` gives. Nothing else of the caller's environment reaches third-party code:
 * not its tokens and cloud credentials, and not variables that would make the capture
 * depend on who ran it. The SDK would add LOGNAME, SHELL, TERM and USER; they are blanked
 * (spawn leaves out variables whose value is undefined). On Windows the SDK's list stays,
 * since processes there cannot start without SYSTEMROOT and its neighbours.
 */
export function childEnvironment(extra: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string | undefined> = {};
  if (process.platform !== 'win32') {
    for (const key of DEFAULT_INHERITED_ENV_VARS) env[key] = undefined;
  }
  for (const key of ['PATH', 'HOME']) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  Object.assign(env, extra);
  // The SDK's type says string values; undefined ones are how a variable is left out.
  return env as Record<string, string>;
}

/** A tools/list result kept as the server sent it: the SDK's own schema would drop unknown fields. */
const looseToolsPage = z
  .object({
    tools: z.array(z.record(z.string(), z.unknown())),
    nextCursor: z.string().optional(),
  })
  .loose();


export async function captureServer(options: CaptureOptions): Promise<CaptureResult> {
  const { target } = options;
  const label = describeTarget(target);
  const maxPages = options.maxPages ?? 1000;
  const client = new Client({ name: 'mcp-tool-policy-catalogue', version: '1.0.0' }, { capabilities: {} });

  let pid: number | undefined;
  let stderrTail = '';
  let negotiated: string | undefined;
  let transport: Transport;
  if (target.kind === 'stdio') {
    const stdio = new StdioClientTransport({
      command: target.command,
      args: [...target.args],
      env: childEnvironment(target.env),
      stderr: 'pipe',
      ...(target.cwd ? { cwd: target.cwd } : {}),
    });
    // Kept for error messages: why a server died is usually on its stderr.
    stdio.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000);
    });
    const start = stdio.start.bind(stdio);
    // The pid is read at once: the client forgets the process as soon as it closes it.
    stdio.start = async () => {
      await start();
      pid = stdio.pid ?? undefined;
    };
    transport = stdio;
  } else {
    transport = new StreamableHTTPClientTransport(new URL(target.url), {
      requestInit: { headers: { ...target.headers } },
    });
  }
  // The client tells HTTP transports the negotiated version; stdio ones get the same call here.
  const withVersion = transport as Transport & { setProtocolVersion?: (version: string) => void };
  const setVersion = withVersion.setProtocolVersion?.bind(transport);
  withVersion.setProtocolVersion = (version: string) => {
    negotiated = version;
    setVersion?.(version);
  };

  const controller = new AbortController();
  const deadline = Date.now() + options.timeoutMs;
  // The SDK's per-request timeout is a backstop only: the deadline above speaks first.
  const remaining = (): number => Math.max(1, deadline - Date.now()) + 1000;
  let timer: NodeJS.Timeout | undefined;
  let phase = 'initialize';
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Rejected before the abort, so this message wins over the SDK's own for the same event.
      reject(new CaptureError(`${label}: no answer within ${options.timeoutMs} ms (${phase}; --timeout)`));
      controller.abort();
    }, options.timeoutMs);
  });
  timedOut.catch(() => {});

  let failed = true;
  try {
    const exchange = (async () => {
      await client.connect(transport, { signal: controller.signal, timeout: remaining() });
      const tools: Record<string, unknown>[] = [];
      const cursors = new Set<string>();
      let cursor: string | undefined;
      let pages = 0;
      do {
        phase = `tools/list page ${pages + 1}`;
        const page = await client.request(
          { method: 'tools/list', params: cursor === undefined ? {} : { cursor } },
          looseToolsPage,
          { signal: controller.signal, timeout: remaining() },
        );
        pages += 1;
        tools.push(...page.tools);
        cursor = page.nextCursor;
        if (cursor !== undefined) {
          if (cursors.has(cursor)) throw new CaptureError(`${label}: tools/list repeated the cursor of an earlier page`);
          cursors.add(cursor);
          if (pages >= maxPages) throw new CaptureError(`${label}: tools/list still had more pages after ${maxPages}`);
        }
      } while (cursor !== undefined);
      return { tools, pages };
    })();
    const { tools, pages } = await Promise.race([exchange, timedOut]);

    const info = client.getServerVersion();
    if (!info) throw new CaptureError(`${label}: the server sent no serverInfo`);
    // Never from the server's own name: a server could call itself after another one.
    const id = captureId(options);
    if (!id) throw new CaptureError(`${label}: cannot make a server id from the command or URL; give --id or --package`);
    const retrieved = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
    const endpoint = target.kind === 'http' ? new URL(target.url) : undefined;
    const record: ServerInput = {
      id,
      name: options.name ?? info.title ?? info.name,
      ...(options.package ? { package: options.package } : {}),
      serverInfo: {
        name: info.name,
        ...(info.version !== undefined ? { version: info.version } : {}),
        ...(info.title !== undefined ? { title: info.title } : {}),
      },
      protocolVersion: negotiated ?? null,
      provenance: [
        {
          source: 'capture',
          method: `MCP initialize + tools/list over ${target.kind === 'stdio' ? 'stdio' : 'Streamable HTTP'}`,
          retrieved,
          suppliedTools: true,
          // The endpoint without credentials or query, which is where tokens tend to travel.
          ...(endpoint ? { url: `${endpoint.origin}${endpoint.pathname}` } : {}),
        },
      ],
      tools: tools as ServerInput['tools'],
    };
    const server = parseServerRecord(record, { source: label });
    failed = false;
    return { server, pages, pid };
  } catch (error) {
    throw explain(error, label, stderrTail);
  } finally {
    clearTimeout(timer);
    controller.abort();
    // An unresponsive server gets no grace period: it would only delay the exit.
    if (failed && pid !== undefined && processAlive(pid)) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    if (target.kind === 'http' && !failed) {
      // Polite: end the session on the server. Never allowed to delay the exit long.
      const terminate = (transport as StreamableHTTPClientTransport).terminateSession().catch(() => {});
      await Promise.race([terminate, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    }
    await client.close().catch(() => {});
    if (pid !== undefined && processAlive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}

function explain(error: unknown, label: string, stderrTail: string): Error {
  if (error instanceof CaptureError || (error as Error)?.name === 'CatalogueError') return error as Error;
  const err = error as NodeJS.ErrnoException;
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  let message: string;
  if (err?.code === 'ENOENT' && err.syscall?.startsWith('spawn')) {
    message = `${label}: could not start the command (not found on PATH)`;
  } else if (err?.code === 'ECONNREFUSED' || cause?.code === 'ECONNREFUSED') {
    message = `${label}: connection refused`;
  } else if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') {
    message = `${label}: host not found`;
  } else if (cause && /fetch failed/.test(String(err?.message))) {
    // fetch hides the reason in `cause`.
    message = `${label}: request failed (${printable(String(cause.code ?? cause.message), 200)})`;
  } else if (/Connection closed/i.test(String(err?.message))) {
    message = `${label}: the server closed the connection before answering`;
  } else {
    message = `${label}: ${printable(String(err?.message ?? error), 300)}`;
  }
  const tail = printable(stderrTail, 400);
  return new CaptureError(tail ? `${message}\nlast output of the server on stderr: ${tail}` : message);
}
