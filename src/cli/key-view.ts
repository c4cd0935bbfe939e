import type { ApiKey } from '../keys/index.js';

/** `active`, `inactive` or `expired` at `now`. */
export function keyStatus(key: ApiKey, now: Date): 'active' | 'inactive' | 'expired' {
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return key.isActive ? 'active' : 'inactive';
}

export function limitsView(key: ApiKey) {
  return {
    patients_per_request: key.patientLimit,
    requests_per_day: key.dailyLimit,
    requests_per_minute: key.rateLimitPerMinute,
    requests_per_hour: key.rateLimitPerHour,
  };
}

/**
 * The JSON shape of a key for `--json`: every stored field except the hash,
 * in snake_case, with the display prefix and never the key itself.
 */
export function keyView(key: ApiKey, now: Date) {
  return {
    id: key.id,
    key_prefix: key.keyPrefix,
    name: key.name,
    email: key.email,
    type: key.isDemo ? 'demo' : 'live',
    is_active: key.isActive,
    is_demo: key.isDemo,
    status: keyStatus(key, now),
    limits: limitsView(key),
    scopes: key.scopes,
    notes: key.notes,
    total_requests: key.totalRequests,
    total_patients_generated: key.totalPatientsGenerated,
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    created_at: key.createdAt.toISOString(),
    updated_at: key.updatedAt.toISOString(),
    expires_at: key.expiresAt?.toISOString() ?? null,
    metadata: key.metadata,
  };
}
