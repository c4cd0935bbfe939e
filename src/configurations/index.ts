/**
 * Configurations: scenario configurations that clients store, list, replace and delete, scoped to
 * their owner like jobs (a miss, or another owner's configuration, is `undefined`). A stored
 * configuration can be named by a generation request instead of sending the scenario again.
 * Imports `db` only; never HTTP.
 */
export {
  type ConfigurationInput,
  ConfigurationRepository,
  type ConfigurationRow,
} from './configuration-repository.js';
