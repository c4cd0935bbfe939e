import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('CORS for the web page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { CORS_ORIGINS: 'https://exercise.example.org' } });
  });
  afterAll(() => t.close());

  it('lets an allowed origin read the rate-limit and request-id headers', async () => {
    const res = await t.app.inject({ url: '/health', headers: { origin: 'https://exercise.example.org' } });
    expect(res.headers['access-control-allow-origin']).toBe('https://exercise.example.org');
    expect(res.headers['access-control-expose-headers']).toContain('Retry-After');
    expect(res.headers['access-control-expose-headers']).toContain('X-RateLimit-Remaining');
  });

  it('answers a preflight from an allowed origin', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/generation/',
      headers: { origin: 'https://exercise.example.org', 'access-control-request-method': 'POST' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://exercise.example.org');
  });

  it('sends no CORS headers to another origin, nor to a client that sends no Origin', async () => {
    const other = await t.app.inject({ url: '/health', headers: { origin: 'https://evil.example.com' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const plain = await t.app.inject({ url: '/health' });
    expect(plain.headers['access-control-expose-headers']).toBeUndefined();
  });
});
