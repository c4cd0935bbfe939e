import type { Command } from '@commander-js/extra-typings';
import { resolveKey, withServices } from '../context.js';
import { keyStatus, keyView } from '../../keys/index.js';
import { limitText, printFields, printJson, when } from '../output.js';
import { parseReference } from '../parse.js';

/** `show`: every field, limits, usage today and in total, last use. */
export function registerShow(program: Command): void {
  program
    .command('show')
    .description('Show every field of one API key, its limits and its usage')
    .argument('<ref>', 'key id, or a prefix of the id or of the display prefix', parseReference)
    .option('--json', 'print JSON instead of a table')
    .action(async (ref, options) => {
      await withServices(async (services) => {
        const now = services.clock();
        const key = await resolveKey(services, ref);
        // The demo key counts its day per client IP; '*' is its total across IPs.
        const today = await services.dailyQuota.count(key, key.isDemo ? '*' : '', now);
        if (options.json) {
          printJson({ ...keyView(key, now), requests_today: today });
          return;
        }
        printFields([
          ['ID', key.id],
          ['Prefix', key.keyPrefix],
          ['Name', key.name],
          ['Email', key.email],
          ['Status', keyStatus(key, now)],
          ['Type', key.isDemo ? 'demo' : 'live'],
          ['Scopes', key.scopes.join(', ')],
          ['Patients/request', limitText(key.patientLimit)],
          ['Requests/day', limitText(key.dailyLimit)],
          ['Requests/minute', key.rateLimitPerMinute],
          ['Requests/hour', key.rateLimitPerHour],
          ['Requests today (UTC)', today],
          ['Requests in total', key.totalRequests],
          ['Patients in total', key.totalPatientsGenerated],
          ['Last used', when(key.lastUsedAt, 'never')],
          ['Created', when(key.createdAt)],
          ['Updated', when(key.updatedAt)],
          ['Expires', when(key.expiresAt, 'never')],
          ['Notes', key.notes],
          ['Metadata', JSON.stringify(key.metadata)],
        ]);
      });
    });
}
