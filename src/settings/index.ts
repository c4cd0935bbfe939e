/**
 * Settings: what an administrator changes while the service runs (today the self-service
 * registration mode), stored in the database so every instance reads the same value. A setting
 * nobody has set follows its environment variable. Imports `config` and `db` only; never HTTP.
 */
export {
  REGISTRATION_MODE_SETTING,
  RegistrationModeSetting,
  SHOWN_MODE_TTL_MS,
  type RegistrationModeState,
} from './registration-mode.js';
export { SettingsRepository, type StoredSetting } from './settings-repository.js';
export { settingsView } from './settings-view.js';
