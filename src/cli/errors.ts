/** A failure the CLI reports as one line on stderr and exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number = 1;
}

/** Bad usage (a value out of range, a missing confirmation): one line on stderr, exit code 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  override readonly exitCode = 2;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
