import { bigint, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { utcTimestamp } from './columns.js';

/**
 * Usage aggregated per UTC minute, key, masked client network, route and status
 * class: one row per combination seen, so storage grows with activity, not with
 * traffic. Writers only ever add to the counters (`ON CONFLICT … SET n = n + EXCLUDED.n`),
 * so instances writing at once never lose an update.
 *
 * `key_id` is the nil UUID for requests no key was recognised for (401s), so
 * that it can stay in the primary key; it has no foreign key, like the table
 * it replaces, because the check would slow the hottest write, and a key's rows
 * are deleted with the key. `network` is `''` except for the demo key.
 */
export const usageCounts = pgTable(
  'usage_counts',
  {
    minute: utcTimestamp('minute').notNull(),
    keyId: uuid('key_id').notNull(),
    network: text('network').notNull().default(''),
    route: text('route').notNull(),
    statusClass: smallint('status_class').notNull(),
    requests: integer('requests').notNull().default(0),
    patients: bigint('patients', { mode: 'number' }).notNull().default(0),
    unauthorized: integer('unauthorized').notNull().default(0),
    rateLimitedMinute: integer('rate_limited_minute').notNull().default(0),
    rateLimitedHour: integer('rate_limited_hour').notNull().default(0),
    rateLimitedDay: integer('rate_limited_day').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.minute, t.keyId, t.network, t.route, t.statusClass] }),
    index('usage_counts_key_minute_idx').on(t.keyId, t.minute),
  ],
);
