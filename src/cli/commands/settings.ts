import type { Command } from '@commander-js/extra-typings';
import { settingsView } from '../../settings/index.js';
import { withServices } from '../context.js';
import { note, out, colour, printFields, printJson, success, when } from '../output.js';
import { parseRegistrationMode } from '../parse.js';

/**
 * `settings`: shows the run-time settings, or changes the self-service registration mode. The
 * server reads the mode from the database on each registration, so a change applies to the next
 * one on every instance, running or not.
 */
export function registerSettings(program: Command): void {
  program
    .command('settings')
    .description('Show the settings, or change the self-service registration mode')
    .option(
      '--self-service-registration <mode>',
      "open, approval or off; 'default' follows SELF_SERVICE_REGISTRATION again",
      parseRegistrationMode,
    )
    .option('--json', 'print JSON instead of a table')
    .action(async (options) => {
      await withServices(async (services) => {
        const wanted = options.selfServiceRegistration;
        const registration =
          wanted === undefined
            ? await services.registrationMode.read()
            : (
                await services.registrationMode.change(
                  wanted === 'default' ? null : wanted,
                  'cli',
                  services.clock(),
                )
              ).after;
        const view = settingsView(registration, await services.keyRepository.countPending());
        if (options.json) {
          printJson(view);
          return;
        }
        if (wanted === 'default') {
          success(
            `Self-service registration follows SELF_SERVICE_REGISTRATION again: '${registration.mode}'`,
          );
        } else if (wanted !== undefined) {
          success(`Self-service registration is now '${registration.mode}'`);
        }
        out(colour.bold('Settings'));
        printFields([
          ['Self-service registration', registration.mode],
          [
            'Set by',
            registration.source === 'administrator'
              ? `${registration.updatedBy} at ${when(registration.updatedAt)}`
              : 'SELF_SERVICE_REGISTRATION (no administrator has set one)',
          ],
          ['Environment default', registration.environmentDefault],
          ['Keys waiting for approval', view.pending_keys],
        ]);
        if (view.pending_keys > 0 && registration.mode !== 'approval') {
          note('Keys registered in approval mode still wait: approve them on the dashboard or delete them');
        }
      });
    });
}
