import type { KeyContext } from './api-key.js';

/** A refusal from a limit check: a value the HTTP edge turns into a response. */
export interface LimitRefusal {
  status: 400 | 429;
  detail: string;
  headers: Record<string, string | number>;
}

/** Patients per generation; the limit is inclusive. */
export function checkPatientLimit(context: KeyContext, requested: number): LimitRefusal | null {
  if (context.patientLimit === null || requested <= context.patientLimit) return null;
  return {
    status: 400,
    detail:
      `Requested ${requested} patients exceeds limit of ${context.patientLimit}; ` +
      `set configuration.total_patients to ${context.patientLimit} or fewer`,
    headers: {
      'X-Limit-Type': 'patients_per_request',
      'X-Limit-Value': context.patientLimit,
      'X-Requested': requested,
    },
  };
}

/** The refusal for a spent daily quota. */
export function dailyLimitRefusal(limit: number, usage: number, now: Date): LimitRefusal {
  return {
    status: 429,
    detail: `Daily request limit exceeded (${limit})`,
    headers: {
      'X-Limit-Type': 'requests_per_day',
      'X-Limit-Value': limit,
      'X-Current-Usage': usage,
      'Retry-After': secondsUntilNextUtcMidnight(now),
    },
  };
}

/** Whole seconds until the next 00:00 UTC (at least 1); month and year ends included. */
export function secondsUntilNextUtcMidnight(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

const MS_PER_DAY = 86_400_000;
let lastDay = { number: Number.NaN, text: '' };

/** The UTC calendar day of an instant, as `YYYY-MM-DD`. Memoised: it runs on every authenticated request. */
export function utcDay(now: Date): string {
  const number = Math.floor(now.getTime() / MS_PER_DAY);
  if (number !== lastDay.number) lastDay = { number, text: now.toISOString().slice(0, 10) };
  return lastDay.text;
}

/** The headers every successful authenticated response carries. */
export function keyHeaders(context: KeyContext): Record<string, string | number> {
  return {
    'X-API-Key-Type': context.kind,
    'X-Patient-Limit': context.patientLimit ?? 'unlimited',
    'X-Daily-Limit': context.dailyLimit ?? 'unlimited',
    'X-Daily-Usage': context.dailyUsage,
  };
}
