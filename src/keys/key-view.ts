import type { ApiKey } from './api-key.js';

/** `active`, `inactive` or `expired` at `now`. */
export function keyStatus(key: ApiKey, now: Date): 'active' | 'inactive' | 'expired' {
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return key.isActive ? 'active' : 'inactive';
}

/**
 * A key as administrators see it, in the CLI's `--json` and in the admin API alike: every
 * stored field except the hash, in snake_case, with the display prefix and never the key itself.
 * The limits appear twice, flat (`patient_limit`, as the admin API always had them) and grouped
 * under `limits` (as the CLI always had them), so neither audience loses a field it reads.
 */
export function keyView(key: ApiKey, now: Date) {
  return {
    id: key.id,
    key_prefix: key.keyPrefix,
    name: key.name,
    email: key.email,
    type: key.isDemo ? ('demo' as const) : ('live' as const),
    is_active: key.isActive,
    is_demo: key.isDemo,
    status: keyStatus(key, now),
    patient_limit: key.patientLimit,
    daily_limit: key.dailyLimit,
    rate_limit_per_minute: key.rateLimitPerMinute,
    rate_limit_per_hour: key.rateLimitPerHour,
    limits: {
      patients_per_request: key.patientLimit,
      requests_per_day: key.dailyLimit,
      requests_per_minute: key.rateLimitPerMinute,
      requests_per_hour: key.rateLimitPerHour,
    },
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
