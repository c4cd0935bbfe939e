import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_API_KEY, generateApiKey } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS } from '../helpers/database.js';

const ME = '/api/v1/keys/me';
const LEGACY_KEY = 'legacy-key-0123456789abcdef';

function expectUnauthorized(res: LightMyRequestResponse, detail: string, status: string) {
  expect(res.statusCode).toBe(401);
  expect(res.json()).toMatchObject({ error: 'Unauthorized', code: `KEY_${status.toUpperCase()}`, detail });
  expect(res.headers['www-authenticate']).toBe('ApiKey');
  expect(res.headers['x-key-status']).toBe(status);
}

describe.each(BACKENDS)('authentication on %s', (backend) => {
  let t: TestApp;
  const me = (headers: Record<string, string>) => t.app.inject({ url: ME, headers });

  // One app for the file; every test makes its own keys.
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: { API_KEY: LEGACY_KEY } });
  });
  afterAll(() => t.close());
  afterEach(() => vi.restoreAllMocks());

  describe('refuses with 401', () => {
    it('a request with no key', async () => {
      expectUnauthorized(await me({}), 'Missing API Key', 'missing');
    });

    it('an empty or blank key', async () => {
      expectUnauthorized(await me({ 'x-api-key': '' }), 'Missing API Key', 'missing');
      expectUnauthorized(await me({ 'x-api-key': '   ' }), 'Missing API Key', 'missing');
    });

    it('an unknown key', async () => {
      expectUnauthorized(
        await me({ 'x-api-key': generateApiKey() }),
        'Invalid or inactive API key',
        'invalid',
      );
    });

    it('a key with a corrupted checksum, without querying the database', async () => {
      const getByHash = vi.spyOn(t.services.keyRepository, 'getByHash');
      const { key } = await t.services.keys.createKey({ name: 'typo victim' });
      const typo = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
      expectUnauthorized(await me({ 'x-api-key': typo }), 'Invalid or inactive API key', 'invalid');
      expect(getByHash).not.toHaveBeenCalled();
    });

    it('a deactivated key', async () => {
      const { key, record } = await t.services.keys.createKey({ name: 'retired' });
      await t.services.keys.update(record.id, { isActive: false });
      expectUnauthorized(await me({ 'x-api-key': key }), 'API key is inactive', 'inactive');
    });

    it('a key once its expiry has passed, and not before', async () => {
      const expiresAt = new Date(t.clock.now().getTime() + 3600_000);
      const { key } = await t.services.keys.createKey({ name: 'short-lived', expiresAt });
      expect((await me({ 'x-api-key': key })).statusCode).toBe(200);
      t.clock.advance(3600_000);
      expectUnauthorized(await me({ 'x-api-key': key }), 'API key has expired', 'expired');
    });

    it('the demo key in the wrong case: keys are case-sensitive', async () => {
      expectUnauthorized(
        await me({ 'x-api-key': DEMO_API_KEY.toLowerCase() }),
        'Invalid or inactive API key',
        'invalid',
      );
    });

    it('a Bearer token that is not a known key', async () => {
      expectUnauthorized(
        await me({ authorization: 'Bearer nope-not-a-key' }),
        'Invalid or inactive API key',
        'invalid',
      );
    });
  });

  describe('accepts', () => {
    it('a live key, with its limits in the headers', async () => {
      const { key } = await t.services.keys.createKey({
        name: 'analyst',
        patientLimit: 1000,
        dailyLimit: 300,
      });
      const res = await me({ 'x-api-key': key });
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject({
        'x-api-key-type': 'live',
        'x-patient-limit': '1000',
        'x-daily-limit': '300',
        'x-daily-usage': '1',
      });
      expect(res.json()).toMatchObject({ name: 'analyst', type: 'live', limits: { requests_per_day: 300 } });
      expect((await me({ 'x-api-key': key })).headers['x-daily-usage']).toBe('2');
    });

    it('a key with no daily limit, shown as unlimited', async () => {
      const { key } = await t.services.keys.createKey({ name: 'unbounded', dailyLimit: null });
      const res = await me({ 'x-api-key': key });
      expect(res.headers['x-daily-limit']).toBe('unlimited');
      expect(res.headers['x-daily-usage']).toBe('1');
    });

    it('the header name in any case', async () => {
      const { key } = await t.services.keys.createKey({ name: 'shouty' });
      expect((await me({ 'X-API-KEY': key })).statusCode).toBe(200);
      expect((await me({ 'x-Api-Key': key })).statusCode).toBe(200);
    });

    it('Authorization: Bearer', async () => {
      const { key } = await t.services.keys.createKey({ name: 'bearer' });
      const res = await me({ authorization: `Bearer ${key}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-api-key-type']).toBe('live');
    });

    it('the demo key, as type demo with its configured limits', async () => {
      const res = await me({ 'x-api-key': DEMO_API_KEY });
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject({
        'x-api-key-type': 'demo',
        'x-patient-limit': '500',
        'x-daily-limit': '100',
      });
    });

    it('the legacy key from API_KEY: 10,000 patients, no daily cap', async () => {
      const res = await me({ 'x-api-key': LEGACY_KEY });
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject({
        'x-api-key-type': 'legacy',
        'x-patient-limit': '10000',
        'x-daily-limit': 'unlimited',
      });
      expect(res.json()).toMatchObject({
        type: 'legacy',
        limits: { requests_per_minute: 1000, requests_per_hour: 10000 },
      });
    });
  });
});

describe.each(BACKENDS)('the legacy key when API_KEY is unset, on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
  });
  afterAll(() => t.close());

  it.each(['CHANGE_ME_IN_PRODUCTION_DO_NOT_USE_DEFAULT', LEGACY_KEY, 'legacy'])(
    'refuses %s with 401',
    async (value) => {
      const res = await t.app.inject({ url: ME, headers: { 'x-api-key': value } });
      expectUnauthorized(res, 'Invalid or inactive API key', 'invalid');
    },
  );
});
