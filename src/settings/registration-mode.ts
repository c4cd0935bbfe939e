import { REGISTRATION_MODES, type RegistrationMode } from '../config/registration-modes.js';
import type { SettingsRepository } from './settings-repository.js';

/** The row name of the self-service registration mode. */
export const REGISTRATION_MODE_SETTING = 'self_service_registration';

/** How long the mode shown on the public page may be stale on an instance that did not change it. */
export const SHOWN_MODE_TTL_MS = 5_000;

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
  /** The last mode read for the public page, and when; see `shown()`. */
  #shown: { mode: Promise<RegistrationMode>; readAtMs: number } | undefined;

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
   * The mode the public page shows, so it offers a registration form only when one can succeed.
   * Read from the database at most once per `SHOWN_MODE_TTL_MS` on each instance (concurrent
   * callers share the read): the page's config is public, and must not cost a query per request.
   * A change through this instance shows at once; through another, within the TTL. A failed read
   * is not kept.
   */
  shown(nowMs: number): Promise<RegistrationMode> {
    const cached = this.#shown;
    if (cached && nowMs - cached.readAtMs < SHOWN_MODE_TTL_MS) return cached.mode;
    const mode = this.read().then((state) => state.mode);
    const entry = { mode, readAtMs: nowMs };
    this.#shown = entry;
    mode.catch(() => {
      if (this.#shown === entry) this.#shown = undefined;
    });
    return mode;
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
      this.#shown = undefined;
      return { before, after: this.#fromEnvironment() };
    }
    const stored = await this.settings.put(REGISTRATION_MODE_SETTING, mode, by, now);
    this.#shown = undefined;
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
