import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS } from '../helpers/database.js';
import { type Client, DEMO, inject, ROOMY_DEMO_ENV } from './helpers.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** One hostile request: where it goes, what it sends, and the `loc` the 422 must name. */
interface Hostile {
  name: string;
  method: Method;
  url: string;
  payload?: unknown;
  loc: (string | number)[];
}

const front = (name: string) => ({
  name,
  nationality_distribution: [{ nationality_code: 'USA', percentage: 100 }],
});
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const SOME_ID = randomUUID();

/** NUL and unpaired surrogates in every kind of stored string, and JSON nested 5,000 deep. */
const UNSTORABLE: Hostile[] = [
  {
    name: 'NUL in a configuration name',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: { name: 'a\u0000b' },
    loc: ['name'],
  },
  {
    name: 'a lone surrogate in a configuration description',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: { name: 'ok', description: 'x\uD800' },
    loc: ['description'],
  },
  {
    name: 'NUL in a nested front name',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: { name: 'ok', front_configs: [front('N\u0000')] },
    loc: ['front_configs', 0, 'name'],
  },
  {
    name: 'NUL in a replaced configuration',
    method: 'PUT',
    url: `/api/v1/configurations/${SOME_ID}`,
    payload: { name: 'ok', notes: ['\u0000'] },
    loc: ['notes', 0],
  },
  {
    name: 'NUL in a configuration to validate',
    method: 'POST',
    url: '/api/v1/configurations/validate/',
    payload: { name: '\u0000' },
    loc: ['name'],
  },
  {
    name: 'NUL in an inline generation configuration',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { name: 'a\u0000' } },
    loc: ['configuration', 'name'],
  },
  {
    name: 'a lone low surrogate deep in a generation extra',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { extra: { deep: ['\uDC00'] } } },
    loc: ['configuration', 'extra', 'deep', 0],
  },
  {
    name: 'NUL in a property name',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { 'key\u0000': 1 } },
    loc: ['configuration'],
  },
  {
    name: 'NUL in a streamed configuration',
    method: 'POST',
    url: '/api/v1/streaming/generate',
    payload: { name: '\u0000', count: 1 },
    loc: ['name'],
  },
  {
    name: 'NUL in an admin key name',
    method: 'POST',
    url: '/api/v1/admin/keys/',
    payload: { name: 'a\u0000' },
    loc: ['name'],
  },
  {
    name: 'NUL in an admin key e-mail',
    method: 'POST',
    url: '/api/v1/admin/keys/',
    payload: { name: 'ok', email: 'a\u0000@example.org' },
    loc: ['email'],
  },
  {
    name: 'a lone surrogate in admin key notes',
    method: 'PATCH',
    url: `/api/v1/admin/keys/${SOME_ID}`,
    payload: { notes: '\uD800' },
    loc: ['notes'],
  },
  {
    name: 'NUL in the admin key search',
    method: 'GET',
    url: '/api/v1/admin/keys/?search=a%00',
    loc: ['querystring', 'search'],
  },
  {
    name: 'NUL in a path parameter',
    method: 'GET',
    url: '/api/v1/configurations/%00',
    loc: ['params', 'config_id'],
  },
  {
    name: 'JSON nested 5,000 deep in a generation',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: `{"configuration":${nested(5000)}}`,
    loc: ['configuration'],
  },
  {
    name: 'JSON nested 5,000 deep in a configuration',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: `{"name":"x","extra":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    loc: ['extra'],
  },
];

/** Prototype names, which a lookup table would find on Object.prototype. */
const PROTOTYPE_NAMES: Hostile[] = [
  {
    name: '__proto__ in a generation configuration',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: '{"configuration":{"__proto__":{"name":"x"}}}',
    loc: ['configuration', '__proto__'],
  },
  {
    name: 'constructor.prototype in a configuration',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: '{"name":"x","constructor":{"prototype":{"polluted":true}}}',
    loc: ['constructor'],
  },
  {
    name: '{"constructor": true} in a configuration',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { constructor: true } },
    loc: ['configuration', 'constructor'],
  },
  {
    name: 'prototype as a warfare type',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { warfare_types: { prototype: true } } },
    loc: ['configuration', 'warfare_types', 'prototype'],
  },
  {
    name: 'toString as a warfare type',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { warfare_types: { toString: true } } },
    loc: ['configuration', 'warfare_types', 'toString'],
  },
  {
    name: 'constructor as an injury category',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: { name: 'x', injury_mix: { constructor: 1 } },
    loc: ['injury_mix', 'constructor'],
  },
  {
    name: 'hasOwnProperty in a triage override',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: { name: 'x', triage_override: { hasOwnProperty: { T1: 1 } } },
    loc: ['triage_override', 'hasOwnProperty'],
  },
];

/** Seeds that cannot be echoed in `X-Seed`, on every route that takes one. */
const SEEDS: Hostile[] = [
  ...['a\r\nb', 'tab\there', 'übung', '😀', ' lead', 'trail ', 'x'.repeat(129), ''].map((seed) => ({
    name: `generation seed ${JSON.stringify(seed).slice(0, 20)}`,
    method: 'POST' as const,
    url: '/api/v1/generation/',
    payload: { configuration: { total_patients: 1 }, seed },
    loc: ['seed'],
  })),
  {
    name: 'a generation seed beyond the safe integers',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: '{"configuration":{},"seed":1e300}',
    loc: ['seed'],
  },
  {
    name: 'a streaming GET seed with CR LF',
    method: 'GET',
    url: `/api/v1/streaming/generate?configuration_id=${SOME_ID}&seed=a%0D%0Ab`,
    loc: ['querystring', 'seed'],
  },
  {
    name: 'a streaming POST seed with non-Latin-1 text',
    method: 'POST',
    url: '/api/v1/streaming/generate?seed=%E2%82%AC',
    payload: { count: 1 },
    loc: ['querystring', 'seed'],
  },
  {
    name: 'a streaming POST seed with NUL',
    method: 'POST',
    url: '/api/v1/streaming/generate?seed=a%00',
    payload: { count: 1 },
    loc: ['querystring', 'seed'],
  },
  {
    name: 'a streaming POST seed of 129 characters',
    method: 'POST',
    url: `/api/v1/streaming/generate?seed=${'x'.repeat(129)}`,
    payload: { count: 1 },
    loc: ['querystring', 'seed'],
  },
];

/** Values past what the service can hold or use. */
const OUT_OF_RANGE: Hostile[] = [
  {
    name: 'skip=9223372036854775807',
    method: 'GET',
    url: '/api/v1/configurations/?skip=9223372036854775807',
    loc: ['querystring', 'skip'],
  },
  {
    name: 'page=9223372036854775807',
    method: 'GET',
    url: `/api/v1/jobs/${SOME_ID}/results?page=9223372036854775807`,
    loc: ['querystring', 'page'],
  },
  {
    name: 'an admin daily_limit of 3e9',
    method: 'POST',
    url: '/api/v1/admin/keys/',
    payload: { name: 'x', daily_limit: 3e9 },
    loc: ['daily_limit'],
  },
  {
    name: 'an admin rate_limit_per_hour of 1e9',
    method: 'POST',
    url: '/api/v1/admin/keys/',
    payload: { name: 'x', rate_limit_per_hour: 1e9 },
    loc: ['rate_limit_per_hour'],
  },
  {
    name: 'an admin patient_limit past the integer range',
    method: 'PATCH',
    url: `/api/v1/admin/keys/${SOME_ID}`,
    payload: { patient_limit: 2 ** 31 },
    loc: ['patient_limit'],
  },
  {
    name: 'a configuration name of 201 characters',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: { name: 'n'.repeat(201) },
    loc: ['name'],
  },
  {
    name: 'an inline name of 900,000 characters',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { name: 'n'.repeat(900_000) } },
    loc: ['configuration', 'name'],
  },
  {
    name: 'a front name of 201 characters',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { front_configs: [front('f'.repeat(201))] } },
    loc: ['configuration', 'front_configs', 0, 'name'],
  },
  {
    name: 'base_date 9999-12-31',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { base_date: '9999-12-31' } },
    loc: ['configuration', 'base_date'],
  },
  {
    name: 'base_date 1899-12-31',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: { name: 'x', base_date: '1899-12-31' },
    loc: ['base_date'],
  },
  {
    name: 'encryption_password without use_encryption',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: {}, encryption_password: 'long enough password' },
    loc: ['encryption_password'],
  },
  {
    name: 'front_configs: [] in a generation',
    method: 'POST',
    url: '/api/v1/generation/',
    payload: { configuration: { front_configs: [] } },
    loc: ['configuration', 'front_configs'],
  },
  {
    name: 'front_configs: [] in a stored configuration',
    method: 'POST',
    url: '/api/v1/configurations/',
    payload: { name: 'x', front_configs: [] },
    loc: ['front_configs'],
  },
];

describe.each(BACKENDS)('hostile input on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: ROOMY_DEMO_ENV });
  });
  afterAll(() => t.close());

  /** A fresh key with a daily limit, so every admitted request draws on its quota. */
  async function freshKey(scopes = ['generate', 'admin']): Promise<Client & { id: string }> {
    const { key, record } = await t.services.keys.createKey({
      name: 'hostile input',
      rateLimitPerMinute: 10_000,
      rateLimitPerHour: 100_000,
      patientLimit: 100_000,
      dailyLimit: 1000,
      scopes,
    });
    return { id: record.id, headers: { 'x-api-key': key } };
  }

  function send(client: Client, h: Pick<Hostile, 'method' | 'url' | 'payload'>) {
    const raw = typeof h.payload === 'string';
    return inject(t, {
      method: h.method,
      url: h.url,
      headers: { ...client.headers, ...(raw && { 'content-type': 'application/json' }) },
      ...(h.payload !== undefined && { payload: h.payload as string }),
    });
  }

  /** The refused request used no daily quota: the next request is the day's first. */
  async function expectNoQuotaUsed(client: Client & { id: string }) {
    expect(await t.services.dailyQuota.count({ id: client.id, dailyLimit: 1000 }, '', t.clock.now())).toBe(0);
    const me = await inject(t, { ...client, url: '/api/v1/keys/me' });
    expect(me.headers['x-daily-usage']).toBe('1');
  }

  async function expect422(h: Hostile) {
    const client = await freshKey();
    const res = await send(client, h);
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ error: 'Validation Error', request_id: expect.any(String) });
    expect(body.errors.map((e: { loc: unknown[] }) => e.loc)).toContainEqual(h.loc);
    await expectNoQuotaUsed(client);
  }

  it.each(UNSTORABLE)('answers 422 naming the field, and uses no quota, for $name', expect422);
  it.each(PROTOTYPE_NAMES)('answers 422 naming the field for $name', expect422);
  it.each(SEEDS)('answers 422 naming the field for $name', expect422);
  it.each(OUT_OF_RANGE)('answers 422 naming the field for $name', expect422);

  it('names the depth limit in the message of a deeply nested body', async () => {
    const res = await send(await freshKey(), UNSTORABLE.find((h) => h.name.startsWith('JSON nested'))!);
    expect(res.json().detail).toContain('nested too deeply');
  });

  it('says which seeds are allowed', async () => {
    const res = await send(await freshKey(), SEEDS[0]!);
    expect(res.json().detail).toBe(
      'seed: must be 1-128 printable ASCII characters, with no leading or trailing space',
    );
  });

  it('takes a printable ASCII seed with inner spaces and echoes it in X-Seed', async () => {
    const client = await freshKey();
    const seed = 'Exercise 2026/A-1';
    const created = await send(client, {
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: { total_patients: 1 }, seed },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().seed).toBe(seed);
    const streamed = await send(client, {
      method: 'POST',
      url: `/api/v1/streaming/generate?seed=${encodeURIComponent(seed)}`,
      payload: { count: 1 },
    });
    expect(streamed.statusCode).toBe(200);
    expect(streamed.headers['x-seed']).toBe(seed);
  });

  it('applies one front_configs rule: generation and /configurations/validate/ agree', async () => {
    const client = await freshKey();
    const body = { name: 'x', front_configs: [] };
    const validated = await send(client, {
      method: 'POST',
      url: '/api/v1/configurations/validate/',
      payload: body,
    });
    expect(validated.json()).toEqual({
      valid: false,
      errors: [expect.stringContaining('front_configs: At least one front configuration is required')],
      warnings: [],
    });
    const generated = await send(client, {
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: body },
    });
    expect(generated.json().detail).toContain('At least one front configuration is required');
    // Without the key, both use the static fronts.
    const { front_configs: _omitted, ...withoutFronts } = body;
    const valid = await send(client, {
      method: 'POST',
      url: '/api/v1/configurations/validate/',
      payload: withoutFronts,
    });
    expect(valid.json()).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('checks the admin scope before the body: 403, not 422 or 400, for keys without it', async () => {
    const generateOnly = await freshKey(['generate']);
    for (const client of [generateOnly, { headers: DEMO }]) {
      for (const payload of [{ name: 'x', daily_limit: 3e9 }, { name: '\u0000' }, '{"name":']) {
        const res = await send(client, { method: 'POST', url: '/api/v1/admin/keys/', payload });
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error).toBe('Forbidden');
      }
    }
  });

  it('serves a key stored with out-of-bounds limits at the clamped limits, and warns once', async () => {
    const client = await freshKey();
    // Written straight into the database, as an older version or a hand edit could.
    await t.services.database.db.execute(sql`
      UPDATE api_keys SET rate_limit_per_minute = 500000000, rate_limit_per_hour = 1000000000,
        daily_limit = 2000000000, patient_limit = 0
      WHERE id = ${client.id}`);
    t.services.keys.clearCache();
    for (let i = 0; i < 2; i++) {
      const me = await inject(t, { ...client, url: '/api/v1/keys/me' });
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json().limits).toEqual({
        patients_per_request: 1,
        requests_per_day: 100_000_000,
        requests_per_minute: 100_000_000,
        requests_per_hour: 100_000_000,
      });
    }
    const warnings = t.logs.filter((line) => line.includes(client.id) && line.includes('out of bounds'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({
      level: 40,
      fields: ['patientLimit', 'dailyLimit', 'rateLimitPerMinute', 'rateLimitPerHour'],
    });
  });

  it('logs a database error without its SQL parameters', async () => {
    const client = await freshKey();
    const secret = `secret-param-${randomUUID()}`;
    const spy = vi.spyOn(t.services.configurations, 'create').mockImplementationOnce(async () => {
      await t.services.database.db.execute(sql`SELECT ${secret}::integer AS n`);
      throw new Error('unreachable');
    });
    try {
      const res = await send(client, {
        method: 'POST',
        url: '/api/v1/configurations/',
        payload: { name: 'x' },
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(secret);
    } finally {
      spy.mockRestore();
    }
    const line = t.logs.find((l) => l.includes('unhandled error') && l.includes('integer'));
    expect(line, 'the 500 is logged with the failed query').toBeDefined();
    expect(line).not.toContain(secret);
    expect(t.logs.join('\n')).not.toContain(secret);
  });
});
