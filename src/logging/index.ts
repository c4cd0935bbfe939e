/**
 * Logging helpers shared by every layer. Imports nothing from the service,
 * so `db`, `keys`, `jobs` and `http` may all use it.
 */
export { LogThrottle, type ThrottleDecision } from './log-throttle.js';
