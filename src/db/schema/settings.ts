import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.js';

/**
 * Settings an administrator changes while the service runs, one row per setting. A setting with no
 * row follows its environment variable; a row records the administrator's choice and who made it
 * (a key's display prefix, `API_KEY` or `cli`: never a key).
 */
export const settings = pgTable('settings', {
  name: text('name').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: updatedAt(),
  updatedBy: text('updated_by').notNull(),
});

export type SettingRow = typeof settings.$inferSelect;
