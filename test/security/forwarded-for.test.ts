/**
 * X-Forwarded-For spoofing under each safe TRUST_PROXY setting: the entries a client writes itself
 * (the left-most ones) must not change who it is, for the demo key's per-IP limit or for job ownership.
 * This suite plays the proxy on 127.0.0.1: it appends the real client's address as the last entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/keys/index.js';
import { AttackClient, AttackStats, contractViolation } from './helpers/attack-client.js';
import { type LiveServer, startLiveServer } from './helpers/live-server.js';

const stats = new AttackStats('forwarded-for');
const PER_MINUTE = 5;
const SETTINGS = ['false', '1', '127.0.0.1'] as const;
const servers = new Map<string, LiveServer>();

beforeAll(async () => {
  const started = await Promise.all(
    SETTINGS.map((trust) =>
      startLiveServer({
        TRUST_PROXY: trust,
        DEMO_RATE_PER_MINUTE: String(PER_MINUTE),
        DEMO_RATE_PER_HOUR: '1000',
        DEMO_DAILY_LIMIT: '1000',
      }),
    ),
  );
  for (const [i, trust] of SETTINGS.entries()) servers.set(trust, started[i]!);
}, 400_000);

afterAll(async () => {
  stats.save();
  await Promise.all([...servers.values()].map((s) => s.stop()));
  for (const s of servers.values()) s.remove();
}, 60_000);

const demo = (xff?: string) => ({
  'x-api-key': DEMO_API_KEY,
  ...(xff === undefined ? {} : { 'x-forwarded-for': xff }),
});
const client = (trust: string) => new AttackClient(servers.get(trust)!.baseUrl, stats);

/** What the proxy sends for a client at `real` whose own header claimed `spoofed`. */
const viaProxy = (trust: string, spoofed: string, real: string) =>
  trust === 'false' ? spoofed : `${spoofed}, ${real}`;

describe.each(SETTINGS)('TRUST_PROXY=%s', (trust) => {
  it('a spoofed entry naming the owner does not reach the owner’s job', async () => {
    const api = client(trust);
    const owner = '198.51.100.20';
    const created = await api.send({
      method: 'POST',
      path: '/api/v1/generation/',
      headers: demo(viaProxy(trust, owner, owner)),
      body: { configuration: { name: 'xff owned', total_patients: 2 } },
    });
    expect(created.status, created.text).toBe(201);
    const jobId = (created.json as { job_id: string }).job_id;
    // The attacker writes the owner's address itself; the proxy appends the attacker's real one.
    const attacker = demo(viaProxy(trust, owner, '198.51.100.21'));
    const read = await api.send({ method: 'GET', path: `/api/v1/jobs/${jobId}`, headers: attacker });
    expect(contractViolation(read)).toBeUndefined();
    if (trust === 'false') {
      // Without a trusted proxy every request here comes from 127.0.0.1: one client, whatever the header says.
      expect(read.status).toBe(200);
    } else {
      expect(read.status).toBe(404);
      const del = await api.send({ method: 'DELETE', path: `/api/v1/jobs/${jobId}`, headers: attacker });
      expect(del.status).toBe(404);
    }
  });

  it(`spoofed entries do not reset the demo per-IP limit (${PER_MINUTE} a minute)`, async () => {
    const api = client(trust);
    const real = '198.51.100.10';
    const send = (i: number) =>
      api.send({
        method: 'GET',
        path: '/api/v1/keys/me',
        headers: demo(viaProxy(trust, `203.0.113.${100 + i}`, real)),
      });
    // Whatever this client used before (under `false`, every test shares 127.0.0.1), spend the rest.
    const first = await send(0);
    expect(first.status).toBe(200);
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    const statuses: number[] = [];
    for (let i = 1; i <= remaining + 1; i++) {
      const res = await send(i);
      expect(contractViolation(res)).toBeUndefined();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(remaining).fill(200), 429]);
  });
});
