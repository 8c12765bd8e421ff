/**
 * The catalogue command line: `npm run catalogue -- <command> [options]`.
 * Each command lives in scripts/commands/<command>.ts and is loaded only when used,
 * so `classify` does not pay for the MCP SDK that `capture` needs.
 */
import { Command } from 'commander';

interface CommandModule {
  register(program: Command): void;
}

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  'build-default': () => import('./commands/build-default.ts'),
  classify: () => import('./commands/classify.ts'),
  evaluate: () => import('./commands/evaluate.ts'),
  pull: () => import('./commands/pull.ts'),
  capture: () => import('./commands/capture.ts'),
  synth: () => import('./commands/synth.ts'),
  'check-policy': () => import('./commands/check-policy.ts'),
};

const program = new Command('catalogue')
  .description('Pull, capture, classify and check MCP tool catalogues.')
  .showHelpAfterError();

const requested = process.argv[2];
const names = requested && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
for (const name of names) {
  try {
    (await COMMANDS[name]!()).register(program);
  } catch (error) {
    // A command that cannot load must not hide the others from `--help`.
    if (names.length === 1) throw error;
  }
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`catalogue: ${(error as Error).message}`);
  process.exitCode = 1;
}
