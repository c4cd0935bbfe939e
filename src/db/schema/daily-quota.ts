import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys.js';

/**
 * Requests admitted per key, subject and UTC day: the source of truth for daily
 * limits. `subject` is '' for an ordinary key, the client IP for the demo key,
 * and '*' for the demo key's global ceiling.
 */
export const dailyQuota = pgTable(
  'daily_quota',
  {
    keyId: uuid('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull().default(''),
    day: date('day', { mode: 'string' }).notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.subject, t.day] })],
);
