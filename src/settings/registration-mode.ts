import { REGISTRATION_MODES, type RegistrationMode } from '../config/registration-modes.js';
import type { SettingsRepository } from './settings-repository.js';

/** The row name of the self-service registration mode. */
export const REGISTRATION_MODE_SETTING = 'self_service_registration';

/** The mode in force, and where it comes from. */
export interface RegistrationModeState {
  mode: RegistrationMode;
  /** `administrator`: a stored choice; `environment`: none is stored, so `SELF_SERVICE_REGISTRATION` applies. */
  source: 'administrator' | 'environment';
  /** `SELF_SERVICE_REGISTRATION`: the mode when no administrator has chosen one. */
  environmentDefault: RegistrationMode;
  updatedAt: Date | null;
  updatedBy: string | null;
}

const isMode = (value: unknown): value is RegistrationMode =>
  (REGISTRATION_MODES as readonly unknown[]).includes(value);

/**
 * The self-service registration mode: an administrator's stored choice, else the environment's.
 * Read from the database on every call, not cached: registrations are rare, and a change then
 * applies to the next registration on every instance at once. A stored value that is no mode
 * (only a hand edit of the table can make one) counts as none. A database failure rejects.
 */
export class RegistrationModeSetting {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly environmentDefault: RegistrationMode,
  ) {}

  async read(): Promise<RegistrationModeState> {
    const stored = await this.settings.get(REGISTRATION_MODE_SETTING);
    if (stored && isMode(stored.value)) {
      return {
        mode: stored.value,
        source: 'administrator',
        environmentDefault: this.environmentDefault,
        updatedAt: stored.updatedAt,
        updatedBy: stored.updatedBy,
      };
    }
    return this.#fromEnvironment();
  }

  /**
   * Stores `mode` as the administrator's choice, or with `null` removes the choice so the
   * environment's mode applies again. `by` names who changed it (a key prefix, `API_KEY`, `cli`).
   */
  async change(
    mode: RegistrationMode | null,
    by: string,
    now: Date,
  ): Promise<{ before: RegistrationModeState; after: RegistrationModeState }> {
    const before = await this.read();
    if (mode === null) {
      await this.settings.remove(REGISTRATION_MODE_SETTING);
      return { before, after: this.#fromEnvironment() };
    }
    const stored = await this.settings.put(REGISTRATION_MODE_SETTING, mode, by, now);
    return {
      before,
      after: {
        mode,
        source: 'administrator',
        environmentDefault: this.environmentDefault,
        updatedAt: stored.updatedAt,
        updatedBy: stored.updatedBy,
      },
    };
  }

  #fromEnvironment(): RegistrationModeState {
    return {
      mode: this.environmentDefault,
      source: 'environment',
      environmentDefault: this.environmentDefault,
      updatedAt: null,
      updatedBy: null,
    };
  }
}
