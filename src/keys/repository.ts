import { and, asc, desc, eq, gt, ilike, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { isUuid, schema } from '../db/index.js';
import type { ApiKey } from './api-key.js';

const { apiKeys, usageCounts } = schema;
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

/** Storage of API keys (daily quotas: `QuotaRepository`; usage: `src/usage`). Every method is one atomic statement or transaction. */
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

  /**
   * Self-service keys registered in approval mode that no administrator has approved yet
   * (the rows `isPending` in key-service.ts recognises).
   */
  async countPending(): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(apiKeys)
      .where(and(eq(apiKeys.isActive, false), sql`${apiKeys.metadata}->>'approval' = 'pending'`));
    return row!.n;
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
