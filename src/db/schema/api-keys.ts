import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, utcTimestamp } from './columns.js';

/**
 * API keys. The full key is never stored: `key_hash` is the SHA-256 of it and
 * `key_prefix` a short, non-secret label for people.
 */
export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  keyHash: text('key_hash').notNull().unique(),
  keyPrefix: text('key_prefix').notNull(),
  name: text('name').notNull(),
  email: text('email'),
  isDemo: boolean('is_demo').notNull().default(false),
  /** Maximum patients per generation; null means unlimited. */
  patientLimit: integer('patient_limit'),
  /** Requests per UTC day; null means unlimited. */
  dailyLimit: integer('daily_limit'),
  rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(60),
  rateLimitPerHour: integer('rate_limit_per_hour').notNull().default(1000),
  totalRequests: bigint('total_requests', { mode: 'number' }).notNull().default(0),
  totalPatientsGenerated: bigint('total_patients_generated', { mode: 'number' }).notNull().default(0),
  lastUsedAt: utcTimestamp('last_used_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  expiresAt: utcTimestamp('expires_at'),
  isActive: boolean('is_active').notNull().default(true),
  scopes: text('scopes').array().notNull().default(sql`ARRAY['generate']::text[]`),
  notes: text('notes'),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
});

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type NewApiKeyRow = typeof apiKeys.$inferInsert;
