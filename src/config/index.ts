/**
 * Configuration: the only place that reads `process.env`. It validates the
 * environment once at start-up and hands a frozen, typed `Config` inward.
 * Imports nothing from the rest of the service.
 */
export { type Config, ConfigError, loadConfig, type S3Config } from './load-config.js';
export { parseTrustProxy, type TrustProxy } from './trust-proxy.js';
export { REGISTRATION_MODES, type RegistrationMode } from './registration-modes.js';
export { EnvSchema } from './schema.js';
