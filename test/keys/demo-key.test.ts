import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { type Database, openPostgres } from '../../src/db/index.js';
import { ApiKeyRepository, ApiKeyService, DEMO_API_KEY } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS, silentLogger } from '../helpers/database.js';

const ME = '/api/v1/keys/me';

describe.each(BACKENDS)('the demo key on %s', (backend) => {
  let t: TestApp;
  const others: Database[] = [];

  /** A second service graph (another instance) over the same database. */
  function anotherInstance(env: Record<string, string> = {}): ApiKeyService {
    let db = t.services.database.db;
    if (backend === 'postgres') {
      const database = openPostgres({ connectionString: t.databaseUrl }, silentLogger);
      others.push(database);
      db = database.db;
    }
    return new ApiKeyService(new ApiKeyRepository(db), loadConfig(env), t.clock.now);
  }

  async function demoRows() {
    const keys = await t.services.keyRepository.list({ includeInactive: true });
    return keys.filter((k) => k.isDemo);
  }

  // One app for the file. The demo key is one row for all tests, so the test that needs
  // an empty database comes first; the per-IP test uses IPs no other test uses.
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: { DEMO_DAILY_LIMIT: '3' } });
  });
  afterAll(() => t.close());
  afterEach(async () => {
    for (const database of others.splice(0)) await database.close();
  });

  it('works on an empty database with no set-up step', async () => {
    expect(await demoRows()).toHaveLength(0);
    const res = await t.app.inject({ url: ME, headers: { 'x-api-key': DEMO_API_KEY } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: 'demo', name: 'Public Demo Key', scopes: ['generate'] });
    expect(await demoRows()).toHaveLength(1);
  });

  it('gets exactly one row when several instances create it at the same moment', async () => {
    const instances = [t.services.keys, anotherInstance(), anotherInstance(), anotherInstance()];
    await Promise.all(instances.flatMap((keys) => [keys.ensureDemoKey(), keys.ensureDemoKey()]));
    expect(await demoRows()).toHaveLength(1);
  });

  it('brings its row up to date when the DEMO_* limits change', async () => {
    await anotherInstance().ensureDemoKey();
    expect((await demoRows())[0]).toMatchObject({
      patientLimit: 500,
      dailyLimit: 100,
      rateLimitPerMinute: 10,
    });

    const updated = await anotherInstance({
      DEMO_PATIENT_LIMIT: '250',
      DEMO_DAILY_LIMIT: '40',
      DEMO_RATE_PER_MINUTE: '5',
      DEMO_RATE_PER_HOUR: '30',
    }).ensureDemoKey();
    expect(updated).toMatchObject({
      patientLimit: 250,
      dailyLimit: 40,
      rateLimitPerMinute: 5,
      rateLimitPerHour: 30,
    });
    expect(await demoRows()).toHaveLength(1);

    await t.services.keys.ensureDemoKey();
    const res = await t.app.inject({ url: ME, headers: { 'x-api-key': DEMO_API_KEY } });
    expect(res.headers['x-daily-limit']).toBe('3');
  });

  it('counts its daily allowance per client IP, so one client cannot spend it for all', async () => {
    const from = (ip: string) =>
      t.app.inject({ url: ME, remoteAddress: ip, headers: { 'x-api-key': DEMO_API_KEY } });
    for (let i = 1; i <= 3; i++) {
      const res = await from('10.0.0.1');
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-daily-usage']).toBe(String(i));
    }
    const spent = await from('10.0.0.1');
    expect(spent.statusCode).toBe(429);
    expect(spent.json().detail).toBe('Daily request limit exceeded (3)');

    const neighbour = await from('10.0.0.2');
    expect(neighbour.statusCode).toBe(200);
    expect(neighbour.headers['x-daily-usage']).toBe('1');
  });
});
