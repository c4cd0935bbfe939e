import type { RegistrationModeState } from './registration-mode.js';

/**
 * The settings as administrators see them, in the admin API and in the CLI's `--json` alike:
 * each setting with where its value comes from, and the self-service keys waiting for approval.
 */
export function settingsView(registration: RegistrationModeState, pendingKeys: number) {
  return {
    self_service_registration: {
      mode: registration.mode,
      source: registration.source,
      environment_default: registration.environmentDefault,
      updated_at: registration.updatedAt?.toISOString() ?? null,
      updated_by: registration.updatedBy,
    },
    pending_keys: pendingKeys,
  };
}
