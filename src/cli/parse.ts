import { InvalidArgumentError } from '@commander-js/extra-typings';
import { REGISTRATION_MODES, type RegistrationMode } from '../config/registration-modes.js';
import { KNOWN_SCOPES } from '../keys/api-key.js';
import { type Bounds, KEY_LIMIT_BOUNDS, KEY_TEXT_BOUNDS } from '../keys/bounds.js';

/**
 * Option parsers. Each returns the parsed value or throws commander's
 * `InvalidArgumentError`, which the entry point turns into a clear message
 * and exit code 2 before anything is read or written.
 */

const INTEGER = /^\d+$/;

function integerIn(value: string, min: number, max: number, what: string): number {
  const trimmed = value.trim();
  const n = Number(trimmed);
  if (!INTEGER.test(trimmed) || n < min || n > max) {
    throw new InvalidArgumentError(
      `${what} must be a whole number between ${min} and ${max}, got '${value}'.`,
    );
  }
  return n;
}

/**
 * A limit inside `bounds`, or `unlimited`. The word is kept (commander turns a
 * parser's `null` into ''); `storedLimit` maps it to the stored `null`.
 */
function limitIn(value: string, bounds: Bounds, what: string): number | 'unlimited' {
  if (value.trim().toLowerCase() === 'unlimited') return 'unlimited';
  return integerIn(value, bounds.min, bounds.max, `${what} (or 'unlimited')`);
}

/** Patients per request, inside KEY_LIMIT_BOUNDS, or `unlimited`. */
export function parsePatientLimit(value: string): number | 'unlimited' {
  return limitIn(value, KEY_LIMIT_BOUNDS.patientLimit, 'The patient limit');
}

/** Requests per UTC day, inside KEY_LIMIT_BOUNDS, or `unlimited`. */
export function parseDailyLimit(value: string): number | 'unlimited' {
  return limitIn(value, KEY_LIMIT_BOUNDS.dailyLimit, 'The daily limit');
}

/** The stored form of a parsed limit: `null` means unlimited. */
export function storedLimit(value: number | 'unlimited'): number | null {
  return value === 'unlimited' ? null : value;
}

/** A per-minute or per-hour rate inside KEY_LIMIT_BOUNDS (what the rate limiter accepts), never unlimited. */
export function parseRate(value: string): number {
  const { min, max } = KEY_LIMIT_BOUNDS.rateLimitPerMinute;
  return integerIn(value, min, max, 'A rate');
}

/** A number of days, 1 to 36500. */
export function parseDays(value: string): number {
  return integerIn(value, 1, 36_500, 'Days');
}

/** Grace minutes for rotation: 0 (stop at once) up to one year. */
export function parseGraceMinutes(value: string): number {
  return integerIn(value, 0, 525_600, 'Grace minutes');
}

/** A comma-separated list of known scopes, at least one. */
export function parseScopes(value: string): string[] {
  const scopes = [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (scopes.length === 0) throw new InvalidArgumentError('Give at least one scope.');
  const unknown = scopes.filter((s) => !(KNOWN_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `Unknown scope ${unknown.join(', ')}; known scopes: ${KNOWN_SCOPES.join(', ')}.`,
    );
  }
  return scopes;
}

/** A non-empty name of at most KEY_TEXT_BOUNDS.name characters. */
export function parseName(value: string): string {
  const name = value.trim();
  if (!name) throw new InvalidArgumentError('The name must not be empty.');
  if (name.length > KEY_TEXT_BOUNDS.name)
    throw new InvalidArgumentError(`The name must be at most ${KEY_TEXT_BOUNDS.name} characters.`);
  return name;
}

/** Free-text notes of at most KEY_TEXT_BOUNDS.notes characters. */
export function parseNotes(value: string): string {
  if (value.length > KEY_TEXT_BOUNDS.notes)
    throw new InvalidArgumentError(`The notes must be at most ${KEY_TEXT_BOUNDS.notes} characters.`);
  return value;
}

/** A plausible e-mail address (something@domain). */
export function parseEmail(value: string): string {
  const email = value.trim();
  if (email.length > KEY_TEXT_BOUNDS.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new InvalidArgumentError(`'${value}' is not an e-mail address.`);
  }
  return email;
}

/** A key id or display prefix of at least 4 characters, so a slip cannot match every key. */
export function parseReference(value: string): string {
  const ref = value.trim();
  if (ref.length < 4)
    throw new InvalidArgumentError('Give the key id or its display prefix (at least 4 characters).');
  return ref;
}

/** A `postgres://` or `postgresql://` connection URL. */
export function parsePostgresUrl(value: string): string {
  if (!/^postgres(ql)?:\/\/\S+$/.test(value.trim())) {
    throw new InvalidArgumentError('Give a PostgreSQL URL: postgres://user:password@host:5432/database');
  }
  return value.trim();
}

/** `table` or `csv` or `json`. */
export function parseListFormat(value: string): 'table' | 'csv' | 'json' {
  if (value === 'table' || value === 'csv' || value === 'json') return value;
  throw new InvalidArgumentError(`The format must be table, csv or json, got '${value}'.`);
}

/** A self-service registration mode, or `default` (follow SELF_SERVICE_REGISTRATION again). */
export function parseRegistrationMode(value: string): RegistrationMode | 'default' {
  const mode = value.trim().toLowerCase();
  if (mode === 'default' || (REGISTRATION_MODES as readonly string[]).includes(mode)) {
    return mode as RegistrationMode | 'default';
  }
  throw new InvalidArgumentError(
    `The mode must be ${REGISTRATION_MODES.join(', ')} or default, got '${value}'.`,
  );
}
