import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';

/** The two stores the HTTP suites run on; the Redis one only when TEST_REDIS_URL is set. */
export interface StoreCase {
  /** Goes into the describe title: CI fails when a suite named "redis" is skipped. */
  readonly name: 'in-process' | 'redis';
  readonly env: Record<string, string>;
  readonly skip: boolean;
}

export const STORES: readonly StoreCase[] = [
  { name: 'in-process', env: {}, skip: false },
  {
    name: 'redis',
    env: process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {},
    skip: !process.env.TEST_REDIS_URL,
  },
];

/**
 * A documentation-range IPv4 address no other test (or earlier run) uses, so counters kept in a
 * shared Redis under the client IP (auth failures, demo key) never collide.
 */
export function uniqueIp(): string {
  const [a, b] = randomBytes(2);
  return `10.${a}.${b}.${1 + Math.floor(Math.random() * 250)}`;
}

export function getMe(
  t: TestApp,
  key: string,
  remoteAddress = '127.0.0.1',
  headers: Record<string, string> = {},
) {
  return t.app.inject({ url: '/api/v1/keys/me', remoteAddress, headers: { 'x-api-key': key, ...headers } });
}

/** The checks every rate-limit 429 must pass: standard body, Retry-After and all limit headers. */
export function expectRateLimited(res: LightMyRequestResponse, detail: string): void {
  expect(res.statusCode).toBe(429);
  expect(res.json()).toMatchObject({ error: 'Too Many Requests', code: 'RATE_LIMITED', detail });
  expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  expect(res.headers['x-ratelimit-limit']).toMatch(/^\d+$/);
  expect(res.headers['x-ratelimit-remaining']).toBe('0');
  expect(res.headers['x-ratelimit-reset']).toMatch(/^\d+$/);
  expect(res.headers['ratelimit-policy']).toMatch(/^"minute";q=\d+;w=60, "hour";q=\d+;w=3600$/);
  expect(res.headers.ratelimit).toMatch(/^"minute";r=\d+;t=\d+, "hour";r=\d+;t=\d+$/);
}

export function statusCounts(responses: readonly { statusCode: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
}
