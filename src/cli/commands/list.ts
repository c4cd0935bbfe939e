import type { Command } from '@commander-js/extra-typings';
import { stringify } from 'csv-stringify/sync';
import { withServices } from '../context.js';
import { cliHost } from '../host.js';
import { keyStatus, keyView } from '../../keys/index.js';
import { colour, limitText, out, printJson, printTable, when } from '../output.js';
import { parseListFormat } from '../parse.js';

/** `list`: active keys by default, newest first; shows the display prefix, never a key. */
export function registerList(program: Command): void {
  program
    .command('list')
    .description('List API keys (active ones unless --all)')
    .option('--all', 'include inactive keys')
    .option('--search <text>', 'only keys whose name or email contains this text')
    .option('--format <format>', 'table, csv or json', parseListFormat, 'table' as const)
    .option('--json', 'print JSON (same as --format json)')
    .action(async (options) => {
      await withServices(async (services) => {
        const now = services.clock();
        const keys = await services.keyRepository.list({
          includeInactive: options.all ?? false,
          search: options.search,
          now,
        });
        const format = options.json ? 'json' : options.format;
        if (format === 'json') {
          printJson(keys.map((k) => keyView(k, now)));
          return;
        }
        if (format === 'csv') {
          const header = [
            'id',
            'key_prefix',
            'name',
            'email',
            'status',
            'type',
            'patients_per_request',
            'requests_per_day',
            'requests_per_minute',
            'requests_per_hour',
            'total_requests',
            'last_used_at',
            'created_at',
            'expires_at',
          ];
          const rows = keys.map((k) => [
            k.id,
            k.keyPrefix,
            k.name,
            k.email ?? '',
            keyStatus(k, now),
            k.isDemo ? 'demo' : 'live',
            limitText(k.patientLimit),
            limitText(k.dailyLimit),
            k.rateLimitPerMinute,
            k.rateLimitPerHour,
            k.totalRequests,
            k.lastUsedAt?.toISOString() ?? '',
            k.createdAt.toISOString(),
            k.expiresAt?.toISOString() ?? '',
          ]);
          cliHost().stdout(stringify([header, ...rows]));
          return;
        }
        if (keys.length === 0) {
          out('No API keys found.');
          return;
        }
        out(colour.bold(`API keys (${keys.length})`));
        printTable(
          ['ID', 'Prefix', 'Name', 'Status', 'Type', 'Patients', 'Daily', 'Requests', 'Last used', 'Expires'],
          keys.map((k) => {
            const status = keyStatus(k, now);
            const shown = status === 'active' ? colour.green(status) : colour.red(status);
            return [
              k.id.slice(0, 8),
              k.keyPrefix,
              k.name,
              shown,
              k.isDemo ? 'demo' : 'live',
              limitText(k.patientLimit),
              limitText(k.dailyLimit),
              k.totalRequests,
              when(k.lastUsedAt, 'never'),
              when(k.expiresAt, 'never'),
            ];
          }),
        );
      });
    });
}
