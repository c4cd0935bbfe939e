import { maskedNetwork } from './client-network.js';
import {
  JOB_ROUTE,
  type RequestUsage,
  type UsageBatch,
  type UsageCounts,
  type UsageRow,
} from './usage-event.js';

const MINUTE_MS = 60_000;

/**
 * Usage counted in memory between two flushes: one entry per aggregate row,
 * so memory grows with the number of distinct keys, routes and minutes seen,
 * not with the number of requests. Adding is synchronous, so no event can
 * slip between two counters.
 */
export class UsageTally {
  private readonly rows = new Map<string, UsageRow>();
  private readonly keys = new Map<string, { admitted: number; patients: number; lastUsedAt: Date }>();
  private readonly days = new Map<
    string,
    { keyId: string; subject: string; day: string; requests: number }
  >();

  /** Distinct aggregate rows held; what a flush threshold should watch. */
  get size(): number {
    return this.rows.size;
  }

  addRequest(event: RequestUsage): void {
    const network = event.isDemo && event.clientIp ? maskedNetwork(event.clientIp) : '';
    const row = this.row(
      event.at,
      event.keyId,
      network,
      `${event.method} ${event.route}`,
      statusClassOf(event.statusCode),
    );
    row.requests += 1;
    row.patients += event.patients;
    if (event.statusCode === 401) row.unauthorized += 1;
    if (event.statusCode === 429 && event.refusedBy === 'minute') row.rateLimitedMinute += 1;
    if (event.statusCode === 429 && event.refusedBy === 'hour') row.rateLimitedHour += 1;
    if (event.statusCode === 429 && event.refusedBy === 'day') row.rateLimitedDay += 1;
    if (event.keyId === null) return;
    this.addToKey(event.keyId, event.admitted ? 1 : 0, event.patients, event.at);
    if (event.admitted && event.countInDay) this.addToDay(event.keyId, event.quotaSubject, event.at, 1);
  }

  /** Patients a background job generated: counted as patients, never as a request. */
  addJobPatients(keyId: string, patients: number, at: Date): void {
    this.row(at, keyId, '', JOB_ROUTE, 2).patients += patients;
    this.addToKey(keyId, 0, patients, at);
  }

  /** Adds another tally's counts to this one (a failed flush's batch goes back this way). */
  absorb(other: UsageTally): void {
    for (const r of other.rows.values())
      addCounts(this.row(r.minute, r.keyId, r.network, r.route, r.statusClass), r);
    for (const [keyId, k] of other.keys) this.addToKey(keyId, k.admitted, k.patients, k.lastUsedAt);
    for (const d of other.days.values())
      this.addToDay(d.keyId, d.subject, new Date(`${d.day}T00:00:00Z`), d.requests);
  }

  /** The rows, key totals and day counts to write, each sorted so concurrent writers lock rows in one order. */
  batch(): UsageBatch {
    return {
      rows: [...this.rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r),
      keys: [...this.keys.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([keyId, k]) => ({ keyId, ...k })),
      days: [...this.days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d),
    };
  }

  private row(at: Date, keyId: string | null, network: string, route: string, statusClass: number): UsageRow {
    const minuteMs = at.getTime() - (at.getTime() % MINUTE_MS);
    const id = `${minuteMs}\u0000${statusClass}\u0000${keyId ?? ''}\u0000${route}\u0000${network}`;
    let row = this.rows.get(id);
    if (!row) {
      row = { minute: new Date(minuteMs), keyId, network, route, statusClass, ...zeroCounts() };
      this.rows.set(id, row);
    }
    return row;
  }

  private addToKey(keyId: string, admitted: number, patients: number, at: Date): void {
    const k = this.keys.get(keyId);
    if (!k) {
      this.keys.set(keyId, { admitted, patients, lastUsedAt: at });
      return;
    }
    k.admitted += admitted;
    k.patients += patients;
    if (at > k.lastUsedAt) k.lastUsedAt = at;
  }

  private addToDay(keyId: string, subject: string, at: Date, requests: number): void {
    const day = at.toISOString().slice(0, 10);
    const id = `${keyId}\u0000${subject}\u0000${day}`;
    const d = this.days.get(id);
    if (d) d.requests += requests;
    else this.days.set(id, { keyId, subject, day, requests });
  }
}

export function zeroCounts(): UsageCounts {
  return {
    requests: 0,
    patients: 0,
    unauthorized: 0,
    rateLimitedMinute: 0,
    rateLimitedHour: 0,
    rateLimitedDay: 0,
  };
}

function addCounts(into: UsageCounts, from: UsageCounts): void {
  into.requests += from.requests;
  into.patients += from.patients;
  into.unauthorized += from.unauthorized;
  into.rateLimitedMinute += from.rateLimitedMinute;
  into.rateLimitedHour += from.rateLimitedHour;
  into.rateLimitedDay += from.rateLimitedDay;
}

/** 2 for 2xx, 3 for 3xx, 4 for 4xx, 5 for 5xx (and anything stranger). */
function statusClassOf(statusCode: number): number {
  const statusClass = Math.floor(statusCode / 100);
  return statusClass >= 2 && statusClass <= 5 ? statusClass : 5;
}
