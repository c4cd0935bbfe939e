import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateApiKey } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS } from '../helpers/database.js';

describe.each(BACKENDS)('failed authentication per client IP on %s', (backend) => {
  let t: TestApp;
  const attempt = (ip: string, key = generateApiKey()) =>
    t.app.inject({ url: '/api/v1/keys/me', remoteAddress: ip, headers: { 'x-api-key': key } });

  // One app for the file. The failures counted per IP live in one-minute windows,
  // so an hour on the clock gives each test a clean slate for the same IPs.
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: { AUTH_FAILURES_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.advance(3_600_000));
  afterEach(() => vi.restoreAllMocks());

  it('blocks an IP with 429 after 5 failures in a minute, without reaching the database', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('203.0.113.9')).statusCode).toBe(401);

    const tipped = await attempt('203.0.113.9');
    expect(tipped.statusCode).toBe(429);
    expect(tipped.json()).toMatchObject({
      error: 'Too Many Requests',
      code: 'AUTH_FAILURES_BLOCKED',
      detail: 'Too many failed authentication attempts',
    });
    expect(Number(tipped.headers['retry-after'])).toBeGreaterThan(0);

    const getByHash = vi.spyOn(t.services.keyRepository, 'getByHash');
    const blocked = await attempt('203.0.113.9');
    expect(blocked.statusCode).toBe(429);
    expect(getByHash).not.toHaveBeenCalled();
  });

  it('blocks even a valid key from the blocked IP, and leaves other IPs alone', async () => {
    const { key } = await t.services.keys.createKey({ name: 'innocent' });
    for (let i = 0; i < 6; i++) await attempt('203.0.113.9');

    expect((await attempt('203.0.113.9', key)).statusCode).toBe(429);
    expect((await attempt('198.51.100.7')).statusCode).toBe(401);
    expect((await attempt('198.51.100.7', key)).statusCode).toBe(200);
  });

  it('lets the IP try again once the minute has passed', async () => {
    for (let i = 0; i < 6; i++) await attempt('203.0.113.9');
    const blocked = await attempt('203.0.113.9');
    t.clock.advance(Number(blocked.headers['retry-after']) * 1000);
    expect((await attempt('203.0.113.9')).statusCode).toBe(401);
  });

  it('does not count requests that carry no key', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({ url: '/api/v1/keys/me', remoteAddress: '203.0.113.9' });
      expect(res.statusCode).toBe(401);
    }
  });
});
