const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID string. Repositories check ids first, so a malformed id is "not found", never a SQL error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
