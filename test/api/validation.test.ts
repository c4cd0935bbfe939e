import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, inject, personalKey } from './helpers.js';

const front = (code: string) => ({
  id: 'f1',
  name: 'North',
  nationality_distribution: [{ nationality_code: code, percentage: 100 }],
});

/** Bodies that must each get a 422 naming the field, with the words the detail must contain. */
const INVALID: [string, Record<string, unknown>, string][] = [
  ['an empty body', {}, 'Either configuration_id or configuration must be provided'],
  [
    'both configuration_id and configuration',
    { configuration_id: '3f0b5a3e-0000-4000-8000-000000000000', configuration: {} },
    'not both',
  ],
  ['an unsupported output format', { configuration: {}, output_formats: ['pdf'] }, 'output_formats'],
  ['no output formats', { configuration: {}, output_formats: [] }, 'output_formats'],
  ['zero patients', { configuration: {}, total_patients: 0 }, 'total_patients'],
  ['a negative patient count', { configuration: {}, total_patients: -1 }, 'total_patients'],
  ['a fractional patient count', { configuration: {}, total_patients: 2.5 }, 'total_patients'],
  ['encryption without a password', { configuration: {}, use_encryption: true }, 'encryption_password'],
  [
    'a password of 7 characters',
    { configuration: {}, use_encryption: true, encryption_password: '1234567' },
    'encryption_password',
  ],
  ['an unknown priority', { configuration: {}, priority: 'urgent' }, 'priority'],
  ['an unknown nationality in a front', { configuration: { front_configs: [front('XXX')] } }, 'nationality'],
  [
    'a negative facility rate',
    { configuration: { facility_configs: [{ id: 'r1', name: 'Role 1', kia_rate: -0.1, rtd_rate: 0.3 }] } },
    'facility_configs',
  ],
  [
    'an injury mix that sums to neither 1 nor 100',
    { configuration: { injury_mix: { Disease: 0.5, 'Non-Battle Injury': 0.2, 'Battle Injury': 0.1 } } },
    'injury_mix',
  ],
  ['a configuration that is not an object', { configuration: 'big war' }, 'configuration'],
  ['a configuration that is a list', { configuration: [1, 2] }, 'configuration'],
  ['a seed that is neither a string nor an integer', { configuration: {}, seed: { x: 1 } }, 'seed'],
  ['a count inside the configuration of zero', { configuration: { total_patients: 0 } }, 'total_patients'],
  ['a count inside the configuration that is text', { configuration: { count: 'many' } }, 'count'],
];

describe.each(HTTP_BACKENDS)('generation input validation on %s', (backend) => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: { BODY_LIMIT_BYTES: '65536' } });
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  it.each(INVALID)('answers 422 with field-level detail for %s', async (_name, payload, field) => {
    const res = await inject(t, { ...key, method: 'POST', url: '/api/v1/generation/', payload });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json();
    expect(body.error).toBe('Validation Error');
    const locs = (body.errors ?? []).map((e: { loc: unknown[] }) => e.loc.join('.')).join(' ');
    expect(`${body.detail} ${locs}`).toContain(field);
    expect(body).toHaveProperty('request_id');
  });

  it('answers 400 for malformed JSON and 413 for a body over the limit', async () => {
    const malformed = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/generation/',
      headers: { ...key.headers, 'content-type': 'application/json' },
      payload: '{"configuration": {',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('Bad Request');

    const huge = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: { name: 'x'.repeat(100_000) } },
    });
    expect(huge.statusCode).toBe(413);
  });

  it('answers 401, not 422, to a bad body without a key', async () => {
    const res = await inject(t, {
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { output_formats: ['pdf'] },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('Unauthorized');
  });

  it('answers 403 to a key without the generate scope on generation and streaming', async () => {
    for (const scopes of [[], ['admin']]) {
      const other = await personalKey(t, { scopes });
      const generation = await inject(t, {
        ...other,
        method: 'POST',
        url: '/api/v1/generation/',
        payload: { configuration: {} },
      });
      expect(generation.statusCode).toBe(403);
      const streaming = await inject(t, {
        ...other,
        method: 'POST',
        url: '/api/v1/streaming/generate',
        payload: { count: 1 },
      });
      expect(streaming.statusCode).toBe(403);
    }
  });

  it('validates streaming input too: batch_size 0 and a count of 0 are 422', async () => {
    const batch = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/streaming/generate?batch_size=0',
      payload: {},
    });
    expect(batch.statusCode).toBe(422);
    const count = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/streaming/generate',
      payload: { count: 0 },
    });
    expect(count.statusCode).toBe(422);
    expect(count.json().detail).toContain('count');
  });

  it('never answers 500 to odd but well-formed bodies', async () => {
    const odd: unknown[] = [
      { configuration: { front_configs: 'north' } },
      { configuration: { front_configs: [null] } },
      { configuration: { facility_configs: [{}] } },
      { configuration: { injury_mix: [] } },
      { configuration: { injury_mix: { Disease: 'a lot' } } },
      { configuration: { base_date: 'yesterday' } },
      { configuration: { warfare_types: 'all' } },
      { configuration: { configuration: 5 } },
      { configuration_id: 'not-a-uuid' },
      { configuration_id: '' },
      { configuration: {}, total_patients: '5' },
      { configuration: {}, use_compression: 'yes' },
      [],
      'text',
    ];
    for (const payload of odd) {
      const res = await inject(t, {
        ...key,
        method: 'POST',
        url: '/api/v1/generation/',
        headers: { ...key.headers, 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      // Some are tolerated (201), the rest refused; none may crash.
      expect([201, 400, 404, 422], `${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`).toContain(
        res.statusCode,
      );
    }
  });
});
