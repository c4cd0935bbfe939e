import { bigserial, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { utcTimestamp } from './columns.js';

/**
 * One row per authenticated request. `key_id` has no foreign key on purpose:
 * this is the hottest insert in the service, the constraint check cost about
 * 40 % of each batch, and the writer already skips rows for deleted keys and
 * deletes a key's rows with it (ApiKeyRepository.delete).
 */
export const apiKeyUsage = pgTable(
  'api_key_usage',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    keyId: uuid('key_id').notNull(),
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
