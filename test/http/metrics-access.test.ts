/**
 * `/metrics` names every route and its traffic, so it is not public: a METRICS_TOKEN bearer or an
 * admin key may read it. It is served from memory, so a scrape never waits on the database.
 */
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_API_KEY } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const LEGACY_KEY = 'legacy-key-for-metrics-tests';
const TOKEN = 'scrape-token-9f3c2a7e51d04b68';

const scrape = (t: TestApp, headers: Record<string, string> = {}) =>
  t.app.inject({ url: '/metrics', headers });

describe('/metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { API_KEY: LEGACY_KEY } });
  });
  afterAll(() => t.close());

  it('answers 401 with the standard body to a request without a key', async () => {
    const res = await scrape(t);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'Unauthorized', detail: 'Missing API Key' });
    expect(res.body).not.toContain('api_requests_total');
  });

  it('answers 403 to the demo key and to a key without the admin scope', async () => {
    const { key } = await t.services.keys.createKey({ name: 'user', scopes: ['generate'] });
    for (const presented of [DEMO_API_KEY, key]) {
      const res = await scrape(t, { 'x-api-key': presented });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'Forbidden' });
    }
  });

  it('serves an admin key and the legacy key, by header or bearer', async () => {
    const { key } = await t.services.keys.createKey({ name: 'ops', scopes: ['generate', 'admin'] });
    const ways: Record<string, string>[] = [
      { 'x-api-key': key },
      { authorization: `Bearer ${key}` },
      { 'x-api-key': LEGACY_KEY },
    ];
    for (const headers of ways) {
      const res = await scrape(t, headers);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('api_requests_total');
    }
  });

  it('does not take an arbitrary bearer as a token', async () => {
    expect((await scrape(t, { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(401);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  it('serves the bearer token', async () => {
    const res = await scrape(t, { authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
  });

  it('refuses a wrong or truncated token, and the token sent as an API key', async () => {
    const wrong: Record<string, string>[] = [
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { 'x-api-key': TOKEN },
    ];
    for (const headers of wrong) {
      expect((await scrape(t, headers)).statusCode).toBe(401);
    }
  });

  it('still serves an admin key', async () => {
    const { key } = await t.services.keys.createKey({ name: 'ops', scopes: ['admin'] });
    expect((await scrape(t, { 'x-api-key': key })).statusCode).toBe(200);
  });

  it('answers from memory while the database is unreachable, leaving out only the queue depth', async () => {
    const client = (t.services.database.db as unknown as { $client: PGlite }).$client;
    const query = vi.spyOn(client, 'query').mockRejectedValue(new Error('database unreachable'));
    try {
      const res = await scrape(t, { authorization: `Bearer ${TOKEN}` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/^jobs_created_total\{instance="[^"]+"\} 0$/m);
      // The queue depth is the one figure read from the database; without it the gauge keeps its last value.
      expect(query).toHaveBeenCalledTimes(1);
    } finally {
      query.mockRestore();
    }
  });
});
