import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { UsageBatch } from './usage-event.js';

/** Stands for "no key recognised" in `usage_counts.key_id`, which is part of the primary key. */
export const UNKNOWN_KEY_ID = '00000000-0000-0000-0000-000000000000';

/** Counts over a period: every request, by status class, with the refusals named. */
export interface UsageTotals {
  requests: number;
  patients: number;
  status: { '2xx': number; '3xx': number; '4xx': number; '5xx': number };
  unauthorized: number;
  rateLimited: { minute: number; hour: number; day: number };
}

export interface UsagePeriod {
  from: Date;
  /** Exclusive. */
  to: Date;
  keyId?: string;
}

export type UsageGrouping = 'key' | 'day' | 'hour';

/** One point of a series: a UTC day or hour (`bucket`), or a key (`keyId`, null for unknown keys). */
export interface UsagePoint extends UsageTotals {
  bucket?: Date;
  keyId?: string | null;
}

export interface TopKey {
  keyId: string;
  keyPrefix: string;
  name: string;
  requests: number;
  patients: number;
}

export interface NetworkUsage extends UsageTotals {
  network: string;
}

export interface RefusalRow {
  minute: Date;
  route: string;
  statusClass: '4xx' | '5xx';
  requests: number;
  unauthorized: number;
  rateLimited: { minute: number; hour: number; day: number };
}

export interface DailyUsage {
  day: string;
  requests: number;
  patients: number;
}

type Rows = { rows: Record<string, unknown>[] };

const TOTALS = sql`
  coalesce(sum(requests), 0)::bigint AS requests,
  coalesce(sum(patients), 0)::bigint AS patients,
  coalesce(sum(requests) FILTER (WHERE status_class = 2), 0)::bigint AS s2,
  coalesce(sum(requests) FILTER (WHERE status_class = 3), 0)::bigint AS s3,
  coalesce(sum(requests) FILTER (WHERE status_class = 4), 0)::bigint AS s4,
  coalesce(sum(requests) FILTER (WHERE status_class = 5), 0)::bigint AS s5,
  coalesce(sum(unauthorized), 0)::bigint AS unauthorized,
  coalesce(sum(rate_limited_minute), 0)::bigint AS rl_minute,
  coalesce(sum(rate_limited_hour), 0)::bigint AS rl_hour,
  coalesce(sum(rate_limited_day), 0)::bigint AS rl_day`;

/**
 * The usage aggregates: written in batches by the usage recorder, read by the
 * CLI and the admin API. Every write adds to counters in SQL, so writers on
 * several connections or instances never lose an update.
 */
export class UsageRepository {
  constructor(private readonly db: Db) {}

  /**
   * Writes one flush in one transaction: the aggregate rows, the keys' lifetime
   * counters and the day counts of keys without a reserved daily quota. Rows of
   * keys deleted since the request are dropped rather than failing the batch.
   */
  async write(batch: UsageBatch): Promise<void> {
    const { rows, keys, days } = batch;
    if (rows.length === 0 && keys.length === 0 && days.length === 0) return;
    await this.db.transaction(async (tx) => {
      if (rows.length > 0) {
        const p = (values: unknown[]) => sql.param(values);
        await tx.execute(sql`
          INSERT INTO usage_counts AS c (minute, key_id, network, route, status_class, requests, patients,
            unauthorized, rate_limited_minute, rate_limited_hour, rate_limited_day)
          SELECT u.* FROM unnest(${p(rows.map((r) => r.minute.toISOString()))}::timestamptz[],
            ${p(rows.map((r) => r.keyId ?? UNKNOWN_KEY_ID))}::uuid[], ${p(rows.map((r) => r.network))}::text[],
            ${p(rows.map((r) => r.route))}::text[], ${p(rows.map((r) => r.statusClass))}::smallint[],
            ${p(rows.map((r) => r.requests))}::int[], ${p(rows.map((r) => r.patients))}::bigint[],
            ${p(rows.map((r) => r.unauthorized))}::int[], ${p(rows.map((r) => r.rateLimitedMinute))}::int[],
            ${p(rows.map((r) => r.rateLimitedHour))}::int[], ${p(rows.map((r) => r.rateLimitedDay))}::int[])
            AS u(minute, key_id, network, route, status_class, requests, patients, unauthorized, rl_minute, rl_hour, rl_day)
          WHERE u.key_id = ${UNKNOWN_KEY_ID} OR EXISTS (SELECT 1 FROM api_keys k WHERE k.id = u.key_id)
          ORDER BY u.minute, u.key_id, u.network, u.route, u.status_class
          ON CONFLICT (minute, key_id, network, route, status_class) DO UPDATE SET
            requests = c.requests + EXCLUDED.requests,
            patients = c.patients + EXCLUDED.patients,
            unauthorized = c.unauthorized + EXCLUDED.unauthorized,
            rate_limited_minute = c.rate_limited_minute + EXCLUDED.rate_limited_minute,
            rate_limited_hour = c.rate_limited_hour + EXCLUDED.rate_limited_hour,
            rate_limited_day = c.rate_limited_day + EXCLUDED.rate_limited_day`);
      }
      if (keys.length > 0) {
        await tx.execute(sql`
          UPDATE api_keys k SET
            total_requests = k.total_requests + t.admitted,
            total_patients_generated = k.total_patients_generated + t.patients,
            last_used_at = GREATEST(k.last_used_at, t.last_used)
          FROM unnest(${sql.param(keys.map((k) => k.keyId))}::uuid[], ${sql.param(keys.map((k) => k.admitted))}::int[],
            ${sql.param(keys.map((k) => k.patients))}::bigint[],
            ${sql.param(keys.map((k) => k.lastUsedAt.toISOString()))}::timestamptz[])
            AS t(id, admitted, patients, last_used)
          WHERE k.id = t.id`);
      }
      if (days.length > 0) {
        await tx.execute(sql`
          INSERT INTO daily_quota (key_id, subject, day, requests)
          SELECT d.key_id, d.subject, d.day, d.n FROM unnest(${sql.param(days.map((d) => d.keyId))}::uuid[],
            ${sql.param(days.map((d) => d.subject))}::text[], ${sql.param(days.map((d) => d.day))}::date[],
            ${sql.param(days.map((d) => d.requests))}::int[])
            AS d(key_id, subject, day, n)
          WHERE EXISTS (SELECT 1 FROM api_keys k WHERE k.id = d.key_id)
          ON CONFLICT (key_id, subject, day) DO UPDATE SET requests = daily_quota.requests + EXCLUDED.requests`);
      }
    });
  }

  /** Totals over a period, for every key or one. */
  async totals(period: UsagePeriod): Promise<UsageTotals> {
    const { rows } = (await this.db.execute(
      sql`SELECT ${TOTALS} FROM usage_counts WHERE ${inPeriod(period)}`,
    )) as Rows;
    return toTotals(rows[0] ?? {});
  }

  /**
   * A series over a period: per UTC day or hour (every bucket present, zeros
   * included, oldest first), or per key (busiest first; unknown keys as null).
   */
  async series(period: UsagePeriod, groupBy: UsageGrouping): Promise<UsagePoint[]> {
    if (groupBy === 'key') {
      const { rows } = (await this.db.execute(sql`
        SELECT key_id, ${TOTALS} FROM usage_counts WHERE ${inPeriod(period)}
        GROUP BY key_id ORDER BY requests DESC, key_id`)) as Rows;
      return rows.map((r) => ({
        keyId: r.key_id === UNKNOWN_KEY_ID ? null : String(r.key_id),
        ...toTotals(r),
      }));
    }
    const unit = sql.raw(`'${groupBy}'`);
    const { rows } = (await this.db.execute(sql`
      SELECT date_trunc(${unit}, minute, 'UTC') AS bucket, ${TOTALS} FROM usage_counts WHERE ${inPeriod(period)}
      GROUP BY 1`)) as Rows;
    const found = new Map(rows.map((r) => [new Date(r.bucket as string).getTime(), r]));
    const step = groupBy === 'day' ? 86_400_000 : 3_600_000;
    const points: UsagePoint[] = [];
    for (let t = Math.floor(period.from.getTime() / step) * step; t < period.to.getTime(); t += step) {
      points.push({ bucket: new Date(t), ...toTotals(found.get(t) ?? {}) });
    }
    return points;
  }

  /** The keys with the most requests in a period, with their names. */
  async topKeys(period: UsagePeriod, limit: number): Promise<TopKey[]> {
    const { rows } = (await this.db.execute(sql`
      SELECT u.key_id, k.key_prefix, k.name, sum(u.requests)::bigint AS requests, sum(u.patients)::bigint AS patients
      FROM usage_counts u JOIN api_keys k ON k.id = u.key_id
      WHERE ${inPeriod(period, sql`u.`)}
      GROUP BY u.key_id, k.key_prefix, k.name ORDER BY requests DESC, patients DESC, u.key_id LIMIT ${limit}`)) as Rows;
    return rows.map((r) => ({
      keyId: String(r.key_id),
      keyPrefix: String(r.key_prefix),
      name: String(r.name),
      requests: Number(r.requests),
      patients: Number(r.patients),
    }));
  }

  /** Demo-key traffic per masked client network, busiest first. */
  async demoNetworks(period: UsagePeriod, limit: number): Promise<NetworkUsage[]> {
    const { rows } = (await this.db.execute(sql`
      SELECT network, ${TOTALS} FROM usage_counts WHERE ${inPeriod(period)} AND network <> ''
      GROUP BY network ORDER BY requests DESC, network LIMIT ${limit}`)) as Rows;
    return rows.map((r) => ({ network: String(r.network), ...toTotals(r) }));
  }

  /** A key's refused requests (4xx and 5xx) per minute and route, newest first. */
  async recentRefusals(keyId: string, period: UsagePeriod, limit: number): Promise<RefusalRow[]> {
    const { rows } = (await this.db.execute(sql`
      SELECT minute, route, status_class, sum(requests)::bigint AS requests, sum(unauthorized)::bigint AS unauthorized,
        sum(rate_limited_minute)::bigint AS rl_minute, sum(rate_limited_hour)::bigint AS rl_hour,
        sum(rate_limited_day)::bigint AS rl_day
      FROM usage_counts WHERE ${inPeriod({ ...period, keyId })} AND status_class >= 4
      GROUP BY minute, route, status_class ORDER BY minute DESC, route, status_class LIMIT ${limit}`)) as Rows;
    return rows.map((r) => ({
      minute: new Date(r.minute as string),
      route: String(r.route),
      statusClass: Number(r.status_class) === 4 ? '4xx' : '5xx',
      requests: Number(r.requests),
      unauthorized: Number(r.unauthorized),
      rateLimited: { minute: Number(r.rl_minute), hour: Number(r.rl_hour), day: Number(r.rl_day) },
    }));
  }

  /** A key's requests and patients per UTC day since `from` (inclusive), days with traffic only, oldest first. */
  async byDay(keyId: string, from: Date): Promise<DailyUsage[]> {
    const { rows } = (await this.db.execute(sql`
      SELECT to_char(minute AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
        sum(requests)::bigint AS requests, sum(patients)::bigint AS patients
      FROM usage_counts WHERE key_id = ${keyId} AND minute >= ${from.toISOString()}
      GROUP BY 1 ORDER BY 1`)) as Rows;
    return rows.map((r) => ({
      day: String(r.day),
      requests: Number(r.requests),
      patients: Number(r.patients),
    }));
  }
}

function inPeriod(period: UsagePeriod, alias: SQL = sql``): SQL {
  const keyFilter = period.keyId ? sql` AND ${alias}key_id = ${period.keyId}` : sql``;
  return sql`${alias}minute >= ${period.from.toISOString()} AND ${alias}minute < ${period.to.toISOString()}${keyFilter}`;
}

function toTotals(r: Record<string, unknown>): UsageTotals {
  const n = (v: unknown) => Number(v ?? 0);
  return {
    requests: n(r.requests),
    patients: n(r.patients),
    status: { '2xx': n(r.s2), '3xx': n(r.s3), '4xx': n(r.s4), '5xx': n(r.s5) },
    unauthorized: n(r.unauthorized),
    rateLimited: { minute: n(r.rl_minute), hour: n(r.rl_hour), day: n(r.rl_day) },
  };
}
