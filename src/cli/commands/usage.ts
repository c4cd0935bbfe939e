import type { Command } from '@commander-js/extra-typings';
import { resolveKey, withServices } from '../context.js';
import { colour, out, printJson, printTable } from '../output.js';
import { parseDays, parseReference } from '../parse.js';

const DAY_MS = 86_400_000;

/** `usage`: requests and patients per UTC day over the last N days (today included), zero days shown. */
export function registerUsage(program: Command): void {
  program
    .command('usage')
    .description('Requests and patients per UTC day for one API key')
    .argument('<ref>', 'key id, or a prefix of the id or of the display prefix', parseReference)
    .option('--days <n>', 'days to cover, today included', parseDays, 7)
    .option('--json', 'print JSON instead of a table')
    .action(async (ref, options) => {
      await withServices(async (services) => {
        const now = services.clock();
        const key = await resolveKey(services, ref);
        const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
        const from = new Date(today - (options.days - 1) * DAY_MS);
        const rows = new Map((await services.usageRepository.byDay(key.id, from)).map((r) => [r.day, r]));
        const perDay = Array.from({ length: options.days }, (_, i) => {
          const day = new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10);
          const row = rows.get(day);
          return { day, requests: row?.requests ?? 0, patients: row?.patients ?? 0 };
        });
        const totals = perDay.reduce(
          (t, d) => ({ requests: t.requests + d.requests, patients: t.patients + d.patients }),
          {
            requests: 0,
            patients: 0,
          },
        );
        if (options.json) {
          printJson({
            id: key.id,
            key_prefix: key.keyPrefix,
            name: key.name,
            days: options.days,
            from: perDay[0]!.day,
            to: perDay.at(-1)!.day,
            totals,
            per_day: perDay,
          });
          return;
        }
        out(colour.bold(`Usage of '${key.name}' (${key.keyPrefix}), last ${options.days} day(s), UTC`));
        printTable(
          ['Day', 'Requests', 'Patients'],
          [
            ...perDay.map((d) => [d.day, d.requests, d.patients]),
            ['Total', totals.requests, totals.patients],
          ],
        );
      });
    });
}
