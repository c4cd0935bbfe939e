import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, inject, personalKey, runJob } from '../api/helpers.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const ORIGIN = 'https://exercise.example.org';

/**
 * Response headers a browser shows a page without listing them (Fetch's CORS-safelisted response
 * headers), plus the CORS headers themselves and what only the connection uses.
 */
const READABLE_WITHOUT_EXPOSING = new Set([
  'cache-control',
  'content-language',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
  'connection',
  'date',
  'keep-alive',
  'transfer-encoding',
  'vary',
  'x-content-type-options',
]);

function exposed(headers: Record<string, unknown>): Set<string> {
  return new Set(
    String(headers['access-control-expose-headers'] ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase()),
  );
}

/** Headers of a response that a browser page could not read. */
function hiddenHeaders(headers: Record<string, unknown>): string[] {
  const readable = exposed(headers);
  return Object.keys(headers)
    .map((h) => h.toLowerCase())
    .filter((h) => !h.startsWith('access-control-') && !READABLE_WITHOUT_EXPOSING.has(h))
    .filter((h) => !readable.has(h));
}

describe('CORS for browser apps', () => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp({ env: { CORS_ORIGINS: ORIGIN } });
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  const cross = (client: Client) => ({ headers: { ...client.headers, origin: ORIGIN } });

  for (const method of ['PUT', 'PATCH', 'DELETE']) {
    it(`allows ${method} with an API key header in the preflight`, async () => {
      const res = await inject(t, {
        method: 'OPTIONS',
        url: '/api/v1/configurations/00000000-0000-4000-8000-000000000000',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': method,
          'access-control-request-headers': 'x-api-key, content-type',
        },
      });
      expect(res.statusCode).toBe(204);
      const methods = String(res.headers['access-control-allow-methods'])
        .split(',')
        .map((m) => m.trim());
      expect(methods).toEqual(
        expect.arrayContaining(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
      );
      expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('x-api-key');
    });
  }

  it('lets the page read every header of a 401: WWW-Authenticate, X-Key-Status, X-Response-Time', async () => {
    const res = await inject(t, { url: '/api/v1/jobs/', headers: { origin: ORIGIN } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('ApiKey');
    for (const h of ['www-authenticate', 'x-key-status', 'x-response-time'])
      expect(exposed(res.headers).has(h)).toBe(true);
    expect(hiddenHeaders(res.headers)).toEqual([]);
  });

  it('lets the page read every header of a streamed generation: X-Patient-Count, X-Batch-Size, X-Seed', async () => {
    const res = await inject(t, {
      ...cross(key),
      method: 'POST',
      url: '/api/v1/streaming/generate',
      payload: { configuration: { count: 2, total_patients: 9 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-seed']).toEqual(expect.any(String));
    for (const h of ['x-patient-count', 'x-batch-size', 'x-seed'])
      expect(exposed(res.headers).has(h)).toBe(true);
    expect(hiddenHeaders(res.headers)).toEqual([]);
  });

  it('lets the page read every header of a download and of a deletion', async () => {
    const { created } = await runJob(t, key, { configuration: { name: 'cors', total_patients: 1 } });
    const download = await inject(t, { ...cross(key), url: `/api/v1/downloads/${created.job_id}` });
    expect(download.statusCode).toBe(200);
    expect(hiddenHeaders(download.headers)).toEqual([]);
    const part = await inject(t, {
      ...cross(key),
      url: `/api/v1/downloads/${created.job_id}`,
      headers: { ...cross(key).headers, range: 'bytes=0-9' },
    });
    expect(part.statusCode).toBe(206);
    expect(hiddenHeaders(part.headers)).toEqual([]);
    const deleted = await inject(t, {
      ...cross(key),
      method: 'DELETE',
      url: `/api/v1/jobs/${created.job_id}`,
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(hiddenHeaders(deleted.headers)).toEqual([]);
  });
});
