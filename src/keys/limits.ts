import type { KeyContext } from './api-key.js';
import type { Refusal } from './refusal.js';

/** Patients per generation; the limit is inclusive. */
export function checkPatientLimit(context: KeyContext, requested: number): Refusal | null {
  if (context.patientLimit === null || requested <= context.patientLimit) return null;
  return { reason: 'patients', limit: context.patientLimit, requested };
}

/** Milliseconds until the next 00:00 UTC, when every daily quota starts again. */
export function msUntilNextUtcMidnight(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return next - now.getTime();
}

/** Whole seconds until the next 00:00 UTC (at least 1); month and year ends included. */
export function secondsUntilNextUtcMidnight(now: Date): number {
  return Math.max(1, Math.ceil(msUntilNextUtcMidnight(now) / 1000));
}

const MS_PER_DAY = 86_400_000;
let lastDay = { number: Number.NaN, text: '' };

/** The UTC calendar day of an instant, as `YYYY-MM-DD`. Memoised: it runs on every authenticated request. */
export function utcDay(now: Date): string {
  const number = Math.floor(now.getTime() / MS_PER_DAY);
  if (number !== lastDay.number) lastDay = { number, text: now.toISOString().slice(0, 10) };
  return lastDay.text;
}
