/**
 * X-Forwarded-For spoofing under each safe TRUST_PROXY setting. A client may put anything in the
 * header; a trusted proxy appends the address it saw. The client identity (demo-key limits and
 * demo job ownership) must be the right-most address no trusted proxy wrote, so entries the
 * client forged on the left never change it. (`TRUST_PROXY=true`, which took the left-most entry,
 * is refused at start-up: test/foundation/config-security.test.ts.)
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

interface Setting {
  name: string;
  env: Record<string, string>;
  /** How a request from `client`, with `forged` X-Forwarded-For entries of its own, reaches the app. */
  route(client: string, forged: string[]): Pick<InjectOptions, 'remoteAddress' | 'headers'>;
}

const xff = (entries: string[]) => (entries.length ? { 'x-forwarded-for': entries.join(', ') } : {});

const SETTINGS: Setting[] = [
  {
    name: 'TRUST_PROXY=false (clients connect directly)',
    env: { TRUST_PROXY: 'false' },
    route: (client, forged) => ({ remoteAddress: client, headers: xff(forged) }),
  },
  {
    name: 'TRUST_PROXY=1 (one reverse proxy)',
    env: { TRUST_PROXY: '1' },
    route: (client, forged) => ({ remoteAddress: '10.0.0.1', headers: xff([...forged, client]) }),
  },
  {
    name: 'TRUST_PROXY=10.0.0.0/8 (two proxies in that range)',
    env: { TRUST_PROXY: '10.0.0.0/8' },
    route: (client, forged) => ({ remoteAddress: '10.0.0.2', headers: xff([...forged, client, '10.0.0.1']) }),
  },
];

describe.each(SETTINGS)('client identity under $name', (setting) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: setting.env });
  });
  afterAll(() => t.close());

  const send = (client: string, forged: string[], options: InjectOptions) => {
    const { remoteAddress, headers } = setting.route(client, forged);
    return t.app.inject({
      ...options,
      remoteAddress,
      headers: { 'x-api-key': DEMO_API_KEY, ...headers, ...(options.headers ?? {}) },
    });
  };

  it("does not let a forged X-Forwarded-For entry read or delete another demo user's job", async () => {
    const victim = '198.51.100.10';
    const attacker = '203.0.113.66';
    const created = await send(victim, [], {
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: { total_patients: 1 } },
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/v1/jobs/${created.json().job_id}`;

    expect((await send(attacker, [victim], { url })).statusCode).toBe(404);
    expect((await send(attacker, [victim], { method: 'DELETE', url })).statusCode).toBe(404);
    expect((await send(attacker, [`${victim}, ${victim}`], { url })).statusCode).toBe(404);
    expect((await send(victim, [], { url })).statusCode).toBe(200);
  });

  it('keeps counting one client under its own IP whatever it forges to the left', async () => {
    const client = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await send(client, [`192.0.2.${i + 1}`], { url: '/api/v1/keys/me' })).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
    // Another client behind the same proxies still has its own allowance.
    expect((await send('203.0.113.78', [], { url: '/api/v1/keys/me' })).statusCode).toBe(200);
  });
});

describe('a client that bypasses the trusted proxies (TRUST_PROXY=10.0.0.0/8)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { TRUST_PROXY: '10.0.0.0/8' } });
  });
  afterAll(() => t.close());

  it('is known by its socket address, and its X-Forwarded-For is ignored', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({
        url: '/api/v1/keys/me',
        remoteAddress: '203.0.113.90',
        headers: { 'x-api-key': DEMO_API_KEY, 'x-forwarded-for': `192.0.2.${i + 1}, 10.0.0.${i + 1}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses[10]).toBe(429);
  });
});
