import type { Command } from '@commander-js/extra-typings';
import { withServices } from '../context.js';
import { colour, out, printFields, printJson } from '../output.js';
import { parseDays } from '../parse.js';

const DAY_MS = 86_400_000;

/** `stats`: key counts now, and requests, patients, 401s, 429s and 5xx over the last N days. */
export function registerStats(program: Command): void {
  program
    .command('stats')
    .description(
      'Counts of keys (total, active, demo, expired), and requests, patients and refusals in the period',
    )
    .option('--days <n>', 'length of the period in days, ending now', parseDays, 30)
    .option('--json', 'print JSON instead of a table')
    .action(async (options) => {
      await withServices(async (services) => {
        const now = services.clock();
        const from = new Date(now.getTime() - options.days * DAY_MS);
        const [keys, usage] = await Promise.all([
          services.keyRepository.keyCounts(now),
          services.usageRepository.totals({ from, to: now }),
        ]);
        const stats = { keys, requests: usage.requests, patients: usage.patients };
        const refused = usage.rateLimited;
        if (options.json) {
          printJson({
            period_days: options.days,
            from: from.toISOString(),
            to: now.toISOString(),
            keys: stats.keys,
            requests: stats.requests,
            patients: stats.patients,
            unauthorized: usage.unauthorized,
            rate_limited: refused,
            server_errors: usage.status['5xx'],
          });
          return;
        }
        out(colour.bold(`API key statistics, last ${options.days} day(s)`));
        printFields([
          ['Keys', stats.keys.total],
          ['Active', stats.keys.active],
          ['Demo', stats.keys.demo],
          ['Expired', stats.keys.expired],
          ['Requests in period', stats.requests],
          ['Patients in period', stats.patients],
          ['Unauthorized (401)', usage.unauthorized],
          [
            'Rate limited (429)',
            `${refused.minute + refused.hour + refused.day} (minute ${refused.minute}, hour ${refused.hour}, day ${refused.day})`,
          ],
          ['Server errors (5xx)', usage.status['5xx']],
        ]);
      });
    });
}
