/**
 * Reads the aggregated usage answers (`GET /api/v1/admin/usage`, `GET /api/v1/admin/keys/{id}/usage`)
 * into rows the charts draw. Field names follow the admin API's documented contract; a count the
 * answer does not carry reads as 0.
 */

export interface UsageRow {
  /** The bucket: a day, an hour, or a key. */
  label: string;
  requests: number;
  patients: number;
  unauthorized: number;
  rateLimited: number;
  serverErrors: number;
}

const num = (row: Record<string, unknown>, ...names: string[]) => {
  for (const n of names) if (typeof row[n] === 'number') return row[n] as number;
  return 0;
};

function labelOf(row: Record<string, unknown>): string {
  for (const n of ['bucket', 'day', 'hour', 'period', 'key_name', 'name', 'key_prefix', 'key_id']) {
    const v = row[n];
    if (typeof v === 'string' && v) return v;
  }
  return '?';
}

/** The rows of a usage answer, whether it is an array or an object holding one. */
export function usageRows(answer: unknown): UsageRow[] {
  const body = answer as Record<string, unknown> | unknown[];
  const list = Array.isArray(body)
    ? body
    : ((body?.rows ?? body?.buckets ?? body?.data ?? body?.usage ?? []) as unknown[]);
  return (Array.isArray(list) ? list : []).map((raw) => {
    const row = raw as Record<string, unknown>;
    return {
      label: labelOf(row),
      requests: num(row, 'requests', 'request_count', 'total_requests'),
      patients: num(row, 'patients', 'patients_generated', 'patient_count'),
      unauthorized: num(row, 'unauthorized', 'status_401', 'http_401', 'auth_failures'),
      rateLimited: num(row, 'rate_limited', 'status_429', 'http_429', 'throttled'),
      serverErrors: num(row, 'server_errors', 'status_5xx', 'http_5xx', 'errors_5xx'),
    };
  });
}

/** The 429s split by the window that refused them, when the answer carries that split. */
export function refusalsByWindow(answer: unknown): Record<string, number> {
  const body = answer as Record<string, unknown>;
  const split = (body?.rate_limited_by_window ?? body?.refusals_by_window) as
    | Record<string, number>
    | undefined;
  return split && typeof split === 'object' ? split : {};
}

/** Demo-key traffic per client network, the addresses already masked by the server. */
export function demoTraffic(answer: unknown): { label: string; requests: number }[] {
  const body = answer as Record<string, unknown>;
  const list = (body?.demo_by_ip ?? body?.demo_clients ?? []) as Record<string, unknown>[];
  return Array.isArray(list)
    ? list.map((r) => ({
        label: String(r.ip ?? r.client ?? r.masked_ip ?? '?'),
        requests: num(r, 'requests'),
      }))
    : [];
}
