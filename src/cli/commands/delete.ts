import type { Command } from '@commander-js/extra-typings';
import { confirm } from '../confirm.js';
import { resolveKey, withServices } from '../context.js';
import { CliError } from '../errors.js';
import { printJson, success } from '../output.js';
import { parseReference } from '../parse.js';

/** `delete`: removes a key for good; asks first on a terminal, refuses without one unless `--yes`. */
export function registerDelete(program: Command): void {
  program
    .command('delete')
    .description('Delete an API key permanently (asks for confirmation unless --yes)')
    .argument('<ref>', 'key id, or a prefix of the id or of the display prefix', parseReference)
    .option('-y, --yes', 'do not ask for confirmation (required when not on a terminal)')
    .option('--json', 'print JSON instead of text')
    .action(async (ref, options) => {
      await withServices(async (services) => {
        const key = await resolveKey(services, ref);
        if (!options.yes) {
          const ok = await confirm(`Delete API key '${key.name}' (${key.keyPrefix}, ${key.id}) permanently?`);
          if (!ok) throw new CliError('Not deleted: not confirmed');
        }
        if (!(await services.keys.delete(key.id))) throw new CliError(`API key not found: ${ref}`);
        if (options.json) printJson({ id: key.id, key_prefix: key.keyPrefix, name: key.name, deleted: true });
        else success(`API key '${key.name}' (${key.keyPrefix}) deleted`);
      });
    });
}
