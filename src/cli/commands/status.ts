import type { Command } from '@commander-js/extra-typings';
import { resolveKey, withServices } from '../context.js';
import { keyView } from '../../keys/index.js';
import { note, printJson, success } from '../output.js';
import { parseReference } from '../parse.js';

/** `activate` and `deactivate`: a running server sees the change within its key cache TTL. */
export function registerStatus(program: Command): void {
  for (const active of [false, true]) {
    const verb = active ? 'activate' : 'deactivate';
    program
      .command(verb)
      .description(
        active ? 'Let a deactivated API key work again' : 'Stop an API key from working (reversible)',
      )
      .argument('<ref>', 'key id, or a prefix of the id or of the display prefix', parseReference)
      .option('--json', 'print JSON instead of text')
      .action(async (ref, options) => {
        await withServices(async (services) => {
          const key = await resolveKey(services, ref);
          const changed = key.isActive !== active;
          const updated = changed ? ((await services.keys.update(key.id, { isActive: active })) ?? key) : key;
          if (options.json) {
            printJson({ ...keyView(updated, services.clock()), changed });
          } else if (changed) {
            success(`API key '${key.name}' (${key.keyPrefix}) ${verb}d`);
          } else {
            note(`API key '${key.name}' (${key.keyPrefix}) is already ${active ? 'active' : 'inactive'}`);
          }
        });
      });
  }
}
