import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.js';

/** Stored scenario configurations, owned by the key that created them. */
export const configurations = pgTable(
  'configurations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKeyId: uuid('owner_key_id'),
    ownerSubject: text('owner_subject').notNull().default(''),
    name: text('name').notNull(),
    description: text('description'),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    parentConfigId: uuid('parent_config_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('configurations_owner_idx').on(t.ownerKeyId, t.name)],
);

export type ConfigurationRow = typeof configurations.$inferSelect;
