/**
 * The failed-auth throttle must hold while Redis is down under RATE_LIMIT_ON_REDIS_DOWN=fail-closed:
 * the fail-closed store cannot decide, so the guard counts in process instead of letting every key
 * guess through to the database (the attack saw 100 invalid keys make 103 database queries).
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateApiKey } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { getMe } from './helpers.js';

/** A loopback port with nothing listening: Redis is "down" from the first connection attempt. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('failed authentication while Redis is down under fail-closed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: {
        REDIS_URL: `redis://127.0.0.1:${await closedPort()}/0`,
        RATE_LIMIT_ON_REDIS_DOWN: 'fail-closed',
        AUTH_FAILURES_PER_MINUTE: '5',
      },
    });
  });
  afterAll(() => t.close());

  it('answers 429 after AUTH_FAILURES_PER_MINUTE invalid keys; only those and the one that tips it reach the database', async () => {
    expect(t.services.rateLimiter.status()).toBe('down');
    const getByHash = vi.spyOn(t.services.keyRepository, 'getByHash');
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++)
      statuses.push((await getMe(t, generateApiKey(), '203.0.113.50')).statusCode);

    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(95).fill(429));
    expect(getByHash.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('still throttles each IP on its own', async () => {
    expect((await getMe(t, generateApiKey(), '203.0.113.51')).statusCode).toBe(401);
  });

  it('lets the IP try again after the minute', async () => {
    for (let i = 0; i < 6; i++) await getMe(t, generateApiKey(), '203.0.113.52');
    const blocked = await getMe(t, generateApiKey(), '203.0.113.52');
    expect(blocked.statusCode).toBe(429);
    t.clock.advance(Number(blocked.headers['retry-after']) * 1000);
    expect((await getMe(t, generateApiKey(), '203.0.113.52')).statusCode).toBe(401);
  });
});
