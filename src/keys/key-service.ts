import type { ApiKey, VerifiedKey } from './api-key.js';
import { LEGACY_KEY_ID, ownerIdOf } from './api-key.js';
import { clampKeyLimits, type LimitField } from './bounds.js';
import { matchesDigest, sha256 } from './digest.js';
import { KeyCache } from './key-cache.js';
import { type KeyChangeBroadcast, NO_BROADCAST } from './key-invalidation.js';
import { displayPrefix, generateApiKey, hasValidChecksum, hashKey, looksLikeLiveKey } from './key-format.js';
import type { ApiKeyPatch, ApiKeyRepository, NewApiKey } from './repository.js';
import type { KeyFailure } from './refusal.js';

export const DEMO_API_KEY = 'DEMO_MILMED_2025_500_PATIENTS';
/** The earlier service's demo key (50 patients), which no longer works; its users get a hint. */
export const RETIRED_DEMO_API_KEY = 'DEMO_MILMED_2025_50_PATIENTS';

export interface KeyServiceConfig {
  legacyApiKey: string | undefined;
  keyCacheTtlMs: number;
  demo: { patientLimit: number; dailyLimit: number; perMinute: number; perHour: number };
}

/** Where verification reports a stored key whose limits had to be clamped (once per key). */
export type OutOfBoundsReporter = (key: { id: string; keyPrefix: string }, fields: LimitField[]) => void;

export type VerifyResult = { ok: true; key: VerifiedKey } | { ok: false; failure: KeyFailure };

/** What an administrator chooses for a new key; the hash, prefix and counters are the service's. */
export type CreateKeyInput = Omit<
  NewApiKey,
  | 'keyHash'
  | 'keyPrefix'
  | 'totalRequests'
  | 'totalPatientsGenerated'
  | 'createdAt'
  | 'lastUsedAt'
  | 'isActive'
>;

/** A self-service key registered in approval mode that no administrator has approved yet. */
export const isPending = (key: Pick<ApiKey, 'isActive' | 'metadata'>): boolean =>
  !key.isActive && key.metadata?.approval === 'pending';

/** Defaults for a new personal key. */
export const KEY_DEFAULTS = {
  patientLimit: 1000,
  dailyLimit: null,
  rateLimitPerMinute: 60,
  rateLimitPerHour: 1000,
};

/**
 * Issues, verifies and changes API keys. Verification is cached for at most
 * `keyCacheTtlMs`; every change made here evicts the key at once on this
 * instance and is announced through `broadcast`, so other instances drop it
 * too (with Redis); when an announcement is lost they see it when their cache
 * entry expires.
 */
export class ApiKeyService {
  private readonly cache: KeyCache;
  private readonly legacyDigest: Buffer | undefined;
  /** Keys already reported out of bounds; bounded so a flood of such keys cannot grow it. */
  private readonly reportedOutOfBounds = new Set<string>();

  constructor(
    private readonly repository: ApiKeyRepository,
    private readonly config: KeyServiceConfig,
    private readonly clock: () => Date = () => new Date(),
    private readonly reportOutOfBounds: OutOfBoundsReporter = () => {},
    private readonly broadcast: KeyChangeBroadcast = NO_BROADCAST,
  ) {
    this.cache = new KeyCache(config.keyCacheTtlMs);
    this.legacyDigest = config.legacyApiKey ? sha256(config.legacyApiKey) : undefined;
  }

  /** Creates the public demo key's row or updates its limits from config; idempotent across instances. */
  async ensureDemoKey(): Promise<ApiKey> {
    const { demo } = this.config;
    const key = await this.repository.upsertDemo(
      {
        keyHash: hashKey(DEMO_API_KEY),
        keyPrefix: 'DEMO_MILMED',
        name: 'Public Demo Key',
        isDemo: true,
        patientLimit: demo.patientLimit,
        dailyLimit: demo.dailyLimit,
        rateLimitPerMinute: demo.perMinute,
        rateLimitPerHour: demo.perHour,
        scopes: ['generate'],
        metadata: { public_demo: true, auto_created: true },
      },
      this.clock(),
    );
    this.cache.evictId(key.id);
    return key;
  }

  /** Issues a new key. The full key is in the result and nowhere else, ever. */
  async createKey(input: CreateKeyInput): Promise<{ key: string; record: ApiKey }> {
    const key = generateApiKey();
    const values: NewApiKey = {
      ...KEY_DEFAULTS,
      ...input,
      keyHash: hashKey(key),
      keyPrefix: displayPrefix(key),
      scopes: input.scopes ?? ['generate'],
    };
    return { key, record: await this.repository.create(values) };
  }

  /**
   * Issues a replacement with the same name, limits and scopes. The old key
   * keeps working for `graceMinutes` (0 = stops now), so clients can switch
   * with no gap.
   */
  async rotateKey(
    id: string,
    graceMinutes: number,
  ): Promise<{ key: string; record: ApiKey; old: ApiKey } | undefined> {
    const old = await this.repository.getById(id);
    if (!old) return undefined;
    const { key, record } = await this.createKey({
      name: old.name,
      email: old.email,
      isDemo: old.isDemo,
      patientLimit: old.patientLimit,
      dailyLimit: old.dailyLimit,
      rateLimitPerMinute: old.rateLimitPerMinute,
      rateLimitPerHour: old.rateLimitPerHour,
      expiresAt: old.expiresAt,
      scopes: old.scopes,
      notes: old.notes,
      // The new key holds the same identity, so it reads and owns the old key's jobs and configurations.
      metadata: { ...old.metadata, rotated_from: old.id, owner_id: ownerIdOf(old) },
    });
    const now = this.clock();
    const graceEnd = new Date(now.getTime() + graceMinutes * 60_000);
    const expiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
    const updated = await this.update(old.id, {
      expiresAt,
      metadata: { ...old.metadata, rotated_to: record.id },
    });
    return { key, record, old: updated ?? old };
  }

  async update(id: string, patch: ApiKeyPatch): Promise<ApiKey | undefined> {
    const key = await this.repository.update(id, patch, this.clock());
    this.cache.evictId(id);
    if (key) await this.broadcast.publish(id);
    return key;
  }

  /** Lets a pending self-service key work; undefined when no key has that id. Idempotent. */
  async approve(id: string): Promise<ApiKey | undefined> {
    const key = await this.repository.getById(id);
    if (!key) return undefined;
    return this.update(id, {
      isActive: true,
      metadata: { ...key.metadata, approval: 'approved', approved_at: this.clock().toISOString() },
    });
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.repository.delete(id);
    this.cache.evictId(id);
    if (deleted) await this.broadcast.publish(id);
    return deleted;
  }

  /** Checks a presented key. Malformed generated keys are refused before any database access. */
  async verify(presented: string | undefined): Promise<VerifyResult> {
    if (!presented) return { ok: false, failure: 'missing' };
    if (this.isLegacyKey(presented)) return { ok: true, key: this.legacyKey() };

    const hash = hashKey(presented);
    const nowMs = this.clock().getTime();
    let key = this.cache.get(hash, nowMs);
    if (key === undefined) {
      // Only a cache miss could reach the database, so only a miss pays for the checksum.
      if (looksLikeLiveKey(presented) && !hasValidChecksum(presented))
        return { ok: false, failure: 'invalid' };
      key = (await this.repository.getByHash(hash)) ?? null;
      if (!key && presented === DEMO_API_KEY) key = await this.ensureDemoKey();
      this.cache.set(hash, key, nowMs);
    }
    if (!key) return { ok: false, failure: 'invalid' };
    if (!key.isActive) return { ok: false, failure: isPending(key) ? 'pending' : 'inactive' };
    if (key.expiresAt && key.expiresAt.getTime() <= nowMs) return { ok: false, failure: 'expired' };
    return { ok: true, key: this.toVerified(key) };
  }

  /**
   * The verified view of a stored key, its limits clamped into KEY_LIMIT_BOUNDS: a row written
   * out of bounds (by hand, or by an older version) must never make its requests fail.
   */
  private toVerified(key: ApiKey): VerifiedKey {
    const { limits, clamped } = clampKeyLimits({
      patientLimit: key.patientLimit,
      dailyLimit: key.dailyLimit,
      rateLimitPerMinute: key.rateLimitPerMinute,
      rateLimitPerHour: key.rateLimitPerHour,
    });
    if (clamped.length > 0 && !this.reportedOutOfBounds.has(key.id)) {
      if (this.reportedOutOfBounds.size >= 10_000) this.reportedOutOfBounds.clear();
      this.reportedOutOfBounds.add(key.id);
      this.reportOutOfBounds({ id: key.id, keyPrefix: key.keyPrefix }, clamped);
    }
    return {
      id: key.id,
      ownerId: ownerIdOf(key),
      expiresAt: key.expiresAt,
      kind: key.isDemo ? 'demo' : 'live',
      keyPrefix: key.keyPrefix,
      name: key.name,
      ...limits,
      scopes: key.scopes,
    };
  }

  /** Forgets one key's cached verification: another instance announced a change to it. */
  evictCached(id: string): void {
    this.cache.evictId(id);
  }

  /** Forgets every cached verification (tests, the CLI after bulk changes, a missed announcement). */
  clearCache(): void {
    this.cache.clear();
  }

  private isLegacyKey(presented: string): boolean {
    if (!this.legacyDigest) return false;
    return matchesDigest(presented, this.legacyDigest);
  }

  private legacyKey(): VerifiedKey {
    return {
      id: LEGACY_KEY_ID,
      ownerId: LEGACY_KEY_ID,
      expiresAt: null,
      kind: 'legacy',
      keyPrefix: 'legacy',
      name: 'Legacy API Key',
      patientLimit: 10_000,
      dailyLimit: null,
      rateLimitPerMinute: 1000,
      rateLimitPerHour: 10_000,
      scopes: ['generate', 'admin'],
    };
  }
}
