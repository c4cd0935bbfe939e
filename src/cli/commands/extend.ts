import type { Command } from '@commander-js/extra-typings';
import { resolveKey, withServices } from '../context.js';
import { keyView } from '../../keys/index.js';
import { printJson, success, when } from '../output.js';
import { parseDays, parseReference } from '../parse.js';

const DAY_MS = 86_400_000;

/**
 * `extend`: the new expiry is N days after the current expiry or after now,
 * whichever is later, so an expired key gets N days from now and never less.
 * A key that never expired gets an expiry N days from now.
 */
export function registerExtend(program: Command): void {
  program
    .command('extend')
    .description(
      'Push back the expiry of an API key by N days (from its expiry, or from now if that is later)',
    )
    .argument('<ref>', 'key id, or a prefix of the id or of the display prefix', parseReference)
    .requiredOption('--days <n>', 'days to add', parseDays)
    .option('--json', 'print JSON instead of text')
    .action(async (ref, options) => {
      await withServices(async (services) => {
        const now = services.clock();
        const key = await resolveKey(services, ref);
        const base = key.expiresAt && key.expiresAt > now ? key.expiresAt : now;
        const expiresAt = new Date(base.getTime() + options.days * DAY_MS);
        const updated = (await services.keys.update(key.id, { expiresAt })) ?? key;
        if (options.json) {
          printJson({ ...keyView(updated, now), previous_expires_at: key.expiresAt?.toISOString() ?? null });
          return;
        }
        success(
          `API key '${key.name}' (${key.keyPrefix}) now expires ${when(expiresAt)} (was ${when(key.expiresAt, 'never')})`,
        );
      });
    });
}
