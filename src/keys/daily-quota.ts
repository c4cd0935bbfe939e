import type { VerifiedKey } from './api-key.js';
import { type LimitRefusal, dailyLimitRefusal, utcDay } from './limits.js';
import type { ApiKeyRepository } from './repository.js';

export type DailyAdmission =
  | { ok: true; usage: number; reserved: boolean }
  | { ok: false; refusal: LimitRefusal };

/**
 * The per-UTC-day request quota. Keys with a daily limit reserve their slot
 * in the database with one conditional upsert, so the limit is exact across
 * concurrent requests and instances. Keys without one are only counted: the
 * count is kept here and persisted by the usage recorder, saving a write.
 */
export class DailyQuota {
  private readonly unlimitedCounts = new Map<string, { day: string; count: number }>();

  constructor(
    private readonly repository: ApiKeyRepository,
    private readonly demoGlobalDailyLimit: number,
  ) {}

  async admit(key: VerifiedKey, subject: string, now: Date): Promise<DailyAdmission> {
    const day = utcDay(now);
    if (key.kind === 'legacy')
      return { ok: true, usage: this.bump(key.id, subject, day, 0), reserved: false };
    if (key.dailyLimit === null) {
      const known = this.unlimitedCounts.get(`${key.id}|${subject}`);
      const base = known?.day === day ? undefined : await this.repository.dailyCount(key.id, subject, day);
      return { ok: true, usage: this.bump(key.id, subject, day, base), reserved: false };
    }
    if (key.kind === 'demo') {
      const result = await this.repository.reserveDemoDaily(
        key.id,
        subject,
        day,
        key.dailyLimit,
        this.demoGlobalDailyLimit,
      );
      if ('count' in result) return { ok: true, usage: result.count, reserved: true };
      const limit = result.refused === 'global' ? this.demoGlobalDailyLimit : key.dailyLimit;
      const usage = await this.repository.dailyCount(
        key.id,
        result.refused === 'global' ? '*' : subject,
        day,
      );
      return { ok: false, refusal: dailyLimitRefusal(limit, usage, now) };
    }
    const count = await this.repository.reserveDaily(key.id, subject, day, key.dailyLimit);
    if (count !== null) return { ok: true, usage: count, reserved: true };
    const usage = await this.repository.dailyCount(key.id, subject, day);
    return { ok: false, refusal: dailyLimitRefusal(key.dailyLimit, usage, now) };
  }

  /** Returns a reserved slot, for a request refused after admission (400, 422). */
  async release(key: Pick<VerifiedKey, 'id' | 'kind'>, subject: string, at: Date): Promise<void> {
    const subjects = key.kind === 'demo' ? [subject, '*'] : [subject];
    await this.repository.releaseDaily(key.id, subjects, utcDay(at));
  }

  private bump(id: string, subject: string, day: string, base: number | undefined): number {
    const k = `${id}|${subject}`;
    const entry = this.unlimitedCounts.get(k);
    const count = (entry && entry.day === day ? entry.count : (base ?? 0)) + 1;
    if (this.unlimitedCounts.size > 100_000) this.unlimitedCounts.clear();
    this.unlimitedCounts.set(k, { day, count });
    return count;
  }
}
