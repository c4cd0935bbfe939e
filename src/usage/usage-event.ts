/** The limit window that refused a request with 429. */
export type RefusalWindow = 'minute' | 'hour' | 'day';

/**
 * One answered request, as the HTTP edge reports it. `keyId` is null when no
 * key was recognised (a 401 for a missing or unknown key, or a blocked address).
 */
export interface RequestUsage {
  keyId: string | null;
  /** The demo key's traffic is also counted per masked client network. */
  isDemo: boolean;
  at: Date;
  method: string;
  /** The route pattern (`/api/v1/jobs/:id`), never the raw URL, so the set stays small. */
  route: string;
  statusCode: number;
  patients: number;
  /** The client address; only its masked network is kept, and only for the demo key. */
  clientIp: string | null;
  /** Passed every limit: counted in the key's lifetime `total_requests`. */
  admitted: boolean;
  /** Also add it to the day's quota count (keys whose daily quota was not reserved up front). */
  countInDay: boolean;
  /** The daily-quota subject (`''`, or the demo client's address). */
  quotaSubject: string;
  refusedBy?: RefusalWindow;
}

/** The counters of one aggregate row; every one of them only ever grows. */
export interface UsageCounts {
  requests: number;
  patients: number;
  unauthorized: number;
  rateLimitedMinute: number;
  rateLimitedHour: number;
  rateLimitedDay: number;
}

/** One row of `usage_counts`: a key, minute, route, status class and masked client network. */
export interface UsageRow extends UsageCounts {
  minute: Date;
  keyId: string | null;
  /** The demo client's masked network (`203.0.113.0/24`), or `''`. */
  network: string;
  route: string;
  /** 2 for 2xx, 4 for 4xx, 5 for 5xx. */
  statusClass: number;
}

/** Lifetime counters added to a key's row. */
export interface KeyTotals {
  keyId: string;
  admitted: number;
  patients: number;
  lastUsedAt: Date;
}

/** Requests added to a key's daily quota count. */
export interface DayCount {
  keyId: string;
  subject: string;
  day: string;
  requests: number;
}

/** What one flush writes, in one transaction. */
export interface UsageBatch {
  rows: UsageRow[];
  keys: KeyTotals[];
  days: DayCount[];
}

/** The route name under which a finished job's patients are counted. */
export const JOB_ROUTE = 'JOB';
