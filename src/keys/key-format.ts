import { randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { sha256 } from './digest.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const LIVE_KEY_PREFIX = 'milmed_live_';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const LIVE_KEY_PATTERN = new RegExp(`^${LIVE_KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);

/**
 * A new key: `milmed_live_` + 32 base62 characters from the CSPRNG + a
 * 6-character base62 CRC32 of everything before it. The fixed prefix and the
 * checksum let secret scanners recognise a leaked key without a database.
 */
export function generateApiKey(): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += BASE62[randomInt(62)];
  const body = LIVE_KEY_PREFIX + random;
  return body + checksum(body);
}

/** True for a well-formed generated key whose checksum matches; no I/O. */
export function hasValidChecksum(key: string): boolean {
  if (!LIVE_KEY_PATTERN.test(key)) return false;
  const body = key.slice(0, -CHECKSUM_LENGTH);
  return checksum(body) === key.slice(-CHECKSUM_LENGTH);
}

/** Looks like one of our generated keys (right prefix), whatever its checksum. */
export function looksLikeLiveKey(key: string): boolean {
  return key.startsWith(LIVE_KEY_PREFIX);
}

/** SHA-256 hex digest: what the database stores instead of the key. */
export function hashKey(key: string): string {
  return sha256(key).toString('hex');
}

/** A short, non-secret label: the fixed prefix plus 6 random characters (36 bits). */
export function displayPrefix(key: string): string {
  if (looksLikeLiveKey(key)) return key.slice(0, LIVE_KEY_PREFIX.length + 6);
  return `${key.slice(0, Math.min(11, Math.floor(key.length / 3)))}…`;
}

function checksum(body: string): string {
  let value = crc32(Buffer.from(body, 'utf8'));
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}
