import { createHash, timingSafeEqual } from 'node:crypto';

/** The SHA-256 digest of a string's UTF-8 bytes: the one hash of secrets (keys, tokens). */
export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether `presented` hashes to `digest`, compared in constant time. Hashing first gives equal
 * lengths, so the comparison's time says nothing about the secret.
 */
export function matchesDigest(presented: string, digest: Buffer): boolean {
  return timingSafeEqual(sha256(presented), digest);
}
