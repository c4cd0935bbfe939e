/**
 * Runs the OpenAPI fuzz: reads `/openapi.json` from the live server, samples requests for every
 * operation with a fixed fast-check seed, sends them a few at a time with a mix of keys, and records
 * every response that breaks the contract (5xx, or an error without the standard body).
 */
import fc from 'fast-check';
import { type AttackClient, contractViolation, describeRequest, type Sent } from './attack-client.js';
import { type GeneratedRequest, operationsOf, requestFor } from './openapi-arbitraries.js';
import type { Caller } from './suite-context.js';

export const DEFAULT_FUZZ_SEED = 20_251_130;
/** Every contract violation of the last run, for a closer look. */
export const FUZZ_VIOLATIONS = '.tmp/security-fuzz-violations.json';

/** Node's HTTP parser limit on the request line and headers (`http.maxHeaderSize`, 16 KiB). */
const HEADER_LIMIT_BYTES = 16 * 1024;

/**
 * Sends one request. A request line and headers past Node's limit are refused by the parser (414 or
 * 431) and the connection is closed; when a large body is still being sent, the client can see that
 * close (a reset) before the refusal. Such a request is sent again without its body, so the refusal
 * itself is what gets checked; any other transport failure is a violation.
 */
async function sendOnce(api: AttackClient, sent: Sent) {
  try {
    return await api.send(sent);
  } catch (error) {
    const head = sent.path.length + JSON.stringify(sent.headers ?? {}).length;
    const hasBody = sent.body !== undefined || sent.rawBody !== undefined;
    if (head <= HEADER_LIMIT_BYTES || !hasBody) throw error;
    return api.send({ ...sent, body: undefined, rawBody: undefined });
  }
}

export interface FuzzOptions {
  api: AttackClient;
  callers: { weight: number; caller: Caller }[];
  /** Real ids for id-like parameters. */
  ids: string[];
  /** Called with any key a 201 returned (a created or rotated key is a secret). */
  onSecret(label: string, value: string): void;
}

export interface Violation {
  operation: string;
  status: number;
  request: string;
  problem: string;
}

export interface FuzzResult {
  seed: number;
  target: number;
  sent: number;
  seconds: number;
  operations: { name: string; sent: number }[];
  violations: Violation[];
}

export async function runOpenApiFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const seed = Number(process.env.SECURITY_FUZZ_SEED ?? DEFAULT_FUZZ_SEED);
  const target = Number(process.env.SECURITY_FUZZ_REQUESTS ?? 5000);
  const docRes = await opts.api.send({ method: 'GET', path: '/openapi.json' });
  const ops = operationsOf(docRes.json as Parameters<typeof operationsOf>[0]);
  const perOperation = Math.ceil(target / ops.length);
  const callerArb = fc.oneof(
    ...opts.callers.map((c) => ({ weight: c.weight, arbitrary: fc.constant(c.caller) })),
  );

  // One fixed seed per operation (seed + index): adding an operation leaves the others' requests alone.
  const plan: { operation: string; req: GeneratedRequest; caller: Caller }[] = [];
  ops.forEach((op, i) => {
    const samples = fc.sample(fc.tuple(requestFor(op, opts.ids), callerArb), {
      seed: seed + i,
      numRuns: perOperation,
    });
    for (const [req, caller] of samples) plan.push({ operation: `${op.method} ${op.path}`, req, caller });
  });

  const counts = new Map(ops.map((op) => [`${op.method} ${op.path}`, 0]));
  const violations: Violation[] = [];
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const { operation, req, caller } = plan[next++]!;
      const sent: Sent = { ...req, headers: caller.headers };
      let problem: string | undefined;
      let status = 0;
      try {
        const res = await sendOnce(opts.api, sent);
        status = res.status;
        problem = contractViolation(res);
        const key = (res.json as { key?: unknown } | undefined)?.key;
        if (res.status === 201 && typeof key === 'string') opts.onSecret(`key created by the fuzz`, key);
      } catch (error) {
        status = 599;
        problem = `no response: ${(error as Error).message}`;
      }
      counts.set(operation, (counts.get(operation) ?? 0) + 1);
      if (problem) {
        violations.push({
          operation,
          status,
          request: `[${caller.label}] ${describeRequest(sent)}`,
          problem,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return {
    seed,
    target,
    sent: plan.length,
    seconds: (Date.now() - started) / 1000,
    operations: [...counts].map(([name, sent]) => ({ name, sent })),
    violations,
  };
}
