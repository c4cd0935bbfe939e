import { once } from 'node:events';
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { DEMO, inject, personalKey, ROOMY_DEMO_ENV } from './helpers.js';

/** Polls a condition every 10 ms; fails after `ms`. */
async function waitUntil(what: string, condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function bodyOf(res: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of res) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

// A real listening server: backpressure and client aborts need real sockets. Two streams per key, three
// per instance; the client IP comes from X-Forwarded-For (one trusted hop) so demo clients can differ.
describe('streaming bounds, backpressure and clean-up over real sockets', () => {
  let t: TestApp;
  let base: string;
  let configId: string;
  const keys: Record<'a' | 'b' | 'c', Record<string, string>> = { a: {}, b: {}, c: {} };
  const clients: ClientRequest[] = [];

  /** Opens one of key a's streams; resolves at the response headers, the body left unread (paused). */
  function open(query: string, headers: Record<string, string>) {
    return new Promise<{ req: ClientRequest; res: IncomingMessage }>((resolve, reject) => {
      const req = http.get(`${base}/api/v1/streaming/generate?configuration_id=${configId}&${query}`, {
        headers,
      });
      clients.push(req);
      req.once('response', (res) => resolve({ req, res }));
      req.once('error', reject);
    });
  }
  const active = () => t.services.streams.active();

  beforeAll(async () => {
    t = await buildTestApp({
      env: {
        ...ROOMY_DEMO_ENV,
        DEMO_PATIENT_LIMIT: '100000',
        STREAMS_PER_KEY: '2',
        STREAMS_PER_INSTANCE: '3',
        TRUST_PROXY: '1',
      },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    for (const name of ['a', 'b', 'c'] as const) keys[name] = (await personalKey(t, { name })).headers;
    const stored = await inject(t, {
      headers: keys.a,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: { name: 'Big', total_patients: 100_000 },
    });
    configId = stored.json().id; // key a's; other callers store their own (openAs)
  });
  afterEach(async () => {
    for (const req of clients.splice(0)) req.destroy();
    await waitUntil('every stream is closed', () => active().length === 0);
  });
  afterAll(() => t.close());

  /** A stored configuration owned by `headers`' key, for that key's streams. */
  async function configFor(headers: Record<string, string>): Promise<string> {
    const stored = await inject(t, {
      headers,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: { name: 'Big', total_patients: 100_000 },
    });
    return stored.json().id;
  }

  /** Like `open`, for any caller, over a configuration of its own. */
  async function openAs(headers: Record<string, string>, count = 100_000) {
    const id = await configFor(headers);
    return new Promise<{ req: ClientRequest; res: IncomingMessage }>((resolve, reject) => {
      const req = http.get(`${base}/api/v1/streaming/generate?configuration_id=${id}&count=${count}`, {
        headers,
      });
      clients.push(req);
      req.once('response', (res) => resolve({ req, res }));
      req.once('error', reject);
    });
  }

  it('answers 429 with Retry-After and the standard body to a key that already has 2 streams open', async () => {
    const held = [await open('count=100000', keys.a), await open('count=100000', keys.a)];
    expect(held.map((h) => h.res.statusCode)).toEqual([200, 200]);

    const refused = await open('count=5', keys.a);
    expect(refused.res.statusCode).toBe(429);
    expect(refused.res.headers['retry-after']).toBe('5');
    expect(refused.res.headers['x-limit-type']).toBe('concurrent_streams');
    expect(refused.res.headers['x-limit-value']).toBe('2');
    const body = JSON.parse(await bodyOf(refused.res));
    expect(body).toMatchObject({ error: 'Too Many Requests', detail: expect.stringContaining('(limit 2)') });
    expect(body.timestamp).toBeTypeOf('string');
    expect(body.request_id).toBeTypeOf('string');

    // Another key is not affected by a's bound.
    const other = await openAs(keys.b, 5);
    expect(other.res.statusCode).toBe(200);
    expect(JSON.parse(await bodyOf(other.res)).total_patients).toBe(5);
  });

  it('answers 503 with Retry-After once the instance has 3 streams open, whoever holds them', async () => {
    const held = [await open('count=100000', keys.a), await open('count=100000', keys.a)];
    held.push(await openAs(keys.b));
    expect(held.map((h) => h.res.statusCode)).toEqual([200, 200, 200]);

    const refused = await openAs(keys.c, 5);
    expect(refused.res.statusCode).toBe(503);
    expect(refused.res.headers['retry-after']).toBe('5');
    const body = JSON.parse(await bodyOf(refused.res));
    expect(body).toMatchObject({ error: 'Service Unavailable', detail: expect.stringContaining('streams') });
    expect(body.request_id).toBeTypeOf('string');
  });

  it('counts the demo key per client IP', async () => {
    const demo = (ip: string) => ({ ...DEMO, 'x-forwarded-for': ip });
    const held = [await openAs(demo('10.9.0.1')), await openAs(demo('10.9.0.1'))];
    expect(held.map((h) => h.res.statusCode)).toEqual([200, 200]);
    expect((await openAs(demo('10.9.0.1'), 5)).res.statusCode).toBe(429);
    const neighbour = await openAs(demo('10.9.0.2'), 5);
    expect(neighbour.res.statusCode).toBe(200);
  });

  it('frees the slot when a stream ends, and when its client goes away mid-way (worker terminated)', async () => {
    const small = await open('count=5', keys.a);
    expect(JSON.parse(await bodyOf(small.res)).total_patients).toBe(5);
    await waitUntil('the finished stream is closed', () => active().length === 0);

    const big = await open('count=100000&batch_size=100', keys.a);
    await once(big.res, 'data');
    const [stream] = active();
    expect(stream).toBeDefined();
    big.req.destroy();
    expect(await stream!.workerReleased).toBe('terminated');
    expect(stream!.patients).toBeLessThan(100_000);
    await waitUntil('the aborted stream is closed', () => active().length === 0);

    // Both slots are free again: two more streams for the same key are admitted.
    const again = [await open('count=5', keys.a), await open('count=5', keys.a)];
    expect(again.map((h) => h.res.statusCode)).toEqual([200, 200]);
    await Promise.all(again.map((h) => bodyOf(h.res)));
  });

  it('pauses the worker while the client does not read: the stream stops far short of its end', async () => {
    await open('count=100000&batch_size=100', keys.a);
    await waitUntil('the stream has started', () => active().length === 1 && active()[0]!.patients > 0);
    const [stream] = active();
    // Paused: the worker has had no credit for a while (several polls in a row) and sends nothing more.
    let quiet = 0;
    let last = -1;
    await waitUntil('the worker is paused', () => {
      quiet = stream!.stalled && stream!.patients === last ? quiet + 1 : 0;
      last = stream!.patients;
      return quiet >= 10;
    });
    const pausedAt = stream!.patients;
    // The socket buffers on both sides hold a few MB (about 2.5 KB a patient); nothing like 100,000.
    expect(pausedAt).toBeLessThan(20_000);
    // Another client streams 5,000 patients to the end meanwhile; the paused worker makes none.
    const reference = await openAs(keys.b, 5_000);
    expect(JSON.parse(await bodyOf(reference.res)).total_patients).toBe(5_000);
    expect(stream!.patients).toBe(pausedAt);
    expect(stream!.destroyed).toBe(false);
  });

  it('answers /api/v1/health while a 100,000-patient stream is in progress', async () => {
    const { res } = await open('count=100000', keys.a);
    let finished = false;
    res.on('data', () => {}).once('end', () => (finished = true));
    await waitUntil(
      'the stream has started',
      () => active()[0]?.patients !== undefined && active()[0]!.patients > 0,
    );
    for (let i = 0; i < 5; i++) {
      const health = await fetch(`${base}/api/v1/health`);
      expect(health.status).toBe(200);
    }
    expect(finished).toBe(false);
  });
});
