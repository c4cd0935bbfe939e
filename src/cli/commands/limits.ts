import type { Command } from '@commander-js/extra-typings';
import type { ApiKeyPatch } from '../../keys/index.js';
import { resolveKey, withServices } from '../context.js';
import { UsageError } from '../errors.js';
import { keyView } from '../../keys/index.js';
import { limitText, printJson, printTable, success } from '../output.js';
import { parseDailyLimit, parsePatientLimit, parseRate, parseReference, storedLimit } from '../parse.js';

/** `limits`: changes any subset of a key's limits; a running server sees them within its cache TTL. */
export function registerLimits(program: Command): void {
  program
    .command('limits')
    .description("Change an API key's limits (any subset)")
    .argument('<ref>', 'key id, or a prefix of the id or of the display prefix', parseReference)
    .option('--patient-limit <n>', "patients per request, or 'unlimited'", parsePatientLimit)
    .option('--daily-limit <n>', "requests per UTC day, or 'unlimited'", parseDailyLimit)
    .option('--rate-minute <n>', 'requests per minute', parseRate)
    .option('--rate-hour <n>', 'requests per hour', parseRate)
    .option('--json', 'print JSON instead of a table')
    .action(async (ref, options) => {
      const patch: ApiKeyPatch = {
        ...(options.patientLimit !== undefined && { patientLimit: storedLimit(options.patientLimit) }),
        ...(options.dailyLimit !== undefined && { dailyLimit: storedLimit(options.dailyLimit) }),
        ...(options.rateMinute !== undefined && { rateLimitPerMinute: options.rateMinute }),
        ...(options.rateHour !== undefined && { rateLimitPerHour: options.rateHour }),
      };
      if (Object.keys(patch).length === 0) {
        throw new UsageError(
          'No limit given: use --patient-limit, --daily-limit, --rate-minute or --rate-hour',
        );
      }
      await withServices(async (services) => {
        const key = await resolveKey(services, ref);
        const updated = (await services.keys.update(key.id, patch)) ?? key;
        if (options.json) {
          printJson(keyView(updated, services.clock()));
          return;
        }
        success(`Limits of '${key.name}' (${key.keyPrefix}) updated`);
        printTable(
          ['Limit', 'Before', 'After'],
          [
            ['Patients/request', limitText(key.patientLimit), limitText(updated.patientLimit)],
            ['Requests/day', limitText(key.dailyLimit), limitText(updated.dailyLimit)],
            ['Requests/minute', key.rateLimitPerMinute, updated.rateLimitPerMinute],
            ['Requests/hour', key.rateLimitPerHour, updated.rateLimitPerHour],
          ],
        );
      });
    });
}
