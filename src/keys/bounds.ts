/**
 * The one set of bounds for what an API key may hold: its limits and its text fields.
 * The CLI, the admin API schemas, the import and the rate limiter all read them from here,
 * so a key that can be created can always be used. This file imports nothing, so the rate
 * limiter may depend on it without depending on the rest of `keys`.
 */

/** An inclusive integer range. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/**
 * Highest per-minute or per-hour rate: the rate limiter's ceiling (a window's count must fit
 * a Uint32 bucket with room to spare).
 */
export const RATE_LIMIT_MAX = 100_000_000;

/** Bounds of each limit a key holds; `null` (unlimited) is allowed for patients and days. */
export const KEY_LIMIT_BOUNDS = Object.freeze({
  /** Patients per generation (a job is further capped by MAX_PATIENTS_PER_JOB). */
  patientLimit: Object.freeze({ min: 1, max: 10_000_000 }),
  /** Requests per UTC day. */
  dailyLimit: Object.freeze({ min: 1, max: RATE_LIMIT_MAX }),
  rateLimitPerMinute: Object.freeze({ min: 1, max: RATE_LIMIT_MAX }),
  rateLimitPerHour: Object.freeze({ min: 1, max: RATE_LIMIT_MAX }),
}) satisfies Record<string, Bounds>;

/** Longest name, e-mail address and notes a key may carry. */
export const KEY_TEXT_BOUNDS = Object.freeze({ name: 255, email: 255, notes: 4000 });

export type LimitField = keyof typeof KEY_LIMIT_BOUNDS;

export interface KeyLimits {
  patientLimit: number | null;
  dailyLimit: number | null;
  rateLimitPerMinute: number;
  rateLimitPerHour: number;
}

/** True when `value` is a whole number inside `bounds`. */
export function withinBounds(value: number, bounds: Bounds): boolean {
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

function clamp(value: number, bounds: Bounds): number {
  if (Number.isNaN(value)) return bounds.min;
  return Math.min(bounds.max, Math.max(bounds.min, Math.trunc(value)));
}

/**
 * The limits brought inside KEY_LIMIT_BOUNDS, and which fields had to move. A stored row can be
 * out of bounds (written straight into the database, or by an older version): it is clamped, not
 * refused, so such a key keeps working at the nearest allowed limit instead of failing.
 */
export function clampKeyLimits<T extends KeyLimits>(limits: T): { limits: T; clamped: LimitField[] } {
  const clamped: LimitField[] = [];
  const out: T = { ...limits };
  for (const field of Object.keys(KEY_LIMIT_BOUNDS) as LimitField[]) {
    const value = limits[field];
    if (value === null || withinBounds(value, KEY_LIMIT_BOUNDS[field])) continue;
    (out as KeyLimits)[field] = clamp(value, KEY_LIMIT_BOUNDS[field]);
    clamped.push(field);
  }
  return { limits: out, clamped };
}
