import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createPostgresDatabase } from '../helpers/database.js';
import {
  cliJson,
  createStore,
  type RunningServer,
  runCli,
  runCliInProcess,
  type Store,
  startServer,
} from './helpers.js';

/** The earlier Python service's table (its migration 50f4486b4091), plaintext `key` and all. */
const EARLIER_SCHEMA = `
CREATE TABLE api_keys (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  key VARCHAR(64) NOT NULL UNIQUE,
  name VARCHAR(255) NOT NULL,
  email VARCHAR(255),
  is_active BOOLEAN NOT NULL DEFAULT true,
  is_demo BOOLEAN NOT NULL DEFAULT false,
  max_patients_per_request INTEGER NOT NULL DEFAULT 1000,
  max_requests_per_day INTEGER,
  max_requests_per_minute INTEGER NOT NULL DEFAULT 60,
  max_requests_per_hour INTEGER NOT NULL DEFAULT 1000,
  total_requests INTEGER NOT NULL DEFAULT 0,
  total_patients_generated INTEGER NOT NULL DEFAULT 0,
  daily_requests INTEGER NOT NULL DEFAULT 0,
  last_used_at TIMESTAMPTZ,
  last_reset_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ,
  key_metadata JSONB NOT NULL DEFAULT '{}'
)`;

const oldKey = () => `sk_live_${randomBytes(28).toString('hex')}`;

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

// The first import runs the binary (no key in what the process prints); the later commands run the
// program in this process (`runCliInProcess`), which spares a Node start per command.
describe.skipIf(!process.env.TEST_DATABASE_URL).each(BACKENDS)(
  'cli against %s: import from the earlier service (postgres source)',
  { timeout: 90_000 },
  (backend) => {
    let store: Store;
    let server: RunningServer;
    let source: Awaited<ReturnType<typeof createPostgresDatabase>>;
    const keys = { ops: oldKey(), lab: oldKey(), fast: oldKey() };

    beforeAll(async () => {
      source = await createPostgresDatabase();
      const client = new pg.Client({ connectionString: source.url });
      await client.connect();
      await client.query(EARLIER_SCHEMA);
      await client.query(
        `INSERT INTO api_keys (key, name, email, is_demo, max_patients_per_request, max_requests_per_day, total_requests,
           total_patients_generated, last_used_at, expires_at, key_metadata) VALUES
         ($1, 'Ops Team', 'ops@example.org', false, 250, 40, 17, 900, now() - interval '1 day', now() + interval '30 days', '{"team":"ops"}'),
         ($2, 'Lab', NULL, false, 1000, NULL, 0, 0, NULL, NULL, '{}'),
         ('DEMO_MILMED_2025_50_PATIENTS', 'Public Demo Key', NULL, true, 50, 100, 5, 50, NULL, NULL, '{"public_demo":true}')`,
        [keys.ops, keys.lab],
      );
      // The earlier service took any integer; this service's rate limiter stops at 100,000,000.
      await client.query(
        `INSERT INTO api_keys (key, name, max_requests_per_minute, max_requests_per_hour) VALUES ($1, 'Fast', 500000000, 2000000000)`,
        [keys.fast],
      );
      await client.end();
      store = await createStore(backend);
      server = await startServer(store.env);
    }, 90_000);

    afterAll(async () => {
      await server?.stop();
      await store?.close();
      await source?.drop();
    });

    it('imports the keys as hashes; they work on the server and keep names, limits and counters', async () => {
      const result = await runCli(['import', '--from', source.url, '--json'], store.env);
      expect(result.code, result.stderr).toBe(0);
      for (const key of Object.values(keys)) {
        expect(result.stdout).not.toContain(key);
        expect(result.stderr).not.toContain(key);
      }
      const report = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(report).toMatchObject({ found: 4, imported: 3, skipped_existing: 0, skipped_public_demo: 1 });
      const fast = (report.keys as Record<string, unknown>[]).find((k) => k.name === 'Fast');
      expect(fast).toMatchObject({
        result: 'imported',
        clamped_limits: ['rateLimitPerMinute', 'rateLimitPerHour'],
      });

      expect(await server.statusWith(keys.ops)).toBe(200);
      expect(await server.statusWith(keys.lab)).toBe(200);
      expect(await server.statusWith(keys.fast)).toBe(200);
      const [fastView] = await cliJson<Record<string, unknown>[]>(
        ['list', '--search', 'Fast'],
        store.env,
        runCliInProcess,
      );
      expect(fastView).toMatchObject({
        limits: { requests_per_minute: 100_000_000, requests_per_hour: 100_000_000 },
      });
      expect(await server.statusWith('DEMO_MILMED_2025_50_PATIENTS')).toBe(401);

      const [ops] = await cliJson<Record<string, unknown>[]>(
        ['list', '--search', 'ops@example'],
        store.env,
        runCliInProcess,
      );
      expect(ops).toMatchObject({
        name: 'Ops Team',
        email: 'ops@example.org',
        limits: {
          patients_per_request: 250,
          requests_per_day: 40,
          requests_per_minute: 60,
          requests_per_hour: 1000,
        },
        total_patients_generated: 900,
        metadata: { team: 'ops', imported_from: 'python-api-keys' },
      });
      expect(ops!.total_requests).toBeGreaterThanOrEqual(17);
      expect(ops!.expires_at).not.toBeNull();
    });

    it('imports nothing the second time', async () => {
      const report = await cliJson<Record<string, unknown>>(
        ['import', '--from', source.url],
        store.env,
        runCliInProcess,
      );
      expect(report).toMatchObject({ found: 4, imported: 0, skipped_existing: 3, skipped_public_demo: 1 });
      const table = await runCliInProcess(['import', '--from', source.url, '--dry-run'], store.env);
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/Would import 0 of 4 key\(s\); 3 already present/);
    });

    it('fails with exit 1 and no password in the message when the source cannot be read', async () => {
      const bad = new URL(source.url);
      bad.password = 'secret-pw';
      bad.pathname = '/milmed_no_such_database';
      const result = await runCliInProcess(['import', '--from', bad.toString()], store.env);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Cannot read api_keys from /);
      expect(result.stderr).not.toContain('secret-pw');
      const usage = await runCliInProcess(['import', '--from', 'mysql://x'], store.env);
      expect(usage.code).toBe(2);
    });

    it('stores no plaintext key in the new database', async () => {
      if (backend === 'postgres') {
        const client = new pg.Client({ connectionString: store.env.DATABASE_URL });
        await client.connect();
        const { rows } = await client.query<{ t: string }>('SELECT t::text AS t FROM api_keys t');
        await client.end();
        expect(rows.length).toBeGreaterThanOrEqual(3);
        for (const key of Object.values(keys)) expect(rows.map((r) => r.t).join('\n')).not.toContain(key);
      } else {
        // Every byte PGlite wrote (tables, indexes and WAL) after a clean shutdown.
        await server.stop();
        for (const file of filesUnder(store.env.DATA_DIR!)) {
          const bytes = readFileSync(file);
          for (const key of Object.values(keys)) expect(bytes.includes(key), file).toBe(false);
        }
      }
    });
  },
);
