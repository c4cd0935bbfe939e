import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app.js';
import { BACKENDS } from './helpers/database.js';

describe.each(BACKENDS)('smoke on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
  });
  afterAll(() => t.close());

  it('answers liveness', async () => {
    const res = await t.app.inject('/health');
    expect(res.statusCode).toBe(200);
  });
  it('lets the demo key in on an empty database', async () => {
    const res = await t.app.inject({
      url: '/api/v1/keys/me',
      headers: { 'x-api-key': 'DEMO_MILMED_2025_500_PATIENTS' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-api-key-type']).toBe('demo');
  });
});
