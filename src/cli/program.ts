import { Command, CommanderError } from '@commander-js/extra-typings';
import { registerCleanup } from './commands/cleanup.js';
import { registerCreate } from './commands/create.js';
import { registerDelete } from './commands/delete.js';
import { registerExtend } from './commands/extend.js';
import { registerImport } from './commands/import.js';
import { registerLimits } from './commands/limits.js';
import { registerList } from './commands/list.js';
import { registerRotate } from './commands/rotate.js';
import { registerSettings } from './commands/settings.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { registerStatus } from './commands/status.js';
import { registerUsage } from './commands/usage.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './errors.js';
import { type CliHost, cliHost, withCliHost } from './host.js';
import { err } from './output.js';

/**
 * `milmed-keys`: the administrators' API key CLI. It builds the same services
 * as the server (src/services.ts), so validation, key generation and hashing
 * are the server's. Exit codes: 0 success, 1 failure (one line on stderr),
 * 2 bad usage (nothing was changed). `argv` is as in `process.argv` (two leading entries).
 */
export function buildProgram(): Command {
  const program = new Command('milmed-keys')
    .description('Manage API keys of the Military Medical Exercise Patient Generator')
    .version(process.env.npm_package_version ?? '1.0.0')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => cliHost().stderr(s), writeOut: (s) => cliHost().stdout(s) });
  // Settings above are copied to each subcommand, so they must be set before these.
  registerCreate(program);
  registerList(program);
  registerShow(program);
  registerStatus(program);
  registerDelete(program);
  registerRotate(program);
  registerLimits(program);
  registerExtend(program);
  registerUsage(program);
  registerStats(program);
  registerCleanup(program);
  registerImport(program);
  registerSettings(program);
  return program as unknown as Command;
}

export async function runMilmedKeys(argv: string[], host?: CliHost): Promise<number> {
  return host ? withCliHost(host, () => run(argv)) : run(argv);
}

async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every parse error (bad value, unknown option, missing argument) is bad usage.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      err(error.message);
      return error.exitCode;
    }
    err(`Error: ${describe(error)}`);
    return EXIT_FAILURE;
  }
}

/** One line for an unexpected error: the first line of its message and of its cause (database errors carry one). */
function describe(error: unknown): string {
  const first = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0] ?? '';
  const cause = (error as Error)?.cause;
  return cause ? `${first(error)}: ${first(cause)}` : first(error);
}
