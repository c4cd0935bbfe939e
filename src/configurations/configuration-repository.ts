import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { isUuid, type Owner, ownedBy, schema } from '../db/index.js';
import type { ConfigurationRow } from '../db/schema/index.js';

const { configurations } = schema;

export type { ConfigurationRow };

export interface ConfigurationInput {
  name: string;
  description: string | null;
  body: Record<string, unknown>;
  parentConfigId: string | null;
}

/** Stored scenario configurations, scoped to their owner like jobs. */
export class ConfigurationRepository {
  constructor(private readonly db: Db) {}

  async create(input: ConfigurationInput, owner: Owner): Promise<ConfigurationRow> {
    const [row] = await this.db
      .insert(configurations)
      .values({ ...input, ownerKeyId: owner.keyId, ownerSubject: owner.subject })
      .returning();
    return row!;
  }

  async get(id: string, owner: Owner): Promise<ConfigurationRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.db
      .select()
      .from(configurations)
      .where(and(eq(configurations.id, id), ownedBy(configurations, owner)));
    return row;
  }

  async list(owner: Owner, options: { skip: number; limit: number }): Promise<ConfigurationRow[]> {
    return this.db
      .select()
      .from(configurations)
      .where(ownedBy(configurations, owner))
      .orderBy(asc(configurations.name), asc(configurations.createdAt))
      .offset(options.skip)
      .limit(options.limit);
  }

  async update(
    id: string,
    input: ConfigurationInput,
    owner: Owner,
    now: Date,
  ): Promise<ConfigurationRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.db
      .update(configurations)
      .set({ ...input, updatedAt: now, version: sql`${configurations.version} + 1` })
      .where(and(eq(configurations.id, id), ownedBy(configurations, owner)))
      .returning();
    return row;
  }

  async delete(id: string, owner: Owner): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await this.db
      .delete(configurations)
      .where(and(eq(configurations.id, id), ownedBy(configurations, owner)))
      .returning({ id: configurations.id });
    return rows.length > 0;
  }
}
