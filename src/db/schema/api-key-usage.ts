import { bigserial, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys.js';
import { utcTimestamp } from './columns.js';

/** One row per authenticated request. */
export const apiKeyUsage = pgTable(
  'api_key_usage',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    keyId: uuid('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    occurredAt: utcTimestamp('occurred_at').notNull().defaultNow(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    statusCode: integer('status_code').notNull(),
    patientsGenerated: integer('patients_generated').notNull().default(0),
    /** Client address, kept for demo-key abuse review. */
    clientIp: text('client_ip'),
  },
  (t) => [index('api_key_usage_key_time_idx').on(t.keyId, t.occurredAt)],
);

export type ApiKeyUsageRow = typeof apiKeyUsage.$inferSelect;
