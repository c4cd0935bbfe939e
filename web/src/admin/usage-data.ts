/**
 * The shapes of the aggregated usage answers (`GET /api/v1/admin/usage`,
 * `GET /api/v1/admin/keys/{id}/usage`), and the rows the charts draw from them.
 */

interface WindowCounts {
  minute: number;
  hour: number;
  day: number;
}

export interface UsageCounts {
  requests: number;
  patients: number;
  status: Record<'2xx' | '3xx' | '4xx' | '5xx', number>;
  unauthorized: number;
  rate_limited: WindowCounts;
}

export interface UsagePoint extends UsageCounts {
  bucket?: string;
  key_id?: string | null;
}

export interface UsageReport {
  from: string;
  to: string;
  group_by: string;
  totals: UsageCounts;
  series: UsagePoint[];
  top_keys: { key_id: string; key_prefix: string; name: string; requests: number; patients: number }[];
  demo_networks: ({ network: string } & UsageCounts)[];
}

export interface Refusal {
  minute: string;
  route: string;
  status: '4xx' | '5xx';
  requests: number;
  unauthorized: number;
  rate_limited: WindowCounts;
}

export interface KeyUsageReport {
  from: string;
  to: string;
  totals: UsageCounts;
  per_day: UsagePoint[];
  recent_refusals: Refusal[];
}

/** One chart row: a bucket and its counts. */
export interface UsageRow {
  label: string;
  requests: number;
  patients: number;
  unauthorized: number;
  rateLimited: number;
  serverErrors: number;
}

export const rateLimitedTotal = (w: WindowCounts) => w.minute + w.hour + w.day;

/** "2026-11-30" for a day, "11-30 14:00" for an hour (UTC, as the buckets are). */
export function bucketLabel(bucket: string | undefined, groupBy: string): string {
  if (!bucket) return '?';
  return groupBy === 'hour' ? `${bucket.slice(5, 10)} ${bucket.slice(11, 16)}` : bucket.slice(0, 10);
}

export function usageRows(points: UsagePoint[], groupBy: string): UsageRow[] {
  return points.map((p) => ({
    label: bucketLabel(p.bucket, groupBy),
    requests: p.requests,
    patients: p.patients,
    unauthorized: p.unauthorized,
    rateLimited: rateLimitedTotal(p.rate_limited),
    serverErrors: p.status['5xx'],
  }));
}
