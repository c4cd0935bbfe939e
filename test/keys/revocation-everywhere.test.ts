/**
 * Three instances built in-process share one PostgreSQL database and one Redis, as three servers
 * behind a load balancer would. A change to a key made on one of them (or by the CLI) must reach
 * every instance's key cache through Redis pub/sub within a second; without the broadcast the others
 * would keep serving the cached key for KEY_CACHE_TTL_MS (5 s).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openPostgres, runMigrations } from '../../src/db/index.js';
import { buildApp } from '../../src/http/app.js';
import { buildServices, type Services } from '../../src/services.js';
import { createPostgresDatabase, silentLogger } from '../helpers/database.js';
import { pino } from 'pino';

const enabled = Boolean(process.env.TEST_REDIS_URL && process.env.TEST_DATABASE_URL);
const logger = pino({ level: 'silent' });

interface Instance {
  app: FastifyInstance;
  services: Services;
}

describe.skipIf(!enabled)(
  'revocation on three instances sharing redis and postgres',
  { timeout: 60_000 },
  () => {
    let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
    const instances: Instance[] = [];
    const env = () => ({
      DATABASE_URL: database!.url,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      LOG_LEVEL: 'silent',
    });

    beforeAll(async () => {
      database = await createPostgresDatabase();
      const migrator = openPostgres({ connectionString: database.url }, silentLogger);
      await runMigrations(migrator);
      await migrator.close();
      for (let i = 0; i < 3; i++) {
        const services = await buildServices(loadConfig(env()), logger, {
          role: 'server',
          database: openPostgres({ connectionString: database.url }, silentLogger),
        });
        await services.start();
        const app = await buildApp(services, {});
        await app.ready();
        instances.push({ app, services });
      }
    }, 60_000);

    afterAll(async () => {
      for (const { app, services } of instances.splice(0)) {
        await app.close();
        await services.close();
      }
      await database?.drop();
    });

    const adminKey = async () =>
      (await instances[0]!.services.keys.createKey({ name: 'admin', scopes: ['generate', 'admin'] })).key;

    const me = (instance: Instance, key: string) =>
      instance.app.inject({ method: 'GET', url: '/api/v1/keys/me', headers: { 'x-api-key': key } });

    /** A key every instance has verified, so each holds it in its cache. */
    async function cachedEverywhere() {
      const { key, record } = await instances[0]!.services.keys.createKey({ name: 'revocable' });
      for (const instance of instances) expect((await me(instance, key)).statusCode).toBe(200);
      return { key, id: record.id };
    }

    /** Polls every instance until each answers as `settled` says, or fails at the deadline; resolves with the time taken. */
    async function settledEverywhereWithin(
      deadlineMs: number,
      key: string,
      settled: (response: Awaited<ReturnType<typeof me>>) => boolean,
    ): Promise<number> {
      const start = performance.now();
      const pending = new Set(instances);
      while (pending.size > 0) {
        for (const instance of [...pending]) if (settled(await me(instance, key))) pending.delete(instance);
        const elapsed = performance.now() - start;
        if (pending.size > 0 && elapsed > deadlineMs) {
          throw new Error(
            `${pending.size} of 3 instances still answer the old way after ${Math.round(elapsed)} ms`,
          );
        }
        if (pending.size > 0) await delay(10); // poll interval, not a wait for the outcome
      }
      return performance.now() - start;
    }

    const refused = (response: { statusCode: number }) => response.statusCode === 401;

    it('refuses a key deactivated through the admin API on every instance within a second', async () => {
      const admin = await adminKey();
      const { key, id } = await cachedEverywhere();
      const patch = await instances[1]!.app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/keys/${id}`,
        headers: { 'x-api-key': admin },
        payload: { is_active: false },
      });
      expect(patch.statusCode).toBe(200);
      expect(await settledEverywhereWithin(1_000, key, refused)).toBeLessThan(1_000);
    });

    it('refuses a deleted key on every instance within a second', async () => {
      const admin = await adminKey();
      const { key, id } = await cachedEverywhere();
      const deleted = await instances[2]!.app.inject({
        method: 'DELETE',
        url: `/api/v1/admin/keys/${id}`,
        headers: { 'x-api-key': admin },
      });
      expect(deleted.statusCode).toBe(204);
      await settledEverywhereWithin(1_000, key, refused);
    });

    it('refuses a key rotated with no grace period on every instance within a second', async () => {
      const { key, id } = await cachedEverywhere();
      await instances[0]!.services.keys.rotateKey(id, 0);
      await settledEverywhereWithin(1_000, key, refused);
    });

    it('applies a new patient limit on every instance within a second', async () => {
      const { key, id } = await cachedEverywhere();
      await instances[0]!.services.keys.update(id, { patientLimit: 250 });
      await settledEverywhereWithin(
        1_000,
        key,
        (response) => response.json().limits.patients_per_request === 250,
      );
    });

    it('lets an approved self-service key in on every instance within a second', async () => {
      const { key, id } = await cachedEverywhere();
      await instances[0]!.services.keys.update(id, { isActive: false, metadata: { approval: 'pending' } });
      await settledEverywhereWithin(1_000, key, refused);
      await instances[1]!.services.keys.approve(id);
      await settledEverywhereWithin(1_000, key, (response) => response.statusCode === 200);
    });

    it('refuses a key the CLI deactivated on every instance within a second', async () => {
      const { key, id } = await cachedEverywhere();
      const cli = await buildServices(loadConfig(env()), logger, {
        role: 'cli',
        database: openPostgres({ connectionString: database!.url }, silentLogger),
      });
      try {
        await cli.keys.update(id, { isActive: false });
      } finally {
        await cli.close();
      }
      await settledEverywhereWithin(1_000, key, refused);
    });
  },
);
