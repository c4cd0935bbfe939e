import type { Command } from '@commander-js/extra-typings';
import { resolveKey, withServices } from '../context.js';
import { CliError } from '../errors.js';
import { keyStatus, keyView } from '../../keys/index.js';
import { colour, out, printFields, printJson, success, when } from '../output.js';
import { parseGraceMinutes, parseReference } from '../parse.js';

/**
 * `rotate`: a new key with the same name, limits and scopes, printed once; the
 * old key expires when the grace period ends (0 = at once), so there is no gap.
 */
export function registerRotate(program: Command): void {
  program
    .command('rotate')
    .description('Replace an API key with a new one (same name, limits, scopes); prints the new key once')
    .argument('<ref>', 'key id, or a prefix of the id or of the display prefix', parseReference)
    .option(
      '--grace <minutes>',
      'minutes the old key keeps working (default 0: it stops at once)',
      parseGraceMinutes,
      0,
    )
    .option('--json', 'print JSON instead of text')
    .action(async (ref, options) => {
      await withServices(async (services) => {
        const now = services.clock();
        const old = await resolveKey(services, ref);
        if (old.metadata.public_demo === true) {
          throw new CliError(
            'The public demo key cannot be rotated: its value is published; deactivate it instead',
          );
        }
        const status = keyStatus(old, now);
        if (status !== 'active')
          throw new CliError(`API key ${old.keyPrefix} is ${status}; only an active key can be rotated`);
        const rotated = await services.keys.rotateKey(old.id, options.grace);
        if (!rotated) throw new CliError(`API key not found: ${ref}`);
        const { key, record } = rotated;
        if (options.json) {
          const { id, ...rest } = keyView(record, now);
          printJson({
            id,
            key,
            ...rest,
            replaces: {
              id: old.id,
              key_prefix: old.keyPrefix,
              expires_at: rotated.old.expiresAt?.toISOString() ?? null,
            },
          });
          return;
        }
        success(`API key '${record.name}' rotated`);
        printFields([
          ['New ID', record.id],
          ['New prefix', record.keyPrefix],
          ['Old ID', old.id],
          ['Old prefix', old.keyPrefix],
          ['Old key stops', when(rotated.old.expiresAt)],
        ]);
        out();
        out(`New API key: ${colour.bold(key)}`);
        out();
        out(
          colour.yellow(
            'WARNING: store this key now. It is shown only this once and cannot be displayed again.',
          ),
        );
      });
    });
}
