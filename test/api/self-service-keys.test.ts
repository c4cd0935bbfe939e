import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type Client, inject, personalKey } from './helpers.js';

const REGISTER = '/api/v1/keys/register';
const person = { name: 'Ada Medic', email: 'ada@example.org', accept_terms: true };

/** A registration from its own address, so the per-IP allowance of one test does not touch another. */
const register = (t: TestApp, body: unknown, remoteAddress = '198.51.100.1') =>
  inject(t, { method: 'POST', url: REGISTER, payload: body as Record<string, unknown>, remoteAddress });

const me = (t: TestApp, key: string) => inject(t, { url: '/api/v1/keys/me', headers: { 'x-api-key': key } });

describe('self-service keys, open mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: {
        SELF_SERVICE_PATIENT_LIMIT: '250',
        SELF_SERVICE_DAILY_LIMIT: '40',
        SELF_SERVICE_REGISTRATIONS_PER_HOUR: '2',
      },
    });
  });
  afterAll(() => t.close());

  it('gives a working personal key with the self-service limits, shown once', async () => {
    const res = await register(t, person, '198.51.100.10');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.status).toBe('active');
    expect(body.api_key).toMatchObject({
      name: 'Ada Medic',
      patient_limit: 250,
      daily_limit: 40,
      scopes: ['generate'],
    });
    expect(body.api_key.expires_at).not.toBeNull();
    const check = await me(t, body.key);
    expect(check.statusCode).toBe(200);
    expect(check.json().limits.patients_per_request).toBe(250);
  });

  it('never writes the key or the email to the log', async () => {
    const res = await register(t, { ...person, email: 'private.person@example.org' }, '198.51.100.11');
    const { key } = res.json();
    const log = t.logs.join('\n');
    expect(log).not.toContain(key);
    expect(log).not.toContain('private.person@example.org');
  });

  it('refuses a registration without the terms accepted, naming the field', async () => {
    const res = await register(t, { ...person, accept_terms: false }, '198.51.100.12');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('accept_terms');
  });

  it('refuses a bad email and unknown fields with 422', async () => {
    expect((await register(t, { ...person, email: 'not-an-email' }, '198.51.100.13')).statusCode).toBe(422);
    expect((await register(t, { ...person, scopes: ['admin'] }, '198.51.100.13')).statusCode).toBe(422);
  });

  it('refuses a body that is not JSON with 415, so a cross-site HTML form cannot register', async () => {
    const res = await inject(t, {
      method: 'POST',
      url: REGISTER,
      payload: 'name=Eve&email=eve%40example.org&accept_terms=true',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: '198.51.100.14',
    });
    expect(res.statusCode).toBe(415);
  });

  it('answers 429 with Retry-After once an address has used its registrations for the hour', async () => {
    const ip = '198.51.100.20';
    expect((await register(t, person, ip)).statusCode).toBe(201);
    expect((await register(t, person, ip)).statusCode).toBe(201);
    const third = await register(t, person, ip);
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(third.json().detail).toContain('Too many registrations');
    expect((await register(t, person, '198.51.100.21')).statusCode).toBe(201);
    t.clock.advance(3_600_000 + 60_000); // the window slides by whole minutes
    expect((await register(t, person, ip)).statusCode).toBe(201);
  });
});

describe('self-service keys, approval mode', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await buildTestApp({ env: { SELF_SERVICE_REGISTRATION: 'approval' } });
    admin = await personalKey(t, { name: 'admin', scopes: ['admin'] });
  });
  afterAll(() => t.close());

  it('keeps a new key pending, refused with a clear 401, until an admin approves it', async () => {
    const res = await register(t, person);
    expect(res.statusCode).toBe(201);
    const { key, status, api_key } = res.json();
    expect(status).toBe('pending');
    expect(api_key.is_active).toBe(false);
    expect(api_key.metadata.approval).toBe('pending');

    const refused = await me(t, key);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-key-status']).toBe('pending');
    expect(refused.json().detail).toContain('waiting for an administrator');

    const approved = await inject(t, {
      method: 'POST',
      url: `/api/v1/admin/keys/${api_key.id}/approve`,
      headers: admin.headers,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ is_active: true, metadata: { approval: 'approved' } });
    expect((await me(t, key)).statusCode).toBe(200);
  });

  it('lets only an admin approve: no key 401, a generate-only key 403, an unknown id 404', async () => {
    const { api_key } = (await register(t, person, '198.51.100.2')).json();
    const url = `/api/v1/admin/keys/${api_key.id}/approve`;
    expect((await inject(t, { method: 'POST', url })).statusCode).toBe(401);
    const { key } = await t.services.keys.createKey({ name: 'plain' });
    expect((await inject(t, { method: 'POST', url, headers: { 'x-api-key': key } })).statusCode).toBe(403);
    const unknown = '/api/v1/admin/keys/00000000-0000-4000-8000-000000000000/approve';
    expect((await inject(t, { method: 'POST', url: unknown, headers: admin.headers })).statusCode).toBe(404);
  });
});

describe('self-service keys, switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { SELF_SERVICE_REGISTRATION: 'off' } });
  });
  afterAll(() => t.close());

  it('answers 404 and issues no key', async () => {
    const res = await register(t, person);
    expect(res.statusCode).toBe(404);
    expect(await t.services.keyRepository.list({ search: 'Ada' })).toEqual([]);
  });
});
