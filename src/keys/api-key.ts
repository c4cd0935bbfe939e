/** The kinds of key a request can carry. */
export type KeyKind = 'demo' | 'live' | 'legacy';

export type Scope = 'generate' | 'admin';
export const KNOWN_SCOPES: readonly Scope[] = ['generate', 'admin'];

/** An API key as the domain sees it: every stored field except the hash. */
export interface ApiKey {
  id: string;
  keyPrefix: string;
  name: string;
  email: string | null;
  isDemo: boolean;
  patientLimit: number | null;
  dailyLimit: number | null;
  rateLimitPerMinute: number;
  rateLimitPerHour: number;
  totalRequests: number;
  totalPatientsGenerated: number;
  lastUsedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
  isActive: boolean;
  scopes: string[];
  notes: string | null;
  metadata: Record<string, unknown>;
}

/** A key that passed verification, before per-request facts (subject, usage) are known. */
export interface VerifiedKey {
  /** Row id; the legacy key has the fixed id `legacy`. */
  id: string;
  /**
   * Whose jobs and configurations this key makes and reads: the id of the first key of its rotation
   * chain, so a rotated key keeps its holder's work. A key never rotated is its own owner.
   */
  ownerId: string;
  /** When the key stops working; null for never. */
  expiresAt: Date | null;
  kind: KeyKind;
  keyPrefix: string;
  name: string;
  patientLimit: number | null;
  dailyLimit: number | null;
  rateLimitPerMinute: number;
  rateLimitPerHour: number;
  scopes: readonly string[];
}

/** A key admitted for one request: who shares its allowances is known. */
export interface AdmittedKey extends VerifiedKey {
  /** Who shares the key's allowances: the client IP for the demo key, '' otherwise. */
  subject: string;
}

/** What a request handler knows about the key that authenticated it. */
export interface KeyContext extends AdmittedKey {
  /** Requests admitted today for this key and subject, this one included (0 until the quota is taken). */
  dailyUsage: number;
}

export const LEGACY_KEY_ID = 'legacy';

/**
 * The owner identity of a stored key: `owner_id` in its metadata (set by rotation), else the key it
 * was rotated from (keys rotated before `owner_id` existed), else its own id.
 */
export function ownerIdOf(key: { id: string; metadata: Record<string, unknown> }): string {
  const { owner_id: owner, rotated_from: from } = key.metadata;
  if (typeof owner === 'string') return owner;
  return typeof from === 'string' ? from : key.id;
}

export function isAdmin(context: KeyContext): boolean {
  return context.kind === 'legacy' || context.scopes.includes('admin');
}

export function canGenerate(context: KeyContext): boolean {
  return context.kind === 'legacy' || context.scopes.includes('generate');
}
