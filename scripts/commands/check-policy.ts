/**
 * `npm run catalogue -- check-policy <policy.json|policy.intercept.yaml> --server <id or slug>
 *  [--catalogue <file>] [--calls <calls.ndjson>]`
 *
 * Checks a policy against its format and against the server's tools in the catalogue
 * (src/catalogue/policy-check/check-policy.ts), printing each problem as
 * `<file>:<line>:<column>: error|warning: <place>: <message>`. With `--calls`, decides
 * each call of an NDJSON file (`{"tool": "...", "args": {...}, "at": "<ISO time>"}` per
 * line, `at` optional) in order, with one evaluator, and prints one verdict per line.
 * Exits 1 when there is an error (in the policy or in the calls file), 0 otherwise.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { readCatalogueFile } from '../../src/catalogue/store/reader.ts';
import { serverSlugOf } from '../../src/catalogue/slug.ts';
import { checkPolicyText, decideCalls, type PolicyProblem } from '../../src/catalogue/policy-check/check-policy.ts';
import type { Server } from '../../src/catalogue/schema/server.ts';

const BUNDLED = 'content/catalogue/catalogue.ndjson';

async function findServer(catalogue: string, wanted: string): Promise<Server> {
  const near: string[] = [];
  for await (const { server } of readCatalogueFile(catalogue, { onInvalid: 'skip', warn: () => {} })) {
    if (server.id === wanted || serverSlugOf(server) === wanted) return server;
    if (near.length < 5 && (server.id.includes(wanted) || wanted.includes(server.id))) near.push(server.id);
  }
  const hint = near.length > 0 ? ` Similar ids: ${near.join(', ')}.` : '';
  throw new Error(`${catalogue}: no server with the id or slug ${JSON.stringify(wanted)}.${hint}`);
}

interface CallLine {
  tool: string;
  args?: unknown;
  at: Date;
}

/** The calls of an NDJSON file; a bad line is an error naming the file, the line and the field. */
function readCalls(path: string, text: string): CallLine[] {
  const calls: CallLine[] = [];
  let fallback = Date.UTC(2026, 0, 1, 12, 0, 0);
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const where = `${path}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not JSON (${(error as Error).message})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: expected an object {"tool": ..., "args": ...}`);
    const record = value as Record<string, unknown>;
    if (typeof record.tool !== 'string' || record.tool === '') throw new Error(`${where}: field "tool" must be a tool name`);
    let at = new Date(fallback);
    if (record.at !== undefined) {
      at = new Date(typeof record.at === 'string' ? record.at : Number.NaN);
      if (!Number.isFinite(at.getTime())) throw new Error(`${where}: field "at" must be an ISO 8601 time`);
    }
    fallback = at.getTime();
    if (record.args !== undefined && (record.args === null || typeof record.args !== 'object' || Array.isArray(record.args))) {
      throw new Error(`${where}: field "args" must be an object`);
    }
    calls.push({ tool: record.tool, ...(record.args !== undefined ? { args: record.args } : {}), at });
  }
  return calls;
}

function formatProblem(file: string, problem: PolicyProblem): string {
  const position = problem.line !== undefined ? `:${problem.line}:${problem.column ?? 1}` : '';
  return `${file}${position}: ${problem.severity}: ${problem.place}: ${problem.message}`;
}

export function register(program: Command): void {
  program
    .command('check-policy')
    .description("check a policy.json or policy.intercept.yaml against its format and a server's tools; optionally decide sample calls")
    .argument('<policy>', 'policy.json (hosted gateway v1) or policy.intercept.yaml (Intercept)')
    .requiredOption('--server <id or slug>', 'the server, by catalogue id or URL slug')
    .option('--catalogue <file>', 'catalogue to read the server from', BUNDLED)
    .option('--calls <file>', 'NDJSON of calls to decide in order: {"tool", "args", "at"} per line')
    .action(async (policyPath: string, options: { server: string; catalogue: string; calls?: string }) => {
      const text = await readFile(policyPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new Error(`${policyPath}: cannot read (${error.code ?? error.message})`);
      });
      const server = await findServer(options.catalogue, options.server);
      const check = checkPolicyText(policyPath, text, server);
      for (const problem of check.problems) console.log(formatProblem(policyPath, problem));
      const errors = check.problems.filter((problem) => problem.severity === 'error').length;
      const warnings = check.problems.length - errors;
      console.log(`${policyPath}: ${check.format} for ${server.id} (${server.tools.length} tools): ${errors} error(s), ${warnings} warning(s)`);
      if (errors > 0) {
        process.exitCode = 1;
        return;
      }
      if (options.calls) {
        const calls = readCalls(options.calls, await readFile(options.calls, 'utf8'));
        decideCalls(check, calls).forEach((verdict, index) => {
          console.log(`${index + 1}. ${verdict.tool}: ${verdict.allow ? 'allowed' : `refused (${verdict.reason}): ${verdict.message}`}`);
        });
      }
    });
}
