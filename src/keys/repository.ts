import { and, asc, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { isUuid, schema } from '../db/index.js';
import type { ApiKey } from './api-key.js';

const { apiKeys, apiKeyUsage, dailyQuota } = schema;
type Row = typeof apiKeys.$inferSelect;


export interface NewApiKey {
  keyHash: string;
  keyPrefix: string;
  name: string;
  email?: string | null;
  isDemo?: boolean;
  patientLimit?: number | null;
  dailyLimit?: number | null;
  rateLimitPerMinute?: number;
  rateLimitPerHour?: number;
  expiresAt?: Date | null;
  scopes?: string[];
  notes?: string | null;
  metadata?: Record<string, unknown>;
  /** Carried over by imports from the earlier service. */
  totalRequests?: number;
  totalPatientsGenerated?: number;
  createdAt?: Date;
  lastUsedAt?: Date | null;
  isActive?: boolean;
}

export type ApiKeyPatch = Partial<
  Pick<
    ApiKey,
    | 'name'
    | 'email'
    | 'patientLimit'
    | 'dailyLimit'
    | 'rateLimitPerMinute'
    | 'rateLimitPerHour'
    | 'expiresAt'
    | 'isActive'
    | 'scopes'
    | 'notes'
    | 'metadata'
  >
>;

/** One authenticated request, or the patients a finished job generated. */
export interface UsageEvent {
  keyId: string;
  at: Date;
  method: string;
  route: string;
  statusCode: number;
  patients: number;
  clientIp: string | null;
  /** Counted in `total_requests`: it passed every limit. */
  admitted: boolean;
  /** Also add it to the day's count (keys whose daily quota was not reserved up front). */
  countInDay: boolean;
  subject: string;
}

export interface DailyUsage {
  day: string;
  requests: number;
  patients: number;
}

/** Storage of API keys and their usage. Every method is one atomic statement or transaction. */
export class ApiKeyRepository {
  constructor(private readonly db: Db) {}

  async create(input: NewApiKey): Promise<ApiKey> {
    const [row] = await this.db.insert(apiKeys).values(input).returning();
    return toApiKey(row!);
  }

  /** The row for a key hash, hash included (verification only). */
  async getByHash(keyHash: string): Promise<ApiKey | undefined> {
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1);
    return row ? toApiKey(row) : undefined;
  }

  async getById(id: string): Promise<ApiKey | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
    return row ? toApiKey(row) : undefined;
  }

  /** Keys whose id or display prefix starts with `ref` (the CLI's `<id|prefix>`). */
  async findByReference(ref: string): Promise<ApiKey[]> {
    const byId = await this.getById(ref);
    if (byId) return [byId];
    const pattern = `${escapeLike(ref)}%`;
    const rows = await this.db
      .select()
      .from(apiKeys)
      .where(or(sql`${apiKeys.keyPrefix} LIKE ${pattern} ESCAPE '\\'`, sql`${apiKeys.id}::text LIKE ${pattern} ESCAPE '\\'`))
      .limit(2);
    return rows.map(toApiKey);
  }

  /**
   * Keys newest first. Unless `includeInactive`, only keys that work at `now`: active and not expired
   * (`now` defaults to the wall clock; callers with an injected clock pass theirs).
   */
  async list(
    options: { includeInactive?: boolean; search?: string; limit?: number; now?: Date } = {},
  ): Promise<ApiKey[]> {
    const filters = [];
    if (!options.includeInactive) {
      filters.push(eq(apiKeys.isActive, true));
      filters.push(or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, options.now ?? new Date())));
    }
    if (options.search) {
      const pattern = `%${escapeLike(options.search)}%`;
      filters.push(or(ilike(apiKeys.name, pattern), ilike(apiKeys.email, pattern)));
    }
    const rows = await this.db
      .select()
      .from(apiKeys)
      .where(and(...filters))
      .orderBy(desc(apiKeys.createdAt), asc(apiKeys.name))
      .limit(options.limit ?? 1000);
    return rows.map(toApiKey);
  }

  /** Case-insensitive match on name or email; `%` and `_` in the term are literal. */
  search(term: string): Promise<ApiKey[]> {
    return this.list({ includeInactive: true, search: term });
  }

  async update(id: string, patch: ApiKeyPatch, now: Date): Promise<ApiKey | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.db
      .update(apiKeys)
      .set({ ...patch, updatedAt: now })
      .where(eq(apiKeys.id, id))
      .returning();
    return row ? toApiKey(row) : undefined;
  }

  setActive(id: string, isActive: boolean, now: Date): Promise<ApiKey | undefined> {
    return this.update(id, { isActive }, now);
  }

  /** Deletes a key with its usage rows (which carry no foreign key; see the schema). */
  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return this.db.transaction(async (tx) => {
      const rows = await tx.delete(apiKeys).where(eq(apiKeys.id, id)).returning({ id: apiKeys.id });
      await tx.delete(apiKeyUsage).where(eq(apiKeyUsage.keyId, id));
      return rows.length > 0;
    });
  }

  /** Creates the demo row, or brings its limits up to date; safe when instances race. */
  async upsertDemo(input: NewApiKey, now: Date): Promise<ApiKey> {
    const [row] = await this.db
      .insert(apiKeys)
      .values(input)
      .onConflictDoUpdate({
        target: apiKeys.keyHash,
        set: {
          patientLimit: input.patientLimit,
          dailyLimit: input.dailyLimit,
          rateLimitPerMinute: input.rateLimitPerMinute,
          rateLimitPerHour: input.rateLimitPerHour,
          isDemo: true,
          updatedAt: now,
        },
      })
      .returning();
    return toApiKey(row!);
  }

  /**
   * Takes one request from a daily quota if it has room: a conditional upsert,
   * so concurrent requests can never overshoot. Returns the count after the
   * request, or `null` when the quota is spent.
   */
  async reserveDaily(keyId: string, subject: string, day: string, limit: number): Promise<number | null> {
    return reserve(this.db, keyId, subject, day, limit);
  }

  /** The demo key's per-IP quota and its global ceiling, both or neither. */
  async reserveDemoDaily(
    keyId: string,
    ip: string,
    day: string,
    ipLimit: number,
    globalLimit: number,
  ): Promise<{ count: number } | { refused: 'subject' | 'global' }> {
    return this.db
      .transaction(async (tx) => {
        const count = await reserve(tx as unknown as Db, keyId, ip, day, ipLimit);
        if (count === null) throw new QuotaRefused('subject');
        const global = await reserve(tx as unknown as Db, keyId, '*', day, globalLimit);
        if (global === null) throw new QuotaRefused('global');
        return { count };
      })
      .catch((error: unknown) => {
        if (error instanceof QuotaRefused) return { refused: error.which };
        throw error;
      });
  }

  /** Gives back a reserved request (one refused after admission, e.g. a 400 or 422). */
  async releaseDaily(keyId: string, subjects: string[], day: string): Promise<void> {
    await this.db.execute(sql`
      UPDATE daily_quota SET requests = requests - 1
      WHERE key_id = ${keyId} AND day = ${day} AND requests > 0
        AND subject = ANY(${sql.param(subjects)}::text[])`);
  }

  async dailyCount(keyId: string, subject: string, day: string): Promise<number> {
    const [row] = await this.db
      .select({ requests: dailyQuota.requests })
      .from(dailyQuota)
      .where(and(eq(dailyQuota.keyId, keyId), eq(dailyQuota.subject, subject), eq(dailyQuota.day, day)));
    return row?.requests ?? 0;
  }

  /** Writes a batch of usage events: the rows, the lifetime counters and the day counts. */
  async recordUsage(events: readonly UsageEvent[]): Promise<void> {
    if (events.length === 0) return;
    const cols = {
      keyId: events.map((e) => e.keyId),
      at: events.map((e) => e.at.toISOString()),
      method: events.map((e) => e.method),
      route: events.map((e) => e.route),
      status: events.map((e) => e.statusCode),
      patients: events.map((e) => e.patients),
      ip: events.map((e) => e.clientIp),
    };
    const totals = aggregateTotals(events);
    const days = aggregateDays(events);
    await this.db.transaction(async (tx) => {
      // Rows for keys deleted since the request are dropped rather than failing the batch.
      await tx.execute(sql`
        INSERT INTO api_key_usage (key_id, occurred_at, method, route, status_code, patients_generated, client_ip)
        SELECT u.* FROM unnest(${sql.param(cols.keyId)}::uuid[], ${sql.param(cols.at)}::timestamptz[],
          ${sql.param(cols.method)}::text[], ${sql.param(cols.route)}::text[], ${sql.param(cols.status)}::int[],
          ${sql.param(cols.patients)}::int[], ${sql.param(cols.ip)}::text[])
          AS u(key_id, occurred_at, method, route, status_code, patients_generated, client_ip)
        WHERE EXISTS (SELECT 1 FROM api_keys k WHERE k.id = u.key_id)`);
      await tx.execute(sql`
        UPDATE api_keys k SET
          total_requests = k.total_requests + t.requests,
          total_patients_generated = k.total_patients_generated + t.patients,
          last_used_at = GREATEST(k.last_used_at, t.last_used)
        FROM unnest(${sql.param(totals.ids)}::uuid[], ${sql.param(totals.requests)}::int[],
          ${sql.param(totals.patients)}::bigint[], ${sql.param(totals.last)}::timestamptz[])
          AS t(id, requests, patients, last_used)
        WHERE k.id = t.id`);
      if (days.ids.length > 0) {
        await tx.execute(sql`
          INSERT INTO daily_quota (key_id, subject, day, requests)
          SELECT d.key_id, d.subject, d.day, d.n FROM unnest(${sql.param(days.ids)}::uuid[],
            ${sql.param(days.subjects)}::text[], ${sql.param(days.days)}::date[], ${sql.param(days.counts)}::int[])
            AS d(key_id, subject, day, n)
          WHERE EXISTS (SELECT 1 FROM api_keys k WHERE k.id = d.key_id)
          ON CONFLICT (key_id, subject, day) DO UPDATE SET requests = daily_quota.requests + EXCLUDED.requests`);
      }
    });
  }

  /** Requests and patients per UTC day since `from` (inclusive), oldest first. */
  async usageByDay(keyId: string, from: Date): Promise<DailyUsage[]> {
    const day = sql<string>`to_char(${apiKeyUsage.occurredAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
    const rows = await this.db
      .select({
        day,
        requests: sql<number>`count(*) FILTER (WHERE ${apiKeyUsage.method} <> 'JOB')::int`,
        patients: sql<number>`coalesce(sum(${apiKeyUsage.patientsGenerated}), 0)::int`,
      })
      .from(apiKeyUsage)
      .where(and(eq(apiKeyUsage.keyId, keyId), gte(apiKeyUsage.occurredAt, from)))
      .groupBy(day)
      .orderBy(day);
    return rows;
  }

  /** Key counts, and requests/patients over the period. */
  async stats(from: Date, now: Date) {
    const [keys] = await this.db
      .select({
        total: sql<number>`count(*)::int`,
        active: sql<number>`count(*) FILTER (WHERE ${apiKeys.isActive})::int`,
        demo: sql<number>`count(*) FILTER (WHERE ${apiKeys.isDemo})::int`,
        expired: sql<number>`count(*) FILTER (WHERE ${apiKeys.expiresAt} <= ${now})::int`,
      })
      .from(apiKeys);
    const [usage] = await this.db
      .select({
        requests: sql<number>`count(*) FILTER (WHERE ${apiKeyUsage.method} <> 'JOB')::int`,
        patients: sql<number>`coalesce(sum(${apiKeyUsage.patientsGenerated}), 0)::int`,
      })
      .from(apiKeyUsage)
      .where(gte(apiKeyUsage.occurredAt, from));
    return { keys: keys!, requests: usage?.requests ?? 0, patients: usage?.patients ?? 0 };
  }

  /** Keys whose expiry is before `now`. */
  async listExpired(now: Date): Promise<ApiKey[]> {
    const rows = await this.db
      .select()
      .from(apiKeys)
      .where(and(isNotNull(apiKeys.expiresAt), lte(apiKeys.expiresAt, now)));
    return rows.map(toApiKey);
  }

  async deleteExpired(now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .delete(apiKeys)
        .where(and(isNotNull(apiKeys.expiresAt), lte(apiKeys.expiresAt, now)))
        .returning({ id: apiKeys.id });
      if (rows.length > 0) {
        await tx.delete(apiKeyUsage).where(inArray(apiKeyUsage.keyId, rows.map((r) => r.id)));
      }
      return rows.length;
    });
  }
}

class QuotaRefused extends Error {
  constructor(readonly which: 'subject' | 'global') {
    super(which);
  }
}

async function reserve(db: Db, keyId: string, subject: string, day: string, limit: number): Promise<number | null> {
  const result = (await db.execute(sql`
    INSERT INTO daily_quota (key_id, subject, day, requests) VALUES (${keyId}, ${subject}, ${day}, 1)
    ON CONFLICT (key_id, subject, day) DO UPDATE SET requests = daily_quota.requests + 1
    WHERE daily_quota.requests < ${limit}
    RETURNING requests`)) as unknown as { rows: { requests: number }[] };
  const row = result.rows[0];
  return row ? Number(row.requests) : null;
}

function aggregateTotals(events: readonly UsageEvent[]) {
  const byKey = new Map<string, { requests: number; patients: number; last: Date }>();
  for (const e of events) {
    const t = byKey.get(e.keyId) ?? { requests: 0, patients: 0, last: e.at };
    if (e.admitted) t.requests += 1;
    t.patients += e.patients;
    if (e.at > t.last) t.last = e.at;
    byKey.set(e.keyId, t);
  }
  const entries = [...byKey.entries()];
  return {
    ids: entries.map(([id]) => id),
    requests: entries.map(([, t]) => t.requests),
    patients: entries.map(([, t]) => t.patients),
    last: entries.map(([, t]) => t.last.toISOString()),
  };
}

function aggregateDays(events: readonly UsageEvent[]) {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (!e.countInDay || !e.admitted) continue;
    const k = `${e.keyId}\u0000${e.subject}\u0000${e.at.toISOString().slice(0, 10)}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const parts = [...counts.entries()].map(([k, n]) => [...k.split('\u0000'), n] as [string, string, string, number]);
  return {
    ids: parts.map((p) => p[0]),
    subjects: parts.map((p) => p[1]),
    days: parts.map((p) => p[2]),
    counts: parts.map((p) => p[3]),
  };
}

export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toApiKey(row: Row): ApiKey {
  const { keyHash: _hash, ...rest } = row;
  return { ...rest, totalRequests: Number(rest.totalRequests), totalPatientsGenerated: Number(rest.totalPatientsGenerated) };
}
