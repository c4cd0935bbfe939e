import type { Command } from '@commander-js/extra-typings';
import { KEY_DEFAULTS } from '../../keys/key-service.js';
import { withServices } from '../context.js';
import { keyView } from '../../keys/index.js';
import { colour, limitText, out, printFields, printJson, success, when } from '../output.js';
import {
  parseDailyLimit,
  parseDays,
  parseEmail,
  parseName,
  parseNotes,
  parsePatientLimit,
  parseRate,
  parseScopes,
  storedLimit,
} from '../parse.js';

const DAY_MS = 86_400_000;

/** `create`: issues a key and prints it once; the only command besides `rotate` that shows a full key. */
export function registerCreate(program: Command): void {
  program
    .command('create')
    .description('Create an API key and print it once')
    .requiredOption('--name <name>', 'who or what the key is for', parseName)
    .option('--email <email>', 'contact address', parseEmail)
    .option('--demo', 'mark it a demo-type key (limits shared per client IP)')
    .option(
      '--patient-limit <n>',
      `patients per request, or 'unlimited' (default ${KEY_DEFAULTS.patientLimit})`,
      parsePatientLimit,
    )
    .option('--daily-limit <n>', "requests per UTC day, or 'unlimited' (default unlimited)", parseDailyLimit)
    .option(
      '--rate-minute <n>',
      `requests per minute (default ${KEY_DEFAULTS.rateLimitPerMinute})`,
      parseRate,
    )
    .option('--rate-hour <n>', `requests per hour (default ${KEY_DEFAULTS.rateLimitPerHour})`, parseRate)
    .option('--expires <days>', 'expire this many days from now (default never)', parseDays)
    .option('--scopes <list>', 'comma-separated scopes: generate,admin (default generate)', parseScopes)
    .option('--notes <text>', 'free-text notes', parseNotes)
    .option('--json', 'print JSON instead of a table')
    .action(async (options) => {
      await withServices(async (services) => {
        const now = services.clock();
        const { key, record } = await services.keys.createKey({
          name: options.name,
          email: options.email ?? null,
          isDemo: options.demo ?? false,
          ...(options.patientLimit !== undefined && { patientLimit: storedLimit(options.patientLimit) }),
          ...(options.dailyLimit !== undefined && { dailyLimit: storedLimit(options.dailyLimit) }),
          ...(options.rateMinute !== undefined && { rateLimitPerMinute: options.rateMinute }),
          ...(options.rateHour !== undefined && { rateLimitPerHour: options.rateHour }),
          expiresAt: options.expires ? new Date(now.getTime() + options.expires * DAY_MS) : null,
          ...(options.scopes && { scopes: options.scopes }),
          notes: options.notes ?? null,
        });
        if (options.json) {
          const { id, ...rest } = keyView(record, now);
          printJson({ id, key, ...rest });
          return;
        }
        success(`API key created for '${record.name}'`);
        printFields([
          ['ID', record.id],
          ['Prefix', record.keyPrefix],
          ['Type', record.isDemo ? 'demo' : 'live'],
          ['Email', record.email],
          ['Patients/request', limitText(record.patientLimit)],
          ['Requests/day', limitText(record.dailyLimit)],
          ['Requests/minute', record.rateLimitPerMinute],
          ['Requests/hour', record.rateLimitPerHour],
          ['Scopes', record.scopes.join(', ')],
          ['Expires', when(record.expiresAt, 'never')],
        ]);
        out();
        out(`API key: ${colour.bold(key)}`);
        out();
        out(
          colour.yellow(
            'WARNING: store this key now. It is shown only this once and cannot be displayed again.',
          ),
        );
      });
    });
}
