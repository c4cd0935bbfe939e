import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Who a job or stored configuration belongs to: the key that made it, and for
 * the shared demo key also the client IP. `all` sees every tenant (admin and
 * legacy keys).
 */
export interface Owner {
  keyId: string | null;
  subject: string;
  all: boolean;
}

export const SYSTEM_OWNER: Owner = { keyId: null, subject: '', all: true };

/**
 * The filter that keeps a query to `owner`'s rows of a table with the two owner columns, or
 * `undefined` (no filter) for an owner who sees every tenant. Tenancy lives in the query, so
 * another owner's row is simply not found.
 */
export function ownedBy(
  columns: { ownerKeyId: PgColumn; ownerSubject: PgColumn },
  owner: Owner,
): SQL | undefined {
  if (owner.all) return undefined;
  return and(
    owner.keyId === null ? sql`${columns.ownerKeyId} IS NULL` : eq(columns.ownerKeyId, owner.keyId),
    eq(columns.ownerSubject, owner.subject),
  );
}
