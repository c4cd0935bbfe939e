import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';

const { settings } = schema;

/** A stored setting: its value and who changed it last, when. */
export interface StoredSetting {
  value: unknown;
  updatedAt: Date;
  /** A key's display prefix, `API_KEY` or `cli`: a label, never a key. */
  updatedBy: string;
}

/**
 * The `settings` table: one row per setting an administrator has set. Each method is one
 * statement; the database is the only copy, so every instance reads the same value.
 */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  async get(name: string): Promise<StoredSetting | undefined> {
    const [row] = await this.db.select().from(settings).where(eq(settings.name, name)).limit(1);
    return row && { value: row.value, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
  }

  /** Inserts or replaces the setting. */
  async put(name: string, value: unknown, updatedBy: string, now: Date): Promise<StoredSetting> {
    const [row] = await this.db
      .insert(settings)
      .values({ name, value, updatedBy, updatedAt: now })
      .onConflictDoUpdate({ target: settings.name, set: { value, updatedBy, updatedAt: now } })
      .returning();
    return { value: row!.value, updatedAt: row!.updatedAt, updatedBy: row!.updatedBy };
  }

  /** Deletes the setting, so its environment variable applies again; false when there was none. */
  async remove(name: string): Promise<boolean> {
    const rows = await this.db
      .delete(settings)
      .where(eq(settings.name, name))
      .returning({ name: settings.name });
    return rows.length > 0;
  }
}
