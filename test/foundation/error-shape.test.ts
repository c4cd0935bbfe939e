import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { ERROR_CODES, type ErrorCode } from '../../src/http/error-codes.js';
import { errorHandler, frameworkErrors } from '../../src/http/plugins/error-handler.js';
import { requestIdFor } from '../../src/http/plugins/request-context.js';
import { buildServices, type Services } from '../../src/services.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** The standard error body, and its request id matching the X-Request-ID header. */
function expectErrorBody(res: LightMyRequestResponse, status: number, extraKeys: string[] = []) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body).sort()).toEqual(
    ['code', 'detail', 'error', 'request_id', 'timestamp', ...extraKeys].sort(),
  );
  expect(ERROR_CODES[body.code as ErrorCode]?.status).toBe(status);
  expect(typeof body.error).toBe('string');
  expect(body.error.length).toBeGreaterThan(0);
  expect(body.timestamp).toMatch(ISO_UTC);
  expect(body.request_id).toBe(res.headers['x-request-id']);
  return body as { error: string; detail: string | unknown[]; timestamp: string; request_id: string };
}

describe('the error shape', () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const config = loadConfig({ LOG_LEVEL: 'silent', BODY_LIMIT_BYTES: '1024' });
    services = await buildServices(config, pino({ level: 'silent' }), {
      role: 'server',
      database: database.database,
    });
    app = await buildApp(services, { logger: pino({ level: 'silent' }) });
    // Routes with schemas, added to the real app before it is ready, prove the validation path.
    app.post(
      '/test/echo',
      { schema: { body: Type.Object({ count: Type.Integer({ minimum: 1 }), name: Type.String() }) } },
      async (request) => request.body,
    );
    app.get(
      '/test/search',
      { schema: { querystring: Type.Object({ limit: Type.Integer({ maximum: 10 }) }) } },
      async () => ({ ok: true }),
    );
    app.get('/test/boom', async () => {
      throw new Error('secret internals: connection string postgres://user:pw@db');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await services.close();
    await database.close();
  });

  it('answers an unknown route with 404', async () => {
    const res = await app.inject('/no/such/route?x=1');
    const body = expectErrorBody(res, 404);
    expect(body.error).toBe('Not Found');
    expect(body.detail).toBe('Route GET /no/such/route not found');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"count": 1,',
    });
    const body = expectErrorBody(res, 400);
    expect(body.detail).toBe('Malformed JSON in request body');
  });

  it('answers a body over BODY_LIMIT_BYTES with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ count: 1, name: 'x'.repeat(4096) }),
    });
    const body = expectErrorBody(res, 413);
    expect(body.error).toBe('Payload Too Large');
  });

  it('answers a body that breaks its schema with 422 naming each bad field', async () => {
    const res = await app.inject({ method: 'POST', url: '/test/echo', payload: { count: 0 } });
    const body = expectErrorBody(res, 422, ['errors']);
    expect(body.error).toBe('Validation Error');
    expect(body.detail).toContain('count');
    expect(body.detail).toContain('name');
  });

  it('answers a bad query parameter with 422 naming it', async () => {
    const res = await app.inject('/test/search?limit=99');
    const body = expectErrorBody(res, 422, ['errors']);
    expect(body.detail).toContain('limit');
  });

  it('hides the message of an unexpected failure behind a 500', async () => {
    const res = await app.inject('/test/boom');
    const body = expectErrorBody(res, 500);
    expect(body.detail).toBe('Internal server error');
    expect(res.body).not.toContain('secret internals');
  });

  it('lets the 401 headers reach the client', async () => {
    const res = await app.inject('/api/v1/keys/me');
    const body = expectErrorBody(res, 401);
    expect(body.detail).toBe('Missing API Key');
    expect(res.headers['www-authenticate']).toBe('ApiKey');
    expect(res.headers['x-key-status']).toBe('missing');
  });

  it('answers 401, not 422, to an unauthenticated request with a bad body', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/keys/me', payload: '{oops' });
    expectErrorBody(res, 401);
  });

  it("echoes the caller's X-Request-ID when it is sane and replaces it when it is not", async () => {
    const echoed = await app.inject({ url: '/nowhere', headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(expectErrorBody(echoed, 404).request_id).toBe('trace-abc-12345');
    const replaced = await app.inject({ url: '/nowhere', headers: { 'x-request-id': 'bad id <script>' } });
    expect(expectErrorBody(replaced, 404).request_id).not.toBe('bad id <script>');
  });
});

describe('the error shape for errors raised while routing', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // The real app needs `frameworkErrors` passed to Fastify() in src/http/app.ts; this app shows what it does.
    app = Fastify({
      frameworkErrors,
      maxParamLength: 20,
      genReqId: (req) => requestIdFor(req.headers['x-request-id']),
    });
    await app.register(errorHandler);
    app.get('/jobs/:id', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers a URL that is not valid percent-encoding with 400', async () => {
    const res = await app.inject('/jobs/%zz');
    expect(expectErrorBody(res, 400).detail).toBe('Invalid URL encoding');
  });

  it('answers an over-long path parameter with 414', async () => {
    const res = await app.inject(`/jobs/${'x'.repeat(50)}`);
    expect(expectErrorBody(res, 414).detail).toBe('Path parameter is too long');
  });
});
