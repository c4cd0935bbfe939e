import type { ApiKey } from './api-key.js';

interface Entry {
  key: ApiKey | null;
  expiresAt: number;
}

/**
 * Verified keys by hash, for at most `ttlMs`, so verification does not query
 * the database on every request. `null` entries remember unknown hashes, so a
 * flood of invalid keys cannot hammer the database. Bounded: the oldest entry
 * goes first.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  /** `undefined` on a miss; `null` for a remembered unknown key. */
  get(hash: string, nowMs: number): ApiKey | null | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt <= nowMs) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.key;
  }

  set(hash: string, key: ApiKey | null, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(hash, { key, expiresAt: nowMs + this.ttlMs });
  }

  /** Drops a key at once (this instance made a change to it). */
  evictId(id: string): void {
    for (const [hash, entry] of this.entries) if (entry.key?.id === id) this.entries.delete(hash);
  }

  clear(): void {
    this.entries.clear();
  }
}
