import type { RegistrationMode } from '../config/index.js';
import type { ApiKey } from './api-key.js';
import type { ApiKeyService } from './key-service.js';

/** The self-service limits, as `src/config` parsed them. */
export interface SelfServicePolicy {
  patientLimit: number;
  dailyLimit: number;
  perMinute: number;
  perHour: number;
  expiresDays: number;
}

export interface Registration {
  name: string;
  /** Personal data: kept in the key's row for administrators only, never logged or echoed to others. */
  email: string;
}

/**
 * Issues a personal key with the self-service limits and the `generate` scope only. In `approval`
 * mode the key is stored inactive and marked pending; `ApiKeyService.approve` lets it work.
 * The caller has read the mode in force (`src/settings`) and refused the registration when it is `off`.
 */
export async function registerPersonalKey(
  keys: ApiKeyService,
  policy: SelfServicePolicy,
  mode: Exclude<RegistrationMode, 'off'>,
  registration: Registration,
  now: Date,
): Promise<{ key: string; record: ApiKey; pending: boolean }> {
  const pending = mode === 'approval';
  const { key, record } = await keys.createKey({
    name: registration.name,
    email: registration.email,
    isDemo: false,
    patientLimit: policy.patientLimit,
    dailyLimit: policy.dailyLimit,
    rateLimitPerMinute: policy.perMinute,
    rateLimitPerHour: policy.perHour,
    expiresAt: new Date(now.getTime() + policy.expiresDays * 86_400_000),
    scopes: ['generate'],
    metadata: { self_service: true, approval: pending ? 'pending' : 'not_required' },
  });
  if (!pending) return { key, record, pending };
  // Stored, then switched off before the key leaves this function: nobody can hold it while it works.
  const inactive = await keys.update(record.id, { isActive: false });
  return { key, record: inactive ?? record, pending };
}
