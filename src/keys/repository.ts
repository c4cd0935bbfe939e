import { and, asc, desc, eq, ilike, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { isUuid, schema } from '../db/index.js';
import type { ApiKey } from './api-key.js';

const { apiKeys, dailyQuota, usageCounts } = schema;
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

export interface KeyCounts {
  total: number;
  active: number;
  demo: number;
  expired: number;
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

/** Storage of API keys and their daily quota counts (usage lives in `src/usage`). Every method is one atomic statement or transaction. */
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
      .where(
        or(
          sql`${apiKeys.keyPrefix} LIKE ${pattern} ESCAPE '\\'`,
          sql`${apiKeys.id}::text LIKE ${pattern} ESCAPE '\\'`,
        ),
      )
      .limit(2);
    return rows.map(toApiKey);
  }

  async list(
    options: { includeInactive?: boolean; search?: string; limit?: number } = {},
  ): Promise<ApiKey[]> {
    const filters = [];
    if (!options.includeInactive) filters.push(eq(apiKeys.isActive, true));
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

  /** Deletes a key with its usage aggregates (which carry no foreign key; see the schema). */
  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return this.db.transaction(async (tx) => {
      const rows = await tx.delete(apiKeys).where(eq(apiKeys.id, id)).returning({ id: apiKeys.id });
      await tx.delete(usageCounts).where(eq(usageCounts.keyId, id));
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

  /** How many keys there are: in all, active, demo, and expired at `now`. */
  async keyCounts(now: Date): Promise<KeyCounts> {
    const [keys] = await this.db
      .select({
        total: sql<number>`count(*)::int`,
        active: sql<number>`count(*) FILTER (WHERE ${apiKeys.isActive})::int`,
        demo: sql<number>`count(*) FILTER (WHERE ${apiKeys.isDemo})::int`,
        expired: sql<number>`count(*) FILTER (WHERE ${apiKeys.expiresAt} <= ${now})::int`,
      })
      .from(apiKeys);
    return keys!;
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
        await tx.delete(usageCounts).where(
          inArray(
            usageCounts.keyId,
            rows.map((r) => r.id),
          ),
        );
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

async function reserve(
  db: Db,
  keyId: string,
  subject: string,
  day: string,
  limit: number,
): Promise<number | null> {
  const result = (await db.execute(sql`
    INSERT INTO daily_quota (key_id, subject, day, requests) VALUES (${keyId}, ${subject}, ${day}, 1)
    ON CONFLICT (key_id, subject, day) DO UPDATE SET requests = daily_quota.requests + 1
    WHERE daily_quota.requests < ${limit}
    RETURNING requests`)) as unknown as { rows: { requests: number }[] };
  const row = result.rows[0];
  return row ? Number(row.requests) : null;
}

export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toApiKey(row: Row): ApiKey {
  const { keyHash: _hash, ...rest } = row;
  return {
    ...rest,
    totalRequests: Number(rest.totalRequests),
    totalPatientsGenerated: Number(rest.totalPatientsGenerated),
  };
}
