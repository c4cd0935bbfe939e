/**
 * The suite's HTTP client: plain `fetch` with a bounded number of loops, each request counted by
 * label and status, timed, and checked against the error contract. Nothing retries or hides a failure.
 */

export interface Sent {
  method?: 'GET' | 'POST';
  path: string;
  key?: string;
  /** The client address the suite (as the reverse proxy) reports in `X-Forwarded-For`. */
  forwardedFor?: string;
  body?: unknown;
}

export interface Answer {
  status: number;
  retryAfter: string | null;
  json: Record<string, unknown> | undefined;
  ms: number;
}

/** Requests of one phase: counts per label and status, latencies of the authenticated route, contract breaches. */
export class PhaseTally {
  readonly counts = new Map<string, Map<number, number>>();
  /** Milliseconds per `GET /api/v1/keys/me` with a valid key. */
  readonly latencies: number[] = [];
  readonly violations: string[] = [];
  readonly networkErrors: string[] = [];

  add(label: string, status: number): void {
    const byStatus = this.counts.get(label) ?? new Map<number, number>();
    this.counts.set(label, byStatus);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }

  /** Requests of `label` (every label when omitted) answered with a status `which` accepts. */
  count(which: (status: number) => boolean, label?: string): number {
    let n = 0;
    for (const [l, byStatus] of this.counts) {
      if (label !== undefined && l !== label) continue;
      for (const [status, c] of byStatus) if (which(status)) n += c;
    }
    return n;
  }

  get sent(): number {
    return this.count(() => true) + this.networkErrors.length;
  }
}

export const ok = (s: number) => s >= 200 && s < 300;
export const limited = (s: number) => s === 429;
export const serverError = (s: number) => s >= 500;
export const any = () => true;

/**
 * Sends one request and counts it under `label`. An error answer must carry the standard body with a
 * `code`; a 429 or 503 must say when to retry. A 5xx is recorded as a violation unless `allow5xx`
 * accepts it (the phases with a documented 503).
 */
export async function send(
  tally: PhaseTally,
  baseUrl: string,
  label: string,
  req: Sent,
  allow5xx: (answer: Answer) => boolean = () => false,
): Promise<Answer | undefined> {
  const headers: Record<string, string> = {};
  if (req.key) headers['x-api-key'] = req.key;
  if (req.forwardedFor) headers['x-forwarded-for'] = req.forwardedFor;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  let res: Response;
  let text: string;
  try {
    res = await fetch(baseUrl + req.path, {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(15_000),
    });
    text = await res.text();
  } catch (error) {
    tally.networkErrors.push(`${label} ${req.path}: ${(error as Error).message}`);
    return undefined;
  }
  const ms = performance.now() - started;
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  const answer: Answer = { status: res.status, retryAfter: res.headers.get('retry-after'), json, ms };
  tally.add(label, res.status);
  const breach = contractBreach(answer, req.path);
  if (breach || (serverError(res.status) && !allow5xx(answer)))
    tally.violations.push(
      `${label} ${req.method ?? 'GET'} ${req.path} → ${res.status}: ${breach ?? text.slice(0, 200)}`,
    );
  return answer;
}

/**
 * Why an error answer breaks the contract: no standard body, no code, or no Retry-After where one is due.
 * The readiness probe's 503 tells a load balancer to send traffic elsewhere, not a client when to retry.
 */
function contractBreach(answer: Answer, path: string): string | undefined {
  if (answer.status < 400) return undefined;
  const body = answer.json;
  const missing = ['error', 'detail', 'timestamp', 'request_id', 'code'].filter((k) => !body || !(k in body));
  if (missing.length) return `no ${missing.join(', ')} in the body`;
  const probe = path.startsWith('/api/v1/health');
  if ((answer.status === 429 || answer.status === 503) && !answer.retryAfter && !probe)
    return 'no Retry-After';
  return undefined;
}

/** Runs `concurrency` loops of `step` until `ms` have passed; each loop gets its index and a step counter. */
export async function runFor(
  ms: number,
  concurrency: number,
  step: (loop: number, n: number) => Promise<unknown>,
): Promise<void> {
  const deadline = Date.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      for (let n = 0; Date.now() < deadline; n++) await step(loop, n);
    }),
  );
}

/** The q-th quantile (0-1) of the values, in their unit; NaN when there are none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
