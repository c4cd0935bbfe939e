import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistrationModeSetting, SettingsRepository, SHOWN_MODE_TTL_MS } from '../../src/settings/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS } from '../helpers/database.js';
import { type Client, DEMO, inject, personalKey } from './helpers.js';

const LEGACY: Client = { headers: { 'x-api-key': 'legacy-admin-key-for-settings-tests' } };
const URL = '/api/v1/admin/settings';
const person = { name: 'Ada Medic', email: 'ada@example.org', accept_terms: true };

// The settings are storage behaviour (one row every instance reads), so both back ends run them.
describe.each(BACKENDS)('the admin settings API on %s', (backend) => {
  let t: TestApp;
  let admin: Client & { id: string };
  let adminPrefix: string;
  let address = 0;
  beforeAll(async () => {
    t = await buildTestApp({
      backend,
      env: { API_KEY: LEGACY.headers['x-api-key']!, SELF_SERVICE_REGISTRATION: 'approval' },
    });
    admin = await personalKey(t, { name: 'admin', scopes: ['admin'] });
    adminPrefix = (await t.services.keyRepository.getById(admin.id))!.keyPrefix;
  });
  afterAll(() => t?.close());

  const read = (client: Client = admin) => inject(t, { ...client, url: URL });
  const change = (payload: Record<string, unknown>, client: Client = admin) =>
    inject(t, { ...client, method: 'PATCH', url: URL, payload });
  /** A registration from an address of its own, so the per-address allowance never interferes. */
  const register = () =>
    inject(t, {
      method: 'POST',
      url: '/api/v1/keys/register',
      payload: person,
      remoteAddress: `198.51.100.${++address}`,
    });

  it('answers 401 without a key and 403 to the demo key and a generate-only key, before the body', async () => {
    expect((await read({ headers: {} })).statusCode).toBe(401);
    expect((await change({ self_service_registration: 'off' }, { headers: {} })).statusCode).toBe(401);
    const plain = await personalKey(t, { name: 'plain' });
    for (const client of [plain, { headers: DEMO }]) {
      expect((await read(client)).statusCode).toBe(403);
      const patched = await change({ self_service_registration: 'off' }, client);
      expect(patched.statusCode).toBe(403);
      expect((await change({ not_a_setting: 1 }, client)).statusCode).toBe(403);
    }
    expect((await read()).json().self_service_registration.mode).toBe('approval');
  });

  it('shows the environment mode until an administrator sets one', async () => {
    const res = await read();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      self_service_registration: {
        mode: 'approval',
        source: 'environment',
        environment_default: 'approval',
        updated_at: null,
        updated_by: null,
      },
      pending_keys: 0,
    });
  });

  it('counts the keys waiting for approval', async () => {
    expect((await register()).json().status).toBe('pending');
    expect((await read()).json().pending_keys).toBe(1);
    const { api_key } = (await register()).json();
    expect((await read()).json().pending_keys).toBe(2);
    await inject(t, { ...admin, method: 'POST', url: `/api/v1/admin/keys/${api_key.id}/approve` });
    expect((await read()).json().pending_keys).toBe(1);
  });

  it('opens registration at once: the next key works, and the change is stored with who made it', async () => {
    const res = await change({ self_service_registration: 'open' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().self_service_registration).toEqual({
      mode: 'open',
      source: 'administrator',
      environment_default: 'approval',
      updated_at: t.clock.now().toISOString(),
      updated_by: adminPrefix,
    });
    const registered = await register();
    expect(registered.json().status).toBe('active');
    const me = await inject(t, { url: '/api/v1/keys/me', headers: { 'x-api-key': registered.json().key } });
    expect(me.statusCode).toBe(200);
  });

  it('closes registration with off: 404 and no key issued', async () => {
    const before = (await t.services.keyRepository.list({ includeInactive: true })).length;
    const res = await change({ self_service_registration: 'off' }, LEGACY);
    expect(res.json().self_service_registration).toMatchObject({ mode: 'off', updated_by: 'API_KEY' });
    const refused = await register();
    expect(refused.statusCode).toBe(404);
    expect(refused.json().detail).toBe('Self-service registration is switched off');
    expect((await t.services.keyRepository.list({ includeInactive: true })).length).toBe(before);
  });

  it('keeps the stored mode for another instance and after a restart with another environment', async () => {
    // A second setting object over the same database stands for another instance, or this one
    // restarted with SELF_SERVICE_REGISTRATION=open: nothing held in memory answers for it.
    const elsewhere = new RegistrationModeSetting(new SettingsRepository(t.services.database.db), 'open');
    await change({ self_service_registration: 'approval' });
    expect(await elsewhere.read()).toMatchObject({ mode: 'approval', source: 'administrator' });
    await change({ self_service_registration: 'off' });
    expect((await elsewhere.read()).mode).toBe('off');
  });

  it('tells the public page the mode, at once after a change here and within the TTL after one elsewhere', async () => {
    const shown = async () => (await inject(t, { url: '/api/v1/config/frontend' })).json().registration;
    await change({ self_service_registration: 'off' });
    expect(await shown()).toBe('off');
    await change({ self_service_registration: 'approval' });
    expect(await shown()).toBe('approval');

    // Another instance's change, straight into the table: this instance shows it once the TTL is over.
    await new SettingsRepository(t.services.database.db).put(
      'self_service_registration',
      'open',
      'elsewhere',
      t.clock.now(),
    );
    expect(await shown()).toBe('approval');
    t.clock.advance(SHOWN_MODE_TTL_MS);
    expect(await shown()).toBe('open');
  });

  it('returns to the environment mode with null', async () => {
    await change({ self_service_registration: 'open' });
    const res = await change({ self_service_registration: null });
    expect(res.statusCode).toBe(200);
    expect(res.json().self_service_registration).toEqual({
      mode: 'approval',
      source: 'environment',
      environment_default: 'approval',
      updated_at: null,
      updated_by: null,
    });
    expect((await register()).json().status).toBe('pending');
  });

  it('follows the environment when the stored value is no mode (a hand edit of the table)', async () => {
    await new SettingsRepository(t.services.database.db).put(
      'self_service_registration',
      'closed',
      'psql',
      t.clock.now(),
    );
    const res = await read();
    expect(res.json().self_service_registration).toMatchObject({ mode: 'approval', source: 'environment' });
    await change({ self_service_registration: null });
  });

  it('refuses bad input with 422 and the standard error body, changing nothing', async () => {
    await change({ self_service_registration: 'open' });
    for (const payload of [
      {},
      { self_service_registration: 'closed' },
      { self_service_registration: true },
      { self_service_registration: 'open', registrations_per_hour: 5 },
    ]) {
      const res = await change(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', request_id: expect.any(String) });
    }
    const bad = await change({ self_service_registration: 'closed' });
    expect(bad.json().detail).toBe('self_service_registration: must be one of: open, approval, off');
    expect((await read()).json().self_service_registration.mode).toBe('open');
  });

  it('writes one audit line per change, naming the change and who made it, never the key', async () => {
    const logged = t.logs.length;
    await change({ self_service_registration: 'approval' });
    await change({ self_service_registration: 'open' }, LEGACY);
    const lines = t.logs
      .slice(logged)
      .map((line) => JSON.parse(line))
      .filter((line) => line.msg === 'setting changed');
    expect(lines).toEqual([
      expect.objectContaining({
        setting: 'self_service_registration',
        from: 'open',
        to: 'approval',
        by: adminPrefix,
      }),
      expect.objectContaining({
        setting: 'self_service_registration',
        from: 'approval',
        to: 'open',
        by: 'API_KEY',
      }),
    ]);
    const log = t.logs.join('\n');
    expect(log).not.toContain(admin.headers['x-api-key']);
    expect(log).not.toContain(LEGACY.headers['x-api-key']);
  });
});
