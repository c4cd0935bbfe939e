import { createInterface } from 'node:readline/promises';
import { UsageError } from './errors.js';
import { cliHost } from './host.js';

/**
 * Asks a yes/no question on the terminal (prompt on stderr, so stdout stays
 * clean). With no terminal on stdin there is nobody to ask: it refuses with a
 * usage error (exit 2) telling the caller to pass `--yes`.
 */
export async function confirm(question: string): Promise<boolean> {
  if (!cliHost().interactive) {
    throw new UsageError(
      'Refusing to delete without confirmation: no terminal to ask on; pass --yes to confirm',
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^(y|yes)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
