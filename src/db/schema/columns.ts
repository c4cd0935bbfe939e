import { timestamp } from 'drizzle-orm/pg-core';

/** Every time column is timezone-aware and read back as a JS Date (UTC). */
export const utcTimestamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () => utcTimestamp('created_at').notNull().defaultNow();
export const updatedAt = () => utcTimestamp('updated_at').notNull().defaultNow();
