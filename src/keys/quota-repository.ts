import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';

const { dailyQuota } = schema;

/** One daily quota a request draws from: `subject` '' for a key, the client for the demo key, '*' for its ceiling. */
export interface QuotaClaim {
  subject: string;
  limit: number;
}

/** The outcome of taking one request from several quotas at once. */
export type QuotaTake =
  | { ok: true; counts: number[] }
  /** `index` names the first quota without room; `count` is what it has used. */
  | { ok: false; index: number; count: number };

/**
 * The `daily_quota` table: requests counted per key, subject and UTC day.
 * Every method is one statement or one transaction, safe across instances.
 */
export class QuotaRepository {
  constructor(private readonly db: Db) {}

  /**
   * Takes one request from every claim, all or none, each by a conditional upsert that
   * never passes its limit, so concurrent requests on any number of instances cannot overshoot.
   */
  async reserve(keyId: string, claims: readonly QuotaClaim[], day: string): Promise<QuotaTake> {
    if (claims.length === 1) {
      const count = await increment(this.db, keyId, claims[0]!.subject, day, 1, claims[0]!.limit);
      return count === null ? this.refusal(keyId, claims, day, 0) : { ok: true, counts: [count] };
    }
    try {
      return await this.db.transaction(async (tx) => {
        const counts: number[] = [];
        for (const [index, claim] of claims.entries()) {
          const count = await increment(tx as unknown as Db, keyId, claim.subject, day, 1, claim.limit);
          if (count === null) throw new ClaimRefused(index);
          counts.push(count);
        }
        return { ok: true as const, counts };
      });
    } catch (error) {
      if (error instanceof ClaimRefused) return this.refusal(keyId, claims, day, error.index);
      throw error;
    }
  }

  /**
   * Leases up to `block` more requests of one quota for this process, never past `limit`.
   * Returns the counts before and after; `after - before` were granted (0 when spent).
   */
  async lease(
    keyId: string,
    claim: QuotaClaim,
    day: string,
    block: number,
  ): Promise<{ before: number; after: number }> {
    const result = (await this.db.execute(sql`
      WITH old AS (SELECT requests FROM daily_quota WHERE key_id = ${keyId} AND subject = ${claim.subject} AND day = ${day})
      INSERT INTO daily_quota (key_id, subject, day, requests)
      VALUES (${keyId}, ${claim.subject}, ${day}, LEAST(${block}::int, ${claim.limit}::int))
      ON CONFLICT (key_id, subject, day) DO UPDATE
        SET requests = GREATEST(daily_quota.requests, LEAST(daily_quota.requests + ${block}::int, ${claim.limit}::int))
      RETURNING requests, (SELECT requests FROM old) AS before`)) as unknown as {
      rows: { requests: number; before: number | null }[];
    };
    const row = result.rows[0]!;
    return { before: Number(row.before ?? 0), after: Number(row.requests) };
  }

  /** Sets a quota's count back to what was really used, if it still holds this process's lease. */
  async settle(keyId: string, subject: string, day: string, leased: number, used: number): Promise<void> {
    await this.db.execute(sql`
      UPDATE daily_quota SET requests = ${used}
      WHERE key_id = ${keyId} AND subject = ${subject} AND day = ${day} AND requests = ${leased}`);
  }

  async count(keyId: string, subject: string, day: string): Promise<number> {
    const [row] = await this.db
      .select({ requests: dailyQuota.requests })
      .from(dailyQuota)
      .where(and(eq(dailyQuota.keyId, keyId), eq(dailyQuota.subject, subject), eq(dailyQuota.day, day)));
    return row?.requests ?? 0;
  }

  private async refusal(
    keyId: string,
    claims: readonly QuotaClaim[],
    day: string,
    index: number,
  ): Promise<QuotaTake> {
    return { ok: false, index, count: await this.count(keyId, claims[index]!.subject, day) };
  }
}

class ClaimRefused extends Error {
  constructor(readonly index: number) {
    super('quota refused');
  }
}

async function increment(db: Db, keyId: string, subject: string, day: string, by: number, limit: number) {
  const result = (await db.execute(sql`
    INSERT INTO daily_quota (key_id, subject, day, requests) VALUES (${keyId}, ${subject}, ${day}, ${by})
    ON CONFLICT (key_id, subject, day) DO UPDATE SET requests = daily_quota.requests + ${by}
    WHERE daily_quota.requests + ${by} <= ${limit}
    RETURNING requests`)) as unknown as { rows: { requests: number }[] };
  const row = result.rows[0];
  return row ? Number(row.requests) : null;
}
