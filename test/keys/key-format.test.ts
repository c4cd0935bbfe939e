import { describe, expect, it } from 'vitest';
import {
  canGenerate,
  displayPrefix,
  generateApiKey,
  hasValidChecksum,
  hashKey,
  isAdmin,
  type KeyContext,
  secondsUntilNextUtcMidnight,
} from '../../src/keys/index.js';

/** Replaces the character at `index` with a different base62 character. */
function corrupt(key: string, index: number): string {
  const replacement = key[index] === 'A' ? 'B' : 'A';
  return key.slice(0, index) + replacement + key.slice(index + 1);
}

describe('generated keys', () => {
  it('read milmed_live_, 32 base62 characters and a 6-character checksum', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^milmed_live_[0-9A-Za-z]{32}[0-9A-Za-z]{6}$/);
    expect(hasValidChecksum(key)).toBe(true);
  });

  it('are different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey));
    expect(keys.size).toBe(200);
  });

  it('fail the checksum when any character of the random part or the checksum changes', () => {
    const key = generateApiKey();
    expect(hasValidChecksum(corrupt(key, 12))).toBe(false);
    expect(hasValidChecksum(corrupt(key, key.length - 1))).toBe(false);
    expect(hasValidChecksum(key.slice(0, -1))).toBe(false);
    expect(hasValidChecksum(`${key}x`)).toBe(false);
  });

  it('are stored as their SHA-256 and shown only by a short prefix', () => {
    const key = generateApiKey();
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(displayPrefix(key)).toBe(key.slice(0, 18));
  });
});

describe('scopes', () => {
  const context = (kind: KeyContext['kind'], scopes: string[]): KeyContext => ({
    id: 'k',
    ownerId: 'k',
    expiresAt: null,
    kind,
    keyPrefix: 'p',
    name: 'n',
    patientLimit: null,
    dailyLimit: null,
    rateLimitPerMinute: 60,
    rateLimitPerHour: 1000,
    scopes,
    subject: '',
    dailyUsage: 1,
  });

  it('let a key generate only with the generate scope', () => {
    expect(canGenerate(context('live', ['generate']))).toBe(true);
    expect(canGenerate(context('live', []))).toBe(false);
    expect(canGenerate(context('live', ['admin']))).toBe(false);
  });

  it('make a key an admin only with the admin scope, or when it is the legacy key', () => {
    expect(isAdmin(context('live', ['generate', 'admin']))).toBe(true);
    expect(isAdmin(context('live', ['generate']))).toBe(false);
    expect(isAdmin(context('demo', ['generate']))).toBe(false);
    expect(isAdmin(context('legacy', []))).toBe(true);
  });
});

describe('Retry-After for a spent daily quota', () => {
  it.each([
    ['the middle of a day', '2026-01-15T12:00:00Z', 12 * 3600],
    ['the last second of a day', '2026-01-15T23:59:59Z', 1],
    ['the last day of a 30-day month', '2026-04-30T23:00:00Z', 3600],
    ['the last day of February in a leap year', '2028-02-29T22:30:00Z', 5400],
    ['February 28th in a common year', '2026-02-28T23:59:00Z', 60],
    ['the last day of a year', '2026-12-31T18:00:00Z', 6 * 3600],
    ['a fraction of a second before midnight', '2026-12-31T23:59:59.500Z', 1],
    ['midnight itself', '2027-01-01T00:00:00Z', 24 * 3600],
  ])('counts the seconds to the next 00:00 UTC on %s', (_when, iso, seconds) => {
    expect(secondsUntilNextUtcMidnight(new Date(iso))).toBe(seconds);
  });
});
