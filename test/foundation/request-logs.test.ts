import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const LEGACY_KEY = 'legacy-key-for-log-test-0123456789';

describe('request logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { API_KEY: LEGACY_KEY } });
  });
  afterAll(() => t.close());

  it('writes one JSON line per request carrying its request id', async () => {
    const ids = ['log-line-test-0001', 'log-line-test-0002', 'log-line-test-0003'];
    await t.app.inject({ url: '/health', headers: { 'x-request-id': ids[0] } });
    await t.app.inject({ url: '/missing', headers: { 'x-request-id': ids[1] } });
    await t.app.inject({ url: '/api/v1/keys/me', headers: { 'x-request-id': ids[2] } });
    for (const id of ids) {
      const lines = t.logs.filter((line) => line.includes(id)).map((line) => JSON.parse(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ request_id: id, msg: 'request completed' });
    }
  });

  it('never writes a full key, whichever kind and however it was sent', async () => {
    const { key: liveKey, record } = await t.services.keys.createKey({ name: 'log test' });
    const { key: deadKey, record: dead } = await t.services.keys.createKey({ name: 'deactivated' });
    await t.services.keys.update(dead.id, { isActive: false });
    const unknownKey = 'not-a-real-key-but-still-secret-42';
    const keys = [DEMO_API_KEY, liveKey, LEGACY_KEY, deadKey, unknownKey];

    for (const key of keys) {
      await t.app.inject({ url: '/api/v1/keys/me', headers: { 'x-api-key': key } });
      await t.app.inject({ url: '/api/v1/keys/me', headers: { authorization: `Bearer ${key}` } });
      await t.app.inject({ url: `/api/v1/keys/me?api_key=${encodeURIComponent(key)}` });
      await t.app.inject({
        url: `/no/such/route?key=${encodeURIComponent(key)}`,
        headers: { 'x-api-key': key },
      });
    }
    await t.services.usage.flush();

    expect(t.logs.length).toBeGreaterThan(keys.length * 4);
    const output = t.logs.join('\n');
    for (const key of keys) expect(output).not.toContain(key);
    // The display prefix is what people see instead.
    expect(output).toContain(record.keyPrefix);
  });
});
