/**
 * The suite's HTTP client: sends a request to the live server, counts it by status for the final
 * table, and checks the standard error body. Nothing here retries or hides a failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** A value to send as JSON, or a string sent as is (with the JSON content type). */
  body?: unknown;
  rawBody?: string;
}

export interface Received {
  status: number;
  headers: Headers;
  text: string;
  buffer: Buffer;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

export const STATS_DIR = '.tmp/security';

/** Requests sent and statuses seen, per suite file; written out for the table at the end of the run. */
export class AttackStats {
  sent = 0;
  statuses: Record<string, number> = {};
  secretsFound: number | null = null;

  constructor(readonly name: string) {}

  count(status: number): void {
    this.sent++;
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
  }

  save(): void {
    mkdirSync(STATS_DIR, { recursive: true });
    writeFileSync(join(STATS_DIR, `${this.name}.json`), JSON.stringify(this));
  }
}

export class AttackClient {
  constructor(
    readonly baseUrl: string,
    readonly stats: AttackStats,
  ) {}

  async send(req: Sent): Promise<Received> {
    const headers: Record<string, string> = { ...req.headers };
    let body: string | undefined;
    if (req.rawBody !== undefined) body = req.rawBody;
    else if (req.body !== undefined) body = JSON.stringify(req.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(this.baseUrl + req.path, { method: req.method, headers, body });
    const buffer = Buffer.from(await res.arrayBuffer());
    this.stats.count(res.status);
    const text = buffer.toString('utf8');
    let json: unknown;
    if ((res.headers.get('content-type') ?? '').includes('json')) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: res.status, headers: res.headers, text, buffer, json };
  }
}

/** Why a response breaks the contract (a 5xx, or an error without the standard body), or undefined. */
export function contractViolation(res: Received): string | undefined {
  if (res.status >= 500) return `${res.status}: ${res.text.slice(0, 300)}`;
  if (res.status >= 400) {
    const body = res.json as Record<string, unknown> | undefined;
    const missing = ['error', 'detail', 'timestamp', 'request_id'].filter(
      (k) => body === undefined || body === null || typeof body !== 'object' || !(k in body),
    );
    if (missing.length > 0) return `${res.status} without ${missing.join(', ')}: ${res.text.slice(0, 300)}`;
  }
  return undefined;
}

/** A short, reproducible description of a request for failure messages. */
export function describeRequest(req: Sent): string {
  const body = req.rawBody ?? (req.body === undefined ? '' : JSON.stringify(req.body));
  const shown = body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body;
  const path = req.path.length > 300 ? `${req.path.slice(0, 300)}… (${req.path.length} chars)` : req.path;
  return `${req.method} ${path} ${shown}`.trim();
}
