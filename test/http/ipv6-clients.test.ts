/**
 * Per-IP limits count an IPv6 client by its /64 (IPV6_SUBNET_PREFIX), because one host commonly
 * holds a whole /64; an IPv4 client arriving as IPv4-mapped IPv6 is the same client as over IPv4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, generateApiKey } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('IPv6 clients, counted per /64', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { AUTH_FAILURES_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  const me = (remoteAddress: string, key = DEMO_API_KEY) =>
    t.app.inject({ url: '/api/v1/keys/me', remoteAddress, headers: { 'x-api-key': key } });

  it('share one demo allowance across every address of a /64', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) statuses.push((await me(`2001:db8:aa:1::${i.toString(16)}`)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
    expect((await me('2001:db8:aa:2::1')).statusCode).toBe(200);
  });

  it('are throttled after AUTH_FAILURES_PER_MINUTE failures however they rotate addresses', async () => {
    for (let i = 1; i <= 5; i++)
      expect((await me(`2001:db8:bb:1::${i}`, generateApiKey())).statusCode).toBe(401);
    const rotated = await me('2001:db8:bb:1:ffff:ffff:ffff:ffff', generateApiKey());
    expect(rotated.statusCode).toBe(429);
    expect(rotated.json()).toMatchObject({ detail: 'Too many failed authentication attempts' });
    expect((await me('2001:db8:bb:2::1', generateApiKey())).statusCode).toBe(401);
  });

  it('own the demo jobs made from any address of their /64', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/generation/',
      remoteAddress: '2001:db8:cc:1::10',
      headers: { 'x-api-key': DEMO_API_KEY },
      payload: { configuration: { total_patients: 1 } },
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/v1/jobs/${created.json().job_id}`;
    const get = (remoteAddress: string) =>
      t.app.inject({ url, remoteAddress, headers: { 'x-api-key': DEMO_API_KEY } });
    expect((await get('2001:db8:cc:1::20')).statusCode).toBe(200);
    expect((await get('2001:db8:cc:2::10')).statusCode).toBe(404);
  });

  it('count an IPv4-mapped IPv6 address as the IPv4 client it is', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await me(i % 2 === 0 ? '198.51.100.40' : '::ffff:198.51.100.40')).statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses[10]).toBe(429);
  });
});
