import type { Command } from '@commander-js/extra-typings';
import { withServices } from '../context.js';
import { out, printJson, printTable, success, when } from '../output.js';

/** `cleanup`: deletes keys whose expiry has passed (rotated-out keys included); `--dry-run` only lists them. */
export function registerCleanup(program: Command): void {
  program
    .command('cleanup')
    .description('Delete API keys that expired before now and report how many')
    .option('--dry-run', 'list what would be deleted, delete nothing')
    .option('--json', 'print JSON instead of text')
    .action(async (options) => {
      await withServices(async (services) => {
        const now = services.clock();
        const expired = await services.keyRepository.listExpired(now);
        const count = options.dryRun ? expired.length : await services.keyRepository.deleteExpired(now);
        if (options.json) {
          printJson({
            dry_run: Boolean(options.dryRun),
            count,
            keys: expired.map((k) => ({
              id: k.id,
              key_prefix: k.keyPrefix,
              name: k.name,
              expires_at: when(k.expiresAt),
            })),
          });
          return;
        }
        if (expired.length > 0) {
          printTable(
            ['ID', 'Prefix', 'Name', 'Expired'],
            expired.map((k) => [k.id, k.keyPrefix, k.name, when(k.expiresAt)]),
          );
        }
        if (options.dryRun) out(`Would delete ${count} expired API key(s) (dry run: nothing deleted)`);
        else success(`Deleted ${count} expired API key(s)`);
      });
    });
}
