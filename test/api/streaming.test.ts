import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, inject, personalKey } from './helpers.js';

describe.each(HTTP_BACKENDS)('streaming generation on %s', (backend) => {
  let t: TestApp;
  let key: Client;
  let configId: string;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
    key = await personalKey(t);
    const stored = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: { name: 'Streamed', total_patients: 40 },
    });
    configId = stored.json().id;
  });
  afterAll(() => t.close());

  it('streams a stored configuration: 7 patients with X-Patient-Count 7', async () => {
    const res = await inject(t, {
      ...key,
      url: `/api/v1/streaming/generate?configuration_id=${configId}&count=7&batch_size=3`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['x-patient-count']).toBe('7');
    expect(res.headers['x-batch-size']).toBe('3');
    expect(res.headers['cache-control']).toBe('no-cache');
    const body = res.json();
    expect(body.patients).toHaveLength(7);
    expect(body.total_patients).toBe(7);
    expect(new Set(body.patients.map((p: { id: unknown }) => p.id)).size).toBe(7);
  });

  it('uses the stored count when none is given, and an inline body’s count before total_patients', async () => {
    const stored = await inject(t, {
      ...key,
      url: `/api/v1/streaming/generate?configuration_id=${configId}`,
    });
    expect(stored.json().total_patients).toBe(40);
    const inline = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/streaming/generate',
      payload: { configuration: { count: 2, total_patients: 9 } },
    });
    expect(inline.statusCode).toBe(200);
    expect(inline.json().patients).toHaveLength(2);
  });

  it('answers 422 for batch_size 0 or count 0, and 404 for an unknown configuration', async () => {
    const batch = await inject(t, {
      ...key,
      url: `/api/v1/streaming/generate?configuration_id=${configId}&batch_size=0`,
    });
    expect(batch.statusCode).toBe(422);
    expect(batch.json().error).toBe('Validation Error');
    const count = await inject(t, {
      ...key,
      url: `/api/v1/streaming/generate?configuration_id=${configId}&count=0`,
    });
    expect(count.statusCode).toBe(422);
    const unknown = await inject(t, {
      ...key,
      url: '/api/v1/streaming/generate?configuration_id=00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('Not Found');
    const missing = await inject(t, { ...key, url: '/api/v1/streaming/generate' });
    expect(missing.statusCode).toBe(422);
  });

  it('answers 422 to an inline body the generator cannot use', async () => {
    const res = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/streaming/generate',
      payload: {
        front_configs: [
          { id: 'f', name: 'F', nationality_distribution: [{ nationality_code: 'ZZZ', percentage: 100 }] },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('front_configs');
  });
});
